import { goneStatus, modelGone, modelTimedOut, noTimeLeft } from '../../src/steps/pipeline-reasons.js'

const MODEL = 'M' + 'a'.repeat(63)

describe('pipeline reasons', () => {
  test('a model gone since the check is named with its answer, its hash and the fix', () => {
    const reason = modelGone(MODEL, 404, 'Model not found')
    expect(reason).toContain('its run answered HTTP 404 (not found)')
    expect(reason).toContain(`${MODEL} was Deployed when this run checked it`)
    expect(reason).toContain('set smoke-test-model to the model now deployed')
    expect(reason).toMatch(/\(Model not found\)$/)
    expect(modelGone(MODEL, 409, 'x')).toContain('HTTP 409 (not Deployed)')
  })

  test('only a 404 or a 409 reads as a model gone', () => {
    expect([404, 409, 400, 500, undefined].map(goneStatus)).toEqual([true, true, false, false, false])
  })

  test('a spent timeout says how it was shared, in durations a user reads', () => {
    expect(noTimeLeft(3000, 4200)).toMatch(/smoke-test-timeout is 3s, and the preprocessing took 4s,/)
    expect(noTimeLeft(3000, 4200)).toContain("the model's execution was not started")
    const slow = modelTimedOut('exec-7', 'Running', 60_000, 20_000, 40_000)
    expect(slow).toContain("the model's execution exec-7 was still 'Running' after 40s")
    expect(slow).toContain('smoke-test-timeout is 1m, and the preprocessing took 20s')
  })
})
