/**
 * Deploy records on GitHub (docs/deploy-records.md), end to end: the bundled action against
 * the emulator and the GitHub REST stand-in (emulator/github/, checked against GitHub's
 * OpenAPI description). The record's payload and statuses, skip-unchanged, what makes it
 * deploy again, a read-only token, the two traps of a deployment made from a workflow, a
 * GitHub Enterprise Server's base path, and the token never shown.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DEFAULT_PASSWORD } from '../../emulator/index.js'
import { startGitHubStandIn, type GitHubStandIn, type GitHubStandInOptions } from '../../emulator/github/index.js'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { outputOf, runAction, sampleWorkspace, type ActionRun } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'

const emulator = useEmulator({ buildSeconds: 1 })
const REPOSITORY = 'acme/credit-scripts'
const SHA = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00'
const TOKEN = 'ghs_standInToken0123456789abcdef'
const READ_ONLY = 'ghs_readOnlyToken0123456789abcdef'

/**
 * Runs `body` with a stand-in that has both traps armed (this commit's checks pending, its
 * ref behind the default branch), closed afterwards.
 */
async function withStandIn(options: GitHubStandInOptions, body: (github: GitHubStandIn) => Promise<void>) {
  const github = await startGitHubStandIn({
    repositories: [REPOSITORY],
    tokens: { [TOKEN]: { deployments: 'write' }, [READ_ONLY]: { deployments: 'read' } },
    pendingChecks: [SHA],
    behindDefaultBranch: [SHA],
    ...options
  })
  try {
    await body(github)
  } finally {
    await github.close()
  }
}

async function deploy(github: GitHubStandIn, inputs: Record<string, string>, workspace: string): Promise<ActionRun> {
  const run = await runAction(
    syncSampleInputs(emulator.url, {
      'upload-artifact': 'false',
      environment: 'staging',
      'github-token': TOKEN,
      'smoke-test': 'true',
      ...inputs
    }),
    { workspace, env: { GITHUB_API_URL: github.url }, killAfterMs: 60_000 }
  )
  expectNoSecretLeaks(run, { password: DEFAULT_PASSWORD, 'github token': TOKEN, 'read-only token': READ_ONLY })
  expect(github.violations).toEqual([])
  return run
}

const registers = () => emulator.requests.filter((r) => r.method === 'POST' && r.path.includes('/register/'))
const statesOf = (github: GitHubStandIn, id: number) =>
  github.statuses.filter((s) => s.deployment_id === id).map((s) => s.state)

describe('deploy records on GitHub', () => {
  test('a record per deploy: payload, in_progress → success, environment_url, log_url; then unchanged', async () => {
    await withStandIn({}, async (github) => {
      const workspace = sampleWorkspace('sync')
      const first = await deploy(github, {}, workspace)
      expect(first.code).toBe(0)
      const hash = outputOf(first, 'preprocessing-id')
      expect(github.deployments).toHaveLength(1)
      const [record] = github.deployments
      expect(record).toMatchObject({ sha: SHA, environment: 'staging', task: expect.stringMatching(/^neomaril:/) })
      expect(record!.payload).toMatchObject({
        tool: 'neomaril-deploy',
        name: 'loan features',
        group: 'datarisk',
        server: `${emulator.url}/api`,
        operation: 'Sync',
        apiVersion: 'v1',
        scriptHash: hash,
        digest: outputOf(first, 'digest'),
        smokeTest: 'passed',
        status: 'deployed',
        manifest: { fields: { name: 'loan features' } }
      })
      expect(typeof (record!.payload as { buildSeconds: unknown }).buildSeconds).toBe('number')
      expect(statesOf(github, record!.id)).toEqual(['in_progress', 'success'])
      const success = github.statuses.find((s) => s.state === 'success')
      expect(success?.environment_url).toBe(outputOf(first, 'url'))
      expect(outputOf(first, 'url')).toBe(`${emulator.url}/api/preprocessing/sync/run/datarisk/${hash}`)
      expect(success?.log_url).toBe(`https://github.com/${REPOSITORY}/actions/runs/4242`)
      expect(outputOf(first, 'deployment-id')).toBe(String(record!.id))
      const deployment = JSON.parse(
        readFileSync(join(dirname(outputOf(first, 'result-file')), 'deployment.json'), 'utf8')
      ) as Record<string, unknown>
      expect(deployment).toMatchObject({
        digest: outputOf(first, 'digest'),
        record: { environment: 'staging', deploymentId: record!.id }
      })
      // The traps: the stand-in answers 409 (pending checks) or 202 (auto-merge) to a request without them.
      const create = github.requests.find((r) => r.method === 'POST' && r.path.endsWith('/deployments'))
      expect(create?.body).toMatchObject({ ref: SHA, required_contexts: [], auto_merge: false })
      expect(create?.status).toBe(201)

      // The same content again, skip-unchanged: nothing uploaded, the smoke test still runs.
      emulator.clearRequests()
      const second = await deploy(github, { 'skip-unchanged': 'true' }, workspace)
      expect(second.code).toBe(0)
      expect(registers()).toHaveLength(0)
      expect(outputOf(second, 'status')).toBe('unchanged')
      expect(outputOf(second, 'preprocessing-id')).toBe(hash)
      expect(outputOf(second, 'previous-preprocessing-id')).toBe(hash)
      // The script kept was found on the server: its operation is said, as a deploy's is.
      expect(outputOf(second, 'operation')).toBe(outputOf(first, 'operation'))
      expect(outputOf(second, 'operation')).toBe('Sync')
      expect(outputOf(second, 'smoke-test')).toBe('passed')
      expect(emulator.requests.some((r) => r.path === `/api/preprocessing/sync/run/datarisk/${hash}`)).toBe(true)
      expect(second.summary).toContain('Unchanged')
      // Said once, plainly: not 'nothing was uploaded: … ; nothing was uploaded'.
      expect(second.summary.match(/nothing was uploaded/g)).toHaveLength(1)
      expect(second.stdout).toMatch(/Unchanged: the record of environment 'staging' \(deployment \d+/)
      // Its own record, for this commit; the first one is superseded.
      expect(github.deployments).toHaveLength(2)
      expect(github.deployments[1]!.payload).toMatchObject({ status: 'unchanged', scriptHash: hash })
      expect(statesOf(github, record!.id)).toEqual(['in_progress', 'success', 'inactive'])
      console.log(`unchanged re-deploy: ${second.elapsedMs} ms (full deploy ${first.elapsedMs} ms)`)

      // A changed byte in any file deploys.
      emulator.clearRequests()
      writeFileSync(join(workspace, 'limits.json'), '{"max_amount": 50001}\n')
      const third = await deploy(github, { 'skip-unchanged': 'true' }, workspace)
      expect(outputOf(third, 'status')).toBe('deployed')
      expect(registers()).toHaveLength(1)
      expect(outputOf(third, 'digest')).not.toBe(outputOf(first, 'digest'))
      expect(outputOf(third, 'previous-preprocessing-id')).toBe(hash)
      expect(third.stdout).toMatch(/Deploying: the digest changed \(recorded sha256:[0-9a-f]{64}\)/)
      // The record's build time is the wait's hint.
      expect(third.stdout).toMatch(
        /The previous build of 'loan features' \(S[0-9a-f]{63}\) took [\d.]+ s, says its record/
      )
    })
  }, 120_000)

  test('a failed last deploy, or a recorded script no longer Deployed, deploys again', async () => {
    await withStandIn({}, async (github) => {
      const workspace = sampleWorkspace('sync')
      emulator.setBuildFails(true)
      const failed = await deploy(github, {}, workspace)
      expect(failed.code).toBe(1)
      const failedId = Number(outputOf(failed, 'deployment-id'))
      expect(statesOf(github, failedId)).toEqual(['in_progress', 'failure'])
      emulator.setBuildFails(false)
      emulator.clearRequests()
      const retried = await deploy(github, { 'skip-unchanged': 'true' }, workspace)
      expect(retried.stdout).toMatch(/Deploying: the last record \(\d+\) did not succeed/)
      expect(outputOf(retried, 'status')).toBe('deployed')
      expect(registers()).toHaveLength(1)

      // A newer record claiming success for the failed script, same digest: it is not Deployed, so it deploys.
      const failedHash = outputOf(failed, 'preprocessing-id')
      const payload = { ...(github.deployments.at(-1)!.payload as Record<string, unknown>), scriptHash: failedHash }
      const post = async (path: string, body: unknown): Promise<{ id: number }> => {
        const response = await fetch(`${github.url}/repos/${REPOSITORY}${path}`, {
          method: 'POST',
          headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(body)
        })
        return (await response.json()) as { id: number }
      }
      const task = github.deployments[0]!.task
      const { id } = await post('/deployments', {
        ref: SHA,
        task,
        environment: 'staging',
        payload,
        required_contexts: [],
        auto_merge: false
      })
      await post(`/deployments/${id}/statuses`, { state: 'success', auto_inactive: false })
      emulator.clearRequests()
      const again = await deploy(github, { 'skip-unchanged': 'true' }, workspace)
      expect(again.stdout).toContain(`Deploying: the recorded script ${failedHash} is Failed now (skip-unchanged).`)
      expect(outputOf(again, 'status')).toBe('deployed')
      expect(outputOf(again, 'previous-preprocessing-id')).toBe(failedHash)
      expect(registers()).toHaveLength(1)
    })
  }, 120_000)

  test('a read-only token: one warning naming the permission, the deploy green and unrecorded', async () => {
    await withStandIn({}, async (github) => {
      const run = await deploy(github, { 'github-token': READ_ONLY, 'skip-unchanged': 'true' }, sampleWorkspace('sync'))
      expect(run.code).toBe(0)
      expect(outputOf(run, 'status')).toBe('deployed')
      expect(outputOf(run, 'deployment-id')).toBe('')
      const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/deployments: write.*permissions:/)
      expect(github.deployments).toHaveLength(0)
    })
  }, 60_000)

  test('GitHub failing (a 500 on create) is one warning; the deploy is green, its outputs intact', async () => {
    await withStandIn({}, async (github) => {
      github.fail('repos/create-deployment', 500)
      const run = await deploy(github, {}, sampleWorkspace('sync'))
      expect(run.code).toBe(0)
      expect(outputOf(run, 'status')).toBe('deployed')
      expect(outputOf(run, 'preprocessing-id')).toMatch(/^S[0-9a-f]{63}$/)
      expect(outputOf(run, 'deployment-id')).toBe('')
      const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'))
      expect(warnings).toEqual([
        expect.stringMatching(/GitHub did not answer as expected \(POST deployments answered HTTP 500/)
      ])
    })
  }, 60_000)

  test("a GitHub Enterprise Server: the records go to GITHUB_API_URL's /api/v3", async () => {
    await withStandIn({ basePath: '/api/v3' }, async (github) => {
      expect(github.url).toMatch(/\/api\/v3$/)
      const run = await deploy(github, {}, sampleWorkspace('sync'))
      expect(run.code).toBe(0)
      expect(github.deployments).toHaveLength(1)
      expect(outputOf(run, 'deployment-id')).toBe(String(github.deployments[0]!.id))
    })
  }, 60_000)
})
