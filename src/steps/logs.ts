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

/** The end of a log: whole entries only, and what was left out of it. */
export interface LogTail {
  readonly text: string
  /** A heading: `<title>: the last 3 of 10 entries (7 entries, 52 lines left out; logs.txt has them all)`. */
  readonly heading: string
}

/**
 * The last entries whose lines fit in `count` lines, starting at an entry boundary (never
 * in the middle of a traceback); the last entry is shown whole even when it is longer.
 */
export function logTail(title: string, entries: readonly LogEntry[], count: number): LogTail {
  const lines = entries.map((entry) => formatLogEntries([entry]).split('\n').length)
  let first = entries.length
  let used = 0
  while (first > 0 && (first === entries.length || used + (lines[first - 1] ?? 0) <= count)) {
    first--
    used += lines[first] ?? 0
  }
  const shown = entries.length - first
  const leftOutLines = lines.slice(0, first).reduce((sum, n) => sum + n, 0)
  const heading =
    first === 0
      ? `${title}: all ${plural(entries.length, 'entry', 'entries')}`
      : `${title}: the last ${shown} of ${entries.length} entries (${plural(first, 'entry', 'entries')}, ` +
        `${plural(leftOutLines, 'line', 'lines')} left out; logs.txt has them all)`
  return { text: formatLogEntries(entries.slice(first)), heading }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
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
