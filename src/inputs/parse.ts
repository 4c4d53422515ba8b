import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { InputError } from '../shared/errors.js'
import type { UploadFile } from '../shared/files.js'
import { findUnpinnedRequirements } from '../shared/requirements.js'
import { parseConnection, parseGroup } from './connection.js'
import { uploadFile } from './datasets.js'
import { parseDotenv } from './dotenv.js'
import { expandExtraFiles } from './extra-files.js'
import { InputReader } from './reader.js'
import { parseSchema } from './schema.js'
import { parseSmokeTest } from './smoke-test-inputs.js'
import {
  API_VERSIONS,
  INPUT_TYPES,
  MODES,
  PYTHON_VERSIONS,
  type DeploySpec,
  type InputFindings,
  type InputSource,
  type InputType,
  type Operation,
  type PythonVersion
} from './spec.js'
import { Workspace } from './workspace.js'

export * from './spec.js'
export { apiBaseUrl, normaliseGroup } from './connection.js'
export { envFileValues } from './dotenv.js'

/** The runner's inputs, with every secret masked as soon as it is read. */
export function runnerInputSource(): InputSource {
  return {
    get: (name) => core.getInput(name),
    env: process.env,
    // The runner starts actions in the workspace, but a composite step may not.
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    mask: (value) => core.setSecret(value)
  }
}

/**
 * Parses and checks every input. Collects all problems before throwing one
 * InputError, so a user fixes a workflow in one round instead of one per run.
 * Synchronous and cheap: the entrypoint check (which runs Python) is main's.
 */
export function parseInputs(source: InputSource): { spec: DeploySpec; findings: InputFindings } {
  const reader = new InputReader(source)
  const { fail, notices, warnings } = reader

  const mode = reader.choice('mode', MODES, 'deploy', 'a mode')
  // validate works offline (a pull request from a fork has no secrets); smoke-test uploads nothing.
  const needsServer = mode !== 'validate'
  const uploads = mode !== 'smoke-test'

  // Secrets are read (and masked) first, before any message could print them.
  const connection = parseConnection(reader, needsServer)
  const { group, groupNormalised } = parseGroup(reader)
  const workspace = new Workspace(source.cwd, reader.boolean('allow-outside-workspace', false))

  // --- script ---------------------------------------------------------------------
  const name = reader.get('name')
  if (!name && uploads) fail('name', 'is required.', 'Give the script a display name of under 32 characters.')
  else if (name.length >= 32)
    fail('name', `'${name}' has ${name.length} characters; the server takes fewer than 32.`, 'Shorten it.')

  const operationGiven = reader.get('operation') !== '' || uploads
  const operationRaw = reader.get('operation') || 'Sync'
  const operation: Operation | undefined = /^sync$/i.test(operationRaw)
    ? 'Sync'
    : /^async$/i.test(operationRaw)
      ? 'Async'
      : undefined
  if (!operation)
    fail(
      'operation',
      `'${operationRaw}' is not an operation.`,
      'Use Sync (answers HTTP calls) or Async (processes an uploaded file).'
    )
  const knownOperation = operationGiven ? operation : undefined

  const apiVersion = reader.choice('api-version', API_VERSIONS, 'auto', 'an API version')
  if (apiVersion === 'v2' && operation === 'Sync' && operationGiven)
    fail(
      'api-version',
      'is v2, but the platform has no v2 Sync scripts.',
      'Use auto or v1 for a Sync script, or set operation: Async.'
    )

  const pythonRaw = reader.get('python-version') || '3.10'
  const pythonVersion = (PYTHON_VERSIONS as readonly string[]).includes(pythonRaw)
    ? (pythonRaw as PythonVersion)
    : undefined
  if (!pythonVersion)
    fail(
      'python-version',
      `'${pythonRaw}' is not supported.`,
      `Use one of ${PYTHON_VERSIONS.join(', ')} (quote it in YAML: '3.10', or it becomes 3.1).`
    )

  const entrypoint = reader.get('entrypoint')
  if (!entrypoint && uploads)
    fail('entrypoint', 'is required.', 'Name the function the server calls, e.g. entrypoint: process.')
  else if (entrypoint && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(entrypoint))
    fail(
      'entrypoint',
      `'${entrypoint}' is not a Python function name.`,
      'Give the bare name of the function, without parentheses or module.'
    )

  const files: UploadFile[] = []
  const sourceRaw = reader.get('source-file')
  if (!sourceRaw) {
    if (uploads) fail('source-file', 'is required.', 'Point it at the .py or .ipynb file that defines the entrypoint.')
  } else {
    const extension = extname(sourceRaw).toLowerCase()
    if (extension !== '.py' && extension !== '.ipynb')
      fail(
        'source-file',
        `'${sourceRaw}' is neither a .py nor a .ipynb file.`,
        'The server takes a Python script or a Jupyter notebook.'
      )
    else {
      const sourcePath = workspace.readableFile('source-file', sourceRaw, 'the source file', fail)
      if (sourcePath) files.push(uploadFile('source', extension === '.py' ? 'script.py' : 'notebook.ipynb', sourcePath))
    }
  }

  const requirementsRaw = reader.get('requirements-file')
  let unpinned: InputFindings['unpinned'] = { file: requirementsRaw, entries: [] }
  if (!requirementsRaw) {
    if (uploads)
      fail('requirements-file', 'is required.', 'Point it at a requirements.txt with pinned versions (pandas==2.2.2).')
  } else {
    const full = workspace.readableFile('requirements-file', requirementsRaw, 'the requirements file', fail)
    if (full) {
      files.push(uploadFile('requirements', 'requirements.txt', full))
      unpinned = { file: requirementsRaw, entries: findUnpinnedRequirements(readFileSync(full, 'utf8')) }
    }
  }

  const inputTypeRaw = reader.get('input-type').toLowerCase()
  if (inputTypeRaw && !(INPUT_TYPES as readonly string[]).includes(inputTypeRaw))
    fail('input-type', `'${inputTypeRaw}' is not an input type.`, `Use one of ${INPUT_TYPES.join(', ')}.`)
  if (inputTypeRaw && inputTypeRaw !== 'json' && operation === 'Sync')
    fail(
      'input-type',
      `'${inputTypeRaw}' does not fit a Sync script.`,
      'Sync scripts take JSON: use json, or set operation: Async.'
    )
  // In smoke-test mode the schema is only the default sample, and the operation may come from the server.
  const schema =
    !reader.get('schema') && !uploads
      ? undefined
      : parseSchema(reader, workspace, knownOperation, apiVersion, inputTypeRaw as InputType | '')
  if (schema?.file) files.push(schema.file)
  const inputType: InputType = (inputTypeRaw as InputType) || schema?.type || 'json'

  const envRaw = reader.get('env-file')
  if (envRaw) {
    const full = workspace.readableFile('env-file', envRaw, 'the env file', fail)
    if (full) {
      maskEnvFile(reader, envRaw, readFileSync(full, 'utf8'))
      files.push(uploadFile('env', '.env', full))
    }
  }

  const reservedNames = new Map(files.map((f) => [f.uploadName, f.part]))
  for (const extra of expandExtraFiles(reader, workspace)) {
    const clash = reservedNames.get(extra.uploadName)
    if (clash)
      fail(
        'extra-files',
        `'${extra.shown}' would be uploaded as '${extra.uploadName}', the name the ${clash} file already has on the server.`,
        'Rename the file.'
      )
    else {
      reservedNames.set(extra.uploadName, 'extra')
      files.push(uploadFile('extra', extra.uploadName, extra.path))
    }
  }

  // --- behaviour -----------------------------------------------------------------
  const wait = {
    enabled: reader.boolean('wait', true),
    timeoutMs: reader.duration('wait-timeout', '30m', 1000),
    pollIntervalMs: reader.duration('poll-interval', '10s', 1000),
    failOnTimeout: reader.boolean('fail-on-timeout', true)
  }

  const smokeTest = parseSmokeTest(reader, workspace, {
    mode,
    operation: knownOperation,
    apiVersion,
    schema,
    groupToken: connection.groupToken
  })
  if (mode === 'deploy' && smokeTest.enabled && !wait.failOnTimeout)
    notices.push(
      'fail-on-timeout is false: a build that times out skips the smoke test and the step passes, so the gate does not hold then.'
    )

  const preprocessingId = reader.get('preprocessing-id')
  if (mode === 'smoke-test') {
    if (!preprocessingId)
      fail(
        'preprocessing-id',
        'is required in smoke-test mode.',
        'Pass the hash of the deployed script, e.g. ${{ needs.deploy.outputs.preprocessing-id }}.'
      )
    else if (!/^S[0-9a-fA-F]{63}$/.test(preprocessingId))
      fail(
        'preprocessing-id',
        `'${preprocessingId}' is not a script hash.`,
        "A hash is 'S' and 63 hex characters, as the deploy's preprocessing-id output gives it."
      )
  }

  if (mode === 'deploy' && smokeTest.enabled && !wait.enabled)
    fail('smoke-test', 'needs a deployed script, but wait is false.', 'Set wait: true, or smoke-test: false.')

  const uploadArtifact = reader.boolean('upload-artifact', true)
  const artifactName = reader.get('artifact-name') || undefined
  if (artifactName && /[":<>|*?\\/]/.test(artifactName))
    fail(
      'artifact-name',
      `'${artifactName}' holds a character artifact names cannot have (" : < > | * ? \\ /).`,
      'Use letters, digits, - _ . and spaces.'
    )
  const retentionRaw = reader.get('artifact-retention-days')
  let retentionDays: number | undefined
  if (retentionRaw) {
    retentionDays = Number(retentionRaw)
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 400)
      fail(
        'artifact-retention-days',
        `'${retentionRaw}' is not a whole number of days from 1 to 400.`,
        "Leave it empty for the repository's default."
      )
  }

  if (reader.problems.length > 0) throw new InputError(reader.problems)
  return {
    spec: {
      mode,
      workspace: workspace.root,
      allowOutsideWorkspace: workspace.allowOutside,
      apiVersion,
      preprocessingId: preprocessingId || undefined,
      connection,
      group,
      groupNormalised,
      script: {
        name,
        entrypoint,
        operation: operation as Operation,
        operationGiven,
        pythonVersion: pythonVersion as PythonVersion,
        inputType,
        files,
        datasets: schema?.datasets ?? []
      },
      wait,
      smokeTest,
      artifact: { upload: uploadArtifact, name: artifactName, retentionDays }
    },
    findings: { notices, warnings, unpinned }
  }
}

/**
 * The values of the env file are secrets the server stores encrypted: each is masked
 * now. A statement python-dotenv cannot parse may still hold one, so its whole text is
 * masked too, and the warning names its line, never its content.
 */
function maskEnvFile(reader: InputReader, shown: string, content: string): void {
  const { bindings, problems } = parseDotenv(content)
  for (const { value } of bindings) if (value) reader.source.mask(value)
  for (const { raw } of problems) reader.source.mask(raw)
  if (problems.length > 0) {
    const lines = problems.map((p) => p.line)
    reader.warnings.push(
      `Input 'env-file': ${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')} of '${shown}' ${lines.length === 1 ? 'is' : 'are'} not KEY=value as python-dotenv reads it, so the server will skip ${lines.length === 1 ? 'it' : 'them'} (the text is masked). Quote values holding spaces or # ('KEY="a value"'), and close every quote.`
    )
  }
}
