import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { DefaultArtifactClient } from '@actions/artifact'
import { jest } from '@jest/globals'
import { DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN } from '../../emulator/index.js'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { startArtifactService, type ArtifactService } from '../helpers/artifact-service.js'
import { type ActionRun, errorsOf, outputOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 0 })
let artifacts: ArtifactService
const ENV_SECRET = 'env-value-7f3c9a1d-never-printed'

beforeAll(async () => {
  artifacts = await startArtifactService({ runId: 'run-7', jobId: 'job-3' })
})
afterAll(() => artifacts.close())

const SECRETS = [DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN, ENV_SECRET]

function syncInputs(extra: Record<string, string> = {}): Record<string, string> {
  return syncSampleInputs(emulator.url, { 'env-file': '.env', 'smoke-test': 'true', ...extra })
}

function asyncInputs(extra: Record<string, string> = {}): Record<string, string> {
  // The v1 Async contract (a file in, a zip out); v2 is covered in v2-deploy.test.ts.
  return {
    ...syncInputs(),
    name: 'loan batch',
    entrypoint: 'build_features',
    'source-file': 'features.py',
    schema: 'schema.csv',
    'extra-files': '',
    operation: 'Async',
    'api-version': 'v1',
    ...extra
  }
}

function workspaceWithEnv(sample: 'sync' | 'async'): string {
  const workspace = sampleWorkspace(sample)
  writeFileSync(join(workspace, '.env'), `API_KEY=${ENV_SECRET}\n`)
  return workspace
}

/** Everything a run leaves where people or later steps can read it. */
function everythingVisible(run: ActionRun): string {
  const records = run.outputs['result-file'] ? dirname(run.outputs['result-file']) : undefined
  const files = records
    ? readdirSync(records)
        .filter((name) => !name.endsWith('.zip'))
        .map((name) => readFileSync(join(records, name), 'utf8'))
    : []
  return [
    run.stdout.replace(/^::add-mask::.*$/gm, ''),
    run.stderr,
    JSON.stringify(run.outputs),
    run.summary,
    ...files
  ].join('\n')
}

function expectNoSecrets(run: ActionRun): void {
  const visible = everythingVisible(run)
  for (const secret of SECRETS) expect(visible).not.toContain(secret)
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('smoke test, records and artifact', () => {
  test('a Sync deploy passes its smoke test and uploads one artifact that downloads back whole', async () => {
    const workspace = workspaceWithEnv('sync')
    const run = await runAction(
      syncInputs({ 'smoke-test-expect': '{"instalment": 500, "has_history": true}', 'artifact-retention-days': '5' }),
      { workspace, env: artifacts.env }
    )
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ status: 'deployed', 'smoke-test': 'passed', 'execution-id': '' })
    const hash = outputOf(run, 'preprocessing-id')

    // The run call carried the schema sample, with the group token.
    const runCall = emulator.requests.find((r) => r.path.startsWith('/api/preprocessing/sync/run/'))
    expect(runCall?.auth).toBe('group')
    const response = JSON.parse(readFileSync(outputOf(run, 'smoke-test-output'), 'utf8'))
    expect(response).toEqual({
      status: 200,
      body: { age: 34, instalment: 500, instalment_to_income: 0.0962, late_payments: 0, has_history: true }
    })
    expect(
      JSON.parse(readFileSync(join(dirname(outputOf(run, 'smoke-test-output')), 'smoke-test-request.json'), 'utf8'))
    ).toEqual({ Input: JSON.parse(readFileSync(join(workspace, 'schema.json'), 'utf8')) })

    // One artifact, named after the script and the hash, with the retention asked for.
    const uploaded = artifacts.artifacts().filter((a) => a.name === `neomaril-loan-features-${hash.slice(1, 9)}`)
    expect(uploaded).toHaveLength(1)
    const upload = uploaded[0]! // one, as asserted above
    expect(upload.retentionDays).toBe(5)
    expect(run.outputs['artifact-id']).toBe(String(upload.id))
    expect(run.outputs['artifact-url']).toBe(
      `https://github.com/acme/credit-scripts/actions/runs/4242/artifacts/${upload.id}`
    )
    const files = upload.files()
    expect(Object.keys(files).sort()).toEqual([
      'deployment.json',
      'logs.json',
      'logs.txt',
      'result.json',
      'smoke-test-request.json',
      'smoke-test-response.json'
    ])

    const deployment = JSON.parse(files['deployment.json']!.toString())
    expect(deployment).toMatchObject({
      hash,
      status: 'deployed',
      smokeTest: 'passed',
      script: {
        name: 'loan features',
        entrypoint: 'process',
        operation: 'Sync',
        pythonVersion: '3.10',
        group: 'datarisk'
      },
      server: { version: 'emulator-1.0.0' },
      source: {
        repository: 'acme/credit-scripts',
        commit: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
        ref: 'refs/heads/main',
        actor: 'octocat',
        runUrl: 'https://github.com/acme/credit-scripts/actions/runs/4242'
      }
    })
    const byName = Object.fromEntries(deployment.files.map((f: { name: string }) => [f.name, f]))
    expect(byName['script.py']).toMatchObject({
      part: 'source',
      path: 'score.py',
      sha256: sha256(join(workspace, 'score.py'))
    })
    expect(byName['limits.json'].sha256).toBe(sha256(join(workspace, 'limits.json')))
    expect(byName['.env']).toMatchObject({ part: 'env' })
    expect(byName['.env'].sha256).toBeUndefined()
    const logs = JSON.parse(files['logs.json']!.toString())
    expect(logs.host.length).toBeGreaterThan(0)
    expect(logs.run.some((e: { Routine: string }) => e.Routine === 'Run')).toBe(true)

    // Downloaded back with the real client, the files are the ones in the records folder.
    const saved = { ...process.env }
    Object.assign(process.env, artifacts.env)
    const out = mkdtempSync(join(tmpdir(), 'download-'))
    const silence = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      await new DefaultArtifactClient().downloadArtifact(upload.id, { path: out })
    } finally {
      silence.mockRestore()
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    }
    const records = dirname(outputOf(run, 'result-file'))
    for (const name of Object.keys(files)) {
      if (name === 'result.json') continue // rewritten after the upload with the artifact's id
      expect(sha256(join(out, name))).toBe(sha256(join(records, name)))
    }

    // The summary a reviewer reads.
    expect(run.summary).toContain(hash)
    expect(run.summary).toMatch(/<h3>✅ Neomaril deploy: /)
    expect(run.summary).toContain('✅ passed')
    expect(run.summary).toContain('&quot;instalment&quot;: 500')
    expect(run.summary).toContain(`<a href="${run.outputs['artifact-url']}">`)
    expect(run.summary).toContain('<a href="https://github.com/acme/credit-scripts/actions/runs/4242">')
    expect(run.summary).toMatch(/<details><summary>Build log: (all \d+ entr|the last \d+ of \d+ entries)/)
    expectNoSecrets(run)
  })

  test('a Sync answer that lacks smoke-test-expect fails the gate, with outputs still written', async () => {
    const run = await runAction(
      syncInputs({ 'smoke-test-expect': '{"instalment": 999}', 'upload-artifact': 'false' }),
      { workspace: workspaceWithEnv('sync') }
    )
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'deployed', 'smoke-test': 'failed' })
    expect(run.outputs['preprocessing-id']).toMatch(/^S/)
    expect(errorsOf(run).pop()).toContain(
      'Smoke test failed: the answer does not contain smoke-test-expect ' +
        '(first difference: $.instalment is 500, expected 999)'
    )
    expect(run.summary).toContain('❌ failed')
    // The deploy itself succeeded, but the step failed: the heading says so.
    expect(run.summary).toMatch(/<h3>✗ Neomaril deploy failed: loan features<\/h3>/)
    expect(run.summary).not.toMatch(/<h3>✅/)
    const result = JSON.parse(readFileSync(outputOf(run, 'result-file'), 'utf8'))
    expect(result.outputs['smoke-test']).toBe('failed')
    expect(result.error).toContain('Smoke test failed')
    expectNoSecrets(run)
  })

  test('an entrypoint raising on the sample fails the smoke test, annotated on the source line', async () => {
    const workspace = workspaceWithEnv('sync')
    writeFileSync(
      join(workspace, 'score.py'),
      'import json\n\n\ndef process(data, base_path):\n    record = json.loads(data)\n' +
        '    return {"ratio": record["loan_amount"] / record["missing_field"]}\n'
    )
    const run = await runAction(syncInputs({ 'extra-files': '', 'upload-artifact': 'false' }), { workspace })
    expect(run.code).toBe(1)
    expect(run.outputs['smoke-test']).toBe('failed')
    const error = errorsOf(run).pop()
    // One line of reason (the exception), then the run's error log entries with the traceback.
    expect(error).toMatch(
      new RegExp(
        /^Smoke test failed: the run answered HTTP 500: KeyError: 'missing_field'\.\n\nRun log /.source +
          /errors:\n\S+Z Run\/Error Traceback/.source
      )
    )
    expect(run.summary).toContain(
      'failed — the run answered HTTP 500: KeyError: &#39;missing_field&#39;'
        .replace('&#39;', "'")
        .replace('&#39;', "'")
    )
    expect(run.stdout).toMatch(
      /::error title=Error in the deployed script,file=score.py,line=6::KeyError: 'missing_field'/
    )
    // The run's error entries are printed, inert.
    expect(run.stdout).toMatch(/::group::Run log[^]*::stop-commands::[^]*KeyError[^]*::endgroup::/)
    expect(run.summary).toContain('HTTP 500')
    expectNoSecrets(run)
  })

  test('an Async deploy passes its smoke test with the result zip kept and archived', async () => {
    const run = await runAction(asyncInputs(), { workspace: workspaceWithEnv('async'), env: artifacts.env })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'deployed',
      'smoke-test': 'passed',
      'execution-id': '1',
      'api-version': 'v1'
    })
    // api-version v1: no probe, nothing sent to /v2.
    expect(run.stdout).toContain('API: v1 (api-version: v1).')
    expect(emulator.requests.filter((r) => r.path.startsWith('/api/v2/'))).toEqual([])
    const zip = unzipSync(new Uint8Array(readFileSync(outputOf(run, 'smoke-test-output'))))
    expect(Object.keys(zip)).toEqual(['features.csv'])
    expect(Buffer.from(zip['features.csv']!).toString()).toMatch(
      /^id,instalment,instalment_to_income,late_payments\r?\n1,500.0,0.0962,0/
    )
    const dataset = emulator.requests.find((r) => r.path.startsWith('/api/preprocessing/async/run/'))
    expect(dataset?.files).toEqual([{ part: 'dataset', filename: 'schema.csv', size: expect.any(Number) }])
    expect(
      emulator.requests
        .filter((r) => r.path.startsWith('/api/preprocessing/async/status/'))
        .every((r) => r.auth === 'group')
    ).toBe(true)
    const artifact = artifacts.artifacts().find((a) => String(a.id) === run.outputs['artifact-id'])
    expect(Object.keys(artifact?.files() ?? {})).toContain('smoke-test-result.zip')
    expect(run.summary).toContain('result zip holds features.csv')
    expectNoSecrets(run)
  })

  test('an Async execution that fails gives its message and run log, and fails the gate', async () => {
    const workspace = workspaceWithEnv('async')
    writeFileSync(join(workspace, 'bad.csv'), 'id,age\n1,2\n')
    const run = await runAction(asyncInputs({ 'smoke-test-input': 'bad.csv', 'upload-artifact': 'false' }), {
      workspace
    })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'deployed', 'smoke-test': 'failed', 'execution-id': '1' })
    const error = errorsOf(run).pop()
    expect(error).toMatch(/^Smoke test failed: execution 1 ended as 'Failed': KeyError: 'monthly_income'\./)
    // The execution's one-line message is the reason; the run log's error entries carry the traceback.
    expect(error).toMatch(
      /\n\nRun log errors:\n\S+Z Run\/Error Traceback[^]*script\.py", line 18[^]*KeyError: 'monthly_income'/
    )
    expect(run.stdout).toMatch(
      /::error title=Error in the deployed script,file=features.py,line=\d+::KeyError: 'monthly_income'/
    )
    expect(run.summary).toContain('execution 1 ended as Failed')
    expectNoSecrets(run)
  })

  test('the smoke test without a group token is refused before anything is uploaded', async () => {
    const run = await runAction(syncInputs({ 'group-token': '' }), { workspace: workspaceWithEnv('sync') })
    expect(run.code).toBe(1)
    expect(errorsOf(run).pop()).toContain("Input 'group-token': is empty, but the smoke test needs it")
    expect(emulator.requests).toHaveLength(0)
  })

  test('without an artifact service the records stay in a local folder, and the notice says where', async () => {
    const run = await runAction(syncInputs(), { workspace: workspaceWithEnv('sync') })
    expect(run.code).toBe(0)
    const records = dirname(outputOf(run, 'result-file'))
    expect(run.stdout).toContain(`::notice::No artifact service here (a local run?): the records are in ${records}`)
    expect(existsSync(join(records, 'deployment.json'))).toBe(true)
    expect(run.outputs['artifact-id']).toBe('')
    expectNoSecrets(run)
  })
})

test('secrets with quotes, comments and several lines stay out of the summary, records and outputs', async () => {
  const { expectNoSecretLeaks } = await import('../helpers/secret-scan.js')
  const workspace = sampleWorkspace('sync')
  const pemBody = 'MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEXpemline'
  writeFileSync(
    join(workspace, '.env'),
    `API_KEY='k3y"with\\quote'\nTOKEN="tok-secret-9876" # prod\n` +
      `PEM="-----BEGIN KEY-----\n${pemBody}\n-----END KEY-----"\n`
  )
  // The server keeps .env beside the script; this entrypoint hands its content back, as a careless script could.
  writeFileSync(
    join(workspace, 'score.py'),
    'import os\n\ndef process(data, base_path):\n' +
      '    with open(os.path.join(base_path, ".env")) as f:\n' +
      '        return {"env": f.read()}\n'
  )
  const run = await runAction(syncInputs({ 'extra-files': '' }), { workspace, env: artifacts.env })
  expect(run.code).toBe(0)
  expect(run.outputs['smoke-test']).toBe('passed')
  // The response really carried the values (escaped as JSON), so the scan has something to find.
  const runCall = emulator.requests.find((r) => r.path.startsWith('/api/preprocessing/sync/run/'))
  expect(runCall?.status).toBe(200)
  expectNoSecretLeaks(run, {
    password: DEFAULT_PASSWORD,
    'group token': DEFAULT_GROUP_TOKEN,
    'quoted value': 'k3y"with\\quote',
    'value before a comment': 'tok-secret-9876',
    'PEM body line': pemBody
  })
  const artifact = artifacts.artifacts().find((a) => String(a.id) === run.outputs['artifact-id'])
  const archived = Object.values(artifact?.files() ?? {})
    .map((bytes) => bytes.toString())
    .join('\n')
  for (const secret of ['k3y\\"with\\\\quote', 'tok-secret-9876', pemBody]) expect(archived).not.toContain(secret)
  expect(archived).toContain('***')
})
