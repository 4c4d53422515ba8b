import { readFileSync } from 'node:fs'
import type { UploadFile } from '../shared/files.js'
import { apiCandidates } from '../shared/api-choice.js'
import { missingGroupToken } from './api-fit.js'
import { groupTokenWarning } from './connection.js'
import { parseAsyncExpectation, type AsyncExpectation } from './async-expect.js'
import { isInlineJson, parseDatasetLines } from './datasets.js'
import type { InputReader } from './reader.js'
import type { Schema } from './schema.js'
import type { ApiVersion, Mode, NamedDataset, Operation, SmokeTestSpec } from './spec.js'
import type { Workspace } from './workspace.js'

export interface SmokeTestContext {
  readonly mode: Mode
  /** Undefined in smoke-test mode without an operation input: the server decides. */
  readonly operation: Operation | undefined
  readonly apiVersion: ApiVersion
  readonly schema: Schema | undefined
  readonly groupToken: string | undefined
}

/**
 * The smoke test's inputs. The sample is smoke-test-input (inline JSON, or dataset
 * lines as in `schema`), else the schema. Without the group token the v1 run calls
 * cannot be made, so that is refused here, before anything is uploaded; v2 runs use
 * the user's token instead.
 */
export function parseSmokeTest(reader: InputReader, workspace: Workspace, context: SmokeTestContext): SmokeTestSpec {
  const { fail } = reader
  const { mode, operation, apiVersion, schema, groupToken } = context
  // validate runs the sample locally; smoke-test mode exists to run it on the server.
  const enabled = mode === 'deploy' ? reader.boolean('smoke-test') : true
  const timeoutMs = reader.duration('smoke-test-timeout', 1000)
  const inputRaw = reader.get('smoke-test-input')
  const expectRaw = reader.get('smoke-test-expect')
  // Inputs set without a smoke test to use them, and an Async expectation, are unused-inputs.ts's.
  if (!enabled) return { enabled, timeoutMs }
  if (mode !== 'validate') {
    // v1 runs (every Sync run, and Async on a v1 server) need the group token; v2 runs use the user token.
    const mayRunOnV1 = apiCandidates(operation, apiVersion).includes('v1')
    // Smoke-test mode learns the operation and the API from the server (modes/smoke-test.ts checks the token then).
    const surelyV1 = operation === 'Sync' || apiVersion === 'v1'
    const missing = surelyV1 ? missingGroupToken(mode, groupToken) : undefined
    if (missing) fail(missing.input, missing.problem, missing.fix)
    const warning = mayRunOnV1 ? groupTokenWarning(groupToken) : undefined
    if (warning) reader.warnings.push(warning)
  }
  const expect = expectRaw ? jsonValue(reader, workspace, 'smoke-test-expect', expectRaw) : undefined
  // Unknown operation (smoke-test mode): read once the server says Async (modes/smoke-test.ts).
  const asyncExpect = operation === 'Async' && expect !== undefined ? asyncExpectation(reader, expect) : undefined
  const base = { enabled, timeoutMs, expect, asyncExpect }

  if (inputRaw && isJsonValue(inputRaw)) {
    if (operation === 'Async')
      fail('smoke-test-input', 'is inline JSON, but an Async run uploads a file.', 'Point it at a dataset file.')
    return { ...base, syncInput: jsonValue(reader, workspace, 'smoke-test-input', inputRaw) }
  }
  if (inputRaw && operation === 'Sync')
    return { ...base, syncInput: jsonValue(reader, workspace, 'smoke-test-input', inputRaw) }
  if (inputRaw) {
    const datasets = parseDatasetLines(reader, workspace, 'smoke-test-input', inputRaw, {
      part: 'dataset',
      typed: false,
      what: 'the smoke-test sample'
    }).map(({ name, file }) => ({ name, file }))
    if (datasets.length > 1 && apiVersion === 'v1')
      fail(
        'smoke-test-input',
        `names ${datasets.length} datasets, but api-version v1 runs take one file.`,
        'Keep one line, or set api-version: auto or v2.'
      )
    // Until the server says which operation it is, the one file is kept as JSON too.
    const only = datasets.length === 1 ? datasets[0] : undefined
    const syncInput = operation === undefined && only ? jsonOrUndefined(only.file) : undefined
    return { ...base, ...asyncSamples(datasets), syncInput }
  }
  if (!schema) {
    if (mode === 'smoke-test')
      fail(
        'smoke-test-input',
        'is empty and so is schema: smoke-test mode needs a sample.',
        'Set smoke-test-input (inline JSON or a file), or schema.'
      )
    return base
  }
  const syncInput = schema.file ? jsonOrUndefined(schema.file) : undefined
  if (operation === 'Sync') return { ...base, syncInput }
  const fileDatasets = schema.datasets
    .filter((d) => d.file.localPath)
    .map((d) => ({ name: d.name, file: { ...d.file, part: 'dataset' as const } }))
  return { ...base, ...asyncSamples(fileDatasets), syncInput }
}

/** The v2 execution's datasets, and the one v1 `dataset` file when there is just one. */
function asyncSamples(datasets: NamedDataset[]): Pick<SmokeTestSpec, 'dataset' | 'datasets'> {
  if (datasets.length === 0) return {}
  return { datasets, dataset: datasets.length === 1 ? datasets[0]?.file : undefined }
}

function jsonOrUndefined(file: UploadFile): unknown {
  try {
    return JSON.parse(file.inline ? file.inline.toString() : readFileSync(file.localPath as string, 'utf8'))
  } catch {
    return undefined
  }
}

/**
 * Whether smoke-test-input / smoke-test-expect is inline JSON rather than a file's path: it
 * starts like an object, an array or a string (and must then parse), or it is any other JSON value
 * (`2`, `true`, `null`, `"approved"`). A path never parses as JSON unless it is a bare
 * number or keyword, so `smoke-test-expect: 2` is the number 2; a file named `2` is
 * written `./2`. The rule depends on the text alone, never on which files exist.
 */
export function isJsonValue(raw: string): boolean {
  // A leading quote is a JSON string (which must then parse), never a path.
  if (isInlineJson(raw) || raw.startsWith('"')) return true
  try {
    JSON.parse(raw)
    return true
  } catch {
    return false
  }
}

/** smoke-test-expect for an Async script, or an input error saying what is wrong and how to fix it. */
function asyncExpectation(reader: InputReader, value: unknown): AsyncExpectation | undefined {
  const parsed = parseAsyncExpectation(value)
  return 'problem' in parsed ? reader.fail('smoke-test-expect', parsed.problem, parsed.fix) : parsed.expectation
}

/** `key: value`, as YAML writes a mapping (a path has no colon followed by a space). */
const YAML_KEY = /^\s*[\w"' -]+:\s/

/** Inline JSON, or the JSON content of a file (inside the workspace). */
function jsonValue(reader: InputReader, workspace: Workspace, input: string, raw: string): unknown {
  const inline = isJsonValue(raw)
  let text = raw
  // YAML (`columns: [id]`, or several lines) is neither JSON nor a path: say so rather than "no such file".
  if (!inline && input === 'smoke-test-expect' && (raw.includes('\n') || YAML_KEY.test(raw)))
    return reader.fail(
      input,
      `'${raw.split('\n')[0]}${raw.includes('\n') ? ' …' : ''}' is neither JSON nor a file's path: it reads as YAML.`,
      `Write it as JSON in single quotes, e.g. ${input}: '{"key": ["value"]}', or give the path of a .json file.`
    )
  if (!inline) {
    const full = workspace.readableFile(input, raw, 'the JSON file', reader.fail)
    if (!full) return undefined
    text = readFileSync(full, 'utf8')
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    return reader.fail(
      input,
      `${inline ? 'is inline JSON that' : `'${raw}'`} does not parse: ${(error as Error).message}.`,
      'Give valid JSON, inline or in a .json file.'
    )
  }
}
