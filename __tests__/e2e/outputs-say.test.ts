/**
 * Outputs say what happened (issue 17, rule 8), through the bundle against the emulator: no
 * `operation` when nothing was sent or found, no `build-seconds` for a build the step did not
 * see end, and result.json's own `outputs` the same as the step's, `result-file` included.
 * Unit tests: __tests__/publish/outputs.test.ts, records.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { type ActionRun, outputOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 0 })

/** result.json's outputs, which must be the step's outputs, every one. */
function resultOutputs(run: ActionRun): Record<string, string> {
  const path = outputOf(run, 'result-file')
  expect(path).toMatch(/result\.json$/)
  const outputs = (JSON.parse(readFileSync(path, 'utf8')) as { outputs: Record<string, string> }).outputs
  expect(outputs).toEqual(run.outputs)
  return outputs
}

test('a deploy: operation and build-seconds set; result.json lists every output, its own path included', async () => {
  const run = await runAction(syncSampleInputs(emulator.url))
  expect(run.code).toBe(0)
  expect(run.outputs).toMatchObject({ status: 'deployed', operation: 'Sync' })
  expect(outputOf(run, 'build-seconds')).toMatch(/^\d+(\.\d)?$/)
  expect(resultOutputs(run)['result-file']).toBe(run.outputs['result-file'])
})

test('a build the wait did not see end: no build-seconds', async () => {
  emulator.addFault({ path: '/host/', kind: 'hang-build' })
  const run = await runAction(syncSampleInputs(emulator.url, { 'wait-timeout': '2s', 'poll-interval': '1s' }))
  expect(run.code).toBe(1)
  expect(run.outputs).toMatchObject({ status: 'timed-out', operation: 'Sync', 'build-seconds': '' })
  expect(resultOutputs(run)['build-seconds']).toBe('')
})

test('wait: false: no build-seconds', async () => {
  const run = await runAction(syncSampleInputs(emulator.url, { wait: 'false' }))
  expect(run.outputs).toMatchObject({ status: 'building', operation: 'Sync', 'build-seconds': '' })
})

describe('nothing sent or found: no operation', () => {
  test('refused before any upload (a source file that does not parse)', async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(join(workspace, 'score.py'), 'def process(data:\n')
    const run = await runAction(syncSampleInputs(emulator.url, { operation: 'Sync' }), { workspace })
    expect(run.outputs).toMatchObject({ status: 'invalid-input', operation: '', 'preprocessing-id': '' })
    expect(resultOutputs(run).operation).toBe('')
  })

  test('the register refused by the server', async () => {
    emulator.addFault({ path: '/preprocessing/register/', kind: 'status', status: 403 })
    const run = await runAction(syncSampleInputs(emulator.url))
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ operation: '', 'preprocessing-id': '' })
    expect(emulator.requests.filter((r) => r.path.includes('/register/')).map((r) => r.status)).toEqual([403])
  })

  test('smoke-test mode on a hash the server does not know', async () => {
    const run = await runAction(
      syncSampleInputs(emulator.url, {
        mode: 'smoke-test',
        'preprocessing-id': `S${'a'.repeat(63)}`,
        'smoke-test-input': '{"a": 1}'
      })
    )
    expect(run.code).toBe(1)
    expect(run.outputs.operation).toBe('')
    // Nor a Python: the script's is the server's, and none was found (the input's default is no answer).
    expect(run.outputs['python-version']).toBe('')
    expect(resultOutputs(run)['python-version']).toBe('')
    const result = JSON.parse(readFileSync(outputOf(run, 'result-file'), 'utf8')) as { script: object }
    expect(result.script).not.toHaveProperty('operation')
    expect(run.summary).toContain('<th align="left">Operation</th><td>—</td>')
    expect(run.summary).toContain('<th align="left">Python</th><td>—</td>')
  })
})

test('smoke-test mode: the operation the server describes, not an input', async () => {
  const deployed = await runAction(syncSampleInputs(emulator.url))
  const run = await runAction(
    syncSampleInputs(emulator.url, {
      mode: 'smoke-test',
      'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
      'smoke-test-input': '{"monthly_income": 1000, "loan_amount": 5000, "term_months": 12}'
    })
  )
  expect(run.outputs.operation).toBe('Sync')
  expect(resultOutputs(run).operation).toBe('Sync')
  expect(run.outputs['python-version']).toBe(outputOf(deployed, 'python-version'))
})
