/** The GitHub REST stand-in's options, state and handle (emulator/README.md, "The GitHub stand-in"). */

export type Access = 'read' | 'write'

/** What a token may do, in GitHub's permission names (a GITHUB_TOKEN's `permissions:` block). */
export interface TokenPermissions {
  deployments?: Access
  pull_requests?: Access
  issues?: Access
}

export interface GitHubStandInOptions {
  /** Host to listen on (default '127.0.0.1'). */
  host?: string
  /** Port (default 0: any free port). */
  port?: number
  /** '' (default) is api.github.com's form; '/api/v3' is GitHub Enterprise Server's. */
  basePath?: '' | '/api/v3'
  /** 'owner/repo' names that exist (default [DEFAULT_REPOSITORY]); any other is 404. */
  repositories?: string[]
  /** Accepted tokens and their permissions (default { DEFAULT_GITHUB_TOKEN: every permission 'write' }). */
  tokens?: Record<string, TokenPermissions>
  /** Commit SHAs (or refs) whose checks are still pending: a deployment that checks them is 409. */
  pendingChecks?: string[]
  /** Refs behind the default branch: `auto_merge` (default true) merges into them, 202, no deployment. */
  behindDefaultBranch?: string[]
  /** Refs behind the default branch whose merge conflicts: `auto_merge` gives 409. */
  mergeConflicts?: string[]
  /** The default branch's name, in the auto-merge messages (default 'main'). */
  defaultBranch?: string
  /** The login shown as `creator` / `user` (default 'github-actions[bot]'). */
  login?: string
  /** One line per request (method, path, status), e.g. console.log. */
  log?: (line: string) => void
}

/** A deployment as stored; answers add the URLs and the creator GitHub sends. */
export interface StoredDeployment {
  repository: string
  id: number
  sha: string
  ref: string
  task: string
  environment: string
  original_environment: string
  payload: Record<string, unknown> | string
  description: string | null
  transient_environment: boolean
  production_environment: boolean
  created_at: string
  updated_at: string
}

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface StoredStatus {
  repository: string
  id: number
  deployment_id: number
  state: DeploymentState
  description: string
  environment: string
  environment_url: string
  log_url: string
  target_url: string
  created_at: string
  updated_at: string
}

export interface StoredComment {
  repository: string
  id: number
  issue_number: number
  body: string
  created_at: string
  updated_at: string
}

export interface RecordedRequest {
  method: string
  /** Path without the basePath and without the query. */
  path: string
  query: Record<string, string>
  /** The parsed JSON body (undefined when none). */
  body: unknown
  /** The operation of the cut it matched, if any. */
  operationId?: string
  /** The token presented: none, one of `tokens`, or an unknown one (the token itself is never recorded). */
  auth: 'none' | 'accepted' | 'unknown'
  status: number
}

/** An answer given instead of acting, after the token, permission and request checks passed. */
export interface GitHubFault {
  /** An operation of the cut, e.g. 'repos/create-deployment'. */
  operationId: string
  /** e.g. 500, 502, 503, or 403 with a message of your own. */
  status: number
  /** GitHub's `message` (default 'Server Error' for 5xx). */
  message?: string
  /** How many matching requests it answers (default 1); counts down. */
  times: number
}

export interface GitHubStandIn {
  /** What the action gets as GITHUB_API_URL (root + basePath, no trailing slash). */
  url: string
  /** Every deployment created, oldest first. */
  deployments: StoredDeployment[]
  /** Every deployment status created (auto_inactive ones included), oldest first. */
  statuses: StoredStatus[]
  /** Every issue / pull-request comment, oldest first, as last updated. */
  comments: StoredComment[]
  requests: RecordedRequest[]
  /** Each request or response that does not fit the OpenAPI cut, in words. Empty when all fit. */
  violations: string[]
  /** The next `times` (default 1) requests of `operationId` answer `status` as a GitHub error, doing nothing. */
  fail(operationId: string, status: number, options?: { times?: number; message?: string }): void
  close(): Promise<void>
}
