/**
 * A local Neomaril / MLOps API server for tests and demos: it speaks the v1 contract of
 * shared/neomaril-api.md and, unless `api: 'v1'`, today's v2 preprocessing routes and
 * tenant login of shared/mlops-current-api.md; it runs uploaded entrypoints with a real
 * Python, records every request and can inject faults. Start it with startEmulator(), or
 * from the CLI (cli.ts).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { FaultBook } from './faults.js'
import { ApiError, asApiError, badInput, notFound, parseBody, sendError, sendJson } from './http.js'
import { PreprocessingV2 } from './preprocessing-v2.js'
import { pythonRunner } from './python.js'
import { apiRoutes, type Reply, type Route } from './routes.js'
import { apiRoutesV2 } from './routes-v2.js'
import { State } from './state.js'
import type { Emulator, EmulatorOptions, FaultSpec, RecordedRequest, ScriptSummary } from './types.js'

export type * from './types.js'

export const DEFAULT_USER = 'neomaril@example.com'
export const DEFAULT_PASSWORD = 'neomaril-password'
export const DEFAULT_GROUP = 'datarisk'
export const DEFAULT_GROUP_TOKEN = '0123456789abcdef0123456789abcdef'
/** The tenant a login without one means (a 2024 server's payloads named 'datarisk'). */
export const DEFAULT_TENANT = 'datarisk'
export const DEFAULT_USERS: Readonly<Record<string, string>> = { [DEFAULT_USER]: DEFAULT_PASSWORD }
export const DEFAULT_GROUPS: Readonly<Record<string, string>> = { [DEFAULT_GROUP]: DEFAULT_GROUP_TOKEN }

/** Paths that drive the emulator itself: never faulted, never recorded. */
const CONTROL_PREFIX = '/__emulator/'

const bearer = (header: string | undefined): string | undefined => /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim()

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw badInput('The body must be JSON')
  }
}

/** Finds the route for a request path, or the 404/405 error to answer. */
function resolveRoute(
  routes: Route[],
  method: string,
  pathname: string,
  v1Only: boolean
): { route: Route; params: string[] } | ApiError {
  if (pathname !== '/api' && !pathname.startsWith('/api/'))
    return notFound(`No such path '${pathname}': the API is under /api`)
  const apiPath = pathname.slice('/api'.length)
  if (v1Only && /^\/v2(\/|$)/.test(apiPath))
    return notFound(`'${pathname}' is an API v2 path; this server speaks v1 only`)
  let pathMatched = false
  for (const route of routes) {
    const match = route.pattern.exec(apiPath)
    if (!match) continue
    pathMatched = true
    if (route.method !== method) continue
    try {
      return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) }
    } catch {
      return badInput(`Malformed percent-encoding in '${pathname}'`)
    }
  }
  return pathMatched
    ? new ApiError(405, 'MethodNotAllowed', `${method} is not allowed on '${pathname}'`)
    : notFound(`No such path '${pathname}'`)
}

function sendReply(res: ServerResponse, reply: Reply): void {
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

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1'
  const ownDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'neomaril-emulator-')))
  await mkdir(dataDir, { recursive: true })
  const python = pythonRunner(options.python)
  const runTimeoutSeconds = options.runTimeoutSeconds ?? 60
  const state = new State({
    dataDir,
    users: options.users ?? DEFAULT_USERS,
    tenant: options.tenant ?? DEFAULT_TENANT,
    requireTenant: options.requireTenant ?? false,
    groups: options.groups ?? DEFAULT_GROUPS,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    runTimeoutSeconds,
    buildSeconds: options.buildSeconds ?? 2,
    buildFails: options.buildFails ?? false,
    python
  })
  const v1Only = options.api === 'v1'
  const v2 = new PreprocessingV2(state, { dataDir, runTimeoutSeconds, python })
  const routes = [...apiRoutes(state, options.version ?? 'emulator-1.0.0'), ...(v1Only ? [] : apiRoutesV2(v2, state))]
  const summaries = (): ScriptSummary[] => [...state.summaries(), ...v2.summaries()]
  const faults = new FaultBook()
  const requests: RecordedRequest[] = []
  // Aborts latency sleeps on close, so no timer outlives the server.
  const closing = new AbortController()
  let requestCount = 0

  async function control(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const action = `${req.method} ${pathname.slice(CONTROL_PREFIX.length)}`
    switch (action) {
      case 'GET requests':
        return sendJson(res, 200, requests)
      case 'GET scripts':
        return sendJson(res, 200, summaries())
      case 'POST faults':
        return sendJson(res, 201, { id: faults.add((await readJson(req)) as FaultSpec) })
      case 'DELETE faults':
        faults.clear()
        return sendJson(res, 200, { Message: 'Faults cleared' })
      case 'POST reset':
        faults.clear()
        requests.length = 0
        return sendJson(res, 200, { Message: 'Faults and recorded requests cleared' })
      default:
        throw notFound(`No emulator control '${action}'`)
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator')
    const method = req.method ?? 'GET'
    if (url.pathname.startsWith(CONTROL_PREFIX)) return control(req, res, url.pathname)

    const token = bearer(req.headers.authorization)
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      auth: state.tokenKind(token),
      status: 0,
      form: {},
      files: [],
      contentType: req.headers['content-type'],
      at: Date.now()
    }
    requests.push(record)
    res.on('close', () => {
      const outcome = record.status === 0 ? 'no answer' : String(record.status)
      options.log?.(
        `${method} ${url.pathname}${url.search} -> ${outcome}${record.fault ? ` [fault: ${record.fault}]` : ''} (${Date.now() - record.at} ms)`
      )
    })

    const resolved = resolveRoute(routes, method, url.pathname, v1Only)
    const fault = faults.take(method, url.pathname, !(resolved instanceof ApiError) && resolved.route.isHost === true)
    if (fault) record.fault = fault.kind
    if (fault?.kind === 'reset') {
      req.socket.destroy()
      return
    }

    const staging = path.join(dataDir, '.incoming', String(++requestCount))
    try {
      const body = await parseBody(req, staging)
      const { password: _password, ...form } = body.form
      record.form = form
      record.files = body.files.map(({ part, filename, size }) => ({ part, filename, size }))

      if (fault?.kind === 'latency') await sleep(fault.latencyMs ?? 0, undefined, { signal: closing.signal })
      if (fault?.kind === 'status') {
        const status = fault.status ?? 500
        throw new ApiError(
          status,
          'InjectedFault',
          `Injected fault: HTTP ${status}`,
          fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}
        )
      }
      if (fault?.kind === 'malformed') {
        record.status = 200
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
        res.end('{"Results": [')
        return
      }
      if (resolved instanceof ApiError) throw resolved

      const { route, params } = resolved
      if (route.auth !== 'none') {
        try {
          if (route.auth === 'user') state.checkUserToken(token)
          else state.checkGroupToken(params[0], token)
          record.auth = route.auth
        } catch (error) {
          record.auth = token ? 'invalid' : 'none'
          throw error
        }
      }
      const reply = await route.handle({
        params,
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

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only control requests reach here (API errors are answered inside handle).
      if (!res.headersSent) sendError(res, asApiError(error))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  return {
    url,
    requests,
    addFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    clearRequests: () => {
      requests.length = 0
    },
    setBuildSeconds: (seconds) => {
      state.buildSeconds = seconds
    },
    setBuildFails: (fails) => {
      state.buildFails = fails
    },
    scripts: summaries,
    async close() {
      closing.abort()
      state.close()
      v2.close()
      python.killAll()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true })
    }
  }
}
