import type { Agent } from 'node:http'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { getProxyForUrl } from 'proxy-from-env'

/**
 * The agent for a URL, honouring HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case,
 * read from the environment by proxy-from-env), as self-hosted runners behind
 * corporate proxies need. Undefined means "connect directly". One agent per proxy,
 * so connections are reused across calls.
 */
export function proxyAgents(): (url: URL) => Agent | undefined {
  const agents = new Map<string, Agent>()
  return url => {
    const proxy = getProxyForUrl(url.toString())
    if (!proxy) return undefined
    const key = `${url.protocol}${proxy}`
    let agent = agents.get(key)
    if (!agent) {
      agent = url.protocol === 'https:' ? new HttpsProxyAgent(proxy, { keepAlive: true }) : new HttpProxyAgent(proxy, { keepAlive: true })
      agents.set(key, agent)
    }
    return agent
  }
}
