import type { PreprocessingApi } from '../api/api.js'
import type { DatasetPart } from '../api/v2.js'
import { EXECUTION_RUNNING_STATES } from '../api/wire.js'
import type { AsyncExpectation } from '../inputs/async-expect.js'
import { checkAsyncResult } from './async-result.js'
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
  /** v1 Async: what the result zip holds, and which of its files is the table read (with smoke-test-expect). */
  resultEntries?: { name: string; size: number }[]
  resultTable?: string
  /** The result table's shape (v2 always; v1 with smoke-test-expect), and the DatasetHash of each input uploaded. */
  resultRows?: number
  resultColumns?: readonly string[]
  /** Each column's type, in smoke-test-expect's words. */
  resultTypes?: readonly string[]
  /** Async smoke-test-expect: met, or what failed. */
  expectation?: { met: boolean; problems: string[] }
  inputHashes?: Readonly<Record<string, string>>
  outputDatasetHash?: string
  /** A pipeline smoke test (smoke-test-model): the model and each stage (steps/pipeline-smoke-test.ts). */
  pipeline?: PipelineStages
}

/**
 * One stage of a pipeline smoke test; 'skipped' when an earlier stage failed, or when the
 * answer does not tell (a Sync pipeline's one call answered neither the model's answer nor its error).
 */
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
 * result and checks it (steps/async-result.ts): v1 a readable, non-empty zip; v2 a readable,
 * non-empty parquet file; and the expectation, if any, on the result's table.
 */
export async function smokeTestAsync(
  api: PreprocessingApi,
  hash: string,
  datasets: readonly DatasetPart[],
  options: {
    timeoutMs: number
    pollIntervalMs: number
    resultPath: string
    /** smoke-test-expect for an Async result: checked on the result's table. */
    expectation?: AsyncExpectation
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
  result.reason = await checkResultFile(
    result,
    options.resultPath,
    api.resultFormat,
    options.expectation,
    `the result of execution ${executionId}`
  )
  if (result.reason === undefined) result.outcome = 'passed'
  return result
}

/** "id (integer), score (number)": the result table's columns as read, with their types when known. */
export function typedColumns(smoke: Pick<SmokeTestResult, 'resultColumns' | 'resultTypes'>): string {
  return (smoke.resultColumns ?? [])
    .map((name, i) => (smoke.resultTypes?.[i] ? `${name} (${smoke.resultTypes[i]})` : name))
    .join(', ')
}

/**
 * Checks a downloaded Async result (the script's, or the model's in a pipeline) with
 * steps/async-result.ts, records what it found in `result`, and says why it is no good
 * (or does not meet `expectation`); undefined when it passes.
 */
export async function checkResultFile(
  result: SmokeTestResult,
  path: string,
  format: 'zip' | 'parquet',
  expectation: AsyncExpectation | undefined,
  label: string
): Promise<string | undefined> {
  const check = await checkAsyncResult(path, format, expectation, label)
  result.resultEntries = check.entries
  if (check.table) {
    result.resultTable = check.table.file
    result.resultRows = check.table.rows
    result.resultColumns = check.table.columns
    result.resultTypes = check.table.types
  }
  result.expectation = check.expectation
  return check.reason
}
