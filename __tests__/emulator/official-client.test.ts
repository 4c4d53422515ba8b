/**
 * Wire compatibility with the official Python client neomaril-codex 2.1.1: runs
 * official_client_calls.py (a replay of that client's requests, in its order, with its
 * encodings, accepted statuses and JSON keys) against a fresh emulator, then checks its
 * summary and what the emulator saw on the wire.
 */
import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import {
  DEFAULT_GROUP,
  DEFAULT_GROUP_TOKEN,
  DEFAULT_PASSWORD,
  DEFAULT_USER,
  startEmulator,
  type Emulator,
  type RecordedRequest
} from '../../emulator/index.js'
import { repoRoot } from './helpers.js'

const SCRIPT = path.join(repoRoot, '__tests__', 'emulator', 'official_client_calls.py')
const WIDE_FILES = ['requirements.txt', 'schema.json']
const HASH = /^S[0-9a-f]{63}$/
/**
 * The client names log days in its local time. Run it in a zone whose date is not the
 * UTC date right now (UTC-12 before noon UTC, UTC+14 after), as a user far from
 * Greenwich would: the default "last 6 days" must still find today's entries.
 */
const CLIENT_TZ = new Date().getUTCHours() < 12 ? 'Etc/GMT+12' : 'Etc/GMT-14'
const utcDay = (d: Date): string =>
  `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`

interface Summary {
  api: string
  groups: string[]
  groups_at_start: string[]
  scripts: { sync: string; async: string; official: string }
  status: Record<string, string>
  operation: Record<string, string>
  sync_run: { http_status: number; result: unknown; expected: unknown }
  official_run: { http_status: number; result: unknown; expected: unknown }
  async_run: {
    execution_id: string
    status_after_run: string
    final_status: string
    zip_path: string
    zip_entries: string[]
    output: Record<string, string>
    expected_entry: string
    matches_entrypoint: boolean
  }
  logs: { sync_group_path: number; async_groupless_path: number; sync_run_ok: number; hashes: string[]; keys: string[] }
  search: { all: string[]; deployed_in_group: string[] }
  logins: number
  health_checks: number
  requests: Array<[string, string, number]>
  seconds: number
}

/** Runs the replay without blocking the event loop (the emulator answers in this process). */
function replay(url: string, outDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'python3',
      [
        SCRIPT,
        url,
        '--user',
        DEFAULT_USER,
        '--password',
        DEFAULT_PASSWORD,
        '--group',
        DEFAULT_GROUP,
        '--group-token',
        DEFAULT_GROUP_TOKEN,
        '--sleep-scale',
        '0.02',
        '--out-dir',
        outDir
      ],
      { cwd: outDir, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', TZ: CLIENT_TZ } }
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

let emu: Emulator
let outDir: string
let summary: Summary
let wire: RecordedRequest[]

beforeAll(async () => {
  emu = await startEmulator({ buildSeconds: 1 })
  outDir = await mkdtemp(path.join(os.tmpdir(), 'official-client-'))
  const run = await replay(emu.url, outDir)
  if (run.code !== 0) throw new Error(`the replay exited ${run.code}:\n${run.stderr}\n${run.stdout}`)
  summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as Summary
  wire = [...emu.requests]
}, 60000)

afterAll(async () => {
  await emu.close()
  await rm(outDir, { recursive: true, force: true })
})

test('every request the client sends is answered as it accepts (exit 0), in its order', () => {
  expect(summary.api).toBe(`${emu.url}/api`)
  // What the emulator saw is exactly what the replay sent, answer for answer.
  expect(wire.map((r) => [r.method, r.path, r.status])).toEqual(summary.requests)
  // One login for the whole run (the client caches the token 10 minutes); a health
  // check for the client and each preprocessing and execution object it builds.
  expect(summary.logins).toBe(1)
  expect(summary.health_checks).toBe(7)
  expect(wire.filter((r) => r.path === '/api/login')).toHaveLength(1)
})

test('create (Sync and Async) registers, hosts and waits until Deployed', () => {
  expect(Object.values(summary.scripts)).toEqual([
    expect.stringMatching(HASH),
    expect.stringMatching(HASH),
    expect.stringMatching(HASH)
  ])
  expect(new Set(Object.values(summary.scripts)).size).toBe(3)
  expect(summary.status).toEqual({ sync: 'Deployed', async: 'Deployed', official: 'Deployed' })
  expect(summary.operation).toEqual({ sync: 'sync', async: 'async', official: 'sync' })
  for (const hash of Object.values(summary.scripts)) {
    const calls = wire
      .filter((r) => r.path.endsWith(`/${hash}`))
      .map((r) => `${r.method} ${r.path.replace(`/${hash}`, '').replace('/api/preprocessing/', '')}`)
    // host (a GET), status polls while Building, then the object's describe + status.
    expect(calls[0]).toMatch(/^GET (sync|async)\/host\/datarisk$/)
    expect(calls.slice(1, 3)).toEqual(['GET status/datarisk', 'GET status/datarisk'])
  }
})

test('the wire format is the client’s: form login, multipart register without part types, raw JSON sync run', () => {
  const login = wire.find((r) => r.path === '/api/login')
  expect(login).toMatchObject({
    method: 'POST',
    auth: 'none',
    contentType: 'application/x-www-form-urlencoded',
    form: { user: DEFAULT_USER }
  })

  const registers = wire.filter((r) => r.path === `/api/preprocessing/register/${DEFAULT_GROUP}`)
  expect(registers.map((r) => [r.status, r.auth, r.contentType?.split(';')[0]])).toEqual(
    Array(3).fill([201, 'user', 'multipart/form-data'])
  )
  expect(registers.map((r) => r.form)).toEqual([
    { name: 'replay sync score', script_reference: 'process', operation: 'Sync', python_version: 'Python310' },
    {
      name: 'replay async features',
      script_reference: 'build_features',
      operation: 'Async',
      python_version: 'Python39'
    },
    { name: 'replay official samples', script_reference: 'process', operation: 'Sync', python_version: 'Python38' }
  ])
  expect(registers.map((r) => r.files.map((f) => `${f.part}:${f.filename}`))).toEqual([
    ['source:script.py', 'requirements:requirements.txt', 'schema:schema.json', 'extra:limits.json'],
    ['source:script.py', 'requirements:requirements.txt', 'schema:schema.csv', 'env:.env'],
    ['source:script.py', 'requirements:requirements.txt', 'schema:schema.json', 'extra:limits.json']
  ])
  // The wide sample: a requirements.txt without a trailing newline and a 35-feature schema.json, byte for byte.
  expect(registers[2]?.files.slice(1, 3).map((f) => f.size)).toEqual(
    WIDE_FILES.map((f) => statSync(path.join(repoRoot, '__tests__', 'emulator', 'data', 'wide-sync', f)).size)
  )

  const syncRuns = wire.filter((r) => r.path.startsWith('/api/preprocessing/sync/run/'))
  expect(syncRuns.map((r) => [r.status, r.auth, r.contentType])).toEqual([
    [200, 'group', undefined],
    [200, 'group', undefined]
  ])
  const asyncRun = wire.find((r) => r.path.startsWith('/api/preprocessing/async/run/'))
  expect(asyncRun).toMatchObject({ status: 202, auth: 'group', files: [{ part: 'dataset', filename: 'schema.csv' }] })

  const route = (r: RecordedRequest): string =>
    `${r.method} ${r.path
      .replace(/\/S[0-9a-f]{63}$/, '/{hash}')
      .replace(`/${DEFAULT_GROUP}`, '/{group}')
      .replace(/\/\d+$/, '/{id}')}`
  const byAuth = (auth: string): string[] => [...new Set(wire.filter((r) => r.auth === auth).map(route))].sort()
  expect(byAuth('none')).toEqual(['GET /api/health', 'POST /api/login'])
  expect(byAuth('group')).toEqual([
    'GET /api/preprocessing/async/result/{group}/{id}',
    'GET /api/preprocessing/async/status/{group}/{id}',
    'POST /api/preprocessing/async/run/{group}/{hash}',
    'POST /api/preprocessing/sync/run/{group}/{hash}'
  ])
  expect(byAuth('user')).toEqual([
    'GET /api/groups',
    'GET /api/preprocessing/async/host/{group}/{hash}',
    'GET /api/preprocessing/describe/{group}/{hash}',
    'GET /api/preprocessing/logs/{group}/{hash}',
    'GET /api/preprocessing/logs/{hash}',
    'GET /api/preprocessing/search',
    'GET /api/preprocessing/status/{group}/{hash}',
    'GET /api/preprocessing/sync/host/{group}/{hash}',
    'POST /api/preprocessing/register/{group}'
  ])
  expect(wire.filter((r) => r.auth === 'invalid')).toEqual([])
})

test('sync run answers the entrypoint’s own return value', () => {
  expect(summary.sync_run.http_status).toBe(200)
  expect(summary.sync_run.result).toEqual(summary.sync_run.expected)
  expect(summary.sync_run.result).toEqual({
    age: 34,
    instalment: 500,
    instalment_to_income: 0.0962,
    late_payments: 0,
    has_history: true
  })
  // The client's own sample flow, run(data=<the schema dict>), on the wide 35-feature schema.json.
  expect(summary.official_run.http_status).toBe(200)
  expect(summary.official_run.result).toEqual(summary.official_run.expected)
})

test('async run: Running, waited to Succeeded, result downloaded as a readable zip of the output file', async () => {
  const run = summary.async_run
  expect(run.execution_id).toBe('1')
  expect(run.status_after_run).toBe('Running')
  expect(run.final_status).toBe('Succeeded')
  expect(run.matches_entrypoint).toBe(true)
  expect(run.zip_path).toBe(path.join(outDir, 'output.zip'))
  const entries = unzipSync(await readFile(run.zip_path))
  expect(Object.keys(entries)).toEqual(['features.csv'])
  const csv = strFromU8(entries['features.csv'] ?? new Uint8Array())
  expect(csv).toBe(run.output['features.csv'])
  expect(csv.split('\r\n')).toEqual([
    'id,instalment,instalment_to_income,late_payments',
    '1,500.0,0.0962,0',
    '2,833.33,0.1029,1',
    '3,250.0,0.119,2',
    ''
  ])
})

test('logs: both paths answer entries with the client’s keys, under its local-day dates', () => {
  expect(summary.logs.sync_group_path).toBeGreaterThan(0)
  expect(summary.logs.async_groupless_path).toBeGreaterThan(0)
  expect(summary.logs.sync_run_ok).toBe(1)
  expect(summary.logs.hashes).toEqual([summary.scripts.sync, summary.scripts.async].sort())
  expect(summary.logs.keys).toEqual(['Hash', 'OutputData', 'OutputType', 'RegisteredAt', 'Routine'])
  const logCalls = wire.filter((r) => r.path.startsWith('/api/preprocessing/logs/'))
  expect(logCalls.map((r) => r.path)).toEqual([
    `/api/preprocessing/logs/${DEFAULT_GROUP}/${summary.scripts.sync}`,
    `/api/preprocessing/logs/${summary.scripts.async}`,
    `/api/preprocessing/logs/${DEFAULT_GROUP}/${summary.scripts.sync}`
  ])
  for (const call of logCalls)
    expect(call.query).toMatchObject({
      start: expect.stringMatching(/^\d\d-\d\d-\d{4}$/),
      end: expect.stringMatching(/^\d\d-\d\d-\d{4}$/)
    })
  // The client's "today" (its local date) is not the UTC date of the entries.
  expect(logCalls[0]?.query.end).not.toBe(utcDay(new Date(logCalls[0]?.at ?? 0)))
})

test('search finds every script; groups list datarisk', () => {
  const hashes = Object.values(summary.scripts)
  expect(summary.search.all).toEqual(expect.arrayContaining(hashes))
  expect(summary.search.deployed_in_group).toEqual(expect.arrayContaining(hashes))
  expect(wire.filter((r) => r.path === '/api/preprocessing/search').map((r) => r.query)).toEqual([
    {},
    { group: DEFAULT_GROUP, state: 'Deployed' }
  ])
  expect(summary.groups).toContain(DEFAULT_GROUP)
  expect(summary.groups_at_start).toContain(DEFAULT_GROUP)
})
