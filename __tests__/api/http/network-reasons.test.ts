/**
 * Node's network and TLS error codes, said in words with the code kept for searching; and
 * through the transport: which are retried, against a TLS server and through a proxy.
 */
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { networkReason } from '../../../src/api/http/network-reasons.js'
import { selfSignedCertificate } from '../../helpers/certificate.js'
import { startProxy } from '../../helpers/proxy-server.js'
import { useScriptedServer } from '../../helpers/scripted-server.js'

const { sleeps, client } = useScriptedServer()

describe('network and TLS reasons', () => {
  test.each([
    ['ECONNREFUSED', 'connection refused (ECONNREFUSED)'],
    ['ECONNRESET', 'connection reset by the server (ECONNRESET)'],
    ['ENOTFOUND', 'host name not found (ENOTFOUND)'],
    ['CERT_HAS_EXPIRED', "TLS: the server's certificate has expired (CERT_HAS_EXPIRED)"],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', "TLS: the server's certificate is self-signed"],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "TLS: the server's certificate is not for this host name (ERR_TLS_CERT_ALTNAME_INVALID)"
    ],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', "TLS: the server's certificate cannot be verified"]
  ])('%s reads as words with the code kept', (code, words) => {
    expect(networkReason(code, `request failed, reason: ${code}`, 'neomaril.example.com')).toContain(words)
    expect(networkReason(code, '', 'neomaril.example.com')).toMatch(new RegExp(`\\(${code}\\)`))
  })

  test('an unknown code keeps the original message and the code', () => {
    expect(networkReason('EWEIRD', 'request to x failed, reason: weird', 'h')).toBe(
      'request to x failed, reason: weird (EWEIRD)'
    )
  })
})

describe('network and TLS reasons through the transport', () => {
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
