import { NetworkError } from '../../shared/errors.js'
import { type AttemptFailure, isPermanent, refusedBeforeActing } from './failure-kinds.js'
import type { Safety } from './types.js'

/** The retry policy, in one place (docs/retries-and-timeouts.md): its numbers and which failures it retries. */
export interface RetryPolicy {
  /** Attempts in all for a read, the first included. */
  readonly attempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** The longest Retry-After the client will honour. */
  readonly maxRetryAfterMs: number
  /**
   * How long a write the server refused before acting (429, 503 with Retry-After,
   * connection refused) keeps being sent again: a time budget, not a count, so a busy
   * server that says "come back" five times in a row does not end the deploy.
   */
  readonly writeBudgetMs: number
  /**
   * The first request's bound per attempt (health, the connection included), when shorter
   * than request-timeout: a host that takes the connection and never answers is reported
   * after this long, not after a full request-timeout.
   */
  readonly probeTimeoutMs: number
  /** Attempts in all for the first request while the host stays silent (no answer at all). */
  readonly silentProbeAttempts: number
}

/** The numbers every run uses (the write budget is further cut to wait-timeout by modes/session.ts). */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 30_000,
  writeBudgetMs: 120_000,
  probeTimeoutMs: 15_000,
  silentProbeAttempts: 3
}

const RETRYABLE_READ_STATUSES = new Set([429, 500, 502, 503, 504])

/**
 * Whether a failed attempt may be sent again: a read on any transient failure, a write
 * only when the server refused it before acting.
 */
export function mayRetry(safety: Safety, failure: AttemptFailure): boolean {
  const error = failure.error
  if (error instanceof NetworkError && isPermanent(error)) return false
  if (safety === 'write') return refusedBeforeActing(failure)
  if (error instanceof NetworkError) return true
  return RETRYABLE_READ_STATUSES.has(error.status) || failure.garbled === 'truncated'
}

/**
 * Exponential backoff with jitter: half the step fixed, half random, so runners that
 * failed together do not retry together.
 */
export function backoff(policy: RetryPolicy, attempt: number, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 20))
  return step / 2 + random() * (step / 2)
}

/** A Retry-After header in ms: seconds or an HTTP date. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}
