import { relative } from 'node:path'
import type { LogEntry } from '../neomaril/wire.js'
import type { UploadFile } from '../files.js'

export interface SourceAnnotation {
  /** The user's file, relative to the workspace. */
  readonly file: string
  readonly line: number
  /** The exception line of the traceback. */
  readonly message: string
}

/**
 * Finds, in Python tracebacks from the server, the innermost frame in a file the
 * action uploaded (the source is stored as script.py, extra files under their own
 * names) and maps it back to the user's file and line. Notebooks are skipped: their
 * line numbers do not match the .ipynb file.
 */
export function tracebackAnnotations(entries: readonly LogEntry[], uploads: readonly UploadFile[], cwd: string): SourceAnnotation[] {
  const byUploadName = new Map(uploads.filter(f => f.localPath && (f.part === 'source' || f.part === 'extra') && !f.uploadName.endsWith('.ipynb')).map(f => [f.uploadName, f.localPath as string]))
  const annotations: SourceAnnotation[] = []
  const seen = new Set<string>()
  for (const entry of entries) {
    if (entry.OutputType !== 'Error') continue
    const text = entry.OutputData ?? ''
    let innermost: { file: string; line: number } | undefined
    for (const frame of text.matchAll(/File "([^"]+)", line (\d+)/g)) {
      const name = frame[1].split(/[\\/]/).pop() as string
      const local = byUploadName.get(name)
      if (local) innermost = { file: relative(cwd, local), line: Number(frame[2]) }
    }
    if (!innermost) continue
    const lines = text.trim().split('\n')
    const message = lines[lines.length - 1].trim()
    const key = `${innermost.file}:${innermost.line}:${message}`
    if (seen.has(key)) continue
    seen.add(key)
    annotations.push({ ...innermost, message })
  }
  return annotations
}
