import { randomUUID } from 'node:crypto'
import { EOL } from 'node:os'
import { redact } from './secrets.js'
import { foldLines } from './text.js'

/** A workflow command starts a line, possibly after white space: `::name …::`. */
const COMMAND_START = /^(\s*):(?=:)/

/**
 * Prints text that came from the server or the user (build logs, messages,
 * responses) so the runner cannot take any of it for a workflow command: between
 * `::stop-commands::<token>` and `::<token>::`, a line such as `::add-mask::` or
 * `::error::` is shown as it is and obeyed by nobody. The token is random per call
 * and the text cannot hold it (it is replaced if it did), so the text cannot end the
 * block early.
 */
export function printInert(
  text: string,
  write: (chunk: string) => void = (chunk) => process.stdout.write(chunk),
  newToken: () => string = randomUUID
): void {
  const token = newToken()
  const body = redact(text)
    .split(token)
    .join('(token)')
    .replace(/\r?\n?$/, '')
  write(`::stop-commands::${token}${EOL}`)
  write(body + EOL)
  write(`::${token}::${EOL}`)
}

/**
 * Server or user text for a one-line message: every line break becomes ` ⏎ `, and a
 * `::` at the start (after any white space) is split to `: :`, so the result can
 * neither start a line of its own nor be read as a command if it starts one.
 */
export function oneLine(text: string): string {
  return foldLines(redact(text), ' ⏎ ').replace(COMMAND_START, '$1: ')
}

/**
 * Server or user text for a short plain-text field GitHub shows (a deployment's or a
 * status's description): one line, redacted, no HTML, no live @-mention, no link the text
 * itself made, and at most `max` characters (GitHub cuts a status description at 140).
 */
export function plainInert(text: string, max = 140): string {
  const safe = oneLine(text)
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    // A word joiner after @ and inside :// keeps the text, not the mention or the link.
    .replace(/@/g, '@\u2060')
    .replace(/:\/\//g, ':\u2060//')
  return safe.length <= max ? safe : `${safe.slice(0, max - 1)}…`
}
