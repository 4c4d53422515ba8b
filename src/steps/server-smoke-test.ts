import { readFileSync } from 'node:fs'
import type { PreprocessingApi } from '../api/api.js'
import type { DatasetPart } from '../api/v2.js'
import { EXECUTION_RUNNING_STATES } from '../api/wire.js'
import { readParquetSummary } from './parquet.js'
import { lastLine } from './logs.js'
import { waitWhilePending, type Poll, type WaitOptions } from './wait.js'
import { containsDeep, firstDifference } from '../shared/json-subset.js'
import { envelopeError } from '../shared/error-envelope.js'

/** What the smoke test did and found; kept whole for the artifact and the summary. */
export interface SmokeTestResult {
  outcome: 'passed' | 'failed' | 'skipped'
  /** 'local' in validate mode: run on this machine, not on the server. */
  where?: 'server' | 'local'
  /** validate mode: the Python that ran the entrypoint (command, executable, version). */
  interpreter?: { command: string; path: string; version: string }
  /** Why it failed (or was skipped). */
  reason?: string
  elapsedMs?: number
  /** Sync: the body sent, the status and the body answered. */
  request?: { Input: unknown }
  responseStatus?: number
  responseBody?: string
  /** Async: the execution and its downloaded result. */
  executionId?: string
  executionStatus?: string
  executionMessage?: string | null
  resultFile?: string
  /** v1 Async: what the result zip holds. */
  resultEntries?: { name: string; size: number }[]
  /** v2 Async: the result parquet's shape, and the DatasetHash of each input uploaded. */
  resultRows?: number
  resultColumns?: readonly string[]
  inputHashes?: Readonly<Record<string, string>>
  outputDatasetHash?: string
  /** A pipeline smoke test (smoke-test-model): the model and each stage (steps/pipeline-smoke-test.ts). */
  pipeline?: PipelineStages
}

/** One stage of a pipeline smoke test; 'skipped' when an earlier stage failed. */
export interface PipelineStage {
  outcome: 'passed' | 'failed' | 'skipped'
  elapsedMs?: number
  reason?: string
}

export interface PipelineStages {
  modelHash: string
  modelGroup: string
  preprocessing: PipelineStage & { executionId?: string; resultFile?: string }
  model: PipelineStage & { executionId?: string; executionStatus?: string; executionMessage?: string | null }
}

/**
 * Sync smoke test: sends {"Input": sample}. Passes on a 2xx JSON answer that is not an
 * error envelope and, when `expected` is given, contains it (deep subset).
 */
export async function smokeTestSync(
  api: Pick<PreprocessingApi, 'runSync'>,
  hash: string,
  input: unknown,
  expected: unknown
): Promise<SmokeTestResult> {
  const started = Date.now()
  const request = { Input: input }
  const { status, body } = await api.runSync(hash, input)
  const result: SmokeTestResult = { outcome: 'failed', request, responseStatus: status, responseBody: body }
  result.elapsedMs = Date.now() - started
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    result.reason = `the run answered HTTP ${status} with a body that is not JSON`
    return result
  }
  const envelope = envelopeError(parsed)?.message
  if (status < 200 || status > 299 || envelope) {
    // The reason is one line (the exception); the whole traceback stays in responseBody.
    result.reason = `the run answered HTTP ${status}${envelope ? `: ${lastLine(envelope)}` : ''}`
    return result
  }
  if (expected !== undefined && !containsDeep(parsed, expected)) {
    result.reason =
      'the answer does not contain smoke-test-expect ' + `(first difference: ${firstDifference(parsed, expected, '$')})`
    return result
  }
  result.outcome = 'passed'
  return result
}

/** v2 executions may also sit in 'Uploaded' (inputs in, not run yet) before Running. */
const EXECUTION_PENDING_STATES: readonly string[] = [...EXECUTION_RUNNING_STATES, 'Uploaded']

/**
 * Async smoke test: starts an execution on the datasets (v1: one file; v2: create,
 * one upload per dataset, run), waits for it with its own deadline, downloads the
 * result and checks it: v1 a readable, non-empty zip; v2 a readable, non-empty parquet file.
 */
export async function smokeTestAsync(
  api: PreprocessingApi,
  hash: string,
  datasets: readonly DatasetPart[],
  options: {
    timeoutMs: number
    pollIntervalMs: number
    resultPath: string
    signal?: AbortSignal
    onPoll?: (poll: Poll) => void
    onCall?: (call: string) => void
    onTransientFailure?: WaitOptions['onTransientFailure']
  }
): Promise<SmokeTestResult> {
  const started = Date.now()
  const execution = await api.startExecution(hash, datasets, options.onCall)
  const executionId = execution.id
  const result: SmokeTestResult = { outcome: 'failed', executionId }
  if (api.version === 'v2') result.inputHashes = execution.inputHashes
  let outputDatasetHash: string | undefined
  const outcome = await waitWhilePending(
    async (limits) => {
      const state = await api.executionStatus(hash, executionId, limits)
      outputDatasetHash = state.outputDatasetHash
      return state
    },
    {
      timeoutMs: options.timeoutMs,
      pollIntervalMs: options.pollIntervalMs,
      pendingStates: EXECUTION_PENDING_STATES,
      signal: options.signal,
      onPoll: options.onPoll,
      onTransientFailure: options.onTransientFailure
    }
  )
  result.executionStatus = outcome.last.status
  result.executionMessage = outcome.last.message
  result.outputDatasetHash = outputDatasetHash
  result.elapsedMs = Date.now() - started
  if (outcome.kind === 'timed-out') {
    result.reason =
      `execution ${executionId} was still '${outcome.last.status}' ` +
      `after ${Math.round(outcome.elapsedMs / 1000)}s (smoke-test-timeout)`
    return result
  }
  if (outcome.last.status !== 'Succeeded') {
    const message = outcome.last.message ? `: ${lastLine(outcome.last.message)}` : ''
    result.reason = `execution ${executionId} ended as '${outcome.last.status}'${message}`
    return result
  }
  await api.downloadResult(hash, executionId, options.resultPath)
  result.resultFile = options.resultPath
  result.reason = await checkResultFile(result, options.resultPath, api.resultFormat)
  if (result.reason === undefined) result.outcome = 'passed'
  return result
}

/** Why a downloaded Async result is no good (the script's, or the model's in a pipeline), or undefined. */
export async function checkResultFile(
  result: SmokeTestResult,
  path: string,
  format: 'zip' | 'parquet'
): Promise<string | undefined> {
  return format === 'parquet' ? checkParquet(result, path) : checkZip(result, path)
}

/** Why the v1 result is no good, or undefined when it is a readable zip holding something. */
async function checkZip(result: SmokeTestResult, path: string): Promise<string | undefined> {
  // Loaded only when a v1 Async smoke test gets this far.
  const { unzipSync } = await import('fflate')
  try {
    const entries = unzipSync(new Uint8Array(readFileSync(path)))
    result.resultEntries = Object.entries(entries).map(([name, bytes]) => ({ name, size: bytes.length }))
  } catch (error) {
    return `the result of execution ${result.executionId} is not a readable zip (${(error as Error).message})`
  }
  return result.resultEntries.some((entry) => entry.size > 0)
    ? undefined
    : `the result of execution ${result.executionId} is an empty zip`
}

/** Why the v2 result is no good, or undefined when it is a readable parquet file with rows. */
async function checkParquet(result: SmokeTestResult, path: string): Promise<string | undefined> {
  try {
    const { rows, columns } = await readParquetSummary(path)
    result.resultRows = rows
    result.resultColumns = columns
  } catch (error) {
    return `the result of execution ${result.executionId} is not a readable parquet file (${(error as Error).message})`
  }
  return result.resultRows > 0
    ? undefined
    : `the result of execution ${result.executionId} is a parquet file with no rows ` +
        `(columns: ${result.resultColumns?.join(', ') || 'none'})`
}
