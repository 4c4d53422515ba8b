/**
 * An Async result, checked: a v1 zip (readable, holding something) or a v2 parquet file
 * (readable, with rows), and smoke-test-expect on its table when one is given. Knows
 * nothing of scripts or executions: the caller names the result (`label`) for the messages,
 * so a model's Async result is checked the same way.
 */
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { AsyncExpectation } from '../inputs/async-expect.js'
import { readCsvSummary } from './csv-table.js'
import { readParquetSummary } from './parquet.js'

/** Where the result is: a zip (v1, the file the entrypoint wrote), a parquet file (v2), a CSV file (a local run). */
export type ResultFormat = 'zip' | 'parquet' | 'csv'

/** The shape of the table the expectation was checked on. */
export interface ResultTable {
  /** Its file name inside the zip; undefined for a parquet or CSV result. */
  readonly file?: string
  readonly rows: number
  readonly columns: readonly string[]
  readonly types: readonly string[]
  /** Read from a CSV (a date there is a string); absent for parquet. */
  readonly csv?: true
}

export interface AsyncResultCheck {
  /** Why the result is no good (or does not meet the expectation); undefined when it passes. */
  reason?: string
  /** A zip's entries. */
  entries?: { name: string; size: number }[]
  /** The table read (a parquet result always; a zip's only when there is an expectation). */
  table?: ResultTable
  /** The expectation's outcome: met, or what failed (one line each); absent without one. */
  expectation?: { met: boolean; problems: string[] }
}

/** Reads `path` as `format` and checks it (and `expectation`, if any); `label` names it in messages. */
export async function checkAsyncResult(
  path: string,
  format: ResultFormat,
  expectation?: AsyncExpectation,
  label = 'the result'
): Promise<AsyncResultCheck> {
  const check: AsyncResultCheck = {}
  const kind = format === 'parquet' ? 'a parquet file' : 'a CSV file'
  if (format === 'zip') {
    const table = await zipTable(path, label, check, expectation !== undefined)
    if (check.reason !== undefined || !expectation) return check
    if (!table) return unmet(check, label, [])
    check.table = table
  } else {
    try {
      check.table = format === 'parquet' ? await readParquetSummary(path) : readCsvSummary(readFileSync(path, 'utf8'))
    } catch (error) {
      check.reason = `${label} is not a readable ${kind.slice(2)} (${(error as Error).message})`
      return check
    }
  }
  // No rows fails, the result's table or the one inside its zip alike (min-rows is 1 or more).
  if (check.table.rows === 0) {
    const what = check.table.file ? `holds ${check.table.file}, a table` : `is ${kind}`
    check.reason = `${label} ${what} with no rows (columns: ${namesOf(check.table.columns) || 'none'})`
    return check
  }
  if (!expectation) return check
  const problems = tableProblems(check.table, expectation)
  check.expectation = { met: problems.length === 0, problems }
  if (problems.length > 0) check.reason = `${label} does not meet smoke-test-expect: ${problems.join('; ')}`
  return check
}

/** The format of a file an entrypoint wrote, by its extension; undefined when not a table this reads. */
export function tableFormatOf(path: string): Exclude<ResultFormat, 'zip'> | undefined {
  const extension = extname(path).toLowerCase()
  return extension === '.parquet' ? 'parquet' : extension === '.csv' ? 'csv' : undefined
}

/** An expectation that cannot be checked is a failure, never a pass. */
function unmet(check: AsyncResultCheck, label: string, found: string[]): AsyncResultCheck {
  const what = check.entries?.map((e) => `${e.name} (${e.size} B)`).join(', ') || 'nothing'
  const problem =
    found.length > 1
      ? `it holds ${found.length} tables (${found.join(', ')}), and smoke-test-expect is checked on one`
      : `it holds no table smoke-test-expect can be checked on (a .csv or .parquet file), only ${what}`
  check.expectation = { met: false, problems: [problem] }
  check.reason = `${label} cannot be checked against smoke-test-expect: ${problem}`
  return check
}

/**
 * Reads the zip into `check` (entries, or the reason it is no good); with `wanted`, also its
 * one table (a .csv or .parquet entry), undefined when there is not exactly one.
 */
async function zipTable(
  path: string,
  label: string,
  check: AsyncResultCheck,
  wanted: boolean
): Promise<ResultTable | undefined> {
  // Loaded only when an Async result zip gets this far.
  const { unzipSync } = await import('fflate')
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(new Uint8Array(readFileSync(path)))
  } catch (error) {
    check.reason = `${label} is not a readable zip (${(error as Error).message})`
    return undefined
  }
  check.entries = Object.entries(files).map(([name, bytes]) => ({ name, size: bytes.length }))
  if (!check.entries.some((entry) => entry.size > 0)) {
    check.reason = `${label} is an empty zip`
    return undefined
  }
  if (!wanted) return undefined
  const tables = Object.keys(files).filter((name) => !name.endsWith('/') && tableFormatOf(name))
  const [only] = tables
  if (tables.length !== 1 || only === undefined) {
    if (tables.length > 1) unmet(check, label, tables)
    return undefined
  }
  const bytes = files[only] as Uint8Array
  try {
    const summary =
      tableFormatOf(only) === 'parquet'
        ? await readParquetSummary(bytes.slice().buffer)
        : readCsvSummary(new TextDecoder().decode(bytes))
    return { file: only, ...summary }
  } catch (error) {
    check.reason = `${label}: ${only} in the zip is not a readable table (${(error as Error).message})`
    check.expectation = { met: false, problems: [`${only} is not a readable table`] }
    return undefined
  }
}

/** What the table lacks against the expectation, one line each: missing columns, types, rows. */
export function tableProblems(table: ResultTable, expectation: AsyncExpectation): string[] {
  const problems: string[] = []
  const missing: string[] = []
  for (const column of expectation.columns) {
    const index = table.columns.indexOf(column.name)
    if (index < 0) {
      const near = table.columns.find((name) => name.toLowerCase() === column.name.toLowerCase())
      missing.push(near ? `'${column.name}' (there is '${near}': names are case-sensitive)` : `'${column.name}'`)
      continue
    }
    const found = table.types[index] ?? 'unknown'
    if (column.type !== 'any' && !typeFits(column.type, found))
      problems.push(`column '${column.name}' is ${found}, expected ${column.type}${csvDateHint(table, column.type)}`)
  }
  if (missing.length > 0)
    problems.unshift(
      `${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} missing ` +
        `(${table.file ? `${table.file} has` : 'it has'} ${namesOf(table.columns) || 'no columns'})`
    )
  if (expectation.minRows !== undefined && table.rows < expectation.minRows)
    problems.push(`${table.rows} row${table.rows === 1 ? '' : 's'}, expected at least ${expectation.minRows}`)
  return problems
}

/** A CSV has no date type: pandas reads a date there as a string, so say what to do instead. */
function csvDateHint(table: ResultTable, expected: string): string {
  if (!table.csv || expected !== 'datetime') return ''
  return ` (a CSV has no date type: its dates read as strings; expect "string", or write the result as parquet)`
}

/** An integer column is a number too; every other type matches only itself. */
function typeFits(expected: string, found: string): boolean {
  return expected === found || (expected === 'number' && found === 'integer')
}

/** Column names for a message: the first 30, then how many more (a wide table stays one readable line). */
function namesOf(columns: readonly string[]): string {
  const shown = columns.slice(0, 30).join(', ')
  return columns.length > 30 ? `${shown} and ${columns.length - 30} more` : shown
}
