/** Issue (and pull-request) comments: list oldest first with `since` and pages, create, get, update. */
import { paginate } from './paging.js'
import { commentJson } from './render.js'
import { notFound, now, validationFailed, type Answer, type Call, type State } from './state.js'
import type { StoredComment } from './types.js'

/** GitHub refuses a comment body longer than this. */
export const COMMENT_BODY_MAX = 65536

function tooLong(call: Call, body: string): Answer | undefined {
  return body.length > COMMENT_BODY_MAX
    ? validationFailed(call, 'IssueComment', 'body', `is too long (maximum is ${COMMENT_BODY_MAX} characters)`)
    : undefined
}

function findComment(state: State, call: Call): StoredComment | undefined {
  const id = Number(call.params.comment_id)
  return state.comments.find((c) => c.id === id && c.repository === call.repository)
}

export function listComments(state: State, call: Call): Answer {
  const issue = Number(call.params.issue_number)
  const since = call.query.since === undefined ? undefined : Date.parse(call.query.since)
  const all = state.comments.filter(
    (c) =>
      c.repository === call.repository &&
      c.issue_number === issue &&
      (since === undefined || Date.parse(c.updated_at) >= since)
  )
  const page = paginate(all, call.query, call.self)
  return { status: 200, json: page.items.map((c) => commentJson(c, state.roots)), headers: page.headers }
}

export function createComment(state: State, call: Call): Answer {
  const { body } = call.body as { body: string }
  const refused = tooLong(call, body)
  if (refused) return refused
  const at = now()
  const comment: StoredComment = {
    repository: call.repository,
    id: state.nextId(),
    issue_number: Number(call.params.issue_number),
    body,
    created_at: at,
    updated_at: at
  }
  state.comments.push(comment)
  const url = `${state.roots.api}/repos/${call.repository}/issues/comments/${comment.id}`
  return { status: 201, json: commentJson(comment, state.roots), headers: { Location: url } }
}

export function getComment(state: State, call: Call): Answer {
  const found = findComment(state, call)
  return found ? { status: 200, json: commentJson(found, state.roots) } : notFound(call)
}

export function updateComment(state: State, call: Call): Answer {
  const found = findComment(state, call)
  if (!found) return notFound(call)
  const { body } = call.body as { body: string }
  const refused = tooLong(call, body)
  if (refused) return refused
  found.body = body
  found.updated_at = now()
  return { status: 200, json: commentJson(found, state.roots) }
}
