/**
 * A tiny scripted HTTP server for the transport's tests (__tests__/api/http/, __tests__/api/v1.test.ts):
 * each path answers from its own queue of steps, and `useScriptedServer()` gives a suite the
 * server and a client whose `sleep` is injected and records the delays, so nothing waits.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { Transport } from '../../src/api/http/transport.js'
import type { TransportOptions as ClientOptions } from '../../src/api/http/options.js'
import { V1Api } from '../../src/api/v1.js'

export type Step =
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

export interface Seen {
  method: string
  path: string
  /** The query string, with its '?'. */
  search: string
  auth?: string
}

/** A server answering each path from its own queue of steps; the default is 200 `{}`. */
export class ScriptedServer {
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

export interface ScriptedSuite {
  readonly server: ScriptedServer
  /** The delays the client's injected sleep was asked for, in this test. */
  readonly sleeps: number[]
  /** What the client logged as info or warning, in this test. */
  readonly logged: string[]
  /** A v1 client of the server, with the test's overrides. */
  client(overrides?: Partial<ClientOptions>): V1Api
}

/** Starts a scripted server for the suite (and closes it after); each test starts with empty queues and logs. */
export function useScriptedServer(): ScriptedSuite {
  const server = new ScriptedServer()
  const sleeps: number[] = []
  const logged: string[] = []
  beforeAll(() => server.start())
  afterAll(() => server.close())
  beforeEach(() => {
    server.reset()
    sleeps.length = 0
    logged.length = 0
  })
  const client = (overrides: Partial<ClientOptions> = {}): V1Api =>
    new V1Api(
      new Transport({
        apiUrl: `${server.url}/api`,
        login: 'someone@example.com',
        password: 'hunter2-password',
        groupToken: 'f'.repeat(32),
        requestTimeoutMs: 5000,
        logger: {
          debug: () => {},
          info: (message) => logged.push(message),
          warning: (message) => logged.push(message)
        },
        sleep: async (ms) => {
          sleeps.push(ms)
        },
        random: () => 0.5,
        ...overrides
      })
    )
  return { server, sleeps, logged, client }
}

export const GROUP = 'datarisk'
export const HASH = `S${'a'.repeat(63)}`
export const REGISTER_FIELDS = {
  name: 'loan features',
  script_reference: 'process',
  operation: 'Sync',
  python_version: 'Python310'
}
export const registerCall = (c: V1Api) =>
  c.register(GROUP, REGISTER_FIELDS, [
    { part: 'source', filename: 'script.py', inline: Buffer.from('def process(a, b): return {}\n'), size: 29 }
  ])
export const ok = (body: object = {}): Step => ({ status: 200, body })

/** Fails when the promise is still pending after `ms`: a hang is a failed test, not a stuck suite. */
export async function settlesWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
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
