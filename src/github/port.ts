/**
 * The few GitHub REST calls the deploy records use, as a port: src/github/octokit.ts
 * answers it with @actions/github's client, tests with a fake. Nothing above src/github
 * sees the octokit.
 */
export interface GitHubDeployment {
  readonly id: number
  readonly sha: string
  readonly task: string
  readonly environment: string
  readonly createdAt: string
  readonly payload: unknown
}

export interface GitHubDeploymentStatus {
  readonly id: number
  readonly state: string
  readonly createdAt: string
}

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive'

export interface NewDeployment {
  /** The commit (a full sha: never a branch, which GitHub would try to merge). */
  readonly sha: string
  readonly task: string
  readonly environment: string
  readonly description: string
  readonly payload: Record<string, unknown>
}

export interface NewStatus {
  readonly state: DeploymentState
  readonly description: string
  readonly environmentUrl?: string
  readonly logUrl?: string
}

export interface DeploymentsPort {
  /** owner/name */
  readonly repository: string
  /** Deployments of one environment and task, newest first (one page). */
  list(query: { environment: string; task: string; perPage: number }): Promise<GitHubDeployment[]>
  /** A deployment's statuses, newest first (one page). */
  statuses(deploymentId: number): Promise<GitHubDeploymentStatus[]>
  create(deployment: NewDeployment): Promise<number>
  addStatus(deploymentId: number, status: NewStatus): Promise<void>
}

/**
 * A GitHub call that did not do what was asked: the HTTP status (0 when none came) and
 * GitHub's message. Callers turn it into one warning; it never fails a deploy.
 */
export class GitHubCallError extends Error {
  constructor(
    readonly call: string,
    readonly status: number,
    readonly githubMessage: string
  ) {
    super(`${call} answered ${status === 0 ? 'nothing' : `HTTP ${status}`}${githubMessage ? `: ${githubMessage}` : ''}`)
    this.name = 'GitHubCallError'
  }
}
