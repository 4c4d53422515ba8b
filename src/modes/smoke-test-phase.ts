// Plumbing shared by deploy and smoke-test modes (not a mode): the smoke test once the
// script is Deployed, logged and recorded in the RunResult. The calls are steps/server-smoke-test.ts.
import * as core from '@actions/core'
import { join } from 'node:path'
import { formatDuration } from '../shared/duration.js'
import { CancelledError, SmokeTestFailedError } from '../shared/errors.js'
import type { DeploySpec } from '../inputs/parse.js'
import type { PreprocessingApi } from '../api/api.js'
import { smokeTestDatasets } from '../steps/register.js'
import { smokeTestAsync, smokeTestSync, typedColumns } from '../steps/server-smoke-test.js'
import { oneLine } from '../shared/inert.js'
import { describeExpectation } from '../inputs/async-expect.js'
import { logCall, logOutage, logPoll, type RunContext } from './context.js'
import { messageFor } from './messages.js'
import { runPipeline } from './pipeline-phase.js'

/** The smoke test after Deployed, in deploy and smoke-test modes; its own deadline (smoke-test-timeout). */
export async function runSmokeTest(ctx: RunContext, api: PreprocessingApi, spec: DeploySpec): Promise<void> {
  const { result } = ctx
  if (result.status !== 'deployed' && result.status !== 'unchanged') {
    result.smokeTest = { outcome: 'skipped', reason: `the script is not deployed (status ${result.status})` }
    return
  }
  ctx.deadline.at = Date.now() + spec.smokeTest.timeoutMs
  const hash = result.hash as string
  await core.group('Smoke test', async () => {
    try {
      if (ctx.pipeline) result.smokeTest = await runPipeline(ctx, api, spec, hash)
      else if (spec.script.operation === 'Sync') {
        core.info(`Running ${oneLine(spec.script.entrypoint)} on the sample (sync run).`)
        result.smokeTest = await smokeTestSync(api, hash, spec.smokeTest.syncInput, spec.smokeTest.expect)
      } else {
        const datasets = smokeTestDatasets(spec)
        core.info(
          `Uploading ${datasets.map((d) => oneLine(`${d.name} (${d.file.filename})`)).join(', ')} ` +
            `as the input of an async execution (${api.version}).`
        )
        result.smokeTest = await smokeTestAsync(api, hash, datasets, {
          timeoutMs: spec.smokeTest.timeoutMs,
          pollIntervalMs: spec.wait.pollIntervalMs,
          resultPath: join(
            result.recordsDir as string,
            api.resultFormat === 'parquet' ? 'smoke-test-result.parquet' : 'smoke-test-result.zip'
          ),
          expectation: spec.smokeTest.asyncExpect,
          signal: ctx.signal,
          onPoll: logPoll('execution check'),
          onCall: logCall,
          onTransientFailure: logOutage
        })
      }
    } catch (error) {
      if (error instanceof CancelledError) throw error
      result.smokeTest = { ...result.smokeTest, outcome: 'failed', reason: `the run call failed: ${messageFor(error)}` }
    }
    const smoke = result.smokeTest
    // In a pipeline the table read is the model's when smoke-test-expect was checked on it, else the script's.
    const whose = !smoke.pipeline ? 'Result' : smoke.expectation ? "The model's result" : "The preprocessing's result"
    if (smoke.resultRows !== undefined)
      core.info(
        `${whose}${smoke.resultTable ? ` (${oneLine(smoke.resultTable)})` : ''}: ${smoke.resultRows} rows; ` +
          `columns ${oneLine(typedColumns(smoke))}.`
      )
    if (spec.smokeTest.asyncExpect && smoke.expectation?.met)
      core.info(`smoke-test-expect met: ${oneLine(describeExpectation(spec.smokeTest.asyncExpect))}.`)
    if (smoke.outcome === 'passed') {
      core.info(`Smoke test passed in ${formatDuration(smoke.elapsedMs ?? 0)}.`)
      return
    }
    throw new SmokeTestFailedError(`Smoke test failed: ${smoke.reason}.`)
  })
}
