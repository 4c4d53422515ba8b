import { statSync } from 'node:fs'
import type { AsyncExpectation } from '../inputs/async-expect.js'
import type { PreprocessingApi } from '../api/api.js'
import type { ModelInfo, ModelsApi } from '../api/models.js'
import type { DatasetPart } from '../api/v2.js'
import { EXECUTION_RUNNING_STATES } from '../api/wire.js'
import { ApiError, CancelledError, InputError } from '../shared/errors.js'
import { envelopeError } from '../shared/error-envelope.js'
import { oneLine } from '../shared/inert.js'
import { lastLine } from './logs.js'
import { goneStatus, modelGone, modelTimedOut, noTimeLeft } from './pipeline-reasons.js'
import {
  checkResultFile,
  smokeTestAsync,
  smokeTestSync,
  type PipelineStages,
  type SmokeTestResult
} from './server-smoke-test.js'
import { waitWhilePending, type Poll, type WaitOptions, type WaitOutcome } from './wait.js'

/** The model a pipeline smoke test runs the script through, its group as the calls spell it. */
export interface ModelTarget {
  readonly hash: string
  readonly group: string
}

export const PREPROCESSING_FAILED = 'the preprocessing failed'
export const MODEL_REJECTED = 'the model rejected what the preprocessing produced'
export const MODEL_RUN_FAILED = 'the model run failed'
/** Says what a call's failure was (modes/messages.ts messageFor), for a stage's reason. */
export type DescribeError = (error: unknown) => string

/** A call that failed outright (no answer, or one the call refused): a stage's failure, unless cancelled. */
function callFailure(error: unknown, describe: DescribeError | undefined): string {
  if (error instanceof CancelledError || !describe) throw error
  return describe(error)
}

const FIX_MODEL = 'Set smoke-test-model to the hash of a deployed model this script feeds (and smoke-test-model-group).'

/**
 * Before anything is uploaded: the model exists in its group, is Deployed, and takes what
 * the script gives (an Async model an Async script's result; a Sync model a Sync script's
 * answer). Any of them wrong is an input error naming smoke-test-model.
 */
export async function checkModel(
  models: ModelsApi,
  target: ModelTarget,
  scriptOperation: 'Sync' | 'Async',
  options: { deadline?: number } = {}
): Promise<ModelInfo> {
  let info: ModelInfo
  try {
    info = await models.info(target.group, target.hash, options)
  } catch (error) {
    if (error instanceof ApiError && error.status === 404)
      throw refused(`${target.hash} is not a model in group '${target.group}' (its status answered 404).`)
    throw error
  }
  if (info.status !== 'Deployed') {
    const why = info.message ? ` (${oneLine(lastLine(info.message))})` : ''
    throw refused(`${target.hash} is '${oneLine(info.status)}', not Deployed${why}: it cannot score the sample.`)
  }
  if (info.operation && info.operation !== scriptOperation)
    throw refused(
      `${target.hash} is ${/^[aeiou]/i.test(info.operation) ? 'an' : 'a'} ${oneLine(info.operation).slice(0, 40)} ` +
        `model, but the script is ${scriptOperation}: ` +
        'an Async model takes an Async script, a Sync model a Sync script.'
    )
  return info
}

function refused(problem: string): InputError {
  return new InputError([{ input: 'smoke-test-model', problem, fix: FIX_MODEL }])
}

/**
 * Sync pipeline: one call, the model's run with the sample as Input and the script's hash
 * as ScriptHash; the server runs the script, then the model on its answer. The model's
 * answer is the smoke test's answer. Which stage failed comes from the error envelope: a
 * 'PreprocessingError' (or a message about the preprocessing) is the script's, anything
 * else the model's (docs/platform-contract.md: inferred, the platform does not document it).
 */
export async function pipelineSync(
  models: ModelsApi,
  target: ModelTarget,
  scriptHash: string,
  input: unknown,
  expected: unknown,
  describeError?: DescribeError
): Promise<SmokeTestResult> {
  const runSync = (hash: string, sample: unknown) => models.runSync(target.group, target.hash, sample, hash)
  const request = { Input: input, ScriptHash: scriptHash } as SmokeTestResult['request']
  const stages = newStages(target)
  const started = Date.now()
  let result: SmokeTestResult
  try {
    result = await smokeTestSync({ runSync }, scriptHash, input, expected)
  } catch (error) {
    // One call for both stages: which one it reached is not known, so the model's (the call's) fails.
    const reason = `${MODEL_RUN_FAILED}: ${callFailure(error, describeError)}`
    stages.model = { outcome: 'failed', elapsedMs: Date.now() - started, reason }
    return { outcome: 'failed', reason, elapsedMs: Date.now() - started, pipeline: stages }
  }
  result.request = request
  result.pipeline = stages
  const envelope = envelopeError(result.responseBody)
  const preprocessingFailed =
    result.outcome === 'failed' &&
    envelope !== undefined &&
    (envelope.type === 'PreprocessingError' || /^the preprocessing\b/i.test(envelope.message))
  if (result.outcome === 'passed') {
    stages.preprocessing.outcome = 'passed'
    stages.model = { outcome: 'passed', elapsedMs: result.elapsedMs }
  } else if (preprocessingFailed) {
    result.reason = `${PREPROCESSING_FAILED}: ${result.reason}`
    stages.preprocessing = { outcome: 'failed', elapsedMs: result.elapsedMs, reason: result.reason }
  } else if (goneStatus(result.responseStatus)) {
    // Whether the preprocessing ran is not known: it stays skipped.
    result.reason = modelGone(target.hash, result.responseStatus, result.reason ?? '')
    stages.model = { outcome: 'failed', elapsedMs: result.elapsedMs, reason: result.reason }
  } else {
    // The model scored only on a 2xx JSON answer; past the script only when that, or the model's own error.
    const scored =
      !envelope &&
      isJson(result.responseBody) &&
      (result.responseStatus ?? 0) >= 200 &&
      (result.responseStatus ?? 0) <= 299
    if (envelope || scored) stages.preprocessing.outcome = 'passed'
    const stage = envelope ? MODEL_REJECTED : scored ? 'the model scored, but' : `${MODEL_RUN_FAILED}:`
    result.reason = `${stage === MODEL_REJECTED ? `${stage}:` : stage} ${result.reason}`
    stages.model = { outcome: 'failed', elapsedMs: result.elapsedMs, reason: result.reason }
  }
  return result
}

function isJson(body: string | undefined): boolean {
  try {
    JSON.parse(body ?? '')
    return true
  } catch {
    return false
  }
}

function newStages(target: ModelTarget): PipelineStages {
  return {
    modelHash: target.hash,
    modelGroup: target.group,
    preprocessing: { outcome: 'skipped' },
    model: { outcome: 'skipped' }
  }
}

export interface PipelineAsyncOptions {
  readonly timeoutMs: number
  readonly pollIntervalMs: number
  /** Where the script's result and the model's result are downloaded. */
  readonly preprocessingResultPath: string
  readonly modelResultPath: string
  /** smoke-test-expect, checked on the model's result table. */
  readonly expectation?: AsyncExpectation
  readonly signal?: AbortSignal
  readonly onPoll?: (stage: 'preprocessing' | 'model') => (poll: Poll) => void
  readonly onCall?: (call: string) => void
  readonly onTransientFailure?: WaitOptions['onTransientFailure']
  /** A call that fails outright fails its stage, in these words; without it, the failure is thrown. */
  readonly describeError?: DescribeError
}

/**
 * Async pipeline: the script's execution on the sample (as a plain smoke test), its result handed to the
 * model's async run as the part `input` (a v1 zip as downloaded, named `result_preprocessing` as 2.1.1 does;
 * a v2 parquet as `preprocessed_data.parquet`, as 4.0.2 does), the model's execution waited for within what
 * is left of smoke-test-timeout, its result zip downloaded and checked as the script's is (the smoke test's output).
 */
export async function pipelineAsync(
  api: PreprocessingApi,
  models: ModelsApi,
  target: ModelTarget,
  scriptHash: string,
  datasets: readonly DatasetPart[],
  options: PipelineAsyncOptions
): Promise<SmokeTestResult> {
  const started = Date.now()
  const stages = newStages(target)
  let result: SmokeTestResult
  try {
    result = await smokeTestAsync(api, scriptHash, datasets, {
      timeoutMs: options.timeoutMs,
      pollIntervalMs: options.pollIntervalMs,
      resultPath: options.preprocessingResultPath,
      signal: options.signal,
      onPoll: options.onPoll?.('preprocessing'),
      onCall: options.onCall,
      onTransientFailure: options.onTransientFailure
    })
  } catch (error) {
    const reason = `${PREPROCESSING_FAILED}: ${callFailure(error, options.describeError)}`
    stages.preprocessing = { outcome: 'failed', elapsedMs: Date.now() - started, reason }
    return { outcome: 'failed', reason, elapsedMs: Date.now() - started, pipeline: stages }
  }
  result.pipeline = stages
  stages.preprocessing = {
    outcome: result.outcome,
    elapsedMs: result.elapsedMs,
    executionId: result.executionId,
    resultFile: result.resultFile
  }
  if (result.outcome !== 'passed') {
    result.reason = `${PREPROCESSING_FAILED}: ${result.reason}`
    stages.preprocessing.reason = result.reason
    return result
  }
  const modelStarted = Date.now()
  const stage: PipelineStages['model'] = { outcome: 'failed' }
  stages.model = stage
  const fail = (reason: string): SmokeTestResult => {
    result.outcome = 'failed'
    result.reason = reason
    stage.reason = reason
    stage.elapsedMs = Date.now() - modelStarted
    result.elapsedMs = Date.now() - started
    return result
  }
  const path = options.preprocessingResultPath
  const input = {
    part: 'input',
    filename: api.resultFormat === 'parquet' ? 'preprocessed_data.parquet' : 'result_preprocessing',
    localPath: path,
    size: statSync(path).size
  }
  const preprocessingMs = modelStarted - started
  const leftMs = options.timeoutMs - preprocessingMs
  if (leftMs <= 0) {
    // The model is not reached: its stage stays skipped, and the smoke test fails on the time.
    fail(noTimeLeft(options.timeoutMs, preprocessingMs))
    stages.model = { outcome: 'skipped', reason: result.reason }
    return result
  }
  options.onCall?.(`POST /model/async/run/${target.group}/${target.hash} (input ${input.filename})`)
  let id: string
  let outcome: WaitOutcome
  try {
    id = await models.runAsync(target.group, target.hash, input)
  } catch (error) {
    const described = callFailure(error, options.describeError)
    const status = error instanceof ApiError ? error.status : undefined
    return fail(goneStatus(status) ? modelGone(target.hash, status, described) : `${MODEL_RUN_FAILED}: ${described}`)
  }
  try {
    stage.executionId = id
    outcome = await waitWhilePending((limits) => models.executionStatus(target.group, id, limits), {
      timeoutMs: leftMs,
      pollIntervalMs: options.pollIntervalMs,
      pendingStates: EXECUTION_RUNNING_STATES,
      signal: options.signal,
      onPoll: options.onPoll?.('model'),
      onTransientFailure: options.onTransientFailure
    })
  } catch (error) {
    return fail(`${MODEL_RUN_FAILED}: ${callFailure(error, options.describeError)}`)
  }
  stage.executionStatus = outcome.last.status
  stage.executionMessage = outcome.last.message
  if (outcome.kind === 'timed-out')
    return fail(modelTimedOut(id, outcome.last.status, options.timeoutMs, preprocessingMs, Date.now() - modelStarted))
  if (outcome.last.status !== 'Succeeded') {
    const message = outcome.last.message ? `: ${lastLine(outcome.last.message)}` : ''
    return fail(`${MODEL_REJECTED}: the model's execution ${id} ended as '${outcome.last.status}'${message}`)
  }
  try {
    await models.downloadResult(target.group, id, options.modelResultPath)
  } catch (error) {
    return fail(`${MODEL_RUN_FAILED}: ${callFailure(error, options.describeError)}`)
  }
  // The model's result goes through the same check as the script's, smoke-test-expect included.
  const checked: SmokeTestResult = { outcome: 'failed', executionId: id }
  const label = `the model's result (execution ${id})`
  const problem = await checkResultFile(checked, options.modelResultPath, 'zip', options.expectation, label)
  result.resultFile = options.modelResultPath
  result.resultEntries = checked.resultEntries
  if (checked.expectation) {
    // The table smoke-test-expect was checked on is the model's; without one, the preprocessing's shape stays.
    result.resultTable = checked.resultTable
    result.resultRows = checked.resultRows
    result.resultColumns = checked.resultColumns
    result.resultTypes = checked.resultTypes
    result.expectation = checked.expectation
  }
  if (problem) return fail(checked.expectation?.met === false ? `the model scored, but ${problem}` : problem)
  stage.outcome = 'passed'
  stage.elapsedMs = Date.now() - modelStarted
  result.elapsedMs = Date.now() - started
  return result
}
