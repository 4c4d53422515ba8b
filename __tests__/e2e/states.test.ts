import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorsOf, runAction } from '../helpers/action-runner.js'

/**
 * States the emulator never reaches after hosting (docs/platform-contract.md: Ready or Disabled mean
 * "unavailable"; anything unknown must not be waited on forever). A minimal server
 * answers the deploy's calls and then the state under test.
 */
async function serverEndingIn(
  state: string,
  message: string | null = null
): Promise<{ url: string; statusChecks: () => number; close: () => Promise<void> }> {
  let checks = 0
  const hash = 'S' + 'ab'.repeat(31) + 'c'
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    req.resume()
    req.on('end', () => {
      const path = req.url ?? ''
      if (path === '/api/health') return reply(200, { Version: 'fake-1' })
      if (path === '/api/login') return reply(200, { Token: 'fake-user-token-123' })
      if (path === '/api/groups') return reply(200, { Results: [{ Name: 'datarisk' }] })
      if (path.startsWith('/api/preprocessing/register/'))
        return reply(201, { Hash: hash, Message: 'Script was registered!' })
      if (path.includes('/host/')) return reply(202, {})
      if (path.startsWith('/api/preprocessing/status/')) {
        checks++
        // Building first, as the real server does right after hosting, then the state under test.
        return reply(200, checks === 1 ? { Status: 'Building', Message: null } : { Status: state, Message: message })
      }
      if (path.startsWith('/api/preprocessing/logs/')) return reply(200, { Results: [] })
      reply(404, { Error: { Type: 'NotFound', Message: path } })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    statusChecks: () => checks,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

const inputs = (url: string) => ({
  url,
  login: 'someone@example.com',
  password: 'a-password',
  name: 'loan features',
  entrypoint: 'process',
  'source-file': 'score.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.json',
  'extra-files': 'limits.json',
  'poll-interval': '1s',
  'upload-artifact': 'false'
})

test.each([
  ['Disabled', 'unavailable', /ended as 'Disabled' — the script is unavailable \(expected 'Deployed'\)/],
  ['Ready', 'unavailable', /ended as 'Ready' — the script is unavailable/],
  ['Exploding', 'unavailable', /ended as 'Exploding' — the script is unavailable/],
  ['Failed', 'failed', /ended as 'Failed': out of memory while building/]
])('a build ending in %s fails the step as %s, without waiting further', async (state, status, message) => {
  const server = await serverEndingIn(state, state === 'Failed' ? 'out of memory while building' : null)
  try {
    const run = await runAction(inputs(server.url))
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe(status)
    expect(run.outputs['preprocessing-id']).toMatch(/^S/)
    expect(errorsOf(run).pop()).toMatch(message)
    expect(server.statusChecks()).toBe(2)
  } finally {
    await server.close()
  }
})
