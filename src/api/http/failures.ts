import { envelopeError } from '../../shared/error-envelope.js'
import { ApiError, AuthError, NetworkError } from '../../shared/errors.js'
import { type AttemptFailure, isAmbiguous, refusedBeforeActing } from './failure-kinds.js'
import { describeText } from './server-text.js'
import type { Call } from './types.js'

/** The errors a call ends with, in words (docs/retries-and-timeouts.md). */

/** Errors of writes the server provably never acted on (refused until the budget ran out). */
const REFUSED = new WeakSet<Error>()

/** True when the write provably did not act: the server refused it every time. */
export function wasRefused(error: unknown): boolean {
  return error instanceof Error && REFUSED.has(error)
}

/**
 * The error a call ends with once it is not retried. A write the server refused
 * before acting says so, with the count; one that may have acted says that instead.
 */
export function finalError(call: Call, failure: AttemptFailure, attempts: number): ApiError | NetworkError {
  const error = failure.error
  if (call.safety !== 'write' || !call.effect) return error
  if (refusedBeforeActing(failure)) {
    const refused = withHint(
      error,
      `the server refused the ${call.effect.what} ${attempts} time${attempts === 1 ? '' : 's'} (${call.effect.undone})`
    )
    REFUSED.add(refused)
    return refused
  }
  if (isAmbiguous(error)) {
    // An answer or a break before the last byte went out: only part of the body reached the server.
    const when = failure.midUpload ? 'while the body was being sent' : 'after the body was sent'
    const broke =
      error instanceof NetworkError
        ? `the connection broke ${when}`
        : `the server failed (HTTP ${error.status}) ${when}`
    return withHint(error, `${broke} (it may exist)`)
  }
  return error
}

export function withHint(error: ApiError | NetworkError, hint: string): ApiError | NetworkError {
  return error instanceof NetworkError
    ? new NetworkError(error.method, error.path, `${error.reason}; ${hint}`, error.notSent, error.proxy)
    : new ApiError(
        error.method,
        error.path,
        error.status,
        `${error.serverMessage}; ${hint}`,
        error.errorType,
        error.proxy
      )
}

export function authFailure(call: Call, error: ApiError): AuthError {
  const which =
    call.auth === 'group'
      ? "the group token was refused: check the 'group-token' input (or NEOMARIL_GROUP_TOKEN) belongs to this group"
      : 'the user token was refused even after logging in again: check the account can use this group'
  return new AuthError(`${call.method} ${call.path}: ${which} (HTTP 401: ${error.serverMessage}).`)
}

/**
 * A refused answer: the error envelope's message and type when it has one, else the body itself.
 * `proxy` names the forward proxy it came through, whose own answer it may be.
 */
export function apiError(
  call: Call,
  status: number,
  text: string,
  redact: (text: string) => string,
  proxy?: string
): ApiError {
  const envelope = envelopeError(text)
  const message = envelope ? redact(envelope.message) : describeText(text, redact)
  const type = envelope?.type === undefined ? undefined : redact(envelope.type)
  return new ApiError(call.method, call.path, status, message, type, proxy)
}

/** Refused credentials: who was refused, and which inputs to check. */
export function loginRefused(login: string, tenant: string | undefined, error: ApiError): AuthError {
  const who = tenant === undefined ? `'${login}'` : `'${login}' in tenant '${tenant}'`
  return new AuthError(
    `Login as ${who} was refused (HTTP ${error.status}: ${error.serverMessage}). ${loginFix(tenant)}`
  )
}

function loginFix(tenant: string | undefined): string {
  return tenant === undefined
    ? "Check the 'login' and 'password' inputs (or NEOMARIL_USER / NEOMARIL_PASSWORD); a server with several " +
        "tenants may also need the 'tenant' input (or MLOPS_TENANT)."
    : "Check the 'login' and 'password' inputs (or NEOMARIL_USER / NEOMARIL_PASSWORD) and that the account " +
        "belongs to that tenant (the 'tenant' input, MLOPS_TENANT or NEOMARIL_TENANT)."
}
