/**
 * A v2 execution's result, read with a real parquet reader (hyparquet, pure JS, loaded
 * only when a v2 smoke test gets this far) to prove it is readable: its row count
 * and columns from the footer, and its first rows decoded.
 */
export interface ParquetSummary {
  readonly rows: number
  readonly columns: readonly string[]
}

/** Rows decoded to prove the data pages read, not only the footer. */
const ROWS_DECODED = 100

export async function readParquetSummary(path: string): Promise<ParquetSummary> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } = await import('hyparquet')
  const file = await asyncBufferFromFile(path)
  const metadata = await parquetMetadataAsync(file)
  const columns = parquetSchema(metadata).children.map((child) => child.element.name)
  const rows = Number(metadata.num_rows)
  if (rows > 0) await parquetReadObjects({ file, metadata, rowStart: 0, rowEnd: Math.min(rows, ROWS_DECODED) })
  return { rows, columns }
}
