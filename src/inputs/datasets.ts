import { closeSync, openSync, readSync, readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { statOrUndefined, type UploadFile } from '../shared/files.js'
import type { InputReader } from './reader.js'
import type { InputType, NamedDataset } from './spec.js'
import type { Workspace } from './workspace.js'

/**
 * Dataset names (the platform's rule is not published, so this is our choice, kept
 * to what is safe as a key, a file name and a Python identifier-ish word): 1–64
 * characters of letters, digits, _ and -, starting with a letter; unique.
 */
export const DATASET_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/
export const DATASET_NAME_RULE = '1 to 64 letters, digits, _ or -, starting with a letter'

const TYPES: Record<string, InputType> = { '.json': 'json', '.csv': 'csv', '.parquet': 'parquet' }

export interface TypedDataset extends NamedDataset {
  /** Undefined when the extension is none of json, csv, parquet (allowed only for untyped samples). */
  readonly type?: InputType
  /** The line as the user wrote it, for messages. */
  readonly shown: string
}

/** Inline JSON rather than a path: the value starts like a JSON object or array. */
export function isInlineJson(raw: string): boolean {
  return raw.startsWith('{') || raw.startsWith('[')
}

/**
 * `name=path` lines (blank lines and # comments skipped); a bare path is named by its
 * stem. A line is `name=path` when an `=` comes before any / or \\, so a file whose
 * name holds `=` is written with an explicit name: `sales=data=2024.csv`.
 */
export function parseDatasetLines(
  reader: InputReader,
  workspace: Workspace,
  input: string,
  raw: string,
  options: { part: UploadFile['part']; typed: boolean; what: string }
): TypedDataset[] {
  const { fail } = reader
  const datasets: TypedDataset[] = []
  const lines = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  if (lines.length === 0)
    fail(input, 'holds only blank lines and comments.', 'Give at least one file (name=path, or a bare path).')
  for (const line of lines) {
    const named = /^([^=/\\]*)=(.*)$/.exec(line)
    const path = (named ? (named[2] ?? '') : line).trim()
    const name = named ? (named[1] ?? '').trim() : basename(path, extname(path))
    if (!path) {
      fail(input, `the line '${line}' names no file.`, 'Write it as dataset_name=path/to/file.')
      continue
    }
    if (!DATASET_NAME.test(name)) {
      fail(
        input,
        named
          ? `'${name}' is not a dataset name.`
          : `the file '${path}' would be the dataset '${name}', which is not a dataset name.`,
        `Dataset names are ${DATASET_NAME_RULE}; write the line as name=path.`
      )
      continue
    }
    if (datasets.some((d) => d.name === name)) {
      fail(input, `two lines name the dataset '${name}'.`, 'Give each dataset its own name (name=path).')
      continue
    }
    const full = workspace.readableFile(input, path, options.what, fail)
    if (!full) continue
    const type = TYPES[extname(path).toLowerCase()]
    if (!type && options.typed) {
      fail(input, `'${path}' is neither .json, .csv nor .parquet.`, 'Use a sample file of one of those types.')
      continue
    }
    const problem = type && contentProblem(full, type)
    if (problem) {
      fail(input, `'${path}' ${problem}.`, 'Give a real sample of the input.')
      continue
    }
    datasets.push({ name, type, shown: path, file: uploadFile(options.part, basename(path), full) })
  }
  return datasets
}

export function uploadFile(part: UploadFile['part'], uploadName: string, localPath: string): UploadFile {
  return { part, uploadName, localPath, size: statOrUndefined(localPath)?.size ?? 0 }
}

/** A cheap look at the content, so a mislabelled or empty sample is caught here. */
function contentProblem(full: string, type: InputType): string | undefined {
  if (type === 'json') {
    try {
      JSON.parse(readFileSync(full, 'utf8'))
      return undefined
    } catch (error) {
      return `is not valid JSON: ${(error as Error).message}`
    }
  }
  if (type === 'csv') {
    const firstLine = readFileSync(full, 'utf8').split(/\r?\n/, 1)[0] ?? ''
    return firstLine.trim() ? undefined : 'is empty or starts with a blank line (no header row)'
  }
  // Parquet files start and end with the magic bytes PAR1.
  const size = statOrUndefined(full)?.size ?? 0
  if (size < 8) return 'is too small to be a parquet file'
  const fd = openSync(full, 'r')
  const head = Buffer.alloc(4)
  const tail = Buffer.alloc(4)
  readSync(fd, head, 0, 4, 0)
  readSync(fd, tail, 0, 4, size - 4)
  closeSync(fd)
  return head.toString() === 'PAR1' && tail.toString() === 'PAR1'
    ? undefined
    : 'is not a parquet file (no PAR1 magic bytes)'
}
