/** What the stand-in holds between requests, what a handler gets and answers, and GitHub's error bodies. */
import type { Roots } from './render.js'
import type { StoredComment, StoredDeployment, StoredStatus } from './types.js'

export interface State {
  roots: Roots
  defaultBranch: string
  deployments: StoredDeployment[]
  statuses: StoredStatus[]
  comments: StoredComment[]
  pending: Set<string>
  behind: Set<string>
  mergeConflicts: Set<string>
  /** Ids grow across kinds, as GitHub's do. */
  nextId(): number
}

/** One request as a handler sees it: path parameters and query as text, the parsed JSON body. */
export interface Call {
  /** 'owner/repo' as the stand-in spells it (GitHub's names are not case sensitive). */
  repository: string
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  /** The request's full URL (pagination links keep its query). */
  self: URL
  /** The operation's documentation page (GitHub's `documentation_url`). */
  docs: string
}

export interface Answer {
  status: number
  json: unknown
  headers?: Record<string, string>
}

/** Seconds precision, as GitHub's timestamps. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function gitHubError(call: Pick<Call, 'docs'>, status: number, message: string): Answer {
  return { status, json: { message, documentation_url: call.docs, status: String(status) } }
}

export function notFound(call: Pick<Call, 'docs'>): Answer {
  return gitHubError(call, 404, 'Not Found')
}

/** GitHub's 422 for a field it refuses. */
export function validationFailed(call: Pick<Call, 'docs'>, resource: string, field: string, message: string): Answer {
  return {
    status: 422,
    json: {
      message: 'Validation Failed',
      errors: [{ resource, code: 'custom', field, message: `${field} ${message}` }],
      documentation_url: call.docs,
      status: '422'
    }
  }
}

export function newState(
  roots: Roots,
  defaultBranch: string,
  lists: Record<'pending' | 'behind' | 'merge', string[]>
): State {
  let last = 0
  return {
    roots,
    defaultBranch,
    deployments: [],
    statuses: [],
    comments: [],
    pending: new Set(lists.pending),
    behind: new Set(lists.behind),
    mergeConflicts: new Set(lists.merge),
    nextId: () => ++last
  }
}
