import { ApiError } from '../shared/errors.js'
import { pythonWireForm, type PythonVersion } from '../shared/python-version.js'
import type { ApiVersion } from '../shared/api-choice.js'
import type { CallOptions, FilePart } from './http/types.js'
import type { EarlierScript } from './common-calls.js'
import type { V1Api } from './v1.js'
import type { DatasetPart, V2Api } from './v2.js'
import type { LogEntry } from './wire.js'

export type { EarlierScript }

export type { ApiVersion }

/** What a deploy uploads, named the same whichever API takes it. */
export interface ScriptPackage {
  readonly name: string
  readonly entrypoint: string
  readonly operation: 'Sync' | 'Async'
  /** '3.10' */
  readonly pythonVersion: PythonVersion
  /** Every file as the v1 register sends it (source, requirements, schema, env, extras), in order. */
  readonly files: readonly FilePart[]
  /** The schema as named datasets (v2 uploads each one). */
  readonly datasets: readonly DatasetPart[]
}

export interface Registered {
  readonly hash: string
  /** The calls that made it, in order, for the manifest, deployment.json and the summary. */
  readonly calls: readonly string[]
  /** v2: the DatasetHash of each schema dataset, by name. */
  readonly datasetHashes: Readonly<Record<string, string>>
}

export interface ScriptState {
  readonly status: string
  readonly message: string | null
  /** v2, once Deployed. */
  readonly datasetHash?: string
  /** v2 execution, once Succeeded. */
  readonly outputDatasetHash?: string
}

export interface Execution {
  readonly id: string
  /** v2: the DatasetHash of each input, by name. */
  readonly inputHashes: Readonly<Record<string, string>>
}

/**
 * The one interface the deploy steps use, whichever API serves the script: register
 * and upload, host, status, logs, run (Sync), an execution's start, status and result (Async).
 */
export interface PreprocessingApi {
  readonly version: ApiVersion
  /** What a result download holds: v1 Async answers a zip, v2 a parquet file. */
  readonly resultFormat: 'zip' | 'parquet'
  register(script: ScriptPackage, onCall?: (call: string) => void): Promise<Registered>
  host(operation: 'Sync' | 'Async', hash: string): Promise<void>
  status(hash: string, options?: CallOptions): Promise<ScriptState>
  describe(
    hash: string
  ): Promise<{ readonly name?: string; readonly operation?: string; readonly pythonVersion?: string }>
  logs(hash: string, routine: 'Host' | 'Run', options?: CallOptions): Promise<LogEntry[]>
  /** Scripts in the group whose name contains `name` (v1 search); absent where no call finds them by name (v2). */
  readonly findByName?: (name: string, options?: CallOptions) => Promise<EarlierScript[]>
  runSync(hash: string, input: unknown): Promise<{ status: number; body: string }>
  startExecution(hash: string, inputs: readonly DatasetPart[], onCall?: (call: string) => void): Promise<Execution>
  executionStatus(hash: string, executionId: string, options?: CallOptions): Promise<ScriptState>
  downloadResult(hash: string, executionId: string, destination: string): Promise<number>
}

/** The form fields of the v1 register call (docs/platform-contract.md); the manifest shows them. */
export function v1RegisterFields(
  script: Pick<ScriptPackage, 'name' | 'entrypoint' | 'operation' | 'pythonVersion'>
): Record<string, string> {
  return {
    name: script.name,
    script_reference: script.entrypoint,
    operation: script.operation,
    python_version: pythonWireForm(script.pythonVersion)
  }
}

/** The register call, as the log, the manifest and deployment.json name it. */
export function registerCall(version: ApiVersion, group: string): string {
  return version === 'v2' ? `POST /v2/preprocessing/${group}` : `POST /preprocessing/register/${group}`
}

/** The host call, named the same way. */
export function hostCall(version: ApiVersion, operation: 'Sync' | 'Async', group: string, hash: string): string {
  return version === 'v2'
    ? `PATCH /v2/preprocessing/${hash}/status`
    : `GET /preprocessing/${operation.toLowerCase()}/host/${group}/${hash}`
}

/**
 * Where the deployed script is called (the `url` output, for a workflow's environment.url):
 * v1's run call for its operation, or v2's execution call (an Async run starts there).
 */
export function runEndpoint(
  apiUrl: string,
  version: ApiVersion,
  operation: 'Sync' | 'Async',
  group: string,
  hash: string
): string {
  const base = apiUrl.replace(/\/+$/, '')
  return version === 'v2'
    ? `${base}/v2/preprocessing/${encodeURIComponent(hash)}/execution`
    : `${base}/preprocessing/${operation.toLowerCase()}/run/${encodeURIComponent(group)}/${encodeURIComponent(hash)}`
}

interface V2Upload {
  /** The call as logged, for a script hash. */
  readonly call: (hash: string) => string
  /** Sends it; a schema upload answers its DatasetHash. */
  readonly send: (v2: V2Api, hash: string) => Promise<string | void>
  /** The schema dataset it uploads, if it is one. */
  readonly dataset?: string
}

/**
 * The v2 uploads after the register, in the order docs/platform-contract.md gives:
 * each schema dataset, script-file, requirements, env, extras; the host comes after.
 * The deploy sends them and validate mode's manifest lists them, from this one list.
 */
export function v2Uploads(script: ScriptPackage): V2Upload[] {
  const of = (part: string) => script.files.filter((file) => file.part === part)
  return [
    ...script.datasets.map((dataset) => ({
      call: (hash: string) => `PATCH /v2/preprocessing/${hash}/schema (${dataset.name})`,
      send: (v2: V2Api, hash: string) => v2.uploadSchema(hash, dataset),
      dataset: dataset.name
    })),
    ...of('source').map((file) => ({
      call: (hash: string) => `PATCH /v2/preprocessing/${hash}/script-file`,
      send: (v2: V2Api, hash: string) =>
        v2.uploadScript(hash, file, script.entrypoint, pythonWireForm(script.pythonVersion))
    })),
    ...of('requirements').map((file) => ({
      call: (hash: string) => `PATCH /v2/preprocessing/${hash}/requirements-file`,
      send: (v2: V2Api, hash: string) => v2.uploadRequirements(hash, file)
    })),
    ...of('env').map((file) => ({
      call: (hash: string) => `PATCH /v2/preprocessing/${hash}/env-file`,
      send: (v2: V2Api, hash: string) => v2.uploadEnv(hash, file)
    })),
    ...of('extra').map((file) => ({
      call: (hash: string) => `PATCH /v2/preprocessing/${hash}/extra-file (${file.filename})`,
      send: (v2: V2Api, hash: string) => v2.uploadExtra(hash, file)
    }))
  ]
}

/** Sync scripts, and Async scripts on servers without v2. */
export function v1Preprocessing(v1: V1Api, group: string): PreprocessingApi {
  return {
    version: 'v1',
    resultFormat: 'zip',
    async register(script, onCall) {
      onCall?.(registerCall('v1', group))
      const hash = await v1.register(group, v1RegisterFields(script), script.files)
      return { hash, calls: [registerCall('v1', group)], datasetHashes: {} }
    },
    host: (operation, hash) => v1.host(operation, group, hash),
    status: (hash, options) => v1.status(group, hash, options),
    describe: async (hash) => {
      const described = await v1.describe(group, hash)
      return {
        name: stringOr(described.Name),
        operation: stringOr(described.Operation),
        pythonVersion: stringOr(described.PythonVersion)
      }
    },
    logs: (hash, routine, options) => v1.logs(group, hash, { routine }, options),
    findByName: (name, options) => v1.search(group, name, options),
    runSync: (hash, input) => v1.runSync(group, hash, input),
    async startExecution(hash, inputs) {
      // v1 takes one file, as the `dataset` part.
      const [first] = inputs
      if (!first || inputs.length > 1) throw new Error(`a v1 Async run takes exactly one dataset, not ${inputs.length}`)
      return { id: await v1.runAsync(group, hash, { ...first.file, part: 'dataset' }), inputHashes: {} }
    },
    executionStatus: (_hash, id, options) => v1.executionStatus(group, id, options),
    downloadResult: (_hash, id, destination) => v1.downloadResult(group, id, destination)
  }
}

/** Async scripts on current servers (docs/platform-contract.md); logs through the v1 URL, the only one there is. */
export function v2Preprocessing(v2: V2Api, v1: V1Api, group: string): PreprocessingApi {
  return {
    version: 'v2',
    resultFormat: 'parquet',
    async register(script, onCall) {
      const calls: string[] = []
      const step = (call: string) => {
        calls.push(call)
        onCall?.(call)
      }
      step(registerCall('v2', group))
      const hash = await v2.register(group, script.name)
      const datasetHashes: Record<string, string> = {}
      for (const upload of v2Uploads(script)) {
        step(upload.call(hash))
        const datasetHash = await upload.send(v2, hash)
        if (upload.dataset && datasetHash) datasetHashes[upload.dataset] = datasetHash
      }
      return { hash, calls, datasetHashes }
    },
    host: (_operation, hash) => v2.host(hash),
    status: (hash, options) => v2.status(hash, options),
    describe: async (hash) => {
      const described = await v2.describe(hash)
      return {
        name: stringOr(described.Name),
        operation: stringOr(described.Operation) ?? 'Async',
        pythonVersion: stringOr(described.PythonVersion)
      }
    },
    async logs(hash, routine, options) {
      try {
        return await v1.logs(group, hash, { routine }, options)
      } catch (error) {
        // No client knows a v2 logs route; a server that keeps none for v2 scripts is no failure.
        if (error instanceof ApiError && error.status === 404) return []
        throw error
      }
    },
    // No findByName: the v2 list has no name filter and its entries' names are unknown (docs/platform-contract.md).
    runSync: () => Promise.reject(new Error('the platform has no v2 Sync run')),
    async startExecution(hash, inputs, onCall) {
      onCall?.(`POST /v2/preprocessing/${hash}/execution`)
      const id = await v2.createExecution(hash)
      const inputHashes: Record<string, string> = {}
      for (const input of inputs) {
        onCall?.(`PATCH /v2/preprocessing/${hash}/execution/${id}/input (${input.name})`)
        inputHashes[input.name] = await v2.uploadInput(hash, id, input)
      }
      onCall?.(`PATCH /v2/preprocessing/${hash}/execution/${id}/run`)
      await v2.runExecution(hash, id)
      return { id, inputHashes }
    },
    executionStatus: (hash, id, options) => v2.executionStatus(hash, id, options),
    downloadResult: (hash, id, destination) => v2.downloadResult(hash, id, destination)
  }
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
