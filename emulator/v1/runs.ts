/** The v1 runs: Sync (R1) answers the entrypoint's value; Async (R2) runs in the background (E1, E2). */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { zipSync } from 'fflate'
import type { HarnessOutcome } from '../../src/harness/index.js'
import { parseJson, type UploadedFile } from '../http/body.js'
import { ApiError, badInput, errorMessage, notFound } from '../http/errors.js'
import type { ApiOptions } from '../api.js'
import { harnessCall, MIN_RUNNING_MS, runTimedOut } from '../script-rules.js'
import type { Operation } from '../types.js'
import { datasetHash } from '../wire.js'
import type { Logs, OutputType } from './logs.js'
import type { Script, Scripts } from './scripts.js'

export interface Execution {
  id: string
  group: string
  hash: string
  datasetHash: string
  status: 'Running' | 'Succeeded' | 'Failed'
  message: string | null
  /** The zipped output once Succeeded. */
  resultPath?: string
}

export type RunsV1Options = Pick<ApiOptions, 'dataDir' | 'python' | 'timers' | 'runTimeoutSeconds'> & {
  scripts: Scripts
  logs: Logs
}

export class Runs {
  private readonly executions: Execution[] = []

  constructor(private readonly options: RunsV1Options) {}

  /** R1: runs the entrypoint on the body's Input and returns its (JSON) value. */
  async runSync(group: string, hash: string, rawBody: Buffer): Promise<unknown> {
    const script = this.deployedScript(group, hash, 'Sync')
    const body = parseJson(rawBody, 'The body must be JSON: {"Input": ...}')
    if (typeof body !== 'object' || body === null || !('Input' in body))
      throw badInput('The body must be a JSON object with an "Input" key')
    const run = await this.options.python.runSync({
      ...harnessCall(script, this.options.runTimeoutSeconds),
      contract: 'sync',
      input: JSON.stringify(body.Input)
    })
    if (run.output) this.log(script, 'Debug', run.output)
    if (!run.ok) {
      const message = run.traceback ?? this.noResultMessage(run)
      this.log(script, 'Error', message)
      throw new ApiError(500, 'ExecutionError', message)
    }
    this.log(script, 'Ok', 'Sync run succeeded')
    return run.response
  }

  /** R2: stores the dataset and starts the execution in the background. */
  async runAsync(group: string, hash: string, files: UploadedFile[]): Promise<Execution> {
    const script = this.deployedScript(group, hash, 'Async')
    const dataset = files.find((f) => f.part === 'dataset')
    if (!dataset) throw badInput("Missing file part 'dataset'")
    const id = String(++script.executions)
    // Beside the script folder, not in it: the entrypoint's extra_path stays as uploaded.
    const dataPath = path.join(this.options.dataDir, group, `${hash}.executions`, id)
    await mkdir(dataPath, { recursive: true })
    const inputFileName = dataset.filename || 'dataset'
    await rename(dataset.tempPath, path.join(dataPath, inputFileName))
    const execution: Execution = { id, group, hash, datasetHash: datasetHash(), status: 'Running', message: null }
    this.executions.push(execution)
    this.log(script, 'Ok', `Execution '${id}' started on '${inputFileName}'`)
    void this.finishAsync(script, execution, dataPath, inputFileName)
    return execution
  }

  /**
   * E1/E2 name an execution by group and id only, but ids count per script, so two
   * scripts of a group can share one: the most recent execution wins.
   */
  getExecution(group: string, id: string): Execution {
    const execution = [...this.executions].reverse().find((e) => e.group === group && e.id === id)
    if (!execution) throw notFound(`No execution '${id}' in group '${group}'`)
    return execution
  }

  /** E2: the zipped output, once Succeeded. */
  async result(group: string, id: string): Promise<Buffer> {
    const execution = this.getExecution(group, id)
    if (execution.status !== 'Succeeded' || !execution.resultPath) {
      throw badInput(`Execution '${id}' is ${execution.status}; a result exists only once it has Succeeded`)
    }
    return readFile(execution.resultPath)
  }

  private deployedScript(group: string, hash: string, operation: Operation): Script {
    const script = this.options.scripts.get(group, hash)
    if (script.operation !== operation) throw badInput(`Script '${hash}' is ${script.operation}, not ${operation}`)
    if (script.status !== 'Deployed')
      throw new ApiError(409, 'ScriptNotDeployed', `Script '${hash}' is ${script.status}, not Deployed`)
    return script
  }

  private async finishAsync(
    script: Script,
    execution: Execution,
    dataPath: string,
    inputFileName: string
  ): Promise<void> {
    const { python, timers, runTimeoutSeconds } = this.options
    const [run] = await Promise.all([
      python.runAsyncV1({ ...harnessCall(script, runTimeoutSeconds), contract: 'async-v1', dataPath, inputFileName }),
      timers.delay(MIN_RUNNING_MS)
    ])
    if (timers.closed) return
    if (run.output) this.log(script, 'Debug', run.output)
    let failure: string | null = null
    if (!run.ok || !run.outputFile) {
      if (run.traceback) this.log(script, 'Error', run.traceback)
      failure = run.problem ?? this.noResultMessage(run)
    } else {
      try {
        const output = run.outputFile
        const resultPath = `${dataPath}.zip`
        await writeFile(resultPath, zipSync({ [path.basename(output)]: await readFile(output) }))
        execution.resultPath = resultPath
      } catch (error) {
        failure = `Cannot zip the output file: ${errorMessage(error)}`
      }
    }
    if (timers.closed) return
    if (failure === null) {
      execution.status = 'Succeeded'
      this.log(script, 'Ok', `Execution '${execution.id}' succeeded`)
    } else {
      execution.status = 'Failed'
      execution.message = failure
      this.log(script, 'Error', `Execution '${execution.id}' failed: ${failure}`)
    }
  }

  /** A failed run without a traceback: killed at the time limit, or the harness's reason. */
  private noResultMessage(run: HarnessOutcome): string {
    return run.timedOut ? runTimedOut(this.options.runTimeoutSeconds) : (run.problem ?? 'Execution failed')
  }

  private log(script: Script, type: OutputType, text: string): void {
    this.options.logs.add(script.hash, 'Run', type, text)
  }
}
