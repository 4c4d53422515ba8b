/**
 * The Sync model routes (emulator/README.md, Models): status, describe, and the run with a
 * ScriptHash, where the preprocessing runs first and the model on its output; each stage's
 * failure answered with its own error; unknown model, not Deployed, wrong operation, tokens.
 */
import { DEFAULT_GROUP_TOKEN, type Emulator } from '../../emulator/index.js'
import { bearer, deploy, emulatorWithToken, getJson, GROUP, register, type Json } from './helpers.js'
import { FEED_BROKEN, FEED_OK, FEED_RENAMED, MODEL_ASYNC, MODEL_SYNC } from './model-fixtures.js'
import { ASYNC_CSV } from './fixtures.js'
import { problemsOf, VALID } from '../helpers/input-source.js'

const hashOf = (c: string): string => 'M' + c.repeat(63)
const SYNC = hashOf('a')
const ASYNC = hashOf('b')
const BUILDING = hashOf('c')
const ROWS = [
  { income: 5000, age: 30 },
  { income: 2000, age: 50 }
]

let emu: Emulator
let token: string
let feed: string

beforeAll(async () => {
  ;({ emu, token } = await emulatorWithToken({
    buildSeconds: 0,
    models: [
      { hash: SYNC, name: 'credit', operation: 'Sync', code: MODEL_SYNC },
      { hash: ASYNC, operation: 'Async', code: MODEL_ASYNC },
      { hash: BUILDING, operation: 'Sync', code: MODEL_SYNC, status: 'Building' }
    ]
  }))
  feed = await deploy(emu, token, { source: FEED_OK })
}, 30000)
afterAll(() => emu.close())

async function runSync(
  model: string,
  body: unknown,
  auth = DEFAULT_GROUP_TOKEN
): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${emu.url}/api/model/sync/run/${GROUP}/${model}`, {
    method: 'POST',
    headers: bearer(auth),
    body: JSON.stringify(body)
  })
  return { status: res.status, body: await res.json() }
}

test('status and describe (user token) answer the seeded model', async () => {
  expect(await getJson(emu, `/model/status/${GROUP}/${SYNC}`, token)).toEqual({
    status: 200,
    body: { Status: 'Deployed', Message: null }
  })
  expect((await getJson(emu, `/model/status/${GROUP}/${BUILDING}`, token)).body.Status).toBe('Building')
  const { status, body } = await getJson(emu, `/model/describe/${GROUP}/${ASYNC}`, token)
  expect(status).toBe(200)
  expect(body.Description).toMatchObject({ ModelHash: ASYNC, Group: GROUP, Operation: 'Async', Status: 'Deployed' })
  expect(emu.models().map((m) => m.hash)).toEqual([SYNC, ASYNC, BUILDING])
  const listed = (await (await fetch(`${emu.url}/__emulator/models`)).json()) as Json[]
  expect(listed.map((m) => [m.hash, m.operation, m.status])).toEqual([
    [SYNC, 'Sync', 'Deployed'],
    [ASYNC, 'Async', 'Deployed'],
    [BUILDING, 'Sync', 'Building']
  ])
})

test('Sync pipeline: the preprocessing runs on Input, the model on its output; the answer is the model’s', async () => {
  expect(await runSync(SYNC, { Input: ROWS, ScriptHash: feed })).toEqual({
    status: 200,
    body: { scores: [0.8, 0.7] }
  })
  // Without ScriptHash the model gets Input itself (here: features it does not know).
  expect(await runSync(SYNC, { Input: [{ income_k: 1, age: 10 }] })).toEqual({ status: 200, body: { scores: [0.2] } })
  const run = emu.requests.filter((r) => r.path.startsWith('/api/model/sync/run/'))
  expect(run.every((r) => r.auth === 'group')).toBe(true)
})

test('a preprocessing output that lacks a feature: 500 ModelError naming the model and the feature', async () => {
  const renamed = await deploy(emu, token, { source: FEED_RENAMED })
  const { status, body } = await runSync(SYNC, { Input: ROWS, ScriptHash: renamed })
  expect(status).toBe(500)
  expect(body.Error.Type).toBe('ModelError')
  expect(body.Error.Message).toMatch(
    new RegExp(`^The model '${SYNC}' failed on the output of the preprocessing '${renamed}': Traceback`)
  )
  expect(body.Error.Message).toMatch(/ValueError: missing feature\(s\): age$/)
})

test('a broken preprocessing: 500 PreprocessingError with its traceback; the model is not called', async () => {
  const broken = await deploy(emu, token, { source: FEED_BROKEN })
  const { status, body } = await runSync(SYNC, { Input: ROWS, ScriptHash: broken })
  expect(status).toBe(500)
  expect(body.Error.Type).toBe('PreprocessingError')
  expect(body.Error.Message).toMatch(new RegExp(`^The preprocessing '${broken}' failed: Traceback`))
  expect(body.Error.Message).toMatch(/KeyError: 'income_total'$/)
})

test('the preprocessing cannot run: unknown 404, Async 400, not Deployed 409, each naming the stage', async () => {
  const unknown = 'S' + '0'.repeat(63)
  const missing = await runSync(SYNC, { Input: ROWS, ScriptHash: unknown })
  expect(missing.status).toBe(404)
  expect(missing.body.Error.Message).toMatch(new RegExp(`^The preprocessing '${unknown}' cannot run: No script`))
  const asyncScript = await deploy(emu, token, { source: ASYNC_CSV, operation: 'Async', ref: 'build_df' })
  const wrong = await runSync(SYNC, { Input: ROWS, ScriptHash: asyncScript })
  expect(wrong.status).toBe(400)
  expect(wrong.body.Error.Message).toMatch(/cannot run: Script '.+' is Async, not Sync$/)
  const ready = await register(emu, token, { source: FEED_OK })
  const notDeployed = await runSync(SYNC, { Input: ROWS, ScriptHash: ready })
  expect(notDeployed).toMatchObject({ status: 409, body: { Error: { Type: 'ScriptNotDeployed' } } })
  expect(notDeployed.body.Error.Message).toMatch(new RegExp(`^The preprocessing '${ready}' cannot run: .* is Ready`))
  const bad = await runSync(SYNC, { Input: ROWS, ScriptHash: 42 })
  expect(bad).toMatchObject({ status: 400, body: { Error: { Type: 'BadInput' } } })
  expect((await runSync(SYNC, { ScriptHash: feed })).status).toBe(400)
})

test('unknown model 404, not Deployed 409, wrong operation 400; status and describe 404 too', async () => {
  const unknown = hashOf('d')
  expect(await runSync(unknown, { Input: ROWS })).toEqual({
    status: 404,
    body: { Error: { Type: 'NotFound', Message: `Model '${unknown}' not found in group '${GROUP}'` } }
  })
  expect((await getJson(emu, `/model/status/${GROUP}/${unknown}`, token)).status).toBe(404)
  expect((await getJson(emu, `/model/describe/${GROUP}/${unknown}`, token)).status).toBe(404)
  const building = await runSync(BUILDING, { Input: ROWS, ScriptHash: feed })
  expect(building).toMatchObject({ status: 409, body: { Error: { Type: 'ModelNotDeployed' } } })
  const wrong = await runSync(ASYNC, { Input: ROWS, ScriptHash: feed })
  expect(wrong).toMatchObject({ status: 400, body: { Error: { Type: 'BadInput' } } })
  expect(wrong.body.Error.Message).toMatch(/is Async; use \/model\/async\/run/)
})

test('tokens: a run needs the group token, status and describe the user token', async () => {
  expect((await runSync(SYNC, { Input: ROWS }, token)).status).toBe(401)
  expect((await runSync(SYNC, { Input: ROWS }, 'f'.repeat(32))).status).toBe(401)
  expect((await getJson(emu, `/model/status/${GROUP}/${SYNC}`, DEFAULT_GROUP_TOKEN)).status).toBe(401)
  expect((await getJson(emu, `/model/describe/${GROUP}/${SYNC}`)).status).toBe(401)
})

test('faults apply to the model routes, and they are recorded like the others', async () => {
  emu.addFault({ path: '^/api/model/status/', kind: 'status', status: 503, times: 1 })
  expect((await getJson(emu, `/model/status/${GROUP}/${SYNC}`, token)).status).toBe(503)
  expect((await getJson(emu, `/model/status/${GROUP}/${SYNC}`, token)).status).toBe(200)
  emu.addFault({ path: '^/api/model/sync/run/', kind: 'status', status: 502 })
  expect((await runSync(SYNC, { Input: ROWS, ScriptHash: feed })).status).toBe(502)
  const faulted = emu.requests.filter((r) => r.fault === 'status').map((r) => [r.path.split('/')[3], r.status])
  // The group token travels with every run; the record keeps no header, so no token.
  expect(JSON.stringify(emu.requests)).not.toMatch(new RegExp(`${DEFAULT_GROUP_TOKEN}|${token}|Bearer`))
  expect(faulted).toEqual([
    ['status', 503],
    ['sync', 502]
  ])
})

test('seeds are checked: a bad hash, operation, status or source, an unknown group, a hash seeded twice', async () => {
  await expect(emu.addModel({ hash: 'M123', operation: 'Sync', code: MODEL_SYNC })).rejects.toThrow(/'hash' must be/)
  await expect(emu.addModel({ operation: 'Batch' as 'Sync', code: MODEL_SYNC })).rejects.toThrow(/'operation'/)
  await expect(emu.addModel({ operation: 'Sync', code: MODEL_SYNC, status: 'Gone' as 'Deployed' })).rejects.toThrow(
    /'status' must be one of Ready, Building, Deployed, Failed, Disabled/
  )
  await expect(emu.addModel({ operation: 'Sync' })).rejects.toThrow(/exactly one of 'source'/)
  await expect(emu.addModel({ operation: 'Sync', code: MODEL_SYNC, group: 'nope' })).rejects.toThrow(
    /group 'nope' does not exist/
  )
  await expect(emu.addModel({ hash: SYNC, operation: 'Sync', code: MODEL_SYNC })).rejects.toThrow(/seeded twice/)
  const added = await emu.addModel({ operation: 'Sync', code: MODEL_SYNC })
  expect(added).toMatchObject({
    hash: expect.stringMatching(/^M[0-9a-f]{63}$/),
    status: 'Deployed',
    entrypoint: 'score'
  })
})

test("a seed's hash follows the smoke-test-model input's rule: what one takes, the other takes", async () => {
  const candidates = [
    hashOf('E'),
    `M${'aB'.repeat(31)}c`,
    hashOf('f'),
    hashOf('g'),
    `m${'a'.repeat(63)}`,
    'M' + 'a'.repeat(62)
  ]
  const gate = { ...VALID, 'smoke-test': 'true', 'group-token': DEFAULT_GROUP_TOKEN }
  for (const hash of candidates) {
    const inputTakes = problemsOf({ ...gate, 'smoke-test-model': hash }).length === 0
    const seeded = await emu.addModel({ hash, operation: 'Sync', code: MODEL_SYNC }).then(
      () => true,
      () => false
    )
    expect({ hash, seeded }).toEqual({ hash, seeded: inputTakes })
  }
})
