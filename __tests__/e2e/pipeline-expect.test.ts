/**
 * smoke-test-expect on an Async pipeline, through the bundle against the emulator: the
 * expectation is checked on the MODEL's result table (the same check a script's result gets),
 * in deploy mode and in smoke-test mode; an unmet one fails the step at the model stage.
 */
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD } from '../../emulator/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, outputOf, runAction } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'
import { ASYNC_MODEL, MODELS, asyncPipelineInputs, asyncWorkspace, credentials, stagesOf } from '../helpers/pipeline.js'

/** An Async model that scores nothing: its CSV has a header and no rows. */
const EMPTY_MODEL = `M${'e'.repeat(63)}`
const EMPTY = `
import os

def score(data_path, base_path):
    target = os.path.join(data_path, "scores.csv")
    with open(target, "w") as handle:
        handle.write("score\\n")
    return target
`
const emulator = useEmulator({
  buildSeconds: 0,
  models: [...MODELS, { hash: EMPTY_MODEL, operation: 'Async', code: EMPTY }]
})

// The emulator's Async model answers a zip holding scores.csv with a `score` column and two rows.
const MET = '{"columns": {"score": "number"}, "min-rows": 2}'
const UNMET = '{"columns": ["score", "label"]}'

test("deploy mode: an expectation the model's result meets passes, and the summary says so", async () => {
  const inputs = asyncPipelineInputs(emulator.url, ASYNC_MODEL, { 'smoke-test-expect': MET })
  const run = await runAction(inputs, { workspace: asyncWorkspace('ok') })
  expect(errorsOf(run)).toEqual([])
  expect(run.outputs).toMatchObject({ status: 'deployed', 'smoke-test': 'passed' })
  expect(stagesOf(run).model.outcome).toBe('passed')
  expect(run.stdout).toContain('smoke-test-expect met')
  expect(run.summary).toContain('smoke-test-expect met')
  expectNoSecretLeaks(run, [DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD])
})

test("deploy mode: a column the model's result lacks fails at the model stage, naming the column", async () => {
  const inputs = asyncPipelineInputs(emulator.url, ASYNC_MODEL, { 'smoke-test-expect': UNMET })
  const run = await runAction(inputs, { workspace: asyncWorkspace('ok') })
  expect(run.code).toBe(1)
  const error = errorsOf(run).join('\n')
  expect(error).toMatch(/Smoke test failed: the model scored, but .*label/)
  expect(run.outputs['smoke-test']).toBe('failed')
  expect(stagesOf(run)).toMatchObject({ preprocessing: { outcome: 'passed' }, model: { outcome: 'failed' } })
  expect(run.summary).toMatch(/smoke-test-expect not met \(.*label/)
})

test('smoke-test mode applies the same expectation to a deployed pipeline', async () => {
  const deployed = await runAction(
    asyncPipelineInputs(emulator.url, ASYNC_MODEL, { 'smoke-test': 'false', 'smoke-test-model': '' }),
    { workspace: asyncWorkspace('ok') }
  )
  expect(deployed.code).toBe(0)
  const check = (expectation: string) =>
    runAction(
      {
        ...credentials(emulator.url),
        mode: 'smoke-test',
        'api-version': 'v1',
        'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
        'smoke-test-input': 'loans.csv',
        'smoke-test-model': ASYNC_MODEL,
        'smoke-test-expect': expectation
      },
      { workspace: asyncWorkspace('ok') }
    )
  const met = await check(MET)
  expect(errorsOf(met)).toEqual([])
  expect(met.outputs['smoke-test']).toBe('passed')
  const unmet = await check('{"min-rows": 3}')
  expect(unmet.code).toBe(1)
  expect(errorsOf(unmet).join('\n')).toMatch(/the model scored, but .*2 rows.*3/)
})

test('a model result table with no rows fails: columns alone do not pass an empty table', async () => {
  const inputs = asyncPipelineInputs(emulator.url, EMPTY_MODEL, { 'smoke-test-expect': '{"columns": ["score"]}' })
  const run = await runAction(inputs, { workspace: asyncWorkspace('ok') })
  expect(run.code).toBe(1)
  expect(errorsOf(run).join('\n')).toMatch(
    /Smoke test failed: the model's result \(execution \d+\) holds scores\.csv, a table with no rows \(columns: score\)/
  )
  expect(stagesOf(run)).toMatchObject({ preprocessing: { outcome: 'passed' }, model: { outcome: 'failed' } })
})
