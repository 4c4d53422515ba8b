import { randomUUID } from 'node:crypto'
import { EOL } from 'node:os'
import { redact } from '../secrets.js'

/**
 * Prints text that came from the server (build logs, messages, responses) so the
 * runner cannot take any of it for a workflow command: between
 * `::stop-commands::<token>` and `::<token>::`, a line such as `::add-mask::` or
 * `::error::` is shown as it is and obeyed by nobody. The token is random per call,
 * so the text cannot end the block early.
 */
export function printInert(text: string, write: (chunk: string) => void = chunk => process.stdout.write(chunk)): void {
  const token = randomUUID()
  write(`::stop-commands::${token}${EOL}`)
  write(redact(text).replace(/\r?\n?$/, '') + EOL)
  write(`::${token}::${EOL}`)
}

/**
 * Server text for a one-line message: a workflow command can only start a line, and
 * the runner ends a line at \\n, at a lone \\r, and at the Unicode line separators.
 */
export function oneLine(text: string): string {
  return redact(text).replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ⏎ ')
}
