/**
 * Wire compatibility with the current official client, datarisk-mlops-codex 4.0.2:
 * runs official_client_4_calls.py (a replay of its requests: tenant login, v2-first probes
 * and their 404 fallbacks, the v2 create order, an execution with named input datasets and
 * its parquet result, a broken build, search, and model.predict(data, preprocessing=...) with
 * a Sync and an Async model the scripts feed) against a fresh emulator, and again against
 * an older server (api 'v1'), then checks the replay's summary and what the emulator saw.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { parquetReadObjects } from 'hyparquet'
import { defaultEmulatorPython, hasPandas } from '../../src/harness/interpreter.js'
import {
  DEFAULT_GROUP,
  DEFAULT_GROUP_TOKEN,
  DEFAULT_PASSWORD,
  DEFAULT_TENANT,
  startEmulator,
  type Emulator,
  type RecordedRequest
} from '../../emulator/index.js'
import { repoRoot, type Json } from './helpers.js'

const SCRIPT = path.join(repoRoot, '__tests__', 'emulator', 'official_client_4_calls.py')
const V2_DATA = path.join(repoRoot, '__tests__', 'emulator', 'data', 'v2-join')
const SYNC_MODEL = 'M' + '5'.repeat(63)
const ASYNC_MODEL = 'M' + '6'.repeat(63)
/** Answers what it was given, so the test sees that the model got the preprocessing's output. */
const ECHO_MODEL = 'import json\n\ndef score(data, base_path):\n    return {"model_saw": json.loads(data)}\n'
/** Writes the columns and row count of its input (the JSON columns of the v2 parquet result). */
const COLUMNS_MODEL = `
import json
import os

def score(data_path, base_path):
    with open(os.path.join(data_path, os.environ["inputFileName"])) as handle:
        columns = json.load(handle)
    target = os.path.join(data_path, "predictions.json")
    with open(target, "w") as handle:
        json.dump({"columns": list(columns), "rows": len(next(iter(columns.values())))}, handle)
    return target
`
const withPandas = await hasPandas(await defaultEmulatorPython())
if (!withPandas)
  console.warn(
    'official client 4.0.2 replay on a current server SKIPPED: its v2 script needs pandas (install python3-pandas)'
  )

/** Runs the replay without blocking the event loop (the emulator answers in this process). */
function replay(url: string, outDir: string, extra: string[] = []): Promise<Json> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [SCRIPT, url, '--sleep-scale', '0.01', '--out-dir', outDir, ...extra], {
      cwd: outDir,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout.trim().split('\n').at(-1)!))
        : reject(new Error(`the replay exited ${code}:\n${stderr}\n${stdout}`))
    )
  })
}

const shape = (r: RecordedRequest): string =>
  `${r.method} ${r.path.replace(/S[0-9a-f]{63}/g, '{h}').replace(/\/execution\/\d+/, '/execution/{id}')} ${r.status}`

/** What build_df should give for the replay's data files, computed here from those files. */
async function expectedJoin(): Promise<Array<Record<string, unknown>>> {
  const [clientsCsv = '', loansJson = '', ratesJson = ''] = await Promise.all(
    ['clients.csv', 'loans.json', 'rates.json'].map((f) => readFile(path.join(V2_DATA, f), 'utf8'))
  )
  const [header = '', ...lines] = clientsCsv.trim().split('\n')
  const clients = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [header.split(',')[i], v])))
  const loans = JSON.parse(loansJson) as Array<{ id: number; amount: number; months: number }>
  const rates = JSON.parse(ratesJson) as Record<string, number>
  return clients.flatMap((c) =>
    loans
      .filter((l) => l.id === Number(c.id))
      .map((l) => ({
        id: l.id,
        segment: c.segment,
        amount: l.amount,
        months: l.months,
        rate: rates[c.segment],
        instalment: Number(((l.amount * (1 + (rates[c.segment] ?? NaN))) / l.months).toFixed(2))
      }))
  )
}

describe(withPandas ? 'a current server' : 'a current server (SKIPPED: no pandas)', () => {
  const maybe = withPandas ? test : test.skip
  let emu: Emulator
  let outDir: string
  let summary: Json
  let wire: RecordedRequest[]

  beforeAll(async () => {
    if (!withPandas) return
    emu = await startEmulator({
      buildSeconds: 0.2,
      models: [
        { hash: SYNC_MODEL, operation: 'Sync', code: ECHO_MODEL },
        { hash: ASYNC_MODEL, operation: 'Async', code: COLUMNS_MODEL }
      ]
    })
    outDir = await mkdtemp(path.join(os.tmpdir(), 'official-client-4-'))
    summary = await replay(emu.url, outDir, ['--sync-model', SYNC_MODEL, '--async-model', ASYNC_MODEL])
    wire = [...emu.requests]
  }, 90000)
  afterAll(async () => {
    await emu?.close()
    if (outDir) await rm(outDir, { recursive: true, force: true })
  })

  maybe('every request is answered as the client accepts (exit 0), in its order; each login sends the tenant', () => {
    expect(wire.map((r) => [r.method, r.path, r.status])).toEqual(summary.requests)
    const logins = wire.filter((r) => r.path === '/api/login')
    expect(
      logins.every(
        (r) =>
          r.status === 200 && r.form.tenant === DEFAULT_TENANT && r.contentType === 'application/x-www-form-urlencoded'
      )
    ).toBe(true)
    // No token cache in 4.x: a login before nearly every call.
    expect(logins.length).toBeGreaterThan(wire.length / 3)
    expect(new Set(wire.filter((r) => r.auth === 'group').map(shape))).toEqual(
      new Set([
        'POST /api/preprocessing/sync/run/datarisk/{h} 200',
        `POST /api/model/sync/run/datarisk/${SYNC_MODEL} 200`,
        `POST /api/model/async/run/datarisk/${ASYNC_MODEL} 202`,
        'GET /api/model/async/status/datarisk/1 200',
        'GET /api/model/async/result/datarisk/1 200'
      ])
    )
    // The record keeps no password, no token, no .env content.
    expect(JSON.stringify(wire)).not.toMatch(
      new RegExp([DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN, 'REPLAY_SECRET', 'Bearer'].join('|'))
    )
  })

  maybe('Sync: v1 create, the v2 probes answer 404 and the client falls back to v1 status, describe and run', () => {
    expect(summary.sync).toMatchObject({
      status: 'Deployed',
      operation: 'sync',
      run: { kind: 'sync', http_status: 200 }
    })
    expect(summary.sync.run.result).toEqual(summary.sync.expected)
    expect(summary.sync.logs).toBeGreaterThan(0)
    const calls = wire.filter((r) => r.path.includes(summary.sync.hash)).map(shape)
    expect(calls.slice(0, 4)).toEqual([
      'GET /api/preprocessing/sync/host/datarisk/{h} 202',
      'GET /api/v2/preprocessing/{h}/status 404',
      'GET /api/preprocessing/status/datarisk/{h} 200',
      'GET /api/v2/preprocessing/{h}/status 404'
    ])
    expect(calls).toEqual(
      expect.arrayContaining([
        'GET /api/v2/preprocessing/{h} 404',
        'GET /api/preprocessing/describe/datarisk/{h} 200',
        'POST /api/v2/preprocessing/{h}/execution 404',
        'POST /api/preprocessing/sync/run/datarisk/{h} 200'
      ])
    )
    expect(summary.fallbacks.map(([what]: [string]) => what)).toEqual(
      expect.arrayContaining(['status', 'describe', 'run'])
    )
  })

  maybe('Async: the v2 create order, named datasets, host, then Deployed with State from describe', () => {
    expect(summary.v2).toMatchObject({
      status: 'Deployed',
      operation: 'async',
      datasets: { clients: expect.stringMatching(/^D/), loans: expect.stringMatching(/^D/) }
    })
    const created = wire.filter(
      (r) => r.path.includes(summary.v2.hash) || r.path === `/api/v2/preprocessing/${DEFAULT_GROUP}`
    )
    expect(created.slice(0, 8).map(shape)).toEqual([
      'POST /api/v2/preprocessing/datarisk 201',
      'PATCH /api/v2/preprocessing/{h}/schema 201',
      'PATCH /api/v2/preprocessing/{h}/schema 201',
      'PATCH /api/v2/preprocessing/{h}/script-file 201',
      'PATCH /api/v2/preprocessing/{h}/requirements-file 201',
      'PATCH /api/v2/preprocessing/{h}/env-file 201',
      'PATCH /api/v2/preprocessing/{h}/extra-file 201',
      'PATCH /api/v2/preprocessing/{h}/status 202'
    ])
    expect(created[0]?.contentType).toBe('application/json')
    expect(created.slice(1, 7).map((r) => [r.form, r.files.map((f) => `${f.part}:${f.filename}`)])).toEqual([
      [{ dataset_name: 'clients' }, ['schema_file:clients.csv']],
      [{ dataset_name: 'loans' }, ['schema_file:loans.json']],
      [{ preprocess_reference: 'build_df', python_version: 'Python310' }, ['script:app.py']],
      [{}, ['requirements:requirements.txt']],
      [{}, [expect.stringMatching(/^env:/)]],
      [{ extra_file_name: 'rates.json' }, ['extra_file:rates.json']]
    ])
    expect(created.every((r) => r.auth === 'user')).toBe(true)
  })

  maybe(
    'execution: create, one input per dataset, run, wait, and a parquet result that holds the joined rows',
    async () => {
      const { execution, download, info } = summary.v2
      expect(execution).toMatchObject({ kind: 'execution', id: 1 })
      expect(summary.v2.final_status).toBe('Succeeded')
      expect(download).toEqual({
        status: 'Succeeded',
        output_dataset_hash: expect.stringMatching(/^D[0-9a-f]{63}$/),
        path: path.join(outDir, 'preprocessed_data.parquet')
      })
      const inputs = wire.filter((r) => r.path.endsWith('/execution/1/input'))
      expect(inputs.map((r) => [r.status, r.form.dataset_name, r.files[0]?.part])).toEqual([
        [201, 'clients', 'input'],
        [201, 'loans', 'input']
      ])
      const bytes = await readFile(download.path)
      const rows = await parquetReadObjects({
        file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
      })
      const plain = rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))
      )
      expect(plain).toEqual(await expectedJoin())
      expect(info).toMatchObject({
        ExecutionId: 1,
        Status: 'Succeeded',
        OutputDatasetHash: download.output_dataset_hash,
        Rows: plain.length
      })
    }
  )

  maybe(
    'Sync model.predict(data, preprocessing=...): one call with the script hash; the model scored its output',
    () => {
      expect(summary.model_sync).toEqual({
        operation: 'Sync',
        status: 'Deployed',
        prediction: { model_saw: summary.sync.expected }
      })
      const run = wire.find((r) => r.path === `/api/model/sync/run/${DEFAULT_GROUP}/${SYNC_MODEL}`)
      expect(run).toMatchObject({ status: 200, auth: 'group', contentType: undefined })
      expect(
        wire.filter((r) => r.path.includes(SYNC_MODEL)).map((r) => [r.method, r.path.split('/')[3], r.auth])
      ).toEqual([
        ['GET', 'describe', 'user'],
        ['GET', 'status', 'user'],
        ['POST', 'sync', 'group']
      ])
    }
  )

  maybe(
    'Async model.predict(data, preprocessing=...): the v2 result uploaded as input, waited, downloaded',
    async () => {
      expect(summary.model_async).toMatchObject({ operation: 'Async', execution_id: '1', status: 'Succeeded' })
      const upload = wire.find((r) => r.path === `/api/model/async/run/${DEFAULT_GROUP}/${ASYNC_MODEL}`)
      expect(upload?.files).toEqual([
        { part: 'input', filename: 'preprocessed_data.parquet', size: expect.any(Number) }
      ])
      const zip = unzipSync(new Uint8Array(await readFile(summary.model_async.zip)))
      const joined = await expectedJoin()
      expect(JSON.parse(strFromU8(zip['predictions.json']!))).toEqual({
        columns: Object.keys(joined[0]!),
        rows: joined.length
      })
    }
  )

  maybe('a broken build: the client raises PreprocessingError with the build error', () => {
    expect(summary.broken).toMatch(
      new RegExp(
        /^PreprocessingError: S[0-9a-f]{63} deploy failed: script\.py does not parse as Python 3\.10: /.source +
          /expected ':' at line 1/.source
      )
    )
  })

  maybe('search: the v2 list answers (no fallback) with the v2 scripts', () => {
    expect(summary.fallbacks.map(([what]: [string]) => what)).not.toContain('search')
    expect(summary.search).toEqual(expect.arrayContaining([summary.v2.hash]))
    expect(summary.search).not.toContain(summary.sync.hash)
  })
})

test('an older server (api v1): Sync and search work via the fallbacks; Async create fails as GroupError', async () => {
  const emu = await startEmulator({ buildSeconds: 0, api: 'v1' })
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'official-client-4-v1-'))
  try {
    const summary = await replay(emu.url, outDir, ['--v1-server'])
    expect(emu.requests.map((r) => [r.method, r.path, r.status])).toEqual(summary.requests)
    expect(summary.sync).toMatchObject({
      status: 'Deployed',
      operation: 'sync',
      run: { kind: 'sync', http_status: 200 }
    })
    expect(summary.sync.run.result).toEqual(summary.sync.expected)
    expect(summary.async_create).toBe('GroupError')
    expect(summary.fallbacks.at(-1)).toEqual(['search', 404])
    expect(summary.search).toEqual([summary.sync.hash])
    expect(emu.requests.filter((r) => r.path.startsWith('/api/v2/')).every((r) => r.status === 404)).toBe(true)
  } finally {
    await emu.close()
    await rm(outDir, { recursive: true, force: true })
  }
}, 60000)
