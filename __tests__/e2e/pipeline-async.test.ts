/**
 * The Async pipeline smoke test (smoke-test-model), through the bundle against the emulator:
 * the script's execution on the sample, its result uploaded as the model's `input`, the
 * model's execution waited for, its result zip kept as the smoke-test output.
 */
import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD } from '../../emulator/index.js'
import { defaultEmulatorPython, hasPandas } from '../../src/harness/interpreter.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, outputOf, runAction } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'
import { ASYNC_MODEL, MODELS, asyncPipelineInputs, asyncWorkspace, credentials, stagesOf } from '../helpers/pipeline.js'

const withPandas = await hasPandas(await defaultEmulatorPython())
if (!withPandas)
  console.warn('v2 pipeline tests SKIPPED: the emulator has no Python with pandas (install python3-pandas)')
const v2Test = withPandas ? test : test.skip

const emulator = useEmulator({ buildSeconds: 0, models: MODELS })
const MODEL_RUN = `/api/model/async/run/datarisk/${ASYNC_MODEL}`

function zipFiles(path: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(readFileSync(path)))
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]))
}

test('a v1 Async pipeline passes: the model scored the result of the new script', async () => {
  const run = await runAction(asyncPipelineInputs(emulator.url, ASYNC_MODEL), { workspace: asyncWorkspace('ok') })
  expect(errorsOf(run)).toEqual([])
  expect(run.outputs).toMatchObject({ status: 'deployed', 'smoke-test': 'passed', 'api-version': 'v1' })
  expect(run.outputs['execution-id']).not.toBe('')
  expect(run.outputs['model-execution-id']).not.toBe('')
  const stages = stagesOf(run)
  expect(stages.preprocessing).toEqual({ outcome: 'passed', ms: expect.any(Number) })
  expect(stages.model).toEqual({ outcome: 'passed', ms: expect.any(Number) })
  // The smoke-test output is the model's result; the model got the script's result zip as its input.
  expect(outputOf(run, 'smoke-test-output')).toMatch(/smoke-test-result\.zip$/)
  expect(zipFiles(outputOf(run, 'smoke-test-output'))).toEqual({ 'scores.csv': 'score\n5.0\n2.0\n' })
  const modelRuns = emulator.requests.filter((r) => r.method === 'POST' && r.path === MODEL_RUN)
  expect(modelRuns).toHaveLength(1)
  expect(modelRuns[0]?.auth).toBe('group')
  expect(run.stdout).toMatch(/Preprocessing: passed in .*\(execution \d+\)/)
  expect(run.stdout).toMatch(/Model: passed in .*\(execution \d+\)/)
  expect(run.summary).toMatch(/<strong>Model<\/strong>: execution \d+ ended as Succeeded; result zip holds scores\.csv/)
  expectNoSecretLeaks(run, [DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD])
})

test("a script whose result lacks the model's feature fails at the model stage, with the model's message", async () => {
  const run = await runAction(asyncPipelineInputs(emulator.url, ASYNC_MODEL), { workspace: asyncWorkspace('drops') })
  expect(run.code).toBe(1)
  const error = errorsOf(run).join('\n')
  expect(error).toMatch(
    /Smoke test failed: the model rejected what the preprocessing produced: the model's execution \d+ ended as 'Failed'/
  )
  expect(error).toContain('ValueError: missing feature: income')
  expect(stagesOf(run).preprocessing.outcome).toBe('passed')
  expect(stagesOf(run).model.outcome).toBe('failed')
  expect(run.summary).toContain('model ❌ failed')
  expectNoSecretLeaks(run, [DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD])
})

test('a broken script fails at the preprocessing stage; the model is never called', async () => {
  const run = await runAction(asyncPipelineInputs(emulator.url, ASYNC_MODEL), { workspace: asyncWorkspace('broken') })
  expect(run.code).toBe(1)
  const error = errorsOf(run).join('\n')
  expect(error).toMatch(/Smoke test failed: the preprocessing failed: execution \d+ ended as 'Failed'/)
  expect(error).toContain('income_total')
  expect(stagesOf(run)).toEqual({
    preprocessing: { outcome: 'failed', ms: expect.any(Number) },
    model: { outcome: 'skipped', ms: null }
  })
  expect(emulator.requests.filter((r) => r.path === MODEL_RUN)).toEqual([])
})

v2Test('a v2 Async pipeline passes: the parquet result goes to the model', async () => {
  const inputs = asyncPipelineInputs(emulator.url, ASYNC_MODEL, { 'api-version': 'v2' })
  const run = await runAction(inputs, { workspace: asyncWorkspace('v2') })
  expect(errorsOf(run)).toEqual([])
  expect(run.outputs).toMatchObject({ 'smoke-test': 'passed', 'api-version': 'v2' })
  expect(zipFiles(outputOf(run, 'smoke-test-output'))).toEqual({ 'scores.csv': 'score\n5.0\n2.0\n' })
  expect(stagesOf(run).model.outcome).toBe('passed')
  // The parquet's shape is the script's result, and the log says so (the output is the model's zip).
  expect(run.stdout).toContain("The preprocessing's result: 2 rows; columns income")
  expectNoSecretLeaks(run, [DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD])
})

test('smoke-test mode re-checks a deployed Async pipeline without deploying', async () => {
  const inputs = asyncPipelineInputs(emulator.url, ASYNC_MODEL, { 'smoke-test': 'false', 'smoke-test-model': '' })
  const deployed = await runAction(inputs, { workspace: asyncWorkspace('ok') })
  expect(deployed.code).toBe(0)
  emulator.clearRequests()
  const run = await runAction(
    {
      ...credentials(emulator.url),
      mode: 'smoke-test',
      'api-version': 'v1',
      'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
      'smoke-test-input': 'loans.csv',
      'smoke-test-model': ASYNC_MODEL
    },
    { workspace: asyncWorkspace('ok') }
  )
  expect(errorsOf(run)).toEqual([])
  expect(run.outputs).toMatchObject({ 'smoke-test': 'passed', operation: 'Async' })
  expect(stagesOf(run).model.outcome).toBe('passed')
  expect(emulator.requests.filter((r) => r.path.includes('/register/'))).toEqual([])
  expect(emulator.requests.filter((r) => r.path === MODEL_RUN)).toHaveLength(1)
})
