/**
 * Serving one request: record it, pick a fault, read the body, check the route's token,
 * run the route, and answer (an error as the server's envelope).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { rm } from 'node:fs/promises'
import type { Auth } from '../accounts/auth.js'
import { parseBody } from '../http/body.js'
import { ApiError, asApiError } from '../http/errors.js'
import { sendError, sendReply } from '../http/send.js'
import type { Route } from '../http/route.js'
import type { RecordedRequest } from '../types.js'
import { control, CONTROL_PREFIX, type Controlled } from './control.js'
import { injectFault } from './inject.js'
import { recordRequest } from './record.js'
import { resolveRoute, type Resolved } from './resolve.js'

export interface Served extends Controlled {
  routes: Route[]
  /** An older server: every /api/v2/... is 404. */
  v1Only: boolean
  auth: Auth
  /** Multipart parts are staged under <dataDir>/.incoming/<n>/ while a request is in flight. */
  dataDir: string
  /** Aborts latency sleeps on close, so no timer outlives the server. */
  closing: AbortSignal
  log?: (line: string) => void
}

const bearer = (header: string | undefined): string | undefined => /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim()

export function requestHandler(served: Served): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  let requestCount = 0
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator')
    const method = req.method ?? 'GET'
    if (url.pathname.startsWith(CONTROL_PREFIX)) return control(req, res, url.pathname, served)

    const token = bearer(req.headers.authorization)
    const record = recordRequest(req, res, url, served.auth.tokenKind(token), served.log)
    served.requests.push(record)
    const resolved = resolveRoute(served.routes, method, url.pathname, served.v1Only)
    const isHost = !(resolved instanceof ApiError) && resolved.route.isHost === true
    const fault = served.faults.take(method, url.pathname, isHost)
    if (fault) record.fault = fault.kind
    if (fault?.kind === 'reset') {
      req.socket.destroy()
      return
    }

    const staging = path.join(served.dataDir, '.incoming', String(++requestCount))
    try {
      const body = await parseBody(req, staging)
      const { password: _password, ...form } = body.form
      record.form = form
      record.files = body.files.map(({ part, filename, size }) => ({ part, filename, size }))
      if (await injectFault(fault, res, record, served.closing)) return
      if (resolved instanceof ApiError) throw resolved

      authorize(served.auth, resolved, token, record)
      const reply = await resolved.route.handle({
        params: resolved.params,
        query: url.searchParams,
        body,
        hangBuild: fault?.kind === 'hang-build'
      })
      record.status = reply.status
      sendReply(res, reply)
    } catch (error) {
      const apiError = asApiError(error)
      // A client that went away mid-request got no answer: its record keeps status 0.
      if (!res.headersSent && !res.destroyed) {
        record.status = apiError.status
        sendError(res, apiError)
      }
    } finally {
      await rm(staging, { recursive: true, force: true })
    }
  }
}

/** Throws the route's 401 unless the request carries the token it needs; records the kind accepted. */
function authorize(auth: Auth, { route, params }: Resolved, token: string | undefined, record: RecordedRequest): void {
  if (route.auth === 'none') return
  try {
    if (route.auth === 'user') auth.checkUserToken(token)
    else auth.checkGroupToken(params[0], token)
    record.auth = route.auth
  } catch (error) {
    record.auth = token ? 'invalid' : 'none'
    throw error
  }
}
