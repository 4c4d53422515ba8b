/**
 * The wait's schedule with a fake clock: the first check after a second, then at most one
 * check per 2 s averaged over the wait, at most 400 checks in 30 minutes, a build seen
 * within 2 s of its end for the first 4 minutes, poll-interval the longest gap, for many
 * build lengths and phases, and the table of request counts in docs/poll-schedule.md.
 */
import { BUDGET_GAP_MS, DENSE_UNTIL_MS, FIRST_CHECK_MS, waitWhilePending } from '../../src/steps/wait.js'
// @ts-expect-error plain ESM script without types
import { officialBuildWait } from '../../scripts/bench/wire.mjs'
import {
  BUILD_LENGTHS,
  PHASES,
  build,
  expectLags,
  fakeClock,
  gapsOf,
  options,
  overBudget,
  pollScheduleDoc
} from '../helpers/wait-clock.js'

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
