import {
  ApiError,
  AuthError,
  CancelledError,
  DeployFailedError,
  InputError,
  NetworkError,
  SmokeTestFailedError,
  WaitTimeoutError
} from '../shared/errors.js'

/** One clear message for the step's failure: what failed, and what to do. */
export function messageFor(error: unknown): string {
  if (error instanceof NetworkError && error.proxy !== undefined)
    return (
      `Could not reach the Neomaril server through ${error.proxy}: ${error.message}. ` +
      'Check that proxy and the variable that names it, or list the server in NO_PROXY to reach it directly.'
    )
  if (error instanceof NetworkError)
    return `Could not reach the Neomaril server: ${error.message}. Check 'url' and the runner's network.`
  if (error instanceof ApiError) {
    // Only a proxy answers 407 (an http:// url's request goes through it as it is).
    if (error.status === 407)
      return (
        `A proxy between the runner and the Neomaril server asked for credentials: ${error.message}. ` +
        'Give them in the proxy URL (HTTP_PROXY=http://user:password@host:port), or list the server in NO_PROXY.'
      )
    if (error.path === '/health' && error.status === 404)
      return `${error.message}. 'url' does not point at a Neomaril server root (no /api/health there).`
    // A forward proxy's own answer (502: it could not reach the server) carries no error envelope of the server's.
    if (error.proxyMayHaveAnswered !== undefined)
      return (
        `An answer came through ${error.proxyMayHaveAnswered} and may be that proxy's own, not the Neomaril server's ` +
        `(a 502, 503 or 504 usually means the proxy could not reach the server): ${error.message}. ` +
        "Check 'url', that proxy and the variable that names it, or list the server in NO_PROXY to reach it directly."
      )
    // A 2xx that could not be used (not JSON, a key missing) is no refusal.
    if (error.status >= 200 && error.status < 300)
      return `The Neomaril server's answer could not be read: ${error.message}`
    return `The Neomaril server refused a call: ${error.message}`
  }
  const known = [InputError, AuthError, DeployFailedError, WaitTimeoutError, SmokeTestFailedError, CancelledError]
  if (known.some((type) => error instanceof type)) return (error as Error).message
  return `Unexpected error: ${(error as Error)?.stack ?? String(error)}`
}
