/**
 * An Async result's parquet file, read with a real parquet reader (hyparquet, pure JS,
 * loaded only when a smoke test gets this far) to prove it is readable: its row count,
 * columns and their types from the footer, and its first rows decoded.
 */
import type { SchemaElement } from 'hyparquet'

export interface ParquetSummary {
  readonly rows: number
  readonly columns: readonly string[]
  /** Each column's type in smoke-test-expect's words (src/inputs/async-expect.ts), or the parquet type. */
  readonly types: readonly string[]
}

/** Rows decoded to prove the data pages read, not only the footer. */
const ROWS_DECODED = 100

/** A file on disk (a path), or its bytes (a table inside a result zip). */
export async function readParquetSummary(source: string | ArrayBuffer): Promise<ParquetSummary> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } = await import('hyparquet')
  const file = typeof source === 'string' ? await asyncBufferFromFile(source) : source
  const metadata = await parquetMetadataAsync(file)
  const children = parquetSchema(metadata).children
  const columns = children.map((child) => child.element.name)
  const types = children.map((child) => (child.children.length > 0 ? 'nested' : columnType(child.element)))
  const rows = Number(metadata.num_rows)
  if (rows > 0) await parquetReadObjects({ file, metadata, rowStart: 0, rowEnd: Math.min(rows, ROWS_DECODED) })
  return { rows, columns, types }
}

/**
 * A parquet column's type: integer (INT32/INT64 without a date or time annotation),
 * number (FLOAT, DOUBLE, DECIMAL), boolean, string (UTF8/STRING, ENUM, JSON), datetime
 * (DATE, TIME, TIMESTAMP, INT96); anything else by its physical type, lower-cased.
 */
function columnType(element: SchemaElement): string {
  const logical = element.logical_type?.type
  const converted = element.converted_type ?? ''
  if (logical === 'DECIMAL' || converted === 'DECIMAL' || logical === 'FLOAT16') return 'number'
  if (['DATE', 'TIME', 'TIMESTAMP'].includes(logical ?? '') || /^(DATE|TIME_|TIMESTAMP_)/.test(converted))
    return 'datetime'
  if (['STRING', 'ENUM', 'JSON', 'UUID'].includes(logical ?? '') || ['UTF8', 'ENUM', 'JSON'].includes(converted))
    return 'string'
  switch (element.type) {
    case 'BOOLEAN':
      return 'boolean'
    case 'INT32':
    case 'INT64':
      return 'integer'
    case 'FLOAT':
    case 'DOUBLE':
      return 'number'
    case 'INT96':
      return 'datetime'
    default:
      return (element.type ?? 'nested').toLowerCase()
  }
}
