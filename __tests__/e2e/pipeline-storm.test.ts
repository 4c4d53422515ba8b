/**
 * The pipeline smoke test's model calls under a storm of transient faults: the reads (the
 * model's status and description, a model execution's status and result) are retried;
 * the runs are sent again only after an answer that proves the server did not act, so each
 * pipeline leaves exactly one model run behind. After an ambiguous failure a run is never sent again.
 */
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD } from '../../emulator/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, runAction, type ActionRun } from '../helpers/action-runner.js'
import { faultsOf, longestFailingRun, modelStormClasses, stormSeed } from '../helpers/fault-storm.js'
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

const emulator = useEmulator({ buildSeconds: 0, models: MODELS })
const REQUEST_TIMEOUT_MS = 1000
const SECRETS = { password: DEFAULT_PASSWORD, 'group token': DEFAULT_GROUP_TOKEN }
// Once, on the Node running jest (like the other storms).
const stormTest = process.env.ACTION_NODE ? test.skip : test

const fast = { 'request-timeout': '1s', 'poll-interval': '1s', 'upload-artifact': 'false' }

async function pipeline(kind: 'sync' | 'async'): Promise<ActionRun> {
  const run =
    kind === 'sync'
      ? await runAction(syncPipelineInputs(emulator.url, SYNC_MODEL, fast), { workspace: syncWorkspace('ok') })
      : await runAction(asyncPipelineInputs(emulator.url, ASYNC_MODEL, fast), { workspace: asyncWorkspace('ok') })
  expectNoSecretLeaks(run, SECRETS)
  return run
}

describe('a storm of transient faults on the model calls', () => {
  stormTest(
    '8 Sync and Async pipelines pass, each leaving exactly one model run',
    async () => {
      const storm = modelStormClasses('datarisk', { reads: 0.07, runs: 0.2 })
      for (const cls of Object.values(storm)) {
        const seed = stormSeed(cls, 80, REQUEST_TIMEOUT_MS)
        expect(longestFailingRun(cls, seed, 2000, REQUEST_TIMEOUT_MS).rate).toBeGreaterThan(0.1)
        for (const spec of faultsOf(cls, seed)) emulator.addFault(spec)
      }
      for (const kind of ['sync', 'async', 'sync', 'async', 'sync', 'async', 'sync', 'async'] as const) {
        const from = emulator.requests.length
        const run = await pipeline(kind)
        if (run.code !== 0) throw new Error(`${kind} pipeline failed: ${errorsOf(run).pop() ?? run.stdout}`)
        expect(run.outputs['smoke-test']).toBe('passed')
        const mine = emulator.requests.slice(from)
        const runs = mine.filter((r) => r.method === 'POST' && r.path.startsWith('/api/model/'))
        // Every run but the accepted one was refused before acting (429/503).
        expect(runs.filter((r) => r.status === 200 || r.status === 202)).toHaveLength(1)
        expect(runs.filter((r) => r.fault !== undefined).every((r) => r.status === 429 || r.status === 503)).toBe(true)
      }
      const model = emulator.requests.filter((r) => r.path.startsWith('/api/model/'))
      const faulted = model.filter((r) => r.fault !== undefined)
      console.log(`pipeline fault storm: ${model.length} model requests, ${faulted.length} faulted`)
      // Both classes met their faults (the draws are seeded: the same ones every run).
      expect(faulted.some((r) => r.method === 'GET')).toBe(true)
      expect(faulted.some((r) => r.method === 'POST')).toBe(true)
    },
    170_000
  )
})

describe('an ambiguous failure of a model run', () => {
  test.each([
    ['sync', `^/api/model/sync/run/datarisk/${SYNC_MODEL}$`],
    ['async', `^/api/model/async/run/datarisk/${ASYNC_MODEL}$`]
  ] as const)('the %s run is sent once: a reset is not retried, and the smoke test fails', async (kind, path) => {
    emulator.addFault({ kind: 'reset', method: 'POST', path, times: 1 })
    const run = await pipeline(kind)
    expect(run.code).toBe(1)
    // The failure names its stage, and the stages are kept (the summary, smoke-test-stages).
    expect(errorsOf(run).join('\n')).toContain('Smoke test failed: the model run failed: ')
    expect(stagesOf(run).model.outcome).toBe('failed')
    expect(emulator.requests.filter((r) => r.method === 'POST' && new RegExp(path).test(r.path))).toHaveLength(1)
  })
})
