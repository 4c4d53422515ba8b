import * as core from '@actions/core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CancelledError } from './shared/errors.js'
import { parseInputs, runnerInputSource, type DeploySpec } from './inputs/parse.js'
import { Workspace } from './inputs/workspace.js'
import type { LogEntry } from './api/wire.js'
import { formatLogEntries, lastLine } from './steps/logs.js'
import { checkEntrypointOf } from './local-checks/entrypoint.js'
import { messageFor } from './modes/messages.js'
import type { RunContext } from './modes/context.js'
import { oneLine } from './shared/inert.js'
import { newRunResult, type RunResult } from './publish/result.js'
import { addSecret, redact } from './shared/secrets.js'

/**
 * The story of one run: inputs → mode (deploy, validate or smoke-test, each in
 * src/modes/) → publish. The one place that turns errors into the step's failure,
 * after the outputs, records and summary are written, so a failed deploy still
 * hands on its hash and logs. Modes and publishing are loaded when needed: a run
 * pays only for what it uses.
 */
export async function run(): Promise<void> {
  const cancel = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    core.warning(`Received ${signal}: stopping, then publishing what is known.`)
    cancel.abort(signal)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const result = newRunResult()
  let failure: unknown
  let ctx: RunContext | undefined
  try {
    const spec = checkInputs()
    result.spec = spec
    result.status = 'error'
    result.recordsDir = recordsFolder()
    const localChecks = checkEntrypointOf(spec).catch((error: unknown) => {
      result.status = 'invalid-input'
      throw error
    })
    // Settled by whoever awaits it; a mode that fails before then must not leave it unhandled.
    localChecks.catch(() => undefined)
    ctx = { spec, result, signal: cancel.signal, deadline: {}, localChecks }
    await runMode(ctx)
  } catch (error) {
    failure = error
  }
  if (ctx) ctx.deadline.at = undefined
  const cancelled = cancel.signal.aborted
  if (cancelled) {
    result.status = 'cancelled'
    failure ??= new CancelledError(String(cancel.signal.reason))
  }
  // Logs are worth a request even after a failure, but not once the runner asked us to stop.
  if (ctx?.api && result.hash && result.spec && !cancelled) await fetchLogs(ctx, result.spec, result)
  result.finishedAt = new Date()
  if (failure) result.error = redact(messageFor(failure) + serverDetails(result))
  // The record on GitHub, once the run knows how it ended; never when asked to stop.
  if (ctx?.github && !cancelled) await (await import('./modes/github-record.js')).recordRun(ctx.github, result)
  const { publish } = await import('./publish/index.js')
  await publish(result, cancelled)
  process.removeListener('SIGINT', onSignal)
  process.removeListener('SIGTERM', onSignal)
  if (result.error) core.setFailed(result.error)
}

async function runMode(ctx: RunContext): Promise<void> {
  switch (ctx.spec.mode) {
    case 'validate':
      return (await import('./modes/validate.js')).validateMode(ctx)
    case 'smoke-test':
      return (await import('./modes/smoke-test.js')).smokeTestMode(ctx)
    default:
      return (await import('./modes/deploy.js')).deployMode(ctx)
  }
}

function checkInputs(): DeploySpec {
  core.startGroup('Check inputs')
  try {
    const { spec, findings } = parseInputs({ ...runnerInputSource(), mask: addSecret })
    for (const notice of findings.notices) core.notice(oneLine(notice))
    for (const warning of findings.warnings) core.warning(oneLine(warning))
    // Warnings on a line of the requirements file; their text is src/inputs/requirement-lines.ts's.
    for (const { file, line, title, message } of findings.requirementLines.notes)
      core.warning(oneLine(message), { title, file: file ?? findings.requirementLines.file, startLine: line })
    const { script } = spec
    if (spec.mode === 'smoke-test')
      core.info(
        `Smoke-testing ${spec.preprocessingId} in group ${oneLine(spec.group)}; ` +
          'its operation and Python come from the server.'
      )
    else
      core.info(
        `Script '${oneLine(script.name)}': ${script.operation}, Python ${script.pythonVersion}, ` +
          `entrypoint ${oneLine(script.entrypoint)}, input ${script.inputType}, group ${oneLine(spec.group)}` +
          `${spec.mode === 'validate' ? ' (validate: nothing is sent)' : ''}.`
      )
    const workspace = new Workspace(spec.workspace, spec.allowOutsideWorkspace)
    for (const file of script.files) {
      // The .env file's name is fine to print; its content never is.
      core.info(
        oneLine(
          `  ${file.part.padEnd(12)} ${file.uploadName.padEnd(24)} ${String(file.size).padStart(12)} B  ` +
            (file.localPath ? workspace.shown(file.localPath) : '(inline)')
        )
      )
    }
    return spec
  } finally {
    core.endGroup()
  }
}

/**
 * A fresh folder for the run's records: under RUNNER_TEMP, or the system's temp folder
 * when that is missing or read-only.
 */
function recordsFolder(): string {
  const runnerTemp = process.env.RUNNER_TEMP
  if (runnerTemp) {
    try {
      return mkdtempSync(join(runnerTemp, 'neomaril-deploy-'))
    } catch (error) {
      core.warning(
        `Cannot write in RUNNER_TEMP (${oneLine((error as Error).message)}); keeping the records in ${tmpdir()}.`
      )
    }
  }
  return mkdtempSync(join(tmpdir(), 'neomaril-deploy-'))
}

/** Host entries after every deploy, Run entries after a smoke test; a failure here only warns. */
async function fetchLogs(ctx: RunContext, spec: DeploySpec, result: RunResult): Promise<void> {
  const api = ctx.api
  if (!api) return
  const fetchRoutine = async (routine: 'Host' | 'Run'): Promise<LogEntry[]> => {
    try {
      return await api.logs(result.hash as string, routine)
    } catch (error) {
      result.publishWarnings.push(`Could not fetch the ${routine} logs: ${(error as Error).message}`)
      return []
    }
  }
  // An unchanged run built nothing: the kept script's build log is an earlier run's.
  if (spec.mode === 'deploy' && result.status !== 'unchanged') result.hostLogs = await fetchRoutine('Host')
  if (result.smokeTest.outcome !== 'skipped') result.runLogs = await fetchRoutine('Run')
}

/**
 * What the server said about a failed build or smoke test, for the step's error: the
 * execution's message and the error entries of the logs (printed inert there, and
 * escaped by the runner's command encoding here).
 */
function serverDetails(result: RunResult): string {
  const parts: string[] = []
  const errors = (entries: LogEntry[]) => entries.filter((entry) => entry.OutputType === 'Error')
  if ((result.status === 'failed' || result.status === 'unavailable') && errors(result.hostLogs).length > 0) {
    parts.push(`Build log errors:\n${formatLogEntries(errors(result.hostLogs))}`)
  }
  if (result.smokeTest.outcome === 'failed') {
    // The reason already holds the message's last line; a longer message comes whole.
    const message = result.smokeTest.executionMessage?.trim()
    if (message && message !== lastLine(message)) parts.push(`Execution message:\n${message}`)
    if (errors(result.runLogs).length > 0) parts.push(`Run log errors:\n${formatLogEntries(errors(result.runLogs))}`)
  }
  return parts.map((part) => `\n\n${part}`).join('')
}
