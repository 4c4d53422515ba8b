import { relative } from 'node:path'
import type { LogEntry } from '../api/wire.js'
import type { UploadFile } from '../shared/files.js'
import { notebookPlace } from './notebook-lines.js'

export interface SourceAnnotation {
  /** The user's file, relative to the workspace. */
  readonly file: string
  /** Undefined for a notebook line the .ipynb file does not show on a line of its own. */
  readonly line?: number
  /** The exception line of the traceback. */
  readonly message: string
}

interface Frame {
  readonly path: string
  readonly line: number
}

/**
 * Finds, in Python tracebacks (from the server or a local run), the innermost frame in a
 * file the action uploaded and maps it back to the user's file and line. A frame counts
 * only when its path, relative to the script's folder, is an uploaded file's name: a
 * library file that merely shares a base name with one never does. The script's folder
 * is where the outermost frame of the source file (script.py) sits — the server enters
 * the user's code through it, so library frames come deeper. A notebook's line numbers
 * count its joined code cells: they are mapped to the cell, and to the .ipynb file's line
 * (notebook-lines.ts).
 */
export function tracebackAnnotations(
  entries: readonly LogEntry[],
  uploads: readonly UploadFile[],
  workspace: string
): SourceAnnotation[] {
  const source = uploads.find((f) => f.part === 'source')
  if (!source) return []
  if (source.uploadName.endsWith('.ipynb')) return notebookAnnotations(entries, source, workspace)
  const byUploadName = new Map(
    uploads
      .filter((f) => f.localPath && (f.part === 'source' || f.part === 'extra') && !f.uploadName.endsWith('.ipynb'))
      .map((f) => [f.uploadName, f.localPath as string])
  )
  const annotations: SourceAnnotation[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    if (entry.OutputType !== 'Error') continue
    const text = entry.OutputData ?? ''
    const frames: Frame[] = [...text.matchAll(/File "([^"]+)", line (\d+)/g)].map(([, path = '', line]) => ({
      path: path.replace(/\\/g, '/'),
      line: Number(line)
    }))
    const folder = frames
      .find((f) => f.path.endsWith(`/${source.uploadName}`))
      ?.path.slice(0, -source.uploadName.length)
    if (folder === undefined) continue
    let innermost: { file: string; line: number } | undefined
    for (const frame of frames) {
      const local = frame.path.startsWith(folder) ? byUploadName.get(frame.path.slice(folder.length)) : undefined
      if (local) innermost = { file: relative(workspace, local), line: frame.line }
    }
    if (!innermost) continue
    const lines = text.trim().split('\n')
    const message = (lines.at(-1) ?? '').trim()
    const key = `${innermost.file}:${innermost.line}:${message}`
    if (seen.has(key)) continue
    seen.add(key)
    annotations.push({ ...innermost, message })
  }
  return annotations
}

/** The innermost frame in the uploaded notebook of each error entry, as the notebook's cell and file line. */
function notebookAnnotations(entries: readonly LogEntry[], source: UploadFile, workspace: string): SourceAnnotation[] {
  if (!source.localPath) return []
  const annotations: SourceAnnotation[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    if (entry.OutputType !== 'Error') continue
    const text = entry.OutputData ?? ''
    const frames = [...text.matchAll(/File "([^"]+)", line (\d+)/g)]
      .filter(([, path = '']) => path.replace(/\\/g, '/').endsWith(`/${source.uploadName}`))
      .map(([, , line]) => Number(line))
    const joinedLine = frames.at(-1)
    const place = joinedLine === undefined ? undefined : notebookPlace(source.localPath, joinedLine)
    if (!place) continue
    const exception = (text.trim().split('\n').at(-1) ?? '').trim()
    const message = `${exception} (notebook cell ${place.cell}, line ${place.lineInCell})`
    if (seen.has(message)) continue
    seen.add(message)
    annotations.push({ file: relative(workspace, source.localPath), line: place.fileLine, message })
  }
  return annotations
}
