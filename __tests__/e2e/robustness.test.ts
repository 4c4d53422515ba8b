import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { errorsOf, runAction, sampleWorkspace, signalWhenOutput } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 1 })

const inputs = (extra: Record<string, string> = {}): Record<string, string> =>
  syncSampleInputs(emulator.url, { 'poll-interval': '1s', 'upload-artifact': 'false', ...extra })

test('a server blip longer than the client retries during the build does not fail the deploy', async () => {
  // Six 503s in a row: the first status check uses up its five attempts, the wait goes on.
  emulator.addFault({ path: '/preprocessing/status/', kind: 'status', status: 503, times: 6 })
  const run = await runAction(inputs({ 'wait-timeout': '2m' }))
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('deployed')
  expect(run.stdout).toMatch(/::warning::A status check failed \(.*HTTP 503.*\); still waiting/)
})

test('cancelled during the register call: the error says the script may exist', async () => {
  emulator.addFault({ path: '/preprocessing/register/', kind: 'latency', latencyMs: 5000 })
  const trigger = signalWhenOutput('::group::Register', 'SIGINT')
  const run = await runAction(inputs(), { onStart: trigger.onStart, killAfterMs: 30_000 })
  expect(run.code).not.toBe(0)
  expect(trigger.sentAt()).toBeGreaterThan(0)
  expect(run.outputs.status).toBe('cancelled')
  expect(errorsOf(run).pop()).toMatch(
    /Cancelled by SIGINT during the register call: the script 'loan features' may have been registered all the same/
  )
})

test('validate mode stops a slow entrypoint when cancelled', async () => {
  const workspace = sampleWorkspace('sync')
  writeFileSync(
    join(workspace, 'score.py'),
    'import time\n\ndef process(data, base_path):\n    time.sleep(60)\n    return {}\n'
  )
  const trigger = signalWhenOutput('::group::Run the entrypoint locally', 'SIGINT')
  const run = await runAction(
    { ...inputs({ mode: 'validate', 'extra-files': '' }) },
    { workspace, onStart: trigger.onStart, killAfterMs: 30_000 }
  )
  const exitAfterSignal = Date.now() - trigger.sentAt()
  expect(run.code).not.toBe(0)
  expect(run.outputs.status).toBe('cancelled')
  expect(exitAfterSignal).toBeLessThan(2000)
  expect(errorsOf(run).pop()).toContain('Cancelled by SIGINT while the entrypoint ran locally')
})

test('a missing RUNNER_TEMP falls back to the system temp folder, with a warning', async () => {
  const run = await runAction(inputs(), { env: { RUNNER_TEMP: '/nonexistent/runner/temp' } })
  expect(run.code).toBe(0)
  expect(run.stdout).toMatch(/::warning::Cannot write in RUNNER_TEMP/)
  expect(run.outputs['result-file']).toMatch(/neomaril-deploy-/)
})

test('a raising Sync entrypoint gives exactly one annotation, on its line', async () => {
  const workspace = sampleWorkspace('sync')
  writeFileSync(join(workspace, 'score.py'), 'def process(data, base_path):\n    raise ValueError("boom")\n')
  const run = await runAction(inputs({ 'extra-files': '', 'smoke-test': 'true' }), { workspace })
  expect(run.code).toBe(1)
  const annotations = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error title=Error in the deployed script'))
  expect(annotations).toEqual(['::error title=Error in the deployed script,file=score.py,line=2::ValueError: boom'])
})

test('smoke-test inputs without smoke-test: a warning says no smoke test runs', async () => {
  const run = await runAction(inputs({ 'smoke-test-expect': '{"a": 1}' }))
  expect(run.code).toBe(0)
  expect(run.outputs['smoke-test']).toBe('skipped')
  expect(run.stdout).toContain(
    '::warning::smoke-test-expect is set, but has no effect in this run: smoke-test is false, so no smoke test runs'
  )
})
