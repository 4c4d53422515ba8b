import * as core from '@actions/core'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { formatDuration } from './duration.js'
import { ApiError, AuthError, CancelledError, DeployFailedError, InputError, NetworkError, SmokeTestFailedError, WaitTimeoutError } from './errors.js'
import { parseInputs, runnerInputSource, PYTHON_VERSIONS, type DeploySpec, type PythonVersion } from './inputs.js'
import { NeomarilClient } from './neomaril/client.js'
import { proxyAgents } from './neomaril/proxy.js'
import type { LogEntry } from './neomaril/wire.js'
import { registerScript } from './deploy/register.js'
import { waitWhilePending } from './deploy/wait.js'
import { lastLine, smokeTestAsync, smokeTestSync, type SmokeTestResult } from './deploy/smoke-test.js'
import { buildManifest } from './validate/manifest.js'
import { runLocally } from './validate/local-run.js'
import { printInert, oneLine } from './publish/inert.js'
import { formatLogEntries } from './deploy/logs.js'
import { publish } from './publish/index.js'
import { newRunResult, type RunResult } from './result.js'
import { addSecret, redact } from './secrets.js'

/**
 * The story of one run: inputs → connect → register → host → wait → smoke test →
 * publish. The one place that turns errors into the step's failure, after the
 * outputs, records and summary are written, so a failed deploy still hands on its
 * hash and logs.
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
  let client: NeomarilClient | undefined
  // Retries of reads never go past the current wait's deadline (the build's, then the smoke test's).
  const deadline: Deadline = {}
  try {
    const spec = checkInputs()
    result.spec = spec
    result.status = 'error'
    result.recordsDir = recordsFolder()
    if (spec.mode === 'validate') {
      await validateOffline(spec, result, cancel.signal)
    } else {
      client = newClient(spec, cancel.signal, deadline)
      await connect(client, spec, result)
      let deployed = spec
      if (spec.mode === 'deploy') {
        await registerAndHost(client, spec, result)
        if (spec.wait.enabled) {
          deadline.at = Date.now() + spec.wait.timeoutMs
          await waitForBuild(client, spec, result, cancel.signal)
        }
        else core.notice(`Not waiting for the build of ${result.hash} (wait: false).`)
      } else {
        deployed = await findDeployed(client, spec, result)
      }
      if (spec.smokeTest.enabled) {
        deadline.at = Date.now() + spec.smokeTest.timeoutMs
        await smokeTest(client, deployed, result, cancel.signal)
      }
    }
  } catch (error) {
    failure = error
  }
  deadline.at = undefined
  const cancelled = cancel.signal.aborted
  if (cancelled) {
    result.status = 'cancelled'
    failure ??= new CancelledError(String(cancel.signal.reason))
  }
  // Logs are worth a request even after a failure, but not once the runner asked us to stop.
  if (client && result.hash && result.spec && !cancelled) await fetchLogs(client, result.spec, result)
  result.finishedAt = new Date()
  if (failure) result.error = redact(messageFor(failure) + serverDetails(result))
  await publish(result, cancelled)
  process.removeListener('SIGINT', onSignal)
  process.removeListener('SIGTERM', onSignal)
  if (result.error) core.setFailed(result.error)
}

function checkInputs(): DeploySpec {
  core.startGroup('Check inputs')
  try {
    const { spec, findings } = parseInputs({ ...runnerInputSource(), mask: addSecret })
    for (const notice of findings.notices) core.notice(notice)
    for (const entry of findings.unpinned.entries) {
      const name = entry.text.split(/[<>=!~ ;[]/)[0]
      core.warning(`'${entry.text}' is not pinned to one version: the next build may install a different one. Pin it, e.g. ${name}==<version>.`, {
        title: 'Unpinned requirement',
        file: findings.unpinned.file,
        startLine: entry.line
      })
    }
    const { script } = spec
    if (spec.mode === 'smoke-test') core.info(`Smoke-testing ${spec.preprocessingId} in group ${spec.group}; its operation and Python come from the server.`)
    else core.info(`Script '${script.name}': ${script.operation}, Python ${script.pythonVersion}, entrypoint ${script.entrypoint}, input ${script.inputType}, group ${spec.group}${spec.mode === 'validate' ? ' (validate: nothing is sent)' : ''}.`)
    for (const file of script.files) {
      // The .env file's name is fine to print; its content never is.
      core.info(`  ${file.part.padEnd(12)} ${file.uploadName.padEnd(24)} ${String(file.size).padStart(12)} B  ${file.localPath ?? '(inline)'}`)
    }
    return spec
  } finally {
    core.endGroup()
  }
}

/** A fresh folder for the run's records: under RUNNER_TEMP, or the system's temp folder when that is missing or read-only. */
function recordsFolder(): string {
  const runnerTemp = process.env.RUNNER_TEMP
  if (runnerTemp) {
    try {
      return mkdtempSync(join(runnerTemp, 'neomaril-deploy-'))
    } catch (error) {
      core.warning(`Cannot write in RUNNER_TEMP (${(error as Error).message}); keeping the records in ${tmpdir()}.`)
    }
  }
  return mkdtempSync(join(tmpdir(), 'neomaril-deploy-'))
}

/** The deadline the client's retries respect; undefined between waits. */
interface Deadline {
  at?: number
}

function newClient(spec: DeploySpec, signal: AbortSignal, deadline: Deadline): NeomarilClient {
  return new NeomarilClient({
    ...spec.connection,
    deadline: () => deadline.at,
    logger: { debug: core.debug, info: core.info, warning: core.warning },
    signal,
    onToken: addSecret,
    redact,
    agent: proxyAgents()
  })
}

async function connect(client: NeomarilClient, spec: DeploySpec, result: RunResult): Promise<void> {
  await core.group('Connect', async () => {
    result.serverVersion = await client.health()
    core.info(`Server ${spec.connection.apiUrl} answers, version ${oneLine(result.serverVersion)}.`)
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
}

async function registerAndHost(client: NeomarilClient, spec: DeploySpec, result: RunResult): Promise<void> {
  await core.group('Register', async () => {
    try {
      result.hash = await registerScript(client, spec)
    } catch (error) {
      // Stopped mid-upload, the server may still have registered the script.
      if (error instanceof CancelledError) throw new CancelledError(String(signalOf(error)), `during the register call: the script '${spec.script.name}' may have been registered all the same; look for it in Neomaril before deploying again`)
      throw error
    }
    result.status = 'registered'
    core.info(`Registered '${spec.script.name}' as ${result.hash}.`)
  })
  await core.group('Host', async () => {
    await client.host(spec.script.operation, spec.group, result.hash as string)
    result.status = 'building'
    core.info(`Build started (${spec.script.operation.toLowerCase()} host).`)
  })
}

async function waitForBuild(client: NeomarilClient, spec: DeploySpec, result: RunResult, signal: AbortSignal): Promise<void> {
  const hash = result.hash as string
  await core.group('Wait for Deployed', async () => {
    const outcome = await waitWhilePending(() => client.status(spec.group, hash), {
      timeoutMs: spec.wait.timeoutMs,
      pollIntervalMs: spec.wait.pollIntervalMs,
      signal,
      onPoll: poll => core.info(`[${formatDuration(poll.elapsedMs).padStart(6)}] check ${poll.check}: ${oneLine(poll.status)}`),
      onTransientFailure: logOutage
    })
    result.buildSeconds = Math.round(outcome.elapsedMs / 100) / 10
    result.statusChecks = outcome.checks
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
    throw new DeployFailedError(outcome.last.status, outcome.last.message, hash)
  })
}

/**
 * validate mode: no network. Prints and outputs the manifest of what a deploy would
 * upload, then runs the entrypoint on the sample on this machine as the server would.
 */
async function validateOffline(spec: DeploySpec, result: RunResult, signal: AbortSignal): Promise<void> {
  await core.group('Manifest', async () => {
    result.manifest = await buildManifest(spec, process.cwd())
    core.info(JSON.stringify(result.manifest, null, 2))
  })
  result.status = 'validated'
  await core.group('Run the entrypoint locally', async () => {
    const local = await runLocally(spec, { timeoutMs: spec.smokeTest.timeoutMs, signal })
    const smoke: SmokeTestResult = { outcome: local.outcome, reason: local.reason, elapsedMs: local.elapsedMs, where: 'local' }
    if (spec.script.operation === 'Sync' && local.outcome !== 'skipped') {
      smoke.request = { Input: spec.smokeTest.syncInput }
      smoke.responseStatus = local.response === undefined ? undefined : 200
      smoke.responseBody = local.response ?? local.traceback
    }
    if (local.outputFile) {
      smoke.resultFile = join(result.recordsDir as string, `local-output-${basename(local.outputFile)}`)
      copyFileSync(local.outputFile, smoke.resultFile)
    }
    if (local.traceback) result.localTraceback = local.traceback
    result.smokeTest = smoke
    if (local.outcome === 'skipped') core.notice(`The entrypoint was not run locally: ${local.reason}.`)
    else if (local.outcome === 'passed') core.info(`${spec.script.entrypoint} ran on the sample in ${formatDuration(local.elapsedMs)}${local.response ? ` and returned ${oneLine(local.response).slice(0, 500)}` : ''}.`)
    else {
      if (local.traceback) printInert(local.traceback)
      throw new SmokeTestFailedError(`The entrypoint failed on the sample, run locally as the server would: ${local.reason}.`)
    }
  })
}

/** smoke-test mode: the script given by preprocessing-id must be Deployed; its operation comes from the server. */
async function findDeployed(client: NeomarilClient, spec: DeploySpec, result: RunResult): Promise<DeploySpec> {
  const hash = spec.preprocessingId as string
  return core.group('Find the deployed script', async () => {
    const { status, message } = await client.status(spec.group, hash)
    result.hash = hash
    if (status !== 'Deployed') {
      result.status = status === 'Failed' ? 'failed' : 'unavailable'
      throw new DeployFailedError(status, message, hash)
    }
    result.status = 'deployed'
    const described = await client.describe(spec.group, hash)
    const operation = described.Operation === 'Async' ? 'Async' : described.Operation === 'Sync' ? 'Sync' : spec.script.operation
    if (spec.script.operationGiven && operation !== spec.script.operation) {
      throw new InputError([{ input: 'operation', problem: `is '${spec.script.operation}', but ${hash} is an ${operation} script.`, fix: 'Remove the operation input, or fix it.' }])
    }
    if (operation === 'Sync' && spec.smokeTest.syncInput === undefined) {
      throw new InputError([{ input: 'smoke-test-input', problem: `${hash} is a Sync script, but the sample is not JSON.`, fix: 'Give a JSON sample (inline or a .json file).' }])
    }
    if (operation === 'Async' && !spec.smokeTest.dataset) {
      throw new InputError([{ input: 'smoke-test-input', problem: `${hash} is an Async script, but the sample is not a file.`, fix: 'Point smoke-test-input (or schema) at a dataset file.' }])
    }
    core.info(`${hash} is Deployed (${operation}).`)
    // Description.PythonVersion is 'Python310' on the wire; the output says '3.10'.
    const python = /^Python3(\d+)$/.exec(String(described.PythonVersion ?? ''))?.[1]
    const pythonVersion = python && (PYTHON_VERSIONS as readonly string[]).includes(`3.${python}`) ? (`3.${python}` as PythonVersion) : spec.script.pythonVersion
    const deployed = { ...spec, script: { ...spec.script, operation, pythonVersion } }
    result.spec = deployed
    return deployed
  })
}

async function smokeTest(client: NeomarilClient, spec: DeploySpec, result: RunResult, signal: AbortSignal): Promise<void> {
  if (result.status !== 'deployed') {
    result.smokeTest = { outcome: 'skipped', reason: `the script is not deployed (status ${result.status})` }
    return
  }
  const hash = result.hash as string
  await core.group('Smoke test', async () => {
    try {
      if (spec.script.operation === 'Sync') {
        core.info(`Running ${spec.script.entrypoint} on the sample (sync run).`)
        result.smokeTest = await smokeTestSync(client, spec.group, hash, spec.smokeTest.syncInput, spec.smokeTest.expect)
      } else {
        const dataset = spec.smokeTest.dataset as NonNullable<DeploySpec['smokeTest']['dataset']>
        core.info(`Uploading ${dataset.uploadName} as the dataset of an async run.`)
        result.smokeTest = await smokeTestAsync(client, spec.group, hash, { part: 'dataset', filename: dataset.uploadName, localPath: dataset.localPath, size: dataset.size }, {
          timeoutMs: spec.smokeTest.timeoutMs,
          pollIntervalMs: spec.wait.pollIntervalMs,
          resultPath: join(result.recordsDir as string, 'smoke-test-result.zip'),
          signal,
          onPoll: poll => core.info(`[${formatDuration(poll.elapsedMs).padStart(6)}] execution check ${poll.check}: ${oneLine(poll.status)}`),
          onTransientFailure: logOutage
        })
      }
    } catch (error) {
      if (error instanceof CancelledError) throw error
      result.smokeTest = { ...result.smokeTest, outcome: 'failed', reason: `the run call failed: ${messageFor(error)}` }
    }
    const smoke = result.smokeTest
    if (smoke.outcome === 'passed') {
      core.info(`Smoke test passed in ${formatDuration(smoke.elapsedMs ?? 0)}.`)
      return
    }
    throw new SmokeTestFailedError(`Smoke test failed: ${smoke.reason}.`)
  })
}

function signalOf(error: CancelledError): string {
  return /^Cancelled by (\S+)/.exec(error.message)?.[1] ?? 'cancellation'
}

/** A status check that failed even after its retries: the wait goes on for a while. */
function logOutage(error: Error, outageMs: number): void {
  core.warning(`A status check failed (${oneLine(error.message)}); still waiting${outageMs > 0 ? `, the server has not answered for ${formatDuration(outageMs)}` : ''}.`)
}

/** Host entries after every deploy, Run entries after a smoke test; a failure here only warns. */
async function fetchLogs(client: NeomarilClient, spec: DeploySpec, result: RunResult): Promise<void> {
  const fetchRoutine = async (routine: 'Host' | 'Run'): Promise<LogEntry[]> => {
    try {
      return await client.logs(spec.group, result.hash as string, { routine })
    } catch (error) {
      result.publishWarnings.push(`Could not fetch the ${routine} logs: ${(error as Error).message}`)
      return []
    }
  }
  if (spec.mode === 'deploy') result.hostLogs = await fetchRoutine('Host')
  if (result.smokeTest.outcome !== 'skipped') result.runLogs = await fetchRoutine('Run')
}

/**
 * What the server said about a failed build or smoke test, for the step's error: the
 * execution's message and the error entries of the logs (printed inert there, and
 * escaped by the runner's command encoding here).
 */
function serverDetails(result: RunResult): string {
  const parts: string[] = []
  const errors = (entries: LogEntry[]) => entries.filter(entry => entry.OutputType === 'Error')
  if ((result.status === 'failed' || result.status === 'unavailable') && errors(result.hostLogs).length > 0) {
    parts.push(`Build log errors:\n${formatLogEntries(errors(result.hostLogs))}`)
  }
  if (result.smokeTest.outcome === 'failed') {
    // The reason already holds the message's last line; a longer message comes whole.
    const message = result.smokeTest.executionMessage?.trim()
    if (message && message !== lastLine(message)) parts.push(`Execution message:\n${message}`)
    if (errors(result.runLogs).length > 0) parts.push(`Run log errors:\n${formatLogEntries(errors(result.runLogs))}`)
  }
  return parts.map(part => `\n\n${part}`).join('')
}

/** One clear message for the step's failure. */
function messageFor(error: unknown): string {
  if (error instanceof NetworkError) return `Could not reach the Neomaril server: ${error.message}. Check 'url' and the runner's network.`
  if (error instanceof ApiError) {
    if (error.path === '/health' && error.status === 404) return `${error.message}. 'url' does not point at a Neomaril server root (no /api/health there).`
    // A 2xx that could not be used (not JSON, a key missing) is no refusal.
    if (error.status >= 200 && error.status < 300) return `The Neomaril server's answer could not be read: ${error.message}`
    return `The Neomaril server refused a call: ${error.message}`
  }
  const known = [InputError, AuthError, DeployFailedError, WaitTimeoutError, SmokeTestFailedError, CancelledError]
  if (known.some(type => error instanceof type)) return (error as Error).message
  return `Unexpected error: ${(error as Error)?.stack ?? String(error)}`
}
