import { relative } from 'node:path'
import type { LogEntry } from '../api/wire.js'
import type { UploadFile } from '../shared/files.js'

export interface SourceAnnotation {
  /** The user's file, relative to the workspace. */
  readonly file: string
  readonly line: number
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
 * the user's code through it, so library frames come deeper. Notebooks are skipped:
 * their line numbers do not match the .ipynb file.
 */
export function tracebackAnnotations(
  entries: readonly LogEntry[],
  uploads: readonly UploadFile[],
  workspace: string
): SourceAnnotation[] {
  const source = uploads.find((f) => f.part === 'source')
  if (!source || source.uploadName.endsWith('.ipynb')) return []
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
