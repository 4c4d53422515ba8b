/**
 * The transport's retry policy (docs/retries-and-timeouts.md) against a tiny scripted
 * server: which answers are retried for reads and for writes, how many attempts,
 * Retry-After and the backoff, the deadline, the request timeout, answers that are not
 * JSON, and host's verify-then-retry. `sleep` is injected and records the delays, so
 * nothing waits. Login, cancellation, network reasons, bodies and server text have their
 * own files beside this one.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_RETRY, type RetryPolicy } from '../../../src/api/http/retry.js'
import { NetworkError, ApiError } from '../../../src/shared/errors.js'
import { GROUP, HASH, ok, registerCall, useScriptedServer, type Step } from '../../helpers/scripted-server.js'

const { server, sleeps, logged, client } = useScriptedServer()

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
