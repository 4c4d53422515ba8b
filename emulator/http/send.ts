/** Writing answers: JSON, the error envelope, and file downloads. */
import type { ServerResponse } from 'node:http'
import type { ApiError } from './errors.js'

/** What a route answers: a JSON body, or a file to download. */
export type Reply =
  { status: number; json: unknown } | { status: number; bytes: Buffer; contentType: string; filename: string }

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers
  })
  res.end(text)
}

export function sendError(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.status, { Error: { Type: error.type, Message: error.message } }, error.headers)
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if ('json' in reply) {
    sendJson(res, reply.status, reply.json)
    return
  }
  res.writeHead(reply.status, {
    'Content-Type': reply.contentType,
    'Content-Length': reply.bytes.length,
    'Content-Disposition': `attachment; filename="${reply.filename}"`
  })
  res.end(reply.bytes)
}
