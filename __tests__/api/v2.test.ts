/**
 * The v2 Async calls and the PreprocessingApi over them, against a small in-test fake
 * of the v2 routes (its own reading of docs/platform-contract.md, the v2 calls): the probe, the order of
 * the uploads, the fields of each, the user token on every call, dataset hashes, the
 * execution's id, a parquet result read back, 404s explained, a refused PATCH retried,
 * and the tenant on the login form only when set.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { Transport } from '../../src/api/http/transport.js'
import type { TransportOptions } from '../../src/api/http/options.js'
import { V1Api } from '../../src/api/v1.js'
import { V2Api } from '../../src/api/v2.js'
import { v2Preprocessing, type ScriptPackage } from '../../src/api/api.js'
import { smokeTestAsync } from '../../src/steps/server-smoke-test.js'

interface Seen {
  method: string
  path: string
  auth?: string
  body: string
  type?: string
}

const SCRIPT = `S${'1'.repeat(63)}`
const dataset = (n: number) => `D${String(n).repeat(63)}`
const TOKEN = 'user-token-7f3a'

class FakeV2 {
  seen: Seen[] = []
  /** Answers by "METHOD path" prefix, first match wins; the rest get the default routes. */
  overrides: [string, (res: ServerResponse) => void][] = []
  servesV2 = true
  private server!: http.Server
  private datasets = 0
  url = ''

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  reset(): void {
    this.seen = []
    this.overrides = []
    this.servesV2 = true
    this.datasets = 0
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      const path = (req.url ?? '').replace(/^\/api/, '')
      const key = `${req.method} ${path}`
      this.seen.push({
        method: req.method ?? '',
        path,
        auth: req.headers.authorization,
        body: Buffer.concat(chunks).toString('latin1'),
        type: req.headers['content-type']
      })
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      const override = this.overrides.findIndex(([prefix]) => key.startsWith(prefix))
      const [overridden] = override >= 0 ? this.overrides.splice(override, 1) : []
      if (overridden) return overridden[1](res)
      if (key === 'POST /login') return json(200, { Token: TOKEN })
      if (!this.servesV2 && path.startsWith('/v2/'))
        return json(404, { Error: { Type: 'NotFound', Message: 'no such route' } })
      if (key.startsWith('GET /v2/preprocessing?')) return json(200, { Result: [] })
      if (key === 'POST /v2/preprocessing/datarisk') return json(201, { PreprocessHash: SCRIPT })
      if (key === `POST /v2/preprocessing/${SCRIPT}/execution`)
        return json(201, { Message: "Preprocess Execution '16' created" })
      if (key.startsWith('POST /v2/preprocessing/'))
        return json(404, { Error: { Type: 'GroupError', Message: 'Group not found' } })
      if (
        key === `PATCH /v2/preprocessing/${SCRIPT}/schema` ||
        key === `PATCH /v2/preprocessing/${SCRIPT}/execution/16/input`
      )
        return json(201, { DatasetHash: dataset(++this.datasets) })
      if (key.startsWith(`PATCH /v2/preprocessing/${SCRIPT}/`) && key.endsWith('/status')) return json(202, {})
      if (key.startsWith(`PATCH /v2/preprocessing/${SCRIPT}/`)) return json(201, { Message: 'ok' })
      if (key === `GET /v2/preprocessing/${SCRIPT}/status`)
        return json(200, { Status: 'Deployed', DatasetHash: dataset(9) })
      if (key === `GET /v2/preprocessing/${SCRIPT}/execution/16/status`)
        return json(200, { Status: 'Succeeded', OutputDatasetHash: dataset(8) })
      if (key === `GET /v2/preprocessing/${SCRIPT}/execution/16/result`) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' })
        return res.end(
          Buffer.from(
            parquetWriteBuffer({
              columnData: [
                { name: 'id', data: [1, 2, 3], type: 'INT32' },
                { name: 'score', data: [0.5, 0.25, 1], type: 'DOUBLE' }
              ]
            })
          )
        )
      }
      json(404, { Error: { Type: 'NotFound', Message: `Preprocessing hash not found.` } })
    })
  }
}

const fake = new FakeV2()
beforeAll(() => fake.start())
afterAll(() => fake.close())
beforeEach(() => fake.reset())

function transport(overrides: Partial<TransportOptions> = {}): Transport {
  return new Transport({
    apiUrl: fake.url,
    login: 'someone@example.com',
    password: 'pw-123',
    requestTimeoutMs: 5000,
    logger: { debug: () => {}, info: () => {}, warning: () => {} },
    sleep: async () => {},
    random: () => 0.5,
    ...overrides
  })
}
const apis = (t = transport()) => ({ v1: new V1Api(t), v2: new V2Api(t) })
const part = (part: string, filename: string, text: string) => ({
  part,
  filename,
  inline: Buffer.from(text),
  size: Buffer.byteLength(text)
})

const firstDataset = { name: 'customers', file: part('schema', 'customers.csv', 'id\n1\n') }
const PACKAGE: ScriptPackage = {
  name: 'loan features',
  entrypoint: 'build_df',
  operation: 'Async',
  pythonVersion: '3.10',
  files: [
    part('source', 'features.py', 'def build_df(dfs, extra_path=None): ...\n'),
    part('requirements', 'requirements.txt', 'pandas==2.2.2\n'),
    part('schema', 'customers.csv', 'id\n1\n'),
    part('env', '.env', 'KEY=v\n'),
    part('extra', 'limits.json', '{}')
  ],
  datasets: [firstDataset, { name: 'loans', file: part('schema', 'loans.csv', 'id,amount\n1,2\n') }]
}

describe('the v2 probe', () => {
  test('a server serving v2 answers its list; one without answers 404 on the route', async () => {
    await expect(apis().v2.served('datarisk')).resolves.toBe(true)
    fake.servesV2 = false
    await expect(apis().v2.served('datarisk')).resolves.toBe(false)
    expect(fake.seen.filter((s) => s.path.startsWith('/v2/')).map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /v2/preprocessing?group=datarisk',
      'GET /v2/preprocessing?group=datarisk'
    ])
  })

  test('locate tells a v2 hash (its status answers) from a hash v2 does not know (404)', async () => {
    await expect(apis().v2.locate(SCRIPT)).resolves.toMatchObject({ status: 'Deployed' })
    await expect(apis().v2.locate(`S${'2'.repeat(63)}`)).resolves.toBeUndefined()
  })
})

describe('a v2 deploy', () => {
  test('registers with JSON, then uploads in the contract order, each with its fields and the user token', async () => {
    const { v1, v2 } = apis()
    const calls: string[] = []
    const registered = await v2Preprocessing(v2, v1, 'datarisk').register(PACKAGE, (call) => calls.push(call))
    expect(registered.hash).toBe(SCRIPT)
    expect(registered.datasetHashes).toEqual({ customers: dataset(1), loans: dataset(2) })
    const v2Calls = fake.seen.filter((s) => s.path.startsWith('/v2/'))
    const bodyOf = (i: number) => v2Calls[i]?.body ?? ''
    expect(v2Calls.map((s) => `${s.method} ${s.path.replace(SCRIPT, '{h}')}`)).toEqual([
      'POST /v2/preprocessing/datarisk',
      'PATCH /v2/preprocessing/{h}/schema',
      'PATCH /v2/preprocessing/{h}/schema',
      'PATCH /v2/preprocessing/{h}/script-file',
      'PATCH /v2/preprocessing/{h}/requirements-file',
      'PATCH /v2/preprocessing/{h}/env-file',
      'PATCH /v2/preprocessing/{h}/extra-file'
    ])
    expect(calls).toEqual(registered.calls)
    expect(v2Calls.every((s) => s.auth === `Bearer ${TOKEN}`)).toBe(true)
    expect(JSON.parse(bodyOf(0))).toEqual({ Name: 'loan features', Operation: 'Async' })
    expect(v2Calls[0]?.type).toBe('application/json')
    const field = (body: string, name: string) => new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)`).exec(body)?.[1]
    const file = (body: string, name: string) => new RegExp(`name="${name}"; filename="([^"]+)"`).exec(body)?.[1]
    expect([field(bodyOf(1), 'dataset_name'), file(bodyOf(1), 'schema_file')]).toEqual(['customers', 'customers.csv'])
    expect([field(bodyOf(2), 'dataset_name'), file(bodyOf(2), 'schema_file')]).toEqual(['loans', 'loans.csv'])
    expect([
      field(bodyOf(3), 'preprocess_reference'),
      field(bodyOf(3), 'python_version'),
      file(bodyOf(3), 'script')
    ]).toEqual(['build_df', 'Python310', 'features.py'])
    expect(file(bodyOf(4), 'requirements')).toBe('requirements.txt')
    expect(file(bodyOf(5), 'env')).toBe('.env')
    expect([field(bodyOf(6), 'extra_file_name'), file(bodyOf(6), 'extra_file')]).toEqual(['limits.json', 'limits.json'])
  })

  test('host is a PATCH of the status; the Deployed status carries the DatasetHash', async () => {
    const { v1, v2 } = apis()
    const api = v2Preprocessing(v2, v1, 'datarisk')
    await api.host('Async', SCRIPT)
    await expect(api.status(SCRIPT)).resolves.toEqual({ status: 'Deployed', message: null, datasetHash: dataset(9) })
    expect(fake.seen.map((s) => `${s.method} ${s.path.replace(SCRIPT, '{h}')}`).slice(-2)).toEqual([
      'PATCH /v2/preprocessing/{h}/status',
      'GET /v2/preprocessing/{h}/status'
    ])
  })

  test('a register into a group v2 does not know is a 404 that says so', async () => {
    const { v2 } = apis()
    await expect(v2.register('nogroup', 'x')).rejects.toThrow(
      new RegExp(
        /POST \/v2\/preprocessing\/nogroup answered HTTP 404 GroupError: Group not found; /.source +
          /the group 'nogroup' is unknown to the v2 API/.source
      )
    )
  })

  test('a PATCH upload refused with 429 is a write refused before acting: sent again', async () => {
    fake.overrides.push([
      `PATCH /v2/preprocessing/${SCRIPT}/requirements-file`,
      (res) => {
        res.writeHead(429, { 'Content-Type': 'application/json' })
        res.end('{}')
      }
    ])
    await apis().v2.uploadRequirements(SCRIPT, part('requirements', 'requirements.txt', 'x==1\n'))
    expect(fake.seen.filter((s) => s.path.endsWith('/requirements-file'))).toHaveLength(2)
  })

  test('a PATCH upload whose answer is a 500 is not sent again, and may have acted', async () => {
    fake.overrides.push([
      `PATCH /v2/preprocessing/${SCRIPT}/schema`,
      (res) => {
        res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end('{"Error":{"Type":"ServerError","Message":"disk full"}}')
      }
    ])
    const error: Error = await apis()
      .v2.uploadSchema(SCRIPT, firstDataset)
      .then(
        () => new Error('resolved'),
        (e: Error) => e
      )
    expect(error.message).toMatch(
      new RegExp(
        /answered HTTP 500 ServerError: disk full; the server failed \(HTTP 500\) /.source +
          /after the body was sent \(it may exist\); /.source +
          /the schema dataset 'customers' may have been uploaded all the same/.source
      )
    )
    expect(fake.seen.filter((s) => s.path.endsWith('/schema'))).toHaveLength(1)
  })
})

describe('a v2 smoke test', () => {
  /** The smoke test of the v2 script on the sample datasets, its result saved in a new folder. */
  async function smokeTest() {
    const { v1, v2 } = apis()
    const dir = mkdtempSync(join(tmpdir(), 'v2-smoke-'))
    const result = await smokeTestAsync(v2Preprocessing(v2, v1, 'datarisk'), SCRIPT, PACKAGE.datasets, {
      timeoutMs: 10_000,
      pollIntervalMs: 1000,
      resultPath: join(dir, 'result.parquet')
    })
    return { result, dir }
  }

  test('creates an execution, uploads each input, runs it, waits and reads the parquet result', async () => {
    const { result, dir } = await smokeTest()
    expect(result).toMatchObject({
      outcome: 'passed',
      executionId: '16',
      executionStatus: 'Succeeded',
      resultRows: 3,
      resultColumns: ['id', 'score'],
      outputDatasetHash: dataset(8)
    })
    expect(result.inputHashes).toEqual({ customers: dataset(1), loans: dataset(2) })
    expect(readFileSync(join(dir, 'result.parquet')).subarray(0, 4).toString()).toBe('PAR1')
    expect(
      fake.seen.filter((s) => s.path.includes('/execution')).map((s) => `${s.method} ${s.path.replace(SCRIPT, '{h}')}`)
    ).toEqual([
      'POST /v2/preprocessing/{h}/execution',
      'PATCH /v2/preprocessing/{h}/execution/16/input',
      'PATCH /v2/preprocessing/{h}/execution/16/input',
      'PATCH /v2/preprocessing/{h}/execution/16/run',
      'GET /v2/preprocessing/{h}/execution/16/status',
      'GET /v2/preprocessing/{h}/execution/16/result'
    ])
  })

  test('a result that is not parquet fails the smoke test, saying so', async () => {
    fake.overrides.push([
      `GET /v2/preprocessing/${SCRIPT}/execution/16/result`,
      (res) => {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' })
        res.end('id,score\n1,0.5\n')
      }
    ])
    const { result } = await smokeTest()
    expect(result.outcome).toBe('failed')
    expect(result.reason).toMatch(/^the result of execution 16 is not a readable parquet file/)
  })
})

describe('tenant', () => {
  test('is on the login form only when set', async () => {
    await transport().logIn()
    await transport({ tenant: 'acme' }).logIn()
    const forms = fake.seen
      .filter((s) => s.path === '/login')
      .map((s) => Object.fromEntries(new URLSearchParams(s.body)))
    expect(forms).toEqual([
      { user: 'someone@example.com', password: 'pw-123' },
      { user: 'someone@example.com', password: 'pw-123', tenant: 'acme' }
    ])
  })

  test('a login refused with a tenant says so', async () => {
    fake.overrides.push([
      'POST /login',
      (res) => {
        res.writeHead(401, { 'Content-Type': 'application/json' })
        res.end('{"Error":{"Type":"Unauthorized","Message":"wrong tenant"}}')
      }
    ])
    await expect(transport({ tenant: 'acme' }).logIn()).rejects.toThrow(
      /Login as 'someone@example.com' in tenant 'acme' was refused \(HTTP 401: wrong tenant\)\..*the 'tenant' input/
    )
  })
})
