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

/** The longest run of backticks in `text` (0 when there is none). */
function longestBacktickRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
}

/**
 * Server or user text for a Markdown comment or summary, on one line: a code span, in
 * which GitHub makes no @-mention, renders no HTML or emphasis and links no URL. The span's
 * fence is one backtick longer than any run in the text, so the text cannot close it; line
 * breaks fold to ` ⏎ `; in a table cell (`table: true`) every `|` is escaped, so the text
 * cannot add a column. Secrets are redacted first. Empty text is shown as `(empty)`.
 */
export function markdownCode(text: string, options: { table?: boolean } = {}): string {
  let body = foldLines(redact(text), ' ⏎ ')
  if (body === '') return '*(empty)*'
  if (options.table) body = body.replace(/\|/g, '\\|')
  const fence = '`'.repeat(longestBacktickRun(body) + 1)
  // A span that starts or ends with a backtick (or a space) needs a space inside its fence.
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : ''
  return `${fence}${pad}${body}${pad}${fence}`
}

/**
 * Server or user text of several lines (a traceback, a response) for Markdown: a fenced code
 * block, inside which nothing is rendered, linked or mentioned. The fence is longer than any
 * run of backticks in the text, so no line can close it. Secrets are redacted first.
 */
export function markdownBlock(text: string): string {
  const body = redact(text).replace(/\r\n?/g, '\n').replace(/\n+$/, '')
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1))
  return `${fence}text\n${body}\n${fence}`
}
