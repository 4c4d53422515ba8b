/**
 * v2 executions: created on a Deployed script (E1), given an input per schema dataset (E2),
 * run in the background over DataFrames (E3), with a parquet result (E5).
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { UploadedFile } from '../http/body.js'
import { ApiError, badInput, errorMessage, notFound } from '../http/errors.js'
import type { ApiOptions } from '../api.js'
import { MIN_RUNNING_MS, runTimedOut } from '../script-rules.js'
import { datasetHash } from '../wire.js'
import type { Datasets } from './datasets.js'
import type { Dataset, ExecutionV2, ScriptV2 } from './model.js'
import { callV2, type ScriptsV2 } from './scripts.js'

export const OUTPUT_FILE = 'preprocessed_data.parquet'

const NO_PANDAS =
  'Install pandas for its Python (Debian: apt-get install python3-pandas) ' +
  'or start it with --python <a python with pandas>'

export type ExecutionsV2Options = Pick<ApiOptions, 'dataDir' | 'python' | 'timers' | 'runTimeoutSeconds'> & {
  scripts: ScriptsV2
  datasets: Datasets
}

export class ExecutionsV2 {
  constructor(private readonly options: ExecutionsV2Options) {}

  /** E1: ids count per script from 1. */
  create(hash: string): ExecutionV2 {
    const script = this.options.scripts.get(hash)
    if (script.status !== 'Deployed')
      throw new ApiError(409, 'ScriptNotDeployed', `Preprocessing '${hash}' is ${script.status}, not Deployed`)
    const execution: ExecutionV2 = {
      id: script.executions.length + 1,
      status: 'Requested',
      message: null,
      inputs: new Map(),
      createdAt: new Date()
    }
    script.executions.push(execution)
    return execution
  }

  get(hash: string, id: string): { script: ScriptV2; execution: ExecutionV2 } {
    const script = this.options.scripts.get(hash)
    const execution = /^\d+$/.test(id) ? script.executions[Number(id) - 1] : undefined
    if (!execution) throw notFound(`Execution '${id}' of preprocessing '${hash}' not found.`)
    return { script, execution }
  }

  /** E2: an input must carry one of the schema's dataset names. */
  async uploadInput(hash: string, id: string, form: Record<string, string>, files: UploadedFile[]): Promise<Dataset> {
    const { script, execution } = this.get(hash, id)
    if (execution.status !== 'Requested')
      throw alreadyRun(`Execution '${id}' is ${execution.status}: inputs can change only before it runs`)
    const dataset = await this.options.datasets.fromUpload(script.group, form, files, 'input')
    if (!script.schemas.has(dataset.name)) {
      throw badInput(
        `Input dataset '${dataset.name}' is not one of the schema's datasets ` +
          `(${[...script.schemas.keys()].join(', ')}); name it as its schema`
      )
    }
    execution.inputs.set(dataset.name, dataset)
    return dataset
  }

  /** E3: needs an input for every schema dataset; runs the entrypoint in the background. */
  async run(hash: string, id: string): Promise<void> {
    const { script, execution } = this.get(hash, id)
    if (execution.status !== 'Requested')
      throw alreadyRun(`Execution '${id}' is ${execution.status}; create a new execution to run again`)
    const missing = [...script.schemas.keys()].filter((name) => !execution.inputs.has(name))
    if (missing.length > 0)
      throw badInput(
        `Execution '${id}' has no input for dataset(s) ${missing.join(', ')}: upload them (PATCH /input) first`
      )
    const folder = path.join(this.options.dataDir, script.group, `${hash}.executions`, String(execution.id))
    await mkdir(folder, { recursive: true })
    execution.status = 'Running'
    void this.finish(script, execution, path.join(folder, OUTPUT_FILE))
  }

  /** E5: the parquet file, once Succeeded. */
  resultFile(hash: string, id: string): string {
    const { execution } = this.get(hash, id)
    if (execution.status !== 'Succeeded' || !execution.output?.file) {
      throw badInput(`Execution '${id}' is ${execution.status}; a result exists only once it has Succeeded`)
    }
    return execution.output.file
  }

  private async finish(script: ScriptV2, execution: ExecutionV2, outputParquet: string): Promise<void> {
    const { python, timers, runTimeoutSeconds, datasets } = this.options
    const inputs = [...execution.inputs].map(([name, dataset]) => ({ name, path: dataset.file ?? '' }))
    let failure: string | null = null
    try {
      const [run] = await Promise.all([
        python.runDataFrames({ ...callV2(script, runTimeoutSeconds), datasets: inputs, outputParquet }),
        timers.delay(MIN_RUNNING_MS)
      ])
      if (run.skipped) failure = `The emulator cannot run DataFrame entrypoints: ${run.skipped}. ${NO_PANDAS}`
      else if (run.timedOut) failure = runTimedOut(runTimeoutSeconds)
      else if (!run.ok) failure = run.traceback?.trim() || `Execution failed${run.output ? `: ${run.output}` : ''}`
      else {
        execution.rows = run.rows
        execution.columns = run.columns
      }
    } catch (error) {
      failure = `Execution crashed: ${errorMessage(error)}`
    }
    if (timers.closed) return
    if (failure === null) {
      execution.output = datasets.add({
        hash: datasetHash(),
        name: OUTPUT_FILE,
        group: script.group,
        file: outputParquet
      })
      execution.status = 'Succeeded'
    } else {
      execution.status = 'Failed'
      execution.message = failure
    }
  }
}

const alreadyRun = (message: string): ApiError => new ApiError(409, 'ExecutionAlreadyRun', message)
