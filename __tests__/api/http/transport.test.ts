/**
 * The client's retry policy (README "Retries and timeouts") against a tiny scripted
 * server: which answers are retried for reads and for writes, how many attempts,
 * Retry-After and the backoff, the deadline, 401 re-login, the request timeout,
 * answers that are not JSON, readable network and TLS reasons, and host's
 * verify-then-retry, timeouts while a body is sent or read, the register's hash and
 * redaction of server text. `sleep` is injected and records the delays, so nothing waits.
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import https from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { Transport } from '../../../src/api/http/transport.js'
import type { TransportOptions as ClientOptions } from '../../../src/api/http/options.js'
import { DEFAULT_RETRY, type RetryPolicy } from '../../../src/api/http/retry.js'
import { V1Api } from '../../../src/api/v1.js'
import { AbandonedError, ApiError, AuthError, CancelledError, NetworkError } from '../../../src/shared/errors.js'
import { selfSignedCertificate } from '../../helpers/certificate.js'
import { startProxy } from '../../helpers/proxy-server.js'

type Step =
  | {
      status: number
      body?: string | object
      headers?: Record<string, string>
      /** Send the headers and this much of a body, then nothing more: the answer stalls. */
      stallAfter?: string
      /** Send the headers, then these chunks of the body one by one, this far apart. */
      drip?: { chunks: string[]; everyMs: number }
    }
  | 'reset'
  | 'hang'
  /** Never read the request's body, nor answer: an upload stalls once the connection's buffers are full. */
  | 'ignore-body'

interface Seen {
  method: string
  path: string
  /** The query string, with its '?'. */
  search: string
  auth?: string
}

/** A server answering each path from its own queue of steps; the default is 200 `{}`. */
class ScriptedServer {
  readonly seen: Seen[] = []
  private readonly queues = new Map<string, Step[]>()
  private readonly sockets = new Set<Socket>()
  private server!: http.Server
  logins = 0
  url = ''

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  /** Steps for the next requests whose path starts with `prefix` (under /api). */
  script(prefix: string, ...steps: Step[]): void {
    this.queues.set(`/api${prefix}`, [...(this.queues.get(`/api${prefix}`) ?? []), ...steps])
  }

  count(prefix: string): number {
    return this.seen.filter((s) => s.path.startsWith(`/api${prefix}`)).length
  }

  reset(): void {
    this.seen.length = 0
    this.queues.clear()
    this.logins = 0
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  private queueFor(path: string): Step[] | undefined {
    return [...this.queues.entries()].find(([prefix, steps]) => path.startsWith(prefix) && steps.length > 0)?.[1]
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const { pathname: path, search } = new URL(req.url ?? '/', 'http://x')
    this.seen.push({ method: req.method ?? '', path, search, auth: req.headers.authorization })
    const first = this.queueFor(path)
    if (first?.[0] === 'ignore-body') {
      first.shift()
      return
    }
    req.resume()
    req.on('end', () => {
      const step: Step =
        this.queueFor(path)?.shift() ??
        (path === '/api/login'
          ? { status: 200, body: { Token: `user-token-${++this.logins}` } }
          : { status: 200, body: {} })
      if (step === 'reset') {
        req.socket.destroy()
        return
      }
      if (step === 'hang' || step === 'ignore-body') return
      const body = typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? {})
      res.writeHead(step.status, {
        'Content-Type': typeof step.body === 'string' ? 'text/html' : 'application/json',
        ...step.headers
      })
      if (step.stallAfter !== undefined) {
        res.write(step.stallAfter)
        return
      }
      if (step.drip) {
        const chunks = [...step.drip.chunks]
        const next = () => {
          const chunk = chunks.shift()
          if (chunk === undefined) {
            res.end()
            return
          }
          res.write(chunk)
          setTimeout(next, step.drip?.everyMs)
        }
        return next()
      }
      res.end(body)
    })
  }
}

const server = new ScriptedServer()
let sleeps: number[] = []
let logged: string[] = []

beforeAll(() => server.start())
afterAll(() => server.close())
beforeEach(() => {
  server.reset()
  sleeps = []
  logged = []
})

function client(overrides: Partial<ClientOptions> = {}): V1Api {
  return new V1Api(
    new Transport({
      apiUrl: `${server.url}/api`,
      login: 'someone@example.com',
      password: 'hunter2-password',
      groupToken: 'f'.repeat(32),
      requestTimeoutMs: 5000,
      logger: { debug: () => {}, info: (message) => logged.push(message), warning: (message) => logged.push(message) },
      sleep: async (ms) => {
        sleeps.push(ms)
      },
      random: () => 0.5,
      ...overrides
    })
  )
}

const GROUP = 'datarisk'
const HASH = `S${'a'.repeat(63)}`
const registerCall = (c: V1Api) =>
  c.register(
    GROUP,
    { name: 'loan features', script_reference: 'process', operation: 'Sync', python_version: 'Python310' },
    [{ part: 'source', filename: 'script.py', inline: Buffer.from('def process(a, b): return {}\n'), size: 29 }]
  )
const ok = (body: object = {}): Step => ({ status: 200, body })

describe('reads', () => {
  test.each([429, 500, 502, 503, 504])('HTTP %i is retried, then the answer is used', async (status) => {
    server.script('/groups', { status }, { status }, ok({ Results: [{ Name: 'datarisk' }] }))
    await expect(client().listGroups()).resolves.toEqual(['datarisk'])
    expect(server.count('/groups')).toBe(3)
    expect(sleeps).toHaveLength(2)
    expect(logged.filter((line) => line.includes('retrying in'))).toHaveLength(2)
  })

  test.each([400, 403, 404, 405, 409, 501])('HTTP %i is not retried', async (status) => {
    server.script('/health', { status, body: { Error: { Type: 'BadInput', Message: 'no' } } })
    await expect(client().transport.health()).rejects.toMatchObject({ name: 'ApiError', status })
    expect(server.count('/health')).toBe(1)
    expect(sleeps).toEqual([])
  })

  test('a reset connection and cut-off JSON are retried', async () => {
    server.script('/health', 'reset', { status: 200, body: '{"Version": "1.' }, ok({ Version: '2.0' }))
    await expect(client().transport.health()).resolves.toBe('2.0')
    expect(server.count('/health')).toBe(3)
    expect(logged[0]).toMatch(/connection reset by the server \(ECONNRESET\)/)
  })

  test('gives up after the policy attempts (5), with exponential backoff and jitter', async () => {
    server.script('/health', ...Array<Step>(6).fill({ status: 503 }))
    const error = await client({ random: () => 0 })
      .transport.health()
      .catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(server.count('/health')).toBe(5)
    // random 0 → half the step: 0.5 s, 1 s, 2 s, 4 s steps.
    expect(sleeps).toEqual([250, 500, 1000, 2000])
  })

  test('backoff: the step doubles up to maxDelayMs; jitter keeps each delay within [step/2, step]', async () => {
    const retry: RetryPolicy = { ...DEFAULT_RETRY, attempts: 7, maxDelayMs: 3000 }
    server.script('/health', ...Array<Step>(7).fill({ status: 502 }))
    await expect(client({ retry, random: () => 0.999 }).transport.health()).rejects.toThrow(/HTTP 502/)
    expect(sleeps.map(Math.round)).toEqual([500, 1000, 1999, 2999, 2999, 2999])
  })

  test('Retry-After is honoured (seconds or an HTTP date) and capped at maxRetryAfterMs', async () => {
    const soon = new Date(Date.now() + 20_000).toUTCString()
    server.script(
      '/health',
      { status: 429, headers: { 'Retry-After': '3' } },
      { status: 503, headers: { 'Retry-After': soon } },
      { status: 429, headers: { 'Retry-After': '3600' } },
      ok({ Version: '1' })
    )
    await expect(client().transport.health()).resolves.toBe('1')
    expect(sleeps[0]).toBe(3000)
    expect(sleeps[1]).toBeGreaterThan(15_000)
    expect(sleeps[1]).toBeLessThanOrEqual(20_000)
    expect(sleeps[2]).toBe(30_000)
  })

  test('no retry starts past the deadline (per call, as the wait passes it, or the client-wide option)', async () => {
    server.script('/preprocessing/status/', { status: 503 }, { status: 503 }, { status: 503 })
    const error = await client()
      .status(GROUP, HASH, { deadline: Date.now() + 100 })
      .catch((e) => e)
    expect(error).toMatchObject({ status: 503 })
    expect(server.count('/preprocessing/status/')).toBe(1)

    server.reset()
    server.script('/preprocessing/status/', { status: 503 }, { status: 503 })
    await expect(client({ deadline: () => Date.now() + 600 }).status(GROUP, HASH)).rejects.toMatchObject({
      status: 503
    })
    // random 0.5 → 375 ms fits before the deadline, the next 750 ms does not.
    expect(server.count('/preprocessing/status/')).toBe(2)
    expect(sleeps).toEqual([375])
  })

  test('an attempt near the deadline gets only a short grace past it', async () => {
    server.script('/preprocessing/status/', 'hang')
    const started = Date.now()
    const error = await client({ requestTimeoutMs: 60_000 })
      .status(GROUP, HASH, { deadline: Date.now() - 1000 })
      .catch((e) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/no answer within 2\.0s \(request-timeout, cut short by the wait deadline\)/)
    expect(Date.now() - started).toBeLessThan(4000)
  })

  test('every request has a timeout (request-timeout); a read that times out is retried', async () => {
    server.script('/health', 'hang', ok({ Version: '3' }))
    await expect(client({ requestTimeoutMs: 300 }).transport.health()).resolves.toBe('3')
    expect(logged[0]).toMatch(/no answer within 0\.3s \(request-timeout\)/)
  })

  test('an answer that is not JSON at all (an HTML page) fails at once, naming it', async () => {
    server.script('/health', { status: 200, body: '<!DOCTYPE html><html><body>Welcome to nginx</body></html>' })
    const error = await client()
      .transport.health()
      .catch((e) => e)
    expect(error.message).toMatch(
      /is not JSON \(text\/html\): <!DOCTYPE html>.*Welcome to nginx.*Is 'url' the Neomaril server's root\?/
    )
    expect(server.count('/health')).toBe(1)
  })

  test('nothing listening: connection refused is retried for reads, then named', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const error = await client({ apiUrl: `http://127.0.0.1:${port}/api` })
      .transport.health()
      .catch((e) => e)
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toBe(`GET /health failed: connection refused (ECONNREFUSED) at 127.0.0.1:${port}`)
    expect(sleeps).toHaveLength(4)
  })
})

describe('writes', () => {
  test.each<[string, Step]>([
    ['HTTP 500', { status: 500 }],
    ['HTTP 502', { status: 502 }],
    ['HTTP 504', { status: 504 }],
    ['HTTP 503 without Retry-After', { status: 503 }],
    ['a reset connection', 'reset']
  ])('register is never sent again after %s, and says the script may exist', async (_, step) => {
    server.script('/preprocessing/register/', step)
    const error = await registerCall(client()).catch((e) => e)
    expect(error.message).toMatch(
      /the script 'loan features' may have been registered all the same: look for it in Neomaril before deploying again/
    )
    expect(server.count('/preprocessing/register/')).toBe(1)
  })

  test('register is not sent again after a timeout either', async () => {
    server.script('/preprocessing/register/', 'hang')
    const error = await registerCall(client({ requestTimeoutMs: 300 })).catch((e) => e)
    expect(error.message).toMatch(/no answer within 0\.3s.*may have been registered/)
    expect(server.count('/preprocessing/register/')).toBe(1)
  })

  test.each([
    ['HTTP 429', { status: 429 }],
    ['HTTP 429 with Retry-After', { status: 429, headers: { 'Retry-After': '2' } }],
    ['HTTP 503 with Retry-After', { status: 503, headers: { 'Retry-After': '2' } }]
  ])('register is retried after %s: the server did not act', async (_, step) => {
    server.script('/preprocessing/register/', step, { status: 201, body: { Hash: HASH } })
    await expect(registerCall(client())).resolves.toBe(HASH)
    expect(server.count('/preprocessing/register/')).toBe(2)
  })

  test('a write refused before it was sent (connection refused) is retried', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const c = client({ apiUrl: `http://127.0.0.1:${port}/api`, groupToken: 'g'.repeat(32) })
    await expect(
      c.runAsync(GROUP, HASH, { part: 'dataset', filename: 'x.csv', inline: Buffer.from('a\n1\n'), size: 4 })
    ).rejects.toThrow(
      /connection refused \(ECONNREFUSED\).*the server refused the run \d+ times \(no execution was started\)/
    )
    // Sent again for the write budget (2 min), not a count: the pauses fill it, and one more would pass it.
    const paused = sleeps.reduce((sum, ms) => sum + ms, 0)
    expect(sleeps.length).toBeGreaterThan(4)
    expect(paused).toBeLessThanOrEqual(120_000)
    expect(paused + 6000).toBeGreaterThan(120_000)
  })

  test('register refused with 429 / 503+Retry-After more than five times in a row still goes through', async () => {
    const busy: Step[] = Array.from({ length: 8 }, (_, i) =>
      i % 2 ? { status: 503, headers: { 'Retry-After': '1' } } : { status: 429 }
    )
    server.script('/preprocessing/register/', ...busy, { status: 201, body: { Hash: HASH } })
    await expect(registerCall(client())).resolves.toBe(HASH)
    expect(server.count('/preprocessing/register/')).toBe(9)
  })

  test('register refused past the budget says how often, and that nothing was registered', async () => {
    server.script('/preprocessing/register/', ...Array.from({ length: 60 }, (): Step => ({ status: 429 })))
    const error = await registerCall(
      client({
        retry: { ...DEFAULT_RETRY, writeBudgetMs: 20_000 }
      })
    ).catch((e) => e)
    const sent = server.count('/preprocessing/register/')
    expect(error.message).toContain(`the server refused the register ${sent} times (not registered)`)
    expect(error.message).not.toMatch(/may exist|may have been registered/)
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(20_000)
  })

  test('a register whose connection broke after the body was sent says it may exist', async () => {
    server.script('/preprocessing/register/', 'reset')
    const error = await registerCall(client()).catch((e) => e)
    expect(error.message).toMatch(
      /the connection broke after the body was sent \(it may exist\).*may have been registered all the same/
    )
    expect(error.message).not.toMatch(/refused the register/)
    expect(server.count('/preprocessing/register/')).toBe(1)
  })

  test('a sync run answers errors to the smoke test, but 429/503+Retry-After are retried', async () => {
    server.script(
      '/preprocessing/sync/run/',
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 500, body: { Error: { Type: 'ExecutionError', Message: 'Traceback' } } }
    )
    await expect(client().runSync(GROUP, HASH, { x: 1 })).resolves.toMatchObject({ status: 500 })
    expect(server.count('/preprocessing/sync/run/')).toBe(2)
    expect(sleeps).toEqual([1000])
  })

  describe('host: verify, then send again only if the script is still Ready', () => {
    test.each<[string, Step]>([
      ['a reset connection', 'reset'],
      ['HTTP 500', { status: 500 }],
      ['HTTP 502', { status: 502 }]
    ])('after %s with the script still Ready, host is sent again', async (_, step) => {
      server.script('/preprocessing/sync/host/', step, { status: 202, body: {} })
      server.script('/preprocessing/status/', ok({ Status: 'Ready', Message: null }))
      await client().host('Sync', GROUP, HASH)
      expect(
        server.seen.filter((s) => s.path !== '/api/login').map((s) => (s.path.includes('/host/') ? 'host' : 'status'))
      ).toEqual(['host', 'status', 'host'])
      expect(logged.join('\n')).toMatch(/still 'Ready': the call did not act; sending it again/)
    })

    test('after an ambiguous failure with the script Building, host is not sent again', async () => {
      server.script('/preprocessing/async/host/', 'reset')
      server.script('/preprocessing/status/', ok({ Status: 'Building', Message: null }))
      await client().host('Async', GROUP, HASH)
      expect(server.count('/preprocessing/async/host/')).toBe(1)
      expect(logged.join('\n')).toMatch(/the script is now 'Building': the build started/)
    })

    test('after a timeout with the script Building (the host acted late), host is not sent again', async () => {
      server.script('/preprocessing/sync/host/', 'hang')
      server.script('/preprocessing/status/', ok({ Status: 'Building', Message: null }))
      await client({ requestTimeoutMs: 200 }).host('Sync', GROUP, HASH)
      expect(server.count('/preprocessing/sync/host/')).toBe(1)
    })

    test('a refusal that proves nothing happened (404) is not verified nor retried', async () => {
      server.script('/preprocessing/sync/host/', {
        status: 404,
        body: { Error: { Type: 'NotFound', Message: 'no such script' } }
      })
      await expect(client().host('Sync', GROUP, HASH)).rejects.toThrow(/HTTP 404 NotFound: no such script/)
      expect(server.count('/preprocessing/status/')).toBe(0)
    })

    test('the sends are bounded: still Ready after every try fails with the last error', async () => {
      server.script('/preprocessing/sync/host/', ...Array<Step>(6).fill('reset'))
      server.script('/preprocessing/status/', ...Array<Step>(6).fill(ok({ Status: 'Ready', Message: null })))
      await expect(client().host('Sync', GROUP, HASH)).rejects.toThrow(/connection reset by the server/)
      expect(server.count('/preprocessing/sync/host/')).toBe(5)
    })
  })
})

describe('authentication', () => {
  test('a 401 on a management call logs in again once and retries', async () => {
    server.script(
      '/preprocessing/status/',
      { status: 401, body: { Error: { Type: 'InvalidBearerToken', Message: 'expired' } } },
      ok({ Status: 'Deployed', Message: null })
    )
    const c = client()
    await expect(c.status(GROUP, HASH)).resolves.toEqual({ status: 'Deployed', message: null })
    expect(server.logins).toBe(2)
    const statusCalls = server.seen.filter((s) => s.path.startsWith('/api/preprocessing/status/'))
    expect(statusCalls.map((s) => s.auth)).toEqual(['Bearer user-token-1', 'Bearer user-token-2'])
    expect(c.transport.stats.logins).toBe(2)
  })

  test('a second 401 fails with a clear authentication message', async () => {
    const unauthorized: Step = { status: 401, body: { Error: { Type: 'InvalidBearerToken', Message: 'nope' } } }
    server.script('/groups', unauthorized, unauthorized, unauthorized)
    const error = await client()
      .listGroups()
      .catch((e) => e)
    expect(error).toBeInstanceOf(AuthError)
    expect(error.message).toBe(
      'GET /groups: the user token was refused even after logging in again: ' +
        'check the account can use this group (HTTP 401: nope).'
    )
    expect(server.logins).toBe(2)
  })

  test('refused credentials name the inputs, without retrying or printing the password', async () => {
    server.script('/login', {
      status: 401,
      body: { Error: { Type: 'InvalidCredentials', Message: 'Invalid user or password' } }
    })
    const error = await client()
      .transport.logIn()
      .catch((e) => e)
    expect(error.message).toMatch(
      /^Login as 'someone@example.com' was refused \(HTTP 401: Invalid user or password\)\. Check the 'login' and 'password' inputs/
    )
    expect(error.message).not.toContain('hunter2')
    expect(server.count('/login')).toBe(1)
  })

  test('a refused group token is not a reason to log in again', async () => {
    server.script('/preprocessing/async/status/', {
      status: 401,
      body: { Error: { Type: 'InvalidBearerToken', Message: 'not this group' } }
    })
    const error = await client()
      .executionStatus(GROUP, '5')
      .catch((e) => e)
    expect(error.message).toMatch(/the group token was refused: check the 'group-token' input/)
    expect(server.logins).toBe(0)
  })
})

describe('cancellation', () => {
  test('an abort stops a request in flight and the retry sleeps', async () => {
    server.script('/health', 'hang')
    const cancel = new AbortController()
    setTimeout(() => cancel.abort('SIGINT'), 100)
    const error = await client({ signal: cancel.signal })
      .transport.health()
      .catch((e) => e)
    expect(error).toBeInstanceOf(CancelledError)
    expect(error.message).toBe('Cancelled by SIGINT')
  })
})

describe('one call abandoned', () => {
  test("a call's own signal stops it in flight and its retry sleeps, and the client goes on", async () => {
    server.script('/preprocessing/search', 'hang')
    const c = client({ sleep: undefined })
    const abandon = new AbortController()
    setTimeout(() => abandon.abort(), 100)
    const started = Date.now()
    const error = await c.search(GROUP, 'loan', { signal: abandon.signal }).catch((e) => e)
    expect(error).toBeInstanceOf(AbandonedError)
    expect(error).not.toBeInstanceOf(CancelledError)
    expect(Date.now() - started).toBeLessThan(3000)
    // The run's own calls are untouched.
    server.script('/preprocessing/status', ok({ Status: 'Building' }))
    await expect(c.status(GROUP, HASH)).resolves.toEqual({ status: 'Building', message: null })

    // Abandoned during the sleep before a retry: one request was sent, and no other.
    server.reset()
    server.script(
      '/preprocessing/search',
      { status: 503, body: { Error: { Message: 'busy' } } },
      { status: 503 },
      { status: 503 }
    )
    const later = new AbortController()
    const retrying = c.search(GROUP, 'loan', { signal: later.signal }).catch((e) => e)
    setTimeout(() => later.abort(), 200)
    expect(await retrying).toBeInstanceOf(AbandonedError)
    expect(server.count('/preprocessing/search')).toBe(1)
    expect(logged.some((line) => /search.*retrying in/.test(line))).toBe(true)
  })

  test('a 401 on a call that may be abandoned fails it without logging in again', async () => {
    const c = client()
    await c.listGroups()
    const loginsBefore = server.logins
    server.script('/preprocessing/search', { status: 401, body: { Error: { Message: 'token expired' } } })
    const error = await c.search(GROUP, 'loan', { signal: new AbortController().signal }).catch((e) => e)
    expect(error).toBeInstanceOf(AuthError)
    expect(server.logins).toBe(loginsBefore)
    expect(server.count('/preprocessing/search')).toBe(1)
  })
})

describe('search (P5)', () => {
  test('sends the name and group, keeps well-formed hashes of the group, and reads UploadedAt', async () => {
    const other = `S${'b'.repeat(63)}`
    server.script(
      '/preprocessing/search',
      ok({
        Results: [
          { Hash: HASH, Status: 'Deployed', Group: GROUP, UploadedAt: '2026-11-30T10:00:00.1234567Z' },
          { Hash: other, Status: 'Failed', Group: GROUP, UploadedAt: 'not a date' },
          { Hash: `S${'c'.repeat(63)}`, Status: 'Deployed', Group: 'another-group' },
          { Hash: '../../groups', Status: 'Deployed', Group: GROUP },
          { Status: 'Deployed' },
          null
        ]
      })
    )
    const found = await client().search(GROUP, 'loan features')
    expect(found).toEqual([
      { hash: HASH, status: 'Deployed', uploadedAt: Date.parse('2026-11-30T10:00:00.123Z') },
      { hash: other, status: 'Failed', uploadedAt: undefined }
    ])
    const seen = server.seen.find((r) => r.path === '/api/preprocessing/search')
    expect(seen?.auth).toMatch(/^Bearer user-token-/)
    expect(Object.fromEntries(new URLSearchParams(seen?.search))).toEqual({ name: 'loan features', group: GROUP })
  })

  test('an answer without Results is an empty list', async () => {
    server.script('/preprocessing/search', ok({}))
    await expect(client().search(GROUP, 'x')).resolves.toEqual([])
  })
})

describe('network and TLS reasons', () => {
  // The lookups are injected, so both answers are certain on any machine (with or without DNS).
  const failingLookup = (code: string) =>
    new http.Agent({
      lookup: ((_host: string, _options: unknown, callback: (error: NodeJS.ErrnoException) => void) => {
        callback(
          Object.assign(new Error(`getaddrinfo ${code} no-such-host.invalid`), {
            code,
            hostname: 'no-such-host.invalid'
          })
        )
      }) as never
    })

  test('a host name that does not resolve is not retried', async () => {
    const error = await client({ apiUrl: 'http://no-such-host.invalid/api', agent: () => failingLookup('ENOTFOUND') })
      .transport.health()
      .catch((e) => e)
    expect(error.message).toMatch(/host name not found \(ENOTFOUND\) at no-such-host\.invalid/)
    expect(sleeps).toEqual([])
  })

  test('a lookup that fails for now (EAI_AGAIN) is retried', async () => {
    const error = await client({ apiUrl: 'http://no-such-host.invalid/api', agent: () => failingLookup('EAI_AGAIN') })
      .transport.health()
      .catch((e) => e)
    expect(error.message).toMatch(/host name lookup failed for now \(DNS\) \(EAI_AGAIN\) at no-such-host\.invalid/)
    expect(sleeps.length).toBeGreaterThan(0)
  })

  describe('against a TLS server with a self-signed certificate for another name', () => {
    let tls: https.Server
    let port = 0
    let cert = ''
    beforeAll(async () => {
      const certificate = selfSignedCertificate('neomaril.example.test', 'DNS:neomaril.example.test')
      cert = certificate.cert
      tls = https.createServer({ key: certificate.key, cert }, (_req, res) =>
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"Version":"tls"}')
      )
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
      port = (tls.address() as AddressInfo).port
    })
    afterAll(() => new Promise((resolve) => tls.close(resolve)))

    test('an untrusted self-signed certificate says so, and is not retried', async () => {
      const error = await client({ apiUrl: `https://127.0.0.1:${port}/api` })
        .transport.health()
        .catch((e) => e)
      expect(error.message).toMatch(
        /TLS: the server's certificate is self-signed.*\(DEPTH_ZERO_SELF_SIGNED_CERT\) at 127\.0\.0\.1/
      )
      expect(sleeps).toEqual([])
    })

    test('a trusted certificate for another host name says so', async () => {
      const agent = new https.Agent({ ca: cert })
      const error = await client({ apiUrl: `https://127.0.0.1:${port}/api`, agent: () => agent })
        .transport.health()
        .catch((e) => e)
      expect(error.message).toMatch(
        /TLS: the server's certificate is not for this host name \(ERR_TLS_CERT_ALTNAME_INVALID\)/
      )
      expect(sleeps).toEqual([])
    })

    test('https through a proxy goes through a CONNECT tunnel: TLS is between the client and the server', async () => {
      const proxy = await startProxy()
      try {
        // The tunnel opens (the proxy records it); the certificate is then checked end to end.
        const agent = new HttpsProxyAgent(proxy.url)
        await expect(
          client({ apiUrl: `https://127.0.0.1:${port}/api`, agent: () => agent }).transport.health()
        ).rejects.toThrow(/\(DEPTH_ZERO_SELF_SIGNED_CERT\)/)
        expect(proxy.requests).toEqual([
          { kind: 'connect', method: 'CONNECT', target: `127.0.0.1:${port}`, status: 200 }
        ])
      } finally {
        await proxy.close()
      }
    })
  })
})

/** Fails when the promise is still pending after `ms`: a hang is a failed test, not a stuck suite. */
async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms: the request hangs`)), ms)
  })
  try {
    return await Promise.race([promise, guard])
  } finally {
    clearTimeout(timer)
  }
}

const REGISTER_FIELDS = {
  name: 'loan features',
  script_reference: 'process',
  operation: 'Sync',
  python_version: 'Python310'
}

describe('request-timeout while a body is sent or read', () => {
  test('an upload the server stops taking fails after request-timeout without data going out', async () => {
    // Far more than the connection's buffers hold, so the upload has to stall; sparse, so it costs no disk.
    const big = join(mkdtempSync(join(tmpdir(), 'upload-')), 'script.py')
    writeFileSync(big, '')
    const size = 256 * 1024 * 1024
    truncateSync(big, size)
    server.script('/preprocessing/register/', 'ignore-body')
    const started = Date.now()
    const error = await settlesWithin(
      client({ requestTimeoutMs: 500 })
        .register(GROUP, REGISTER_FIELDS, [{ part: 'source', filename: 'script.py', localPath: big, size }])
        .catch((e) => e),
      10_000
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(
      /the upload stalled: the server took no data for 0\.5s while the request body was being sent \(request-timeout\); the connection broke after the body was sent \(it may exist\); the script 'loan features' may have been registered all the same/
    )
    expect(Date.now() - started).toBeLessThan(5000)
    expect(server.count('/preprocessing/register/')).toBe(1)
  })

  test('an answer to a sync run that sends its headers, then stalls, fails after request-timeout', async () => {
    server.script('/preprocessing/sync/run/', { status: 200, stallAfter: '{"Output": {"score"' })
    const started = Date.now()
    const error = await settlesWithin(
      client({ requestTimeoutMs: 300 })
        .runSync(GROUP, HASH, { x: 1 })
        .catch((e) => e),
      10_000
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/the answer began but was not complete within 0\.3s \(request-timeout\)/)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  test('a result download that stalls fails after request-timeout without data, and is retried as a read', async () => {
    const destination = join(mkdtempSync(join(tmpdir(), 'result-')), 'result.zip')
    server.script('/preprocessing/async/result/', ...Array<Step>(5).fill({ status: 200, stallAfter: 'PK\u0003\u0004' }))
    const started = Date.now()
    const error = await settlesWithin(
      client({ requestTimeoutMs: 300 })
        .downloadResult(GROUP, '7', destination)
        .catch((e) => e),
      15_000
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/the download stalled: no data arrived for 0\.3s \(request-timeout\)/)
    expect(server.count('/preprocessing/async/result/')).toBe(5)
    expect(Date.now() - started).toBeLessThan(5 * 300 + 3000)
  })

  test('a download slower in all than request-timeout, but never silent that long, completes', async () => {
    const destination = join(mkdtempSync(join(tmpdir(), 'result-')), 'result.zip')
    const chunks = Array.from({ length: 8 }, (_, i) => String(i).repeat(1000))
    server.script('/preprocessing/async/result/', { status: 200, drip: { chunks, everyMs: 100 } })
    await expect(client({ requestTimeoutMs: 400 }).downloadResult(GROUP, '7', destination)).resolves.toBe(8000)
    expect(readFileSync(destination, 'utf8')).toBe(chunks.join(''))
    expect(sleeps).toEqual([])
  })
})

describe('uploads', () => {
  test('an empty file is sent as an empty part', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'empty-')), 'requirements.txt')
    writeFileSync(empty, '')
    server.script('/preprocessing/register/', { status: 201, body: { Hash: HASH } })
    const files = [
      { part: 'source', filename: 'script.py', inline: Buffer.from('def process(a, b): return {}\n'), size: 29 },
      { part: 'requirements', filename: 'requirements.txt', localPath: empty, size: 0 }
    ]
    await expect(client().register(GROUP, REGISTER_FIELDS, files)).resolves.toBe(HASH)
  })
})

describe("the register's hash", () => {
  test.each([
    ['holding a newline and a workflow command', `${HASH}\n::warning::pwned`],
    ['too short', 'S1234'],
    ['not in hex', `S${'g'.repeat(63)}`],
    ['without the leading S', 'a'.repeat(64)],
    ['with a trailing space', `${HASH} `]
  ])('a hash %s is refused: the script may have been registered', async (_, hash) => {
    server.script('/preprocessing/register/', { status: 201, body: { Hash: hash } })
    const error = await registerCall(client()).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.message).toMatch(
      /the answer's hash is malformed \(.*\): the script may have been registered, but its hash is unknown\. Look for it in Neomaril before deploying again\./
    )
    expect(error.message).not.toMatch(/[\r\n]/)
    expect(server.count('/preprocessing/register/')).toBe(1)
  })

  test('a well-formed hash is taken, in either case', async () => {
    const upper = `S${'ABCDEF0123'.repeat(6)}abc`
    server.script('/preprocessing/register/', { status: 201, body: { Hash: upper } })
    await expect(registerCall(client())).resolves.toBe(upper)
  })
})

describe('server text in messages', () => {
  const SECRET = 'tok-5ecret-value-0123456789'
  const redact = (text: string) => text.split(SECRET).join('***')

  test('is redacted before it is cut: a secret across the cut leaves nothing of itself', async () => {
    // The secret starts 10 characters before the 300-character cut.
    server.script('/health', { status: 400, body: `${'x'.repeat(290)}${SECRET} and more after it` })
    const plain = await client()
      .transport.health()
      .catch((e) => e)
    expect(plain.message).toContain(SECRET.slice(0, 10))

    server.script('/health', { status: 400, body: `${'x'.repeat(290)}${SECRET} and more after it` })
    const error = await client({ redact })
      .transport.health()
      .catch((e) => e)
    expect(error.message).not.toContain(SECRET.slice(0, 5))
    expect(error.message).toContain('***')
  })

  test("is redacted in the error envelope's message and type, and in an answer that is not JSON", async () => {
    server.script('/groups', {
      status: 404,
      body: { Error: { Type: `Bad${SECRET}`, Message: `no group for ${SECRET}` } }
    })
    const error = await client({ redact })
      .listGroups()
      .catch((e) => e)
    expect(error.message).toBe('GET /groups answered HTTP 404 Bad***: no group for ***')
    server.script('/health', { status: 200, body: `<html>${SECRET}</html>` })
    const html = await client({ redact })
      .transport.health()
      .catch((e) => e)
    expect(html.message).not.toContain(SECRET)
  })

  test('reaches a log line redacted and on one line', async () => {
    server.script(
      '/preprocessing/status/',
      { status: 503, body: { Error: { Type: `Busy\r::warning::${SECRET}\u2028x`, Message: 'later' } } },
      ok({ Status: 'Deployed' })
    )
    await client({ redact }).status(GROUP, HASH)
    server.script('/preprocessing/sync/host/', 'reset')
    server.script('/preprocessing/status/', ok({ Status: `Building\r\n::error::${SECRET}\u2029` }))
    await client({ redact }).host('Sync', GROUP, HASH)
    expect(logged).toHaveLength(2)
    for (const line of logged) {
      expect(line).not.toMatch(/[\r\n\u2028\u2029]/)
      expect(line).not.toContain(SECRET)
      expect(line).toContain('***')
    }
  })
})
