/**
 * Model runs. Sync: the preprocessing named by ScriptHash (a deployed v1 Sync script of the
 * group) runs first on Input, then the model on what it returned; each stage's failure is
 * answered with its own error type and a message that names the stage. Async: the `input`
 * file goes to the model alone (the client ran the preprocessing and uploads its result).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { zipSync } from 'fflate'
import type { HarnessOutcome } from '../../src/harness/index.js'
import type { ApiOptions } from '../api.js'
import { onePart, parseJson, type ParsedBody } from '../http/body.js'
import { ApiError, asApiError, badInput, errorMessage, notFound } from '../http/errors.js'
import { harnessCall, MIN_RUNNING_MS, runTimedOut } from '../script-rules.js'
import { prepareInput } from './input.js'
import type { Model, Models } from './models.js'

/** Runs a deployed v1 Sync preprocessing script of `group` on `input`; throws its ApiError. */
export type Preprocess = (group: string, scriptHash: string, input: unknown) => Promise<unknown>

export interface ModelExecution {
  id: string
  group: string
  hash: string
  status: 'Running' | 'Succeeded' | 'Failed'
  message: string | null
  createdAt: Date
  resultPath?: string
}

export type ModelRunsOptions = Pick<ApiOptions, 'dataDir' | 'python' | 'timers' | 'runTimeoutSeconds'> & {
  models: Models
  preprocess: Preprocess
}

export class ModelRuns {
  private readonly executions: ModelExecution[] = []

  constructor(private readonly options: ModelRunsOptions) {}

  /** POST /model/sync/run: {"Input": …, "ScriptHash"?: "S…"} → the model's answer, as it returned it. */
  async runSync(group: string, hash: string, rawBody: Buffer): Promise<unknown> {
    const model = this.options.models.runnable(group, hash, 'Sync')
    const body = parseJson(rawBody, 'The body must be JSON: {"Input": ..., "ScriptHash": "S..."}')
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !('Input' in body))
      throw badInput('The body must be a JSON object with an "Input" key')
    const scriptHash = 'ScriptHash' in body ? body.ScriptHash : undefined
    let input: unknown = body.Input
    if (scriptHash !== undefined && scriptHash !== null) {
      if (typeof scriptHash !== 'string' || scriptHash === '')
        throw badInput('"ScriptHash" must be the hash (S...) of a deployed Sync preprocessing script')
      input = await this.preprocessed(group, scriptHash, input)
    }
    const run = await this.options.python.runSync({
      ...harnessCall(model, this.options.runTimeoutSeconds),
      contract: 'sync',
      input: JSON.stringify(input)
    })
    if (!run.ok) {
      const on = scriptHash ? `on the output of the preprocessing '${scriptHash}'` : 'on its Input'
      throw new ApiError(500, 'ModelError', `The model '${hash}' failed ${on}: ${this.failure(run)}`)
    }
    return run.response
  }

  /** POST /model/async/run: the one `input` file part; the model runs in the background. */
  async runAsync(group: string, hash: string, body: ParsedBody): Promise<ModelExecution> {
    const model = this.options.models.runnable(group, hash, 'Async')
    if (body.files.length === 0 && body.form.dataset_hash)
      throw badInput("The emulator takes the model's input as the file part 'input', not a 'dataset_hash'")
    const file = onePart(body.files, 'input')
    const input = await prepareInput(file)
    const id = String(++model.executions)
    const dataPath = path.join(this.options.dataDir, group, `${hash}.executions`, id)
    await mkdir(dataPath, { recursive: true })
    for (const { name, from } of input.files) await rename(from, path.join(dataPath, name))
    const inputFileName = input.inputFileName
    const execution: ModelExecution = { id, group, hash, status: 'Running', message: null, createdAt: new Date() }
    this.executions.push(execution)
    void this.finishAsync(model, execution, dataPath, inputFileName)
    return execution
  }

  /** Executions are addressed by group and id; ids count per model, so the most recent wins. */
  getExecution(group: string, id: string): ModelExecution {
    const execution = [...this.executions].reverse().find((e) => e.group === group && e.id === id)
    if (!execution) throw notFound(`No model execution '${id}' in group '${group}'`)
    return execution
  }

  /** An execution of this model (the describe route names the model too). */
  executionOf(group: string, hash: string, id: string): ModelExecution {
    this.options.models.get(group, hash)
    const execution = [...this.executions].reverse().find((e) => e.group === group && e.hash === hash && e.id === id)
    if (!execution) throw notFound(`No execution '${id}' of model '${hash}' in group '${group}'`)
    return execution
  }

  async result(group: string, id: string): Promise<Buffer> {
    const execution = this.getExecution(group, id)
    if (execution.status !== 'Succeeded' || !execution.resultPath)
      throw badInput(`Model execution '${id}' is ${execution.status}; a result exists only once it has Succeeded`)
    return readFile(execution.resultPath)
  }

  private async preprocessed(group: string, scriptHash: string, input: unknown): Promise<unknown> {
    try {
      return await this.options.preprocess(group, scriptHash, input)
    } catch (error) {
      const e = asApiError(error)
      if (e.status >= 500)
        throw new ApiError(e.status, 'PreprocessingError', `The preprocessing '${scriptHash}' failed: ${e.message}`)
      throw new ApiError(e.status, e.type, `The preprocessing '${scriptHash}' cannot run: ${e.message}`)
    }
  }

  private async finishAsync(
    model: Model,
    execution: ModelExecution,
    dataPath: string,
    inputFileName: string
  ): Promise<void> {
    const { python, timers, runTimeoutSeconds } = this.options
    const [run] = await Promise.all([
      python.runAsyncV1({ ...harnessCall(model, runTimeoutSeconds), contract: 'async-v1', dataPath, inputFileName }),
      timers.delay(MIN_RUNNING_MS)
    ])
    if (timers.closed) return
    let failure: string | null = null
    if (!run.ok || !run.outputFile) failure = this.failure(run)
    else {
      try {
        const resultPath = `${dataPath}.zip`
        await writeFile(resultPath, zipSync({ [path.basename(run.outputFile)]: await readFile(run.outputFile) }))
        execution.resultPath = resultPath
      } catch (error) {
        failure = `Cannot zip the output file: ${errorMessage(error)}`
      }
    }
    if (timers.closed) return
    execution.status = failure === null ? 'Succeeded' : 'Failed'
    execution.message = failure === null ? null : `The model '${model.hash}' failed: ${failure}`
  }

  /** A failed run's text: the traceback, the harness's reason, or the time limit. */
  private failure(run: HarnessOutcome): string {
    if (run.timedOut) return runTimedOut(this.options.runTimeoutSeconds)
    return run.traceback ?? run.problem ?? 'Execution failed'
  }
}
