/**
 * The action as the runner runs it (dist/index.js): on an older server (the emulator
 * with api v1: no v2 routes) api-version auto falls back to v1 after the read-only
 * probe; on a current one smoke-test mode locates a v1 hash through the same probe
 * (its v2 status answers 404); validate mode never leaves `status: validated` after
 * its local run failed.
 * The v2 routes themselves are tested in __tests__/api/v2.test.ts against a fake.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  DEFAULT_GROUP_TOKEN,
  DEFAULT_PASSWORD,
  DEFAULT_USER,
  startEmulator,
  type Emulator
} from '../../emulator/index.js'
import { ASYNC_SAMPLE_SCRIPT, useEmulator } from '../helpers/e2e.js'
import { outputOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 0 })
const credentials = () => ({
  url: emulator.url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  'group-token': DEFAULT_GROUP_TOKEN
})
const asyncScript = ASYNC_SAMPLE_SCRIPT
const v2Requests = () => emulator.requests.filter((r) => r.path.startsWith('/api/v2/'))

const onV1Hash = 'smoke-test mode on a v1 hash: the v2 status answers 404, the v1 status is read, api-version says v1'
test(onV1Hash, async () => {
  const deployed = await runAction(
    { ...credentials(), ...asyncScript, 'api-version': 'v1', 'upload-artifact': 'false' },
    { workspace: sampleWorkspace('async') }
  )
  expect(deployed.code).toBe(0)
  const hash = outputOf(deployed, 'preprocessing-id')
  emulator.clearRequests()
  const run = await runAction(
    {
      ...credentials(),
      mode: 'smoke-test',
      'preprocessing-id': hash,
      'smoke-test-input': 'schema.csv',
      'upload-artifact': 'false'
    },
    { workspace: sampleWorkspace('async') }
  )
  expect(run.code).toBe(0)
  expect(run.outputs).toMatchObject({ 'api-version': 'v1', 'smoke-test': 'passed', operation: 'Async' })
  expect(v2Requests().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v2/preprocessing/${hash}/status`])
  expect(run.stdout).toContain(`API: v1 (GET /v2/preprocessing/${hash}/status answered 404, the v1 status answered).`)
})

describe('an older server (no v2 routes)', () => {
  let old: Emulator
  beforeAll(async () => {
    old = await startEmulator({ api: 'v1', buildSeconds: 0 })
  })
  afterAll(() => old.close())

  test('api-version auto: the read-only probe answers 404, the Async deploy goes through v1', async () => {
    const run = await runAction(
      { ...credentials(), url: old.url, ...asyncScript, 'upload-artifact': 'false' },
      { workspace: sampleWorkspace('async') }
    )
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'deployed', 'api-version': 'v1' })
    expect(run.stdout).toContain(
      'API: v1 (GET /v2/preprocessing?group=datarisk answered 404: no v2 routes (an older server)).'
    )
    expect(old.requests.filter((r) => r.path.startsWith('/api/v2/')).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v2/preprocessing'
    ])
    expect(old.requests.some((r) => r.path.startsWith('/api/preprocessing/register/'))).toBe(true)
  })
})

test('validate mode: a local run that fails leaves status failed, never validated', async () => {
  const workspace = sampleWorkspace('sync')
  writeFileSync(
    join(workspace, 'score.py'),
    'import json\n\ndef process(data, base_path):\n    return {"x": json.loads(data)["nope"]}\n'
  )
  const run = await runAction(
    {
      name: 'loan features',
      entrypoint: 'process',
      'source-file': 'score.py',
      'requirements-file': 'requirements.txt',
      schema: 'schema.json',
      mode: 'validate',
      'upload-artifact': 'false'
    },
    { workspace }
  )
  expect(run.code).toBe(1)
  expect(run.outputs.status).toBe('failed')
  expect(run.outputs['smoke-test']).toBe('failed')
  expect(run.summary).toMatch(/<h3>✗ Neomaril validation failed: loan features<\/h3>/)
})
