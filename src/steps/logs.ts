import type { LogEntry } from '../api/wire.js'

/** One line per entry: `2026-11-28T10:00:00Z Host/Error <text>`. */
export function formatLogEntries(entries: readonly LogEntry[]): string {
  return entries
    .map((entry) => `${entry.RegisteredAt} ${entry.Routine}/${entry.OutputType} ${entry.OutputData}`)
    .join('\n')
}

/**
 * How many lines of a log the step's output and the job summary show; the records keep
 * every entry (logs.txt, logs.json).
 */
export const LOG_TAIL_LINES = 40

/** The last `count` lines of the formatted entries. */
export function logTail(entries: readonly LogEntry[], count: number): string {
  const lines = formatLogEntries(entries).split('\n')
  return lines.slice(-count).join('\n')
}

/** The last non-blank line: the exception of a Python traceback. */
export function lastLine(text: string): string {
  return (
    text
      .trim()
      .split(/\r?\n/)
      .filter((line) => line.trim())
      .pop()
      ?.trim() ?? ''
  )
}
