import { isPythonVersion, PYTHON_VERSIONS, type PythonVersion } from '../shared/python-version.js'
import { SCRIPT_HASH } from '../shared/hashes.js'
import type { InputReader } from './reader.js'
import { API_VERSIONS, type ApiVersion, type Mode, type Operation } from './spec.js'

/** What deploy and validate take when operation is empty; smoke-test mode asks the server instead. */
const UPLOAD_OPERATION: Operation = 'Sync'

/** The script's display name: the server takes fewer than 32 characters. */
export function parseName(reader: InputReader, uploads: boolean): string {
  const name = reader.get('name')
  if (!name && uploads) reader.fail('name', 'is required.', 'Give the script a display name of under 32 characters.')
  else if (name.length >= 32)
    reader.fail('name', `'${name}' has ${name.length} characters; the server takes fewer than 32.`, 'Shorten it.')
  return name
}

export interface OperationChoice {
  /** Sync or Async, any case; undefined when the input is neither (a problem is recorded). */
  readonly operation: Operation | undefined
  /** False in smoke-test mode without an operation input: the server's description decides. */
  readonly operationGiven: boolean
  /** The operation when given (or when uploading), else undefined: what the later checks may rely on. */
  readonly knownOperation: Operation | undefined
  readonly apiVersion: ApiVersion
}

/** operation and api-version, which must fit each other: the platform has no v2 Sync scripts. */
export function parseOperation(reader: InputReader, uploads: boolean): OperationChoice {
  const given = reader.get('operation')
  const operationGiven = given !== '' || uploads
  const operationRaw = given || UPLOAD_OPERATION
  const operation: Operation | undefined = /^sync$/i.test(operationRaw)
    ? 'Sync'
    : /^async$/i.test(operationRaw)
      ? 'Async'
      : undefined
  if (!operation)
    reader.fail(
      'operation',
      `'${operationRaw}' is not an operation.`,
      'Use Sync (answers HTTP calls) or Async (processes an uploaded file).'
    )
  const apiVersion = reader.choice('api-version', API_VERSIONS, 'an API version')
  if (apiVersion === 'v2' && operation === 'Sync' && operationGiven)
    reader.fail(
      'api-version',
      'is v2, but the platform has no v2 Sync scripts.',
      'Use auto or v1 for a Sync script, or set operation: Async.'
    )
  return { operation, operationGiven, knownOperation: operationGiven ? operation : undefined, apiVersion }
}

/** The Python the server builds with: one of PYTHON_VERSIONS. */
export function parsePythonVersion(reader: InputReader): PythonVersion | undefined {
  const pythonRaw = reader.orDefault('python-version')
  if (isPythonVersion(pythonRaw)) return pythonRaw
  return reader.fail(
    'python-version',
    `'${pythonRaw}' is not supported.`,
    `Use one of ${PYTHON_VERSIONS.join(', ')} (quote it in YAML: '3.10', or it becomes 3.1).`
  )
}

/** The function the server calls: a bare Python name. */
export function parseEntrypoint(reader: InputReader, uploads: boolean): string {
  const entrypoint = reader.get('entrypoint')
  if (!entrypoint && uploads)
    reader.fail('entrypoint', 'is required.', 'Name the function the server calls, e.g. entrypoint: process.')
  else if (entrypoint && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(entrypoint))
    reader.fail(
      'entrypoint',
      `'${entrypoint}' is not a Python function name.`,
      'Give the bare name of the function, without parentheses or module.'
    )
  return entrypoint
}

/** smoke-test mode: the hash of the script deployed earlier (the deploy's preprocessing-id output). */
export function parsePreprocessingId(reader: InputReader, mode: Mode): string | undefined {
  const preprocessingId = reader.get('preprocessing-id')
  if (mode === 'smoke-test') {
    if (!preprocessingId)
      reader.fail(
        'preprocessing-id',
        'is required in smoke-test mode.',
        'Pass the hash of the deployed script, e.g. ${{ needs.deploy.outputs.preprocessing-id }}.'
      )
    else if (!SCRIPT_HASH.test(preprocessingId))
      reader.fail(
        'preprocessing-id',
        `'${preprocessingId}' is not a script hash.`,
        "A hash is 'S' and 63 hex characters, as the deploy's preprocessing-id output gives it."
      )
  }
  return preprocessingId || undefined
}
