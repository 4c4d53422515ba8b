/** The request record (Emulator.requests) and the one log line per request served. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuthKind, RecordedRequest } from '../types.js'

/** Records a request as it arrives; its status, form and files are filled in as it is served. */
export function recordRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  auth: AuthKind,
  log: ((line: string) => void) | undefined
): RecordedRequest {
  const method = req.method ?? 'GET'
  const record: RecordedRequest = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    auth,
    status: 0,
    form: {},
    files: [],
    contentType: req.headers['content-type'],
    at: Date.now()
  }
  res.on('close', () => {
    const outcome = record.status === 0 ? 'no answer' : String(record.status)
    const fault = record.fault ? ` [fault: ${record.fault}]` : ''
    log?.(`${method} ${url.pathname}${url.search} -> ${outcome}${fault} (${Date.now() - record.at} ms)`)
  })
  return record
}
