/** `--model <file.json>`: one model seed or an array of them; `source` and `files` are relative to the file. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ModelSeed } from './types.js'

export async function readModelSeeds(file: string): Promise<ModelSeed[]> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new Error(`--model ${file}: ${(error as Error).message}`)
  }
  const seeds = Array.isArray(parsed) ? parsed : [parsed]
  const folder = path.dirname(path.resolve(file))
  return seeds.map((seed: unknown) => {
    if (typeof seed !== 'object' || seed === null || Array.isArray(seed))
      throw new Error(`--model ${file}: each model must be a JSON object (see emulator/README.md, Models)`)
    const s = seed as ModelSeed
    return {
      ...s,
      ...(typeof s.source === 'string' ? { source: path.resolve(folder, s.source) } : {}),
      ...(Array.isArray(s.files) ? { files: s.files.map((f) => path.resolve(folder, String(f))) } : {})
    }
  })
}
