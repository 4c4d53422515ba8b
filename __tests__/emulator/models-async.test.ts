/**
 * The Async model routes (emulator/README.md, Models): the client runs the preprocessing's
 * execution, downloads its result and uploads it as the model's `input`; the model runs in
 * the background (status), and its output comes back zipped (result).
 */
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { DEFAULT_GROUP_TOKEN, type Emulator } from '../../emulator/index.js'
import { bearer, deploy, emulatorWithToken, getJson, GROUP, waitFor, type Json } from './helpers.js'
import { FEED_ASYNC, MODEL_ASYNC, MODEL_SYNC } from './model-fixtures.js'

const ASYNC = 'M' + 'a'.repeat(63)
const SYNC = 'M' + 'b'.repeat(63)
const FAILED = 'M' + 'c'.repeat(63)

let emu: Emulator
let token: string

beforeAll(async () => {
  ;({ emu, token } = await emulatorWithToken({
    buildSeconds: 0,
    models: [
      { hash: ASYNC, operation: 'Async', code: MODEL_ASYNC },
      { hash: SYNC, operation: 'Sync', code: MODEL_SYNC },
      { hash: FAILED, operation: 'Async', code: MODEL_ASYNC, status: 'Failed' }
    ]
  }))
}, 30000)
afterAll(() => emu.close())

async function upload(
  url: string,
  part: string,
  content: string | Uint8Array,
  filename: string,
  auth = DEFAULT_GROUP_TOKEN
): Promise<{ status: number; body: Json }> {
  const form = new FormData()
  form.append(part, new Blob([content as BlobPart]), filename)
  const res = await fetch(`${emu.url}/api${url}`, { method: 'POST', headers: bearer(auth), body: form })
  return { status: res.status, body: await res.json() }
}

const runModel = (
  content: string | Uint8Array,
  filename: string,
  model = ASYNC
): Promise<{ status: number; body: Json }> => upload(`/model/async/run/${GROUP}/${model}`, 'input', content, filename)

const finished = (kind: 'preprocessing' | 'model', id: string): Promise<Json> =>
  waitFor(
    async () => (await getJson(emu, `/${kind}/async/status/${GROUP}/${id}`, DEFAULT_GROUP_TOKEN)).body,
    (s: Json) => s.Status !== 'Running'
  )

async function resultFiles(id: string): Promise<Record<string, string>> {
  const res = await fetch(`${emu.url}/api/model/async/result/${GROUP}/${id}`, { headers: bearer(DEFAULT_GROUP_TOKEN) })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/zip')
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]))
}

test('v1 pipeline: the preprocessing execution, its result as the input of the model execution', async () => {
  const feed = await deploy(emu, token, { source: FEED_ASYNC, operation: 'Async', ref: 'build_df' })
  const started = await upload(
    `/preprocessing/async/run/${GROUP}/${feed}`,
    'dataset',
    'id,income\n1,5000\n2,2000\n',
    'in.csv'
  )
  expect(started.status).toBe(202)
  expect(await finished('preprocessing', started.body.ExecutionId)).toMatchObject({ Status: 'Succeeded' })
  const zip = await fetch(`${emu.url}/api/preprocessing/async/result/${GROUP}/${started.body.ExecutionId}`, {
    headers: bearer(DEFAULT_GROUP_TOKEN)
  })
  const features = unzipSync(new Uint8Array(await zip.arrayBuffer()))['features.csv']!
  const run = await runModel(features, 'features.csv')
  expect(run).toEqual({ status: 202, body: { Message: expect.any(String), ExecutionId: '1' } })
  expect((await getJson(emu, `/model/async/status/${GROUP}/1`, DEFAULT_GROUP_TOKEN)).body.Status).toBe('Running')
  expect(await finished('model', '1')).toEqual({ ExecutionId: '1', Status: 'Succeeded', Message: null })
  expect(await resultFiles('1')).toEqual({ 'scores.csv': 'score\n5.0\n2.0\n' })
  const modelCalls = emu.requests.filter((r) => r.path.startsWith('/api/model/'))
  expect(modelCalls.every((r) => r.auth === 'group')).toBe(true)
  expect(modelCalls[0]?.files).toEqual([{ part: 'input', filename: 'features.csv', size: features.length }])
})

test('v2 pipeline: a parquet input (preprocessed_data.parquet) reaches the model as JSON columns', async () => {
  const parquet = new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'id', type: 'INT64', data: [1n, 2n, 3n] },
        { name: 'income', type: 'DOUBLE', data: [1000, 2500, 4000] }
      ]
    })
  )
  const run = await runModel(parquet, 'preprocessed_data.parquet')
  expect(run.status).toBe(202)
  expect(await finished('model', run.body.ExecutionId)).toMatchObject({ Status: 'Succeeded' })
  expect(await resultFiles(run.body.ExecutionId)).toEqual({ 'scores.csv': 'score\n1.0\n2.5\n4.0\n' })
  const junk = await runModel('not parquet', 'preprocessed_data.parquet')
  expect(junk).toMatchObject({ status: 400, body: { Error: { Type: 'BadInput' } } })
  expect(junk.body.Error.Message).toMatch(/^The 'input' file 'preprocessed_data.parquet' is not a readable parquet/)
  // A refused input starts nothing: the next execution takes the next id.
  expect((await runModel('income\n1\n', 'f.csv')).body.ExecutionId).toBe(String(Number(run.body.ExecutionId) + 1))
})

test('2.1.1 uploads the v1 result zip as it downloaded it: the model gets the one file inside', async () => {
  const zip = zipSync({ 'features.csv': strToU8('income\n3000\n') })
  const run = await runModel(zip, 'result_preprocessing')
  expect(run.status).toBe(202)
  expect(await finished('model', run.body.ExecutionId)).toMatchObject({ Status: 'Succeeded' })
  expect(await resultFiles(run.body.ExecutionId)).toEqual({ 'scores.csv': 'score\n3.0\n' })
  const two = zipSync({ 'a.csv': strToU8('income\n1\n'), 'b.csv': strToU8('income\n2\n') })
  expect((await runModel(two, 'result_preprocessing')).body.Error.Message).toBe(
    "The 'input' zip 'result_preprocessing' holds 2 files; the emulator takes one"
  )
})

test('an execution described under its model (user token), as the 2.1.1 execution object reads it', async () => {
  const run = await runModel('income\n1000\n', 'f.csv')
  const id = run.body.ExecutionId
  await finished('model', id)
  const { status, body } = await getJson(emu, `/model/describe/${GROUP}/${ASYNC}/${id}`, token)
  expect(status).toBe(200)
  expect(body.Description).toMatchObject({ ExecutionId: id, ModelHash: ASYNC, ExecutionState: 'Succeeded' })
  expect((await getJson(emu, `/model/describe/${GROUP}/${SYNC}/${id}`, token)).status).toBe(404)
  expect((await getJson(emu, `/model/describe/${GROUP}/${ASYNC}/999`, token)).status).toBe(404)
})

test('an input without the feature the model needs: the execution Fails with the model’s error', async () => {
  const run = await runModel('id,age\n1,30\n', 'features.csv')
  const status = await finished('model', run.body.ExecutionId)
  expect(status.Status).toBe('Failed')
  expect(status.Message).toMatch(new RegExp(`^The model '${ASYNC}' failed: Traceback`))
  expect(status.Message).toMatch(/ValueError: missing feature: income$/)
  const early = await fetch(`${emu.url}/api/model/async/result/${GROUP}/${run.body.ExecutionId}`, {
    headers: bearer(DEFAULT_GROUP_TOKEN)
  })
  expect(early.status).toBe(400)
})

test('unknown model 404, not Deployed 409, a Sync model 400, no input part 400, a dataset_hash 400', async () => {
  expect((await runModel('income\n1\n', 'f.csv', 'M' + 'd'.repeat(63))).status).toBe(404)
  expect(await runModel('income\n1\n', 'f.csv', FAILED)).toMatchObject({
    status: 409,
    body: { Error: { Type: 'ModelNotDeployed', Message: `Model '${FAILED}' is Failed, not Deployed` } }
  })
  const sync = await runModel('income\n1\n', 'f.csv', SYNC)
  expect(sync).toMatchObject({ status: 400, body: { Error: { Message: expect.stringMatching(/is Sync/) } } })
  expect((await upload(`/model/async/run/${GROUP}/${ASYNC}`, 'dataset', 'income\n1\n', 'f.csv')).status).toBe(400)
  const byHash = await fetch(`${emu.url}/api/model/async/run/${GROUP}/${ASYNC}`, {
    method: 'POST',
    headers: bearer(DEFAULT_GROUP_TOKEN),
    body: new URLSearchParams({ dataset_hash: 'D' + '0'.repeat(63) })
  })
  expect(byHash.status).toBe(400)
  expect((await getJson(emu, `/model/async/status/${GROUP}/999`, DEFAULT_GROUP_TOKEN)).status).toBe(404)
  expect((await getJson(emu, `/model/async/status/${GROUP}/1`, token)).status).toBe(401)
  expect((await upload(`/model/async/run/${GROUP}/${ASYNC}`, 'input', 'income\n1\n', 'f.csv', token)).status).toBe(401)
})

test('a reset fault on the run call acts on nothing: no execution starts, the next run takes the next id', async () => {
  const first = await runModel('income\n1000\n', 'f.csv')
  emu.addFault({ path: '^/api/model/async/run/', kind: 'reset' })
  await expect(runModel('income\n1\n', 'f.csv')).rejects.toThrow()
  const next = await runModel('income\n7000\n', 'f.csv')
  expect(Number(next.body.ExecutionId)).toBe(Number(first.body.ExecutionId) + 1)
  expect(await finished('model', next.body.ExecutionId)).toMatchObject({ Status: 'Succeeded' })
  expect(await resultFiles(next.body.ExecutionId)).toEqual({ 'scores.csv': 'score\n7.0\n' })
  expect(emu.requests.filter((r) => r.fault === 'reset').map((r) => r.status)).toEqual([0])
})
