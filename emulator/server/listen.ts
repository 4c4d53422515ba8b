/** The HTTP server itself: listen on host:port, answer what the handler lets escape, close. */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { asApiError } from '../http/errors.js'
import { sendError } from '../http/send.js'

export interface Listening {
  /** Server root, e.g. 'http://127.0.0.1:43117'. */
  url: string
  /** Drops every connection and stops listening. */
  close(): Promise<void>
}

export async function listen(
  host: string,
  port: number,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>
): Promise<Listening> {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only control requests reach here (API errors are answered inside the handler).
      if (!res.headersSent) sendError(res, asApiError(error))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
