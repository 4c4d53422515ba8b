import { createReadStream, statSync, type Stats } from 'node:fs'
import { createHash } from 'node:crypto'

/** A file the register call sends, read from disk when the request is made. */
export interface UploadFile {
  /** The multipart part name: source, requirements, schema, env, extra (register, contract §3) or dataset (async run). */
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

/** sha256 of a file or inline content, streamed so large extra files cost no memory. */
export async function sha256Of(file: UploadFile): Promise<string> {
  const hash = createHash('sha256')
  if (file.inline) return hash.update(file.inline).digest('hex')
  for await (const chunk of createReadStream(file.localPath as string)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
