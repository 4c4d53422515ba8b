/**
 * A CSV file in an Async result (the file a v1 script wrote), read for smoke-test-expect:
 * its header, row count and each column's type as pandas.read_csv infers it with no
 * options — integer, number, boolean, else string (a date in a CSV is a string). pandas'
 * default missing values are skipped; a column with one is no longer integer but number
 * (NaN is a float), and a column of missing values only is number too.
 */

export interface CsvSummary {
  readonly rows: number
  readonly columns: readonly string[]
  readonly types: readonly string[]
  /** Read from a CSV: its dates are strings, which a datetime expectation's message says. */
  readonly csv: true
}

/** pandas.read_csv's default na_values. */
const MISSING = new Set(
  [
    '',
    '#N/A',
    '#N/A N/A',
    '#NA',
    '-1.#IND',
    '-1.#QNAN',
    '-NaN',
    '-nan',
    '1.#IND',
    '1.#QNAN',
    '<NA>',
    'N/A',
    'NA'
  ].concat(['NULL', 'NaN', 'None', 'n/a', 'nan', 'null'])
)
const BOOLEAN = new Set(['True', 'TRUE', 'true', 'False', 'FALSE', 'false'])
const INTEGER = /^\s*[-+]?\d+\s*$/
const NUMBER = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|inf|infinity)\s*$/i

export function readCsvSummary(text: string): CsvSummary {
  const records = parseCsv(text.replace(/^\uFEFF/, '')).filter((record) => !isBlank(record))
  const [header, ...rows] = records
  if (!header) throw new Error('it is empty: no header line')
  const columns = header
  const types = columns.map((_, index) => inferType(rows.map((row) => row[index] ?? '')))
  return { rows: rows.length, columns, types, csv: true }
}

function inferType(cells: string[]): string {
  const present = cells.filter((cell) => !MISSING.has(cell))
  if (present.length === 0) return 'number'
  if (present.every((cell) => INTEGER.test(cell))) return present.length === cells.length ? 'integer' : 'number'
  if (present.every((cell) => NUMBER.test(cell))) return 'number'
  if (present.every((cell) => BOOLEAN.has(cell.trim()))) return present.length === cells.length ? 'boolean' : 'string'
  return 'string'
}

/** pandas skips blank lines. */
function isBlank(record: string[]): boolean {
  return record.length === 1 && record[0] === ''
}

/** RFC 4180 records: comma-separated, double quotes around a field, "" inside one; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char !== '"') field += char
      else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else quoted = false
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += char
  }
  if (quoted) throw new Error('a quoted field is never closed')
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}
