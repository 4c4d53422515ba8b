/**
 * waitWhilePending with a fake clock: the deadline (the last check on it), what ends the
 * wait, cancellation, and faults during the wait. The schedule's rules are in
 * wait-schedule.test.ts and wait-hint.test.ts. No real time passes except in the abort test.
 */
import { FIRST_CHECK_MS, waitWhilePending } from '../../src/steps/wait.js'
import { CancelledError } from '../../src/shared/errors.js'
import { fakeClock, options, overBudget } from '../helpers/wait-clock.js'

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
