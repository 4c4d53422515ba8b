/**
 * The GitHub stand-in driven by the client the action uses (@actions/github's Octokit): every
 * operation of the cut, answers that fit GitHub's OpenAPI description, and GitHub's documented
 * behaviour for deployments, their statuses and issue comments.
 */
import { getOctokit } from '@actions/github'
import { DEFAULT_GITHUB_TOKEN, startGitHubStandIn, type GitHubStandIn } from '../../emulator/github/index.js'

const owner = 'acme'
const repo = 'credit-scripts'
const sha = 'a'.repeat(40)
let gh: GitHubStandIn
let octokit: ReturnType<typeof getOctokit>

beforeEach(async () => {
  gh = await startGitHubStandIn()
  octokit = getOctokit(DEFAULT_GITHUB_TOKEN, { baseUrl: gh.url })
})
afterEach(async () => {
  expect(gh.violations).toEqual([])
  await gh.close()
})

async function deploy(environment: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: sha,
    environment,
    auto_merge: false,
    required_contexts: [],
    ...extra
  })
  expect(res.status).toBe(201)
  return (res.data as { id: number }).id
}

describe('deployments', () => {
  it('creates one with GitHub defaults and its payload, and reads it back', async () => {
    const payload = { hash: 'abc', digest: 'sha256:00' }
    const res = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: sha,
      environment: 'staging',
      payload,
      description: 'preprocessing x',
      auto_merge: false,
      required_contexts: []
    })
    expect(res.status).toBe(201)
    const created = res.data as { id: number; sha: string; task: string; production_environment: boolean }
    expect(created).toMatchObject({ sha, ref: sha, task: 'deploy', environment: 'staging', payload })
    expect(created.production_environment).toBe(false)
    const got = await octokit.rest.repos.getDeployment({ owner, repo, deployment_id: created.id })
    expect(got.data).toMatchObject({ id: created.id, payload, description: 'preprocessing x' })
    expect(gh.deployments).toHaveLength(1)
    expect(gh.deployments[0]).toMatchObject({ repository: 'acme/credit-scripts', environment: 'staging', payload })
  })

  it("defaults to the 'production' environment, a production one", async () => {
    const id = await deploy('production')
    expect(gh.deployments.find((d) => d.id === id)).toMatchObject({ production_environment: true })
    const other = await octokit.rest.repos.createDeployment({ owner, repo, ref: 'main', required_contexts: [] })
    expect(other.data).toMatchObject({ environment: 'production', ref: 'main' })
  })

  it('lists newest first, filtered by sha, ref, task and environment', async () => {
    const a = await deploy('staging')
    const b = await deploy('production')
    const c = await deploy('staging', { task: 'deploy:preprocessing' })
    const d = await deploy('staging', { ref: 'b'.repeat(40) })
    const ids = async (filter: Record<string, string>): Promise<number[]> =>
      (await octokit.rest.repos.listDeployments({ owner, repo, ...filter })).data.map((x) => x.id)
    expect(await ids({})).toEqual([d, c, b, a])
    expect(await ids({ environment: 'staging' })).toEqual([d, c, a])
    expect(await ids({ task: 'deploy:preprocessing' })).toEqual([c])
    expect(await ids({ sha })).toEqual([c, b, a])
    expect(await ids({ ref: 'b'.repeat(40), environment: 'staging' })).toEqual([d])
    expect(await ids({ environment: 'qa' })).toEqual([])
  })

  it('pages with per_page, page and a Link header that Octokit follows', async () => {
    const made: number[] = []
    for (let i = 0; i < 5; i++) made.push(await deploy('staging'))
    const first = await octokit.rest.repos.listDeployments({ owner, repo, per_page: 2 })
    expect(first.data.map((x) => x.id)).toEqual([made[4], made[3]])
    expect(first.headers.link).toContain('rel="next"')
    expect(first.headers.link).toContain('rel="last"')
    const third = await octokit.rest.repos.listDeployments({ owner, repo, per_page: 2, page: 3 })
    expect(third.data.map((x) => x.id)).toEqual([made[0]])
    expect(third.headers.link).not.toContain('rel="next"')
    expect(third.headers.link).toContain('rel="prev"')
    const all = await octokit.paginate(octokit.rest.repos.listDeployments, { owner, repo, per_page: 2 })
    expect(all.map((x) => x.id)).toEqual([...made].reverse())
  })

  it('is 404 for a deployment or a repository that does not exist', async () => {
    await expect(octokit.rest.repos.getDeployment({ owner, repo, deployment_id: 99 })).rejects.toMatchObject({
      status: 404
    })
    await expect(octokit.rest.repos.listDeployments({ owner, repo: 'other' })).rejects.toMatchObject({ status: 404 })
  })
})

describe('faults', () => {
  it('answers a GitHub error instead of acting, the given number of times', async () => {
    gh.fail('repos/create-deployment', 503, { times: 2 })
    for (let i = 0; i < 2; i++)
      await expect(deploy('staging')).rejects.toMatchObject({
        status: 503,
        message: expect.stringContaining('Server Error')
      })
    expect(gh.deployments).toEqual([])
    await deploy('staging')
    expect(gh.deployments).toHaveLength(1)
    expect(() => gh.fail('repos/delete-deployment', 500)).toThrow('not an operation the stand-in serves')
  })
})

describe('deployment statuses', () => {
  it('records in_progress then success with environment_url and log_url, newest first', async () => {
    const id = await deploy('staging')
    const log_url = 'https://github.com/acme/credit-scripts/actions/runs/1'
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: id, state: 'in_progress', log_url })
    const done = await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      state: 'success',
      log_url,
      environment_url: 'http://mlops.example/api/preprocessing/sync/run/g/h',
      description: 'Deployed h'
    })
    expect(done.status).toBe(201)
    expect(done.headers.location).toContain(`/deployments/${id}/statuses/${done.data.id}`)
    expect(done.data).toMatchObject({ state: 'success', log_url, target_url: log_url, environment: 'staging' })
    const list = await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: id })
    expect(list.data.map((s) => s.state)).toEqual(['success', 'in_progress'])
    const one = await octokit.rest.repos.getDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      status_id: done.data.id
    })
    expect(one.data.environment_url).toBe('http://mlops.example/api/preprocessing/sync/run/g/h')
  })

  it('marks earlier successful deployments of a non-production environment inactive (auto_inactive)', async () => {
    const first = await deploy('staging')
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: first, state: 'success' })
    const failed = await deploy('staging')
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: failed, state: 'failure' })
    const elsewhere = await deploy('qa')
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: elsewhere, state: 'success' })
    const second = await deploy('staging')
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: second, state: 'success' })
    const latest = (id: number): string | undefined => gh.statuses.filter((s) => s.deployment_id === id).at(-1)?.state
    expect([latest(first), latest(failed), latest(elsewhere), latest(second)]).toEqual([
      'inactive',
      'failure',
      'success',
      'success'
    ])
  })

  it('leaves them when auto_inactive is false, and production ones as GitHub documents', async () => {
    const first = await deploy('staging')
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: first, state: 'success' })
    const second = await deploy('staging')
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: second,
      state: 'success',
      auto_inactive: false
    })
    const prodOld = await deploy('production')
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: prodOld, state: 'success' })
    const prodNew = await deploy('production')
    await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: prodNew, state: 'success' })
    expect(gh.statuses.filter((s) => s.state === 'inactive')).toEqual([])
  })

  it('refuses a description longer than 140 characters with 422', async () => {
    const id = await deploy('staging')
    const call = octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      state: 'success',
      description: 'x'.repeat(141)
    })
    await expect(call).rejects.toMatchObject({ status: 422 })
  })
})

describe('issue comments', () => {
  it('creates, lists oldest first, finds, and updates one comment in place', async () => {
    const issue_number = 7
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number, body: '<!-- m -->\nplan 1' })
    expect(created.status).toBe(201)
    expect(created.headers.location).toContain(`/issues/comments/${created.data.id}`)
    await octokit.rest.issues.createComment({ owner, repo, issue_number, body: 'someone else' })
    await octokit.rest.issues.createComment({ owner, repo, issue_number: 8, body: 'another PR' })
    const listed = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 1 })
    expect(listed.map((c) => c.body)).toEqual(['<!-- m -->\nplan 1', 'someone else'])
    const marked = listed.find((c) => c.body?.startsWith('<!-- m -->'))
    const updated = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: marked!.id,
      body: '<!-- m -->\nplan 2'
    })
    expect(updated.data.body).toBe('<!-- m -->\nplan 2')
    const got = await octokit.rest.issues.getComment({ owner, repo, comment_id: marked!.id })
    expect(got.data.html_url).toContain(`/acme/credit-scripts/pull/7#issuecomment-${marked!.id}`)
    expect(gh.comments.map((c) => [c.issue_number, c.body])).toEqual([
      [7, '<!-- m -->\nplan 2'],
      [7, 'someone else'],
      [8, 'another PR']
    ])
  })

  it('refuses a body longer than GitHub allows with 422', async () => {
    const call = octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x'.repeat(65537) })
    await expect(call).rejects.toMatchObject({ status: 422 })
    expect(gh.comments).toEqual([])
  })
})
