import { BUILDING_STATES } from '../neomaril/wire.js'
import { abortableSleep } from '../neomaril/client.js'
import { ApiError, NetworkError } from '../errors.js'

export interface StatusCheck {
  readonly status: string
  readonly message: string | null
}

export interface Poll {
  readonly elapsedMs: number
  readonly status: string
  /** 1 for the first check. */
  readonly check: number
}

export interface WaitOptions {
  readonly timeoutMs: number
  /** The longest gap between two checks. */
  readonly pollIntervalMs: number
  /** States that keep the wait going (the build's in-between states by default). */
  readonly pendingStates?: readonly string[]
  readonly onPoll?: (poll: Poll) => void
  /** A check failed transiently (after the client's own retries); the wait goes on. */
  readonly onTransientFailure?: (error: Error, outageMs: number) => void
  /** How long checks may keep failing transiently before the wait gives up (default 5 min). */
  readonly maxOutageMs?: number
  readonly signal?: AbortSignal
  readonly now?: () => number
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random?: () => number
}

export type WaitOutcome =
  | { readonly kind: 'done'; readonly last: StatusCheck; readonly elapsedMs: number; readonly checks: number }
  | { readonly kind: 'timed-out'; readonly last: StatusCheck; readonly elapsedMs: number; readonly checks: number }

/**
 * Checks a status until it leaves the pending states or the deadline passes.
 *
 * The gap between checks is a tenth of the time waited so far, at least a second and
 * at most `pollIntervalMs`, shortened by a random 0–50% (jitter): a short build is
 * seen finishing within a second, a long one costs a few requests a minute, and the
 * wait never adds more than a tenth to the build time. The last check falls on the deadline, so
 * a build that never ends is reported no later than the deadline plus one request.
 * `now` is an epoch clock (Date.now by default): the deadline handed to `check` is
 * an absolute time the client compares with its own clock.
 */
export async function waitWhilePending(check: (limits: { readonly deadline: number }) => Promise<StatusCheck>, options: WaitOptions): Promise<WaitOutcome> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? abortableSleep
  const random = options.random ?? Math.random
  const pending = options.pendingStates ?? BUILDING_STATES
  const started = now()
  const deadline = started + options.timeoutMs
  let previous: StatusCheck | undefined
  let outageSince: number | undefined
  for (let checks = 1; ; checks++) {
    // The deadline goes to the check, so its retries stop there too (client CallOptions).
    let last: StatusCheck
    try {
      last = await check({ deadline })
    } catch (error) {
      if (!isTransient(error)) throw error
      // A transient failure once the deadline has passed is the deadline's doing: the
      // retries stopped there. Report the timeout with the last state seen, not the fault.
      if (now() >= deadline) {
        if (previous) return { kind: 'timed-out', last: previous, elapsedMs: now() - started, checks: checks - 1 }
        throw error
      }
      // A server blip during a long build is no news: keep checking, for a while.
      outageSince ??= now()
      const outageMs = now() - outageSince
      if (outageMs >= (options.maxOutageMs ?? 5 * 60_000)) throw error
      options.onTransientFailure?.(error as Error, outageMs)
      await sleep(Math.min(nextGap(now() - started, options.pollIntervalMs, random), Math.max(0, deadline - now())), options.signal)
      checks-- // a failed check is not counted
      continue
    }
    outageSince = undefined
    previous = last
    const elapsedMs = now() - started
    options.onPoll?.({ elapsedMs, status: last.status, check: checks })
    if (!pending.includes(last.status)) return { kind: 'done', last, elapsedMs, checks }
    const remaining = deadline - now()
    if (remaining <= 0) return { kind: 'timed-out', last, elapsedMs, checks }
    await sleep(Math.min(nextGap(elapsedMs, options.pollIntervalMs, random), remaining), options.signal)
  }
}

export function nextGap(elapsedMs: number, pollIntervalMs: number, random: () => number): number {
  const base = Math.min(pollIntervalMs, Math.max(1000, elapsedMs / 10))
  // Jitter only shortens the gap, so poll-interval stays the longest one, and it spreads
  // the checks so they do not fall in step with a build that started when they did.
  return base * (0.5 + 0.5 * random())
}

/** A failure a retry could have mended, had there been time. */
function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && (error.status === 429 || error.status >= 500))
}
