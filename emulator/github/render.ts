/** The JSON GitHub answers for a stored deployment, status or comment (the shapes of the OpenAPI cut). */
import type { StoredComment, StoredDeployment, StoredStatus } from './types.js'

/** Where links point: the API root (with the basePath) and the web root. */
export interface Roots {
  api: string
  web: string
  login: string
}

const nodeId = (kind: string, id: number): string => Buffer.from(`0:${kind}${id}`).toString('base64')

export function user(roots: Roots): Record<string, unknown> {
  const api = `${roots.api}/users/${encodeURIComponent(roots.login)}`
  return {
    login: roots.login,
    id: 41898282,
    node_id: nodeId('Bot', 41898282),
    avatar_url: `${roots.web}/avatars/${encodeURIComponent(roots.login)}`,
    gravatar_id: '',
    url: api,
    html_url: `${roots.web}/apps/github-actions`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'Bot',
    site_admin: false
  }
}

export function deploymentJson(d: StoredDeployment, roots: Roots): Record<string, unknown> {
  const repositoryUrl = `${roots.api}/repos/${d.repository}`
  return {
    url: `${repositoryUrl}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.original_environment,
    environment: d.environment,
    description: d.description,
    creator: user(roots),
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${repositoryUrl}/deployments/${d.id}/statuses`,
    repository_url: repositoryUrl,
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
    performed_via_github_app: null
  }
}

export function statusJson(s: StoredStatus, roots: Roots): Record<string, unknown> {
  const repositoryUrl = `${roots.api}/repos/${s.repository}`
  return {
    url: `${repositoryUrl}/deployments/${s.deployment_id}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: user(roots),
    description: s.description,
    environment: s.environment,
    target_url: s.target_url,
    created_at: s.created_at,
    updated_at: s.updated_at,
    deployment_url: `${repositoryUrl}/deployments/${s.deployment_id}`,
    repository_url: repositoryUrl,
    environment_url: s.environment_url,
    log_url: s.log_url,
    performed_via_github_app: null
  }
}

export function commentJson(c: StoredComment, roots: Roots): Record<string, unknown> {
  const repositoryUrl = `${roots.api}/repos/${c.repository}`
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url: `${repositoryUrl}/issues/comments/${c.id}`,
    html_url: `${roots.web}/${c.repository}/pull/${c.issue_number}#issuecomment-${c.id}`,
    body: c.body,
    user: user(roots),
    created_at: c.created_at,
    updated_at: c.updated_at,
    issue_url: `${repositoryUrl}/issues/${c.issue_number}`,
    author_association: 'NONE',
    performed_via_github_app: null
  }
}
