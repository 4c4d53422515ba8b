/**
 * The plan and the pull-request comment, end to end: the bundle in validate mode on a
 * `pull_request` event (no MLOps secret, as on a fork), reading the environment's record
 * from the GitHub stand-in and keeping one comment there.
 */
import { appendFileSync, cpSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD, DEFAULT_USER } from '../../emulator/index.js'
import { DEFAULT_GITHUB_TOKEN, startGitHubStandIn, type GitHubStandIn } from '../../emulator/github/index.js'
import { useEmulator, V2_JOIN_SCRIPT } from '../helpers/e2e.js'
import { outputOf, REPO_ROOT, runAction, sampleWorkspace } from '../helpers/action-runner.js'
import { openGitHub } from '../../src/github/octokit.js'
import { createRecord, recordPayload } from '../../src/github/records.js'
import { apiBaseUrl } from '../../src/inputs/parse.js'
import type { Manifest } from '../../src/shared/manifest.js'

const REPOSITORY = 'acme/credit-scripts'
const READ_ONLY = 'read-only-token-1'
const NO_DEPLOYMENTS = 'comments-only-token-2'
const emulator = useEmulator({ buildSeconds: 0 })
let github: GitHubStandIn

beforeAll(async () => {
  github = await startGitHubStandIn({
    repositories: [REPOSITORY],
    tokens: {
      [DEFAULT_GITHUB_TOKEN]: { deployments: 'write', pull_requests: 'write', issues: 'write' },
      [READ_ONLY]: { deployments: 'read', pull_requests: 'read', issues: 'read' },
      [NO_DEPLOYMENTS]: { pull_requests: 'write', issues: 'write' }
    }
  })
})
afterAll(() => github.close())

/** A pull_request event's payload file, as the runner writes it. */
function pullRequestEvent(number: number): Record<string, string> {
  const path = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(path, JSON.stringify({ action: 'synchronize', number, pull_request: { number } }))
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_API_URL: github.url }
}

const script = (name: string) => ({
  mode: 'validate',
  url: emulator.url,
  name,
  entrypoint: 'process',
  'source-file': 'score.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.json',
  'extra-files': 'limits.json',
  environment: 'staging',
  'pr-comment': 'true',
  'github-token': DEFAULT_GITHUB_TOKEN,
  'upload-artifact': 'false'
})

/** A successful record of `name` in staging whose manifest is `manifest`, made by the action's own records code. */
async function seedRecord(name: string, manifest: Manifest, operation: 'Sync' | 'Async' = 'Sync'): Promise<void> {
  const client = await openGitHub({ token: DEFAULT_GITHUB_TOKEN, apiUrl: github.url, repository: REPOSITORY })
  const key = { environment: 'staging', server: apiBaseUrl(emulator.url), group: 'datarisk', name }
  await createRecord(client, {
    key,
    sha: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
    description: 'seeded',
    payload: recordPayload(key, {
      operation,
      apiVersion: 'v1',
      scriptHash: `S${'1'.repeat(63)}`,
      digest: `sha256:${'0'.repeat(64)}`,
      manifest,
      smokeTest: 'skipped',
      status: 'deployed'
    }),
    inProgress: { state: 'in_progress', description: 'seeded' },
    final: { state: 'success', description: 'seeded' },
    supersedes: []
  })
}

const commentsOn = (issue: number) => github.comments.filter((c) => c.issue_number === issue)

describe('pr-comment in validate mode on a pull request', () => {
  test('one comment, created with no record, then updated in place with the plan', async () => {
    const workspace = sampleWorkspace('sync')
    const first = await runAction(script('loan features'), { workspace, env: pullRequestEvent(11) })
    expect(first.code).toBe(0)
    expect(first.outputs).toMatchObject({ status: 'validated', 'has-changes': '', 'changes-markdown': '' })
    expect(commentsOn(11)).toHaveLength(1)
    expect(commentsOn(11)[0]?.body).toContain('No earlier deploy of this script is recorded')

    // The last deploy ran Python 3.9, had a smaller score.py and no requirement line.
    const current = JSON.parse(outputOf(first, 'manifest')) as Manifest
    await seedRecord('loan features', {
      ...current,
      fields: { ...current.fields, python_version: 'Python39' },
      files: current.files.map((f) => (f.part === 'source' ? { ...f, size: 10, sha256: 'f'.repeat(64) } : f)),
      requirements: []
    })
    const second = await runAction(script('loan features'), { workspace, env: pullRequestEvent(11) })
    expect(second.code).toBe(0)
    expect(second.outputs['has-changes']).toBe('true')
    const plan = outputOf(second, 'changes-markdown')
    expect(plan).toContain('| `script.py` | source | changed | 10 B |')
    expect(plan).toContain('- Python: `3.9` → `3.10`')
    expect(plan).toContain('  - added `python-dateutil==2.9.0`')
    expect(outputOf(second, 'previous-preprocessing-id')).toBe(`S${'1'.repeat(63)}`)
    const comments = commentsOn(11)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain(plan)
    expect(comments[0]?.body).toContain('#### Local run\n\n✅ passed')
    expect(emulator.requests).toHaveLength(0)
    expect(github.violations).toEqual([])
  })

  test('a read-only token: one warning naming pull-requests: write, the step stays green', async () => {
    const run = await runAction(
      { ...script('loan features'), 'github-token': READ_ONLY },
      { env: pullRequestEvent(12) }
    )
    expect(run.code).toBe(0)
    // The local run's Python may warn on its own (python3.10 not on PATH): only GitHub's warnings count.
    const warnings = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::warning') && !line.includes('is not on PATH'))
    expect(warnings).toEqual([expect.stringContaining('pull-requests: write')])
    expect(warnings[0]).toMatch(
      /lacks the pull-requests: write permission \(.*403.*\): no comment on pull request #12.*permissions:/
    )
    expect(commentsOn(12)).toHaveLength(0)
    // The plan needed only read access: it is there.
    expect(run.outputs['has-changes']).not.toBe('')
  })

  test('a token that cannot read deployments: a warning naming deployments: read, no plan', async () => {
    const run = await runAction(
      { ...script('loan features'), 'github-token': NO_DEPLOYMENTS },
      { env: pullRequestEvent(14) }
    )
    expect(run.code).toBe(0)
    const warnings = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::warning') && !line.includes('is not on PATH'))
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          /lacks the deployments: read permission .*the records of environment 'staging' cannot be read, /.source +
            /so there is no plan/.source
        )
      )
    ])
    expect(run.outputs).toMatchObject({ 'has-changes': '', 'changes-markdown': '', status: 'validated' })
    expect(commentsOn(14)[0]?.body).toContain("No plan: the environment's records could not be read")
  })

  test('a name with @someone and <b> is inert in the comment, and no token is in any comment', async () => {
    const name = '@someone <b>x</b> | y'
    const run = await runAction(script(name), { env: pullRequestEvent(13) })
    expect(run.code).toBe(0)
    const body = commentsOn(13)[0]?.body ?? ''
    expect(body).toContain('### Neomaril: `@someone <b>x</b> | y` in `staging`')
    const outsideCode = body.replace(/^<!--.*-->$/m, '').replace(/(`+)[^`]*?\1/g, '')
    expect(outsideCode).not.toMatch(/@|<b>/)
    for (const comment of github.comments) {
      expect(comment.body).not.toContain(DEFAULT_GITHUB_TOKEN)
      expect(comment.body).not.toContain(READ_ONLY)
    }
    // The token reaches the runner only in the ::add-mask:: command that hides it.
    const printed = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(printed.join('\n')).not.toContain(DEFAULT_GITHUB_TOKEN)
  })

  test("deploy mode records, and the next pull request's plan compares with that record", async () => {
    const workspace = sampleWorkspace('sync')
    const deploy = {
      ...script('loan deploy'),
      mode: 'deploy',
      login: DEFAULT_USER,
      password: DEFAULT_PASSWORD,
      'group-token': DEFAULT_GROUP_TOKEN
    }
    const deployed = await runAction(deploy, { workspace, env: pullRequestEvent(21) })
    expect(deployed.code).toBe(0)
    const hash = outputOf(deployed, 'preprocessing-id')
    expect(deployed.outputs['has-changes']).toBe('')
    expect(commentsOn(21)[0]?.body).toContain(`Script hash \`${hash}\``)

    // The same content: no changes; a changed source: the plan names it.
    const same = await runAction(script('loan deploy'), { workspace, env: pullRequestEvent(22) })
    expect(same.outputs).toMatchObject({ 'has-changes': 'false', 'previous-preprocessing-id': hash })
    const size = statSync(join(workspace, 'score.py')).size
    appendFileSync(join(workspace, 'score.py'), '\n# a comment\n')
    const shown = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-US')} B)`
    const changed = await runAction(script('loan deploy'), { workspace, env: pullRequestEvent(22) })
    expect(changed.outputs['has-changes']).toBe('true')
    expect(outputOf(changed, 'changes-markdown')).toContain(
      `| \`script.py\` | source | changed | ${shown(size)} | ${shown(size + 13)} |`
    )
    expect(commentsOn(22)).toHaveLength(1)
    expect(github.violations).toEqual([])
  })

  test('an Async script under api-version auto with a v1 record: the API is named, not a change', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-v2-join-'))
    cpSync(join(REPO_ROOT, '__tests__/emulator/data/v2-join'), workspace, { recursive: true })
    const inputs = { ...script('loan pricing'), ...V2_JOIN_SCRIPT, 'pr-comment': 'false' }
    const first = await runAction(inputs, { workspace, env: pullRequestEvent(41) })
    const manifest = JSON.parse(outputOf(first, 'manifest')) as Manifest
    expect(manifest.api).toBe('v2')
    await seedRecord('loan pricing', { ...manifest, api: 'v1' }, 'Async')
    const run = await runAction(inputs, { workspace, env: pullRequestEvent(41) })
    expect(run.outputs['has-changes']).toBe('false')
    const plan = outputOf(run, 'changes-markdown')
    expect(plan).not.toContain('- API:')
    expect(plan).toMatch(
      /the last deploy went through `v1`; under `api-version: auto` a deploy takes `v2` on a current/
    )
  })

  test('another event: a notice that there is nothing to comment on, and no comment', async () => {
    const before = github.comments.length
    const run = await runAction(script('loan features'), {
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_API_URL: github.url }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/::notice::pr-comment is true, but this run is for a push event/)
    expect(github.comments.length).toBe(before)
  })
})
