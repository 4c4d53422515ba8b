/**
 * A small HTTP forward proxy on loopback, for testing HTTP(S)_PROXY / NO_PROXY:
 * absolute-URI requests (`GET http://host:port/path`, what a client sends for an
 * http URL) are forwarded and answered; `CONNECT host:port` (for https URLs) opens a
 * tunnel. Every request it handled is recorded, so a test can see what went through.
 */
import http from 'node:http'
import net, { type AddressInfo, type Socket } from 'node:net'

export interface ProxiedRequest {
  /** 'forward' for an absolute-URI request, 'connect' for a tunnel. */
  readonly kind: 'forward' | 'connect'
  readonly method: string
  /** The absolute URI forwarded, or `host:port` for CONNECT. */
  readonly target: string
  /** The path of a forwarded request (no query), e.g. '/api/health'. */
  readonly path?: string
  /** Status answered upstream (0 when the upstream failed); 200 for an opened tunnel. */
  status: number
}

export interface LoopbackProxy {
  /** e.g. 'http://127.0.0.1:40123' */
  readonly url: string
  readonly requests: ProxiedRequest[]
  close(): Promise<void>
}

/** Hop-by-hop headers a proxy must not pass on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = [
  'connection',
  'proxy-connection',
  'keep-alive',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
]

export async function startProxy(): Promise<LoopbackProxy> {
  const requests: ProxiedRequest[] = []
  const sockets = new Set<Socket>()

  const server = http.createServer((req, res) => {
    let target: URL
    try {
      target = new URL(req.url ?? '')
      if (target.protocol !== 'http:') throw new Error('not http')
    } catch {
      // A request with a relative URI was meant for an origin server, not a proxy.
      res
        .writeHead(400, { 'Content-Type': 'text/plain' })
        .end('This is a proxy: send an absolute http:// URI or CONNECT')
      return
    }
    const record: ProxiedRequest = {
      kind: 'forward',
      method: req.method ?? 'GET',
      target: target.toString(),
      path: target.pathname,
      status: 0
    }
    requests.push(record)
    const headers = { ...req.headers }
    for (const name of HOP_BY_HOP) delete headers[name]
    headers.host = target.host
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port || 80,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers
      },
      (answer) => {
        record.status = answer.statusCode ?? 0
        const back = { ...answer.headers }
        for (const name of HOP_BY_HOP) delete back[name]
        res.writeHead(answer.statusCode ?? 502, back)
        answer.pipe(res)
      }
    )
    // An upstream that drops the connection is passed on as a dropped connection.
    upstream.on('error', () => res.destroy())
    req.on('error', () => upstream.destroy())
    req.pipe(upstream)
  })

  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? ''
    const record: ProxiedRequest = { kind: 'connect', method: 'CONNECT', target, status: 0 }
    requests.push(record)
    const [host, port] = splitHostPort(target)
    const upstream = net.connect(port, host, () => {
      record.status = 200
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => {
      if (record.status === 0) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      else client.destroy()
    })
    client.on('error', () => upstream.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

function splitHostPort(target: string): [string, number] {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target)
  return match?.[1] ? [match[1], Number(match[2])] : [target, 443]
}
