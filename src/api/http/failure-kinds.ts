import { ApiError, NetworkError } from '../../shared/errors.js'

/**
 * What a failed attempt proves about the server (docs/retries-and-timeouts.md): whether
 * the request never left, whether no retry can mend it, whether a write may have acted.
 */

/** A proxy refused the tunnel to an https server (src/api/proxy.ts): it asked for credentials, or would not. */
export const PROXY_AUTH_CODE = 'ERR_PROXY_AUTH'
export const PROXY_TUNNEL_CODE = 'ERR_PROXY_TUNNEL'

/** Node error codes that prove the request never left this machine (or never left the proxy). */
export const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  PROXY_AUTH_CODE,
  PROXY_TUNNEL_CODE
])
/** Failures no retry can mend: the name does not resolve, the certificate is wrong. */
export const PERMANENT_CODES = new Set([
  'ENOTFOUND',
  PROXY_AUTH_CODE,
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'UNABLE_TO_GET_ISSUER_CERT',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
])

/** One attempt's failure, with what the retry policy needs to judge it. */
export class AttemptFailure extends Error {
  constructor(
    readonly error: ApiError | NetworkError,
    /** The server asked to wait this long (Retry-After), if it said. */
    readonly retryAfterMs?: number,
    /**
     * A success status whose body is not JSON. Truncated JSON (a dropped connection,
     * a proxy cutting the answer) is worth another try; an HTML page or plain text is
     * a wrong URL or a portal, which no retry mends.
     */
    readonly garbled?: 'truncated' | 'not-json',
    /** The server took the request and sent nothing back within the attempt's timeout. */
    readonly silent = false,
    /** The attempt ended (an answer, a broken connection) before the whole request body was sent. */
    readonly midUpload = false
  ) {
    super(error.message)
  }
}

/** The Node error code inside a network reason, e.g. ECONNREFUSED. */
export function codeOf(reason: string): string {
  return /\(([A-Z][A-Z0-9_]{3,})\)/.exec(reason)?.[1] ?? /\b([A-Z][A-Z_]{3,})\b/.exec(reason)?.[1] ?? ''
}

/** True for a network failure no retry can mend. */
export function isPermanent(error: NetworkError): boolean {
  return PERMANENT_CODES.has(codeOf(error.reason))
}

/** The server provably did not act: it said "come back later", or the request never left. */
export function refusedBeforeActing(failure: AttemptFailure): boolean {
  const error = failure.error
  if (error instanceof NetworkError) return error.notSent && !isPermanent(error)
  return error.status === 429 || (error.status === 503 && failure.retryAfterMs !== undefined)
}

/** A failure after which a write may or may not have acted on the server. */
export function isAmbiguous(error: unknown): error is ApiError | NetworkError {
  if (error instanceof NetworkError) return !error.notSent && !isPermanent(error)
  return error instanceof ApiError && (error.status >= 500 || error.status === 429)
}
