import * as core from '@actions/core'
import { formatDuration } from '../shared/duration.js'
import type { DeploySpec } from '../inputs/parse.js'
import type { PreprocessingApi } from '../api/api.js'
import { oneLine } from '../shared/inert.js'
import type { RunResult } from '../publish/result.js'
import type { Deadline } from './session.js'
import type { EntrypointFindings } from '../local-checks/entrypoint.js'
import type { GitHubRecord } from './github-record.js'

/** What a mode works with, and what it leaves for main (the API, for the logs after a failure). */
export interface RunContext {
  readonly spec: DeploySpec
  readonly result: RunResult
  readonly signal: AbortSignal
  /** The transport's retries never go past the current wait's deadline (the build's, then the smoke test's). */
  readonly deadline: Deadline
  /** The local checks that must pass before anything secret is sent (the entrypoint check). */
  readonly localChecks: Promise<EntrypointFindings>
  api?: PreprocessingApi
  /** The run's record on GitHub, when environment is set (modes/github-record.ts). */
  github?: GitHubRecord
}

/** A check of a wait, as a progress line. */
export function logPoll(what: string): (poll: { elapsedMs: number; check: number; status: string }) => void {
  return (poll) =>
    core.info(`[${formatDuration(poll.elapsedMs).padStart(6)}] ${what} ${poll.check}: ${oneLine(poll.status)}`)
}

/** A status check that failed even after its retries: the wait goes on for a while. */
export function logOutage(error: Error, outageMs: number): void {
  core.warning(
    `A status check failed (${oneLine(error.message)}); still waiting` +
      `${outageMs > 0 ? `, the server has not answered for ${formatDuration(outageMs)}` : ''}.`
  )
}

/** An API call as it is made, for the log (v2 makes one per file). */
export function logCall(call: string): void {
  core.info(`  ${oneLine(call)}`)
}
