/**
 * The wait's tests' fake time (__tests__/steps/wait*.test.ts): a clock that moves when the
 * wait sleeps, builds of any length and phase waited for on it, the budget and lag checks,
 * the documented tables' page, and the previous-build hints they try.
 */
import { readFileSync } from 'node:fs'
import {
  BUDGET_GAP_MS,
  FIRST_CHECK_MS,
  waitWhilePending,
  type StatusCheck,
  type WaitOptions,
  type WaitOutcome
} from '../../src/steps/wait.js'

/** A clock that moves when the wait sleeps (and when a check takes `checkMs`); records when each check began. */
export function fakeClock(checkMs = 0, start = 1_700_000_000_000) {
  let now = start
  const checksAt: number[] = []
  return {
    start,
    checksAt,
    now: () => now,
    advance: (ms: number) => void (now += ms),
    sleep: async (ms: number) => void (now += ms),
    /** A check answering `status(elapsedMs)` at the moment it is sent. */
    check: (status: (elapsedMs: number) => string) => async (): Promise<StatusCheck> => {
      const at = now - start
      checksAt.push(at)
      now += checkMs
      return { status: status(at), message: null }
    }
  }
}

export const options = (clock: ReturnType<typeof fakeClock>, extra: Partial<WaitOptions> = {}): WaitOptions => ({
  timeoutMs: 30 * 60_000,
  pollIntervalMs: 10_000,
  now: clock.now,
  sleep: clock.sleep,
  random: () => 0,
  ...extra
})

/** A build that ends `buildMs` after the wait began, waited for with this phase and poll-interval. */
export async function build(
  buildMs: number,
  phase: number,
  extra: Partial<WaitOptions> = {},
  checkMs = 0
): Promise<{ outcome: WaitOutcome; checksAt: number[] }> {
  const clock = fakeClock(checkMs)
  const outcome = await waitWhilePending(
    clock.check((t) => (t < buildMs ? 'Building' : 'Deployed')),
    options(clock, { random: () => phase, ...extra })
  )
  return { outcome, checksAt: clock.checksAt }
}

export const PHASES = Array.from({ length: 20 }, (_, i) => i / 20)
/** Build lengths from a fraction of a second to past 30 minutes, with odd values between the round ones. */
export const BUILD_LENGTHS = [
  0, 300, 999, 1001, 2500, 3999, 5000, 7300, 12_345, 30_000, 59_999, 60_000, 90_000, 120_000, 181_000, 239_000, 240_000,
  250_000, 275_000, 300_000, 421_000, 600_000, 900_000, 1_234_567, 1_799_000
]

/** Each check's time with the gap since the one before it. */
export function gapsOf(checksAt: readonly number[]): { from: number; to: number; gap: number }[] {
  return checksAt.slice(1).map((to, i) => {
    const from = checksAt[i] ?? to
    return { from, to, gap: to - from }
  })
}

/** The tables the schedule is documented by: docs/poll-schedule.md. */
export function pollScheduleDoc(): string {
  return readFileSync(new URL('../../docs/poll-schedule.md', import.meta.url), 'utf8')
}

/** The budget: after the first check (1 s), one per 2 s; check n (n ≥ 2) no earlier than 1 s + (n − 2) × 2 s. */
export function overBudget(checksAt: number[]): string[] {
  const allowed = (t: number) => Math.max(1, (t - FIRST_CHECK_MS) / BUDGET_GAP_MS + 2)
  return checksAt.flatMap((t, i) => (i + 1 > allowed(t) ? [`check ${i + 1} at ${t} ms`] : []))
}

/**
 * Lags (when a build was seen, minus its end) within [0, atMost], their mean within a tenth
 * of atMost of meanAround.
 */
export function expectLags(lags: number[], { atMost, meanAround }: { atMost: number; meanAround: number }): void {
  expect(Math.min(...lags)).toBeGreaterThanOrEqual(0)
  expect(Math.max(...lags)).toBeLessThanOrEqual(atMost)
  const mean = lags.reduce((a, b) => a + b, 0) / lags.length
  expect(Math.abs(mean - meanAround)).toBeLessThan(atMost * 0.1)
}

/** Expected lengths (the previous build) from very short to past the deadline. */
export const HINTS = [
  500, 1000, 3000, 5000, 20_000, 60_000, 61_700, 90_000, 120_000, 200_000, 250_000, 400_000, 1_200_000, 3_600_000
]
export const hinted = (expected: number) => ({ expectedMs: () => expected })
