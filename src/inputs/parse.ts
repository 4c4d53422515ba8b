import * as core from '@actions/core'
import { InputError } from '../shared/errors.js'
import { parseArtifact } from './artifact.js'
import { datasetMismatchBeforeProbe } from './api-fit.js'
import { parseConnection, parseGroup } from './connection.js'
import { InputReader } from './reader.js'
import { checkRequirementLines } from './requirement-lines.js'
import { parseSample } from './schema.js'
import { extraUploadFiles, parseEnvFile, parseRequirementsFile, parseSourceFile } from './script-files.js'
import { parseEntrypoint, parseName, parseOperation, parsePreprocessingId, parsePythonVersion } from './script.js'
import { parseSmokeTest } from './smoke-test-inputs.js'
import { parsePipelineModel } from './pipeline-inputs.js'
import {
  MODES,
  type DeploySpec,
  type InputFindings,
  type InputSource,
  type Operation,
  type PythonVersion
} from './spec.js'
import { reportUnusedInputs } from './unused-inputs.js'
import { parseWait } from './wait.js'
import { parseGitHubToken, parseRecords } from './record-inputs.js'
import { INPUT_DEFAULTS, type InputName } from './defaults.js'
import { Workspace } from './workspace.js'

export * from './spec.js'
export { apiBaseUrl, normaliseGroup } from './connection.js'
export { INPUT_DEFAULTS, type InputName } from './defaults.js'
export { envFileValues } from '../shared/dotenv.js'

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
 * This step's non-secret values, as given and as resolved (the runner fills in action.yml's
 * defaults), and the folders its paths start with: an env-file value found inside one is
 * not masked (src/shared/secrets.ts).
 */
function ownValues(source: InputSource, resolved: readonly (string | undefined)[]): string[] {
  const given = (Object.keys(INPUT_DEFAULTS) as InputName[])
    .filter((input) => !['password', 'group-token', 'env-file', 'github-token'].includes(input))
    .flatMap((input) => [source.get(input), INPUT_DEFAULTS[input]])
  return [...given, ...resolved].filter((value): value is string => Boolean(value))
}

/**
 * Parses and checks every input. Collects all problems before throwing one
 * InputError, so a user fixes a workflow in one round instead of one per run.
 * Synchronous and cheap: the entrypoint check (which runs Python) is main's.
 */
export function parseInputs(source: InputSource): { spec: DeploySpec; findings: InputFindings } {
  const reader = new InputReader(source)
  const mode = reader.choice('mode', MODES, 'a mode')
  // validate works offline (a pull request from a fork has no secrets); smoke-test uploads nothing.
  const needsServer = mode !== 'validate'
  const uploads = mode !== 'smoke-test'

  // Secrets are read (and masked) first, before any message could print them.
  const connection = parseConnection(reader, needsServer)
  const githubToken = parseGitHubToken(reader)
  const { group, groupNormalised } = parseGroup(reader)
  const workspace = new Workspace(source.cwd, reader.boolean('allow-outside-workspace'))

  const name = parseName(reader, uploads)
  const operation = parseOperation(reader, uploads)
  const pythonVersion = parsePythonVersion(reader)
  const entrypoint = parseEntrypoint(reader, uploads)

  // Upload order: source, requirements, schema, then env and extras.
  const sourceFile = parseSourceFile(reader, workspace, uploads)
  const requirements = parseRequirementsFile(reader, workspace, uploads)
  const { schema, inputType } = parseSample(reader, workspace, uploads, operation)
  const env = parseEnvFile(
    reader,
    workspace,
    ownValues(source, [
      connection.apiUrl,
      connection.login,
      connection.tenant,
      group,
      name,
      groupNormalised,
      entrypoint,
      operation.operation,
      pythonVersion,
      // Folders that every path the action prints or outputs starts with.
      workspace.root,
      source.env.RUNNER_TEMP,
      source.env.GITHUB_WORKSPACE
    ])
  )
  const named = [sourceFile, requirements.file, schema?.file, env].filter((file) => file !== undefined)
  const files = [...named, ...extraUploadFiles(reader, workspace, named)]
  // Read against what is uploaded; smoke-test mode uploads nothing, so its lines do not matter there.
  const requirementNotes = uploads
    ? checkRequirementLines(reader, requirements.content, files, (file) => workspace.shown(file.localPath ?? ''))
    : []

  const wait = parseWait(reader)
  const sample = parseSmokeTest(reader, workspace, {
    mode,
    operation: operation.knownOperation,
    apiVersion: operation.apiVersion,
    schema,
    groupToken: connection.groupToken
  })
  const model = parsePipelineModel(reader, {
    mode,
    smokeTest: sample.enabled,
    groupToken: connection.groupToken,
    group: groupNormalised,
    operation: operation.knownOperation,
    apiVersion: operation.apiVersion
  })
  const smokeTest = model ? { ...sample, model } : sample
  if (mode === 'deploy' && smokeTest.enabled && !wait.failOnTimeout)
    reader.notices.push(
      'fail-on-timeout is false: a build that times out skips the smoke test and the step passes, ' +
        'so the gate does not hold then.'
    )
  const mismatch = datasetMismatchBeforeProbe({
    mode,
    operation: operation.knownOperation,
    apiVersion: operation.apiVersion,
    smokeTest,
    schema: schema?.datasets ?? []
  })
  if (mismatch) reader.fail(mismatch.input, mismatch.problem, mismatch.fix)
  const preprocessingId = parsePreprocessingId(reader, mode)
  if (mode === 'deploy' && smokeTest.enabled && !wait.enabled)
    reader.fail('smoke-test', 'needs a deployed script, but wait is false.', 'Set wait: true, or smoke-test: false.')
  const artifact = parseArtifact(reader)
  const records = parseRecords(reader, mode, githubToken)
  reportUnusedInputs(reader, { ...operation, mode, smokeTest: smokeTest.enabled, wait: wait.enabled, artifact })

  if (reader.problems.length > 0) throw new InputError(reader.problems)
  return {
    spec: {
      mode,
      workspace: workspace.root,
      allowOutsideWorkspace: workspace.allowOutside,
      apiVersion: operation.apiVersion,
      preprocessingId,
      connection,
      group,
      groupNormalised,
      script: {
        name,
        entrypoint,
        // Both are set when no problem was found.
        operation: operation.operation as Operation,
        operationGiven: operation.operationGiven,
        pythonVersion: pythonVersion as PythonVersion,
        inputType,
        files,
        datasets: schema?.datasets ?? []
      },
      wait,
      smokeTest,
      records,
      artifact,
      prComment: reader.boolean('pr-comment')
    },
    findings: {
      notices: reader.notices,
      warnings: reader.warnings,
      requirementLines: { file: requirements.shown, notes: requirementNotes }
    }
  }
}
