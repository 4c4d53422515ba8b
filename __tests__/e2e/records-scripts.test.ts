/**
 * Deploy records on GitHub, end to end, for what a team meets beyond one script
 * (docs/deploy-records.md): two scripts in one environment, a change no file's hash shows
 * (the .env file's values), and the warnings of a token that may only read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_PASSWORD } from '../../emulator/index.js'
import { startGitHubStandIn, type GitHubStandIn } from '../../emulator/github/index.js'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { outputOf, runAction, sampleWorkspace, type ActionRun } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'

const emulator = useEmulator({ buildSeconds: 0 })
const REPOSITORY = 'acme/credit-scripts'
const TOKEN = 'ghs_scriptsToken0123456789abcdef'
const READ_ONLY = 'ghs_readOnlyScripts0123456789abcd'
const NO_DEPLOYMENTS = 'ghs_noDeployments0123456789abcdef'
let github: GitHubStandIn

beforeAll(async () => {
  github = await startGitHubStandIn({
    repositories: [REPOSITORY],
    tokens: {
      [TOKEN]: { deployments: 'write', pull_requests: 'write', issues: 'write' },
      [READ_ONLY]: { deployments: 'read', pull_requests: 'read', issues: 'read' },
      [NO_DEPLOYMENTS]: {}
    }
  })
})
afterAll(() => github.close())

async function deploy(inputs: Record<string, string>, workspace: string, env = {}): Promise<ActionRun> {
  const run = await runAction(
    syncSampleInputs(emulator.url, {
      'upload-artifact': 'false',
      environment: 'staging',
      'github-token': TOKEN,
      'smoke-test': 'true',
      ...inputs
    }),
    { workspace, env: { GITHUB_API_URL: github.url, ...env }, killAfterMs: 60_000 }
  )
  expectNoSecretLeaks(run, {
    password: DEFAULT_PASSWORD,
    'github token': TOKEN,
    'read-only token': READ_ONLY,
    other: NO_DEPLOYMENTS
  })
  expect(github.violations).toEqual([])
  return run
}

const registers = () => emulator.requests.filter((r) => r.method === 'POST' && r.path.includes('/register/'))
const statesOf = (id: string) => github.statuses.filter((s) => s.deployment_id === Number(id)).map((s) => s.state)
const warningsOf = (run: ActionRun) =>
  run.stdout.split('\n').filter((line) => line.startsWith('::warning') && !line.includes('is not on PATH'))

test('two scripts in one environment: neither hides nor inactivates the other, each skipped alone', async () => {
  const workspace = sampleWorkspace('sync')
  const a = await deploy({ name: 'loan' }, workspace)
  // A name that merely contains the other (a LIKE match would take one for the other).
  const b = await deploy({ name: 'loan features' }, workspace)
  expect([a.code, b.code]).toEqual([0, 0])
  expect(statesOf(outputOf(a, 'deployment-id'))).toEqual(['in_progress', 'success'])
  expect(outputOf(b, 'previous-preprocessing-id')).toBe('')

  emulator.clearRequests()
  const againA = await deploy({ name: 'loan', 'skip-unchanged': 'true' }, workspace)
  expect(outputOf(againA, 'status')).toBe('unchanged')
  expect(outputOf(againA, 'preprocessing-id')).toBe(outputOf(a, 'preprocessing-id'))
  expect(outputOf(againA, 'has-changes')).toBe('false')
  expect(registers()).toHaveLength(0)
  // Only A's own earlier record is superseded; B's stays live.
  expect(statesOf(outputOf(a, 'deployment-id'))).toEqual(['in_progress', 'success', 'inactive'])
  expect(statesOf(outputOf(b, 'deployment-id'))).toEqual(['in_progress', 'success'])
  const againB = await deploy({ name: 'loan features', 'skip-unchanged': 'true' }, workspace)
  expect(outputOf(againB, 'status')).toBe('unchanged')
  expect(outputOf(againB, 'preprocessing-id')).toBe(outputOf(b, 'preprocessing-id'))
  expect(registers()).toHaveLength(0)
}, 120_000)

test('.env values changed at the same size: it deploys, and the plan says so (has-changes is true)', async () => {
  const workspace = sampleWorkspace('sync')
  writeFileSync(join(workspace, '.env'), 'LIMIT=1\n')
  const inputs = { name: 'env plan', 'env-file': '.env', 'skip-unchanged': 'true' }
  const first = await deploy(inputs, workspace)
  expect(outputOf(first, 'status')).toBe('deployed')
  writeFileSync(join(workspace, '.env'), 'LIMIT=2\n')
  emulator.clearRequests()
  const second = await deploy(inputs, workspace)
  expect(outputOf(second, 'status')).toBe('deployed')
  expect(registers()).toHaveLength(1)
  expect(second.stdout).toMatch(/Deploying: the digest changed/)
  expect(outputOf(second, 'has-changes')).toBe('true')
  expect(outputOf(second, 'changes-markdown')).toMatch(/The `\.env` file's values changed, at the same size/)
}, 120_000)

test('deploy mode on a pull request with a token that may only read: one warning naming both permissions', async () => {
  const event = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 31, pull_request: { number: 31 } }))
  const run = await deploy(
    { name: 'read only', 'github-token': READ_ONLY, 'pr-comment': 'true', 'skip-unchanged': 'true' },
    sampleWorkspace('sync'),
    { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }
  )
  expect(run.code).toBe(0)
  expect(outputOf(run, 'status')).toBe('deployed')
  expect(outputOf(run, 'deployment-id')).toBe('')
  const warnings = warningsOf(run)
  expect(warnings).toEqual([
    expect.stringMatching(
      new RegExp(
        /lacks the deployments: write and pull-requests: write permissions .*this deploy is not recorded.*; /.source +
          /no comment on pull request #31.* permissions: with deployments: write and pull-requests: write /.source
      )
    )
  ])
}, 60_000)

test('skip-unchanged with records it cannot read: it deploys, and says that was why (one warning)', async () => {
  const run = await deploy(
    { name: 'unreadable', 'github-token': NO_DEPLOYMENTS, 'skip-unchanged': 'true' },
    sampleWorkspace('sync')
  )
  expect(outputOf(run, 'status')).toBe('deployed')
  expect(run.stdout).toContain(
    "Deploying: the environment's records could not be read (the warning at the end says why) (skip-unchanged)."
  )
  expect(warningsOf(run)).toEqual([expect.stringMatching(/lacks the deployments: write permission/)])
}, 60_000)
