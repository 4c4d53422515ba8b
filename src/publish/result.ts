import type { DeploySpec } from '../inputs/parse.js'
import type { LogEntry } from '../api/wire.js'
import type { SmokeTestResult } from '../steps/server-smoke-test.js'
import type { Manifest } from '../local-checks/manifest.js'
import type { Plan } from '../local-checks/plan.js'
import type { GitHubProblem } from '../github/permissions.js'

/**
 * How the run ended, the `status` output (action.yml). Every table keyed by it is a
 * `Record<RunStatus, …>`, so a new status cannot be left out of the summary.
 */
export type RunStatus =
  | 'deployed'
  /** The build started and the run did not see it end (wait: false, or the wait failed). */
  | 'building'
  | 'failed'
  | 'unavailable'
  | 'timed-out'
  /** Registered, but the host call failed. */
  | 'registered'
  | 'validated'
  /** skip-unchanged: the environment's recorded script has this content and is still Deployed; nothing uploaded. */
  | 'unchanged'
  | 'invalid-input'
  | 'error'
  | 'cancelled'

/** What the run decided, gathered as it goes; outputs, summary, records are made from it. */
export interface RunResult {
  status: RunStatus
  readonly startedAt: Date
  finishedAt?: Date
  spec?: DeploySpec

  // What the server said and which API the run used.
  hash?: string
  /**
   * Sync or Async as sent to the server (registered), as the server describes a script
   * found in smoke-test mode, or as validate mode would send it; unset when nothing was.
   */
  operation?: 'Sync' | 'Async'
  serverVersion?: string
  /** The group as the server spells it (an exact match, or the normalised name). */
  group?: string
  /** Which API served the script (v1, or v2 for Async on a current server), and why. */
  apiVersion?: 'v1' | 'v2'
  apiProbe?: string
  /** How the entrypoint is called under that API (validate mode: the contract it tested), and why. */
  contract?: { contract: string; calledAs?: string; why: string }
  /** The register and upload calls made, in order (v2 makes one per file). */
  readonly apiCalls: string[]
  /** v2: the DatasetHash of each schema dataset, by name; `deployed` is the one the Deployed status names. */
  readonly datasetHashes: Record<string, string>

  /** The script's run endpoint on the server (the `url` output). */
  url?: string
  /** `sha256:` of the manifest (local-checks/manifest.ts digestOf). */
  digest?: string
  /** The last successful deploy of this script in this environment before this run, and where that came from. */
  previousHash?: { hash: string; from: 'record' | 'search' }
  /** The run's record on GitHub, once made (the `deployment-id` output). */
  deploymentId?: number
  /** The environment's record this run compared with (skip-unchanged), for the summary. */
  recordNote?: string

  // The build and the smoke test.
  buildSeconds?: number
  statusChecks?: number
  /** The script's previous successful build, when the server told (the wait's hint). */
  previousBuild?: { hash: string; seconds: number }
  /** The build's log entries (routine Host), fetched after every deploy. */
  hostLogs: LogEntry[]
  /** The executions' log entries (routine Run), fetched after a smoke test. */
  runLogs: LogEntry[]
  smokeTest: SmokeTestResult

  // validate mode.
  /** What a deploy would upload. */
  manifest?: Manifest
  /** What the upload changes against the last record in the environment (every mode but smoke-test). */
  plan?: Plan
  /** The traceback of a failed local run, for annotations. */
  localTraceback?: string

  // Where the records (deployment.json, logs, smoke-test files) were written.
  recordsDir?: string
  logsFile?: string
  smokeTestOutput?: string
  resultFile?: string
  artifact?: { id?: number; url?: string; name: string; localOnly?: boolean }

  /** The step's failure message, when it failed. */
  error?: string
  /** Things that went wrong while publishing: reported, never fatal. */
  readonly publishWarnings: string[]
  /** The GitHub calls that failed (records, plan, comment): one warning for them all at the end. */
  gitHubProblems?: GitHubProblem[]
}

export function newRunResult(): RunResult {
  return {
    status: 'invalid-input',
    startedAt: new Date(),
    hostLogs: [],
    runLogs: [],
    apiCalls: [],
    datasetHashes: {},
    smokeTest: { outcome: 'skipped' },
    publishWarnings: []
  }
}

/**
 * The script's operation and Python as far as the run knows them, for the outputs, the
 * summary and the records: what a deploy sends (or would send); in smoke-test mode, what the
 * server described once the script was found (modes/smoke-test.ts sets `operation` then) —
 * unknown before, whatever the inputs' defaults say.
 */
export function knownScript(result: RunResult): { operation?: 'Sync' | 'Async'; pythonVersion?: string } {
  const spec = result.spec
  if (!spec) return {}
  if (spec.mode === 'smoke-test' && result.operation === undefined) return {}
  return { operation: spec.script.operation, pythonVersion: spec.script.pythonVersion }
}
