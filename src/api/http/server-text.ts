import { ApiError, type NetworkError } from '../../shared/errors.js'
import { foldLines } from '../../shared/text.js'

/** On one line: a lone \r ends a line for the runner too, so nothing in it can start a workflow command. */
function oneLine(text: string): string {
  return foldLines(text, ' ')
}

/**
 * A failure for a progress line; its texts were redacted when the error was made. A refusal
 * that may be a forward proxy's own names the proxy (a network failure at the proxy names it
 * in its reason already).
 */
export function describeFailure(error: ApiError | NetworkError): string {
  if (!(error instanceof ApiError)) return oneLine(error.reason)
  if (error.errorType) return `HTTP ${error.status} ${oneLine(error.errorType).slice(0, 100)}`
  const proxy = error.proxyMayHaveAnswered
  return `HTTP ${error.status}${proxy ? ` through ${proxy}` : ''}`
}

/** Server text in a progress line: redacted, then on one line and cut short. */
export function oneLineText(text: string, redact: (text: string) => string): string {
  return oneLine(redact(text)).slice(0, 100)
}

/** Server text for messages: redacted first (a secret must not straddle the cut), then on one line and cut short. */
export function describeText(text: string, redact: (text: string) => string, max = 300): string {
  const flat = redact(text).replace(/\s+/g, ' ').trim()
  if (!flat) return 'empty body'
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
