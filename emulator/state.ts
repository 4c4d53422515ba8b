/**
 * The emulated server's state and behaviour: users, groups, scripts, builds, runs and
 * logs. It knows nothing about HTTP routing; routes.ts maps requests onto it.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { zipSync } from 'fflate'
import { ApiError, badInput, errorMessage, notFound, type UploadedFile } from './http.js'
import { unpinnedRequirements, type PythonResult, type PythonRunner } from './python.js'
import { Timers } from './timers.js'
import type { Operation, ScriptSummary } from './types.js'

export type ScriptStatus = 'Ready' | 'Building' | 'Deployed' | 'Failed'
export type ExecutionStatus = 'Running' | 'Succeeded' | 'Failed'
export type Routine = 'Host' | 'Run'
export type OutputType = 'Ok' | 'Error' | 'Debug' | 'Warning'

export const ROUTINES: readonly Routine[] = ['Host', 'Run']
export const OUTPUT_TYPES: readonly OutputType[] = ['Ok', 'Error', 'Debug', 'Warning']
export const PYTHON_VERSIONS: readonly string[] = ['Python38', 'Python39', 'Python310']
/** Shortest time an async execution stays Running, so a polling client can see it. */
export const MIN_RUNNING_MS = 600

export interface Script {
  hash: string
  group: string
  name: string
  operation: Operation
  pythonVersion: string
  scriptReference: string
  /** 'script.py' or 'notebook.ipynb'. */
  sourceFile: string
  /** Stored file names, all directly in `dir`. */
  files: string[]
  dir: string
  status: ScriptStatus
  message: string | null
  uploadedAt: Date
  /** Last execution id handed out (ids count per script from 1). */
  executions: number
  /** Bumped on each host call, so a superseded build cannot overwrite a newer one. */
  buildGeneration: number
}

export interface Execution {
  id: string
  group: string
  hash: string
  datasetHash: string
  status: ExecutionStatus
  message: string | null
  /** The zipped output once Succeeded. */
  resultPath?: string
}

export interface LogEntry {
  Hash: string
  RegisteredAt: string
  OutputType: OutputType
  OutputData: string
  Routine: Routine
}

interface StoredLog {
  entry: LogEntry
  at: Date
}

export interface StateOptions {
  dataDir: string
  users: Record<string, string>
  /** The one tenant this server serves. */
  tenant: string
  /** Refuse a login whose form has no (or an empty) tenant field. */
  requireTenant: boolean
  groups: Record<string, string>
  tokenLifetimeSeconds: number
  runTimeoutSeconds: number
  buildSeconds: number
  buildFails: boolean
  python: PythonRunner
}

export const hex = (chars: number): string =>
  randomBytes(Math.ceil(chars / 2))
    .toString('hex')
    .slice(0, chars)

/** The real server's timestamp format: ISO 8601 with 7 fractional digits and Z. */
export const timestamp = (date: Date): string => date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z')

export function checkScriptName(name: string): void {
  if (name.length >= 32) throw badInput(`'name' must be under 32 characters; it has ${name.length}`)
}

export function checkPythonVersion(version: string): void {
  if (!PYTHON_VERSIONS.includes(version))
    throw badInput(`'python_version' must be one of ${PYTHON_VERSIONS.join(', ')}, not '${version}'`)
}

/** A register's python_version as the harness takes it: 'Python310' -> '3.10'. */
export const harnessPythonVersion = (version: string): string => version.replace(/^Python3/, '3.')

/** Where an uploaded script is stored: 'script.py' or 'notebook.ipynb', whatever it was called. */
export function sourceFileName(file: UploadedFile): string {
  if (file.filename.endsWith('.py')) return 'script.py'
  if (file.filename.endsWith('.ipynb')) return 'notebook.ipynb'
  throw badInput(`The '${file.part}' file must be a .py script or an .ipynb notebook, not '${file.filename}'`)
}

export class State {
  buildSeconds: number
  buildFails: boolean
  private readonly users: Map<string, string>
  private readonly groups = new Map<string, { description: string; token: string; createdAt: Date }>()
  private readonly userTokens = new Map<string, { user: string; expiresAt: number }>()
  private readonly scriptsByHash = new Map<string, Script>()
  private readonly executions: Execution[] = []
  private readonly logs: StoredLog[] = []
  private readonly timers = new Timers()
  private closed = false

  constructor(private readonly options: StateOptions) {
    this.buildSeconds = options.buildSeconds
    this.buildFails = options.buildFails
    this.users = new Map(Object.entries(options.users))
    for (const [name, token] of Object.entries(options.groups)) {
      this.groups.set(name, { description: 'Created by the emulator at start-up', token, createdAt: new Date() })
    }
  }

  /** Stops timers so nothing changes state after close (Python processes are killed by the caller). */
  close(): void {
    this.closed = true
    this.timers.clear()
  }

  private delay(ms: number): Promise<void> {
    return this.timers.delay(ms)
  }

  // --- auth ---------------------------------------------------------------------------

  /** L: an absent or empty tenant means the default one, unless requireTenant. */
  login(user: string | undefined, password: string | undefined, tenant: string | undefined): string {
    if (!user || !password) throw badInput("Form fields 'user' and 'password' are required")
    if (!tenant && this.options.requireTenant)
      throw new ApiError(401, 'InvalidCredentials', "This server needs the login form field 'tenant'")
    if (tenant && tenant !== this.options.tenant)
      throw new ApiError(401, 'InvalidCredentials', `Unknown tenant '${tenant}'`)
    if (this.users.get(user) !== password) throw new ApiError(401, 'InvalidCredentials', 'Invalid user or password')
    const token = randomBytes(36).toString('base64url')
    this.userTokens.set(token, { user, expiresAt: Date.now() + this.options.tokenLifetimeSeconds * 1000 })
    return token
  }

  /** Throws the 401 a management call answers unless `token` is a live user token. */
  checkUserToken(token: string | undefined): void {
    if (!token) throw new ApiError(401, 'InvalidBearerToken', 'Missing bearer token: log in first')
    const session = this.userTokens.get(token)
    if (!session) throw new ApiError(401, 'InvalidBearerToken', 'Unknown bearer token')
    if (session.expiresAt <= Date.now())
      throw new ApiError(401, 'InvalidBearerToken', 'The bearer token has expired: log in again')
  }

  /** Throws the 401 a run call answers unless `token` is the group's token. */
  checkGroupToken(group: string, token: string | undefined): void {
    if (!token) throw new ApiError(401, 'InvalidBearerToken', `Missing bearer token: send group '${group}''s token`)
    if (this.groups.get(group)?.token !== token)
      throw new ApiError(401, 'InvalidBearerToken', `The bearer token is not the token of group '${group}'`)
  }

  /** What kind of token this is, without an endpoint in mind (for the request record). */
  tokenKind(token: string | undefined): 'none' | 'user' | 'group' | 'invalid' {
    if (!token) return 'none'
    const session = this.userTokens.get(token)
    if (session && session.expiresAt > Date.now()) return 'user'
    for (const group of this.groups.values()) if (group.token === token) return 'group'
    return 'invalid'
  }

  // --- groups -------------------------------------------------------------------------

  /** Throws the 404 a call naming an unknown group answers (names are exact: no normalising). */
  checkGroup(name: string): void {
    if (!this.groups.has(name)) throw notFound(`Group '${name}' does not exist`)
  }

  listGroups(): Array<{ Name: string; Description: string; CreatedAt: string }> {
    return [...this.groups].map(([name, g]) => ({
      Name: name,
      Description: g.description,
      CreatedAt: timestamp(g.createdAt)
    }))
  }

  createGroup(name: string | undefined, description: string | undefined): string {
    if (!name) throw badInput("Form field 'name' is required")
    // The name becomes a folder under dataDir.
    if (/[/\\]/.test(name) || name.startsWith('.'))
      throw badInput(`Group name '${name}' may not contain '/' or '\\' or start with '.'`)
    // 400, as the server neomaril-codex 2.1.1 spoke to (its create_group() reads 400 as
    // "already exists" and returns False); later servers answer 409.
    if (this.groups.has(name)) throw badInput(`Group '${name}' already exists`)
    const token = hex(32)
    this.groups.set(name, { description: description ?? '', token, createdAt: new Date() })
    return token
  }

  // --- scripts ------------------------------------------------------------------------

  summaries(): ScriptSummary[] {
    return [...this.scriptsByHash.values()].map((s) => ({
      api: 'v1',
      group: s.group,
      hash: s.hash,
      name: s.name,
      operation: s.operation,
      status: s.status,
      dir: s.dir,
      files: [...s.files]
    }))
  }

  /** Validates a register form, then moves its staged files into the script's folder. */
  async register(group: string, form: Record<string, string>, files: UploadedFile[]): Promise<Script> {
    this.checkGroup(group)
    const missing = [
      ...['name', 'script_reference', 'operation', 'python_version']
        .filter((field) => !form[field]?.trim())
        .map((f) => `field '${f}'`),
      ...['source', 'requirements', 'schema']
        .filter((part) => !files.some((f) => f.part === part))
        .map((p) => `file '${p}'`)
    ]
    if (missing.length > 0) throw badInput(`Missing required ${missing.join(', ')}`)
    const { name, script_reference: scriptReference, operation, python_version: pythonVersion } = form
    checkScriptName(name)
    if (operation !== 'Sync' && operation !== 'Async')
      throw badInput(`'operation' must be 'Sync' or 'Async', not '${operation}'`)
    checkPythonVersion(pythonVersion)

    const placed = files.map((file) => ({ file, storedAs: this.storedName(file) }))
    for (const part of ['source', 'requirements', 'schema', 'env']) {
      const count = files.filter((f) => f.part === part).length
      if (count > 1) throw badInput(`File part '${part}' was sent ${count} times; send it once`)
    }
    const names = placed.map((p) => p.storedAs)
    const clash = names.find((n, i) => names.indexOf(n) !== i)
    if (clash) throw badInput(`Two uploaded files would both be stored as '${clash}'`)

    const hash = 'S' + hex(63)
    const dir = path.join(this.options.dataDir, group, hash)
    await mkdir(dir, { recursive: true })
    for (const { file, storedAs } of placed) await rename(file.tempPath, path.join(dir, storedAs))
    const script: Script = {
      hash,
      group,
      name,
      operation,
      pythonVersion,
      scriptReference: scriptReference.trim(),
      sourceFile: names[files.findIndex((f) => f.part === 'source')],
      files: names,
      dir,
      status: 'Ready',
      message: null,
      uploadedAt: new Date(),
      executions: 0,
      buildGeneration: 0
    }
    this.scriptsByHash.set(hash, script)
    return script
  }

  /** The file name a register part is stored under in the script's folder (§3 of the contract). */
  private storedName(file: UploadedFile): string {
    switch (file.part) {
      case 'source':
        return sourceFileName(file)
      case 'requirements':
        return 'requirements.txt'
      case 'env':
        return '.env'
      case 'schema':
      case 'extra':
        if (!file.filename || file.filename === '.' || file.filename === '..')
          throw badInput(`The '${file.part}' file part needs a file name`)
        return file.filename
      default:
        throw badInput(`Unknown file part '${file.part}' (expected source, requirements, schema, env, extra)`)
    }
  }

  getScript(group: string, hash: string): Script {
    const script = this.scriptsByHash.get(hash)
    if (!script || script.group !== group) throw notFound(`No script '${hash}' in group '${group}'`)
    return script
  }

  findScript(hash: string): Script {
    const script = this.scriptsByHash.get(hash)
    if (!script) throw notFound(`No script '${hash}'`)
    return script
  }

  search(filters: { name?: string; state?: string; group?: string }): Script[] {
    const name = filters.name?.toLowerCase()
    return [...this.scriptsByHash.values()].filter(
      (s) =>
        (!name || s.name.toLowerCase().includes(name)) &&
        (!filters.state || s.status.toLowerCase() === filters.state.toLowerCase()) &&
        (!filters.group || s.group === filters.group)
    )
  }

  // --- build --------------------------------------------------------------------------

  /**
   * Starts a build (P2). The status is Building as soon as this returns, and turns
   * terminal only when both the build check and `buildSeconds` are over.
   * With `hang` (the 'hang-build' fault) it stays Building for good.
   */
  host(group: string, hash: string, operation: string, hang: boolean): void {
    const script = this.getScript(group, hash)
    if (operation.toLowerCase() !== script.operation.toLowerCase()) {
      throw badInput(
        `Script '${hash}' is ${script.operation}; host it with /preprocessing/${script.operation.toLowerCase()}/host`
      )
    }
    // A second host call while building just confirms the running build.
    if (script.status === 'Building') return
    script.status = 'Building'
    script.message = null
    const generation = ++script.buildGeneration
    this.log(script, 'Host', 'Ok', 'Build started')
    if (hang) return
    const outcome = this.buildFails
      ? Promise.resolve({
          message: 'Build failed: every build fails (emulator option buildFails)',
          logs: [] as Array<[OutputType, string]>
        })
      : this.buildCheck(script)
    void Promise.all([outcome, this.delay(this.buildSeconds * 1000)]).then(([result]) => {
      if (this.closed || generation !== script.buildGeneration) return
      for (const [type, text] of result.logs) this.log(script, 'Host', type, text)
      if (result.message === null) {
        script.status = 'Deployed'
        this.log(script, 'Host', 'Ok', 'Build succeeded: the script is deployed')
      } else {
        script.status = 'Failed'
        script.message = result.message
        this.log(script, 'Host', 'Error', result.message)
      }
    })
  }

  /** The harness's build check; `message` is null on success, else the failure's summary. */
  private async buildCheck(script: Script): Promise<{ message: string | null; logs: Array<[OutputType, string]> }> {
    const run = await this.options.python.buildCheck({
      ...this.harnessCall(script),
      contract: script.operation === 'Sync' ? 'sync' : 'async-v1'
    })
    const logs: Array<[OutputType, string]> = (
      await unpinnedRequirements(path.join(script.dir, 'requirements.txt'))
    ).map((w) => ['Warning', w])
    if (run.output) logs.push(['Debug', `Output while importing the script:\n${run.output}`])
    if (run.timedOut) return { message: `Build check timed out after ${this.options.runTimeoutSeconds} s`, logs }
    if (!run.ok) {
      logs.push(['Error', run.traceback ?? run.problem ?? 'Build check failed'])
      return { message: run.problem ?? 'Build check failed', logs }
    }
    return { message: null, logs }
  }

  /** The parts of a harness call every build and run of `script` shares. */
  private harnessCall(script: Script): {
    folder: string
    sourceFile: string
    entrypoint: string
    pythonVersion: string
    timeoutMs: number
  } {
    return {
      folder: script.dir,
      sourceFile: script.sourceFile,
      entrypoint: script.scriptReference,
      pythonVersion: script.pythonVersion.replace(/^Python3/, '3.'),
      timeoutMs: this.options.runTimeoutSeconds * 1000
    }
  }

  // --- runs ---------------------------------------------------------------------------

  private deployedScript(group: string, hash: string, operation: Operation): Script {
    const script = this.getScript(group, hash)
    if (script.operation !== operation) throw badInput(`Script '${hash}' is ${script.operation}, not ${operation}`)
    if (script.status !== 'Deployed')
      throw new ApiError(409, 'ScriptNotDeployed', `Script '${hash}' is ${script.status}, not Deployed`)
    return script
  }

  /** R1: runs the entrypoint on the body's Input and returns its (JSON) value. */
  async runSync(group: string, hash: string, rawBody: Buffer): Promise<unknown> {
    const script = this.deployedScript(group, hash, 'Sync')
    let body: unknown
    try {
      body = JSON.parse(rawBody.toString('utf8'))
    } catch {
      throw badInput('The body must be JSON: {"Input": ...}')
    }
    if (typeof body !== 'object' || body === null || !('Input' in body))
      throw badInput('The body must be a JSON object with an "Input" key')
    const run = await this.options.python.runSync({
      ...this.harnessCall(script),
      contract: 'sync',
      input: JSON.stringify(body.Input)
    })
    if (run.output) this.log(script, 'Run', 'Debug', run.output)
    if (!run.ok) {
      const message = run.traceback ?? this.noResultMessage(run)
      this.log(script, 'Run', 'Error', message)
      throw new ApiError(500, 'ExecutionError', message)
    }
    this.log(script, 'Run', 'Ok', 'Sync run succeeded')
    return run.response
  }

  /** A failed run without a traceback: killed at the time limit, or the harness's reason. */
  private noResultMessage(run: PythonResult): string {
    return run.timedOut
      ? `Execution timed out after ${this.options.runTimeoutSeconds} s`
      : (run.problem ?? 'Execution failed')
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
    const execution: Execution = { id, group, hash, datasetHash: 'D' + hex(63), status: 'Running', message: null }
    this.executions.push(execution)
    this.log(script, 'Run', 'Ok', `Execution '${id}' started on '${inputFileName}'`)
    void this.finishAsync(script, execution, dataPath, inputFileName)
    return execution
  }

  private async finishAsync(
    script: Script,
    execution: Execution,
    dataPath: string,
    inputFileName: string
  ): Promise<void> {
    const [run] = await Promise.all([
      this.options.python.runAsyncV1({ ...this.harnessCall(script), contract: 'async-v1', dataPath, inputFileName }),
      this.delay(MIN_RUNNING_MS)
    ])
    if (this.closed) return
    if (run.output) this.log(script, 'Run', 'Debug', run.output)
    let failure: string | null = null
    if (!run.ok || !run.outputFile) {
      if (run.traceback) this.log(script, 'Run', 'Error', run.traceback)
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
    if (this.closed) return
    if (failure === null) {
      execution.status = 'Succeeded'
      this.log(script, 'Run', 'Ok', `Execution '${execution.id}' succeeded`)
    } else {
      execution.status = 'Failed'
      execution.message = failure
      this.log(script, 'Run', 'Error', `Execution '${execution.id}' failed: ${failure}`)
    }
  }

  /**
   * E1/E2 name an execution by group and id only, but ids count per script, so two
   * scripts of a group can share one: the most recent execution wins.
   */
  getExecution(group: string, id: string): Execution {
    for (let i = this.executions.length - 1; i >= 0; i--) {
      const execution = this.executions[i]
      if (execution.group === group && execution.id === id) return execution
    }
    throw notFound(`No execution '${id}' in group '${group}'`)
  }

  async result(group: string, id: string): Promise<Buffer> {
    const execution = this.getExecution(group, id)
    if (execution.status !== 'Succeeded' || !execution.resultPath) {
      throw badInput(`Execution '${id}' is ${execution.status}; a result exists only once it has Succeeded`)
    }
    return readFile(execution.resultPath)
  }

  // --- logs ---------------------------------------------------------------------------

  private log(script: Script, routine: Routine, type: OutputType, text: string): void {
    const at = new Date()
    this.logs.push({
      at,
      entry: { Hash: script.hash, RegisteredAt: timestamp(at), OutputType: type, OutputData: text, Routine: routine }
    })
  }

  /** Entries of one script between two UTC instants, optionally of one routine and type. */
  logsOf(hash: string, filter: { from: Date; to: Date; routine?: Routine; type?: OutputType }): LogEntry[] {
    return this.logs
      .filter(
        ({ entry, at }) =>
          entry.Hash === hash &&
          at >= filter.from &&
          at <= filter.to &&
          (!filter.routine || entry.Routine === filter.routine) &&
          (!filter.type || entry.OutputType === filter.type)
      )
      .map(({ entry }) => entry)
  }
}
