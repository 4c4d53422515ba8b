/**
 * The GitHub stand-in's refusals, as GitHub answers them: tokens (401) and permissions (403), the
 * two traps of creating a deployment from a running workflow (409 pending checks, 202 auto-merge),
 * requests that do not fit the OpenAPI cut (422 and a violation), and GitHub Enterprise Server's /api/v3.
 */
import { getOctokit } from '@actions/github'
import {
  DEFAULT_GITHUB_TOKEN,
  startGitHubStandIn,
  type GitHubStandIn,
  type GitHubStandInOptions
} from '../../emulator/github/index.js'

const owner = 'acme'
const repo = 'credit-scripts'
const sha = 'c'.repeat(40)
let gh: GitHubStandIn | undefined

async function standIn(options: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  gh = await startGitHubStandIn(options)
  return gh
}
afterEach(async () => {
  await gh?.close()
  gh = undefined
})

const client = (stand: GitHubStandIn, token = DEFAULT_GITHUB_TOKEN): ReturnType<typeof getOctokit> =>
  getOctokit(token, { baseUrl: stand.url })

describe('tokens and permissions', () => {
  it('is 401 Bad credentials for an unknown token, 401 without one', async () => {
    const stand = await standIn()
    await expect(client(stand, 'nope').rest.repos.listDeployments({ owner, repo })).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('Bad credentials')
    })
    const res = await fetch(`${stand.url}/repos/${owner}/${repo}/deployments`)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ message: 'Requires authentication' })
    expect(stand.violations).toEqual([])
  })

  it("is 403 'Resource not accessible by integration' without the permission, and creates nothing", async () => {
    const stand = await standIn({
      tokens: { ro: { deployments: 'read', pull_requests: 'read' }, none: {}, prs: { pull_requests: 'write' } }
    })
    const ro = client(stand, 'ro')
    await expect(ro.rest.repos.listDeployments({ owner, repo })).resolves.toMatchObject({ status: 200 })
    const create = ro.rest.repos.createDeployment({ owner, repo, ref: sha, required_contexts: [], auto_merge: false })
    await expect(create).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration')
    })
    await expect(ro.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x' })).rejects.toMatchObject({
      status: 403
    })
    await expect(client(stand, 'none').rest.repos.listDeployments({ owner, repo })).rejects.toMatchObject({
      status: 403
    })
    // pull_requests: write is enough to comment on a pull request's conversation.
    const prs = client(stand, 'prs')
    await expect(prs.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x' })).resolves.toMatchObject({
      status: 201
    })
    expect(stand.deployments).toEqual([])
    expect(stand.violations).toEqual([])
  })
})

describe('creating a deployment from a running workflow', () => {
  it('is 409 while the commit checks pend, unless required_contexts is []', async () => {
    const stand = await standIn({ pendingChecks: [sha] })
    const octokit = client(stand)
    const call = octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: sha,
      environment: 'staging',
      auto_merge: false
    })
    await expect(call).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining(`Conflict: Commit status checks failed for ${sha}.`)
    })
    expect(stand.deployments).toEqual([])
    const ok = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: sha,
      environment: 'staging',
      auto_merge: false,
      required_contexts: []
    })
    expect(ok.status).toBe(201)
    expect(stand.violations).toEqual([])
  })

  it('merges the default branch into a ref behind it (202, no deployment) when auto_merge is left on', async () => {
    const stand = await standIn({ behindDefaultBranch: ['topic'] })
    const octokit = client(stand)
    const merged = await octokit.rest.repos.createDeployment({ owner, repo, ref: 'topic', required_contexts: [] })
    expect(merged.status).toBe(202)
    expect(merged.data).toEqual({ message: 'Auto-merged main into topic on deployment.' })
    expect(stand.deployments).toEqual([])
    // Merged now: the next request deploys, as GitHub documents.
    const again = await octokit.rest.repos.createDeployment({ owner, repo, ref: 'topic', required_contexts: [] })
    expect(again.status).toBe(201)
    expect(stand.violations).toEqual([])
  })

  it('deploys a ref behind the default branch as is with auto_merge: false; a conflicting merge is 409', async () => {
    const stand = await standIn({ behindDefaultBranch: ['topic'], mergeConflicts: ['clash'] })
    const octokit = client(stand)
    const asIs = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: 'topic',
      auto_merge: false,
      required_contexts: []
    })
    expect(asIs.status).toBe(201)
    const clash = octokit.rest.repos.createDeployment({ owner, repo, ref: 'clash', required_contexts: [] })
    await expect(clash).rejects.toMatchObject({ status: 409, message: expect.stringContaining('Conflict merging') })
    expect(stand.violations).toEqual([])
  })
})

/** Routes as plain strings: Octokit's types would refuse at compile time the misfits these tests send. */
const CREATE_DEPLOYMENT: string = 'POST /repos/{owner}/{repo}/deployments'
const CREATE_STATUS: string = 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses'

describe('requests checked against the OpenAPI cut', () => {
  it('answers 422 to a deployment without ref, and records the violation', async () => {
    const stand = await standIn()
    const octokit = client(stand)
    const call = octokit.request(CREATE_DEPLOYMENT, { owner, repo, environment: 'staging' })
    await expect(call).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Invalid request.\n\n"ref" wasn\'t supplied.')
    })
    expect(stand.violations).toEqual([expect.stringMatching(/repos\/create-deployment: body .*'ref'/)])
    expect(stand.deployments).toEqual([])
  })

  it('answers 422 to a wrongly typed field or an unknown status state', async () => {
    const stand = await standIn()
    const octokit = client(stand)
    const typed = octokit.request(CREATE_DEPLOYMENT, {
      owner,
      repo,
      ref: 'main',
      auto_merge: 'no'
    })
    await expect(typed).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining(`For 'properties/auto_merge', "no" is not a boolean.`)
    })
    const made = await octokit.rest.repos.createDeployment({ owner, repo, ref: 'main', required_contexts: [] })
    const state = octokit.request(CREATE_STATUS, {
      owner,
      repo,
      deployment_id: (made.data as { id: number }).id,
      state: 'done'
    })
    await expect(state).rejects.toMatchObject({ status: 422 })
    expect(stand.violations).toEqual([
      expect.stringContaining('repos/create-deployment: body/auto_merge must be boolean'),
      expect.stringContaining('repos/create-deployment-status: body/state must be equal to one of the allowed values')
    ])
  })

  it('records, without refusing, fields and query parameters GitHub would ignore', async () => {
    const stand = await standIn()
    const octokit = client(stand)
    await octokit.request('GET /repos/{owner}/{repo}/deployments', { owner, repo, enviroment: 'staging' })
    await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      owner,
      repo,
      issue_number: 3,
      body: 'x',
      bdy: 'y'
    })
    expect(stand.violations).toEqual([
      "repos/list-deployments: query parameter 'enviroment' is not in the operation (GitHub ignores it)",
      "issues/create-comment: body field 'bdy' is not in the operation (GitHub ignores it)"
    ])
  })

  it('is 404 with a violation for an operation outside the cut', async () => {
    const stand = await standIn()
    const call = client(stand).rest.repos.deleteDeployment({ owner, repo, deployment_id: 1 })
    await expect(call).rejects.toMatchObject({ status: 404 })
    expect(stand.violations).toEqual([expect.stringContaining('DELETE /repos/acme/credit-scripts/deployments/1')])
  })

  it('records each request: method, path, query, body, operation and status (never the token)', async () => {
    const stand = await standIn()
    await client(stand).rest.repos.listDeployments({ owner, repo, environment: 'staging', per_page: 5 })
    expect(stand.requests).toEqual([
      {
        method: 'GET',
        path: '/repos/acme/credit-scripts/deployments',
        query: { environment: 'staging', per_page: '5' },
        body: undefined,
        operationId: 'repos/list-deployments',
        status: 200
      }
    ])
    expect(JSON.stringify(stand.requests)).not.toContain(DEFAULT_GITHUB_TOKEN)
  })
})

describe('GitHub Enterprise Server', () => {
  it("serves under /api/v3 (GITHUB_API_URL's form there), with links and pages under it", async () => {
    const stand = await standIn({ basePath: '/api/v3', repositories: ['Team/Scripts'] })
    expect(stand.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
    const octokit = client(stand)
    // GitHub's owner and repository names are not case sensitive.
    const made = await octokit.rest.repos.createDeployment({
      owner: 'team',
      repo: 'scripts',
      ref: sha,
      required_contexts: []
    })
    expect((made.data as { url: string }).url).toBe(`${stand.url}/repos/Team/Scripts/deployments/1`)
    await octokit.rest.repos.createDeployment({ owner: 'Team', repo: 'Scripts', ref: sha, required_contexts: [] })
    const page = await octokit.rest.repos.listDeployments({ owner: 'Team', repo: 'Scripts', per_page: 1 })
    expect(page.headers.link).toContain(`<${stand.url}/repos/Team/Scripts/deployments?per_page=1&page=2>`)
    const root = await fetch(`${stand.url.replace(/\/api\/v3$/, '')}/repos/Team/Scripts/deployments`)
    expect(root.status).toBe(404)
    expect(stand.violations).toEqual([expect.stringContaining("outside the base path '/api/v3'")])
  })
})
