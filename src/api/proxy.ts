import type { Agent, ClientRequest } from 'node:http'
import { isIP, type Socket } from 'node:net'
import { checkServerIdentity } from 'node:tls'
import type { AgentConnectOpts } from 'agent-base'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { getProxyForUrl } from 'proxy-from-env'
import { PROXY_AUTH_CODE, PROXY_TUNNEL_CODE } from './http/failure-kinds.js'

/**
 * The agent for a URL, honouring HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case,
 * read from the environment by proxy-from-env), as self-hosted runners behind
 * corporate proxies need. Undefined means "connect directly". One agent per proxy,
 * so connections are reused across calls.
 */
export function proxyAgents(): (url: URL) => Agent | undefined {
  const agents = new Map<string, Agent>()
  return (url) => {
    const proxy = getProxyForUrl(url.toString())
    if (!proxy) return undefined
    const key = `${url.protocol}${proxy}`
    let agent = agents.get(key)
    if (!agent) {
      agent =
        url.protocol === 'https:'
          ? new TunnelAgent(proxy, { keepAlive: true })
          : new HttpProxyAgent(proxy, { keepAlive: true })
      agents.set(key, agent)
    }
    return agent
  }
}

/**
 * The proxy a URL goes through, for messages: its address (never its credentials) and
 * the variable that set it, read as proxy-from-env reads them (lower case first, then
 * upper case, then ALL_PROXY). Undefined when the URL is reached directly.
 */
export function proxyOf(url: URL): string | undefined {
  const proxy = getProxyForUrl(url.toString())
  if (!proxy) return undefined
  const scheme = url.protocol.replace(/:$/, '')
  const names = [`${scheme}_proxy`, 'all_proxy'].flatMap((name) => [name, name.toUpperCase()])
  const variable = names.find((name) => process.env[name]) ?? `${scheme.toUpperCase()}_PROXY`
  let address: string
  try {
    address = new URL(proxy.includes('://') ? proxy : `${scheme}://${proxy}`).host
  } catch {
    address = 'an address that is not a URL'
  }
  return `the proxy ${address} (${variable})`
}

/**
 * https-proxy-agent starts TLS over the tunnel without the host when the host is an
 * IP address (no SNI for IPs), so Node checks the certificate against 'localhost' and
 * an https://10.0.0.5 server with a certificate for 10.0.0.5 fails as
 * ERR_TLS_CERT_ALTNAME_INVALID. Checking against the URL's own host mends that. And a
 * tunnel the proxy refuses (407, 502…) fails as the proxy's refusal, never as the server's answer.
 */
class TunnelAgent extends HttpsProxyAgent<string> {
  override async connect(req: ClientRequest, opts: AgentConnectOpts): Promise<Socket> {
    let status: number | undefined
    req.once('proxyConnect', (answer: { statusCode?: number }) => (status = answer.statusCode))
    const host = opts.host
    const socket =
      opts.secureEndpoint && host && isIP(host) && !('checkServerIdentity' in opts && opts.checkServerIdentity)
        ? await super.connect(req, {
            ...opts,
            checkServerIdentity: (_name: string, cert) => checkServerIdentity(host, cert)
          })
        : await super.connect(req, opts)
    if (status === undefined || status === 200) return socket
    // https-proxy-agent would replay the proxy's refusal as the server's own answer.
    socket.destroy()
    throw tunnelRefused(status, `${host ?? ''}:${opts.port}`)
  }
}

/**
 * The proxy answered the tunnel request (CONNECT) with something other than 200: the
 * request never reached the server, and the answer is the proxy's, not the server's.
 */
function tunnelRefused(status: number, target: string): Error {
  const [code, words] =
    status === 407
      ? [
          PROXY_AUTH_CODE,
          'the proxy asked for credentials (HTTP 407): give the right ones in the proxy URL ' +
            '(http://user:password@host:port, the password URL-encoded)'
        ]
      : [PROXY_TUNNEL_CODE, `the proxy would not open a tunnel to ${target} (HTTP ${status})`]
  return Object.assign(new Error(words), { code })
}
