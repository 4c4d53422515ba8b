/** Server text in the transport's messages and log lines: redacted before it is cut, on one line. */
import { ApiError, NetworkError } from '../../../src/shared/errors.js'
import { describeFailure } from '../../../src/api/http/server-text.js'
import { GROUP, HASH, ok, useScriptedServer } from '../../helpers/scripted-server.js'

const { server, logged, client } = useScriptedServer()

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

describe('a failure in a progress line (describeFailure)', () => {
  const PROXY = 'the proxy 10.0.0.1:3128 (HTTP_PROXY)'

  test('an answer with no envelope that came through a forward proxy names the proxy', () => {
    expect(describeFailure(new ApiError('GET', '/health', 502, 'Bad Gateway', undefined, PROXY))).toBe(
      `HTTP 502 through ${PROXY}`
    )
    expect(describeFailure(new ApiError('GET', '/health', 502, 'Bad Gateway'))).toBe('HTTP 502')
  })

  test("an envelope's type is the server's own word, so the proxy is not named", () => {
    const error = new ApiError('GET', '/groups', 503, 'busy', 'Unavailable\r::error::x', PROXY)
    expect(describeFailure(error)).toBe('HTTP 503 Unavailable ::error::x')
  })

  test('a network failure is its reason, on one line', () => {
    expect(describeFailure(new NetworkError('GET', '/health', 'reset\nat host', false))).toBe('reset at host')
  })
})
