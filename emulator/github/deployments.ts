/**
 * Deployments and their statuses, as GitHub's REST documentation describes them: the two traps of
 * creating one from a running workflow (pending checks, auto_merge), `auto_inactive`, list filters.
 */
import { createHash } from 'node:crypto'
import { paginate } from './paging.js'
import { deploymentJson, statusJson } from './render.js'
import type { Answer, Call, State } from './state.js'
import { gitHubError, notFound, now, validationFailed } from './state.js'
import type { DeploymentState, StoredDeployment, StoredStatus } from './types.js'

/** What GitHub documents as the longest status description. */
export const STATUS_DESCRIPTION_MAX = 140

/** A 40-hex ref is its own commit; a branch or tag name stands for a made-up but stable one. */
export function shaOf(ref: string): string {
  return /^[0-9a-f]{40}$/i.test(ref) ? ref.toLowerCase() : createHash('sha1').update(`ref:${ref}`).digest('hex')
}

function findDeployment(state: State, call: Call): StoredDeployment | undefined {
  const id = Number(call.params.deployment_id)
  return state.deployments.find((d) => d.id === id && d.repository === call.repository)
}

/** Newest first, filtered by sha, ref, task and environment (each exact). */
export function listDeployments(state: State, call: Call): Answer {
  const q = call.query
  const chosen = state.deployments
    .filter((d) => d.repository === call.repository)
    .filter((d) => q.sha === undefined || d.sha === q.sha)
    .filter((d) => q.ref === undefined || d.ref === q.ref)
    .filter((d) => q.task === undefined || d.task === q.task)
    .filter((d) => q.environment === undefined || d.environment === q.environment)
    .reverse()
  const page = paginate(chosen, q, call.self)
  return { status: 200, json: page.items.map((d) => deploymentJson(d, state.roots)), headers: page.headers }
}

export function getDeployment(state: State, call: Call): Answer {
  const found = findDeployment(state, call)
  return found ? { status: 200, json: deploymentJson(found, state.roots) } : notFound(call)
}

interface CreateDeploymentBody {
  ref: string
  task?: string
  auto_merge?: boolean
  required_contexts?: string[]
  payload?: Record<string, unknown> | string
  environment?: string
  description?: string | null
  transient_environment?: boolean
  production_environment?: boolean
}

export function createDeployment(state: State, call: Call): Answer {
  const body = call.body as CreateDeploymentBody
  const { ref } = body
  const sha = shaOf(ref)
  const base = state.defaultBranch
  if (body.auto_merge !== false && state.mergeConflicts.has(ref))
    return gitHubError(call, 409, `Conflict merging ${base} into ${ref}.`)
  if (body.auto_merge !== false && state.behind.has(ref)) {
    state.behind.delete(ref)
    return { status: 202, json: { message: `Auto-merged ${base} into ${ref} on deployment.` } }
  }
  const checked = body.required_contexts === undefined || body.required_contexts.length > 0
  if (checked && (state.pending.has(ref) || state.pending.has(sha)))
    return gitHubError(call, 409, `Conflict: Commit status checks failed for ${ref}.`)
  const environment = body.environment ?? 'production'
  const at = now()
  const deployment: StoredDeployment = {
    repository: call.repository,
    id: state.nextId(),
    sha,
    ref,
    task: body.task ?? 'deploy',
    environment,
    original_environment: environment,
    payload: body.payload ?? {},
    description: body.description === undefined ? '' : body.description,
    transient_environment: body.transient_environment ?? false,
    production_environment: body.production_environment ?? environment === 'production',
    created_at: at,
    updated_at: at
  }
  state.deployments.push(deployment)
  return { status: 201, json: deploymentJson(deployment, state.roots) }
}

/** Newest first. */
export function listStatuses(state: State, call: Call): Answer {
  const deployment = findDeployment(state, call)
  if (!deployment) return notFound(call)
  const all = state.statuses.filter((s) => s.deployment_id === deployment.id).reverse()
  const page = paginate(all, call.query, call.self)
  return { status: 200, json: page.items.map((s) => statusJson(s, state.roots)), headers: page.headers }
}

export function getStatus(state: State, call: Call): Answer {
  const deployment = findDeployment(state, call)
  const id = Number(call.params.status_id)
  const found = deployment && state.statuses.find((s) => s.id === id && s.deployment_id === deployment.id)
  return found ? { status: 200, json: statusJson(found, state.roots) } : notFound(call)
}

interface CreateStatusBody {
  state: DeploymentState
  target_url?: string
  log_url?: string
  description?: string
  environment?: string
  environment_url?: string
  auto_inactive?: boolean
}

function latestStatus(state: State, deploymentId: number): StoredStatus | undefined {
  return state.statuses.filter((s) => s.deployment_id === deploymentId).at(-1)
}

function addStatus(state: State, deployment: StoredDeployment, fields: Partial<StoredStatus>): StoredStatus {
  const at = now()
  const status: StoredStatus = {
    repository: deployment.repository,
    id: state.nextId(),
    deployment_id: deployment.id,
    state: 'pending',
    description: '',
    environment: deployment.environment,
    environment_url: '',
    log_url: '',
    target_url: '',
    created_at: at,
    updated_at: at,
    ...fields
  }
  state.statuses.push(status)
  deployment.updated_at = at
  return status
}

export function createStatus(state: State, call: Call): Answer {
  const deployment = findDeployment(state, call)
  if (!deployment) return notFound(call)
  const body = call.body as CreateStatusBody
  const description = body.description ?? ''
  if (description.length > STATUS_DESCRIPTION_MAX)
    return validationFailed(call, 'DeploymentStatus', 'description', `is too long (maximum is 140 characters)`)
  // "Setting log_url will automatically set target_url to the same value."
  const logUrl = body.log_url ?? body.target_url ?? ''
  if (body.environment !== undefined) deployment.environment = body.environment
  const created = addStatus(state, deployment, {
    state: body.state,
    description,
    environment: deployment.environment,
    environment_url: body.environment_url ?? '',
    log_url: logUrl,
    target_url: logUrl
  })
  // "Adds a new inactive status to all prior non-transient, non-production environment deployments with the
  // same repository and environment name as the created status's deployment. An inactive status is only
  // added to deployments that had a success state." Done when the new state is success.
  if (body.state === 'success' && body.auto_inactive !== false) {
    for (const prior of state.deployments) {
      if (prior.id >= deployment.id || prior.repository !== deployment.repository) continue
      if (prior.environment !== deployment.environment) continue
      if (prior.transient_environment || prior.production_environment) continue
      const last = latestStatus(state, prior.id)
      if (last?.state !== 'success') continue
      addStatus(state, prior, { state: 'inactive', environment_url: last.environment_url })
    }
  }
  const url = `${state.roots.api}/repos/${call.repository}/deployments/${deployment.id}/statuses/${created.id}`
  return { status: 201, json: statusJson(created, state.roots), headers: { Location: url } }
}
