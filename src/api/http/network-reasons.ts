import { NetworkError } from '../../shared/errors.js'
import { NOT_SENT_CODES, PROXY_AUTH_CODE, PROXY_TUNNEL_CODE } from './failure-kinds.js'
import type { Call, Phase } from './types.js'

/** A timeout in words, naming the input that sets it. */
export function timeoutReason(phase: Phase, timeoutMs: number, clipped: boolean, bound = 'request-timeout'): string {
  const seconds = `${(timeoutMs / 1000).toFixed(timeoutMs < 10_000 ? 1 : 0)}s`
  const input = `${bound}${clipped ? ', cut short by the wait deadline' : ''}`
  switch (phase) {
    case 'upload':
      return (
        `the upload stalled: the server took no data for ${seconds} ` +
        `while the request body was being sent (${input})`
      )
    case 'body':
      return `the answer began but was not complete within ${seconds} (${input})`
    case 'download':
      return `the download stalled: no data arrived for ${seconds} (${input})`
    default:
      return `no answer within ${seconds} (${input})`
  }
}

/** Node's error codes, said in words; the code stays in parentheses for searching. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server while the request was being sent',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed for now (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNABORTED: 'connection aborted',
  CERT_HAS_EXPIRED: "TLS: the server's certificate has expired",
  CERT_NOT_YET_VALID: "TLS: the server's certificate is not valid yet (check the runner's clock)",
  DEPTH_ZERO_SELF_SIGNED_CERT:
    "TLS: the server's certificate is self-signed, so it is not trusted (add its CA with NODE_EXTRA_CA_CERTS)",
  SELF_SIGNED_CERT_IN_CHAIN:
    "TLS: the server's certificate chain ends in a self-signed certificate that is not trusted " +
    '(a TLS-inspecting proxy? add its CA with NODE_EXTRA_CA_CERTS)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "TLS: the server's certificate cannot be verified " +
    '(an incomplete chain, or a CA this runner does not trust; NODE_EXTRA_CA_CERTS)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    "TLS: the issuer of the server's certificate is not trusted on this runner (add it with NODE_EXTRA_CA_CERTS)",
  UNABLE_TO_GET_ISSUER_CERT: "TLS: the issuer of the server's certificate cannot be found",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS: the server's certificate is not for this host name",
  CERT_REVOKED: "TLS: the server's certificate was revoked",
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS handshake failed: the port may speak plain http (try http://, or the right port)',
  EPROTO: 'TLS handshake failed'
}

/** Codes of the first connection: through a proxy, that connection is to the proxy, so the proxy failed. */
const CONNECTION_CODES = new Set([...NOT_SENT_CODES, 'ETIMEDOUT'])

export function networkError(
  call: Call,
  error: unknown,
  url: URL,
  redact: (text: string) => string,
  proxy?: string
): NetworkError {
  const cause = (error as { cause?: { code?: string }; code?: string } | undefined) ?? {}
  const code = cause.code ?? cause.cause?.code ?? ''
  const message = redact((error as Error | undefined)?.message ?? String(error))
  const atProxy = proxy !== undefined && CONNECTION_CODES.has(code)
  const where = atProxy ? proxy : url.host
  return new NetworkError(
    call.method,
    call.path,
    networkReason(code, message, where),
    NOT_SENT_CODES.has(code),
    atProxy ? proxy : undefined
  )
}

/** A network failure in words: `connection refused (ECONNREFUSED) at host:port`. */
export function networkReason(code: string, message: string, host: string): string {
  // The proxy's refusal of a tunnel (src/api/proxy.ts) is worded there, with the proxy's status.
  if (code === PROXY_AUTH_CODE || code === PROXY_TUNNEL_CODE)
    return `${message.replace(/^.*, reason: /, '')} (${code}) at ${host}`
  const words = NETWORK_REASONS[code]
  if (words) return `${words} (${code}) at ${host}`
  return code ? `${message} (${code})` : message
}
