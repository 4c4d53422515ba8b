/**
 * Parquet at the harness's edge, in Node (there is no pyarrow for pandas here): datasets
 * in parquet are read with hyparquet and handed to Python as JSON columns, and the
 * DataFrame an entrypoint returns comes back as typed columns that hyparquet-writer
 * writes as a real parquet file.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { parquetWriteBuffer } from 'hyparquet-writer'

/** How python/harness/frames.py reads a dataset file. */
export type DatasetForm = 'csv' | 'json' | 'columns'

/** One column of a returned DataFrame, as python/harness/frames.py's frame_columns writes it. */
export interface FrameColumn {
  name: string
  type: 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP' | 'STRING'
  values: Array<string | number | boolean | null>
}

export interface Frame {
  rows: number
  columns: FrameColumn[]
}

export function isParquet(path: string): boolean {
  return extname(path).toLowerCase() === '.parquet'
}

export function formOf(path: string): Exclude<DatasetForm, 'columns'> {
  return extname(path).toLowerCase() === '.json' ? 'json' : 'csv'
}

/** A parquet file as the JSON object {column: [values]} pandas.DataFrame() takes. */
export async function parquetToColumnsJson(path: string, target: string): Promise<void> {
  const bytes = await readFile(path)
  const rows = await parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  })
  const columns: Record<string, unknown[]> = {}
  for (const name of Object.keys(rows[0] ?? {})) columns[name] = []
  for (const row of rows) for (const [name, values] of Object.entries(columns)) values.push(jsonable(row[name]))
  await writeFile(target, JSON.stringify(columns))
}

/** JSON has no bigint or Date: big integers travel as text, dates as ISO text. */
function jsonable(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()
  if (value instanceof Date) return value.toISOString()
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64')
  return value
}

const NON_FINITE: Record<string, number> = { inf: Infinity, '-inf': -Infinity, nan: NaN }

function columnData(column: FrameColumn): unknown[] {
  switch (column.type) {
    case 'INT64':
      return column.values.map((v) => (v === null ? null : BigInt(v as string)))
    case 'DOUBLE':
      return column.values.map((v) => (typeof v === 'string' ? NON_FINITE[v] : v))
    case 'TIMESTAMP':
      return column.values.map((v) => (v === null ? null : new Date(v as number)))
    default:
      return column.values
  }
}

/** Writes the returned DataFrame as a parquet file. */
export async function writeFrameParquet(frame: Frame, target: string): Promise<void> {
  const buffer = parquetWriteBuffer({
    columnData: frame.columns.map((column) => ({ name: column.name, type: column.type, data: columnData(column) }))
  })
  await writeFile(target, new Uint8Array(buffer))
}
