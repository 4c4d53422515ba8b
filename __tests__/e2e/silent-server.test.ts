/**
 * A silent server is reported quickly (issue 17, rule 7), through the bundle: a host that
 * takes TCP connections and never answers gets a warning after the first silent attempt
 * (the host, how long it was given, that it is asked again and what bounds each try), the
 * first request is bounded at DEFAULT_RETRY.probeTimeoutMs (15 s) whatever request-timeout
 * says, and only DEFAULT_RETRY.silentProbeAttempts (3) tries are made before the step fails.
 * docs/retries-and-timeouts.md documents the bounds.
 */
import net, { type AddressInfo, type Socket } from 'node:net'
import { DEFAULT_RETRY } from '../../src/api/http/retry.js'
import { syncSampleInputs } from '../helpers/e2e.js'
import { errorsOf, runAction } from '../helpers/action-runner.js'

interface Silent {
  readonly url: string
  readonly host: string
  connections: number
  close(): Promise<void>
}

/** Takes every connection, reads what comes, and never answers. */
async function silentServer(): Promise<Silent> {
  const sockets = new Set<Socket>()
  const server = net.createServer((socket) => {
    silent.connections++
    sockets.add(socket)
    socket.on('data', () => undefined)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  const silent: Silent = {
    url: `http://${host}`,
    host,
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
  return silent
}

const warningsOf = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('::warning::No answer'))

test('request-timeout 2s: one warning after the first silent try, three tries in all, then a clear error', async () => {
  const server = await silentServer()
  try {
    const run = await runAction(syncSampleInputs(server.url, { 'request-timeout': '2s' }), { killAfterMs: 40_000 })
    expect(run.code).toBe(1)
    expect(warningsOf(run.stdout)).toEqual([
      `::warning::No answer from ${server.host} to GET /health (no answer within 2.0s (request-timeout)). ` +
        "Asking again up to 2 more times ('request-timeout' bounds each try). A server that stays silent is " +
        "usually a wrong host or port in 'url', or a firewall or proxy holding the connection."
    ])
    expect(server.connections).toBe(DEFAULT_RETRY.silentProbeAttempts)
    expect(errorsOf(run).pop()).toBe(
      'Could not reach the Neomaril server: GET /health failed: no answer within 2.0s (request-timeout). ' +
        "Check 'url' and the runner's network."
    )
    // Three 2 s tries and two short pauses, not five tries.
    expect(run.elapsedMs).toBeLessThan(15_000)
    expect(run.stdout).toContain('retrying in')
    expect(run.stdout).toMatch(/\(attempt 3 of 3\)\.\n/)
  } finally {
    await server.close()
  }
})

test('default request-timeout (60s): the warning comes after the first request bound (15s), not a minute', async () => {
  const server = await silentServer()
  let warnedAt = 0
  const started = Date.now()
  try {
    const run = await runAction(syncSampleInputs(server.url), {
      killAfterMs: 40_000,
      onStart: (child) => {
        let seen = ''
        child.stdout?.on('data', (chunk) => {
          seen += chunk
          if (warnedAt === 0 && seen.includes('::warning::No answer')) {
            warnedAt = Date.now()
            child.kill('SIGKILL')
          }
        })
      }
    })
    const [warning] = warningsOf(run.stdout)
    expect(warning).toContain(`No answer from ${server.host} to GET /health (no answer within 15s (the first`)
    expect(warning).toContain("this first request is bounded at 15s a try, later ones by 'request-timeout'")
    expect(warning).toContain('Asking again up to 2 more times')
    const afterMs = warnedAt - started
    expect(afterMs).toBeGreaterThanOrEqual(DEFAULT_RETRY.probeTimeoutMs)
    expect(afterMs).toBeLessThan(DEFAULT_RETRY.probeTimeoutMs + 5000)
  } finally {
    await server.close()
  }
}, 60_000)

test('silent on login only: warned after the first silent try, three login tries, then a clear error', async () => {
  const sockets = new Set<Socket>()
  let logins = 0
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
    let head = ''
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1')
      if (!head.includes('\r\n\r\n')) return
      const [line = ''] = head.split('\r\n')
      head = ''
      // Health answers; login is taken and never answered.
      if (line.startsWith('POST /api/login')) logins++
      else
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"status":"ok"}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    const run = await runAction(syncSampleInputs(`http://${host}`, { 'request-timeout': '2s' }), {
      killAfterMs: 40_000
    })
    expect(run.code).toBe(1)
    const warnings = warningsOf(run.stdout)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`No answer from ${host} to POST /login`)
    expect(warnings[0]).toContain('Asking again up to 2 more times')
    expect(logins).toBe(DEFAULT_RETRY.silentProbeAttempts)
    expect(errorsOf(run).pop()).toContain('POST /login failed: no answer within 2.0s (request-timeout)')
  } finally {
    for (const socket of sockets) socket.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}, 60_000)
