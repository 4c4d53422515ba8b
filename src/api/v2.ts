import { ApiError } from '../shared/errors.js'
import { jsonBody, multipart, seg } from './http/bodies.js'
import type { Transport } from './http/transport.js'
import type { Call, CallOptions, FilePart } from './http/types.js'
import { checkedHash, hostVerified, sendWrite } from './common-calls.js'
import type {
  V2DatasetResponse,
  V2DescribeResponse,
  V2ExecutionCreated,
  V2ExecutionStatusResponse,
  V2ListResponse,
  V2RegisterResponse,
  V2StatusResponse
} from './wire.js'
import { EXECUTION_ID_IN_MESSAGE } from './wire.js'
import { DATASET_HASH } from '../shared/hashes.js'

const ROOT = '/v2/preprocessing'

/** A named dataset to upload: the form's dataset_name and the file. */
export interface DatasetPart {
  readonly name: string
  readonly file: FilePart
}

/**
 * The v2 Async calls (docs/platform-contract.md), every one with the user token, each
 * a `Call` sent through the same transport as v1, so retries follow the same rules:
 * a PATCH upload is a write.
 */
export class V2Api {
  constructor(readonly transport: Transport) {}

  /**
   * Whether the server serves the v2 routes at all, asked before anything is uploaded:
   * `GET /v2/preprocessing` (the list, read-only). A route that exists answers 200
   * with JSON whatever the scripts; an older server has no such route and answers 404.
   * A status of a made-up hash would answer 404 on both, so it cannot tell them apart.
   */
  async served(group: string): Promise<boolean> {
    const path = `${ROOT}?group=${seg(group)}`
    try {
      await this.transport.json<V2ListResponse>({ method: 'GET', path, auth: 'user', safety: 'read', ok: [200] })
      return true
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return false
      throw error
    }
  }

  /** R: registers an Async script; answers its hash. */
  async register(group: string, name: string): Promise<string> {
    const path = `${ROOT}/${seg(group)}`
    const body = await this.write<V2RegisterResponse>(
      {
        method: 'POST',
        path,
        auth: 'user',
        safety: 'write',
        ok: [201, 200],
        body: jsonBody({ Name: name, Operation: 'Async' }),
        effect: { what: 'register', undone: 'not registered' }
      },
      `the group '${group}' is unknown to the v2 API`,
      `the script '${name}' may have been registered all the same: look for it in MLOps before deploying again`
    )
    return checkedHash(body.PreprocessHash, 'POST', path, this.transport)
  }

  /** S: one named dataset of the schema; answers its DatasetHash. */
  async uploadSchema(hash: string, dataset: DatasetPart): Promise<string> {
    const path = `${ROOT}/${seg(hash)}/schema`
    const body = await this.upload<V2DatasetResponse>(
      path,
      { dataset_name: dataset.name },
      { ...dataset.file, part: 'schema_file' },
      `schema dataset '${dataset.name}'`
    )
    return checkedDataset(body.DatasetHash, path, this.transport)
  }

  /** F: the source file, with its entrypoint and Python ('Python310'). */
  async uploadScript(hash: string, file: FilePart, entrypoint: string, pythonVersion: string): Promise<void> {
    await this.upload(
      `${ROOT}/${seg(hash)}/script-file`,
      { preprocess_reference: entrypoint, python_version: pythonVersion },
      { ...file, part: 'script' },
      'script file'
    )
  }

  /** Q: the requirements file. */
  async uploadRequirements(hash: string, file: FilePart): Promise<void> {
    await this.upload(
      `${ROOT}/${seg(hash)}/requirements-file`,
      {},
      { ...file, part: 'requirements' },
      'requirements file'
    )
  }

  /** V: the .env file (its content is never printed). */
  async uploadEnv(hash: string, file: FilePart): Promise<void> {
    await this.upload(`${ROOT}/${seg(hash)}/env-file`, {}, { ...file, part: 'env' }, 'env file')
  }

  /** X: one extra file, under its upload name. */
  async uploadExtra(hash: string, file: FilePart): Promise<void> {
    await this.upload(
      `${ROOT}/${seg(hash)}/extra-file`,
      { extra_file_name: file.filename },
      { ...file, part: 'extra_file' },
      `extra file '${file.filename}'`
    )
  }

  /** H: starts the build; after an ambiguous failure the status decides whether to send it again (as v1's host). */
  async host(hash: string): Promise<void> {
    const call: Call = {
      method: 'PATCH',
      path: `${ROOT}/${seg(hash)}/status`,
      auth: 'user',
      safety: 'write',
      ok: [202, 200, 201],
      effect: { what: 'host call', undone: 'the build did not start' }
    }
    await hostVerified(this.transport, call, () => this.status(hash))
  }

  /** T: the script's state; `DatasetHash` once Deployed. */
  async status(
    hash: string,
    options: CallOptions = {}
  ): Promise<{ status: string; message: string | null; datasetHash?: string }> {
    const { body, status, message } = await this.state<V2StatusResponse>(`${ROOT}/${seg(hash)}/status`, options)
    return { status, message, datasetHash: datasetHashIn(body.DatasetHash) }
  }

  /**
   * Whether `hash` is a v2 script on this server: its v2 status answers. A v1 hash
   * answers 404 there (docs/platform-contract.md), as does any hash on an older server.
   */
  async locate(hash: string): Promise<{ status: string; message: string | null } | undefined> {
    try {
      return await this.status(hash)
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined
      throw error
    }
  }

  /** The v2 describe: `State`, and whatever else the server says. */
  async describe(hash: string): Promise<V2DescribeResponse> {
    return this.transport.json<V2DescribeResponse>({
      method: 'GET',
      path: `${ROOT}/${seg(hash)}`,
      auth: 'user',
      safety: 'read',
      ok: [200]
    })
  }

  /** E1: a new execution; answers its id (the integer quoted in the answer's Message). */
  async createExecution(hash: string): Promise<string> {
    const path = `${ROOT}/${seg(hash)}/execution`
    const body = await this.write<V2ExecutionCreated>(
      {
        method: 'POST',
        path,
        auth: 'user',
        safety: 'write',
        ok: [201, 200],
        effect: { what: 'execution create', undone: 'no execution was created' }
      },
      `${hash} is not a v2 script on this server`,
      'an execution may have been created all the same'
    )
    const id = typeof body.Message === 'string' ? EXECUTION_ID_IN_MESSAGE.exec(body.Message)?.[1] : undefined
    if (!id)
      throw new ApiError(
        'POST',
        path,
        201,
        `the answer holds no execution id (Message: ${this.transport.text(String(body.Message ?? ''), 120)})`
      )
    return id
  }

  /** E2: one input dataset of an execution; answers its DatasetHash. */
  async uploadInput(hash: string, executionId: string, dataset: DatasetPart): Promise<string> {
    const path = `${ROOT}/${seg(hash)}/execution/${seg(executionId)}/input`
    const body = await this.upload<V2DatasetResponse>(
      path,
      { dataset_name: dataset.name },
      { ...dataset.file, part: 'input' },
      `input dataset '${dataset.name}'`
    )
    return checkedDataset(body.DatasetHash, path, this.transport)
  }

  /** E3: runs the execution. */
  async runExecution(hash: string, executionId: string): Promise<void> {
    await this.write(
      {
        method: 'PATCH',
        path: `${ROOT}/${seg(hash)}/execution/${seg(executionId)}/run`,
        auth: 'user',
        safety: 'write',
        ok: [201, 200, 202],
        effect: { what: 'run', undone: 'it did not run' }
      },
      `execution ${executionId} of ${hash} is unknown to the server`,
      'the execution may have started all the same'
    )
  }

  /** E4: the execution's state; `OutputDatasetHash` once Succeeded. */
  async executionStatus(
    hash: string,
    executionId: string,
    options: CallOptions = {}
  ): Promise<{ status: string; message: string | null; outputDatasetHash?: string }> {
    const path = `${ROOT}/${seg(hash)}/execution/${seg(executionId)}/status`
    const { body, status, message } = await this.state<V2ExecutionStatusResponse>(path, options)
    return { status, message, outputDatasetHash: datasetHashIn(body.OutputDatasetHash) }
  }

  /** E5: streams the result (parquet) to a file; answers its size. */
  async downloadResult(hash: string, executionId: string, destination: string): Promise<number> {
    const { size } = await this.transport.send({
      method: 'GET',
      path: `${ROOT}/${seg(hash)}/execution/${seg(executionId)}/result`,
      auth: 'user',
      safety: 'read',
      ok: [200],
      read: { file: destination }
    })
    return size ?? 0
  }

  private upload<T>(path: string, fields: Record<string, string>, file: FilePart, what: string): Promise<T> {
    return this.write<T>(
      {
        method: 'PATCH',
        path,
        auth: 'user',
        safety: 'write',
        ok: [201, 200],
        body: () => multipart(fields, [file]),
        effect: { what: `upload of the ${what}`, undone: 'not uploaded' }
      },
      'the script hash is unknown to the v2 API',
      `the ${what} may have been uploaded all the same`
    )
  }

  /** A state read (T, E4): the answer, which must hold a Status, and its Message. */
  private async state<T extends { Status?: string; Message?: string | null }>(
    path: string,
    options: CallOptions
  ): Promise<{ body: T; status: string; message: string | null }> {
    const call: Call = { method: 'GET', path, auth: 'user', safety: 'read', ok: [200], deadline: options.deadline }
    const body = await this.transport.json<T>(call)
    if (typeof body.Status !== 'string') throw new ApiError('GET', path, 200, 'the answer holds no Status')
    return { body, status: body.Status, message: typeof body.Message === 'string' ? body.Message : null }
  }

  private write<T>(call: Call, notFound: string, mayHaveActed: string): Promise<T> {
    return sendWrite<T>(this.transport, call, { notFound, mayHaveActed })
  }
}

/** A dataset hash the answer holds, when it has the right form. */
function datasetHashIn(value: unknown): string | undefined {
  return typeof value === 'string' && DATASET_HASH.test(value) ? value : undefined
}

function checkedDataset(hash: unknown, path: string, transport: Transport): string {
  const checked = datasetHashIn(hash)
  if (checked) return checked
  throw new ApiError(
    'PATCH',
    path,
    201,
    `the answer holds no DatasetHash (D and 63 hex digits) but ${transport.text(JSON.stringify(hash ?? null), 80)}`
  )
}
