/**
 * waitWhilePending with a fake clock: the schedule's rules (first check after a second,
 * then at most one check per 2 s averaged over the wait, at most 400 checks in 30
 * minutes, a build seen within 2 s of its end for the first 4 minutes, poll-interval the
 * longest gap, the last check on the deadline), for many build lengths and phases, and
 * the table of request counts in docs/poll-schedule.md; and with a hint (the previous
 * build's length E): the same budget and bounds, checks every second around E, and that
 * file's second table. No real time passes except in the abort test.
 */
import { readFileSync } from 'node:fs'
import {
  BUDGET_GAP_MS,
  DENSE_GAP_MS,
  DENSE_UNTIL_MS,
  FIRST_CHECK_MS,
  MAX_HINT_MS,
  SAVING_GAP_MS,
  WINDOW_FROM,
  waitWhilePending,
  type StatusCheck,
  type WaitOptions,
  type WaitOutcome
} from '../../src/steps/wait.js'
import { CancelledError } from '../../src/shared/errors.js'
// @ts-expect-error plain ESM script without types
import { officialBuildWait } from '../../scripts/bench/wire.mjs'

/** A clock that moves when the wait sleeps (and when a check takes `checkMs`); records when each check began. */
function fakeClock(checkMs = 0, start = 1_700_000_000_000) {
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

const options = (clock: ReturnType<typeof fakeClock>, extra: Partial<WaitOptions> = {}): WaitOptions => ({
  timeoutMs: 30 * 60_000,
  pollIntervalMs: 10_000,
  now: clock.now,
  sleep: clock.sleep,
  random: () => 0,
  ...extra
})

/** A build that ends `buildMs` after the wait began, waited for with this phase and poll-interval. */
async function build(
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

const PHASES = Array.from({ length: 20 }, (_, i) => i / 20)
/** Build lengths from a fraction of a second to past 30 minutes, with odd values between the round ones. */
const BUILD_LENGTHS = [
  0, 300, 999, 1001, 2500, 3999, 5000, 7300, 12_345, 30_000, 59_999, 60_000, 90_000, 120_000, 181_000, 239_000, 240_000,
  250_000, 275_000, 300_000, 421_000, 600_000, 900_000, 1_234_567, 1_799_000
]

/** Check n (1-based) sent at t ms into the wait: at most one per BUDGET_GAP_MS averaged over the wait so far. */
/** Each check's time with the gap since the one before it. */
function gapsOf(checksAt: readonly number[]): { from: number; to: number; gap: number }[] {
  return checksAt.slice(1).map((to, i) => {
    const from = checksAt[i] ?? to
    return { from, to, gap: to - from }
  })
}

/** The tables the schedule is documented by: docs/poll-schedule.md (until it exists, the README's section). */
function pollScheduleDoc(): string {
  return readFileSync(new URL('../../docs/poll-schedule.md', import.meta.url), 'utf8')
}

/** The budget: after the first check (1 s), one per 2 s; check n (n ≥ 2) no earlier than 1 s + (n − 2) × 2 s. */
function overBudget(checksAt: number[]): string[] {
  const allowed = (t: number) => Math.max(1, (t - FIRST_CHECK_MS) / BUDGET_GAP_MS + 2)
  return checksAt.flatMap((t, i) => (i + 1 > allowed(t) ? [`check ${i + 1} at ${t} ms`] : []))
}

/**
 * Lags (when a build was seen, minus its end) within [0, atMost], their mean within a tenth
 * of atMost of meanAround.
 */
function expectLags(lags: number[], { atMost, meanAround }: { atMost: number; meanAround: number }): void {
  expect(Math.min(...lags)).toBeGreaterThanOrEqual(0)
  expect(Math.max(...lags)).toBeLessThanOrEqual(atMost)
  const mean = lags.reduce((a, b) => a + b, 0) / lags.length
  expect(Math.abs(mean - meanAround)).toBeLessThan(atMost * 0.1)
}

describe('the schedule', () => {
  test(
    'at most one check per 2 s averaged over the wait, at ' + 'every check, for every build length and phase',
    async () => {
      for (const buildMs of BUILD_LENGTHS) {
        for (const phase of PHASES) {
          const { outcome, checksAt } = await build(buildMs, phase)
          expect(outcome.kind).toBe('done')
          expect(overBudget(checksAt)).toEqual([])
        }
      }
    }
  )

  test('the budget holds for any poll-interval of 3 s or more', async () => {
    for (const pollIntervalMs of [3000, 3500, 4000, 60_000]) {
      for (const phase of [0, 0.3, 0.999]) {
        const { checksAt } = await build(10 * 60_000, phase, { pollIntervalMs })
        expect(overBudget(checksAt)).toEqual([])
      }
    }
  })

  test('the budget holds when checks are slow (a check taking 3 s) and the schedule does not drift', async () => {
    const { checksAt } = await build(120_000, 0.3, {}, 3000)
    expect(overBudget(checksAt)).toEqual([])
    // Due times are absolute: a 3 s check delays the next one, but never by more than its own length.
    const fast = await build(120_000, 0.3)
    expect(checksAt.length).toBeGreaterThanOrEqual(fast.checksAt.length * 0.6)
  })

  test('a 30-minute wait costs at most 400 checks, for any poll-interval of 6 s or more', async () => {
    for (const pollIntervalMs of [6000, 10_000, 30_000, 60_000, 10 * 60_000]) {
      for (const phase of [0, 0.5, 0.999]) {
        const clock = fakeClock()
        const outcome = await waitWhilePending(
          clock.check(() => 'Building'),
          options(clock, { pollIntervalMs, random: () => phase })
        )
        expect(outcome).toMatchObject({ kind: 'timed-out', elapsedMs: 30 * 60_000 })
        expect(outcome.checks).toBeLessThanOrEqual(400)
        expect(overBudget(clock.checksAt)).toEqual([])
      }
    }
  })

  test(
    'during the first 4 minutes a build is seen at most 2 s ' + 'after it ends, 1 s on average over the phases',
    async () => {
      for (const buildMs of BUILD_LENGTHS.filter((b) => b >= 2 * BUDGET_GAP_MS && b <= DENSE_UNTIL_MS)) {
        const lags: number[] = []
        for (let i = 0; i < 100; i++) {
          const { outcome } = await build(buildMs, i / 100)
          lags.push(outcome.elapsedMs - buildMs)
        }
        expectLags(lags, { atMost: BUDGET_GAP_MS, meanAround: 1000 })
      }
    }
  )

  test('the first check comes after a second: a quick execution (0.6 s) is seen then, with one request', async () => {
    const clock = fakeClock()
    const outcome = await waitWhilePending(
      clock.check((t) => (t < 600 ? 'Running' : 'Succeeded')),
      options(clock, { pendingStates: ['Requested', 'Running'], random: () => 0.7 })
    )
    expect(outcome).toMatchObject({ kind: 'done', checks: 1, elapsedMs: FIRST_CHECK_MS })
  })

  test('poll-interval is the longest gap between two checks, and long waits reach it', async () => {
    for (const pollIntervalMs of [1000, 1500, 3000, 10_000, 45_000]) {
      for (const phase of [0, 0.6]) {
        const { checksAt } = await build(25 * 60_000, phase, { pollIntervalMs })
        const gaps = gapsOf(checksAt).map((g) => g.gap)
        expect(checksAt[0]).toBeLessThanOrEqual(pollIntervalMs)
        expect(Math.max(...gaps)).toBeLessThanOrEqual(pollIntervalMs + 1e-6)
        expect(Math.max(...gaps)).toBeGreaterThanOrEqual(pollIntervalMs - 1e-6)
      }
    }
  })

  test('past 4 minutes the gaps only grow, from 2 s towards poll-interval', async () => {
    const { checksAt } = await build(20 * 60_000, 0.25)
    const late = checksAt.filter((t) => t >= DENSE_UNTIL_MS)
    const gaps = gapsOf(late).map((g) => g.gap)
    for (const [i, gap] of gaps.entries()) if (i > 0) expect(gap).toBeGreaterThanOrEqual((gaps[i - 1] ?? 0) - 1e-6)
    expect(gaps[0]).toBeLessThan(3000)
    expect(gaps.at(-1)).toBe(10_000)
  })

  test("docs/poll-schedule.md's table of request counts is what the schedule does", async () => {
    const section = pollScheduleDoc()
    const rows = [
      ...section.matchAll(
        /^\| (\d+) (s|min) \| (\d+)(?:–(\d+))? \| (\d+\.\d) s \| (\d+\.\d) s \| (\d+) \| (\d+) s \|$/gm
      )
    ]
    expect(rows.map((row) => `${row[1]} ${row[2]}`)).toEqual(['5 s', '60 s', '120 s', '5 min', '30 min'])
    for (const [, amount, unit, fewest, most = fewest, worstLag, meanLag, officialChecks, officialLag] of rows) {
      const buildMs = Number(amount) * (unit === 'min' ? 60_000 : 1000)
      // Over the phases, with a deadline well past the build.
      const runs = await Promise.all(PHASES.map((phase) => build(buildMs, phase, { timeoutMs: 2 * buildMs + 60_000 })))
      const counts = runs.map((run) => run.outcome.checks)
      const lags = runs.map((run) => (run.outcome.elapsedMs - buildMs) / 1000)
      expect([Math.min(...counts), Math.max(...counts)]).toEqual([Number(fewest), Number(most)])
      // The tables round to a tenth of a second.
      expect(Math.abs(Math.max(...lags) - Number(worstLag))).toBeLessThanOrEqual(0.1)
      expect(Math.abs(lags.reduce((a, b) => a + b, 0) / lags.length - Number(meanLag))).toBeLessThanOrEqual(0.1)
      // The official client's columns: its schedule as the benchmark computes it.
      expect(officialBuildWait(buildMs)).toEqual({ checks: Number(officialChecks), lagMs: Number(officialLag) * 1000 })
    }
  })
})

/** Expected lengths (the previous build) from very short to past the deadline. */
const HINTS = [
  500, 1000, 3000, 5000, 20_000, 60_000, 61_700, 90_000, 120_000, 200_000, 250_000, 400_000, 1_200_000, 3_600_000
]
const hinted = (expected: number) => ({ expectedMs: () => expected })

describe('the schedule with a hint (the previous build took E)', () => {
  test(
    'the budget holds at every check, and no two checks come less than a ' +
      'second apart, for every hint, build length and phase',
    async () => {
      for (const expected of [...HINTS, 10_003, 59_990]) {
        for (const buildMs of BUILD_LENGTHS) {
          for (const phase of [0, 0.37, 0.999]) {
            const { outcome, checksAt } = await build(buildMs, phase, hinted(expected))
            expect(outcome.kind).toBe('done')
            expect(overBudget(checksAt)).toEqual([])
            const gaps = gapsOf(checksAt).map((g) => g.gap)
            expect(Math.min(...gaps)).toBeGreaterThanOrEqual(DENSE_GAP_MS - 1e-6)
          }
        }
      }
    }
  )

  test(
    'a build that takes about as long as the last one (0.9 E to 1.25 E, for E ' +
      'from 30 s to 5 min) is seen within 1 s, on average 0.5 s',
    async () => {
      for (const expected of [
        30_000,
        45_000,
        60_000,
        61_700,
        90_000,
        120_000,
        180_000,
        240_000,
        250_000,
        MAX_HINT_MS
      ]) {
        const lags: number[] = []
        for (let i = 0; i <= 40; i++) {
          const buildMs = expected * (WINDOW_FROM + (i / 40) * 0.35)
          const { outcome, checksAt } = await build(buildMs, i / 41, hinted(expected))
          expect(overBudget(checksAt)).toEqual([])
          lags.push(outcome.elapsedMs - buildMs)
        }
        expectLags(lags, { atMost: DENSE_GAP_MS, meanAround: 500 })
      }
    }
  )

  test(
    'in the first 4 minutes, a build far off the hint is seen at most one ' +
      'saving gap (4 s) late if earlier, the usual 2 s if later',
    async () => {
      for (const expected of [60_000, 120_000, 200_000]) {
        for (const buildMs of [
          5000,
          12_345,
          expected * 0.5,
          expected * 0.85,
          expected * 1.6,
          expected * 2,
          DENSE_UNTIL_MS - 1
        ].filter((b) => b <= DENSE_UNTIL_MS)) {
          for (const phase of [0, 0.5, 0.99]) {
            const { outcome } = await build(buildMs, phase, hinted(expected))
            const lag = outcome.elapsedMs - buildMs
            expect(lag).toBeGreaterThanOrEqual(0)
            expect(lag).toBeLessThanOrEqual(buildMs < expected ? SAVING_GAP_MS : BUDGET_GAP_MS)
          }
        }
      }
    }
  )

  test(
    'a 30-minute wait costs at most 400 checks with any hint for a ' +
      'poll-interval of 8 s or more, and poll-interval stays the longest gap',
    async () => {
      for (const expected of [...HINTS, 299_000, MAX_HINT_MS]) {
        for (const pollIntervalMs of [8000, 10_000, 60_000]) {
          const clock = fakeClock()
          const outcome = await waitWhilePending(
            clock.check(() => 'Building'),
            options(clock, { pollIntervalMs, random: () => 0.5, ...hinted(expected) })
          )
          expect(outcome).toMatchObject({ kind: 'timed-out', elapsedMs: 30 * 60_000 })
          expect(outcome.checks).toBeLessThanOrEqual(400)
          expect(overBudget(clock.checksAt)).toEqual([])
          const gaps = gapsOf(clock.checksAt).map((g) => g.gap)
          expect(Math.max(...gaps)).toBeLessThanOrEqual(pollIntervalMs + 1e-6)
          // The deadline is exact: the last check falls on it.
          expect(clock.checksAt.at(-1)).toBe(30 * 60_000)
        }
      }
    }
  )

  test('the budget holds for any poll-interval of 3 s or more with a hint too', async () => {
    for (const pollIntervalMs of [3000, 3500, 4000, 60_000]) {
      for (const expected of HINTS) {
        const { checksAt } = await build(10 * 60_000, 0.3, { pollIntervalMs, ...hinted(expected) })
        expect(overBudget(checksAt)).toEqual([])
      }
    }
  })

  test("docs/poll-schedule.md's table for a previous build is what the schedule does", async () => {
    const section = pollScheduleDoc()
    const rows = [...section.matchAll(/^\| (\d+) s \| (\d+) s \| (\d+) s \| (\d+) \| (\d+\.\d) s \|$/gm)]
    expect(rows.map((row) => Number(row[1]))).toEqual([60, 120, 200])
    for (const [, previous, savingUntil, denseUntil, checks, lag] of rows) {
      const expected = Number(previous) * 1000
      const buildMs = expected + 500
      const { outcome, checksAt } = await build(buildMs, 0.5, { ...hinted(expected), timeoutMs: 10 * 60_000 })
      expect(outcome.checks).toBe(Number(checks))
      expect((outcome.elapsedMs - buildMs) / 1000).toBeCloseTo(Number(lag), 5)
      // The dense part, over a build that never ends: from the last 4 s gap to the last 1 s gap.
      const never = await build(10 * 60_000, 0.5, { ...hinted(expected), timeoutMs: 10 * 60_000 })
      const dense = gapsOf(never.checksAt).filter((g) => g.gap === DENSE_GAP_MS)
      expect(dense[0]?.from).toBe(Number(savingUntil) * 1000)
      expect(dense.at(-1)?.to).toBe(Number(denseUntil) * 1000)
      expect(overBudget(checksAt)).toEqual([])
    }
  })

  test('a hint past 5 minutes is ignored: the schedule is the one without a hint', async () => {
    for (const buildMs of [60_000, 400_000]) {
      const plain = await build(buildMs, 0.4)
      const long = await build(buildMs, 0.4, hinted(MAX_HINT_MS + 1))
      expect(long.checksAt).toEqual(plain.checksAt)
      const within = await build(buildMs, 0.4, hinted(MAX_HINT_MS))
      expect(within.checksAt).not.toEqual(plain.checksAt)
    }
  })

  test(
    'a hint may arrive at any check: the budget holds, and a build near ' +
      'E is still seen within 1 s if it came before 0.9 E',
    async () => {
      const expected = 60_000
      for (let arrivesAfter = 1; arrivesAfter <= 40; arrivesAfter++) {
        let hint: number | undefined
        let checks = 0
        const clock = fakeClock()
        const buildMs = 61_300
        const outcome = await waitWhilePending(
          clock.check((t) => {
            if (++checks >= arrivesAfter) hint = expected
            return t < buildMs ? 'Building' : 'Deployed'
          }),
          options(clock, { random: () => 0.42, expectedMs: () => hint })
        )
        expect(overBudget(clock.checksAt)).toEqual([])
        const hintedAt = clock.checksAt[arrivesAfter - 1]
        // The checks before the hint were on the 2 s grid, spending the budget as it came: the
        // hint must leave time for 4 s gaps to save enough for the dense ones (the lookup answers
        // within its 5 s, and a record's hint is there from the start).
        if (hintedAt !== undefined && hintedAt < expected * WINDOW_FROM - 16_000)
          expect(outcome.elapsedMs - buildMs).toBeLessThanOrEqual(DENSE_GAP_MS)
        else expect(outcome.elapsedMs - buildMs).toBeLessThanOrEqual(BUDGET_GAP_MS)
      }
    }
  )

  test('a hint that arrives during the wait is used from the next check on', async () => {
    let hint: number | undefined
    const clock = fakeClock()
    const buildMs = 61_300
    const outcome = await waitWhilePending(
      clock.check((t) => {
        if (t >= 3000) hint = 60_000 // the history lookup answered while the first checks ran
        return t < buildMs ? 'Building' : 'Deployed'
      }),
      options(clock, { random: () => 0.9, expectedMs: () => hint })
    )
    expect(outcome.elapsedMs - buildMs).toBeLessThanOrEqual(DENSE_GAP_MS)
    // Before the window the checks were 4 s apart, in it 1 s.
    const gaps = gapsOf(clock.checksAt)
    expect(gaps.filter(({ from }) => from > 10_000 && from < 50_000).every(({ gap }) => gap === SAVING_GAP_MS)).toBe(
      true
    )
    expect(gaps.filter(({ from }) => from >= 54_000).every(({ gap }) => gap === DENSE_GAP_MS)).toBe(true)
    expect(overBudget(clock.checksAt)).toEqual([])
  })
})

describe('waitWhilePending', () => {
  test('the deadline: the last check falls on it, then the wait ends as timed-out naming the last state', async () => {
    for (const [timeoutMs, phase] of [
      [3000, 0],
      [7_777, 0.5],
      [95_000, 0.37],
      [400_000, 0.99]
    ] as const) {
      const clock = fakeClock()
      const outcome = await waitWhilePending(
        clock.check(() => 'Building'),
        options(clock, { timeoutMs, random: () => phase })
      )
      expect(outcome).toMatchObject({ kind: 'timed-out', last: { status: 'Building' }, elapsedMs: timeoutMs })
      expect(clock.checksAt.at(-1)).toBe(timeoutMs)
      expect(overBudget(clock.checksAt.slice(0, -1))).toEqual([])
    }
  })

  test('a wait shorter than the first check still checks once, on the deadline', async () => {
    const clock = fakeClock()
    const outcome = await waitWhilePending(
      clock.check(() => 'Building'),
      options(clock, { timeoutMs: 400 })
    )
    expect(outcome).toMatchObject({ kind: 'timed-out', elapsedMs: 400, checks: 1 })
  })

  test('each check is told the deadline, so its retries stop there too', async () => {
    const clock = fakeClock()
    const deadlines: number[] = []
    await waitWhilePending(
      async ({ deadline }) => {
        deadlines.push(deadline)
        return { status: deadlines.length < 3 ? 'Building' : 'Failed', message: 'boom' }
      },
      options(clock, { timeoutMs: 60_000 })
    )
    expect(deadlines).toEqual([clock.start + 60_000, clock.start + 60_000, clock.start + 60_000])
  })

  test('any state outside the pending ones ends the wait: Failed, Ready, Disabled, an unknown one', async () => {
    for (const status of ['Failed', 'Ready', 'Disabled', 'SomethingNew']) {
      const clock = fakeClock()
      const outcome = await waitWhilePending(
        clock.check((t) => (t < 2000 ? 'Building' : status)),
        options(clock)
      )
      expect(outcome).toMatchObject({ kind: 'done', last: { status } })
    }
  })

  test('custom pending states (an execution: Requested, Running) and onPoll', async () => {
    const clock = fakeClock()
    const polls: string[] = []
    const outcome = await waitWhilePending(
      clock.check((t) => (t < 1000 ? 'Requested' : t < 5000 ? 'Running' : 'Succeeded')),
      options(clock, {
        pendingStates: ['Requested', 'Running'],
        onPoll: (poll) => polls.push(`${poll.check}:${poll.status}@${poll.elapsedMs}`)
      })
    )
    expect(outcome.last.status).toBe('Succeeded')
    expect(polls).toEqual(['1:Running@1000', '2:Running@2000', '3:Running@3000', '4:Succeeded@5000'])
  })

  test('an abort ends the wait at once with CancelledError (real sleep)', async () => {
    const cancel = new AbortController()
    setTimeout(() => cancel.abort('SIGTERM'), 50)
    const error = await waitWhilePending(async () => ({ status: 'Building', message: null }), {
      timeoutMs: 60_000,
      pollIntervalMs: 10_000,
      signal: cancel.signal
    }).catch((e) => e)
    expect(error).toBeInstanceOf(CancelledError)
    expect(error.message).toBe('Cancelled by SIGTERM')
  })

  test('a failing check is not swallowed', async () => {
    const clock = fakeClock()
    await expect(
      waitWhilePending(async () => {
        throw new Error('GET /preprocessing/status failed')
      }, options(clock))
    ).rejects.toThrow('GET /preprocessing/status failed')
  })
})

describe('a fault during the wait', () => {
  test('a transient failure once the deadline has passed ends as timed-out with the last state seen', async () => {
    const { ApiError } = await import('../../src/shared/errors.js')
    const clock = fakeClock()
    let calls = 0
    const outcome = await waitWhilePending(
      async () => {
        calls++
        if (calls === 1) return { status: 'Building', message: null }
        clock.advance(5000) // the retries ran until the deadline, then gave up
        throw new ApiError('GET', '/preprocessing/status/g/h', 503, 'busy')
      },
      options(clock, { timeoutMs: 3000 })
    )
    expect(outcome).toMatchObject({ kind: 'timed-out', last: { status: 'Building' }, checks: 1 })
  })

  test(
    'a transient failure before the deadline is no news: the wait ' + 'goes on on the same schedule, and ends Deployed',
    async () => {
      const { ApiError } = await import('../../src/shared/errors.js')
      const clock = fakeClock()
      let calls = 0
      const failures: number[] = []
      const outcome = await waitWhilePending(
        async () => {
          calls++
          clock.checksAt.push(clock.now() - clock.start)
          if (calls >= 2 && calls <= 4) throw new ApiError('GET', '/x', 503, 'busy')
          return { status: calls < 6 ? 'Building' : 'Deployed', message: null }
        },
        options(clock, { onTransientFailure: (_e, outageMs) => failures.push(outageMs) })
      )
      expect(outcome).toMatchObject({ kind: 'done', last: { status: 'Deployed' }, checks: 3 })
      // Failed requests count against the budget too: the checks stay on the grid (phase 0: 1, 2, 3, 5, 7… s).
      expect(clock.checksAt).toEqual([1000, 2000, 3000, 5000, 7000, 9000])
      expect(failures).toEqual([0, 1000, 3000])
    }
  )

  test('an outage longer than maxOutageMs, or a non-transient failure, ends the wait with the error', async () => {
    const { ApiError } = await import('../../src/shared/errors.js')
    const failing = (clock: ReturnType<typeof fakeClock>, status: number) => async () => {
      if (clock.now() - clock.start <= FIRST_CHECK_MS) return { status: 'Building', message: null }
      throw new ApiError('GET', '/x', status, 'no')
    }
    const outage = fakeClock()
    await expect(waitWhilePending(failing(outage, 503), options(outage, { maxOutageMs: 5000 }))).rejects.toThrow(
      'HTTP 503'
    )
    // Failures at 2, 3, 5 s go on; the one at 7 s is 5 s into the outage, the 5 s allowed.
    expect(outage.now() - outage.start).toBe(7000)
    const refusal = fakeClock()
    await expect(waitWhilePending(failing(refusal, 404), options(refusal))).rejects.toThrow('HTTP 404')
    expect(refusal.now() - refusal.start).toBe(2000)
  })
})
