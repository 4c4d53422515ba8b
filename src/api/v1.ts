import { ApiError } from '../shared/errors.js'
import { multipart, seg } from './http/bodies.js'
import type { Transport } from './http/transport.js'
import type { Call, CallOptions, FilePart } from './http/types.js'
import { checkedHash, hostVerified, RUN_ANSWERS, sendWrite, type EarlierScript } from './common-calls.js'
import type {
  AsyncRunResponse,
  DescribeResponse,
  ExecutionStatusResponse,
  GroupsResponse,
  LogEntry,
  LogsResponse,
  RegisterResponse,
  SearchResponse,
  StatusResponse
} from './wire.js'
import { SCRIPT_HASH } from '../shared/hashes.js'

/** The v1 calls (docs/platform-contract.md), each one `Call` sent through the transport. */
export class V1Api {
  constructor(readonly transport: Transport) {}

  /** G1: the names of the groups this user can see (the same call on current servers). */
  async listGroups(): Promise<string[]> {
    const body = await this.transport.json<GroupsResponse>({
      method: 'GET',
      path: '/groups',
      auth: 'user',
      safety: 'read',
      ok: [200]
    })
    return (body.Results ?? []).map((group) => group.Name).filter((name): name is string => typeof name === 'string')
  }

  /** P1: registers the script and returns its hash. Sent again only while the server refuses it before acting. */
  async register(group: string, fields: Record<string, string>, files: readonly FilePart[]): Promise<string> {
    const path = `/preprocessing/register/${seg(group)}`
    // Sent once and maybe acted on: never sent again, so say what to look for.
    const body = await sendWrite<RegisterResponse>(
      this.transport,
      {
        method: 'POST',
        path,
        auth: 'user',
        safety: 'write',
        ok: [201, 200],
        body: () => multipart(fields, files),
        effect: { what: 'register', undone: 'not registered' }
      },
      {
        mayHaveActed:
          `the script '${fields.name ?? ''}' may have been registered all the same: ` +
          'look for it in Neomaril before deploying again'
      }
    )
    return checkedHash(body.Hash, 'POST', `/preprocessing/register/${group}`, this.transport)
  }

  /**
   * P2: starts the build. A GET on the wire, but it acts, so it is a write: the
   * client sends it again on its own only when the server provably did not act. After
   * an ambiguous failure (a reset, a timeout, a 5xx) the status says what happened:
   * once P2 has answered 202 the script is never 'Ready' again (docs/platform-contract.md), so
   * 'Ready' means the call did not act and may be sent again, and anything else means
   * the build started and the deploy goes on.
   */
  async host(operation: 'Sync' | 'Async', group: string, hash: string): Promise<void> {
    const call: Call = {
      method: 'GET',
      path: `/preprocessing/${operation.toLowerCase()}/host/${seg(group)}/${seg(hash)}`,
      auth: 'user',
      safety: 'write',
      ok: [202, 200],
      effect: { what: 'host call', undone: 'the build did not start' }
    }
    await hostVerified(this.transport, call, () => this.status(group, hash))
  }

  /** P3: the script's state. 410 carries the same body (docs/platform-contract.md). */
  async status(
    group: string,
    hash: string,
    options: CallOptions = {}
  ): Promise<{ status: string; message: string | null }> {
    const body = await this.transport.json<StatusResponse>({
      method: 'GET',
      path: `/preprocessing/status/${seg(group)}/${seg(hash)}`,
      auth: 'user',
      safety: 'read',
      ok: [200, 410],
      deadline: options.deadline
    })
    if (typeof body.Status !== 'string')
      throw new ApiError('GET', `/preprocessing/status/${group}/${hash}`, 200, 'the answer holds no Status')
    return { status: body.Status, message: typeof body.Message === 'string' ? body.Message : null }
  }

  /** P4: the script's description. */
  async describe(group: string, hash: string): Promise<DescribeResponse['Description']> {
    const body = await this.transport.json<DescribeResponse>({
      method: 'GET',
      path: `/preprocessing/describe/${seg(group)}/${seg(hash)}`,
      auth: 'user',
      safety: 'read',
      ok: [200]
    })
    return body.Description ?? {}
  }

  /**
   * P5: the group's scripts whose name matches `name` (the server's LIKE filter, over its
   * default span of days). Only well-formed hashes are kept: they go into later paths.
   */
  async search(group: string, name: string, options: CallOptions = {}): Promise<EarlierScript[]> {
    const query = new URLSearchParams({ name, group })
    const body = await this.transport.json<SearchResponse>({
      method: 'GET',
      path: `/preprocessing/search?${query}`,
      auth: 'user',
      safety: 'read',
      ok: [200],
      ...options
    })
    return (Array.isArray(body.Results) ? body.Results : []).flatMap((entry) => {
      if (
        typeof entry?.Hash !== 'string' ||
        !SCRIPT_HASH.test(entry.Hash) ||
        (typeof entry.Group === 'string' && entry.Group !== group)
      )
        return []
      const uploadedAt = typeof entry.UploadedAt === 'string' ? Date.parse(entry.UploadedAt) : NaN
      return [
        {
          hash: entry.Hash,
          status: typeof entry.Status === 'string' ? entry.Status : '',
          uploadedAt: Number.isFinite(uploadedAt) ? uploadedAt : undefined
        }
      ]
    })
  }

  /** P6: log entries, filtered by routine and type, over the given days (dd-mm-YYYY). */
  async logs(
    group: string,
    hash: string,
    query: { routine?: 'Host' | 'Run'; type?: string; start?: Date; end?: Date } = {},
    options: CallOptions = {}
  ): Promise<LogEntry[]> {
    const params = new URLSearchParams()
    if (query.start) params.set('start', ddmmyyyy(query.start))
    if (query.end) params.set('end', ddmmyyyy(query.end))
    if (query.routine) params.set('routine', query.routine)
    if (query.type) params.set('type', query.type)
    const suffix = params.size > 0 ? `?${params}` : ''
    const body = await this.transport.json<LogsResponse>({
      method: 'GET',
      path: `/preprocessing/logs/${seg(group)}/${seg(hash)}${suffix}`,
      auth: 'user',
      safety: 'read',
      ok: [200],
      ...options
    })
    return Array.isArray(body.Results) ? body.Results : []
  }

  /** R1: runs a Sync script; answers the raw response so the caller can judge it. */
  async runSync(group: string, hash: string, input: unknown): Promise<{ status: number; body: string }> {
    const payload = JSON.stringify({ Input: input })
    const { response, text } = await this.transport.send({
      method: 'POST',
      path: `/preprocessing/sync/run/${seg(group)}/${seg(hash)}`,
      auth: 'group',
      safety: 'write',
      ok: RUN_ANSWERS,
      read: 'text',
      body: () => ({ body: payload, headers: { 'Content-Type': 'application/json' } }),
      effect: { what: 'run', undone: 'it did not run' }
    })
    return { status: response.status, body: text ?? '' }
  }

  /** R2: starts an Async execution on the uploaded dataset; answers its id. */
  async runAsync(group: string, hash: string, dataset: FilePart): Promise<string> {
    const body = await this.transport.json<AsyncRunResponse>({
      method: 'POST',
      path: `/preprocessing/async/run/${seg(group)}/${seg(hash)}`,
      auth: 'group',
      safety: 'write',
      ok: [202, 200],
      body: () => multipart({}, [dataset]),
      effect: { what: 'run', undone: 'no execution was started' }
    })
    if (body.ExecutionId === undefined || body.ExecutionId === null || body.ExecutionId === '')
      throw new ApiError('POST', `/preprocessing/async/run/${group}/${hash}`, 202, 'the answer holds no ExecutionId')
    return String(body.ExecutionId)
  }

  /** E1: an execution's state. */
  async executionStatus(
    group: string,
    executionId: string,
    options: CallOptions = {}
  ): Promise<{ status: string; message: string | null }> {
    const body = await this.transport.json<ExecutionStatusResponse>({
      method: 'GET',
      path: `/preprocessing/async/status/${seg(group)}/${seg(executionId)}`,
      auth: 'group',
      safety: 'read',
      ok: [200, 410],
      deadline: options.deadline
    })
    if (typeof body.Status !== 'string')
      throw new ApiError(
        'GET',
        `/preprocessing/async/status/${group}/${executionId}`,
        200,
        'the answer holds no Status'
      )
    return { status: body.Status, message: typeof body.Message === 'string' ? body.Message : null }
  }

  /** E2: streams the execution's result (a zip) to a file; answers its size. */
  async downloadResult(group: string, executionId: string, destination: string): Promise<number> {
    const { size } = await this.transport.send({
      method: 'GET',
      path: `/preprocessing/async/result/${seg(group)}/${seg(executionId)}`,
      auth: 'group',
      safety: 'read',
      ok: [200, 410],
      read: { file: destination }
    })
    return size ?? 0
  }
}

function ddmmyyyy(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`
}
