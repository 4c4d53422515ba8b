// Plumbing shared by deploy and smoke-test modes (not a mode): the pipeline smoke test's model,
// checked before anything is uploaded, then run after Deployed. The calls are steps/pipeline-smoke-test.ts.
import * as core from '@actions/core'
import { join } from 'node:path'
import type { PreprocessingApi } from '../api/api.js'
import { ModelsApi } from '../api/models.js'
import type { DeploySpec } from '../inputs/parse.js'
import { InputError } from '../shared/errors.js'
import { formatDuration } from '../shared/duration.js'
import { oneLine } from '../shared/inert.js'
import { smokeTestDatasets } from '../steps/register.js'
import { checkModel, pipelineAsync, pipelineSync, type ModelTarget } from '../steps/pipeline-smoke-test.js'
import type { SmokeTestResult } from '../steps/server-smoke-test.js'
import { logCall, logOutage, logPoll, type RunContext } from './context.js'
import { messageFor } from './messages.js'
import type { Session } from './session.js'

/** How long the model's status and description may take before the upload. */
const MODEL_CHECK_MS = 60_000

/**
 * smoke-test-model: the model exists in its group, is Deployed and fits the script's operation,
 * before the register call (deploy mode) or the run (smoke-test mode). Keeps what the run needs on ctx.
 */
export async function checkPipelineModel(
  ctx: RunContext,
  session: Session,
  operation: 'Sync' | 'Async'
): Promise<void> {
  const model = ctx.spec.smokeTest.model
  if (!model) return
  const target: ModelTarget = { hash: model.hash, group: model.group ?? session.group }
  const models = new ModelsApi(session.transport)
  await core.group('Check the model', async () => {
    try {
      const info = await checkModel(models, target, operation, { deadline: Date.now() + MODEL_CHECK_MS })
      core.info(
        `Model ${target.hash} in group '${oneLine(target.group)}' is Deployed ` +
          `(${oneLine(info.operation ?? 'operation not described')}): the smoke test runs the pipeline.`
      )
    } catch (error) {
      if (error instanceof InputError && ctx.spec.mode === 'deploy') ctx.result.status = 'invalid-input'
      throw error
    }
  })
  ctx.pipeline = { models, target }
}

/** The pipeline smoke test, Sync or Async; the caller (smoke-test-phase.ts) judges and logs the result. */
export async function runPipeline(
  ctx: RunContext,
  api: PreprocessingApi,
  spec: DeploySpec,
  hash: string
): Promise<SmokeTestResult> {
  const { models, target } = ctx.pipeline as NonNullable<RunContext['pipeline']>
  const { result } = ctx
  if (spec.script.operation === 'Sync') {
    core.info(`Running the model ${target.hash} on the sample, with ${hash} as its preprocessing (sync model run).`)
    return pipelineSync(models, target, hash, spec.smokeTest.syncInput, spec.smokeTest.expect, messageFor)
  }
  const datasets = smokeTestDatasets(spec)
  core.info(
    `Uploading ${datasets.map((d) => oneLine(`${d.name} (${d.file.filename})`)).join(', ')} ` +
      `as the input of an async execution (${api.version}); its result then goes to the model ${target.hash}.`
  )
  const dir = result.recordsDir as string
  const smoke = await pipelineAsync(api, models, target, hash, datasets, {
    timeoutMs: spec.smokeTest.timeoutMs,
    pollIntervalMs: spec.wait.pollIntervalMs,
    preprocessingResultPath: join(
      dir,
      api.resultFormat === 'parquet' ? 'smoke-test-preprocessing.parquet' : 'smoke-test-preprocessing.zip'
    ),
    modelResultPath: join(dir, 'smoke-test-result.zip'),
    expectation: spec.smokeTest.asyncExpect,
    signal: ctx.signal,
    onPoll: (stage) => logPoll(stage === 'model' ? 'model execution check' : 'execution check'),
    onCall: logCall,
    onTransientFailure: logOutage,
    describeError: messageFor
  })
  const stages = smoke.pipeline
  if (stages)
    for (const [name, stage] of [
      ['Preprocessing', stages.preprocessing],
      ['Model', stages.model]
    ] as const)
      core.info(
        `${name}: ${stage.outcome}${stage.elapsedMs === undefined ? '' : ` in ${formatDuration(stage.elapsedMs)}`}` +
          `${stage.executionId ? ` (execution ${oneLine(stage.executionId)})` : ''}.`
      )
  return smoke
}
