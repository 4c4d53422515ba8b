import * as core from '@actions/core'
import { formatDuration, inTenths } from '../shared/duration.js'
import { CancelledError, DeployFailedError, InputError, WaitTimeoutError } from '../shared/errors.js'
import { hostCall, runEndpoint, type ApiVersion, type PreprocessingApi } from '../api/api.js'
import { CALLED_AS, contractOf } from '../harness/contract.js'
import { registerScript } from '../steps/register.js'
import { earlierV1Async, previousBuild } from '../steps/history.js'
import { checkContractFit, type EarlierDeploy } from '../local-checks/contract-fit.js'
import { describeHint, waitWhilePending } from '../steps/wait.js'
import { oneLine } from '../shared/inert.js'
import { chooseDeployApi, connect, newTransport, type Session } from './session.js'
import { logCall, logOutage, logPoll, type RunContext } from './context.js'
import { runSmokeTest } from './smoke-test-phase.js'
import { checkPipelineModel } from './pipeline-phase.js'
import type { DeploySpec } from '../inputs/parse.js'
import { buildManifest, digestOf, type Manifest } from '../local-checks/manifest.js'
import type { DeployRecord } from '../github/records.js'
import { startGitHubRecord } from './github-record.js'
import { keepUnchanged, recordedBefore } from './unchanged.js'
import { showPlan } from './plan-phase.js'

/** deploy mode: connect → API → contract → register (+ uploads) → host → wait → smoke test. */
export async function deployMode(ctx: RunContext): Promise<void> {
  const { spec, result } = ctx
  // Both run beside the login: the environment's records (GitHub), and the files' hashes.
  ctx.github = startGitHubRecord(spec, result)
  const hashed = buildManifest(spec, spec.workspace)
  hashed.catch(() => undefined)
  const session = await connect(newTransport(spec, ctx.signal, ctx.deadline), spec, result, ctx.localChecks)
  const api = await chooseDeployApi(session, spec, result)
  await keepContract(ctx, session, api.version)
  ctx.api = api
  const manifest = await manifestFor(spec, api.version, await hashed)
  result.digest = await digestOf(manifest, spec)
  if (ctx.github) ctx.github.manifest = manifest
  const recorded = await recordedBefore(ctx)
  // The plan, when the records could be read (local-checks/plan.ts).
  if (await ctx.github?.earlier) showPlan(ctx, recorded, manifest)
  if (spec.smokeTest.enabled) await checkPipelineModel(ctx, session, spec.script.operation)
  if (!(await keepUnchanged(ctx, api))) {
    await registerAndHost(ctx, api)
    result.url = runEndpoint(
      spec.connection.apiUrl,
      api.version,
      spec.script.operation,
      session.group,
      result.hash ?? ''
    )
    if (spec.wait.enabled) {
      ctx.deadline.at = Date.now() + spec.wait.timeoutMs
      await waitForBuild(ctx, api, recorded)
    } else core.notice(`Not waiting for the build of ${result.hash} (wait: false).`)
  }
  if (spec.smokeTest.enabled) await runSmokeTest(ctx, api, spec)
}

/** The manifest as this deploy sends it: the calls of the API chosen (auto assumed v2 before the probe). */
async function manifestFor(spec: DeploySpec, version: ApiVersion, hashed: Manifest): Promise<Manifest> {
  if (hashed.api === version) return hashed
  const { calls } = await buildManifest({ ...spec, apiVersion: version }, spec.workspace, { hashFiles: false })
  return { ...hashed, api: version, calls }
}

/** How long the look-up of an earlier v1 deploy may hold up the upload. */
const EARLIER_LOOKUP_MS = 10_000

/**
 * Before anything is uploaded: the contract the chosen API calls the entrypoint with must
 * be the one it was written for (local-checks/contract-fit.ts). Under auto the probe has
 * just chosen; an api-version given was judged by the local checks already.
 */
async function keepContract(ctx: RunContext, session: Session, version: ApiVersion): Promise<void> {
  const { spec, result } = ctx
  const why = result.apiProbe ?? ''
  const contract = contractOf(spec.script.operation, version)
  result.contract = { contract, calledAs: CALLED_AS[contract], why }
  if (spec.apiVersion === 'auto' && spec.script.operation === 'Async') {
    const { signals } = await ctx.localChecks
    const earlier = version === 'v2' ? await earlierV1Deploy(session, spec.script.name) : undefined
    try {
      checkContractFit(spec, version, why, signals, core.notice, earlier)
    } catch (error) {
      if (error instanceof InputError) result.status = 'invalid-input'
      throw error
    }
  }
  core.info(`Contract: ${result.contract.calledAs} (${oneLine(why)}).`)
}

/** A v1 Async script of this name in the group (steps/history.ts); a failed look-up is no signal. */
async function earlierV1Deploy(session: Session, name: string): Promise<EarlierDeploy | undefined> {
  try {
    const found = await earlierV1Async(session.v1, session.group, name, { deadline: Date.now() + EARLIER_LOOKUP_MS })
    return found && { hash: found.hash, api: 'v1' }
  } catch (error) {
    core.info(`Could not look for an earlier v1 deploy of this script (${oneLine((error as Error).message)}).`)
    return undefined
  }
}

async function registerAndHost(ctx: RunContext, api: PreprocessingApi): Promise<void> {
  const { spec, result } = ctx
  await core.group('Register', async () => {
    try {
      const registered = await registerScript(api, spec, (call) => {
        result.apiCalls.push(call)
        logCall(call)
      })
      result.hash = registered.hash
      result.operation = spec.script.operation
      Object.assign(result.datasetHashes, registered.datasetHashes)
    } catch (error) {
      // Stopped mid-upload, the server may still have registered the script.
      if (error instanceof CancelledError)
        throw new CancelledError(
          signalOf(error),
          `during the register call: the script '${spec.script.name}' may have been registered all the same; ` +
            'look for it in Neomaril before deploying again'
        )
      throw error
    }
    result.status = 'registered'
    core.info(`Registered '${oneLine(spec.script.name)}' as ${result.hash} (${api.version}).`)
    for (const [name, hash] of Object.entries(result.datasetHashes)) core.info(`  dataset ${oneLine(name)}: ${hash}`)
  })
  await core.group('Host', async () => {
    const hash = result.hash as string
    result.apiCalls.push(hostCall(api.version, spec.script.operation, result.group ?? spec.group, hash))
    await api.host(spec.script.operation, hash)
    result.status = 'building'
    core.info(`Build started (${spec.script.operation.toLowerCase()} host, ${api.version}).`)
  })
}

async function waitForBuild(ctx: RunContext, api: PreprocessingApi, recorded?: DeployRecord): Promise<void> {
  const { spec, result } = ctx
  const hash = result.hash as string
  await core.group('Wait for Deployed', async () => {
    const hint = learnBuildLength(ctx, api, hash, recorded)
    const outcome = await waitWhilePending(
      async (limits) => {
        const state = await api.status(hash, limits)
        if (state.datasetHash) result.datasetHashes.deployed = state.datasetHash
        return state
      },
      {
        timeoutMs: spec.wait.timeoutMs,
        pollIntervalMs: spec.wait.pollIntervalMs,
        signal: ctx.signal,
        onPoll: logPoll('check'),
        onTransientFailure: logOutage,
        expectedMs: hint.expectedMs
      }
    ).finally(hint.stop)
    // A build the wait did not see end has no build time (the build-seconds output stays empty).
    if (outcome.kind === 'done') result.buildSeconds = inTenths(outcome.elapsedMs)
    result.statusChecks = outcome.checks
    if (outcome.kind === 'timed-out') {
      result.status = 'timed-out'
      const error = new WaitTimeoutError(outcome.last.status, outcome.elapsedMs, hash)
      if (spec.wait.failOnTimeout) throw error
      core.warning(`${oneLine(error.message)} Not failing the step (fail-on-timeout: false).`)
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

/** How long the lookup of the previous build may take; it runs while the build does. */
const HINT_LOOKUP_MS = 5000

/**
 * How long the script's previous build took, for the wait's hint: the environment's record
 * says it at once (v2 included) when it went through this API; else the lookup on the
 * server (steps/history.ts) starts. `expectedMs` answers once it is known; `stop` abandons
 * the lookup when the wait ends first, so it never holds up the run.
 */
function learnBuildLength(
  ctx: RunContext,
  api: PreprocessingApi,
  hash: string,
  recorded?: DeployRecord
): { expectedMs: () => number | undefined; stop: () => void } {
  const { spec, result } = ctx
  const abandon = new AbortController()
  let expectedMs: number | undefined
  const name = oneLine(spec.script.name)
  const seconds = recorded?.buildSeconds
  if (recorded && seconds && seconds > 0 && recorded.payload.apiVersion === api.version) {
    result.previousBuild = { hash: recorded.scriptHash, seconds }
    core.info(
      `The previous build of '${name}' (${recorded.scriptHash}) took ${seconds} s, says its record ` +
        `(deployment ${recorded.deploymentId}): ${describeHint(seconds * 1000)}.`
    )
    return { expectedMs: () => seconds * 1000, stop: () => undefined }
  }
  previousBuild(api, spec.script.name, hash, { deadline: Date.now() + HINT_LOOKUP_MS, signal: abandon.signal }).then(
    (found) => {
      if (abandon.signal.aborted) return
      if ('none' in found) return core.info(`No previous build to go by (${oneLine(found.none)}): checking every 2 s.`)
      result.previousBuild = { hash: found.hash, seconds: inTenths(found.ms) }
      result.previousHash ??= { hash: found.hash, from: 'search' }
      expectedMs = found.ms
      core.info(
        `The previous build of '${name}' (${found.hash}) took ${inTenths(found.ms)} s: ${describeHint(found.ms)}.`
      )
    },
    (error: unknown) => {
      if (!abandon.signal.aborted)
        core.info(`Could not look up the previous build (${oneLine((error as Error).message)}): checking every 2 s.`)
    }
  )
  return { expectedMs: () => expectedMs, stop: () => abandon.abort() }
}

export function signalOf(error: CancelledError): string {
  return /^Cancelled by (\S+)/.exec(error.message)?.[1] ?? 'cancellation'
}
