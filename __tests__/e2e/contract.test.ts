/**
 * api-version: auto never silently changes a script's calling contract (issue 17, rule 3),
 * through the bundle against an emulator serving v2 beside v1: a v1 Async entrypoint
 * stops before any upload, naming api-version: v1; a script whose previous deploy went
 * through v1 stops too; validate mode says which contract it tested and why.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  DEFAULT_GROUP_TOKEN,
  DEFAULT_PASSWORD,
  DEFAULT_USER,
  startEmulator,
  type Emulator
} from '../../emulator/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, outputOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 0 })

const v1Script = (extra: Record<string, string> = {}): Record<string, string> => ({
  url: emulator.url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  'group-token': DEFAULT_GROUP_TOKEN,
  name: 'loan batch',
  entrypoint: 'build_features',
  'source-file': 'features.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.csv',
  operation: 'Async',
  'upload-artifact': 'false',
  ...extra
})

/** Every write the emulator saw: a register (v1 or v2) or an upload. */
const writes = () => emulator.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH')

/** An entrypoint with nothing in it that says which contract it was written for. */
const NEUTRAL = 'from helpers import run\n\n\ndef build_features(data, extra_path=None):\n    return run(data)\n'

function neutralWorkspace(): string {
  const workspace = sampleWorkspace('async')
  writeFileSync(join(workspace, 'features.py'), NEUTRAL)
  writeFileSync(
    join(workspace, 'helpers.py'),
    'import os\n\n\ndef run(data_path):\n    out = os.path.join(data_path, "out.csv")\n' +
      '    open(out, "w").write("a\\n1\\n")\n    return out\n'
  )
  return workspace
}

describe('api-version auto on a server that serves v2', () => {
  test('a v1 Async entrypoint stops before any upload, naming api-version: v1', async () => {
    const run = await runAction(v1Script(), { workspace: sampleWorkspace('async') })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('invalid-input')
    const error = errorsOf(run).join('\n')
    expect(error).toContain(
      "Input 'api-version': is auto, and GET /v2/preprocessing?group=datarisk answered 200: the server serves v2, " +
        'so build_features would be called as fn(dfs, extra_path=None)'
    )
    expect(error).toContain('It was written for the v1 contract')
    expect(error).toContain("reads os.environ['inputFileName'] at line 12 on every call")
    expect(error).toContain('Set api-version: v1 to keep it working as written')
    // The probe was read; nothing was registered or uploaded, through either API.
    expect(emulator.requests.some((r) => r.method === 'GET' && r.path === '/api/v2/preprocessing')).toBe(true)
    expect(writes().filter((r) => r.path !== '/api/login')).toEqual([])
    expect(run.outputs['preprocessing-id'] ?? '').toBe('')
  })

  test('fn(*args) reading inputFileName on every call stops too: the body tells', async () => {
    const workspace = sampleWorkspace('async')
    writeFileSync(
      join(workspace, 'features.py'),
      'import os\n\n\ndef build_features(*args):\n    name = os.environ["inputFileName"]\n    return name\n'
    )
    const run = await runAction(v1Script(), { workspace })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('invalid-input')
    const error = errorsOf(run).join('\n')
    expect(error).toContain("reads os.environ['inputFileName'] at line 5 on every call")
    expect(error).toContain('Set api-version: v1 to keep it working as written')
    expect(writes().filter((r) => r.path !== '/api/login')).toEqual([])
  })

  test('the same script with api-version: v1 deploys, called as v1', async () => {
    const run = await runAction(v1Script({ 'api-version': 'v1' }), { workspace: sampleWorkspace('async') })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'deployed', 'api-version': 'v1' })
  })

  test('a script whose previous deploy went through v1 stops, unless api-version says which', async () => {
    const name = { name: 'neutral batch' }
    const first = await runAction(v1Script({ ...name, 'api-version': 'v1', 'extra-files': 'helpers.py' }), {
      workspace: neutralWorkspace()
    })
    expect(first.code).toBe(0)
    const earlier = outputOf(first, 'preprocessing-id')
    emulator.clearRequests()

    const run = await runAction(v1Script({ ...name, 'extra-files': 'helpers.py' }), { workspace: neutralWorkspace() })
    expect(run.code).toBe(1)
    const error = errorsOf(run).join('\n')
    expect(error).toContain(`the previous deploy of 'neutral batch' in this group (${earlier}) went through v1`)
    expect(error).toContain('Set api-version: v1 to keep calling it as before')
    expect(writes().filter((r) => r.path !== '/api/login')).toEqual([])

    // Saying so is enough: an explicit api-version is never second-guessed by history.
    const kept = await runAction(v1Script({ ...name, 'api-version': 'v1', 'extra-files': 'helpers.py' }), {
      workspace: neutralWorkspace()
    })
    expect(kept.code).toBe(0)
  })

  test('a script of another name that merely contains this one is no previous deploy', async () => {
    const first = await runAction(
      v1Script({ name: 'wide neutral batch', 'api-version': 'v1', 'extra-files': 'helpers.py' }),
      { workspace: neutralWorkspace() }
    )
    expect(first.code).toBe(0)
    const run = await runAction(v1Script({ name: 'neutral', 'extra-files': 'helpers.py', wait: 'false' }), {
      workspace: neutralWorkspace()
    })
    expect(run.stdout).not.toContain('previous deploy')
    expect(run.outputs['api-version']).toBe('v2')
  })

  test('a hint alone (a parameter named data_path) is a notice on its line; the deploy goes on', async () => {
    const workspace = neutralWorkspace()
    writeFileSync(join(workspace, 'features.py'), NEUTRAL.replace(/\bdata\b/g, 'data_path'))
    const run = await runAction(v1Script({ name: 'hinted batch', 'extra-files': 'helpers.py', wait: 'false' }), {
      workspace
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(
      '::notice title=Entrypoint contract,file=features.py,line=4::build_features names its first parameter ' +
        "'data_path', like the v1 data folder: it may be written for the v1 contract"
    )
    expect(run.outputs['api-version']).toBe('v2')
  })

  test('api-version: v2 given for a v1 entrypoint stops before any request', async () => {
    const run = await runAction(v1Script({ 'api-version': 'v2' }), { workspace: sampleWorkspace('async') })
    expect(run.code).toBe(1)
    expect(errorsOf(run).join('\n')).toContain("Input 'api-version': is v2, so build_features")
    expect(emulator.requests.filter((r) => r.path !== '/api/health')).toEqual([])
  })
})

test('the v1 DataFrame form fn(df, data_path, extra_path=None) under auto stops too', async () => {
  const workspace = sampleWorkspace('async')
  writeFileSync(join(workspace, 'frame.py'), 'def build_df(df, data_path, extra_path=None):\n    return df\n')
  const run = await runAction(v1Script({ entrypoint: 'build_df', 'source-file': 'frame.py' }), { workspace })
  expect(run.code).toBe(1)
  expect(errorsOf(run).join('\n')).toContain(
    'takes 3 parameters (df, data_path, extra_path) at line 1, the v1 DataFrame form ' +
      'fn(df, data_path, extra_path=None): v2 passes (dfs, extra_path)'
  )
  expect(writes().filter((r) => r.path !== '/api/login')).toEqual([])
})

describe('api-version auto on a v1-only server', () => {
  let old: Emulator
  beforeAll(async () => {
    old = await startEmulator({ api: 'v1', buildSeconds: 0 })
  })
  afterAll(() => old.close())

  test('an entrypoint written for v2 stops before any upload, naming api-version: v2', async () => {
    const workspace = sampleWorkspace('async')
    writeFileSync(join(workspace, 'app.py'), 'def build(dfs, extra_path=None):\n    return dfs["loans"].head()\n')
    const run = await runAction(
      v1Script({ url: old.url, entrypoint: 'build', 'source-file': 'app.py', schema: 'loans=schema.csv' }),
      { workspace }
    )
    expect(run.code).toBe(1)
    const error = errorsOf(run).join('\n')
    expect(error).toContain('is auto, and GET /v2/preprocessing?group=datarisk answered 404')
    expect(error).toContain("It was written for the v2 contract: it reads dfs['loans'] at line 2 on every call")
    expect(error).toContain('Set api-version: v2 to keep it working as written')
    expect(old.requests.filter((r) => r.method !== 'GET' && r.path !== '/api/login')).toEqual([])
  })
})

describe('validate mode', () => {
  const validate = (extra: Record<string, string>) => ({
    ...v1Script(),
    url: '',
    login: '',
    password: '',
    'group-token': '',
    mode: 'validate',
    ...extra
  })

  test('says which contract it tested and why, in the log, the summary and result.json', async () => {
    const run = await runAction(validate({ 'api-version': 'v1' }), { workspace: sampleWorkspace('async') })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Contract tested: fn(data_path, extra_path=None)')
    expect(run.stdout).toContain('(api-version: v1).')
    expect(run.summary).toContain('Contract tested')
    const result = JSON.parse(readFileSync(outputOf(run, 'result-file'), 'utf8')) as {
      contract: { contract: string; why: string }
    }
    expect(result.contract).toMatchObject({ contract: 'async-v1', why: 'api-version: v1' })
  })

  test('under auto a v1 entrypoint fails as a deploy to a current server would, naming the contract', async () => {
    const run = await runAction(validate({}), { workspace: sampleWorkspace('async') })
    expect(run.code).toBe(1)
    const error = errorsOf(run).join('\n')
    expect(error).toContain(
      "Input 'api-version': is auto, and a current server serves v2 (validate mode sends no probe; " +
        'a v1-only server takes v1), so build_features would be called as fn(dfs, extra_path=None)'
    )
    expect(error).toContain('Set api-version: v1')
    const result = JSON.parse(readFileSync(outputOf(run, 'result-file'), 'utf8')) as {
      contract: { contract: string; why: string }
    }
    expect(result.contract.contract).toBe('async-v2')
  })
})
