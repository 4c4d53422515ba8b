import { createReadStream, statSync, type Stats } from 'node:fs'
import { createHash } from 'node:crypto'

/** A file the register call sends, read from disk when the request is made. */
export interface UploadFile {
  /**
   * The multipart part name: source, requirements, schema, env, extra (the register call,
   * docs/platform-contract.md) or dataset (an async run).
   */
  readonly part: 'source' | 'requirements' | 'schema' | 'env' | 'extra' | 'dataset'
  /** The file name sent to the server. */
  readonly uploadName: string
  /** Where it is on the runner; absent for an inline schema. */
  readonly localPath?: string
  /** The bytes of an inline schema. */
  readonly inline?: Buffer
  readonly size: number
}

/** Stat a path; undefined when missing. Throws nothing. */
export function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/**
 * Read size for streaming a file (upload, hashing). Small reads keep the footprint
 * flat: with 64 KiB reads, Node 24 lets ~70 MB of read buffers pile up before they are
 * collected while a 1 GiB file streams (BENCHMARKS.md, memory).
 */
export const STREAM_CHUNK_BYTES = 16 * 1024

/** A file's content as a stream of small chunks. */
export function streamFile(path: string): ReturnType<typeof createReadStream> {
  return createReadStream(path, { highWaterMark: STREAM_CHUNK_BYTES })
}

/** sha256 of a file or inline content, streamed so large extra files cost no memory. */
export async function sha256Of(file: UploadFile): Promise<string> {
  const hash = createHash('sha256')
  if (file.inline) return hash.update(file.inline).digest('hex')
  for await (const chunk of streamFile(file.localPath as string)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
