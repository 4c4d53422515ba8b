/**
 * Today's Async preprocessing (contract mlops-current-api.md §5): register, one upload per
 * artefact, host, executions over named datasets with a parquet result. Its scripts and
 * datasets live apart from the v1 ones (state.ts), so each API finds only its own hashes.
 * It knows nothing about HTTP routing; routes-v2.ts maps requests onto it.
 */
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { ApiError, badInput, errorMessage, notFound, type UploadedFile } from './http.js'
import {
  checkPythonVersion,
  checkScriptName,
  harnessPythonVersion,
  hex,
  MIN_RUNNING_MS,
  sourceFileName,
  type State
} from './state.js'
import type { EmulatorCall, PythonRunner } from './python.js'
import { Timers } from './timers.js'
import type { ScriptSummary } from './types.js'

export type ScriptStateV2 = 'Ready' | 'Building' | 'Deployed' | 'Failed'
export type ExecutionStateV2 = 'Requested' | 'Running' | 'Succeeded' | 'Failed'

/** The dataset formats a schema, an input or an output may have (by file extension). */
export const DATASET_FORMATS: readonly string[] = ['.csv', '.json', '.parquet']
const OUTPUT_FILE = 'preprocessed_data.parquet'

export interface Dataset {
  hash: string
  name: string
  group: string
  /** The stored file; undefined for the dataset a build generates (it has no content here). */
  file?: string
}

export interface ExecutionV2 {
  id: number
  status: ExecutionStateV2
  message: string | null
  /** Input datasets by dataset name. */
  inputs: Map<string, Dataset>
  output?: Dataset
  rows?: number
  columns?: string[]
  createdAt: Date
}

export interface ScriptV2 {
  hash: string
  group: string
  name: string
  pythonVersion?: string
  reference?: string
  /** 'script.py' or 'notebook.ipynb' once the script file is uploaded. */
  sourceFile?: string
  hasRequirements: boolean
  /** Files stored in `dir` (source, requirements, .env, extras). */
  files: Set<string>
  /** Schema datasets by dataset name. */
  schemas: Map<string, Dataset>
  /** The dataset a successful build generates (T's DatasetHash). */
  generated?: Dataset
  dir: string
  status: ScriptStateV2
  message: string | null
  uploadedAt: Date
  executions: ExecutionV2[]
  buildGeneration: number
}

export interface PreprocessingV2Options {
  dataDir: string
  runTimeoutSeconds: number
  /** The shared harness (python/harness.py), called with the v2 DataFrame contract. */
  python: Pick<PythonRunner, 'buildCheck' | 'runDataFrames'>
}

const datasetHash = (): string => 'D' + hex(63)

/** A file name that may be stored as given (no folders, not hidden, not '.' or '..'). */
function plainFileName(name: string, field: string): string {
  if (!name || name !== path.basename(name) || name.startsWith('.') || /[\\/]/.test(name)) {
    throw badInput(`'${field}' must be a plain file name (no folders, not starting with '.'), not '${name}'`)
  }
  return name
}

function datasetFormat(file: UploadedFile): string {
  const extension = path.extname(file.filename).toLowerCase()
  if (!DATASET_FORMATS.includes(extension)) {
    throw badInput(`The '${file.part}' file must be ${DATASET_FORMATS.join(', ')}, not '${file.filename}'`)
  }
  return extension
}

export class PreprocessingV2 {
  private readonly scripts = new Map<string, ScriptV2>()
  private readonly datasets = new Map<string, Dataset>()
  private readonly timers = new Timers()
  private closed = false

  constructor(
    private readonly state: State,
    private readonly options: PreprocessingV2Options
  ) {}

  close(): void {
    this.closed = true
    this.timers.clear()
  }

  summaries(): ScriptSummary[] {
    return [...this.scripts.values()].map((s) => ({
      api: 'v2',
      group: s.group,
      hash: s.hash,
      name: s.name,
      operation: 'Async',
      status: s.status,
      dir: s.dir,
      files: [...s.files]
    }))
  }

  // --- register and uploads -------------------------------------------------------------

  /** R: the body is JSON {"Name", "Operation": "Async"}. */
  async register(group: string, raw: Buffer): Promise<ScriptV2> {
    this.state.checkGroup(group)
    let body: unknown
    try {
      body = JSON.parse(raw.toString('utf8'))
    } catch {
      throw badInput('The body must be JSON: {"Name": "<name>", "Operation": "Async"}')
    }
    const { Name: name, Operation: operation } = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >
    if (typeof name !== 'string' || !name.trim()) throw badInput("The JSON body needs 'Name', a non-empty string")
    checkScriptName(name)
    if (operation !== 'Async') {
      throw badInput(
        `'Operation' must be 'Async' (v2 preprocessing is Async only; register Sync scripts with /preprocessing/register), not ${JSON.stringify(operation)}`
      )
    }
    const hash = 'S' + hex(63)
    const dir = path.join(this.options.dataDir, group, hash)
    await mkdir(dir, { recursive: true })
    const script: ScriptV2 = {
      hash,
      group,
      name,
      hasRequirements: false,
      files: new Set(),
      schemas: new Map(),
      dir,
      status: 'Ready',
      message: null,
      uploadedAt: new Date(),
      executions: [],
      buildGeneration: 0
    }
    this.scripts.set(hash, script)
    return script
  }

  /** The v2 script `hash`, or the 404 the real server answers for any other hash (a v1 one too). */
  getScript(hash: string): ScriptV2 {
    const script = this.scripts.get(hash)
    if (!script) throw notFound(`Preprocessing hash '${hash}' not found.`)
    return script
  }

  /** A script whose files may still change: uploads end when it is hosted. */
  private editableScript(hash: string): ScriptV2 {
    const script = this.getScript(hash)
    if (script.status === 'Building' || script.status === 'Deployed') {
      throw new ApiError(
        409,
        'ScriptAlreadyHosted',
        `Preprocessing '${hash}' is ${script.status}: its files cannot change once it is hosted`
      )
    }
    return script
  }

  /** S: a named schema dataset from a file, or an existing dataset by hash. Same name again replaces it. */
  async uploadSchema(hash: string, form: Record<string, string>, files: UploadedFile[]): Promise<Dataset> {
    const script = this.editableScript(hash)
    const dataset = await this.datasetFrom(script.group, form, files, 'schema_file')
    script.schemas.set(dataset.name, dataset)
    return dataset
  }

  /** F: the source, its entrypoint and Python version. */
  async uploadScript(hash: string, form: Record<string, string>, files: UploadedFile[]): Promise<void> {
    const script = this.editableScript(hash)
    const file = this.onePart(files, 'script')
    const reference = form.preprocess_reference?.trim()
    const version = form.python_version
    if (!reference || !version)
      throw badInput("Form fields 'preprocess_reference' and 'python_version' are required with the 'script' file")
    checkPythonVersion(version)
    const stored = sourceFileName(file)
    if (script.sourceFile) {
      script.files.delete(script.sourceFile)
      await rm(path.join(script.dir, script.sourceFile), { force: true })
    }
    await this.store(script, file, stored)
    Object.assign(script, { sourceFile: stored, reference, pythonVersion: version })
  }

  /** Q, V, X: requirements.txt, .env and extra files, stored beside the source. */
  async uploadFile(
    hash: string,
    kind: 'requirements' | 'env' | 'extra',
    form: Record<string, string>,
    files: UploadedFile[]
  ): Promise<string> {
    const script = this.editableScript(hash)
    const part = kind === 'extra' ? 'extra_file' : kind
    const file = this.onePart(files, part)
    let stored: string
    if (kind === 'requirements') stored = 'requirements.txt'
    else if (kind === 'env') stored = '.env'
    else {
      stored = plainFileName(form.extra_file_name?.trim() || file.filename, 'extra_file_name')
      if (['script.py', 'notebook.ipynb', 'requirements.txt'].includes(stored))
        throw badInput(`An extra file may not be called '${stored}'`)
    }
    await this.store(script, file, stored)
    if (kind === 'requirements') script.hasRequirements = true
    return stored
  }

  private onePart(files: UploadedFile[], part: string): UploadedFile {
    const matching = files.filter((f) => f.part === part)
    if (matching.length !== 1)
      throw badInput(
        matching.length === 0
          ? `Missing file part '${part}'`
          : `File part '${part}' was sent ${matching.length} times; send it once`
      )
    return matching[0]
  }

  private async store(script: ScriptV2, file: UploadedFile, storedAs: string): Promise<void> {
    await rename(file.tempPath, path.join(script.dir, storedAs))
    script.files.add(storedAs)
  }

  /** A dataset from a multipart file part + dataset_name, or from form dataset_hash (reuse). */
  private async datasetFrom(
    group: string,
    form: Record<string, string>,
    files: UploadedFile[],
    part: string
  ): Promise<Dataset> {
    const reused = form.dataset_hash?.trim()
    if (reused) {
      const dataset = this.datasets.get(reused)
      if (!dataset?.file) throw notFound(`Dataset hash '${reused}' not found.`)
      return dataset
    }
    const file = this.onePart(files, part)
    const name = form.dataset_name?.trim()
    if (!name)
      throw badInput(`Form field 'dataset_name' is required with the '${part}' file (or send 'dataset_hash' instead)`)
    if (name.length > 255) throw badInput(`'dataset_name' must be at most 255 characters; it has ${name.length}`)
    const extension = datasetFormat(file)
    const hash = datasetHash()
    // '.datasets': no group can be called so (group names may not start with '.').
    const dir = path.join(this.options.dataDir, '.datasets', hash)
    await mkdir(dir, { recursive: true })
    const stored = path.join(dir, `dataset${extension}`)
    await rename(file.tempPath, stored)
    const dataset: Dataset = { hash, name, group, file: stored }
    this.datasets.set(hash, dataset)
    return dataset
  }

  // --- host and build --------------------------------------------------------------------

  /** H: checks every needed upload is there, then builds in the background (like v1's host). */
  host(hash: string, hang: boolean, buildSeconds: number, buildFails: boolean): void {
    const script = this.getScript(hash)
    if (script.status === 'Building') return
    const missing = [
      ...(script.schemas.size === 0 ? ['at least one schema (PATCH /schema)'] : []),
      ...(script.sourceFile ? [] : ['the script (PATCH /script-file)']),
      ...(script.hasRequirements ? [] : ['the requirements (PATCH /requirements-file)'])
    ]
    if (missing.length > 0)
      throw badInput(`Preprocessing '${hash}' cannot be hosted yet: upload ${missing.join(', ')} first`)
    script.status = 'Building'
    script.message = null
    script.generated = undefined
    const generation = ++script.buildGeneration
    if (hang) return
    const outcome: Promise<string | null> = buildFails
      ? Promise.resolve('Build failed: every build fails (emulator option buildFails)')
      : this.buildProblem(script)
    void Promise.all([outcome, this.timers.delay(buildSeconds * 1000)]).then(([problem]) => {
      if (this.closed || generation !== script.buildGeneration) return
      if (problem === null) {
        script.status = 'Deployed'
        script.generated = { hash: datasetHash(), name: `${script.name} build`, group: script.group }
        this.datasets.set(script.generated.hash, script.generated)
      } else {
        script.status = 'Failed'
        script.message = problem
      }
    })
  }

  private async buildProblem(script: ScriptV2): Promise<string | null> {
    try {
      const check = await this.options.python.buildCheck(this.call(script))
      if (check.timedOut) return `Build check timed out after ${this.options.runTimeoutSeconds} s`
      if (check.ok) return null
      return [check.problem ?? 'Build check failed', check.traceback].filter(Boolean).join('\n')
    } catch (error) {
      return `Build check crashed: ${errorMessage(error)}`
    }
  }

  private call(script: ScriptV2): EmulatorCall {
    return {
      folder: script.dir,
      sourceFile: script.sourceFile!,
      entrypoint: script.reference!,
      contract: 'async-v2',
      pythonVersion: harnessPythonVersion(script.pythonVersion!),
      timeoutMs: this.options.runTimeoutSeconds * 1000
    }
  }

  // --- executions ------------------------------------------------------------------------

  /** E1: ids count per script from 1. */
  createExecution(hash: string): ExecutionV2 {
    const script = this.getScript(hash)
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

  getExecution(hash: string, id: string): { script: ScriptV2; execution: ExecutionV2 } {
    const script = this.getScript(hash)
    const execution = /^\d+$/.test(id) ? script.executions[Number(id) - 1] : undefined
    if (!execution) throw notFound(`Execution '${id}' of preprocessing '${hash}' not found.`)
    return { script, execution }
  }

  /** E2: an input must carry one of the schema's dataset names. */
  async uploadInput(hash: string, id: string, form: Record<string, string>, files: UploadedFile[]): Promise<Dataset> {
    const { script, execution } = this.getExecution(hash, id)
    if (execution.status !== 'Requested')
      throw new ApiError(
        409,
        'ExecutionAlreadyRun',
        `Execution '${id}' is ${execution.status}: inputs can change only before it runs`
      )
    const dataset = await this.datasetFrom(script.group, form, files, 'input')
    if (!script.schemas.has(dataset.name)) {
      throw badInput(
        `Input dataset '${dataset.name}' is not one of the schema's datasets (${[...script.schemas.keys()].join(', ')}); name it as its schema`
      )
    }
    execution.inputs.set(dataset.name, dataset)
    return dataset
  }

  /** E3: needs an input for every schema dataset; runs the entrypoint in the background. */
  async run(hash: string, id: string): Promise<void> {
    const { script, execution } = this.getExecution(hash, id)
    if (execution.status !== 'Requested')
      throw new ApiError(
        409,
        'ExecutionAlreadyRun',
        `Execution '${id}' is ${execution.status}; create a new execution to run again`
      )
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

  private async finish(script: ScriptV2, execution: ExecutionV2, outputParquet: string): Promise<void> {
    const datasets = [...execution.inputs].map(([name, dataset]) => ({ name, path: dataset.file! }))
    let failure: string | null = null
    try {
      const [run] = await Promise.all([
        this.options.python.runDataFrames({ ...this.call(script), datasets, outputParquet }),
        this.timers.delay(MIN_RUNNING_MS)
      ])
      if (run.skipped)
        failure = `The emulator cannot run DataFrame entrypoints: ${run.skipped}. Install pandas for its Python (Debian: apt-get install python3-pandas) or start it with --python <a python with pandas>`
      else if (run.timedOut) failure = `Execution timed out after ${this.options.runTimeoutSeconds} s`
      else if (!run.ok) failure = run.traceback?.trim() || `Execution failed${run.output ? `: ${run.output}` : ''}`
      else {
        execution.rows = run.rows
        execution.columns = run.columns
      }
    } catch (error) {
      failure = `Execution crashed: ${errorMessage(error)}`
    }
    if (this.closed) return
    if (failure === null) {
      execution.output = { hash: datasetHash(), name: OUTPUT_FILE, group: script.group, file: outputParquet }
      this.datasets.set(execution.output.hash, execution.output)
      execution.status = 'Succeeded'
    } else {
      execution.status = 'Failed'
      execution.message = failure
    }
  }

  /** E5: the parquet file, once Succeeded. */
  resultFile(hash: string, id: string): string {
    const { execution } = this.getExecution(hash, id)
    if (execution.status !== 'Succeeded' || !execution.output?.file) {
      throw badInput(`Execution '${id}' is ${execution.status}; a result exists only once it has Succeeded`)
    }
    return execution.output.file
  }

  // --- list --------------------------------------------------------------------------------

  /** The list's filters: state (any case), group (exact), uploaded between two instants. */
  list(filters: { state?: string; group?: string; from?: Date; to?: Date }): ScriptV2[] {
    return [...this.scripts.values()].filter(
      (s) =>
        (!filters.state || s.status.toLowerCase() === filters.state.toLowerCase()) &&
        (!filters.group || s.group === filters.group) &&
        (!filters.from || s.uploadedAt >= filters.from) &&
        (!filters.to || s.uploadedAt <= filters.to)
    )
  }
}
