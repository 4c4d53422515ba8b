/**
 * waitWhilePending with a fake clock: the gap schedule (about a second at first,
 * stretching to a tenth of the time waited, capped at poll-interval), its jitter, the
 * deadline (the last check falls on it, then timed-out) and cancellation.
 */
import { nextGap, waitWhilePending, type StatusCheck, type WaitOptions } from '../src/deploy/wait.js'
import { CancelledError } from '../src/errors.js'

/** A clock that only moves when the wait sleeps; records when each check happened. */
function fakeClock(start = 1_700_000_000_000) {
  let now = start
  const checksAt: number[] = []
  const gaps: number[] = []
  return {
    start,
    checksAt,
    gaps,
    now: () => now,
    sleep: async (ms: number) => {
      gaps.push(ms)
      now += ms
    },
    /** A check answering `status(elapsedMs)`. */
    check: (status: (elapsedMs: number) => string) => async (): Promise<StatusCheck> => {
      checksAt.push(now - start)
      return { status: status(now - start), message: null }
    }
  }
}

const options = (clock: ReturnType<typeof fakeClock>, extra: Partial<WaitOptions> = {}): WaitOptions => ({
  timeoutMs: 30 * 60_000,
  pollIntervalMs: 10_000,
  now: clock.now,
  sleep: clock.sleep,
  // 1 = no jitter: the gap is its full base.
  random: () => 1,
  ...extra
})

describe('waitWhilePending', () => {
  test('the gap starts at about a second and stretches to poll-interval', async () => {
    const clock = fakeClock()
    const outcome = await waitWhilePending(clock.check(t => (t < 10 * 60_000 ? 'Building' : 'Deployed')), options(clock))
    expect(outcome.kind).toBe('done')
    expect(outcome.last.status).toBe('Deployed')
    expect(clock.gaps[0]).toBe(1000)
    // Never shrinking, never above poll-interval, reaching it once a tenth of the wait exceeds it.
    for (let i = 1; i < clock.gaps.length; i++) expect(clock.gaps[i]).toBeGreaterThanOrEqual(clock.gaps[i - 1])
    expect(Math.max(...clock.gaps)).toBe(10_000)
    // In between, each gap is a tenth of the time waited so far (random 1 = no jitter).
    clock.gaps.forEach((gap, i) => expect(gap).toBeCloseTo(Math.min(10_000, Math.max(1000, clock.checksAt[i] / 10)), 6))
    expect(clock.gaps.filter(gap => gap === 1000).length).toBeGreaterThanOrEqual(10)
  })

  test('a short build is seen within about a second; a 4-minute build costs 50 to 65 checks', async () => {
    const short = fakeClock()
    const quick = await waitWhilePending(short.check(t => (t < 500 ? 'Building' : 'Deployed')), options(short))
    expect(quick).toMatchObject({ kind: 'done', checks: 2, elapsedMs: 1000 })

    const long = fakeClock()
    const slow = await waitWhilePending(long.check(t => (t < 240_000 ? 'Building' : 'Deployed')), options(long))
    // No jitter: 10 one-second gaps, ~24 growing ones up to 100 s, then 10 s gaps: about 50.
    expect(slow.checks).toBeGreaterThanOrEqual(45)
    expect(slow.checks).toBeLessThanOrEqual(52)
    // Average jitter (gaps at 75% of their base): a few more.
    const jittered = fakeClock()
    const average = await waitWhilePending(jittered.check(t => (t < 240_000 ? 'Building' : 'Deployed')), options(jittered, { random: () => 0.5 }))
    expect(average.checks).toBeGreaterThan(slow.checks)
    expect(average.checks).toBeLessThanOrEqual(65)
    // Seen at most a tenth of the build time (+ jitter) after it ended.
    expect(slow.elapsedMs - 240_000).toBeLessThanOrEqual(24_000 * 1.1)
  })

  test('jitter shortens a gap by at most half its base, and never lengthens it past poll-interval', () => {
    expect(nextGap(0, 10_000, () => 0)).toBe(500)
    expect(nextGap(0, 10_000, () => 1)).toBe(1000)
    expect(nextGap(50_000, 10_000, () => 0)).toBe(2500)
    expect(nextGap(50_000, 10_000, () => 0.999999)).toBeCloseTo(5000, 0)
    expect(nextGap(500_000, 10_000, () => 0)).toBe(5000)
    expect(nextGap(500_000, 10_000, () => 1)).toBe(10_000)
    for (let i = 0; i <= 100; i++) {
      const r = i / 100
      for (const elapsed of [0, 5_000, 20_000, 80_000, 1_000_000]) {
        const base = Math.min(10_000, Math.max(1000, elapsed / 10))
        const gap = nextGap(elapsed, 10_000, () => r)
        expect(gap).toBeGreaterThanOrEqual(base * 0.5 - 1e-9)
        expect(gap).toBeLessThanOrEqual(base + 1e-9)
      }
    }
  })

  test('the deadline: the last check falls on it, then the wait ends as timed-out naming the last state', async () => {
    const clock = fakeClock()
    const outcome = await waitWhilePending(clock.check(() => 'Building'), options(clock, { timeoutMs: 3000, pollIntervalMs: 2000, random: () => 1 }))
    expect(outcome).toMatchObject({ kind: 'timed-out', last: { status: 'Building' }, elapsedMs: 3000 })
    expect(clock.checksAt[clock.checksAt.length - 1]).toBe(3000)
    expect(clock.checksAt).toEqual([0, 1000, 2000, 3000])
    expect(outcome.checks).toBe(4)
  })

  test('a long deadline is met exactly, whatever the jitter', async () => {
    for (const r of [0, 0.37, 1]) {
      const clock = fakeClock()
      const outcome = await waitWhilePending(clock.check(() => 'Recovering'), options(clock, { timeoutMs: 95_000, pollIntervalMs: 10_000, random: () => r }))
      expect(outcome.kind).toBe('timed-out')
      expect(outcome.elapsedMs).toBe(95_000)
      // Every gap but the last (cut to the deadline) follows the schedule.
      expect(clock.gaps.every(gap => gap <= 10_000)).toBe(true)
    }
  })

  test('each check is told the deadline, so its retries stop there too', async () => {
    const clock = fakeClock()
    const deadlines: number[] = []
    await waitWhilePending(async ({ deadline }) => {
      deadlines.push(deadline)
      return { status: deadlines.length < 3 ? 'Building' : 'Failed', message: 'boom' }
    }, options(clock, { timeoutMs: 60_000 }))
    expect(deadlines).toEqual([clock.start + 60_000, clock.start + 60_000, clock.start + 60_000])
  })

  test('any state outside the pending ones ends the wait: Failed, Ready, Disabled, an unknown one', async () => {
    for (const status of ['Failed', 'Ready', 'Disabled', 'SomethingNew']) {
      const clock = fakeClock()
      const outcome = await waitWhilePending(clock.check(t => (t < 2000 ? 'Building' : status)), options(clock))
      expect(outcome).toMatchObject({ kind: 'done', last: { status } })
    }
  })

  test('custom pending states (an execution: Requested, Running) and onPoll', async () => {
    const clock = fakeClock()
    const polls: string[] = []
    const outcome = await waitWhilePending(clock.check(t => (t < 1000 ? 'Requested' : t < 2500 ? 'Running' : 'Succeeded')), options(clock, {
      pendingStates: ['Requested', 'Running'],
      onPoll: poll => polls.push(`${poll.check}:${poll.status}@${poll.elapsedMs}`)
    }))
    expect(outcome.last.status).toBe('Succeeded')
    expect(polls).toEqual(['1:Requested@0', '2:Running@1000', '3:Running@2000', '4:Succeeded@3000'])
  })

  test('an abort ends the wait at once with CancelledError (real sleep)', async () => {
    const cancel = new AbortController()
    setTimeout(() => cancel.abort('SIGTERM'), 50)
    const started = Date.now()
    const error = await waitWhilePending(async () => ({ status: 'Building', message: null }), { timeoutMs: 60_000, pollIntervalMs: 10_000, signal: cancel.signal }).catch(e => e)
    expect(error).toBeInstanceOf(CancelledError)
    expect(error.message).toBe('Cancelled by SIGTERM')
    expect(Date.now() - started).toBeLessThan(1000)
  })

  test('a failing check is not swallowed', async () => {
    const clock = fakeClock()
    await expect(waitWhilePending(async () => {
      throw new Error('GET /preprocessing/status failed')
    }, options(clock))).rejects.toThrow('GET /preprocessing/status failed')
  })
})

describe('a fault at the deadline', () => {
  test('a transient failure once the deadline has passed ends as timed-out with the last state seen', async () => {
    const { ApiError } = await import('../src/errors.js')
    let t = 0
    let calls = 0
    const outcome = await waitWhilePending(
      async () => {
        calls++
        if (calls === 1) return { status: 'Building', message: null }
        t = 5000 // the retries ran until the deadline, then gave up
        throw new ApiError('GET', '/preprocessing/status/g/h', 503, 'busy')
      },
      { timeoutMs: 3000, pollIntervalMs: 1000, now: () => t, sleep: async ms => void (t += ms), random: () => 1 }
    )
    expect(outcome).toMatchObject({ kind: 'timed-out', last: { status: 'Building' }, checks: 1 })
  })

  test('a transient failure before the deadline is no news: the wait goes on, and ends Deployed', async () => {
    const { ApiError } = await import('../src/errors.js')
    let t = 0
    let calls = 0
    const failures: number[] = []
    const outcome = await waitWhilePending(
      async () => {
        calls++
        if (calls >= 2 && calls <= 4) throw new ApiError('GET', '/x', 503, 'busy')
        return { status: calls < 6 ? 'Building' : 'Deployed', message: null }
      },
      { timeoutMs: 60_000, pollIntervalMs: 1000, now: () => t, sleep: async ms => void (t += ms), random: () => 1, onTransientFailure: (_e, outageMs) => failures.push(outageMs) }
    )
    expect(outcome).toMatchObject({ kind: 'done', last: { status: 'Deployed' }, checks: 3 })
    expect(failures).toEqual([0, 1000, 2000])
  })

  test('an outage longer than maxOutageMs, or a non-transient failure, ends the wait with the error', async () => {
    const { ApiError } = await import('../src/errors.js')
    let t = 0
    const failing = (status: number) => async () => {
      if (t === 0) {
        t = 1
        return { status: 'Building', message: null }
      }
      throw new ApiError('GET', '/x', status, 'no')
    }
    const options = { timeoutMs: 60_000, pollIntervalMs: 1000, maxOutageMs: 5000, now: () => t, sleep: async (ms: number) => void (t += ms), random: () => 1 }
    await expect(waitWhilePending(failing(503), options)).rejects.toThrow('HTTP 503')
    expect(t).toBeGreaterThanOrEqual(5000)
    expect(t).toBeLessThan(60_000)
    t = 0
    await expect(waitWhilePending(failing(404), options)).rejects.toThrow('HTTP 404')
    expect(t).toBe(1001)
  })
})
