import { GitHubCallError } from './port.js'

/**
 * The one warning for a GitHub call that failed: what was tried, GitHub's answer, and,
 * when GitHub refused (HTTP 403, or 404 as it answers a token that may not see the
 * resource), the permission the job lacks and the workflow line that grants it. A
 * GitHub problem never fails a run; the caller prints this as one warning.
 */
export function gitHubWarning(what: string, error: unknown, permission: string): string {
  const answer = error instanceof GitHubCallError || error instanceof Error ? error.message : String(error)
  const status = error instanceof GitHubCallError ? error.status : undefined
  const refused = status === 403 || status === 404
  return (
    `Could not ${what}: ${answer}.` +
    (refused
      ? ` The token needs ${permission}: add it under \`permissions:\` in the job ` +
        `(permissions: { ${permission} }); a pull request from a fork gets a read-only token ` +
        'whatever the workflow asks. The step goes on.'
      : ' The step goes on.')
  )
}
