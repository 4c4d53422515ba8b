/**
 * The wait's schedule with a hint (the previous build's length E), on a fake clock: the
 * same budget and bounds as without one, checks every second around E, a hint too long or
 * arriving late, and docs/poll-schedule.md's second table.
 */
import {
  BUDGET_GAP_MS,
  DENSE_GAP_MS,
  DENSE_UNTIL_MS,
  MAX_HINT_MS,
  SAVING_GAP_MS,
  WINDOW_FROM,
  waitWhilePending
} from '../../src/steps/wait.js'
import {
  BUILD_LENGTHS,
  HINTS,
  build,
  expectLags,
  fakeClock,
  gapsOf,
  hinted,
  options,
  overBudget,
  pollScheduleDoc
} from '../helpers/wait-clock.js'

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
