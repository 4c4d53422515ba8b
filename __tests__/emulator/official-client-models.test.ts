/**
 * neomaril-codex 2.1.1's model.predict(data, preprocessing=...) against seeded models:
 * official_client_calls.py with --sync-model / --async-model (the model half is
 * official_client_models.py). official-client.test.ts checks the rest of that replay.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { DEFAULT_GROUP, startEmulator, type Emulator, type RecordedRequest } from '../../emulator/index.js'
import { repoRoot, type Json } from './helpers.js'

const SCRIPT = path.join(repoRoot, '__tests__', 'emulator', 'official_client_calls.py')
const SYNC_MODEL = 'M' + '7'.repeat(63)
const ASYNC_MODEL = 'M' + '8'.repeat(63)
const ECHO_MODEL = 'import json\n\ndef score(data, base_path):\n    return {"model_saw": json.loads(data)}\n'
/** Writes the header and the row count of the CSV it was given. */
const CSV_MODEL = `
import csv
import json
import os

def score(data_path, base_path):
    with open(os.path.join(data_path, os.environ["inputFileName"]), newline="") as handle:
        rows = list(csv.reader(handle))
    target = os.path.join(data_path, "predictions.json")
    with open(target, "w") as handle:
        json.dump({"input": os.environ["inputFileName"], "columns": rows[0], "rows": len(rows) - 1}, handle)
    return target
`

let emu: Emulator
let outDir: string
let summary: Json
let wire: RecordedRequest[]

beforeAll(async () => {
  emu = await startEmulator({
    buildSeconds: 0.2,
    models: [
      { hash: SYNC_MODEL, operation: 'Sync', code: ECHO_MODEL },
      { hash: ASYNC_MODEL, operation: 'Async', code: CSV_MODEL }
    ]
  })
  outDir = await mkdtemp(path.join(os.tmpdir(), 'official-client-models-'))
  const args = [SCRIPT, emu.url, '--sleep-scale', '0.01', '--out-dir', outDir]
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn('python3', [...args, '--sync-model', SYNC_MODEL, '--async-model', ASYNC_MODEL], {
      cwd: outDir,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`replay exited ${code}:\n${err}`))))
  })
  summary = JSON.parse(stdout.trim().split('\n').at(-1)!)
  wire = [...emu.requests]
}, 90000)
afterAll(async () => {
  await emu?.close()
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

const calls = (model: string): string[] =>
  wire
    .filter((r) => r.path.includes(model) || r.path.startsWith('/api/model/async/'))
    .filter((r) => !r.path.startsWith('/api/model/async/') || model === ASYNC_MODEL)
    .map((r) => `${r.method} ${r.path.replace(model, '{m}').replace(/\/\d+$/, '/{id}')} ${r.status} ${r.auth}`)

test('every request is answered as 2.1.1 accepts it (exit 0), in its order', () => {
  expect(wire.map((r) => [r.method, r.path, r.status])).toEqual(summary.requests)
})

test('Sync predict(data, preprocessing=...): status, describe, then one run with the ScriptHash', () => {
  expect(summary.models.sync).toMatchObject({ status: 'Deployed', operation: 'sync', run: { http_status: 200 } })
  expect(summary.models.sync.run.result).toEqual({ model_saw: summary.sync_run.expected })
  expect([...new Set(calls(SYNC_MODEL))]).toEqual([
    `GET /api/model/status/${DEFAULT_GROUP}/{m} 200 user`,
    `GET /api/model/describe/${DEFAULT_GROUP}/{m} 200 user`,
    `POST /api/model/sync/run/${DEFAULT_GROUP}/{m} 200 group`
  ])
  const run = wire.find((r) => r.path.startsWith('/api/model/sync/run/'))
  expect(run?.contentType).toBeUndefined()
})

test('Async predict(data, preprocessing=...): the preprocessing result zip as the model input', async () => {
  expect(summary.models.async).toMatchObject({ operation: 'async', status: 'Succeeded', execution_id: '1' })
  expect([...new Set(calls(ASYNC_MODEL))]).toEqual([
    `GET /api/model/status/${DEFAULT_GROUP}/{m} 200 user`,
    `GET /api/model/describe/${DEFAULT_GROUP}/{m} 200 user`,
    `POST /api/model/async/run/${DEFAULT_GROUP}/{m} 202 group`,
    `GET /api/model/describe/${DEFAULT_GROUP}/{m}/{id} 200 user`,
    `GET /api/model/async/status/${DEFAULT_GROUP}/{id} 200 group`,
    `GET /api/model/async/result/${DEFAULT_GROUP}/{id} 200 group`
  ])
  const upload = wire.find((r) => r.path.startsWith('/api/model/async/run/'))
  expect(upload?.files.map((f) => [f.part, f.filename])).toEqual([['input', 'result_preprocessing']])
  // The model read the one file of the preprocessing's result zip.
  const entry = summary.async_run.expected_entry as string
  const header = (summary.async_run.output[entry] as string).split(/\r?\n/)[0]!.split(',')
  const zip = unzipSync(new Uint8Array(await readFile(summary.models.async.zip)))
  expect(JSON.parse(strFromU8(zip['predictions.json']!))).toEqual({
    input: entry,
    columns: header,
    rows: (summary.async_run.output[entry] as string).trim().split(/\r?\n/).length - 1
  })
})
