/**
 * A proxy that refuses the tunnel to an https server (issue 17, rule 6), through the bundle
 * (dist/index.js): a CONNECT answered 407 or 502 is the proxy's refusal, named as the
 * proxy with its variable and status — never "the Neomaril server refused a call", as if the
 * proxy's answer were the server's. A 407 (credentials) is not retried; a 502 is, as a refused
 * connection is. The proxy's credentials never appear. Unit: __tests__/api/proxy-of.test.ts.
 */
import net, { type AddressInfo, type Socket } from 'node:net'
import { DEFAULT_PASSWORD, DEFAULT_USER } from '../../emulator/index.js'
import { errorsOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

interface RefusingProxy {
  readonly port: number
  /** The CONNECT lines it was sent, e.g. `CONNECT 127.0.0.1:1 HTTP/1.1`. */
  readonly connects: string[]
  close(): Promise<void>
}

/** A proxy that answers every request, CONNECT included, with `status` and an HTML page. */
async function refusingProxy(status: number, reason: string): Promise<RefusingProxy> {
  const connects: string[] = []
  const sockets = new Set<Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    let head = ''
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1')
      if (!head.includes('\r\n\r\n')) return
      connects.push(head.split('\r\n')[0] ?? '')
      const body = `<html><body><h1>${status} ${reason}</h1>proxy page</body></html>`
      socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nProxy-Authenticate: Basic realm="corp"\r\n` +
          `Content-Type: text/html\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`
      )
      head = ''
    })
    socket.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    port,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

/** The sample's inputs for a server the proxy never lets the action reach. */
const inputs = {
  url: 'https://127.0.0.1:9',
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  name: 'loan features',
  entrypoint: 'process',
  'source-file': 'score.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.json',
  'upload-artifact': 'false'
}

describe('a proxy that refuses the tunnel to an https server is named, never taken for the server', () => {
  test.each([
    { status: 407, reason: 'Proxy Authentication Required', words: /the proxy asked for credentials \(HTTP 407\)/ },
    { status: 502, reason: 'Bad Gateway', words: /the proxy would not open a tunnel to 127\.0\.0\.1:9 \(HTTP 502\)/ }
  ])('CONNECT answered $status', async ({ status, reason, words }) => {
    const proxy = await refusingProxy(status, reason)
    try {
      const proxyUrl = `http://someone:proxy-pass-991@127.0.0.1:${proxy.port}`
      const run = await runAction(inputs, {
        workspace: sampleWorkspace('sync'),
        env: { HTTPS_PROXY: proxyUrl, NO_PROXY: '' }
      })
      expect(run.code).toBe(1)
      expect(run.outputs.status).toBe('error')
      const error = errorsOf(run).pop() as string
      expect(error).toContain(
        `Could not reach the Neomaril server through the proxy 127.0.0.1:${proxy.port} (HTTPS_PROXY)`
      )
      expect(error).toMatch(words)
      expect(error).toContain(status === 407 ? '(ERR_PROXY_AUTH)' : '(ERR_PROXY_TUNNEL)')
      expect(error).not.toMatch(/refused a call|proxy page|<html>/)
      expect(run.outputs['server-version'] ?? '').toBe('')
      expect(`${run.stdout}\n${run.stderr}`).not.toContain('proxy-pass-991')
      expect(proxy.connects[0]).toBe('CONNECT 127.0.0.1:9 HTTP/1.1')
      // Credentials are not mended by asking again; a gateway error may be.
      if (status === 407) expect(proxy.connects).toHaveLength(1)
      else expect(proxy.connects.length).toBeGreaterThan(1)
    } finally {
      await proxy.close()
    }
  })
})

test('a 407 to an http:// url (the proxy forwards the request) says a proxy asked for credentials', async () => {
  const proxy = await refusingProxy(407, 'Proxy Authentication Required')
  try {
    const run = await runAction(
      { ...inputs, url: 'http://127.0.0.1:9' },
      { env: { HTTP_PROXY: `http://127.0.0.1:${proxy.port}`, NO_PROXY: '' } }
    )
    expect(run.code).toBe(1)
    const error = errorsOf(run).pop() as string
    expect(error).toMatch(/^A proxy between the runner and the Neomaril server asked for credentials: GET \/health/)
    expect(error).toContain('HTTP_PROXY=http://user:password@host:port')
    expect(error).not.toMatch(/refused a call/)
    expect(proxy.connects).toEqual(['GET http://127.0.0.1:9/api/health HTTP/1.1'])
  } finally {
    await proxy.close()
  }
})

test('a 502 to an http:// url (the proxy forwards the request) says it came through the proxy, naming it', async () => {
  const proxy = await refusingProxy(502, 'Bad Gateway')
  try {
    const run = await runAction(
      { ...inputs, url: 'http://127.0.0.1:9' },
      { env: { http_proxy: `http://someone:proxy-pass-991@127.0.0.1:${proxy.port}`, NO_PROXY: '' } }
    )
    expect(run.code).toBe(1)
    const error = errorsOf(run).pop() as string
    expect(error).toContain(`through the proxy 127.0.0.1:${proxy.port} (http_proxy)`)
    expect(error).toMatch(/GET \/health answered HTTP 502/)
    expect(error).toContain('list the server in NO_PROXY')
    expect(error).not.toMatch(/^The Neomaril server refused a call/)
    // Each try's line names the proxy too, not only the final error.
    expect(run.stdout).toContain(
      `GET /health: HTTP 502 through the proxy 127.0.0.1:${proxy.port} (http_proxy); retrying`
    )
    expect(`${run.stdout}\n${run.stderr}`).not.toContain('proxy-pass-991')
    expect(proxy.connects[0]).toBe('GET http://127.0.0.1:9/api/health HTTP/1.1')
  } finally {
    await proxy.close()
  }
})
