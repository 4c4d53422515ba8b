/**
 * The one pull-request comment of a script in an environment: found by a hidden marker,
 * created once, then updated in place on every push. The calls go through a port, as the
 * deploy records' do (src/github/octokit.ts answers it; tests use the GitHub stand-in).
 */
export interface IssueComment {
  readonly id: number
  readonly body: string
}

export interface IssueCommentsPort {
  /** The comments of an issue or pull request, oldest first (every page, up to a limit). */
  listComments(issue: number): Promise<IssueComment[]>
  createComment(issue: number, body: string): Promise<number>
  updateComment(commentId: number, body: string): Promise<void>
}

/** Which comment: one per script (server, group, name) and GitHub environment. */
export interface CommentKey {
  /** Empty when the run records nothing (no `environment` input). */
  readonly environment: string
  readonly server: string
  readonly group: string
  readonly name: string
}

/** GitHub refuses a comment body longer than this many characters. */
export const COMMENT_MAX_CHARS = 65_536

/**
 * The hidden marker that starts the comment: an HTML comment GitHub does not show. Every
 * part is percent-encoded, so a name holding `-->` (or a line break) cannot end it early
 * and no two scripts share a marker.
 */
export function commentMarker(key: CommentKey): string {
  const parts = [key.environment || '-', key.server, key.group, key.name].map(encodeURIComponent)
  return `<!-- neomaril-deploy: ${parts.join('/')} -->`
}

export type CommentOutcome = { action: 'created' | 'updated' | 'unchanged'; id: number }

/**
 * Creates the comment, or updates the one that starts with the marker (the oldest, if a
 * person copied the marker into another). A body that did not change is not sent again.
 */
export async function upsertComment(
  port: IssueCommentsPort,
  issue: number,
  marker: string,
  body: string
): Promise<CommentOutcome> {
  const text = `${marker}\n${body}`
  const existing = (await port.listComments(issue)).find((comment) => comment.body.startsWith(marker))
  if (!existing) return { action: 'created', id: await port.createComment(issue, text) }
  if (existing.body === text) return { action: 'unchanged', id: existing.id }
  await port.updateComment(existing.id, text)
  return { action: 'updated', id: existing.id }
}
