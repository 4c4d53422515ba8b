/** The run cancelled, or one call abandoned: requests in flight and retry sleeps stop; the client goes on. */
import { AbandonedError, AuthError, CancelledError } from '../../../src/shared/errors.js'
import { GROUP, HASH, ok, useScriptedServer } from '../../helpers/scripted-server.js'

const { server, logged, client } = useScriptedServer()

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
