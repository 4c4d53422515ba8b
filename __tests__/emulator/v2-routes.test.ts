/** The v2 preprocessing routes (register, uploads, host, status, describe, list, executions) with no Python run. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { SYNC_OK, SYNTAX_ERROR, V2_CLIENTS_CSV, V2_JOIN, V2_LOANS_JSON } from './fixtures.js'
import {
  bearer,
  buildV2,
  deployV2,
  filePart,
  getJson,
  GROUP,
  GROUP_TOKEN,
  register,
  registerV2,
  uploadV2,
  userToken,
  v2Call,
  v2Status,
  v2Url,
  emulatorWithToken,
  type Json,
  type UploadV2
} from './helpers.js'

const D_HASH = /^D[0-9a-f]{63}$/
const S_HASH = /^S[0-9a-f]{63}$/

const UPLOAD: UploadV2 = {
  name: 'joiner',
  source: V2_JOIN,
  requirements: 'pandas==1.5.3\n',
  env: 'TOKEN=not-real\n',
  datasets: [
    { name: 'clients', filename: 'clients.csv', content: V2_CLIENTS_CSV },
    { name: 'loans', filename: 'loans.json', content: V2_LOANS_JSON }
  ],
  extras: [{ name: 'notes.txt', content: 'extra' }]
}

let emu: Emulator
let token: string

beforeAll(async () => ({ emu, token } = await emulatorWithToken()))
afterAll(() => emu.close())

const expectError = (res: { status: number; body: Json }, status: number, type: string, message: RegExp): void => {
  expect(res.status).toBe(status)
  expect(res.body).toEqual({ Error: { Type: type, Message: expect.stringMatching(message) } })
}

describe('register (R)', () => {
  test('JSON Name + Operation Async answers 201 PreprocessHash; the script is Ready with a Message key', async () => {
    const hash = await registerV2(emu, token, 'my-v2')
    expect(hash).toMatch(S_HASH)
    expect(await v2Status(emu, token, hash)).toEqual({ Status: 'Ready', Message: null })
    expect(emu.scripts().find((s) => s.hash === hash)).toMatchObject({
      api: 'v2',
      group: GROUP,
      name: 'my-v2',
      operation: 'Async',
      status: 'Ready'
    })
  })

  test.each([
    ['not JSON', 'name=x', 400, /must be JSON/],
    ['no Name', JSON.stringify({ Operation: 'Async' }), 400, /needs 'Name'/],
    ['a long Name', JSON.stringify({ Name: 'x'.repeat(32), Operation: 'Async' }), 400, /under 32 characters/],
    [
      'Operation Sync',
      JSON.stringify({ Name: 'x', Operation: 'Sync' }),
      400,
      /'Operation' must be 'Async'.*\/preprocessing\/register/
    ]
  ])('%s is a 400 BadInput', async (_label, body, status, message) => {
    expectError(await v2Call(emu, token, 'POST', `/${GROUP}`, body), status, 'BadInput', message)
  })

  test('an unknown group, or one spelt differently, is 404 (exact names)', async () => {
    for (const group of ['nope', 'Datarisk', 'data risk']) {
      expectError(
        await v2Call(
          emu,
          token,
          'POST',
          `/${encodeURIComponent(group)}`,
          JSON.stringify({ Name: 'x', Operation: 'Async' })
        ),
        404,
        'NotFound',
        /does not exist/
      )
    }
  })

  test('every v2 call needs the user token: none, or the group token, is 401', async () => {
    for (const headers of [{}, bearer(GROUP_TOKEN)]) {
      const res = await fetch(v2Url(emu, `/${GROUP}`), {
        method: 'POST',
        headers,
        body: JSON.stringify({ Name: 'x', Operation: 'Async' })
      })
      expect(res.status).toBe(401)
      expect((await res.json()).Error.Type).toBe('InvalidBearerToken')
    }
    expect((await fetch(v2Url(emu), { headers: bearer(GROUP_TOKEN) })).status).toBe(401)
  })
})

describe('uploads (S, F, Q, V, X)', () => {
  test('store the files beside the source and answer the schema datasets by name', async () => {
    const hash = await registerV2(emu, token)
    const datasets = await uploadV2(emu, token, hash, UPLOAD)
    expect(datasets).toEqual({ clients: expect.stringMatching(D_HASH), loans: expect.stringMatching(D_HASH) })
    expect(datasets.clients).not.toBe(datasets.loans)
    const script = emu.scripts().find((s) => s.hash === hash)!
    expect([...script.files].sort()).toEqual(['.env', 'notes.txt', 'requirements.txt', 'script.py'])
    expect(await readFile(path.join(script.dir, 'script.py'), 'utf8')).toBe(V2_JOIN)
    expect(await readFile(path.join(script.dir, '.env'), 'utf8')).toBe(UPLOAD.env)
  })

  test('a schema by dataset_hash reuses that dataset; an unknown one is 404', async () => {
    const first = await registerV2(emu, token)
    const { clients } = await uploadV2(emu, token, first, UPLOAD)
    const second = await registerV2(emu, token)
    const reused = await v2Call(
      emu,
      token,
      'PATCH',
      `/${second}/schema`,
      new URLSearchParams({ dataset_hash: clients! })
    )
    expect(reused).toEqual({ status: 201, body: { DatasetHash: clients, DatasetName: 'clients' } })
    expectError(
      await v2Call(
        emu,
        token,
        'PATCH',
        `/${second}/schema`,
        new URLSearchParams({ dataset_hash: 'D' + '0'.repeat(63) })
      ),
      404,
      'NotFound',
      /not found/
    )
  })

  test.each<[string, string, () => FormData, RegExp]>([
    [
      'schema without dataset_name',
      'schema',
      () => filePart('schema_file', V2_CLIENTS_CSV, 'c.csv'),
      /'dataset_name' is required/
    ],
    [
      'schema of an unknown format',
      'schema',
      () => filePart('schema_file', 'x', 'c.xlsx', { dataset_name: 'c' }),
      /must be \.csv, \.json, \.parquet, not 'c\.xlsx'/
    ],
    [
      'schema with the wrong part',
      'schema',
      () => filePart('schema', V2_CLIENTS_CSV, 'c.csv', { dataset_name: 'c' }),
      /Missing file part 'schema_file'/
    ],
    [
      'script without preprocess_reference',
      'script-file',
      () => filePart('script', V2_JOIN, 'app.py', { python_version: 'Python310' }),
      /'preprocess_reference' and 'python_version' are required/
    ],
    [
      'script with a bad python_version',
      'script-file',
      () => filePart('script', V2_JOIN, 'app.py', { preprocess_reference: 'f', python_version: '3.10' }),
      /one of Python38, Python39, Python310/
    ],
    [
      'script that is not Python',
      'script-file',
      () => filePart('script', V2_JOIN, 'app.R', { preprocess_reference: 'f', python_version: 'Python310' }),
      /\.py script or an \.ipynb/
    ],
    [
      'requirements with the wrong part',
      'requirements-file',
      () => filePart('file', '', 'requirements.txt'),
      /Missing file part 'requirements'/
    ],
    [
      'an extra file named into a folder',
      'extra-file',
      () => filePart('extra_file', 'x', 'x.txt', { extra_file_name: '../x.txt' }),
      /plain file name/
    ]
  ])('%s is a 400 BadInput', async (_label, route, body, message) => {
    const hash = await registerV2(emu, token)
    expectError(await v2Call(emu, token, 'PATCH', `/${hash}/${route}`, body()), 400, 'BadInput', message)
  })

  test('hosting before the needed uploads is a 400 naming what is missing', async () => {
    const hash = await registerV2(emu, token)
    expectError(
      await v2Call(emu, token, 'PATCH', `/${hash}/status`),
      400,
      'BadInput',
      /upload at least one schema.*the script.*the requirements/
    )
    await uploadV2(emu, token, hash, { ...UPLOAD, datasets: UPLOAD.datasets.slice(0, 1) })
    expect(await buildV2(emu, token, hash)).toEqual({
      Status: 'Deployed',
      Message: null,
      DatasetHash: expect.stringMatching(D_HASH)
    })
  })

  test('once hosted, uploads are 409 ScriptAlreadyHosted', async () => {
    const hash = await deployV2(emu, token, UPLOAD)
    expectError(
      await v2Call(emu, token, 'PATCH', `/${hash}/requirements-file`, filePart('requirements', '', 'requirements.txt')),
      409,
      'ScriptAlreadyHosted',
      /Deployed/
    )
  })
})

describe('host, status, describe, list', () => {
  test('a broken script fails its build with the error as Message and no DatasetHash', async () => {
    const hash = await registerV2(emu, token)
    await uploadV2(emu, token, hash, { ...UPLOAD, source: SYNTAX_ERROR })
    const status = await buildV2(emu, token, hash)
    expect(status).toEqual({
      Status: 'Failed',
      Message: expect.stringMatching(/^script\.py does not parse as Python 3\.10: expected ':' at line 2/)
    })
  })

  test('the build checks syntax for the uploaded python_version (a match statement is not Python 3.8)', async () => {
    const source =
      'def build_df(dfs, extra_path=None):\n    match len(dfs):\n        case _:\n            return dfs["clients"]\n'
    const old = await registerV2(emu, token)
    await uploadV2(emu, token, old, { ...UPLOAD, source, pythonVersion: 'Python38' })
    expect(await buildV2(emu, token, old)).toEqual({ Status: 'Failed', Message: expect.stringMatching(/3\.8/) })
    const current = await registerV2(emu, token)
    await uploadV2(emu, token, current, { ...UPLOAD, source, pythonVersion: 'Python310' })
    expect((await buildV2(emu, token, current)).Status).toBe('Deployed')
  })

  test('describe has top-level State, the name, the datasets and the build dataset', async () => {
    const hash = await deployV2(emu, token, UPLOAD)
    const status = await v2Status(emu, token, hash)
    const { status: code, body } = await v2Call(emu, token, 'GET', `/${hash}`)
    expect(code).toBe(200)
    expect(body).toEqual({
      ScriptHash: hash,
      Name: 'joiner',
      ScriptGroupName: GROUP,
      Operation: 'Async',
      PythonVersion: 'Python310',
      PreprocessReference: 'build_df',
      State: 'Deployed',
      Message: null,
      UploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/),
      UploadedDatasets: [
        { DatasetHash: expect.stringMatching(D_HASH), DatasetName: 'clients' },
        { DatasetHash: expect.stringMatching(D_HASH), DatasetName: 'loans' }
      ],
      GeneratedDatasets: [{ DatasetHash: status.DatasetHash, DatasetName: 'joiner build' }]
    })
  })

  test('the list answers {"Result": [...]} filtered by state, group and upload days', async () => {
    const deployed = await deployV2(emu, token, UPLOAD)
    const ready = await registerV2(emu, token)
    const list = async (query = ''): Promise<string[]> => {
      const { status, body } = await v2Call(emu, token, 'GET', query)
      expect(status).toBe(200)
      return body.Result.map((r: { ScriptHash: string }) => r.ScriptHash)
    }
    expect(await list()).toEqual(expect.arrayContaining([deployed, ready]))
    expect(await list('?state=Deployed')).toContain(deployed)
    expect(await list('?state=Deployed')).not.toContain(ready)
    expect(await list(`?group=${GROUP}&state=ready`)).toContain(ready)
    expect(await list('?group=elsewhere')).toEqual([])
    const today = new Date()
    const day = (d: Date): string =>
      `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`
    expect(await list(`?start=${day(today)}&end=${day(today)}`)).toContain(ready)
    expect(await list(`?start=${day(new Date(today.getTime() + 86400000))}`)).toEqual([])
    expectError(await v2Call(emu, token, 'GET', '?start=2025-01-01'), 400, 'BadInput', /dd-mm-YYYY/)
  })

  test('the hang-build fault keeps a v2 build Building', async () => {
    emu.addFault({ method: 'PATCH', path: '/v2/preprocessing/[^/]+/status$', kind: 'hang-build' })
    const hash = await registerV2(emu, token)
    await uploadV2(emu, token, hash, UPLOAD)
    expect((await v2Call(emu, token, 'PATCH', `/${hash}/status`)).status).toBe(202)
    expect(emu.requests.at(-1)).toMatchObject({ method: 'PATCH', status: 202, fault: 'hang-build' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await v2Status(emu, token, hash)).toEqual({ Status: 'Building', Message: null })
  })
})

describe('v1 and v2 hashes do not cross', () => {
  test('a v1 hash on v2 routes and a v2 hash on v1 routes are 404 envelopes', async () => {
    const v1 = await register(emu, token, { source: SYNC_OK })
    const v2 = await registerV2(emu, token)
    for (const [method, p] of [
      ['GET', `/${v1}/status`],
      ['GET', `/${v1}`],
      ['POST', `/${v1}/execution`],
      ['PATCH', `/${v1}/status`]
    ] as const) {
      expectError(
        await v2Call(emu, token, method, p),
        404,
        'NotFound',
        new RegExp(`Preprocessing hash '${v1}' not found`)
      )
    }
    for (const p of [
      `/preprocessing/status/${GROUP}/${v2}`,
      `/preprocessing/describe/${GROUP}/${v2}`,
      `/preprocessing/async/host/${GROUP}/${v2}`,
      `/preprocessing/logs/${v2}`
    ]) {
      const res = await getJson(emu, p, token)
      expect(res.status).toBe(404)
      expect(res.body.Error.Type).toBe('NotFound')
    }
    const search = await getJson(emu, '/preprocessing/search', token)
    expect(search.body.Results.map((r: { Hash: string }) => r.Hash)).not.toContain(v2)
  })
})

describe('executions (E1–E6) up to the run', () => {
  let hash: string
  beforeAll(async () => {
    hash = await deployV2(emu, token, UPLOAD)
  })

  test('create answers 201 "Preprocess Execution \'N\' created", counting per script', async () => {
    for (const id of [1, 2]) {
      expect(await v2Call(emu, token, 'POST', `/${hash}/execution`)).toEqual({
        status: 201,
        body: { Message: `Preprocess Execution '${id}' created` }
      })
    }
    expect(await v2Call(emu, token, 'GET', `/${hash}/execution/1/status`)).toEqual({
      status: 200,
      body: { Status: 'Requested', Message: null }
    })
  })

  test('a script that is not Deployed cannot execute (409)', async () => {
    const ready = await registerV2(emu, token)
    expectError(
      await v2Call(emu, token, 'POST', `/${ready}/execution`),
      409,
      'ScriptNotDeployed',
      /Ready, not Deployed/
    )
  })

  test('inputs must carry a schema dataset name; the run needs one per schema dataset', async () => {
    const created = await v2Call(emu, token, 'POST', `/${hash}/execution`)
    const id = /'(\d+)'/.exec(created.body.Message)![1]
    const input = (name: string, filename: string, content: string): Promise<{ status: number; body: Json }> =>
      v2Call(
        emu,
        token,
        'PATCH',
        `/${hash}/execution/${id}/input`,
        filePart('input', content, filename, { dataset_name: name })
      )

    expectError(
      await input('customers', 'c.csv', V2_CLIENTS_CSV),
      400,
      'BadInput',
      /'customers' is not one of the schema's datasets \(clients, loans\)/
    )
    const clients = await input('clients', 'c.csv', V2_CLIENTS_CSV)
    expect(clients).toEqual({
      status: 201,
      body: { DatasetHash: expect.stringMatching(D_HASH), DatasetName: 'clients' }
    })
    expectError(
      await v2Call(emu, token, 'PATCH', `/${hash}/execution/${id}/run`),
      400,
      'BadInput',
      /no input for dataset\(s\) loans/
    )
    expectError(await v2Call(emu, token, 'GET', `/${hash}/execution/${id}/result`), 400, 'BadInput', /is Requested/)

    const described = await v2Call(emu, token, 'GET', `/${hash}/execution/${id}`)
    expect(described).toEqual({
      status: 200,
      body: {
        ExecutionId: Number(id),
        ScriptHash: hash,
        Status: 'Requested',
        Message: null,
        CreatedAt: expect.any(String),
        InputDatasets: [{ DatasetHash: clients.body.DatasetHash, DatasetName: 'clients' }],
        OutputDatasetHash: null,
        Rows: null,
        Columns: null
      }
    })
  })

  test('unknown executions are 404', async () => {
    for (const p of [`/${hash}/execution/99/status`, `/${hash}/execution/abc`, `/${hash}/execution/0/run`]) {
      const res = await v2Call(emu, token, p.endsWith('run') ? 'PATCH' : 'GET', p)
      expectError(res, 404, 'NotFound', /Execution '.*' of preprocessing .* not found/)
    }
  })
})

describe('--api v1 (an older server)', () => {
  test('every /api/v2/... is 404 while v1 still works', async () => {
    const old = await startEmulator({ api: 'v1', buildSeconds: 0 })
    try {
      const oldToken = await userToken(old)
      for (const [method, p] of [
        ['POST', `/${GROUP}`],
        ['GET', ''],
        ['GET', '/Sabc/status']
      ] as const) {
        expectError(
          await v2Call(
            old,
            oldToken,
            method,
            p,
            method === 'POST' ? JSON.stringify({ Name: 'x', Operation: 'Async' }) : undefined
          ),
          404,
          'NotFound',
          /API v2 path; this server speaks v1 only/
        )
      }
      expect(await register(old, oldToken, { source: SYNC_OK })).toMatch(S_HASH)
    } finally {
      await old.close()
    }
  })
})
