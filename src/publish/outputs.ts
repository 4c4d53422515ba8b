import * as core from '@actions/core'
import type { DeploySpec } from '../inputs.js'
import type { LogEntry } from '../neomaril/wire.js'
import { redact } from '../secrets.js'

/** What the run decided, gathered as it goes; outputs and the summary are made from it. */
export interface RunResult {
  /**
   * deployed | building (wait: false) | failed | unavailable | timed-out |
   * registered | invalid-input | error | cancelled
   */
  status: string
  readonly startedAt: Date
  finishedAt?: Date
  spec?: DeploySpec
  hash?: string
  serverVersion?: string
  hostedAt?: number
  buildSeconds?: number
  statusChecks?: number
  /** Build log entries worth showing (the errors, when the build failed). */
  logs: LogEntry[]
  /** The step's failure message, when it failed. */
  error?: string
}

/** The step outputs (action.yml); every one is written, empty when unknown. */
export function outputsOf(result: RunResult): Record<string, string> {
  const spec = result.spec
  return {
    'preprocessing-id': result.hash ?? '',
    status: result.status,
    operation: spec?.script.operation ?? '',
    group: spec?.group ?? '',
    'python-version': spec?.script.pythonVersion ?? '',
    'server-version': result.serverVersion ?? '',
    'build-seconds': result.buildSeconds === undefined ? '' : String(result.buildSeconds)
  }
}

export function writeOutputs(result: RunResult): void {
  for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, redact(value))
}
