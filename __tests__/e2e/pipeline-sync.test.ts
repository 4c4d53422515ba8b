/**
 * The Sync pipeline smoke test (smoke-test-model), through the bundle against the emulator:
 * one model run with the sample as Input and the new script's hash as ScriptHash; the
 * model's answer is the smoke test's answer, and a failure names its stage.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD } from '../../emulator/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, outputOf, runAction } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'
import { MODELS, SYNC_MODEL, credentials, stagesOf, syncPipelineInputs, syncWorkspace } from '../helpers/pipeline.js'

const emulator = useEmulator({ buildSeconds: 0, models: MODELS })
const MODEL_RUN = `/api/model/sync/run/datarisk/${SYNC_MODEL}`

const modelRuns = () => emulator.requests.filter((r) => r.method === 'POST' && r.path === MODEL_RUN)

test('a Sync pipeline that scores passes: the model ran on what the new script produced', async () => {
  const run = await runAction(syncPipelineInputs(emulator.url, SYNC_MODEL), { workspace: syncWorkspace('ok') })
  expect(errorsOf(run)).toEqual([])
  expect(run.code).toBe(0)
  expect(run.outputs).toMatchObject({ status: 'deployed', 'smoke-test': 'passed' })
  const stages = stagesOf(run)
  expect(stages.preprocessing.outcome).toBe('passed')
  expect(stages.model).toEqual({ outcome: 'passed', ms: expect.any(Number) })
  // One model run (group token), and no run of the script on its own.
  expect(modelRuns()).toHaveLength(1)
  expect(modelRuns()[0]?.auth).toBe('group')
  expect(emulator.requests.filter((r) => r.path.startsWith('/api/preprocessing/sync/run'))).toHaveLength(0)
  // The request names the new script; the answer is the model's.
  const recordsDir = join(outputOf(run, 'smoke-test-output'), '..')
  const request = JSON.parse(readFileSync(join(recordsDir, 'smoke-test-request.json'), 'utf8'))
  expect(request).toEqual({
    Input: [expect.any(Object), expect.any(Object)],
    ScriptHash: outputOf(run, 'preprocessing-id')
  })
  const response = JSON.parse(readFileSync(outputOf(run, 'smoke-test-output'), 'utf8'))
  expect(response).toEqual({ status: 200, body: { scores: [0.8, 0.7] } })
  expect(run.summary).toContain(SYNC_MODEL)
  expect(run.summary).toMatch(/Pipeline<\/th><td>preprocessing ✅ passed → model ✅ passed in /)
  const result = JSON.parse(readFileSync(outputOf(run, 'result-file'), 'utf8'))
  expect(result.smokeTest.pipeline).toMatchObject({
    modelHash: SYNC_MODEL,
    modelGroup: 'datarisk',
    preprocessing: { outcome: 'passed' },
    model: { outcome: 'passed' }
  })
  expectNoSecretLeaks(run, [DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD])
  expect(readdirSync(recordsDir).length).toBeGreaterThan(0)
})

test("smoke-test-expect is checked against the model's answer", async () => {
  const inputs = syncPipelineInputs(emulator.url, SYNC_MODEL, { 'smoke-test-expect': '{"scores": [0.8, 0.9]}' })
  const run = await runAction(inputs, { workspace: syncWorkspace('ok') })
  expect(run.code).toBe(1)
  expect(errorsOf(run).join('\n')).toContain(
    'Smoke test failed: the model scored, but the answer does not contain smoke-test-expect'
  )
  expect(stagesOf(run).model.outcome).toBe('failed')
})

test("a script whose output lacks a feature fails at the model stage, with the model's message", async () => {
  const run = await runAction(syncPipelineInputs(emulator.url, SYNC_MODEL), { workspace: syncWorkspace('renamed') })
  expect(run.code).toBe(1)
  expect(run.outputs).toMatchObject({ status: 'deployed', 'smoke-test': 'failed' })
  const error = errorsOf(run).join('\n')
  expect(error).toContain(
    'Smoke test failed: the model rejected what the preprocessing produced: the run answered HTTP 500'
  )
  expect(error).toContain('ValueError: missing feature(s): age')
  expect(stagesOf(run)).toEqual({
    preprocessing: { outcome: 'passed', ms: null },
    model: { outcome: 'failed', ms: expect.any(Number) }
  })
  expect(run.summary).toContain('model ❌ failed')
  // The traceback is the model's code: no line of the user's script is blamed for it.
  expect(run.stdout).not.toContain('Error in the deployed script')
  expectNoSecretLeaks(run, [DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD])
})

test('a broken script fails at the preprocessing stage, and the model is not blamed', async () => {
  const run = await runAction(syncPipelineInputs(emulator.url, SYNC_MODEL), { workspace: syncWorkspace('broken') })
  expect(run.code).toBe(1)
  const error = errorsOf(run).join('\n')
  expect(error).toContain('Smoke test failed: the preprocessing failed: the run answered HTTP 500')
  expect(error).toContain("KeyError: 'income_total'")
  expect(error).not.toContain('the model rejected')
  expect(stagesOf(run)).toEqual({
    preprocessing: { outcome: 'failed', ms: expect.any(Number) },
    model: { outcome: 'skipped', ms: null }
  })
  expect(run.summary).toContain('preprocessing ❌ failed')
  // The script's own traceback is still annotated on its line.
  expect(run.stdout).toContain(
    "::error title=Error in the deployed script,file=feed.py,line=3::KeyError: 'income_total'"
  )
})

test('smoke-test mode re-checks a deployed pipeline (script hash + model hash) without deploying', async () => {
  const deployed = await runAction(syncPipelineInputs(emulator.url, SYNC_MODEL), { workspace: syncWorkspace('ok') })
  expect(deployed.code).toBe(0)
  emulator.clearRequests()
  const run = await runAction(
    {
      ...credentials(emulator.url),
      mode: 'smoke-test',
      'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
      'smoke-test-input': '[{"income": 1000, "age": 20}]',
      'smoke-test-model': SYNC_MODEL
    },
    { workspace: syncWorkspace('ok') }
  )
  expect(errorsOf(run)).toEqual([])
  expect(run.outputs).toMatchObject({ status: 'deployed', 'smoke-test': 'passed' })
  expect(stagesOf(run).model.outcome).toBe('passed')
  expect(emulator.requests.filter((r) => r.path.includes('/register/'))).toHaveLength(0)
  expect(modelRuns()).toHaveLength(1)
  const response = JSON.parse(readFileSync(outputOf(run, 'smoke-test-output'), 'utf8'))
  expect(response.body).toEqual({ scores: [0.3] })
})
