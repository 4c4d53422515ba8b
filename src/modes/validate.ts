import * as core from '@actions/core'
import { copyFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { formatDuration } from '../shared/duration.js'
import { InputError, SmokeTestFailedError } from '../shared/errors.js'
import type { SmokeTestResult } from '../steps/server-smoke-test.js'
import { buildManifest } from '../local-checks/manifest.js'
import { runLocally } from '../local-checks/local-run.js'
import { oneLine, printInert } from '../shared/inert.js'
import type { RunContext } from './context.js'
import { planAgainstRecord } from './plan-phase.js'
import type { Manifest } from '../shared/manifest.js'
import { checkContractFit } from '../local-checks/contract-fit.js'
import { contractOf } from '../harness/contract.js'
import { apiReasonWithoutProbe, likelyApi } from '../shared/api-choice.js'

/**
 * validate mode: no network. Prints and outputs the manifest of what a deploy would
 * upload, then runs the entrypoint on the sample on this machine as the server would.
 * The status says validated only once the local run passed (or could not run).
 */
export async function validateMode(ctx: RunContext): Promise<void> {
  const { spec, result } = ctx
  const { signals } = await ctx.localChecks
  // The contract a deploy would call the entrypoint with, judged as a deploy judges it.
  const { operation } = spec.script
  const why = apiReasonWithoutProbe(operation, spec.apiVersion)
  const api = likelyApi(operation, spec.apiVersion)
  result.contract = { contract: contractOf(operation, api), why }
  try {
    result.contract = checkContractFit(spec, api, why, signals, core.notice)
  } catch (error) {
    if (error instanceof InputError) result.status = 'invalid-input'
    throw error
  }
  core.info(`Contract tested: ${oneLine(result.contract.calledAs ?? '')} (${oneLine(why)}).`)
  await core.group('Manifest', async () => {
    result.manifest = await buildManifest(spec, spec.workspace)
    result.operation = operation
    printInert(JSON.stringify(result.manifest, null, 2))
  })
  // Before the local run, which may fail: a pull request sees what would change either way.
  await planAgainstRecord(ctx, result.manifest as Manifest)
  await core.group('Run the entrypoint locally', async () => {
    const local = await runLocally(spec, { timeoutMs: spec.smokeTest.timeoutMs, signal: ctx.signal })
    if (local.interpreterWarning) core.warning(oneLine(local.interpreterWarning))
    if (local.interpreter)
      core.info(
        `Python: ${oneLine(local.interpreter.command)} ` +
          `(${oneLine(local.interpreter.path)}, ${oneLine(local.interpreter.version)}).`
      )
    const smoke: SmokeTestResult = {
      outcome: local.outcome,
      reason: local.reason,
      elapsedMs: local.elapsedMs,
      where: 'local',
      interpreter: local.interpreter,
      expectation: local.expectation
    }
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
    if (local.outcome === 'skipped') core.notice(`The entrypoint was not run locally: ${oneLine(local.reason ?? '')}.`)
    else if (local.outcome === 'passed')
      core.info(
        `${oneLine(spec.script.entrypoint)} ran on the sample in ${formatDuration(local.elapsedMs)}` +
          `${local.response ? ` and returned ${oneLine(local.response).slice(0, 500)}` : ''}.`
      )
    else {
      result.status = 'failed'
      if (local.traceback) printInert(local.traceback)
      throw new SmokeTestFailedError(
        `The entrypoint failed on the sample, run locally as the server would: ${local.reason}.`
      )
    }
    result.status = 'validated'
  })
}
