import { BUILDING_STATES } from '../api/wire.js'
import { abortableSleep } from '../shared/sleep.js'
import { formatDuration } from '../shared/duration.js'
import { ApiError, NetworkError } from '../shared/errors.js'

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
  /** 0 ≤ x < 1; picks the schedule's phase (Math.random by default). */
  readonly random?: () => number
  /**
   * How long the build is expected to take (ms), once known: the script's previous build
   * (steps/history.ts). Asked before each check, so a hint that arrives during the wait
   * is used from then on; undefined means no hint.
   */
  readonly expectedMs?: () => number | undefined
}

export type WaitOutcome =
  | { readonly kind: 'done'; readonly last: StatusCheck; readonly elapsedMs: number; readonly checks: number }
  | { readonly kind: 'timed-out'; readonly last: StatusCheck; readonly elapsedMs: number; readonly checks: number }

/**
 * The schedule (docs/poll-schedule.md). Times are counted from the start of the
 * wait, i.e. right after the host or run call was answered.
 *
 * - The first check comes after a second: right after a host or run call the server
 *   answers Building/Running anyway, and a quick execution (about 0.6 s on the emulator)
 *   is over by then.
 * - The budget: after the first check, one per 2 s: check n (n ≥ 2) is never due before
 *   1 s + (n − 2) × 2 s, whatever else the schedule does.
 * - Without a hint, check n (n ≥ 3) is due at 1 s + (n − 2) × 2 s + a phase (0–2 s, random
 *   per wait), check 2 halfway between the first and the third, so no gap passes 2 s: a
 *   build is seen at most 2 s (on average 1 s) after it ends, the least any schedule
 *   can promise at that budget without knowing when the build ends. The random phase
 *   keeps the checks out of step with a build that started when the wait did, so a
 *   build of a round length is not always seen late.
 * - With a hint (the expected length E, from the script's previous build, up to 5
 *   minutes): a check every 4 s until 0.9 E saves budget, which then buys a check every
 *   second for as long as the budget allows (until about 1.35 E for E of 30 s or more;
 *   then the budget's own 2 s steps), so a build that takes about as long as the last
 *   one is seen within a second (on average half a second). From 1.5 E on, the schedule
 *   is the one without a hint.
 * - Builds on the platform take 90–250 s (docs/platform-contract.md), so the dense rhythm holds
 *   through 4 minutes; after that each gap grows by a fifth of the time past 4 minutes,
 *   up to poll-interval (the longest gap, 10 s by default): 30 minutes cost about 280
 *   checks.
 * - The last check falls on the deadline.
 */
export const FIRST_CHECK_MS = 1000
export const BUDGET_GAP_MS = 2000
export const DENSE_UNTIL_MS = 240_000
const RAMP_DIVISOR = 5
/**
 * With a hint E: a check every SAVING_GAP_MS before WINDOW_FROM × E, one every
 * DENSE_GAP_MS (budget allowing) until WINDOW_UNTIL × E.
 */
export const SAVING_GAP_MS = 4000
export const DENSE_GAP_MS = 1000
export const WINDOW_FROM = 0.9
export const WINDOW_UNTIL = 1.5
/** Longer hints are ignored; with poll-interval 8 s or more a 30-minute wait then stays under 400 checks. */
export const MAX_HINT_MS = 300_000

/**
 * When check `attempt` (1, 2, …) is due, in ms since the wait began, given when the
 * previous one was due and the expected build length if known. Never later than the
 * previous due time plus poll-interval.
 */
export function nextDueAt(
  attempt: number,
  previousDueMs: number,
  phaseMs: number,
  pollIntervalMs: number,
  expectedMs?: number
): number {
  if (attempt <= 1) return Math.min(FIRST_CHECK_MS, pollIntervalMs)
  // The request budget: after the first check, one per 2 s (check n no earlier than 1 s + (n − 2) × 2 s).
  const budget = FIRST_CHECK_MS + (attempt - 2) * BUDGET_GAP_MS
  const ramp = Math.max(0, previousDueMs - DENSE_UNTIL_MS) / RAMP_DIVISOR
  const window = usableHint(expectedMs)
  let due: number
  // Within a dense gap of the window's start counts as in it: no sliver of a gap before it.
  if (window && previousDueMs < window.from - DENSE_GAP_MS) {
    due = Math.max(budget, Math.min(previousDueMs + SAVING_GAP_MS + ramp, window.from))
  } else if (window && previousDueMs < window.until) {
    // Every second until the budget catches up, then the budget's own 2 s steps.
    due = Math.max(budget, previousDueMs + DENSE_GAP_MS)
  } else {
    // The grid starts at the first check: check 3 at 3 s + the phase, check 2 halfway there,
    // so no gap is over 2 s or under 1 s (a budget of n × 2 s held check 2 until 4–6 s).
    const grid = budget + phaseMs
    due =
      attempt === 2
        ? FIRST_CHECK_MS + (BUDGET_GAP_MS + phaseMs) / 2
        : Math.max(grid, previousDueMs + (attempt === 3 ? DENSE_GAP_MS : BUDGET_GAP_MS) + ramp)
  }
  return Math.min(previousDueMs + pollIntervalMs, due)
}

/**
 * The window a hint opens, or none: a hint past 5 minutes is no use, as by then the gaps
 * have grown to poll-interval.
 */
function usableHint(expectedMs: number | undefined): { from: number; until: number } | undefined {
  if (expectedMs === undefined || expectedMs > MAX_HINT_MS) return undefined
  return { from: expectedMs * WINDOW_FROM, until: expectedMs * WINDOW_UNTIL }
}

/** What a hint does to the schedule, in words, for the log. */
export function describeHint(expectedMs: number): string {
  if (!usableHint(expectedMs)) return `longer than ${MAX_HINT_MS / 60_000} minutes, so it changes nothing`
  return (
    `checking every ${SAVING_GAP_MS / 1000} s until about ${formatDuration(expectedMs * WINDOW_FROM)}, ` +
    'then every second while the request budget allows'
  )
}

/**
 * Checks a status until it leaves the pending states or the deadline passes, on the
 * schedule above. Due times are absolute (from the start), so slow checks or late
 * timers do not stretch the schedule, and the budget holds however long a check takes.
 * `now` is an epoch clock (Date.now by default): the deadline handed to `check` is an
 * absolute time the client compares with its own clock.
 */
export async function waitWhilePending(
  check: (limits: { readonly deadline: number }) => Promise<StatusCheck>,
  options: WaitOptions
): Promise<WaitOutcome> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? abortableSleep
  const pending = options.pendingStates ?? BUILDING_STATES
  const phaseMs = (options.random ?? Math.random)() * BUDGET_GAP_MS
  const started = now()
  const deadline = started + options.timeoutMs
  let previous: StatusCheck | undefined
  let outageSince: number | undefined
  let dueMs = 0
  // `attempt` counts every request (the budget), `checks` the ones that were answered.
  for (let attempt = 1, checks = 0; ; attempt++) {
    dueMs = Math.min(
      nextDueAt(attempt, dueMs, phaseMs, options.pollIntervalMs, options.expectedMs?.()),
      options.timeoutMs
    )
    const wait = started + dueMs - now()
    if (wait > 0) await sleep(wait, options.signal)
    // The deadline goes to the check, so its retries stop there too (client CallOptions).
    let last: StatusCheck
    try {
      last = await check({ deadline })
    } catch (error) {
      if (!isTransient(error)) throw error
      // A transient failure once the deadline has passed is the deadline's doing: the
      // retries stopped there. Report the timeout with the last state seen, not the fault.
      if (now() >= deadline) {
        if (previous) return { kind: 'timed-out', last: previous, elapsedMs: now() - started, checks }
        throw error
      }
      // A server blip during a long build is no news: keep checking, for a while.
      outageSince ??= now()
      const outageMs = now() - outageSince
      if (outageMs >= (options.maxOutageMs ?? 5 * 60_000)) throw error
      options.onTransientFailure?.(error as Error, outageMs)
      continue
    }
    checks++
    outageSince = undefined
    previous = last
    const elapsedMs = now() - started
    options.onPoll?.({ elapsedMs, status: last.status, check: checks })
    if (!pending.includes(last.status)) return { kind: 'done', last, elapsedMs, checks }
    if (now() >= deadline) return { kind: 'timed-out', last, elapsedMs, checks }
  }
}

/** A failure a retry could have mended, had there been time. */
function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && (error.status === 429 || error.status >= 500))
}
