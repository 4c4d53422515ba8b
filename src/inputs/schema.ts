import type { UploadFile } from '../shared/files.js'
import { isInlineJson, parseDatasetLines } from './datasets.js'
import type { InputReader } from './reader.js'
import type { OperationChoice } from './script.js'
import { INPUT_TYPES, type ApiVersion, type InputType, type NamedDataset, type Operation } from './spec.js'
import type { Workspace } from './workspace.js'

export interface Schema {
  readonly datasets: readonly NamedDataset[]
  /** The v1 `schema` part: present when there is exactly one dataset. */
  readonly file?: UploadFile
  /** The first dataset's type (v1's input type when input-type is not given). */
  readonly type?: InputType
}

/**
 * input-type, then the schema it must agree with. In smoke-test mode the schema is only the
 * default sample (it may be empty), and the operation may come from the server.
 */
export function parseSample(
  reader: InputReader,
  workspace: Workspace,
  uploads: boolean,
  { operation, knownOperation, apiVersion }: OperationChoice
): { schema: Schema | undefined; inputType: InputType } {
  const { fail } = reader
  const inputTypeRaw = reader.get('input-type').toLowerCase()
  if (inputTypeRaw && !(INPUT_TYPES as readonly string[]).includes(inputTypeRaw))
    fail('input-type', `'${inputTypeRaw}' is not an input type.`, `Use one of ${INPUT_TYPES.join(', ')}.`)
  if (inputTypeRaw && inputTypeRaw !== 'json' && operation === 'Sync')
    fail(
      'input-type',
      `'${inputTypeRaw}' does not fit a Sync script.`,
      'Sync scripts take JSON: use json, or set operation: Async.'
    )
  const schema =
    !reader.get('schema') && !uploads
      ? undefined
      : parseSchema(reader, workspace, knownOperation, apiVersion, inputTypeRaw as InputType | '')
  return { schema, inputType: (inputTypeRaw as InputType) || schema?.type || 'json' }
}

/**
 * `schema`: inline JSON (Sync only; one dataset named 'schema'), or one or more
 * dataset lines (interfaces: `name=path`, a bare path named by its stem). v1 takes a
 * single sample, so more than one dataset needs an Async script on the v2 API.
 */
export function parseSchema(
  reader: InputReader,
  workspace: Workspace,
  operation: Operation | undefined,
  apiVersion: ApiVersion,
  inputType: InputType | ''
): Schema | undefined {
  const { fail } = reader
  const raw = reader.get('schema')
  if (!raw)
    return fail(
      'schema',
      'is required: the server refuses a script without a schema sample.',
      'Point it at a sample input file (schema.json, schema.csv, …), or give inline JSON for a Sync script.'
    )
  if (isInlineJson(raw)) {
    if (operation === 'Async')
      return fail(
        'schema',
        'is inline JSON, but an Async script needs a sample file.',
        'Point schema at a file of the type the script reads.'
      )
    try {
      JSON.parse(raw)
    } catch (error) {
      return fail(
        'schema',
        `is inline JSON that does not parse: ${(error as Error).message}.`,
        'Fix the JSON, or point schema at a file.'
      )
    }
    const inline = Buffer.from(raw)
    const file: UploadFile = { part: 'schema', uploadName: 'schema.json', inline, size: inline.length }
    return { datasets: [{ name: 'schema', file }], file, type: 'json' }
  }
  const datasets = parseDatasetLines(reader, workspace, 'schema', raw, {
    part: 'schema',
    typed: true,
    what: 'the schema file'
  })
  if (datasets.length > 1) {
    if (operation === 'Sync')
      return fail(
        'schema',
        `names ${datasets.length} datasets, but a Sync script takes one JSON sample.`,
        'Keep one line, or set operation: Async (v2 takes named datasets).'
      )
    if (apiVersion === 'v1')
      return fail(
        'schema',
        `names ${datasets.length} datasets, but api-version v1 takes one sample.`,
        'Keep one line, or set api-version: auto or v2.'
      )
  }
  for (const dataset of datasets) {
    if (operation === 'Sync' && dataset.type !== 'json')
      fail(
        'schema',
        `'${dataset.shown}' is a ${dataset.type} file, but a Sync script takes JSON.`,
        'Give a .json sample (or inline JSON), or set operation: Async.'
      )
    else if (inputType && dataset.type !== inputType)
      fail(
        'schema',
        `'${dataset.shown}' is a ${dataset.type} file but input-type is '${inputType}'.`,
        'Make them agree.'
      )
  }
  const first = datasets[0]
  if (!first) return undefined
  return {
    datasets: datasets.map(({ name, file }) => ({ name, file })),
    file: datasets.length === 1 ? first.file : undefined,
    type: first.type
  }
}
