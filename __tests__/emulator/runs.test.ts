/** Runs: sync (R1) and async (R2, E1, E2), with group-token auth, on fixtures and the official samples. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { parquetReadObjects } from 'hyparquet'
import { pandasPython } from '../../src/harness/interpreter.js'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import {
  ASYNC_CSV,
  ASYNC_ONE_ARG,
  ASYNC_RAISES,
  HELPER_MODULE,
  NOTEBOOK,
  SYNC_OK,
  SYNC_RAISES,
  SYNC_RETURNS_JSON_STRING,
  SYNC_SLEEPS
} from './fixtures.js'
import { bearer, deploy, getJson, GROUP, GROUP_TOKEN, logs, register, repoRoot, userToken, waitFor } from './helpers.js'

const samplesDir = path.join(repoRoot, 'samples')

let emu: Emulator
let token: string
// The emulator's default interpreter is one with pandas when the machine has one.
const withPandas = await pandasPython()
if (!withPandas)
  console.warn(
    'No interpreter here can import pandas (apt-get install python3-pandas): the DataFrame-form run is skipped.'
  )

beforeAll(async () => {
  emu = await startEmulator({ buildSeconds: 0, runTimeoutSeconds: 2 })
  token = await userToken(emu)
})
afterAll(() => emu.close())

const syncRun = (
  hash: string,
  body: string,
  headers: Record<string, string> = {},
  groupToken = GROUP_TOKEN
): Promise<Response> =>
  fetch(`${emu.url}/api/preprocessing/sync/run/${GROUP}/${hash}`, {
    method: 'POST',
    headers: { ...bearer(groupToken), ...headers },
    body
  })

const asyncRun = (hash: string, content: string, filename: string, groupToken = GROUP_TOKEN): Promise<Response> => {
  const form = new FormData()
  form.append('dataset', new Blob([content]), filename)
  return fetch(`${emu.url}/api/preprocessing/async/run/${GROUP}/${hash}`, {
    method: 'POST',
    headers: bearer(groupToken),
    body: form
  })
}

const executionStatus = async (id: string): Promise<{ ExecutionId: string; Status: string; Message: string | null }> =>
  (await getJson(emu, `/preprocessing/async/status/${GROUP}/${id}`, GROUP_TOKEN)).body

describe('sync run (R1)', () => {
  let hash: string
  beforeAll(async () => {
    hash = await deploy(emu, token, {
      source: SYNC_OK,
      extras: [
        { name: 'helper.py', content: HELPER_MODULE },
        { name: 'factor.txt', content: '5' }
      ]
    })
  })

  // fetch sends a string body as text/plain; the official client sends no Content-Type at all.
  test.each([
    ['no Content-Type', undefined],
    ['application/json', 'application/json'],
    ['text/plain', 'text/plain;charset=UTF-8']
  ])('parses the JSON body whatever the Content-Type (%s)', async (_label, contentType) => {
    const body = Buffer.from(JSON.stringify({ Input: { x: 4 } }))
    // A Uint8Array body makes fetch send no Content-Type unless we set one.
    const res = await fetch(`${emu.url}/api/preprocessing/sync/run/${GROUP}/${hash}`, {
      method: 'POST',
      headers: { ...bearer(GROUP_TOKEN), ...(contentType ? { 'Content-Type': contentType } : {}) },
      body
    })
    expect(res.status).toBe(200)
    // data arrives as a JSON string; the prints did not corrupt the answer; cwd is the script folder.
    expect(await res.json()).toEqual({ doubled: 40, type: 'str', cwd: true })
    expect(emu.requests.at(-1)!.contentType).toBe(contentType)
  })

  test('a success leaves Run/Ok and Run/Debug (printed output) log entries', async () => {
    const entries = await logs(emu, token, hash, '?routine=Run')
    expect(entries.some((e) => e.OutputType === 'Ok')).toBe(true)
    expect(entries.find((e) => e.OutputType === 'Debug')?.OutputData).toMatch(/processing \['x'\]/)
  })

  test('a JSON string return value is sent parsed', async () => {
    const echo = await deploy(emu, token, { source: SYNC_RETURNS_JSON_STRING })
    const res = await syncRun(echo, JSON.stringify({ Input: [1, 'two'] }))
    expect(await res.json()).toEqual({ echo: [1, 'two'] })
  })

  test('a notebook entrypoint runs', async () => {
    const nb = await deploy(emu, token, { source: NOTEBOOK, sourceName: 'nb.ipynb' })
    expect(await (await syncRun(nb, '{"Input": {"b": 1, "a": 2}}')).json()).toEqual({
      from: 'notebook',
      keys: ['a', 'b']
    })
  })

  test('a raising entrypoint is a 500 ExecutionError with the traceback, and a Run/Error log entry', async () => {
    const bad = await deploy(emu, token, { source: SYNC_RAISES })
    const res = await syncRun(bad, '{"Input": {}}')
    expect(res.status).toBe(500)
    const body = await res.json()
    expect(body.Error.Type).toBe('ExecutionError')
    expect(body.Error.Message).toMatch(
      /^Traceback[\s\S]*script\.py", line 3, in process[\s\S]*ValueError: the input is not acceptable$/
    )
    expect(body.Error.Message).not.toMatch(/harness\.py/)
    const errors = await logs(emu, token, bad, '?routine=Run&type=Error')
    expect(errors.map((e) => e.OutputData)).toEqual([body.Error.Message])
  })

  test('a 5 MB Input reaches the entrypoint whole (through a file, not argv)', async () => {
    const big = await deploy(emu, token, {
      source:
        'import json\ndef process(data, base_path):\n    return {"rows": len(json.loads(data)), "chars": len(data)}\n'
    })
    const input = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ id: i, note: 'z'.repeat(90) })))
    expect(input.length).toBeGreaterThan(5_000_000)
    const res = await syncRun(big, JSON.stringify({ Input: JSON.parse(input) }))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ rows: 50_000, chars: input.length })
  })

  test('a run over the time limit is killed: 500 "timed out"', async () => {
    const slow = await deploy(emu, token, { source: SYNC_SLEEPS })
    const started = Date.now()
    const res = await syncRun(slow, '{"Input": 1}')
    expect(res.status).toBe(500)
    expect((await res.json()).Error).toEqual({ Type: 'ExecutionError', Message: 'Execution timed out after 2 s' })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('bad bodies are 400 BadInput', async () => {
    for (const body of ['not json', '{"input": 1}', '[1]', '']) {
      const res = await syncRun(hash, body)
      expect(res.status).toBe(400)
      expect((await res.json()).Error.Type).toBe('BadInput')
    }
  })

  test('the group token is required: none, wrong, a user token, or another group are 401', async () => {
    for (const groupToken of ['', 'f'.repeat(32), token]) {
      const res = await syncRun(hash, '{"Input": {"x": 1}}', {}, groupToken)
      expect(res.status).toBe(401)
      expect((await res.json()).Error.Type).toBe('InvalidBearerToken')
    }
    const otherGroup = await fetch(`${emu.url}/api/preprocessing/sync/run/other/${hash}`, {
      method: 'POST',
      headers: bearer(GROUP_TOKEN),
      body: '{"Input": 1}'
    })
    expect(otherGroup.status).toBe(401)
  })

  test('a script that is not Deployed is 409; an async script is 400', async () => {
    const ready = await register(emu, token, { source: SYNC_OK })
    const res = await syncRun(ready, '{"Input": {"x": 1}}')
    expect(res.status).toBe(409)
    expect((await res.json()).Error).toEqual({ Type: 'ScriptNotDeployed', Message: expect.stringMatching(/is Ready/) })

    const asyncHash = await deploy(emu, token, { source: ASYNC_ONE_ARG, ref: 'run', operation: 'Async' })
    expect((await syncRun(asyncHash, '{"Input": 1}')).status).toBe(400)
  })
})

describe('async run (R2, E1, E2)', () => {
  let hash: string
  beforeAll(async () => {
    hash = await deploy(emu, token, {
      source: ASYNC_CSV,
      ref: 'build_df',
      operation: 'Async',
      schema: { name: 'schema.csv', content: 'a,b\n' }
    })
  })

  test('R2 answers 202 with a string ExecutionId counted per script; E1 starts Running; E2 gives a zip', async () => {
    const res = await asyncRun(hash, 'a,b\n1,2\n3,4\n', 'data.csv')
    expect(res.status).toBe(202)
    const body = await res.json()
    expect(body).toEqual({
      Message: expect.stringMatching(
        /^Execution '1' started to generate 'D[0-9a-f]{63}'\. Use the id to check its status\.$/
      ),
      ExecutionId: '1'
    })
    // Quirk: an execution starts at Running, never Requested.
    expect(await executionStatus('1')).toEqual({ ExecutionId: '1', Status: 'Running', Message: null })

    const early = await getJson(emu, `/preprocessing/async/result/${GROUP}/1`, GROUP_TOKEN)
    expect(early.status).toBe(400)
    expect(early.body.Error.Message).toMatch(/is Running/)

    const done = await waitFor(
      () => executionStatus('1'),
      (s) => s.Status !== 'Running'
    )
    expect(done).toEqual({ ExecutionId: '1', Status: 'Succeeded', Message: null })

    const result = await fetch(`${emu.url}/api/preprocessing/async/result/${GROUP}/1`, { headers: bearer(GROUP_TOKEN) })
    expect(result.status).toBe(200)
    expect(result.headers.get('content-type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await result.arrayBuffer()))
    expect(Object.keys(files)).toEqual(['base_preprocessada.csv'])
    expect(strFromU8(files['base_preprocessada.csv'] ?? new Uint8Array()).split(/\r?\n/)).toEqual([
      'row,a,b',
      '1,1,2',
      '2,3,4',
      ''
    ])

    // The second execution of the same script is '2'.
    expect((await (await asyncRun(hash, 'a\n', 'again.csv')).json()).ExecutionId).toBe('2')
    await waitFor(
      () => executionStatus('2'),
      (s) => s.Status === 'Succeeded'
    )
  })

  ;(withPandas ? test : test.skip)(
    "the current server's DataFrame form build_df(df, data_path, extra_path) gives processed_data.parquet",
    async () => {
      // Its own emulator: importing pandas can take longer than the 2 s limit above.
      const pandasEmu = await startEmulator({ buildSeconds: 0, python: withPandas })
      try {
        const pandasToken = await userToken(pandasEmu)
        const frame = await deploy(pandasEmu, pandasToken, {
          source: 'def build_df(df, data_path, extra_path=None):\n    df["total"] = df["a"] + df["b"]\n    return df\n',
          ref: 'build_df',
          operation: 'Async'
        })
        const form = new FormData()
        form.append('dataset', new Blob(['a,b\n1,2\n3,4\n']), 'input.csv')
        const started = await fetch(`${pandasEmu.url}/api/preprocessing/async/run/${GROUP}/${frame}`, {
          method: 'POST',
          headers: bearer(GROUP_TOKEN),
          body: form
        })
        const id = ((await started.json()) as { ExecutionId: string }).ExecutionId
        await waitFor(
          async () => (await getJson(pandasEmu, `/preprocessing/async/status/${GROUP}/${id}`, GROUP_TOKEN)).body,
          (s) => s.Status === 'Succeeded'
        )
        const result = await fetch(`${pandasEmu.url}/api/preprocessing/async/result/${GROUP}/${id}`, {
          headers: bearer(GROUP_TOKEN)
        })
        const parquet =
          unzipSync(new Uint8Array(await result.arrayBuffer()))['processed_data.parquet'] ?? new Uint8Array()
        expect(
          await parquetReadObjects({
            file: parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength)
          })
        ).toEqual([
          { a: 1n, b: 2n, total: 3n },
          { a: 3n, b: 4n, total: 7n }
        ])
      } finally {
        await pandasEmu.close()
      }
    }
  )

  test('a one-argument entrypoint gets the dataset path and inputFileName', async () => {
    const one = await deploy(emu, token, { source: ASYNC_ONE_ARG, ref: 'run', operation: 'Async' })
    const id = (await (await asyncRun(one, 'hello', 'words.txt')).json()).ExecutionId
    await waitFor(
      () => executionStatus(id),
      (s) => s.Status === 'Succeeded'
    )
    const result = await fetch(`${emu.url}/api/preprocessing/async/result/${GROUP}/${id}`, {
      headers: bearer(GROUP_TOKEN)
    })
    expect(strFromU8(unzipSync(new Uint8Array(await result.arrayBuffer()))['out.txt'] ?? new Uint8Array())).toBe(
      'input was words.txt'
    )
  })

  test('a raising entrypoint: Running, then Failed with the error as Message and Run/Error logs', async () => {
    const bad = await deploy(emu, token, { source: ASYNC_RAISES, ref: 'build_df', operation: 'Async' })
    const id = (await (await asyncRun(bad, 'x', 'x.csv')).json()).ExecutionId
    expect((await executionStatus(id)).Status).toBe('Running')
    const failed = await waitFor(
      () => executionStatus(id),
      (s) => s.Status !== 'Running'
    )
    expect(failed).toEqual({ ExecutionId: id, Status: 'Failed', Message: 'RuntimeError: cannot read the dataset' })
    const errors = (await logs(emu, token, bad, '?routine=Run&type=Error')).map((e) => e.OutputData).join('\n')
    expect(errors).toMatch(/Traceback[\s\S]*RuntimeError: cannot read the dataset/)
    expect((await getJson(emu, `/preprocessing/async/result/${GROUP}/${id}`, GROUP_TOKEN)).status).toBe(400)
  })

  test('missing dataset part, unknown execution, and a wrong group token', async () => {
    const empty = await fetch(`${emu.url}/api/preprocessing/async/run/${GROUP}/${hash}`, {
      method: 'POST',
      headers: bearer(GROUP_TOKEN),
      body: new FormData()
    })
    expect(empty.status).toBe(400)
    expect((await empty.json()).Error.Message).toMatch(/'dataset'/)
    expect((await getJson(emu, `/preprocessing/async/status/${GROUP}/999`, GROUP_TOKEN)).status).toBe(404)
    expect((await getJson(emu, `/preprocessing/async/result/${GROUP}/999`, GROUP_TOKEN)).status).toBe(404)
    expect((await asyncRun(hash, 'a', 'a.csv', 'e'.repeat(32))).status).toBe(401)
    expect((await getJson(emu, `/preprocessing/async/status/${GROUP}/1`, token)).status).toBe(401)
    expect((await getJson(emu, `/preprocessing/async/result/${GROUP}/1`)).status).toBe(401)
  })
})

describe("the project's samples (samples/)", () => {
  test('sync: schema.json is the schema part and a valid Input', async () => {
    const schema = await readFile(path.join(samplesDir, 'sync', 'schema.json'), 'utf8')
    const requirements = await readFile(path.join(samplesDir, 'sync', 'requirements.txt'), 'utf8')
    const source = [
      'import json',
      'FEATURES = ["age", "loan_amount", "not_in_sample"]',
      'def process(data, base_path):',
      '    values = json.loads(data)',
      '    return {name: values.get(name, 0) for name in FEATURES}',
      ''
    ].join('\n')
    const hash = await deploy(emu, token, { source, requirements, schema: { name: 'schema.json', content: schema } })
    const res = await syncRun(hash, JSON.stringify({ Input: JSON.parse(schema) }))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ age: 34, loan_amount: 12000, not_in_sample: 0 })
  })

  test('async: schema.csv, sent again as the dataset, through a csv-module entrypoint', async () => {
    const dir = path.join(samplesDir, 'async')
    const [schema = '', requirements = ''] = await Promise.all(
      ['schema.csv', 'requirements.txt'].map((f) => readFile(path.join(dir, f), 'utf8'))
    )
    const input = schema
    const hash = await deploy(emu, token, {
      source: ASYNC_CSV,
      ref: 'build_df',
      operation: 'Async',
      requirements,
      schema: { name: 'schema.csv', content: schema }
    })
    const id = (await (await asyncRun(hash, input, 'input.csv')).json()).ExecutionId
    expect(id).toBe('1')
    await waitFor(
      () => executionStatus(id),
      (s) => s.Status === 'Succeeded'
    )
    const zip = await fetch(`${emu.url}/api/preprocessing/async/result/${GROUP}/${id}`, {
      headers: bearer(GROUP_TOKEN)
    })
    const lines = strFromU8(
      unzipSync(new Uint8Array(await zip.arrayBuffer()))['base_preprocessada.csv'] ?? new Uint8Array()
    )
      .trim()
      .split(/\r?\n/)
    const inputLines = input.trim().split(/\r?\n/)
    expect(lines).toHaveLength(inputLines.length)
    expect(lines[0]).toBe('row,' + inputLines[0])
    expect(lines[1]).toBe('1,1,34,5200,12000,24,0')
  })
})
