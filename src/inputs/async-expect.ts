/**
 * smoke-test-expect for an Async script: what the result's table must hold. A JSON object
 * with `columns` (a list of names, or an object of name → type) and/or `min-rows`; the
 * checks are in src/steps/async-result.ts, the format in docs/how-it-works.md.
 */

/** The types a column can be expected to have; 'any' only asks that the column exists. */
export const COLUMN_TYPES = ['string', 'integer', 'number', 'boolean', 'datetime', 'any'] as const
export type ColumnType = (typeof COLUMN_TYPES)[number]

export interface ExpectedColumn {
  readonly name: string
  readonly type: ColumnType
}

export interface AsyncExpectation {
  /** Columns the table must have (in any order, among others), each with its type. */
  readonly columns: readonly ExpectedColumn[]
  /** The fewest rows the table may have. */
  readonly minRows?: number
}

const KEYS = ['columns', 'min-rows'] as const
const EXAMPLE = '{"columns": {"id": "integer", "score": "number"}, "min-rows": 1}'
const TYPE_LIST = `${COLUMN_TYPES.slice(0, -1).join(', ')} or ${COLUMN_TYPES.at(-1)}`

/** Names users reach for, mapped to the type they mean (for the fix only: the format stays strict). */
const TYPE_ALIASES: Record<string, ColumnType> = {
  str: 'string',
  text: 'string',
  object: 'string',
  int: 'integer',
  int32: 'integer',
  int64: 'integer',
  long: 'integer',
  float: 'number',
  float64: 'number',
  double: 'number',
  decimal: 'number',
  bool: 'boolean',
  date: 'datetime',
  timestamp: 'datetime',
  'datetime64[ns]': 'datetime'
}

export type ParsedExpectation = { expectation: AsyncExpectation } | { problem: string; fix: string }

/**
 * Reads smoke-test-expect's JSON value as an Async expectation, or says what is wrong
 * with it and how to fix it (the caller names the input).
 */
export function parseAsyncExpectation(value: unknown): ParsedExpectation {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad(
      `is ${kindOf(value)}, but for an Async script it must be a JSON object naming the result's columns ` +
        'and/or its minimum row count.',
      `Write it as ${EXAMPLE}.`
    )
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if ((KEYS as readonly string[]).includes(key)) continue
    const near = KEYS.find((known) => squash(known) === squash(key) || (key === 'rows' && known === 'min-rows'))
    return bad(
      `has the key '${key}', which an Async expectation does not take (only ${KEYS.join(' and ')}).`,
      near ? `Write '${near}' instead of '${key}'.` : `Remove '${key}'; write it as ${EXAMPLE}.`
    )
  }
  if (record.columns === undefined && record['min-rows'] === undefined)
    return bad('is an empty object: it names nothing to check.', `Give columns, min-rows or both, as in ${EXAMPLE}.`)
  const columns = record.columns === undefined ? { columns: [] } : parseColumns(record.columns)
  if ('problem' in columns) return columns
  const minRows = record['min-rows']
  if (minRows !== undefined && !(typeof minRows === 'number' && Number.isInteger(minRows) && minRows >= 1))
    return bad(
      `has min-rows ${JSON.stringify(minRows)}, but it must be a whole number of rows, 1 or more.`,
      'Write it as a JSON number without quotes, such as "min-rows": 10.'
    )
  return { expectation: { columns: columns.columns, ...(minRows === undefined ? {} : { minRows }) } }
}

function parseColumns(value: unknown): { columns: ExpectedColumn[] } | { problem: string; fix: string } {
  const entries: [unknown, unknown][] = Array.isArray(value)
    ? value.map((name) => [name, 'any'])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : []
  if (!Array.isArray(value) && (typeof value !== 'object' || value === null))
    return bad(
      `has columns ${JSON.stringify(value)}, but columns is a list of names or an object of name → type.`,
      `Write ["id", "score"], or {"id": "integer", "score": "number"}.`
    )
  if (entries.length === 0) return bad('has columns that name no column.', 'Name at least one, or remove columns.')
  const columns: ExpectedColumn[] = []
  for (const [name, type] of entries) {
    if (typeof name !== 'string' || name === '')
      return bad(`has columns with ${JSON.stringify(name)}, which is not a column name.`, 'Give names as strings.')
    if (columns.some((c) => c.name === name))
      return bad(`names the column '${name}' twice in columns.`, 'Name each column once.')
    if (typeof type !== 'string' || !(COLUMN_TYPES as readonly string[]).includes(type)) {
      const alias = typeof type === 'string' ? TYPE_ALIASES[type.toLowerCase()] : undefined
      const lower = typeof type === 'string' ? COLUMN_TYPES.find((t) => t === type.toLowerCase()) : undefined
      const meant = alias ?? lower
      return bad(
        `gives the column '${name}' the type ${JSON.stringify(type)}, which is not one of ${TYPE_LIST}.`,
        meant ? `Write "${meant}".` : `Use one of ${TYPE_LIST}.`
      )
    }
    columns.push({ name, type: type as ColumnType })
  }
  return { columns }
}

function bad(problem: string, fix: string): { problem: string; fix: string } {
  return { problem, fix }
}

function squash(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '')
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a JSON array'
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `the ${typeof value} ${String(value)}`
}

/** The expectation in a few words, for logs and the summary: "columns id (integer), score; at least 1 row". */
export function describeExpectation(expectation: AsyncExpectation): string {
  const parts: string[] = []
  if (expectation.columns.length > 0)
    parts.push(
      'columns ' + expectation.columns.map((c) => (c.type === 'any' ? c.name : `${c.name} (${c.type})`)).join(', ')
    )
  if (expectation.minRows !== undefined)
    parts.push(`at least ${expectation.minRows} row${expectation.minRows === 1 ? '' : 's'}`)
  return parts.join('; ')
}
