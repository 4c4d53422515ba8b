import type { DeploymentsPort, GitHubDeployment, NewDeployment, NewStatus } from './port.js'
import { GitHubCallError } from './port.js'
import { commentCalls } from './octokit-comments.js'
import type { IssueCommentsPort } from './pr-comment.js'

/** How long one GitHub call may take: a slow GitHub costs the deploy this much at most per call. */
const CALL_TIMEOUT_MS = 10_000

export interface GitHubSettings {
  readonly token: string
  /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise Server's /api/v3. */
  readonly apiUrl: string
  /** GITHUB_REPOSITORY: owner/name. */
  readonly repository: string
  /** How long one call may take (tests shorten it). */
  readonly callTimeoutMs?: number
}

/**
 * The deployments port over @actions/github's octokit (loaded when first needed: it is
 * heavy). The base URL comes from GITHUB_API_URL, so a GitHub Enterprise Server works.
 * Every failure comes out as a GitHubCallError carrying the status and GitHub's message,
 * never the token.
 */
export async function openGitHub(settings: GitHubSettings): Promise<DeploymentsPort & IssueCommentsPort> {
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(settings.token, { baseUrl: settings.apiUrl.replace(/\/+$/, '') })
  const [owner = '', repo = ''] = settings.repository.split('/')
  const timeoutMs = settings.callTimeoutMs ?? CALL_TIMEOUT_MS
  const call = async <T>(name: string, send: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      return await send(signal)
    } catch (error) {
      // Octokit reports its aborted request as an HTTP 500 that GitHub never sent.
      if (signal.aborted) throw new GitHubCallError(name, 0, `no answer within ${timeoutMs / 1000} s`)
      const status = (error as { status?: unknown }).status
      const data = (error as { response?: { data?: { message?: unknown } } }).response?.data
      const message = typeof data?.message === 'string' ? data.message : (error as Error).message
      throw new GitHubCallError(name, typeof status === 'number' ? status : 0, message)
    }
  }
  return {
    ...commentCalls(octokit, owner, repo, call),
    repository: settings.repository,
    list: ({ environment, task, perPage }) =>
      call('GET deployments', async (signal) => {
        const { data } = await octokit.rest.repos.listDeployments({
          owner,
          repo,
          environment,
          task,
          per_page: perPage,
          request: { signal }
        })
        return data.map((d): GitHubDeployment => ({
          id: d.id,
          sha: d.sha,
          task: d.task,
          environment: d.environment ?? '',
          createdAt: d.created_at,
          payload: d.payload
        }))
      }),
    statuses: (id) =>
      call('GET deployment statuses', async (signal) => {
        const { data } = await octokit.rest.repos.listDeploymentStatuses({
          owner,
          repo,
          deployment_id: id,
          per_page: 100,
          request: { signal }
        })
        return data.map((s) => ({ id: s.id, state: s.state, createdAt: s.created_at }))
      }),
    create: (deployment: NewDeployment) =>
      call('POST deployments', async (signal) => {
        const response = await octokit.rest.repos.createDeployment({
          owner,
          repo,
          ref: deployment.sha,
          task: deployment.task,
          environment: deployment.environment,
          description: deployment.description,
          payload: deployment.payload,
          // The two traps of a deployment made from a running workflow: GitHub would wait for
          // this commit's own checks (still pending: this job is one) and answer 409, and it
          // would try to merge the default branch into the ref first (202, no deployment).
          required_contexts: [],
          auto_merge: false,
          transient_environment: false,
          request: { signal }
        })
        if (response.status !== 201 || !('id' in response.data))
          throw new GitHubCallError(
            'POST deployments',
            response.status,
            'message' in response.data ? String(response.data.message) : ''
          )
        return response.data.id
      }),
    addStatus: (id, status: NewStatus) =>
      call('POST deployment status', async (signal) => {
        await octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: id,
          state: status.state,
          description: status.description,
          environment_url: status.environmentUrl,
          log_url: status.logUrl,
          // Other scripts' records in this environment stay as they are; this script's
          // superseded ones are marked inactive by records.ts itself.
          auto_inactive: false,
          request: { signal }
        })
      })
  }
}
