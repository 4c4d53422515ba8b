/**
 * What an Async model's `input` upload becomes in its data_path. Two clients, two forms:
 * 4.0.2 uploads the v2 result (preprocessed_data.parquet); 2.1.1 uploads the v1 result zip
 * as it downloaded it (named result_preprocessing, no extension). The model gets a file it
 * can read either way: the one file inside a zip, and JSON columns beside a parquet file.
 */
import { open, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { isParquet, parquetToColumnsJson } from '../../src/harness/frames.js'
import type { UploadedFile } from '../http/body.js'
import { badInput, errorMessage } from '../http/errors.js'

export interface PreparedInput {
  /** Files to place in data_path: name there → where they are now. */
  files: { name: string; from: string }[]
  /** The file the model is pointed at (env inputFileName). */
  inputFileName: string
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])

async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    return bytesRead === 4 && head.equals(ZIP_MAGIC)
  } finally {
    await handle.close()
  }
}

export async function prepareInput(file: UploadedFile): Promise<PreparedInput> {
  const uploaded = file.filename || 'input'
  const files = [{ name: uploaded, from: file.tempPath }]
  let name = uploaded
  let at = file.tempPath
  if (await isZip(file.tempPath)) {
    let entries: [string, Uint8Array][]
    try {
      entries = Object.entries(unzipSync(await readFile(file.tempPath))).filter(([n]) => !n.endsWith('/'))
    } catch (error) {
      throw badInput(`The 'input' file '${uploaded}' is not a readable zip: ${errorMessage(error)}`)
    }
    const [only] = entries
    if (entries.length !== 1 || only === undefined)
      throw badInput(`The 'input' zip '${uploaded}' holds ${entries.length} files; the emulator takes one`)
    name = path.basename(only[0])
    at = `${file.tempPath}.unzipped`
    await writeFile(at, only[1])
    if (name === uploaded) files.length = 0
    files.push({ name, from: at })
  }
  if (!isParquet(name)) return { files, inputFileName: name }
  // The emulator's Python has no parquet engine: the model gets JSON columns (pandas.read_json reads them).
  const columns = `${path.parse(name).name}.json`
  try {
    await parquetToColumnsJson(at, `${file.tempPath}.columns`)
  } catch (error) {
    throw badInput(`The 'input' file '${name}' is not a readable parquet file: ${errorMessage(error)}`)
  }
  files.push({ name: columns, from: `${file.tempPath}.columns` })
  return { files, inputFileName: columns }
}
