import * as core from '@actions/core'
import { formatDuration } from './duration.js'
import { ApiError, AuthError, CancelledError, DeployFailedError, InputError, NetworkError, WaitTimeoutError } from './errors.js'
import { parseInputs, runnerInputSource, type DeploySpec } from './inputs.js'
import { NeomarilClient } from './neomaril/client.js'
import type { LogEntry } from './neomaril/wire.js'
import { registerScript } from './deploy/register.js'
import { waitWhilePending } from './deploy/wait.js'
import { formatLogEntries } from './deploy/logs.js'
import { printInert } from './publish/inert.js'
import { writeOutputs, type RunResult } from './publish/outputs.js'
import { writeSummary } from './publish/summary.js'
import { addSecret, redact } from './secrets.js'

/**
 * The story of one run: inputs → connect → register → host → wait → publish.
 * The one place that turns errors into the step's failure, after the outputs and
 * the summary are written, so a failed deploy still hands on its hash and logs.
 */
export async function run(): Promise<void> {
  const cancel = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    core.warning(`Received ${signal}: stopping.`)
    cancel.abort(signal)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  const result: RunResult = { status: 'invalid-input', startedAt: new Date(), logs: [] }
  let failure: unknown
  try {
    const { spec } = await core.group('Check inputs', async () => {
      const parsed = parseInputs({ ...runnerInputSource(), mask: addSecret })
      for (const notice of parsed.findings.notices) core.notice(notice)
      for (const entry of parsed.findings.unpinned.entries) {
        core.warning(`'${entry.text}' is not pinned to one version: the next build may install a different one. Pin it, e.g. ${entry.text.split(/[<>=!~ ;[]/)[0]}==<version>.`, {
          title: 'Unpinned requirement',
          file: parsed.findings.unpinned.file,
          startLine: entry.line
        })
      }
      describeSpec(parsed.spec)
      return parsed
    })
    result.spec = spec
    result.status = 'error'
    await deploy(spec, result, cancel.signal)
  } catch (error) {
    failure = error
    if (error instanceof CancelledError || cancel.signal.aborted) result.status = 'cancelled'
  } finally {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }

  result.finishedAt = new Date()
  if (failure) result.error = redact(messageFor(failure))
  await publish(result)
  if (failure) core.setFailed(result.error as string)
}

async function deploy(spec: DeploySpec, result: RunResult, signal: AbortSignal): Promise<void> {
  const deadline = { at: undefined as number | undefined }
  const client = new NeomarilClient({
    ...spec.connection,
    logger: { debug: core.debug, info: core.info, warning: core.warning },
    signal,
    deadline: () => deadline.at,
    onToken: addSecret
  })

  await core.group('Connect', async () => {
    result.serverVersion = await client.health()
    core.info(`Server ${spec.connection.apiUrl} answers, version ${result.serverVersion}.`)
    await client.logIn()
    core.info(`Logged in as ${spec.connection.login}.`)
    const groups = await client.listGroups()
    if (!groups.includes(spec.group)) {
      throw new InputError([{
        input: 'group',
        problem: `'${spec.group}' is not a group this user can see (visible: ${groups.length > 0 ? groups.join(', ') : 'none'}).`,
        fix: 'Use one of those, or create the group in Neomaril first.'
      }])
    }
    core.info(`Group '${spec.group}' exists.`)
  })

  await core.group('Register', async () => {
    result.hash = await registerScript(client, spec)
    result.status = 'registered'
    core.info(`Registered '${spec.script.name}' as ${result.hash}.`)
  })

  await core.group('Host', async () => {
    await client.host(spec.script.operation, spec.group, result.hash as string)
    result.hostedAt = Date.now()
    result.status = 'building'
    core.info(`Build started (${spec.script.operation.toLowerCase()} host).`)
  })

  if (!spec.wait.enabled) {
    core.notice(`Not waiting for the build of ${result.hash} (wait: false).`)
    return
  }

  await core.group('Wait for Deployed', async () => {
    deadline.at = Date.now() + spec.wait.timeoutMs
    const outcome = await waitWhilePending(() => client.status(spec.group, result.hash as string), {
      timeoutMs: spec.wait.timeoutMs,
      pollIntervalMs: spec.wait.pollIntervalMs,
      signal,
      onPoll: poll => core.info(`[${formatDuration(poll.elapsedMs).padStart(6)}] check ${poll.check}: ${poll.status}`)
    })
    result.buildSeconds = Math.round(outcome.elapsedMs / 100) / 10
    result.statusChecks = outcome.checks
    const hash = result.hash as string
    if (outcome.kind === 'timed-out') {
      result.status = 'timed-out'
      const error = new WaitTimeoutError(outcome.last.status, outcome.elapsedMs, hash)
      if (spec.wait.failOnTimeout) throw error
      core.warning(`${error.message} Not failing the step (fail-on-timeout: false).`)
      return
    }
    if (outcome.last.status === 'Deployed') {
      result.status = 'deployed'
      core.info(`Deployed in ${formatDuration(outcome.elapsedMs)} (${outcome.checks} status checks).`)
      return
    }
    result.status = outcome.last.status === 'Failed' ? 'failed' : 'unavailable'
    result.logs = await hostErrorLogs(client, spec.group, hash)
    throw new DeployFailedError(outcome.last.status, outcome.last.message, hash)
  })
}

/** The build's error entries, for the failure message; a failure to fetch them is only a warning. */
async function hostErrorLogs(client: NeomarilClient, group: string, hash: string): Promise<LogEntry[]> {
  try {
    const entries = await client.logs(group, hash, { routine: 'Host' })
    return entries.filter(entry => entry.OutputType === 'Error')
  } catch (error) {
    core.warning(`Could not fetch the build logs: ${(error as Error).message}`)
    return []
  }
}

function describeSpec(spec: DeploySpec): void {
  const { script } = spec
  core.info(`Script '${script.name}': ${script.operation}, Python ${script.pythonVersion}, entrypoint ${script.entrypoint}, input ${script.inputType}, group ${spec.group}.`)
  for (const file of script.files) {
    const where = file.localPath ?? '(inline)'
    // The .env file's name is fine to print; its content never is.
    core.info(`  ${file.part.padEnd(12)} ${file.uploadName.padEnd(24)} ${String(file.size).padStart(10)} B  ${where}`)
  }
}

/** One clear message for the step's failure. */
function messageFor(error: unknown): string {
  if (error instanceof DeployFailedError) return error.message
  if (error instanceof InputError || error instanceof AuthError || error instanceof WaitTimeoutError || error instanceof CancelledError) return error.message
  if (error instanceof NetworkError) return `Could not reach the Neomaril server: ${error.message}. Check 'url' and the runner's network.`
  if (error instanceof ApiError) {
    if (error.path === '/health' && error.status === 404) return `${error.message}. 'url' does not point at a Neomaril server root (no /api/health there).`
    return `The Neomaril server refused a call: ${error.message}`
  }
  return `Unexpected error: ${(error as Error)?.stack ?? String(error)}`
}

async function publish(result: RunResult): Promise<void> {
  if (result.logs.length > 0) {
    core.startGroup(`Build log: ${result.logs.length} error entries`)
    printInert(formatLogEntries(result.logs))
    core.endGroup()
  }
  writeOutputs(result)
  await writeSummary(result)
}
