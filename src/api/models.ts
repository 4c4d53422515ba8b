import { ApiError } from '../shared/errors.js'
import { jsonBody, multipart, seg } from './http/bodies.js'
import type { Transport } from './http/transport.js'
import type { CallOptions, FilePart } from './http/types.js'
import { RUN_ANSWERS } from './common-calls.js'

/** The raw shapes of the model calls (docs/platform-contract.md, "Models fed by a preprocessing script"). */
interface ModelStatusResponse {
  Status?: unknown
  Message?: unknown
}
interface ModelDescribeResponse {
  Description?: { Status?: unknown; Operation?: unknown; [key: string]: unknown }
}
interface ModelRunResponse {
  Message?: unknown
  ExecutionId?: unknown
}

/** What a model's status and description say, as the pipeline's checks need it. */
export interface ModelInfo {
  readonly status: string
  readonly message: string | null
  /** 'Sync' or 'Async' when the description says so. */
  readonly operation?: string
}

/**
 * The model calls a pipeline smoke test makes, each one `Call` through the same transport
 * as the preprocessing calls: status and describe with the user token, the runs, the
 * execution's status and its result with the group token. Reads are retried; a run is a
 * write, sent again only when the server provably did not act.
 */
export class ModelsApi {
  constructor(readonly transport: Transport) {}

  /** The model's state and operation: its status, then its description. */
  async info(group: string, model: string, options: CallOptions = {}): Promise<ModelInfo> {
    const where = `${seg(group)}/${seg(model)}`
    const status = await this.transport.json<ModelStatusResponse>({
      method: 'GET',
      path: `/model/status/${where}`,
      auth: 'user',
      safety: 'read',
      ok: [200],
      ...options
    })
    if (typeof status.Status !== 'string')
      throw new ApiError('GET', `/model/status/${group}/${model}`, 200, 'the answer holds no Status')
    const described = await this.transport.json<ModelDescribeResponse>({
      method: 'GET',
      path: `/model/describe/${where}`,
      auth: 'user',
      safety: 'read',
      ok: [200],
      ...options
    })
    const operation = described.Description?.Operation
    return {
      status: status.Status,
      message: typeof status.Message === 'string' ? status.Message : null,
      operation: typeof operation === 'string' ? operation : undefined
    }
  }

  /** The Sync run with a preprocessing: `{"Input", "ScriptHash"}`; answers the raw response for the caller to judge. */
  async runSync(
    group: string,
    model: string,
    input: unknown,
    scriptHash: string
  ): Promise<{ status: number; body: string }> {
    const { response, text } = await this.transport.send({
      method: 'POST',
      path: `/model/sync/run/${seg(group)}/${seg(model)}`,
      auth: 'group',
      safety: 'write',
      ok: RUN_ANSWERS,
      read: 'text',
      body: jsonBody({ Input: input, ScriptHash: scriptHash }),
      effect: { what: 'model run', undone: 'it did not run' }
    })
    return { status: response.status, body: text ?? '' }
  }

  /** The Async run on a file (the preprocessing's result) sent as the part `input`; answers the execution id. */
  async runAsync(group: string, model: string, input: FilePart): Promise<string> {
    const path = `/model/async/run/${seg(group)}/${seg(model)}`
    const body = await this.transport.json<ModelRunResponse>({
      method: 'POST',
      path,
      auth: 'group',
      safety: 'write',
      ok: [202, 200],
      body: () => multipart({}, [{ ...input, part: 'input' }]),
      effect: { what: 'model run', undone: 'no model execution was started' }
    })
    const id = body.ExecutionId
    if ((typeof id !== 'string' && typeof id !== 'number') || id === '')
      throw new ApiError('POST', `/model/async/run/${group}/${model}`, 202, 'the answer holds no ExecutionId')
    return String(id)
  }

  /** A model execution's state. */
  async executionStatus(
    group: string,
    executionId: string,
    options: CallOptions = {}
  ): Promise<{ status: string; message: string | null }> {
    const path = `/model/async/status/${seg(group)}/${seg(executionId)}`
    const body = await this.transport.json<ModelStatusResponse>({
      method: 'GET',
      path,
      auth: 'group',
      safety: 'read',
      ok: [200],
      deadline: options.deadline
    })
    if (typeof body.Status !== 'string') throw new ApiError('GET', path, 200, 'the answer holds no Status')
    return { status: body.Status, message: typeof body.Message === 'string' ? body.Message : null }
  }

  /** Streams a model execution's result (a zip) to a file; answers its size. */
  async downloadResult(group: string, executionId: string, destination: string): Promise<number> {
    const { size } = await this.transport.send({
      method: 'GET',
      path: `/model/async/result/${seg(group)}/${seg(executionId)}`,
      auth: 'group',
      safety: 'read',
      ok: [200, 410],
      read: { file: destination }
    })
    return size ?? 0
  }
}
