import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_USER, DEFAULT_PASSWORD } from '../../emulator/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 1 })

const SYNC_INPUTS = (): Record<string, string> => ({
  url: emulator.url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  name: 'loan features',
  entrypoint: 'process',
  'source-file': 'score.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.json',
  'extra-files': 'limits.json',
  'poll-interval': '2s'
})

const ASYNC_INPUTS = (): Record<string, string> => ({
  ...SYNC_INPUTS(),
  name: 'loan batch features',
  entrypoint: 'build_features',
  'source-file': 'features.py',
  schema: 'schema.csv',
  'extra-files': '',
  operation: 'async',
  'python-version': '3.9'
})

const registers = () =>
  emulator.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/preprocessing/register/'))

describe('deploying with the bundled action', () => {
  test('a Sync script ends Deployed, with its hash and the contract multipart layout', async () => {
    // Long enough for the first check (at 1 s) to see it Building.
    emulator.setBuildSeconds(3)
    const run = await runAction(SYNC_INPUTS())
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'deployed',
      operation: 'Sync',
      group: 'datarisk',
      'python-version': '3.10',
      'server-version': 'emulator-1.0.0'
    })
    expect(run.outputs['preprocessing-id']).toMatch(/^S[0-9a-f]{63}$/)
    expect(Number(run.outputs['build-seconds'])).toBeGreaterThanOrEqual(1)

    expect(registers()).toHaveLength(1)
    const register = registers()[0]! // one, as asserted above
    expect(register.path).toBe('/api/preprocessing/register/datarisk')
    expect(register.auth).toBe('user')
    expect(register.form).toEqual({
      name: 'loan features',
      script_reference: 'process',
      operation: 'Sync',
      python_version: 'Python310'
    })
    expect(register.files.map((f) => [f.part, f.filename])).toEqual([
      ['source', 'script.py'],
      ['requirements', 'requirements.txt'],
      ['schema', 'schema.json'],
      ['extra', 'limits.json']
    ])
    const host = emulator.requests.filter((r) => r.path.includes('/host/'))
    expect(host.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/preprocessing/sync/host/datarisk/${run.outputs['preprocessing-id']}`
    ])

    const script = emulator.scripts().find((s) => s.hash === run.outputs['preprocessing-id'])
    expect(script?.status).toBe('Deployed')
    expect(readdirSync(script!.dir)).toEqual(
      expect.arrayContaining(['script.py', 'requirements.txt', 'schema.json', 'limits.json'])
    )
    // One log group per phase, and the progress of the wait.
    for (const phase of ['Check inputs', 'Connect', 'Register', 'Host', 'Wait for Deployed'])
      expect(run.stdout).toContain(`::group::${phase}`)
    expect(run.stdout).toMatch(/check \d+: Building/)
    expect(run.stdout).toMatch(/check \d+: Deployed/)
    expect(run.summary).toContain(run.outputs['preprocessing-id'])
  })

  test('an Async script with api-version v1 ends Deployed through the v1 async host path', async () => {
    const run = await runAction({ ...ASYNC_INPUTS(), 'api-version': 'v1' }, { workspace: sampleWorkspace('async') })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      status: 'deployed',
      operation: 'Async',
      'python-version': '3.9',
      'api-version': 'v1'
    })
    expect(emulator.requests.filter((r) => r.path.startsWith('/api/v2/'))).toEqual([])
    expect(registers()[0]?.form).toMatchObject({
      operation: 'Async',
      python_version: 'Python39',
      script_reference: 'build_features'
    })
    expect(registers()[0]?.files.map((f) => f.filename)).toEqual(['script.py', 'requirements.txt', 'schema.csv'])
    expect(
      emulator.requests.some(
        (r) => r.path === `/api/preprocessing/async/host/datarisk/${run.outputs['preprocessing-id']}`
      )
    ).toBe(true)
  })

  const brokenBuild =
    'a broken build fails the step with the server message and the traceback, still handing on the hash'
  test(brokenBuild, async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(
      join(workspace, 'score.py'),
      'import json\nimport not_a_real_module_xyz\n\ndef process(data, base_path):\n    return {}\n'
    )
    const run = await runAction({ ...SYNC_INPUTS(), 'extra-files': '' }, { workspace })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('failed')
    expect(run.outputs['preprocessing-id']).toMatch(/^S[0-9a-f]{63}$/)
    const error = errorsOf(run).pop()
    expect(error).toContain("ended as 'Failed'")
    expect(error).toContain('not_a_real_module_xyz')
    // The build's error log entries are part of the step's error.
    expect(error).toMatch(
      /Build log errors:\n\S+Z Host\/Error Traceback[^]*ModuleNotFoundError: No module named 'not_a_real_module_xyz'/
    )
    // The traceback points into the uploaded script.py: annotated on the user's own file and line.
    expect(run.stdout).toMatch(
      new RegExp(
        /::error title=Error in the deployed script,file=score.py,line=2::ModuleNotFoundError: No /.source +
          /module named 'not_a_real_module_xyz'/.source
      )
    )
    // The build's error log is printed, inert.
    expect(run.stdout).toMatch(/::stop-commands::[0-9a-f-]{36}\n[^]*ModuleNotFoundError[^]*::[0-9a-f-]{36}::/)
    expect(registers()).toHaveLength(1)
  })

  test('wait: false ends once the build has started', async () => {
    emulator.setBuildSeconds(30)
    const run = await runAction({ ...SYNC_INPUTS(), wait: 'false' })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('building')
    expect(run.outputs['build-seconds']).toBe('')
    expect(emulator.requests.filter((r) => r.path.startsWith('/api/preprocessing/status/'))).toHaveLength(0)
  })

  test('a build that never ends times out near the deadline and fails the step', async () => {
    emulator.addFault({ path: '/host/', kind: 'hang-build' })
    const run = await runAction({ ...SYNC_INPUTS(), 'wait-timeout': '3s', 'poll-interval': '1s' })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('timed-out')
    expect(errorsOf(run)[0]).toMatch(/last status was 'Building'.*wait-timeout/)
    // The run's own start-up and deploy take a moment; the wait itself ends at its deadline.
    expect(Number(run.outputs['build-seconds'])).toBeLessThanOrEqual(3 + 1)
  })

  test('with fail-on-timeout: false a timeout is a warning', async () => {
    emulator.addFault({ path: '/host/', kind: 'hang-build' })
    const run = await runAction({
      ...SYNC_INPUTS(),
      'wait-timeout': '2s',
      'poll-interval': '1s',
      'fail-on-timeout': 'false'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('timed-out')
    expect(run.stdout).toMatch(/::warning::Gave up waiting/)
  })

  test('an unknown group fails before uploading, listing the groups the user can see', async () => {
    const run = await runAction({ ...SYNC_INPUTS(), group: 'Risk Team' })
    expect(run.code).toBe(1)
    // Neither the name as given nor its 2.1.1 normalisation is in /groups.
    expect(errorsOf(run)[0]).toMatch(
      /Input 'group': 'Risk Team' \(or 'risk_team'\) is not a group this user can see \(visible: datarisk\)/
    )
    expect(registers()).toHaveLength(0)
  })

  test('bad credentials fail with an authentication message and nothing uploaded', async () => {
    const run = await runAction({ ...SYNC_INPUTS(), password: 'wrong-password' })
    expect(run.code).toBe(1)
    expect(errorsOf(run)[0]).toMatch(/Login as 'neomaril@example.com' was refused.*'login' and 'password'/)
    expect(run.outputs.status).toBe('error')
    expect(registers()).toHaveLength(0)
  })

  test('bad input fails before any request', async () => {
    const run = await runAction({
      ...SYNC_INPUTS(),
      entrypoint: 'score',
      name: 'a name that is far too long for the server'
    })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('invalid-input')
    expect(errorsOf(run)[0]).toContain("Input 'name'")
    expect(emulator.requests).toHaveLength(0)
  })

  const missingEntrypoint =
    'an entrypoint the source lacks fails before anything secret is sent: ' +
    'only the read-only health check ran beside it'
  test(missingEntrypoint, async () => {
    const run = await runAction({ ...SYNC_INPUTS(), entrypoint: 'score' })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('invalid-input')
    expect(errorsOf(run)[0]).toMatch(/^Input 'entrypoint': 'score\.py' defines no module-level 'score'/)
    expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/health'])
  })

  test('an unpinned requirement is a warning on its line', async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(join(workspace, 'requirements.txt'), 'python-dateutil==2.9.0\nrequests>=2\n')
    const run = await runAction(SYNC_INPUTS(), { workspace })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /::warning title=Unpinned requirement,file=requirements.txt,line=2::'requests>=2' is not pinned/
    )
  })

  test('the password and tokens never reach stdout, outputs or the summary', async () => {
    const run = await runAction(SYNC_INPUTS())
    const everything = run.stdout + run.stderr + JSON.stringify(run.outputs) + run.summary
    const visible = everything.replace(/::add-mask::.*\n/g, '')
    expect(visible).not.toContain(DEFAULT_PASSWORD)
    // The user token the emulator issued is masked as soon as it is received.
    expect(run.stdout).toMatch(/::add-mask::\S+/)
    for (const masked of run.stdout.match(/::add-mask::(\S+)/g) ?? [])
      expect(visible).not.toContain(masked.slice('::add-mask::'.length))
  })
})

test('the bundle runs on the Node this project names', async () => {
  // In the 'e2e on node 24' project this is Node 24, the runner's runtime (action.yml: node24).
  const { execFileSync } = await import('node:child_process')
  const node = process.env.ACTION_NODE ?? process.execPath
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
  if (process.env.ACTION_NODE) expect(version).toMatch(/^v24\./)
  else expect(version).toBe(process.version)
  const run = await runAction({ ...SYNC_INPUTS(), wait: 'false' })
  expect(run.code).toBe(0)
})
