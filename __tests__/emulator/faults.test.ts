/** Fault injection (programmatic and over HTTP) and the request record. */
import type { Emulator, FaultSpec } from '../../emulator/index.js'
import { HELPER_MODULE, SYNC_OK, V2_CLIENTS_CSV } from './fixtures.js'
import {
  bearer,
  filePart,
  getJson,
  GROUP,
  GROUP_TOKEN,
  host,
  login,
  register,
  registerForm,
  registerV2,
  emulatorWithToken,
  scriptStatus,
  v2Call,
  type Json,
  type Upload
} from './helpers.js'

const GOOD: Upload = {
  source: SYNC_OK,
  extras: [
    { name: 'helper.py', content: HELPER_MODULE },
    { name: 'factor.txt', content: '1' }
  ]
}

let emu: Emulator
let token: string

beforeAll(async () => ({ emu, token } = await emulatorWithToken()))
afterAll(() => emu.close())
afterEach(() => emu.clearFaults())

const health = (): Promise<Response> => fetch(`${emu.url}/api/health`)

describe('fault kinds', () => {
  test('status: answers the envelope without performing the action, once by default', async () => {
    emu.addFault({ method: 'POST', path: '/preprocessing/register/', kind: 'status', status: 503 })
    const before = emu.scripts().length
    const faulted = await fetch(`${emu.url}/api/preprocessing/register/${GROUP}`, {
      method: 'POST',
      headers: bearer(token),
      body: registerForm(GOOD)
    })
    expect(faulted.status).toBe(503)
    expect(await faulted.json()).toEqual({ Error: { Type: 'InjectedFault', Message: expect.any(String) } })
    expect(faulted.headers.get('retry-after')).toBeNull()
    expect(emu.scripts()).toHaveLength(before)
    expect(emu.requests.at(-1)).toMatchObject({ status: 503, fault: 'status' })

    // times defaults to 1: the retry registers.
    await register(emu, token, GOOD)
    expect(emu.scripts()).toHaveLength(before + 1)
  })

  test('status 429 with Retry-After; times and method filters', async () => {
    emu.addFault({ method: 'GET', path: '^/api/health$', kind: 'status', status: 429, retryAfter: 7, times: 2 })
    expect((await fetch(`${emu.url}/api/health`, { method: 'POST' })).status).toBe(405) // method does not match
    for (let i = 0; i < 2; i++) {
      const res = await health()
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('7')
    }
    expect((await health()).status).toBe(200)
  })

  test('latency: delays, then handles normally', async () => {
    emu.addFault({ path: '/health', kind: 'latency', latencyMs: 400 })
    const started = Date.now()
    const res = await health()
    expect(Date.now() - started).toBeGreaterThanOrEqual(380)
    expect(await res.json()).toEqual({ Version: 'emulator-1.0.0' })
    expect(emu.requests.at(-1)).toMatchObject({ status: 200, fault: 'latency' })
  })

  test('reset: the connection is destroyed without an answer and without the action', async () => {
    emu.addFault({ path: '/groups', method: 'POST', kind: 'reset' })
    await expect(
      fetch(`${emu.url}/api/groups`, {
        method: 'POST',
        headers: bearer(token),
        body: new URLSearchParams({ name: 'reset_group' })
      })
    ).rejects.toThrow()
    expect(emu.requests.at(-1)).toMatchObject({ method: 'POST', path: '/api/groups', status: 0, fault: 'reset' })
    const groups = (await getJson(emu, '/groups', token)).body.Results as Array<{ Name: string }>
    expect(groups.map((g) => g.Name)).not.toContain('reset_group')
  })

  test('malformed: 200 with truncated JSON, no action', async () => {
    emu.addFault({ path: '/preprocessing/search', kind: 'malformed' })
    const res = await fetch(`${emu.url}/api/preprocessing/search`, { headers: bearer(token) })
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toBe('{"Results": [')
    expect(() => JSON.parse(text)).toThrow()
  })

  test('hang-build: the host answers 202 but the build stays Building', async () => {
    emu.addFault({ path: '/host/', kind: 'hang-build' })
    const hash = await register(emu, token, GOOD)
    // hang-build ignores requests that are not host calls (the register above did not consume it).
    expect((await host(emu, token, hash)).status).toBe(202)
    expect(emu.requests.at(-1)).toMatchObject({ status: 202, fault: 'hang-build' })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await scriptStatus(emu, token, hash)).Status).toBe('Building')
  })

  test('probability: a seeded fraction of matching requests, unlimited by default, repeatable', async () => {
    const pattern = async (spec: FaultSpec): Promise<number[]> => {
      emu.clearFaults()
      emu.addFault(spec)
      const statuses: number[] = []
      for (let i = 0; i < 40; i++) statuses.push((await health()).status)
      return statuses
    }
    const spec: FaultSpec = { path: '/health', kind: 'status', status: 500, probability: 0.5, seed: 42 }
    const first = await pattern(spec)
    const failures = first.filter((s) => s === 500).length
    expect(failures).toBeGreaterThan(8)
    expect(failures).toBeLessThan(32)
    expect(await pattern(spec)).toEqual(first)
    expect(await pattern({ ...spec, seed: 7 })).not.toEqual(first)
    expect((await pattern({ ...spec, probability: 0 })).every((s) => s === 200)).toBe(true)
    expect((await pattern({ ...spec, probability: 1, times: 3 })).filter((s) => s === 500)).toHaveLength(3)
  })

  test('invalid specs are refused', () => {
    expect(() => emu.addFault({ path: '(', kind: 'reset' })).toThrow(/not a valid regex/)
    expect(() => emu.addFault({ path: 'x', kind: 'status' })).toThrow(/needs 'status'/)
    expect(() => emu.addFault({ path: 'x', kind: 'explode' as FaultSpec['kind'] })).toThrow(/kind must be/)
    expect(() => emu.addFault({ path: 'x', kind: 'latency' })).toThrow(/latencyMs/)
  })
})

describe('faults on v2 routes', () => {
  test('a status fault on a v2 upload stores nothing; the retry stores; the record has the v2 fields', async () => {
    const hash = await registerV2(emu, token)
    emu.addFault({ method: 'PATCH', path: '/v2/preprocessing/[^/]+/schema$', kind: 'status', status: 503 })
    const upload = (): Promise<{ status: number; body: Json }> =>
      v2Call(
        emu,
        token,
        'PATCH',
        `/${hash}/schema`,
        filePart('schema_file', V2_CLIENTS_CSV, 'clients.csv', { dataset_name: 'clients' })
      )
    expect((await upload()).status).toBe(503)
    expect(emu.requests.at(-1)).toMatchObject({
      method: 'PATCH',
      status: 503,
      fault: 'status',
      form: { dataset_name: 'clients' },
      files: [{ part: 'schema_file', filename: 'clients.csv', size: V2_CLIENTS_CSV.length }]
    })
    expect((await v2Call(emu, token, 'GET', `/${hash}`)).body.UploadedDatasets).toEqual([])
    expect((await upload()).status).toBe(201)
    expect(emu.requests.at(-1)).toMatchObject({ method: 'PATCH', auth: 'user', status: 201 })
    expect((await v2Call(emu, token, 'GET', `/${hash}`)).body.UploadedDatasets).toEqual([
      { DatasetHash: expect.any(String), DatasetName: 'clients' }
    ])
  })
})

describe('control over HTTP (/__emulator)', () => {
  test('POST/DELETE faults, GET requests, POST reset; control paths are neither faulted nor recorded', async () => {
    const added = await fetch(`${emu.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ path: '.*', kind: 'status', status: 502, probability: 1 })
    })
    expect(added.status).toBe(201)
    expect(await added.json()).toEqual({ id: expect.any(String) })
    expect((await health()).status).toBe(502)
    expect((await health()).status).toBe(502)

    const recorded = await fetch(`${emu.url}/__emulator/requests`)
    expect(recorded.status).toBe(200)
    const requests = (await recorded.json()) as Array<{ path: string; status: number }>
    expect(requests.slice(-2)).toEqual([
      expect.objectContaining({ path: '/api/health', status: 502 }),
      expect.objectContaining({ path: '/api/health', status: 502 })
    ])
    expect(requests.some((r) => r.path.startsWith('/__emulator'))).toBe(false)

    expect((await fetch(`${emu.url}/__emulator/faults`, { method: 'DELETE' })).status).toBe(200)
    expect((await health()).status).toBe(200)

    const bad = await fetch(`${emu.url}/__emulator/faults`, { method: 'POST', body: '{"path": "x", "kind": "nope"}' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).Error.Type).toBe('BadInput')

    await fetch(`${emu.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ path: '.*', kind: 'reset' }) })
    expect((await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' })).status).toBe(200)
    expect(emu.requests).toEqual([])
    expect((await health()).status).toBe(200)

    const scripts = await fetch(`${emu.url}/__emulator/scripts`)
    expect(await scripts.json()).toEqual(emu.scripts())
  })
})

describe('request record', () => {
  test('records method, path, query, auth kind, form fields and file parts, never the password', async () => {
    emu.clearRequests()
    await login(emu)
    await login(emu, 'neomaril@example.com', 'wrong')
    await register(emu, token, { ...GOOD, name: 'recorded', env: 'A=1\n' })
    await getJson(emu, '/preprocessing/search?name=recorded&state=Ready', token)
    await getJson(emu, '/groups', 'bogus')
    await fetch(`${emu.url}/api/preprocessing/async/status/${GROUP}/1`, { headers: bearer(GROUP_TOKEN) })

    const [good, bad, reg, search, invalid, groupCall] = emu.requests
    expect(good).toMatchObject({
      method: 'POST',
      path: '/api/login',
      auth: 'none',
      status: 200,
      form: { user: 'neomaril@example.com' }
    })
    expect(good?.contentType).toMatch(/^application\/x-www-form-urlencoded/)
    expect(bad).toMatchObject({ status: 401, form: { user: 'neomaril@example.com' } })
    expect(JSON.stringify(emu.requests)).not.toMatch(/neomaril-password|wrong/)
    expect(reg).toMatchObject({
      method: 'POST',
      path: `/api/preprocessing/register/${GROUP}`,
      auth: 'user',
      status: 201,
      form: { name: 'recorded', script_reference: 'process', operation: 'Sync', python_version: 'Python310' },
      files: [
        { part: 'source', filename: 'script.py', size: SYNC_OK.length },
        { part: 'requirements', filename: 'requirements.txt', size: 0 },
        { part: 'schema', filename: 'schema.json', size: 8 },
        { part: 'env', filename: '.env', size: 4 },
        { part: 'extra', filename: 'helper.py', size: HELPER_MODULE.length },
        { part: 'extra', filename: 'factor.txt', size: 1 }
      ]
    })
    expect(reg?.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(search).toMatchObject({
      path: '/api/preprocessing/search',
      query: { name: 'recorded', state: 'Ready' },
      auth: 'user',
      form: {},
      files: []
    })
    expect(invalid).toMatchObject({ auth: 'invalid', status: 401 })
    expect(groupCall).toMatchObject({ auth: 'group', status: 404 })
    for (const r of emu.requests) expect(r.at).toBeGreaterThan(Date.now() - 60000)
  })
})
