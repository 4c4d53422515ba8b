/**
 * Permanent faults fail fast with a message naming the cause (the server down, no API under
 * the URL, HTML, bad credentials, an unknown group, a wrong group token), and a register the
 * server refuses before acting is sent again within the budget, never after it may have acted.
 */
import net, { type AddressInfo } from 'node:net'
import { runAction } from '../../helpers/action-runner.js'
import { serveLoopback } from '../../helpers/loopback-server.js'
import { expectNoSecretLeaks } from '../../helpers/secret-scan.js'
import { SECRETS, deploy, lastError, workspace, useReliabilityRig } from './rig.js'

const { emulator, inputs, registers } = useReliabilityRig()

// --- permanent faults fail fast, naming the cause --------------------------------

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function plainServer(
  status: number,
  body: string,
  contentType: string
): Promise<{ url: string; close: () => Promise<void> }> {
  return serveLoopback((_req, res) => res.writeHead(status, { 'Content-Type': contentType }).end(body))
}

describe('permanent faults fail fast with a message naming the cause', () => {
  test('the server is down (nothing listening)', async () => {
    const port = await freePort()
    const run = await deploy(inputs(`http://127.0.0.1:${port}`))
    expect(run.code).not.toBe(0)
    expect(lastError(run)).toMatch(
      new RegExp(
        'Could not reach the Neomaril server: GET /health failed: ' +
          `connection refused \\(ECONNREFUSED\\) at 127\\.0\\.0\\.1:${port}`
      )
    )
    expect(run.elapsedMs).toBeLessThan(15_000)
  })

  test('a URL with no Neomaril API under it (404 on /api/health)', async () => {
    const run = await deploy(inputs(`${emulator.url}/not-neomaril`))
    expect(run.code).not.toBe(0)
    expect(lastError(run)).toMatch(/GET \/health answered HTTP 404.*'url' does not point at a Neomaril server root/)
    expect(emulator.requests.map((r) => r.path)).toEqual(['/not-neomaril/api/health'])
    expect(run.elapsedMs).toBeLessThan(15_000)
  })

  test('a web server answering HTML, not JSON', async () => {
    const web = await plainServer(
      200,
      '<!DOCTYPE html><html><head><title>Intranet portal</title></head><body>Sign in</body></html>',
      'text/html; charset=utf-8'
    )
    try {
      const run = await deploy(inputs(web.url))
      expect(run.code).not.toBe(0)
      expect(lastError(run)).toMatch(
        new RegExp(
          /GET \/health answered HTTP 200: the answer is not JSON \(text\/html; charset=utf-8\): <!DOCTYPE html>/
            .source + /.*Intranet portal.*Is 'url' the Neomaril server's root\?/.source
        )
      )
      expect(run.stdout).not.toMatch(/retrying in/)
      expect(run.elapsedMs).toBeLessThan(15_000)
    } finally {
      await web.close()
    }
  })

  test('a plain web server that 404s everything', async () => {
    const web = await plainServer(404, '<html><body>404 Not Found</body></html>', 'text/html')
    try {
      const run = await deploy(inputs(web.url))
      expect(lastError(run)).toMatch(
        new RegExp(
          /GET \/health answered HTTP 404: <html><body>404 Not Found<\/body><\/html>/.source +
            /.*'url' does not point at a Neomaril server root/.source
        )
      )
      expect(run.elapsedMs).toBeLessThan(15_000)
    } finally {
      await web.close()
    }
  })

  test('bad credentials', async () => {
    const run = await deploy({ ...inputs(), password: 'not-the-password-9931' })
    expect(lastError(run)).toMatch(
      /Login as 'neomaril@example.com' was refused \(HTTP 401: Invalid user or password\).*'login' and 'password'/
    )
    expect(emulator.requests.filter((r) => r.path === '/api/login')).toHaveLength(1)
    expect(registers()).toHaveLength(0)
    expect(run.elapsedMs).toBeLessThan(15_000)
  })

  test('an unknown group', async () => {
    const run = await deploy({ ...inputs(), group: 'credit-risk' })
    expect(lastError(run)).toMatch(
      /Input 'group': 'credit-risk' \(or 'credit_risk'\) is not a group this user can see \(visible: datarisk\)/
    )
    expect(registers()).toHaveLength(0)
    expect(run.elapsedMs).toBeLessThan(15_000)
  })

  test('a wrong group token, found by the smoke test', async () => {
    const wrong = 'fedcba9876543210fedcba9876543210'
    const run = await runAction({ ...inputs(), 'group-token': wrong, 'smoke-test': 'true' }, { workspace: workspace() })
    expectNoSecretLeaks(run, { ...SECRETS, 'group-token input': wrong })
    expect(run.code).not.toBe(0)
    expect(run.outputs.status).toBe('deployed')
    expect(run.outputs['smoke-test']).toBe('failed')
    expect(lastError(run)).toMatch(/Smoke test failed: .*the group token was refused: check the 'group-token' input/)
    expect(emulator.requests.filter((r) => r.path.includes('/sync/run/'))).toHaveLength(1)
    expect(registers()).toHaveLength(1)
    expect(run.elapsedMs).toBeLessThan(15_000)
  })
})

// --- writes that meet a busy server (docs/retries-and-timeouts.md) -------------------------

describe('a register the server refuses before acting', () => {
  test('429 and 503+Retry-After six times in a row: sent again within the budget, and the deploy goes on', async () => {
    emulator.addFault({ path: '^/api/preprocessing/register/', kind: 'status', status: 429, times: 3 })
    emulator.addFault({ path: '^/api/preprocessing/register/', kind: 'status', status: 503, retryAfter: 1, times: 3 })
    const run = await deploy(inputs())
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('deployed')
    expect(registers()).toHaveLength(7)
  })

  const refusedPastBudget =
    'refused past the budget (wait-timeout when shorter than 2 min): says how often, and that nothing was registered'
  test(refusedPastBudget, async () => {
    emulator.addFault({ path: '^/api/preprocessing/register/', kind: 'status', status: 429, times: 100 })
    const run = await deploy({ ...inputs(), 'wait-timeout': '20s' })
    expect(run.code).not.toBe(0)
    const sent = registers().length
    expect(sent).toBeGreaterThan(5)
    expect(lastError(run)).toContain(`the server refused the register ${sent} times (not registered)`)
    expect(lastError(run)).not.toMatch(/may exist|may have been registered/)
    expect(run.outputs['preprocessing-id']).toBe('')
  })

  test('a connection that breaks during the register: not sent again, and it may exist', async () => {
    emulator.addFault({ path: '^/api/preprocessing/register/', kind: 'reset', times: 1 })
    const run = await deploy(inputs())
    expect(run.code).not.toBe(0)
    expect(registers()).toHaveLength(1)
    expect(lastError(run)).toMatch(
      // The emulator resets the connection before reading the body: only part of it went out.
      /the connection broke while the body was being sent \(it may exist\).*may have been registered all the same/
    )
    expect(lastError(run)).not.toMatch(/refused the register/)
  })
})

// --- proxies ----------------------------------------------------------------------------
