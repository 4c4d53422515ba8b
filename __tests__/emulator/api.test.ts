/** Management endpoints (H, L, G1, G2, P1, P3–P6), auth and error envelopes. */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { DEFAULT_PASSWORD, DEFAULT_TENANT, DEFAULT_USER, startEmulator, type Emulator } from '../../emulator/index.js'
import { SYNC_OK, HELPER_MODULE } from './fixtures.js'
import {
  bearer,
  build,
  getJson,
  GROUP,
  login,
  logs,
  register,
  registerForm,
  emulatorWithToken,
  userToken,
  type Upload
} from './helpers.js'

const GOOD: Upload = {
  name: 'doubler',
  source: SYNC_OK,
  requirements: 'requests==2.31.0\n',
  env: 'SECRET=shh\n',
  extras: [
    { name: 'helper.py', content: HELPER_MODULE },
    { name: 'factor.txt', content: '3' }
  ]
}

let emu: Emulator
let token: string

beforeAll(async () => ({ emu, token } = await emulatorWithToken()))
afterAll(() => emu.close())

const postRegister = (form: FormData, group = GROUP, auth = token): Promise<Response> =>
  fetch(`${emu.url}/api/preprocessing/register/${group}`, { method: 'POST', headers: bearer(auth), body: form })

describe('health and login', () => {
  test('H answers the version without auth', async () => {
    expect(await getJson(emu, '/health')).toEqual({ status: 200, body: { Version: 'emulator-1.0.0' } })
  })

  test('L gives a token for good credentials, 401 JSON for bad ones, 400 for missing ones', async () => {
    const good = await login(emu)
    expect(good.status).toBe(200)
    expect((await good.json()).Token).toMatch(/^[\w-]{20,}$/)

    const bad = await login(emu, 'neomaril@example.com', 'wrong')
    expect(bad.status).toBe(401)
    expect(await bad.json()).toEqual({ Error: { Type: 'InvalidCredentials', Message: expect.any(String) } })

    const missing = await fetch(`${emu.url}/api/login`, { method: 'POST', body: new URLSearchParams({ user: 'x' }) })
    expect(missing.status).toBe(400)
    expect((await missing.json()).Error.Type).toBe('BadInput')
  })

  test('a tenant: the configured one logs in, another is 401, none means the default', async () => {
    const withTenant = (tenant?: string): Promise<Response> => {
      const form = new URLSearchParams({ user: DEFAULT_USER, password: DEFAULT_PASSWORD })
      if (tenant !== undefined) form.set('tenant', tenant)
      return fetch(`${emu.url}/api/login`, { method: 'POST', body: form })
    }
    for (const tenant of [DEFAULT_TENANT, undefined, '']) expect((await withTenant(tenant)).status).toBe(200)
    for (const tenant of ['acme', 'Datarisk']) {
      const refused = await withTenant(tenant)
      expect(refused.status).toBe(401)
      expect((await refused.json()).Error).toEqual({
        Type: 'InvalidCredentials',
        Message: `Unknown tenant '${tenant}'`
      })
    }
  })

  test('requireTenant refuses a login without a tenant; --tenant sets the one accepted', async () => {
    const strict = await startEmulator({ tenant: 'acme', requireTenant: true })
    try {
      const send = (fields: Record<string, string>): Promise<Response> =>
        fetch(`${strict.url}/api/login`, {
          method: 'POST',
          body: new URLSearchParams({ user: DEFAULT_USER, password: DEFAULT_PASSWORD, ...fields })
        })
      for (const fields of [{}, { tenant: '' }] as Record<string, string>[]) {
        const refused = await send(fields)
        expect(refused.status).toBe(401)
        expect((await refused.json()).Error.Message).toMatch(/needs the login form field 'tenant'/)
      }
      expect((await send({ tenant: DEFAULT_TENANT })).status).toBe(401)
      expect((await send({ tenant: 'acme' })).status).toBe(200)
      // The tenant is checked before the password, and the password still matters.
      expect((await send({ tenant: 'acme', password: 'wrong' })).status).toBe(401)
    } finally {
      await strict.close()
    }
  })

  test('a management call needs a user token: none, unknown, or a group token are 401', async () => {
    for (const headers of [{}, bearer('not-a-token'), bearer('0123456789abcdef0123456789abcdef')]) {
      const res = await fetch(`${emu.url}/api/groups`, { headers })
      expect(res.status).toBe(401)
      expect((await res.json()).Error.Type).toBe('InvalidBearerToken')
    }
  })

  test('an expired user token is 401; logging in again works', async () => {
    const short = await startEmulator({ tokenLifetimeSeconds: 0.2 })
    try {
      const first = await userToken(short)
      expect((await getJson(short, '/groups', first)).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 300))
      const expired = await getJson(short, '/groups', first)
      expect(expired.status).toBe(401)
      expect(expired.body.Error.Message).toMatch(/expired/)
      expect((await getJson(short, '/groups', await userToken(short))).status).toBe(200)
    } finally {
      await short.close()
    }
  })
})

describe('groups', () => {
  test('G1 lists the default group; G2 creates one with a 32-hex token; a duplicate is 400 (as on 2.1.1)', async () => {
    expect((await getJson(emu, '/groups', token)).body.Results).toContainEqual(expect.objectContaining({ Name: GROUP }))

    const create = (name: string): Promise<Response> =>
      fetch(`${emu.url}/api/groups`, {
        method: 'POST',
        headers: bearer(token),
        body: new URLSearchParams({ name, description: 'test group' })
      })
    const created = await create('team_a')
    expect(created.status).toBe(201)
    expect((await created.json()).Token).toMatch(/^[0-9a-f]{32}$/)
    expect((await getJson(emu, '/groups', token)).body.Results).toContainEqual(
      expect.objectContaining({ Name: 'team_a', Description: 'test group' })
    )

    const duplicate = await create('team_a')
    expect(duplicate.status).toBe(400)
    expect((await duplicate.json()).Error).toEqual({
      Type: 'BadInput',
      Message: expect.stringMatching(/already exists/)
    })
  })
})

describe('register (P1)', () => {
  test('stores every part under <dataDir>/<group>/<hash>/ and answers 201 with an S-hash', async () => {
    const res = await postRegister(registerForm({ ...GOOD, schema: { name: 'my_schema.json', content: '{"x": 2}' } }))
    expect(res.status).toBe(201)
    const body = await res.json()
    expect(body).toEqual({ Hash: expect.stringMatching(/^S[0-9a-f]{63}$/), Message: 'Script was registered!' })

    const script = emu.scripts().find((s) => s.hash === body.Hash)!
    expect(script).toMatchObject({ group: GROUP, name: 'doubler', operation: 'Sync', status: 'Ready' })
    expect(path.basename(path.dirname(script.dir))).toBe(GROUP)
    expect(path.basename(script.dir)).toBe(body.Hash)
    const stored = ['.env', 'factor.txt', 'helper.py', 'my_schema.json', 'requirements.txt', 'script.py']
    expect([...script.files].sort()).toEqual(stored)
    expect((await readdir(script.dir)).sort()).toEqual(stored)
    expect(await readFile(path.join(script.dir, 'script.py'), 'utf8')).toBe(SYNC_OK)
    expect(await readFile(path.join(script.dir, '.env'), 'utf8')).toBe('SECRET=shh\n')
  })

  test('a notebook source is stored as notebook.ipynb', async () => {
    const hash = await register(emu, token, { source: '{"cells": []}', sourceName: 'My Notebook.ipynb' })
    expect(emu.scripts().find((s) => s.hash === hash)!.files).toContain('notebook.ipynb')
  })

  test.each([
    [['name', 'schema'], /field 'name'.*file 'schema'/],
    [['script_reference'], /field 'script_reference'/],
    [['operation', 'python_version'], /field 'operation', field 'python_version'/],
    [['source', 'requirements'], /file 'source', file 'requirements'/]
  ])('missing %j is a 400 BadInput naming it', async (omit, message) => {
    const res = await postRegister(registerForm(GOOD, omit))
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.Error.Type).toBe('BadInput')
    expect(body.Error.Message).toMatch(message)
  })

  test.each([
    [{ name: 'x'.repeat(32) }, /under 32 characters/],
    [{ operation: 'sync' as 'Sync' }, /'operation' must be/],
    [{ pythonVersion: 'Python3.9' }, /'python_version' must be one of Python38, Python39, Python310/],
    [{ sourceName: 'script.R' }, /must be a \.py script or an \.ipynb notebook/],
    [{ extras: [{ name: 'script.py', content: '' }] }, /both be stored as 'script.py'/]
  ])('invalid %j is a 400 BadInput', async (change, message) => {
    const res = await postRegister(registerForm({ ...GOOD, ...change }))
    expect(res.status).toBe(400)
    expect((await res.json()).Error.Message).toMatch(message)
  })

  test('a name of 31 characters is accepted', async () => {
    expect((await postRegister(registerForm({ ...GOOD, name: 'x'.repeat(31) }))).status).toBe(201)
  })

  test('an unknown group is 404; group names are used as given (no normalising)', async () => {
    const before = emu.scripts().length
    for (const group of ['no_such_group', 'Datarisk']) {
      const res = await postRegister(registerForm(GOOD), group)
      expect(res.status).toBe(404)
      expect((await res.json()).Error.Message).toMatch(/does not exist/)
    }
    expect(emu.scripts()).toHaveLength(before)
  })

  test('registering needs a user token', async () => {
    expect((await postRegister(registerForm(GOOD), GROUP, 'bogus')).status).toBe(401)
  })
})

describe('status, describe, search (P3–P5)', () => {
  let hash: string
  beforeAll(async () => {
    hash = await register(emu, token, { ...GOOD, name: 'findme-script' })
  })

  test('P3 says Ready after register', async () => {
    expect(await getJson(emu, `/preprocessing/status/${GROUP}/${hash}`, token)).toEqual({
      status: 200,
      body: { Status: 'Ready', Message: null }
    })
  })

  test('P4 describes the script', async () => {
    const { status, body } = await getJson(emu, `/preprocessing/describe/${GROUP}/${hash}`, token)
    expect(status).toBe(200)
    expect(body.Description).toEqual({
      Hash: hash,
      Name: 'findme-script',
      Group: GROUP,
      Operation: 'Sync',
      PythonVersion: 'Python310',
      ScriptReference: 'process',
      Status: 'Ready',
      UploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
    })
  })

  test('P3/P4 of an unknown hash, or of another group, are 404 envelopes', async () => {
    for (const p of [`/preprocessing/status/${GROUP}/Snope`, `/preprocessing/describe/team_b/${hash}`]) {
      const res = await getJson(emu, p, token)
      expect(res.status).toBe(404)
      expect(res.body.Error.Type).toBe('NotFound')
    }
  })

  test('P5 filters by name (substring), state and group, and leaves Name out', async () => {
    const search = async (query: string): Promise<Array<Record<string, string>>> =>
      (await getJson(emu, `/preprocessing/search${query}`, token)).body.Results
    const byName = await search('?name=FINDME')
    expect(byName).toEqual([
      {
        Hash: hash,
        Operation: 'Sync',
        PythonVersion: 'Python310',
        Status: 'Ready',
        Group: GROUP,
        UploadedAt: expect.any(String)
      }
    ])
    expect((await search('?state=Ready')).map((r) => r.Hash)).toContain(hash)
    expect((await search('?state=Deployed')).map((r) => r.Hash)).not.toContain(hash)
    expect((await search(`?group=${GROUP}`)).map((r) => r.Hash)).toContain(hash)
    expect(await search('?group=elsewhere')).toEqual([])
    expect((await search('')).length).toBeGreaterThan(1)
  })
})

describe('logs (P6)', () => {
  test('both variants filter by routine, type and inclusive dd-mm-YYYY dates', async () => {
    const hash = await register(emu, token, { ...GOOD, requirements: 'numpy\n' })
    // An unpinned requirement warns but does not fail the build (nothing is installed).
    expect((await build(emu, token, hash)).Status).toBe('Deployed')

    const all = await logs(emu, token, hash)
    expect(all.length).toBeGreaterThan(1)
    for (const entry of all) {
      expect(entry).toEqual({
        Hash: hash,
        RegisteredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/),
        OutputType: expect.stringMatching(/^(Ok|Error|Debug|Warning)$/),
        OutputData: expect.any(String),
        Routine: 'Host'
      })
    }
    const warnings = await logs(emu, token, hash, '?routine=Host&type=Warning')
    expect(warnings.map((e) => e.OutputData)).toEqual([expect.stringMatching(/'numpy' is not pinned/)])
    expect(await logs(emu, token, hash, '?routine=Run')).toEqual([])

    // Today's date as a client at UTC+offset names it (the official client uses local days).
    const day = (offsetHours: number, plusDays = 0): string => {
      const d = new Date(Date.now() + offsetHours * 3600000 + plusDays * 86400000)
      const pad = (n: number): string => String(n).padStart(2, '0')
      return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`
    }
    expect(await logs(emu, token, hash, `?start=${day(0)}&end=${day(0)}`)).toEqual(all)
    // A day is that date in any time zone, UTC+14 to UTC-12.
    expect(await logs(emu, token, hash, `?start=${day(14)}&end=${day(14)}`)).toEqual(all)
    expect(await logs(emu, token, hash, `?start=${day(-12)}&end=${day(-12)}`)).toEqual(all)
    expect(await logs(emu, token, hash, `?start=${day(14, 1)}`)).toEqual([])
    expect(await logs(emu, token, hash, `?end=${day(-12, -1)}`)).toEqual([])

    const groupless = await getJson(emu, `/preprocessing/logs/${hash}?type=Warning`, token)
    expect(groupless).toEqual({ status: 200, body: { Results: warnings } })
  })

  test('bad filters are 400 BadInput', async () => {
    const hash = await register(emu, token, GOOD)
    for (const query of ['?start=2024-01-31', '?end=32-01-2024', '?routine=Build', '?type=Info']) {
      const res = await getJson(emu, `/preprocessing/logs/${GROUP}/${hash}${query}`, token)
      expect(res.status).toBe(400)
      expect(res.body.Error.Type).toBe('BadInput')
    }
  })
})

describe('paths', () => {
  test('unknown paths (v2 ones too) and paths outside /api are 404 JSON envelopes', async () => {
    for (const p of ['/api/v2/nothing', '/api/v2/preprocessing/S1/nothing', '/api/nothing', '/', '/health']) {
      const res = await fetch(`${emu.url}${p}`, { headers: bearer(token) })
      expect(res.status).toBe(404)
      expect(res.headers.get('content-type')).toMatch(/application\/json/)
      expect((await res.json()).Error).toEqual({ Type: 'NotFound', Message: expect.any(String) })
    }
  })

  test('a known path with the wrong method is a 405 envelope', async () => {
    const res = await fetch(`${emu.url}/api/health`, { method: 'POST' })
    expect(res.status).toBe(405)
    expect((await res.json()).Error.Type).toBe('MethodNotAllowed')
  })
})
