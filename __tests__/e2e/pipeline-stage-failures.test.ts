/**
 * How a pipeline's failures are told, through the bundle against the emulator: a
 * call refused outright (not a failed execution) still names its stage and keeps both stages
 * in smoke-test-stages and the summary; the model's run is bounded by what is left of
 * smoke-test-timeout; smoke-test-expect on a v2 pipeline is the model result's; and the
 * summary says whose result zip it describes.
 */
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD } from '../../emulator/index.js'
import { defaultEmulatorPython, hasPandas } from '../../src/harness/interpreter.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, runAction } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'
import {
  ASYNC_MODEL,
  MODELS,
  SYNC_MODEL,
  asyncPipelineInputs,
  asyncWorkspace,
  stagesOf,
  syncPipelineInputs,
  syncWorkspace
} from '../helpers/pipeline.js'

/** An Async model that takes longer than any smoke-test-timeout below. */
const SLOW_MODEL = `M${'b'.repeat(63)}`
const SLOW = `
import time

def score(data_path, base_path):
    time.sleep(8)
    raise ValueError("too late")
`
const emulator = useEmulator({
  buildSeconds: 0,
  models: [...MODELS, { hash: SLOW_MODEL, operation: 'Async', code: SLOW }]
})
const MODEL_RUN = `^/api/model/async/run/datarisk/${ASYNC_MODEL}$`
const modelRuns = () => emulator.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/model/'))

test('a model run refused outright fails the model stage; the preprocessing stage stays passed', async () => {
  emulator.addFault({ kind: 'status', status: 400, method: 'POST', path: MODEL_RUN, times: 1 })
  const run = await runAction(asyncPipelineInputs(emulator.url, ASYNC_MODEL), { workspace: asyncWorkspace('ok') })
  expect(run.code).toBe(1)
  const error = errorsOf(run).join('\n')
  expect(error).toMatch(
    /Smoke test failed: the model run failed: .*POST \/model\/async\/run\/datarisk\/M2+ answered HTTP 400/
  )
  expect(stagesOf(run)).toEqual({
    preprocessing: { outcome: 'passed', ms: expect.any(Number) },
    model: { outcome: 'failed', ms: expect.any(Number) }
  })
  expect(run.summary).toMatch(/preprocessing ✅ passed in .* → model ❌ failed/)
  // A write refused with 400 is not sent again.
  expect(modelRuns()).toHaveLength(1)
  expectNoSecretLeaks(run, [DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD])
})

test("the script's run refused outright fails the preprocessing stage; the model is never called", async () => {
  emulator.addFault({ kind: 'status', status: 400, method: 'POST', path: '^/api/preprocessing/async/run/', times: 1 })
  const run = await runAction(asyncPipelineInputs(emulator.url, ASYNC_MODEL), { workspace: asyncWorkspace('ok') })
  expect(run.code).toBe(1)
  expect(errorsOf(run).join('\n')).toMatch(
    /Smoke test failed: the preprocessing failed: .*POST \/preprocessing\/async\/run\/.* answered HTTP 400/
  )
  expect(stagesOf(run)).toEqual({
    preprocessing: { outcome: 'failed', ms: expect.any(Number) },
    model: { outcome: 'skipped', ms: null }
  })
  expect(modelRuns()).toEqual([])
})

test('a model slower than what is left of smoke-test-timeout fails the model stage, naming the timeout', async () => {
  const inputs = asyncPipelineInputs(emulator.url, SLOW_MODEL, { 'smoke-test-timeout': '4s', 'poll-interval': '1s' })
  const started = Date.now()
  const run = await runAction(inputs, { workspace: asyncWorkspace('ok') })
  expect(run.code).toBe(1)
  expect(errorsOf(run).join('\n')).toMatch(
    new RegExp(
      "Smoke test failed: the model's execution \\d+ was still 'Running' after [1-5]s, when smoke-test-timeout " +
        'ran out \\(smoke-test-timeout is 4s, and the preprocessing took 1s\\)\\. Raise smoke-test-timeout'
    )
  )
  expect(stagesOf(run).preprocessing.outcome).toBe('passed')
  expect(stagesOf(run).model.outcome).toBe('failed')
  expect(Date.now() - started).toBeLessThan(20_000)
}, 30_000)

test('a preprocessing that used all of smoke-test-timeout leaves the model unstarted, and says so', async () => {
  // The script's execution succeeds at once, but its result arrives after the whole timeout.
  emulator.addFault({ kind: 'latency', latencyMs: 3500, method: 'GET', path: '^/api/preprocessing/async/result/' })
  const inputs = asyncPipelineInputs(emulator.url, ASYNC_MODEL, { 'smoke-test-timeout': '3s', 'poll-interval': '1s' })
  const run = await runAction(inputs, { workspace: asyncWorkspace('ok') })
  expect(run.code).toBe(1)
  expect(errorsOf(run).join('\n')).toMatch(
    new RegExp(
      /Smoke test failed: no time was left for the model: smoke-test-timeout is 3s, and the preprocessing /.source +
        /took [45]s, so the model's execution was not started\. Raise smoke-test-timeout to cover both stages\./.source
    )
  )
  expect(stagesOf(run)).toEqual({
    preprocessing: { outcome: 'passed', ms: expect.any(Number) },
    model: { outcome: 'skipped', ms: null }
  })
  expect(modelRuns()).toEqual([])
}, 30_000)

test("a failed model execution's summary does not show the script's result zip as the model's", async () => {
  const run = await runAction(asyncPipelineInputs(emulator.url, ASYNC_MODEL), { workspace: asyncWorkspace('drops') })
  expect(run.code).toBe(1)
  const model = run.summary.split('\n').find((line) => line.includes('<strong>Model</strong>: execution'))
  expect(model).toMatch(/ended as .*Failed/)
  expect(model).not.toContain('result zip holds')
  // The script's result zip is the script's, on the smoke test's own line.
  const script = run.summary.split('\n').find((line) => line.includes('<strong>Smoke test</strong>: execution'))
  expect(script).toMatch(/result zip holds .*features\.csv/)
})

test('a Sync model answering 200 with a body that is not JSON did not score, nor vouch for the script', async () => {
  emulator.addFault({
    kind: 'malformed',
    method: 'POST',
    path: `^/api/model/sync/run/datarisk/${SYNC_MODEL}$`,
    times: 1
  })
  const run = await runAction(syncPipelineInputs(emulator.url, SYNC_MODEL), { workspace: syncWorkspace('ok') })
  expect(run.code).toBe(1)
  const error = errorsOf(run).join('\n')
  expect(error).toContain(
    'Smoke test failed: the model run failed: the run answered HTTP 200 with a body that is not JSON'
  )
  expect(error).not.toContain('scored')
  expect(stagesOf(run)).toEqual({
    preprocessing: { outcome: 'skipped', ms: null },
    model: { outcome: 'failed', ms: expect.any(Number) }
  })
})

const withPandas = await hasPandas(await defaultEmulatorPython())
;(withPandas ? test : test.skip)(
  "v2: smoke-test-expect is checked on the model's result, naming what it lacks",
  async () => {
    const inputs = asyncPipelineInputs(emulator.url, ASYNC_MODEL, {
      'api-version': 'v2',
      'smoke-test-expect': '{"columns": {"score": "number", "label": "string"}, "min-rows": 3}'
    })
    const run = await runAction(inputs, { workspace: asyncWorkspace('v2') })
    expect(run.code).toBe(1)
    expect(run.outputs['api-version']).toBe('v2')
    const error = errorsOf(run).join('\n')
    expect(error).toMatch(/Smoke test failed: the model scored, but the model's result \(execution \d+\) does not meet/)
    expect(error).toContain("column 'label' missing (scores.csv has score)")
    expect(error).toContain('2 rows, expected at least 3')
    expect(run.stdout).toContain("The model's result (scores.csv): 2 rows; columns score")
    expect(stagesOf(run)).toMatchObject({ preprocessing: { outcome: 'passed' }, model: { outcome: 'failed' } })
  }
)

describe('a model gone between the check and the run (404, 409) is said to be gone, not to reject the input', () => {
  const SYNC_RUN = `^/api/model/sync/run/datarisk/${SYNC_MODEL}$`
  test.each([
    [404, 'not found'],
    [409, 'not Deployed']
  ])('Sync: %i', async (status, what) => {
    emulator.addFault({ kind: 'status', status, method: 'POST', path: SYNC_RUN, times: 1 })
    const run = await runAction(syncPipelineInputs(emulator.url, SYNC_MODEL), { workspace: syncWorkspace('ok') })
    expect(run.code).toBe(1)
    const error = errorsOf(run).join('\n')
    expect(error).toContain(
      `Smoke test failed: the model could not run: its run answered HTTP ${status} (${what}), but ${SYNC_MODEL} ` +
        'was Deployed when this run checked it: it was removed or undeployed since. ' +
        'Redeploy it, or set smoke-test-model to the model now deployed.'
    )
    expect(error).not.toContain('rejected')
    // Whether the preprocessing ran is not known: it is not claimed to have passed.
    expect(stagesOf(run)).toEqual({
      preprocessing: { outcome: 'skipped', ms: null },
      model: { outcome: 'failed', ms: expect.any(Number) }
    })
  })

  test.each([404, 409])('Async: %i', async (status) => {
    emulator.addFault({ kind: 'status', status, method: 'POST', path: MODEL_RUN, times: 1 })
    const run = await runAction(asyncPipelineInputs(emulator.url, ASYNC_MODEL), { workspace: asyncWorkspace('ok') })
    expect(run.code).toBe(1)
    const error = errorsOf(run).join('\n')
    expect(error).toMatch(
      new RegExp(`Smoke test failed: the model could not run: its run answered HTTP ${status} .*removed or undeployed`)
    )
    expect(error).not.toContain('rejected')
    expect(stagesOf(run)).toMatchObject({ preprocessing: { outcome: 'passed' }, model: { outcome: 'failed' } })
    expect(modelRuns()).toHaveLength(1)
    expectNoSecretLeaks(run, [DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD])
  })
})
