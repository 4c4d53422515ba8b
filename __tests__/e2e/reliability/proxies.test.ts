/** The bundled action through HTTP_PROXY / HTTPS_PROXY, and NO_PROXY honoured. */
import net, { type AddressInfo } from 'node:net'
import tls from 'node:tls'
import { selfSignedCertificate } from '../../helpers/certificate.js'
import { startProxy } from '../../helpers/proxy-server.js'
import { deploy, lastError, useReliabilityRig } from './rig.js'

const { emulator, inputs, registers } = useReliabilityRig()

describe('proxies', () => {
  test('HTTP_PROXY with NO_PROXY unset: every API request goes through the proxy', async () => {
    const proxy = await startProxy()
    try {
      const run = await deploy({ ...inputs(), wait: 'false' }, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '' } })
      expect(run.code).toBe(0)
      const through = proxy.requests.map((r) => `${r.kind} ${r.method} ${r.path}`)
      expect(through).toEqual(
        expect.arrayContaining([
          'forward GET /api/health',
          'forward POST /api/login',
          'forward GET /api/groups',
          'forward POST /api/preprocessing/register/datarisk',
          `forward GET /api/preprocessing/sync/host/datarisk/${run.outputs['preprocessing-id']}`
        ])
      )
      expect(proxy.requests.every((r) => r.target.startsWith(emulator.url))).toBe(true)
      // What the emulator saw is exactly what the proxy forwarded.
      expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
        proxy.requests.map((r) => `${r.method} ${r.path}`)
      )
    } finally {
      await proxy.close()
    }
  })

  test('NO_PROXY=127.0.0.1: the proxy is not used', async () => {
    const proxy = await startProxy()
    try {
      const run = await deploy(
        { ...inputs(), wait: 'false' },
        { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }
      )
      expect(run.code).toBe(0)
      expect(proxy.requests).toEqual([])
      expect(registers()).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  test('HTTPS_PROXY with an https server: a CONNECT tunnel, TLS end to end', async () => {
    // A TLS front for the emulator, with a certificate for 127.0.0.1 that the child trusts via NODE_EXTRA_CA_CERTS.
    const certificate = selfSignedCertificate('127.0.0.1', 'IP:127.0.0.1')
    const emulatorPort = Number(new URL(emulator.url).port)
    const front = tls.createServer({ key: certificate.key, cert: certificate.cert }, (socket) => {
      const upstream = net.connect(emulatorPort, '127.0.0.1')
      socket.pipe(upstream).pipe(socket)
      socket.on('error', () => upstream.destroy())
      upstream.on('error', () => socket.destroy())
    })
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
    const frontPort = (front.address() as AddressInfo).port
    const proxy = await startProxy()
    try {
      const run = await deploy(
        { ...inputs(`https://127.0.0.1:${frontPort}`), wait: 'false' },
        { env: { HTTPS_PROXY: proxy.url, NO_PROXY: '', NODE_EXTRA_CA_CERTS: certificate.certFile } }
      )
      if (run.code !== 0) throw new Error(lastError(run))
      expect(proxy.requests.length).toBeGreaterThan(0)
      expect(
        proxy.requests.every((r) => r.kind === 'connect' && r.target === `127.0.0.1:${frontPort}` && r.status === 200)
      ).toBe(true)
      expect(registers()).toHaveLength(1)
    } finally {
      await proxy.close()
      await new Promise((resolve) => front.close(resolve))
    }
  })
})

// --- hostile server text --------------------------------------------------------------
