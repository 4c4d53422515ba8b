/**
 * Today's platform end to end: the bundled action (dist/index.js) against the
 * emulator serving v2 beside v1. A v2 Async deploy and smoke test with two named
 * datasets and its parquet result, a broken v2 build, smoke-test mode on a v2 hash,
 * auto on a v1-only emulator, tenant logins, exact and normalised group names.
 * The DataFrame executions need pandas (Debian python3-pandas); without it those
 * tests are skipped, saying so.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'
import {
  DEFAULT_GROUP_TOKEN,
  DEFAULT_PASSWORD,
  DEFAULT_USER,
  startEmulator,
  type Emulator
} from '../../emulator/index.js'
import { defaultEmulatorPython, hasPandas } from '../../src/harness/interpreter.js'
import { V2_JOIN_SCRIPT, useEmulator } from '../helpers/e2e.js'
import { type ActionRun, errorsOf, outputOf, runAction } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'

const withPandas = await hasPandas(await defaultEmulatorPython())
if (!withPandas)
  console.warn(
    'v2 Async deploys and smoke tests SKIPPED: the emulator has no Python with pandas (install python3-pandas)'
  )
const maybe = withPandas ? test : test.skip

const emulator = useEmulator({ buildSeconds: 0 })
const SECRETS = { password: DEFAULT_PASSWORD, 'group token': DEFAULT_GROUP_TOKEN }

/** The v2 sample: build_df(dfs, extra_path) joining clients and loans, priced by rates.json. */
function v2Workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-v2-'))
  cpSync(join(process.cwd(), '__tests__', 'emulator', 'data', 'v2-join'), dir, { recursive: true })
  return dir
}

const v2Inputs = (url: string, extra: Record<string, string> = {}): Record<string, string> => ({
  url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  'group-token': DEFAULT_GROUP_TOKEN,
  ...V2_JOIN_SCRIPT,
  'upload-artifact': 'false',
  ...extra
})

async function deploy(inputs: Record<string, string>, workspace = v2Workspace()): Promise<ActionRun> {
  const run = await runAction(inputs, { workspace, killAfterMs: 120_000 })
  expectNoSecretLeaks(run, SECRETS)
  return run
}

const calls = (prefix: string) =>
  emulator.requests
    .filter((r) => r.path.startsWith(prefix))
    .map((r) => `${r.method} ${r.path.replace(/S[0-9a-f]{63}/, '{h}')}`)

describe('a v2 Async deploy', () => {
  maybe(
    'registers, uploads each dataset and file in order, hosts, waits, and smoke-tests with a parquet result',
    async () => {
      const run = await deploy(v2Inputs(emulator.url, { 'smoke-test': 'true' }))
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({
        status: 'deployed',
        'smoke-test': 'passed',
        'api-version': 'v2',
        operation: 'Async'
      })
      const hash = run.outputs['preprocessing-id']
      expect(hash).toMatch(/^S[0-9a-f]{63}$/)
      expect(calls('/api/v2/').filter((call) => !call.startsWith('GET'))).toEqual([
        'POST /api/v2/preprocessing/datarisk',
        'PATCH /api/v2/preprocessing/{h}/schema',
        'PATCH /api/v2/preprocessing/{h}/schema',
        'PATCH /api/v2/preprocessing/{h}/script-file',
        'PATCH /api/v2/preprocessing/{h}/requirements-file',
        'PATCH /api/v2/preprocessing/{h}/extra-file',
        'PATCH /api/v2/preprocessing/{h}/status',
        'POST /api/v2/preprocessing/{h}/execution',
        'PATCH /api/v2/preprocessing/{h}/execution/1/input',
        'PATCH /api/v2/preprocessing/{h}/execution/1/input',
        'PATCH /api/v2/preprocessing/{h}/execution/1/run'
      ])
      // Nothing went to the v1 register: the probe came first and found v2.
      expect(calls('/api/preprocessing/register/')).toEqual([])
      expect(calls('/api/v2/')[0]).toBe('GET /api/v2/preprocessing')
      // The result is a real parquet file: read it back.
      const output = outputOf(run, 'smoke-test-output')
      expect(output).toMatch(/smoke-test-result\.parquet$/)
      const file = await asyncBufferFromFile(output)
      const rows = await parquetReadObjects({ file, metadata: await parquetMetadataAsync(file) })
      expect(rows.map((row) => Number(row.id))).toEqual([1, 2, 4])
      expect(run.summary).toContain(
        'result parquet: 3 rows, columns id (integer), segment (string), amount (integer), months (integer), ' +
          'rate (number), instalment (number)'
      )
      expect(run.summary).toMatch(/<th align="left">clients<\/th><td><code>D[0-9a-f]{63}<\/code>/)
      const deployment = JSON.parse(
        readFileSync(join(dirname(outputOf(run, 'result-file')), 'deployment.json'), 'utf8')
      )
      expect(deployment.api.version).toBe('v2')
      expect(deployment.api.calls).toContain(`PATCH /v2/preprocessing/${hash}/schema (loans)`)
      expect(Object.keys(deployment.api.datasetHashes)).toEqual(expect.arrayContaining(['clients', 'loans']))
      expect(run.stdout).toContain('API: v2 (GET /v2/preprocessing?group=datarisk answered 200: the server serves v2).')
    }
  )

  maybe('a build that fails on the server fails the step with its message', async () => {
    const workspace = v2Workspace()
    writeFileSync(
      join(workspace, 'app.py'),
      'import pandas as pd\nimport not_a_module_anywhere\n\n\n' +
        'def build_df(dfs, extra_path=None):\n    return dfs["clients"]\n'
    )
    const run = await deploy(v2Inputs(emulator.url), workspace)
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'failed', 'api-version': 'v2' })
    expect(run.outputs['preprocessing-id']).toMatch(/^S/)
    expect(errorsOf(run).pop()).toMatch(/^The build of S[0-9a-f]{63} ended as 'Failed'.*not_a_module_anywhere/s)
    expect(run.summary).toMatch(/<h3>✗ Neomaril deploy failed: loan pricing<\/h3>/)
  })

  maybe('smoke-test mode on a v2 hash finds it through its v2 status and runs a v2 execution', async () => {
    const deployed = await deploy(v2Inputs(emulator.url))
    expect(deployed.code).toBe(0)
    emulator.clearRequests()
    const run = await deploy({
      url: emulator.url,
      login: DEFAULT_USER,
      password: DEFAULT_PASSWORD,
      'group-token': DEFAULT_GROUP_TOKEN,
      mode: 'smoke-test',
      'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
      'smoke-test-input': 'clients=clients.csv\nloans=loans.json',
      'upload-artifact': 'false'
    })
    expect(errorsOf(run)).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ 'api-version': 'v2', 'smoke-test': 'passed', operation: 'Async' })
    // Of v1 only the logs route, the one logs route there is (docs/platform-contract.md).
    expect(calls('/api/preprocessing/')).toEqual(['GET /api/preprocessing/logs/datarisk/{h}'])
  })
})

describe('api-version auto on an older server (the emulator with api v1)', () => {
  let old: Emulator
  beforeAll(async () => {
    old = await startEmulator({ api: 'v1', buildSeconds: 0 })
  })
  afterAll(() => old.close())

  test('several datasets need v2: refused after the probe, before anything is uploaded', async () => {
    const run = await deploy(v2Inputs(old.url))
    expect(run.code).toBe(1)
    expect(errorsOf(run).pop()).toMatch(
      new RegExp(
        /Input 'schema': names 2 datasets, but this deploy goes through v1 \(GET /.source +
          /\/v2\/preprocessing\?group=datarisk answered 404: no v2 routes \(an older server\)\)/.source
      )
    )
    expect(old.requests.filter((r) => r.method !== 'GET' && r.path !== '/api/login')).toEqual([])
  })
})

describe('tenant', () => {
  let strict: Emulator
  beforeAll(async () => {
    strict = await startEmulator({ tenant: 'acme', requireTenant: true, buildSeconds: 0 })
  })
  afterAll(() => strict.close())
  const sync = (url: string, extra: Record<string, string>) => ({
    url,
    login: DEFAULT_USER,
    password: DEFAULT_PASSWORD,
    'group-token': DEFAULT_GROUP_TOKEN,
    name: 'loan features',
    entrypoint: 'process',
    'source-file': 'score.py',
    'requirements-file': 'requirements.txt',
    schema: 'schema.json',
    'upload-artifact': 'false',
    ...extra
  })
  const login = () => strict.requests.filter((r) => r.path === '/api/login')

  test('required and given: logged in with it', async () => {
    const run = await runAction(sync(strict.url, { tenant: 'acme' }))
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('(tenant acme)')
  })

  test('required and absent: the refusal points at the tenant input', async () => {
    const run = await runAction(sync(strict.url, {}))
    expect(run.code).toBe(1)
    expect(errorsOf(run).pop()).toMatch(
      /Login as '.*' was refused \(HTTP 401.*a server with several tenants may also need the 'tenant' input/
    )
    expect(login().length).toBeGreaterThan(0)
  })

  test('wrong: the refusal names the tenant', async () => {
    const run = await runAction(sync(strict.url, { tenant: 'globex' }))
    expect(run.code).toBe(1)
    expect(errorsOf(run).pop()).toMatch(/Login as '.*' in tenant 'globex' was refused \(HTTP 401/)
  })
})

describe('group names', () => {
  let groups: Emulator
  beforeAll(async () => {
    groups = await startEmulator({
      groups: { 'Credit-Risk': DEFAULT_GROUP_TOKEN, credit_ops: 'b'.repeat(32) },
      buildSeconds: 0
    })
  })
  afterAll(() => groups.close())
  const sync = (group: string) => ({
    url: groups.url,
    login: DEFAULT_USER,
    password: DEFAULT_PASSWORD,
    'group-token': DEFAULT_GROUP_TOKEN,
    name: 'loan features',
    entrypoint: 'process',
    'source-file': 'score.py',
    'requirements-file': 'requirements.txt',
    schema: 'schema.json',
    'upload-artifact': 'false',
    group
  })

  test('an exact match wins, without a notice', async () => {
    const run = await runAction(sync('Credit-Risk'))
    expect(run.code).toBe(0)
    expect(run.outputs.group).toBe('Credit-Risk')
    expect(groups.requests.some((r) => r.path === '/api/preprocessing/register/Credit-Risk')).toBe(true)
    expect(run.stdout).not.toMatch(/::notice::Group/)
  })

  test('no exact match: the 2.1.1 normalisation, with a notice naming both', async () => {
    const run = await runAction(sync('Credit Ops'))
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      "::notice::Group 'Credit Ops' is not on the server, " +
        "but 'credit_ops' (its 2.1.1 normalisation) is: using 'credit_ops'."
    )
    expect(groups.requests.some((r) => r.path === '/api/preprocessing/register/credit_ops')).toBe(true)
  })
})
