import * as core from '@actions/core'
import { accessSync, constants, openSync, readSync, closeSync, readFileSync } from 'node:fs'
import { basename, extname, isAbsolute, resolve } from 'node:path'
import fg from 'fast-glob'
import { parseDuration } from './duration.js'
import { InputError, type InputProblem } from './errors.js'
import { checkEntrypoint } from './validate/entrypoint.js'
import { statOrUndefined, type UploadFile } from './files.js'
import { findUnpinnedRequirements, type UnpinnedRequirement } from './validate/requirements.js'

/** Where the official client points when nothing else is configured. */
export const STAGING_URL = 'https://neomaril.staging.datarisk.net/'
export const PYTHON_VERSIONS = ['3.8', '3.9', '3.10'] as const
export const INPUT_TYPES = ['json', 'csv', 'parquet'] as const

export type Operation = 'Sync' | 'Async'
export const MODES = ['deploy', 'validate', 'smoke-test'] as const
/**
 * deploy: check, upload, host, wait (and smoke-test if asked).
 * validate: every local check and a local run of the entrypoint; no network.
 * smoke-test: test a script deployed earlier (preprocessing-id).
 */
export type Mode = (typeof MODES)[number]
export type PythonVersion = (typeof PYTHON_VERSIONS)[number]
export type InputType = (typeof INPUT_TYPES)[number]

/** Everything the action was asked to do, parsed and checked once. */
export interface DeploySpec {
  readonly mode: Mode
  /** smoke-test mode: the hash of the script deployed earlier. */
  readonly preprocessingId?: string
  readonly connection: {
    /** API base: the server root with `/api` appended (contract §1). */
    readonly apiUrl: string
    readonly login: string
    readonly password: string
    /** Needed only by run calls (smoke test). */
    readonly groupToken?: string
    readonly requestTimeoutMs: number
  }
  /** Normalised as the official client does. */
  readonly group: string
  readonly script: {
    readonly name: string
    /** The entrypoint function's name: the API's `script_reference`. */
    readonly entrypoint: string
    readonly operation: Operation
    /** False in smoke-test mode without an `operation` input: the server's description decides. */
    readonly operationGiven: boolean
    readonly pythonVersion: PythonVersion
    readonly inputType: InputType
    /** source, requirements, schema, then env (if any) and extras, in upload order. */
    readonly files: readonly UploadFile[]
  }
  readonly wait: {
    readonly enabled: boolean
    readonly timeoutMs: number
    /** The longest gap between two status checks. */
    readonly pollIntervalMs: number
    readonly failOnTimeout: boolean
  }
  readonly smokeTest: SmokeTestSpec
  readonly artifact: {
    readonly upload: boolean
    /** Undefined: derived from the script name and the hash once known. */
    readonly name?: string
    readonly retentionDays?: number
  }
}

/** The smoke test run after Deployed (input smoke-test). */
export interface SmokeTestSpec {
  readonly enabled: boolean
  /** Sync: the value sent as {"Input": value}; undefined when the sample is not JSON. */
  readonly syncInput?: unknown
  /** Async: the file uploaded as the `dataset` part. */
  readonly dataset?: UploadFile
  /** Sync: the answer must contain this (deep subset). */
  readonly expect?: unknown
  /** Async: the longest wait for the execution. */
  readonly timeoutMs: number
}

/** Things worth telling the user that do not stop the deploy. */
export interface InputFindings {
  readonly notices: string[]
  readonly unpinned: { file: string; entries: UnpinnedRequirement[] }
}

/** How inputs reach the parser: the runner's `INPUT_*` in production, a table in tests. */
export interface InputSource {
  /** The raw input value, trimmed; '' when not set. */
  get(name: string): string
  readonly env: Readonly<Record<string, string | undefined>>
  /** Relative paths are resolved against this (the runner's workspace). */
  readonly cwd: string
  /** Register a value that must never be printed. */
  mask(value: string): void
  /** python3 executable used for the entrypoint check. */
  readonly python?: string
}

/** The runner's inputs, with every secret masked as soon as it is read. */
export function runnerInputSource(): InputSource {
  return {
    get: name => core.getInput(name),
    env: process.env,
    cwd: process.cwd(),
    mask: value => core.setSecret(value)
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Parses and checks every input. Collects all problems before throwing one
 * InputError, so a user fixes a workflow in one round instead of one per run.
 */
export function parseInputs(source: InputSource): { spec: DeploySpec; findings: InputFindings } {
  const problems: InputProblem[] = []
  const notices: string[] = []
  const fail = (input: string, problem: string, fix?: string): undefined => {
    problems.push({ input, problem, fix })
    return undefined
  }
  const fromEnv = (input: string, names: string[]): string => {
    const direct = source.get(input)
    if (direct) return direct
    for (const name of names) {
      const value = source.env[name]?.trim()
      if (value) return value
    }
    return ''
  }

  // Secrets first: mask them before anything (even an error message) could print them.
  const password = fromEnv('password', ['NEOMARIL_PASSWORD', 'MLOPS_PASSWORD'])
  const groupToken = fromEnv('group-token', ['NEOMARIL_GROUP_TOKEN', 'MLOPS_GROUP_TOKEN'])
  if (password) source.mask(password)
  if (groupToken) source.mask(groupToken)

  const boolean = (input: string, fallback: boolean): boolean => {
    const raw = source.get(input)
    if (raw === '') return fallback
    if (/^(true|yes|on|1)$/i.test(raw)) return true
    if (/^(false|no|off|0)$/i.test(raw)) return false
    fail(input, `'${raw}' is not a boolean.`, `Use true or false.`)
    return fallback
  }
  const duration = (input: string, fallback: string, minMs: number): number => {
    const raw = source.get(input) || fallback
    const ms = parseDuration(raw)
    if (ms === undefined) {
      fail(input, `'${raw}' is not a duration.`, `Write it like 90s, 20m or 1h30m.`)
      return parseDuration(fallback) as number
    }
    if (ms < minMs) {
      fail(input, `'${raw}' is too short.`, `Use at least ${minMs / 1000}s.`)
      return minMs
    }
    return ms
  }
  const path = (raw: string): string => (isAbsolute(raw) ? raw : resolve(source.cwd, raw))
  const readableFile = (input: string, raw: string, what: string): string | undefined => {
    const full = path(raw)
    const stat = statOrUndefined(full)
    if (!stat) return fail(input, `${what} '${raw}' does not exist (looked at ${full}).`, `Check the path; it is relative to the repository root. Did the job run actions/checkout?`)
    if (!stat.isFile()) return fail(input, `'${raw}' is not a file.`, `Point ${input} at a file.`)
    try {
      accessSync(full, constants.R_OK)
    } catch {
      return fail(input, `'${raw}' cannot be read by the runner.`, `Check the file's permissions.`)
    }
    return full
  }

  const modeRaw = (source.get('mode') || 'deploy').toLowerCase()
  const mode = (MODES as readonly string[]).includes(modeRaw) ? (modeRaw as Mode) : fail('mode', `'${modeRaw}' is not a mode.`, `Use one of ${MODES.join(', ')}.`) ?? 'deploy'
  // validate works offline (a pull request from a fork has no secrets); smoke-test uploads nothing.
  const needsServer = mode !== 'validate'
  const uploads = mode !== 'smoke-test'

  // --- connection ---------------------------------------------------------------
  let rawUrl = fromEnv('url', ['NEOMARIL_URL', 'MLOPS_URL'])
  if (!rawUrl && needsServer) {
    rawUrl = STAGING_URL
    notices.push(`No 'url' input and no NEOMARIL_URL/MLOPS_URL: using the staging server ${STAGING_URL}, as the official client does.`)
  }
  const allowInsecureHttp = boolean('allow-insecure-http', false)
  const apiUrl = rawUrl ? parseServerUrl(rawUrl, allowInsecureHttp, fail) : ''

  const login = fromEnv('login', ['NEOMARIL_USER', 'MLOPS_USER'])
  if (!login && needsServer) fail('login', 'is empty and neither NEOMARIL_USER nor MLOPS_USER is set.', 'Pass it from a secret: login: ${{ secrets.NEOMARIL_USER }}.')
  if (!password && needsServer) fail('password', 'is empty and neither NEOMARIL_PASSWORD nor MLOPS_PASSWORD is set.', 'Pass it from a secret: password: ${{ secrets.NEOMARIL_PASSWORD }}.')
  if (groupToken && /\s/.test(groupToken)) fail('group-token', 'contains white space.', 'Copy the token exactly as the server returned it when the group was created.')
  const requestTimeoutMs = duration('request-timeout', '60s', 1000)

  const rawGroup = source.get('group') || 'datarisk'
  const group = normaliseGroup(rawGroup)
  if (!/^[a-z0-9_]+$/.test(group)) fail('group', `'${rawGroup}' becomes '${group}', which is not a group name.`, 'Group names hold letters, digits and _ only; use the name shown by the Neomaril server.')
  else if (group !== rawGroup) notices.push(`Group '${rawGroup}' normalised to '${group}', as the official client does.`)

  // --- script ---------------------------------------------------------------------
  const name = source.get('name')
  if (!name && uploads) fail('name', 'is required.', 'Give the script a display name of under 32 characters.')
  else if (name.length >= 32) fail('name', `'${name}' has ${name.length} characters; the server takes fewer than 32.`, 'Shorten it.')

  const operationGiven = source.get('operation') !== '' || uploads
  const operationRaw = source.get('operation') || 'Sync'
  const operation: Operation | undefined = /^sync$/i.test(operationRaw) ? 'Sync' : /^async$/i.test(operationRaw) ? 'Async' : undefined
  if (!operation) fail('operation', `'${operationRaw}' is not an operation.`, 'Use Sync (answers HTTP calls) or Async (processes an uploaded file).')

  const pythonRaw = source.get('python-version') || '3.10'
  const pythonVersion = (PYTHON_VERSIONS as readonly string[]).includes(pythonRaw) ? (pythonRaw as PythonVersion) : undefined
  if (!pythonVersion) fail('python-version', `'${pythonRaw}' is not supported.`, `Use one of ${PYTHON_VERSIONS.join(', ')} (quote it in YAML: '3.10', or it becomes 3.1).`)

  const entrypoint = source.get('entrypoint')
  if (!entrypoint && uploads) fail('entrypoint', 'is required.', "Name the function the server calls, e.g. entrypoint: process.")
  else if (entrypoint && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(entrypoint)) fail('entrypoint', `'${entrypoint}' is not a Python function name.`, 'Give the bare name of the function, without parentheses or module.')

  const files: UploadFile[] = []
  const sourceRaw = source.get('source-file')
  let sourcePath: string | undefined
  if (!sourceRaw) {
    if (uploads) fail('source-file', 'is required.', 'Point it at the .py or .ipynb file that defines the entrypoint.')
  } else {
    const extension = extname(sourceRaw).toLowerCase()
    if (extension !== '.py' && extension !== '.ipynb') fail('source-file', `'${sourceRaw}' is neither a .py nor a .ipynb file.`, 'The server takes a Python script or a Jupyter notebook.')
    else {
      sourcePath = readableFile('source-file', sourceRaw, 'the source file')
      if (sourcePath) files.push(upload('source', extension === '.py' ? 'script.py' : 'notebook.ipynb', sourcePath))
    }
  }

  const requirementsRaw = source.get('requirements-file')
  let unpinned: InputFindings['unpinned'] = { file: requirementsRaw, entries: [] }
  if (!requirementsRaw) {
    if (uploads) fail('requirements-file', 'is required.', 'Point it at a requirements.txt with pinned versions (pandas==2.2.2).')
  } else {
    const full = readableFile('requirements-file', requirementsRaw, 'the requirements file')
    if (full) {
      files.push(upload('requirements', 'requirements.txt', full))
      unpinned = { file: requirementsRaw, entries: findUnpinnedRequirements(readFileSync(full, 'utf8')) }
    }
  }

  const inputTypeRaw = source.get('input-type').toLowerCase()
  if (inputTypeRaw && !(INPUT_TYPES as readonly string[]).includes(inputTypeRaw)) fail('input-type', `'${inputTypeRaw}' is not an input type.`, `Use one of ${INPUT_TYPES.join(', ')}.`)
  if (inputTypeRaw && inputTypeRaw !== 'json' && operation === 'Sync') fail('input-type', `'${inputTypeRaw}' does not fit a Sync script.`, 'Sync scripts take JSON: use json, or set operation: Async.')
  // In smoke-test mode the schema is only the default sample, and the operation may come from the server.
  const schema = !source.get('schema') && !uploads ? undefined : parseSchema(source.get('schema'), operationGiven ? operation : undefined, inputTypeRaw as InputType | '', path, readableFile, fail)
  if (schema) files.push(schema.file)
  const inputType: InputType = (inputTypeRaw as InputType) || schema?.type || 'json'

  const envRaw = source.get('env-file')
  if (envRaw) {
    const full = readableFile('env-file', envRaw, 'the env file')
    if (full) {
      // The values are secrets the server stores encrypted: mask every one now.
      for (const value of envFileValues(readFileSync(full, 'utf8'))) source.mask(value)
      files.push(upload('env', '.env', full))
    }
  }

  const reservedNames = new Map(files.map(f => [f.uploadName, f.part]))
  for (const extra of expandExtraFiles(source.get('extra-files'), source.cwd, fail)) {
    const clash = reservedNames.get(extra.uploadName)
    if (clash) fail('extra-files', `'${extra.shown}' would be uploaded as '${extra.uploadName}', the name the ${clash} file already has on the server.`, 'Rename the file.')
    else {
      reservedNames.set(extra.uploadName, 'extra')
      files.push(upload('extra', extra.uploadName, extra.path))
    }
  }

  // --- behaviour -----------------------------------------------------------------
  const wait = {
    enabled: boolean('wait', true),
    timeoutMs: duration('wait-timeout', '30m', 1000),
    pollIntervalMs: duration('poll-interval', '10s', 1000),
    failOnTimeout: boolean('fail-on-timeout', true)
  }

  const smokeTest = parseSmokeTest(source, mode, operationGiven ? operation : undefined, files.find(f => f.part === 'schema'), groupToken, path, readableFile, fail, boolean, duration, notices)
  if (mode === 'deploy' && smokeTest.enabled && !wait.failOnTimeout) notices.push('fail-on-timeout is false: a build that times out skips the smoke test and the step passes, so the gate does not hold then.')

  const preprocessingId = source.get('preprocessing-id')
  if (mode === 'smoke-test') {
    if (!preprocessingId) fail('preprocessing-id', 'is required in smoke-test mode.', 'Pass the hash of the deployed script, e.g. ${{ needs.deploy.outputs.preprocessing-id }}.')
    else if (!/^S[0-9a-fA-F]{63}$/.test(preprocessingId)) fail('preprocessing-id', `'${preprocessingId}' is not a script hash.`, "A hash is 'S' and 63 hex characters, as the deploy's preprocessing-id output gives it.")
  }

  if (mode === 'deploy' && smokeTest.enabled && !wait.enabled) fail('smoke-test', 'needs a deployed script, but wait is false.', 'Set wait: true, or smoke-test: false.')

  const uploadArtifact = boolean('upload-artifact', true)
  const artifactName = source.get('artifact-name') || undefined
  if (artifactName && /[":<>|*?\\/\r\n]/.test(artifactName)) fail('artifact-name', `'${artifactName}' holds a character artifact names cannot have (" : < > | * ? \\ / or a line break).`, 'Use letters, digits, - _ . and spaces.')
  const retentionRaw = source.get('artifact-retention-days')
  let retentionDays: number | undefined
  if (retentionRaw) {
    retentionDays = Number(retentionRaw)
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 400) fail('artifact-retention-days', `'${retentionRaw}' is not a whole number of days from 1 to 400.`, "Leave it empty for the repository's default.")
  }

  // The parser runs last and only on a readable source: its verdict is the most expensive.
  if (sourcePath && entrypoint && /^[A-Za-z_]\w*$/.test(entrypoint) && pythonVersion && problems.every(p => p.input !== 'source-file')) {
    const check = checkEntrypoint(sourcePath, entrypoint, pythonVersion, operation ?? 'Sync', source.python)
    if (!check.ok) fail('entrypoint', `'${sourceRaw}' ${check.problem}.`, operation === 'Async' ? 'The server calls it as fn(data_path, extra_path=None).' : 'The server calls it as fn(data, base_path).')
    else if (check.note) notices.push(`Entrypoint check: ${check.note}.`)
  }

  if (problems.length > 0) throw new InputError(problems)
  return {
    spec: {
      mode,
      preprocessingId: preprocessingId || undefined,
      connection: { apiUrl: apiUrl as string, login, password, groupToken: groupToken || undefined, requestTimeoutMs },
      group,
      script: {
        name,
        entrypoint,
        operation: operation as Operation,
        operationGiven,
        pythonVersion: pythonVersion as PythonVersion,
        inputType,
        files
      },
      wait,
      smokeTest,
      artifact: { upload: uploadArtifact, name: artifactName, retentionDays }
    },
    findings: { notices, unpinned }
  }
}

type Fail = (input: string, problem: string, fix?: string) => undefined

/**
 * The smoke test's inputs. Without the group token the run calls cannot be made, so
 * that is refused here, before anything is uploaded.
 */
function parseSmokeTest(
  source: InputSource,
  mode: Mode,
  operation: Operation | undefined,
  schema: UploadFile | undefined,
  groupToken: string,
  path: (raw: string) => string,
  readableFile: (input: string, raw: string, what: string) => string | undefined,
  fail: Fail,
  boolean: (input: string, fallback: boolean) => boolean,
  duration: (input: string, fallback: string, minMs: number) => number,
  notices: string[]
): SmokeTestSpec {
  // validate runs the sample locally; smoke-test mode exists to run it on the server.
  const enabled = mode === 'deploy' ? boolean('smoke-test', false) : true
  const timeoutMs = duration('smoke-test-timeout', '10m', 1000)
  const inputRaw = source.get('smoke-test-input')
  const expectRaw = source.get('smoke-test-expect')
  if (!enabled) {
    if (inputRaw || expectRaw) notices.push(`${inputRaw ? 'smoke-test-input' : 'smoke-test-expect'} is set but smoke-test is false: no smoke test runs. Set smoke-test: true to gate on it.`)
    return { enabled, timeoutMs }
  }
  if (mode !== 'validate' && !groupToken) {
    fail('group-token', 'is empty, but the smoke test needs it for the run calls (and neither NEOMARIL_GROUP_TOKEN nor MLOPS_GROUP_TOKEN is set).', mode === 'deploy' ? 'Pass it from a secret: group-token: ${{ secrets.NEOMARIL_GROUP_TOKEN }}, or set smoke-test: false.' : 'Pass it from a secret: group-token: ${{ secrets.NEOMARIL_GROUP_TOKEN }}.')
  }
  if (operation === 'Async' && expectRaw) fail('smoke-test-expect', 'applies to Sync scripts only; an Async result is a file.', 'Remove it.')
  const expected = expectRaw ? jsonValue('smoke-test-expect', expectRaw, path, readableFile, fail) : undefined

  // The sample: smoke-test-input, else the schema. A Sync run sends JSON; an Async run uploads a file.
  if (inputRaw) {
    if (inputRaw.startsWith('{') || inputRaw.startsWith('[')) {
      if (operation === 'Async') fail('smoke-test-input', 'is inline JSON, but an Async run uploads a file.', 'Point it at a dataset file.')
      return { enabled, timeoutMs, expect: expected, syncInput: jsonValue('smoke-test-input', inputRaw, path, readableFile, fail) }
    }
    const full = readableFile('smoke-test-input', inputRaw, 'the smoke-test sample')
    if (!full) return { enabled, timeoutMs, expect: expected }
    const dataset: UploadFile = { part: 'dataset', uploadName: basename(full), localPath: full, size: statOrUndefined(full)?.size ?? 0 }
    const syncInput = operation === 'Async' ? undefined : operation === 'Sync' ? jsonValue('smoke-test-input', inputRaw, path, readableFile, fail) : jsonOrUndefined(full)
    return { enabled, timeoutMs, expect: expected, dataset, syncInput }
  }
  if (!schema) {
    if (mode === 'smoke-test') fail('smoke-test-input', 'is empty and so is schema: smoke-test mode needs a sample.', 'Set smoke-test-input (inline JSON or a file), or schema.')
    return { enabled, timeoutMs, expect: expected }
  }
  const dataset = schema.localPath ? { ...schema, part: 'dataset' as const } : undefined
  return { enabled, timeoutMs, expect: expected, dataset, syncInput: schemaJson(schema) }
}

function jsonOrUndefined(full: string): unknown {
  try {
    return JSON.parse(readFileSync(full, 'utf8'))
  } catch {
    return undefined
  }
}

/** Inline JSON, or the JSON content of a file. */
function jsonValue(input: string, raw: string, path: (raw: string) => string, readableFile: (input: string, raw: string, what: string) => string | undefined, fail: Fail): unknown {
  const inline = raw.startsWith('{') || raw.startsWith('[')
  const text = inline ? raw : (() => {
    const full = readableFile(input, raw, 'the JSON file')
    return full ? readFileSync(full, 'utf8') : undefined
  })()
  if (text === undefined) return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    return fail(input, `${inline ? 'is inline JSON that' : `'${raw}'`} does not parse: ${(error as Error).message}.`, 'Give valid JSON, inline or in a .json file.')
  }
}

function schemaJson(schema: UploadFile | undefined): unknown {
  if (!schema) return undefined
  try {
    return JSON.parse(schema.inline ? schema.inline.toString() : readFileSync(schema.localPath as string, 'utf8'))
  } catch {
    return undefined // already reported by the schema check
  }
}

function upload(part: UploadFile['part'], uploadName: string, localPath: string): UploadFile {
  return { part, uploadName, localPath, size: statOrUndefined(localPath)?.size ?? 0 }
}

/** The official client's rule: lower-case, trim, then space, `.` and `-` become `_`. */
export function normaliseGroup(group: string): string {
  return group.toLowerCase().trim().replace(/[ .-]/g, '_')
}

/** Contract §1: drop one trailing `/`, then append `/api` unless already there. */
export function apiBaseUrl(serverUrl: string): string {
  const trimmed = serverUrl.endsWith('/') ? serverUrl.slice(0, -1) : serverUrl
  return trimmed.endsWith('/api') ? trimmed : `${trimmed}/api`
}

function parseServerUrl(raw: string, allowInsecureHttp: boolean, fail: (input: string, problem: string, fix?: string) => undefined): string | undefined {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fail('url', `'${raw}' is not a URL.`, 'Use the server root, e.g. https://neomaril.datarisk.net.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('url', `'${raw}' is not an http(s) URL.`, 'Use the server root, e.g. https://neomaril.datarisk.net.')
  if (url.username || url.password) return fail('url', 'holds credentials.', "Remove them from the URL; use the 'login' and 'password' inputs.")
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname) && !allowInsecureHttp) {
    return fail('url', `'${raw}' uses plain http, which would send the password unencrypted.`, "Use https, or set allow-insecure-http: true if the network is trusted.")
  }
  if (url.search || url.hash) return fail('url', `'${raw}' has a query or fragment.`, 'Use the server root only.')
  return apiBaseUrl(url.toString())
}

const SCHEMA_TYPES: Record<string, InputType> = { '.json': 'json', '.csv': 'csv', '.parquet': 'parquet' }

function parseSchema(
  raw: string,
  operation: Operation | undefined,
  inputType: InputType | '',
  path: (raw: string) => string,
  readableFile: (input: string, raw: string, what: string) => string | undefined,
  fail: (input: string, problem: string, fix?: string) => undefined
): { file: UploadFile; type: InputType } | undefined {
  if (!raw) return fail('schema', 'is required: the server refuses a script without a schema sample.', 'Point it at a sample input file (schema.json, schema.csv, …), or give inline JSON for a Sync script.')
  if (raw.startsWith('{') || raw.startsWith('[')) {
    if (operation === 'Async') return fail('schema', 'is inline JSON, but an Async script needs a sample file.', 'Point schema at a file of the type the script reads.')
    try {
      JSON.parse(raw)
    } catch (error) {
      return fail('schema', `is inline JSON that does not parse: ${(error as Error).message}.`, 'Fix the JSON, or point schema at a file.')
    }
    const inline = Buffer.from(raw)
    return { file: { part: 'schema', uploadName: 'schema.json', inline, size: inline.length }, type: 'json' }
  }
  const full = readableFile('schema', raw, 'the schema file')
  if (!full) return undefined
  const type = SCHEMA_TYPES[extname(full).toLowerCase()]
  if (!type) return fail('schema', `'${raw}' is neither .json, .csv nor .parquet.`, 'Use a sample file of one of those types.')
  if (operation === 'Sync' && type !== 'json') return fail('schema', `'${raw}' is a ${type} file, but a Sync script takes JSON.`, 'Give a .json sample (or inline JSON), or set operation: Async.')
  if (inputType && type !== inputType) return fail('schema', `'${raw}' is a ${type} file but input-type is '${inputType}'.`, 'Make them agree.')
  const problem = contentProblem(full, type)
  if (problem) return fail('schema', `'${raw}' ${problem}.`, 'Give a real sample of the input.')
  return { file: upload('schema', basename(full), full), type }
}

/** A cheap look at the content, so a mislabelled or empty sample is caught here. */
function contentProblem(full: string, type: InputType): string | undefined {
  if (type === 'json') {
    try {
      JSON.parse(readFileSync(full, 'utf8'))
      return undefined
    } catch (error) {
      return `is not valid JSON: ${(error as Error).message}`
    }
  }
  if (type === 'csv') {
    const firstLine = readFileSync(full, 'utf8').split(/\r?\n/, 1)[0]
    return firstLine.trim() ? undefined : 'is empty or starts with a blank line (no header row)'
  }
  // Parquet files start and end with the magic bytes PAR1.
  const size = statOrUndefined(full)?.size ?? 0
  if (size < 8) return 'is too small to be a parquet file'
  const fd = openSync(full, 'r')
  const head = Buffer.alloc(4)
  const tail = Buffer.alloc(4)
  readSync(fd, head, 0, 4, 0)
  readSync(fd, tail, 0, 4, size - 4)
  closeSync(fd)
  return head.toString() === 'PAR1' && tail.toString() === 'PAR1' ? undefined : 'is not a parquet file (no PAR1 magic bytes)'
}

/**
 * The values of a dotenv file, as dotenv reads them: `KEY=value`, `export KEY=value`,
 * `KEY="quoted" # comment`, and quoted values running over several lines (PEM keys).
 * Comments and blank lines are skipped.
 */
export function envFileValues(content: string): string[] {
  const values: string[] = []
  const lines = content.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const match = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*=\s*(.*)$/.exec(lines[i])
    if (!match) continue
    const rest = match[1]
    const quote = rest[0]
    let value: string
    if (quote === '"' || quote === "'" || quote === '`') {
      let text = rest.slice(1)
      let end = text.indexOf(quote)
      // An opening quote without its closing one: the value goes on over the next lines.
      while (end === -1 && i + 1 < lines.length) {
        text += '\n' + lines[++i]
        end = text.indexOf(quote)
      }
      value = end === -1 ? text : text.slice(0, end)
    } else {
      value = rest.replace(/\s+#.*$/, '').trim()
    }
    if (value.trim()) values.push(value)
  }
  return values
}

const GLOB_CHARS = /[*?[\]{}]/

/**
 * `extra-files`: one path or glob a line (blank lines and `#` comments skipped,
 * `!pattern` excludes). Every line must match something, and no two files may share a
 * base name: the server puts them all in one folder, so one would overwrite the other.
 */
function expandExtraFiles(
  raw: string,
  cwd: string,
  fail: (input: string, problem: string, fix?: string) => undefined
): { path: string; shown: string; uploadName: string }[] {
  const lines = raw.split(/\r?\n/).map(line => line.trim()).filter(line => line && !line.startsWith('#'))
  const ignore = lines.filter(line => line.startsWith('!')).map(line => line.slice(1))
  const found = new Map<string, string>() // absolute path -> as the user wrote/matched it
  for (const line of lines.filter(line => !line.startsWith('!'))) {
    if (GLOB_CHARS.test(line)) {
      const matches = fg.sync(line, { cwd, ignore, onlyFiles: true, dot: true, absolute: false })
      if (matches.length === 0) fail('extra-files', `the pattern '${line}' matches no file (searched from ${cwd}).`, 'Fix the pattern or remove the line.')
      for (const match of matches.sort()) found.set(resolve(cwd, match), match)
      continue
    }
    const full = isAbsolute(line) ? line : resolve(cwd, line)
    const stat = statOrUndefined(full)
    if (!stat) fail('extra-files', `'${line}' does not exist (looked at ${full}).`, 'Fix the path or remove the line.')
    else if (!stat.isFile()) fail('extra-files', `'${line}' is a folder.`, `List its files, or use a glob such as ${line.replace(/\/$/, '')}/**.`)
    else found.set(full, line)
  }
  const byName = new Map<string, string>()
  const result: { path: string; shown: string; uploadName: string }[] = []
  for (const [full, shown] of found) {
    const uploadName = basename(full)
    const earlier = byName.get(uploadName)
    if (earlier) {
      fail('extra-files', `'${earlier}' and '${shown}' have the same file name '${uploadName}'; on the server one would overwrite the other.`, 'Rename one of them.')
      continue
    }
    byName.set(uploadName, shown)
    result.push({ path: full, shown, uploadName })
  }
  return result
}
