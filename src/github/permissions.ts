import { GitHubCallError } from './port.js'

/**
 * The one warning for a GitHub call that failed, whoever made it (the deploy records, the
 * plan's read of them, the pull-request comment). When GitHub refused (HTTP 403, or 404 as
 * it answers a token that may not see the resource) it names the permission the job lacks
 * and the workflow line that grants it; otherwise GitHub's answer. `consequence` says what
 * the run goes without; a GitHub problem never fails a run.
 */
export function gitHubWarning(error: unknown, permission: string, consequence: string): string {
  const refused = error instanceof GitHubCallError && (error.status === 403 || error.status === 404)
  const why = error instanceof Error ? error.message : String(error)
  return refused
    ? `The GitHub token lacks the ${permission} permission (${why}): ${consequence}. ` +
        `Grant it in the workflow: permissions: with ${permission} (beside contents: read).`
    : `GitHub did not answer as expected (${why}): ${consequence}. The run itself is unaffected.`
}
