/**
 * The pipeline smoke test's checks before the run: the model exists in its group, is
 * Deployed, and its operation fits the script's. In deploy mode they come before the
 * register call (nothing uploaded); a malformed hash or a missing group token before any call.
 */
import { DEFAULT_GROUP_TOKEN } from '../../emulator/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, outputOf, runAction } from '../helpers/action-runner.js'
import {
  ASYNC_MODEL,
  DISABLED_MODEL,
  MODELS,
  SYNC_MODEL,
  UNKNOWN_MODEL,
  asyncPipelineInputs,
  asyncWorkspace,
  credentials,
  syncPipelineInputs,
  syncWorkspace
} from '../helpers/pipeline.js'

const emulator = useEmulator({ buildSeconds: 0, models: MODELS })

const uploads = () =>
  emulator.requests.filter((r) => r.path.includes('/register/') || r.path.includes('/host/') || r.method === 'PATCH')
const runs = () => emulator.requests.filter((r) => r.path.includes('/run/'))

describe('deploy mode: a model that cannot take the script fails before any upload', () => {
  test.each([
    ['does not exist', UNKNOWN_MODEL, `${UNKNOWN_MODEL} is not a model in group 'datarisk' (its status answered 404)`],
    ['is not Deployed', DISABLED_MODEL, `${DISABLED_MODEL} is 'Disabled', not Deployed (Model is Disabled)`],
    ['is Async for a Sync script', ASYNC_MODEL, `${ASYNC_MODEL} is an Async model, but the script is Sync`]
  ])('a model that %s', async (_what, model, problem) => {
    const run = await runAction(syncPipelineInputs(emulator.url, model), { workspace: syncWorkspace('ok') })
    expect(run.code).toBe(1)
    const error = errorsOf(run).join('\n')
    expect(error).toContain("Input 'smoke-test-model'")
    expect(error).toContain(problem)
    expect(error).toContain('Set smoke-test-model to the hash of a deployed model')
    expect(run.outputs).toMatchObject({ status: 'invalid-input', 'preprocessing-id': '' })
    expect(uploads()).toEqual([])
    expect(runs()).toEqual([])
  })

  test('a Sync model for an Async script', async () => {
    const run = await runAction(asyncPipelineInputs(emulator.url, SYNC_MODEL), { workspace: asyncWorkspace('ok') })
    expect(run.code).toBe(1)
    expect(errorsOf(run).join('\n')).toContain(`${SYNC_MODEL} is a Sync model, but the script is Async`)
    expect(uploads()).toEqual([])
  })

  test('a model in another group is looked for there (smoke-test-model-group)', async () => {
    const inputs = syncPipelineInputs(emulator.url, SYNC_MODEL, { 'smoke-test-model-group': 'elsewhere' })
    const run = await runAction(inputs, { workspace: syncWorkspace('ok') })
    expect(run.code).toBe(1)
    expect(errorsOf(run).join('\n')).toContain(`${SYNC_MODEL} is not a model in group 'elsewhere'`)
    expect(emulator.requests.some((r) => r.path === `/api/model/status/elsewhere/${SYNC_MODEL}`)).toBe(true)
    expect(uploads()).toEqual([])
  })
})

describe('refused before any call', () => {
  test('a hash that is not a model hash names smoke-test-model', async () => {
    const script = `S${'a'.repeat(63)}`
    for (const [model, problem] of [
      ['M123', "'M123' is not a model hash"],
      [script, `'${script}' is a script hash (S…), not a model's`],
      // The kind letter is upper case; only the hex digits may be either case.
      [`m${'1'.repeat(63)}`, `'m${'1'.repeat(63)}' is not a model hash`]
    ]) {
      const run = await runAction(syncPipelineInputs(emulator.url, model as string), { workspace: syncWorkspace('ok') })
      expect(run.code).toBe(1)
      expect(errorsOf(run).join('\n')).toContain(`Input 'smoke-test-model': ${problem}`)
      expect(run.outputs.status).toBe('invalid-input')
    }
    expect(emulator.requests).toEqual([])
  })

  test('the model runs need the group token, even for a v2 script', async () => {
    const inputs = asyncPipelineInputs(emulator.url, ASYNC_MODEL, { 'group-token': '', 'api-version': 'v2' })
    const run = await runAction(inputs, { workspace: asyncWorkspace('v2') })
    expect(run.code).toBe(1)
    expect(errorsOf(run).join('\n')).toContain("Input 'group-token': is empty, but smoke-test-model is set")
    expect(emulator.requests).toEqual([])
  })

  test('without a smoke test the model inputs are unused, and say so', async () => {
    const inputs = syncPipelineInputs(emulator.url, SYNC_MODEL, { 'smoke-test': 'false' })
    const run = await runAction(inputs, { workspace: syncWorkspace('ok') })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('smoke-test-model is set, but has no effect in this run: smoke-test is false')
    expect(emulator.requests.filter((r) => r.path.startsWith('/api/model/'))).toEqual([])
  })
})

describe('smoke-test mode: the same checks, before the run', () => {
  test.each([
    ['does not exist', UNKNOWN_MODEL, 'is not a model in group'],
    ['is not Deployed', DISABLED_MODEL, "is 'Disabled', not Deployed"],
    ['has the wrong operation', ASYNC_MODEL, 'is an Async model, but the script is Sync']
  ])('a model that %s', async (_what, model, problem) => {
    const deployed = await runAction(
      syncPipelineInputs(emulator.url, SYNC_MODEL, { 'smoke-test': 'false', 'smoke-test-model': '' }),
      { workspace: syncWorkspace('ok') }
    )
    expect(deployed.code).toBe(0)
    emulator.clearRequests()
    const run = await runAction(
      {
        ...credentials(emulator.url),
        'group-token': DEFAULT_GROUP_TOKEN,
        mode: 'smoke-test',
        'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
        'smoke-test-input': '[{"income": 1000, "age": 20}]',
        'smoke-test-model': model
      },
      { workspace: syncWorkspace('ok') }
    )
    expect(run.code).toBe(1)
    const error = errorsOf(run).join('\n')
    expect(error).toContain("Input 'smoke-test-model'")
    expect(error).toContain(problem)
    expect(runs()).toEqual([])
  })
})
