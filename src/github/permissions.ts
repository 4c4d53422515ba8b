import { GitHubCallError } from './port.js'

/** A GitHub call that failed: what it needed, and what the run goes without. */
export interface GitHubProblem {
  readonly error: unknown
  /** The workflow's `permissions:` line that grants the call, e.g. `deployments: write`. */
  readonly permission: string
  readonly consequence: string
  /** Said only when GitHub refused the call (e.g. that a fork's token is always read-only). */
  readonly whenRefused?: string
}

/** GitHub refused (HTTP 403, or 404 as it answers a token that may not see the resource). */
function refused(problem: GitHubProblem): boolean {
  const { error } = problem
  return error instanceof GitHubCallError && (error.status === 403 || error.status === 404)
}

function why(problem: GitHubProblem): string {
  return problem.error instanceof Error ? problem.error.message : String(problem.error)
}

/** The consequence, with the remark that only a refusal earns. */
function refusalConsequence(problem: GitHubProblem): string {
  return problem.whenRefused ? `${problem.consequence} (${problem.whenRefused})` : problem.consequence
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/**
 * The warnings for the GitHub calls that failed, whoever made them (the deploy records, the
 * plan's read of them, the pull-request comment): every refusal in ONE warning naming each
 * permission the job lacks and the workflow lines that grant them (`x: write` covers
 * `x: read`); every other failure (GitHub down, no answer in time) in one more, with
 * GitHub's answers. Each says what the run goes without; a GitHub problem never fails a run.
 */
export function gitHubWarnings(problems: readonly GitHubProblem[]): string[] {
  const refusals = problems.filter(refused)
  const warnings: string[] = []
  if (refusals.length > 0) {
    const wanted = [...new Set(refusals.map((problem) => problem.permission))]
    const permissions = wanted.filter((p) => !(p.endsWith(': read') && wanted.includes(p.replace(/read$/, 'write'))))
    const plural = permissions.length > 1
    warnings.push(
      `The GitHub token lacks the ${listed(permissions)} permission${plural ? 's' : ''} ` +
        `(${refusals.map(why).join('; ')}): ${refusals.map(refusalConsequence).join('; ')}. ` +
        `Grant ${plural ? 'them' : 'it'} in the workflow: permissions: with ${listed(permissions)} ` +
        '(beside contents: read).'
    )
  }
  const failures = problems.filter((other) => !refused(other))
  if (failures.length > 0)
    warnings.push(
      `GitHub did not answer as expected (${failures.map(why).join('; ')}): ` +
        `${failures.map((problem) => problem.consequence).join('; ')}. The run itself is unaffected.`
    )
  return warnings
}
