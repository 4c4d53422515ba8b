/**
 * What can be known on the runner is checked before the first upload, through the bundle
 * (dist/index.js) as the runner runs it: requirement lines the server cannot install,
 * smoke-test datasets the schema does not name, a bare number as a duration, and a JSON
 * value given as smoke-test-expect are found before any request (the emulator records
 * none); the group token a v1 smoke test needs is found right after `api-version: auto`'s
 * read-only probe, before anything is uploaded. Warnings on requirement lines carry a fix
 * in pip's syntax. Unit tests: __tests__/inputs/prechecks.test.ts, requirement-lines.test.ts.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_PASSWORD, DEFAULT_USER, startEmulator, type Emulator } from '../../emulator/index.js'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { REPO_ROOT, errorsOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 0 })
const SHA = 'c'.repeat(40)

/** The Sync sample's workspace, its requirements.txt replaced by `lines`. */
function syncWith(lines: string[]): string {
  const workspace = sampleWorkspace('sync')
  writeFileSync(join(workspace, 'requirements.txt'), `${lines.join('\n')}\n`)
  writeFileSync(join(workspace, 'base.txt'), 'python-dateutil==2.9.0\n')
  mkdirSync(join(workspace, 'pkg'))
  return workspace
}

/** A run refused before any request: non-zero exit, status invalid-input, the message, nothing sent. */
async function refusedLocally(inputs: Record<string, string>, workspace: string, message: RegExp): Promise<void> {
  const run = await runAction(inputs, { workspace })
  expect(run.code).not.toBe(0)
  expect(run.outputs.status).toBe('invalid-input')
  expect(errorsOf(run).join('\n')).toMatch(message)
  expect(emulator.requests).toEqual([])
}

describe('requirement lines the server cannot install: input errors before any request', () => {
  test.each([
    [
      'a -r include that is not uploaded',
      '-r base.txt',
      {},
      /Input 'requirements-file': line 2 '-r base\.txt' includes 'base\.txt'; .*Add base\.txt to extra-files/
    ],
    ['an editable local folder', '-e ./pkg', {}, /'-e \.\/pkg' installs the folder '\.\/pkg' .*Build a wheel/],
    [
      'an include uploaded, but not where the line looks',
      '-r sub/base.txt',
      { 'extra-files': 'limits.json\nsub/base.txt' },
      /'base\.txt' is uploaded, but at the top of the script's folder.*Write it as '-r base\.txt'/
    ]
  ])('%s', async (_label, line, extra, message) => {
    const workspace = syncWith(['python-dateutil==2.9.0', line])
    mkdirSync(join(workspace, 'sub'))
    writeFileSync(join(workspace, 'sub', 'base.txt'), 'python-dateutil==2.9.0\n')
    await refusedLocally(syncSampleInputs(emulator.url, extra), workspace, message)
  })

  test('an uploaded include is read too; lines that may change get a warning with a fix in pip syntax', async () => {
    const workspace = syncWith([
      'python-dateutil==2.9.0',
      '-r base.txt',
      'six==1.*',
      'lib @ git+https://ghp_notshown@github.com/o/lib.git@main',
      `other @ git+https://github.com/o/other.git@${SHA}`,
      '--extra-index-url https://pypi.example.com/simple'
    ])
    writeFileSync(join(workspace, 'base.txt'), 'python-dateutil>=2\n')
    const run = await runAction(
      { ...syncSampleInputs(emulator.url, { 'extra-files': 'limits.json\nbase.txt' }), mode: 'validate' },
      { workspace }
    )
    expect(run.code).toBe(0)
    const annotation = (title: string, line: number) => `::warning title=${title},file=requirements.txt,line=${line}::`
    expect(run.stdout).toContain(`${annotation('Wildcard pin', 3)}'six==1.*' pins a wildcard`)
    expect(run.stdout).toContain(
      `${annotation('VCS reference not pinned', 4)}'lib @ git+https://***@github.com/o/lib.git@main' follows 'main'`
    )
    expect(run.stdout).toContain('Pin a full commit: lib @ git+https://***@github.com/o/lib.git@<full-commit-sha>')
    expect(run.stdout).toContain(`${annotation('Package index option', 6)}'--extra-index-url`)
    // The uploaded include is read by the same rules, annotated on its own line.
    expect(run.stdout).toContain(
      `::warning title=Unpinned requirement,file=base.txt,line=1::'python-dateutil>=2' is not pinned`
    )
    expect(run.stdout).not.toMatch(/file=requirements\.txt,line=[125]::/)
    expect(run.stdout).not.toContain('ghp_notshown')
    expect(emulator.requests).toEqual([])
  })
})

/** A copy of samples/async-v2: build_features(dfs) on the datasets customers and loans. */
function v2Workspace(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'ws-async-v2-'))
  cpSync(join(REPO_ROOT, 'samples', 'async-v2'), workspace, { recursive: true })
  return workspace
}

describe('smoke-test datasets against the schema (v2 Async)', () => {
  const v2Inputs = (sample: string) => ({
    ...syncSampleInputs(emulator.url, { 'extra-files': '' }),
    name: 'loan joins',
    operation: 'Async',
    entrypoint: 'build_features',
    'source-file': 'app.py',
    schema: 'customers=customers.csv\nloans=loans.csv',
    'smoke-test': 'true',
    'smoke-test-input': sample
  })
  test.each([
    ['a missing name', 'customers=customers.csv', /has no line for the schema's dataset 'loans'/],
    [
      'an extra name',
      'customers=customers.csv\nloans=loans.csv\nrates=loans.csv',
      /names 'rates', which the schema does not/
    ]
  ])('%s is an input error before any request', async (_label, sample, message) => {
    await refusedLocally(v2Inputs(sample), v2Workspace(), message)
  })
})

test('one dataset under auto: a name v2 does not know stops right after the probe, before any upload', async () => {
  const run = await runAction(
    {
      ...syncSampleInputs(emulator.url, { 'extra-files': '' }),
      name: 'loan joins',
      operation: 'Async',
      entrypoint: 'build_features',
      'source-file': 'app.py',
      schema: 'customers=customers.csv',
      'smoke-test': 'true',
      'smoke-test-input': 'clients=customers.csv'
    },
    { workspace: v2Workspace() }
  )
  expect(run.code).not.toBe(0)
  const error = errorsOf(run).join('\n')
  expect(error).toMatch(
    /Input 'smoke-test-input': has no line for the schema's dataset 'customers' and names 'clients'/
  )
  expect(error).toMatch(/goes through v2 \(GET \/v2\/preprocessing\?group=\w+ answered 200/)
  const paths = emulator.requests.map((r) => `${r.method} ${r.path}`)
  expect(paths).toContain('GET /api/v2/preprocessing')
  expect(paths.filter((request) => !request.startsWith('GET ') && !/login|token/i.test(request))).toEqual([])
})

test('a v1 smoke test without the group token stops after the probe, before any upload', async () => {
  const old: Emulator = await startEmulator({ api: 'v1', buildSeconds: 0 })
  try {
    const run = await runAction(
      {
        url: old.url,
        login: DEFAULT_USER,
        password: DEFAULT_PASSWORD,
        name: 'loan batch',
        operation: 'Async',
        entrypoint: 'build_features',
        'source-file': 'features.py',
        'requirements-file': 'requirements.txt',
        schema: 'schema.csv',
        'smoke-test': 'true'
      },
      { workspace: sampleWorkspace('async') }
    )
    expect(run.code).not.toBe(0)
    const error = errorsOf(run).join('\n')
    expect(error).toMatch(/Input 'group-token': is empty, but the smoke test needs it for the run calls/)
    expect(error).toMatch(/goes through v1 \(GET \/v2\/preprocessing\?group=\w+ answered 404.*or set smoke-test: false/)
    const paths = old.requests.map((r) => r.path)
    expect(paths).toContain('/api/v2/preprocessing')
    expect(paths.filter((path) => /register|host|\/run\//.test(path))).toEqual([])
  } finally {
    await old.close()
  }
})

test.each(['wait-timeout', 'poll-interval', 'request-timeout', 'smoke-test-timeout'])(
  '%s: 600 (no unit) is refused before any request, naming both readings',
  async (input) => {
    await refusedLocally(
      syncSampleInputs(emulator.url, { [input]: '600' }),
      sampleWorkspace('sync'),
      new RegExp(`Input '${input}': '600' has no unit: it could mean seconds or minutes\\. Write the unit: 600s`)
    )
  }
)

test('smoke-test-expect: 2 is the JSON number 2, not a file name (validate mode compares it)', async () => {
  const run = await runAction(
    { ...syncSampleInputs(emulator.url), mode: 'validate', 'smoke-test-expect': '2' },
    { workspace: sampleWorkspace('sync') }
  )
  expect(run.stdout).not.toMatch(/'2' does not exist/)
  expect(run.stdout).toMatch(/does not contain smoke-test-expect/)
  expect(emulator.requests).toEqual([])
})
