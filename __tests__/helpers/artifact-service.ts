/**
 * A loopback fake of GitHub's Actions results service, so the REAL `@actions/artifact`
 * client (upload, list, get, download, delete) runs without GitHub. It speaks the same
 * two protocols the client does: Twirp JSON for artifact records and Azure block-blob
 * PUTs / a plain GET for the bytes. Written from the client's code in
 * node_modules/@actions/artifact/lib (6.2.1) and @azure/storage-blob (12.x).
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { unzipSync } from 'fflate'

export interface FakeArtifact {
  id: number
  name: string
  /** The size the client declared in FinalizeArtifact (0 until finalized). */
  size: number
  finalized: boolean
  /** Whole days from creation to the `expires_at` the client sent, if it sent one. */
  retentionDays?: number
  /** The committed blob: the zip the client built (empty until committed). */
  zip: Buffer
  /** The zip's file entries, path → bytes (directory entries left out). */
  files(): Record<string, Buffer>
}

export interface ArtifactService {
  /** e.g. http://127.0.0.1:PORT/ */
  url: string
  /** ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, NO_PROXY / no_proxy. */
  env: Record<string, string>
  artifacts(): FakeArtifact[]
  /** Every request answered; `path` keeps the query (it shows `comp=block` etc.). */
  requests: { method: string; path: string; status: number }[]
  close(): Promise<void>
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/'
/**
 * The blob SDK treats a host that is an IP address as "path style" storage
 * (`/<account>/<container>/<blob>`), so the signed URLs need that many segments or
 * `new BlobClient(url)` fails to find a container name.
 */
const BLOB_PREFIX = '/devstoreaccount1/artifacts/'
const DAY_MS = 24 * 60 * 60 * 1000

/** Twirp error codes → HTTP status, as the Twirp spec maps them. */
const TWIRP_STATUS = {
  invalid_argument: 400,
  unauthenticated: 401,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500
} as const
type TwirpCode = keyof typeof TWIRP_STATUS

class TwirpError extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string
  ) {
    super(message)
  }
}

interface StoredArtifact {
  id: number
  runId: string
  jobId: string
  name: string
  size: number
  finalized: boolean
  createdAt: Date
  retentionDays?: number
  digest?: string
  /** Blocks staged but not yet committed, by block id (Azure keeps them per blob). */
  staged: Map<string, Buffer>
  blob?: Buffer
}

/** An unsigned JWT: the client only base64-decodes the payload to read `scp`. */
function runtimeToken(runId: string, jobId: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const payload = {
    scp: `Actions.GenericRead:00000000 Actions.Results:${runId}:${jobId}`,
    iat: Math.floor(Date.now() / 1000)
  }
  return `${part({ typ: 'JWT', alg: 'none' })}.${part(payload)}.fake-signature`
}

/**
 * The client serialises requests with `useProtoFieldName: true`, so fields arrive in
 * snake_case; protobuf JSON also allows lowerCamelCase, so accept either.
 */
function field(body: Record<string, unknown>, snake: string): unknown {
  const camel = snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
  return body[snake] ?? body[camel]
}

function stringField(body: Record<string, unknown>, snake: string): string {
  const value = field(body, snake)
  if (typeof value !== 'string' || value === '') throw new TwirpError('invalid_argument', `${snake} is required`)
  return value
}

/**
 * Query values decoded without URLSearchParams, which would turn a `+` of a base64
 * block id into a space.
 */
function queryParams(search: string): Map<string, string> {
  const params = new Map<string, string>()
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue
    const [key = '', value = ''] = pair.split('=')
    params.set(decodeURIComponent(key), decodeURIComponent(value))
  }
  return params
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export async function startArtifactService(options: { runId?: string; jobId?: string } = {}): Promise<ArtifactService> {
  const runId = options.runId ?? randomUUID()
  const jobId = options.jobId ?? randomUUID()
  const token = runtimeToken(runId, jobId)
  const stored: StoredArtifact[] = []
  const requests: ArtifactService['requests'] = []
  let nextId = 1
  let origin = ''

  const find = (run: string, name: string, finalized: boolean): StoredArtifact | undefined =>
    stored.find((a) => a.runId === run && a.name === name && a.finalized === finalized)

  const requireFinalized = (body: Record<string, unknown>): StoredArtifact => {
    const name = stringField(body, 'name')
    const artifact = find(stringField(body, 'workflow_run_backend_id'), name, true)
    if (!artifact) throw new TwirpError('not_found', `artifact ${name} not found`)
    return artifact
  }

  const blobUrl = (artifact: StoredArtifact, purpose: 'upload' | 'download'): string =>
    `${origin}${BLOB_PREFIX}${artifact.id}/${encodeURIComponent(artifact.name)}.zip?sig=${purpose}-${randomUUID()}`

  /** The five Twirp methods; each returns the response body in proto (snake_case) names. */
  const methods: Record<string, (body: Record<string, unknown>) => object> = {
    CreateArtifact(body) {
      const run = stringField(body, 'workflow_run_backend_id')
      const name = stringField(body, 'name')
      // The real service refuses a second artifact of the same name within a run.
      if (find(run, name, true)) {
        throw new TwirpError('already_exists', `an artifact with this name already exists on the workflow run: ${name}`)
      }
      // A create that never finalized (a failed upload) may be retried: replace it.
      const pending = find(run, name, false)
      if (pending) stored.splice(stored.indexOf(pending), 1)
      const createdAt = new Date()
      const expiresAt = field(body, 'expires_at')
      const artifact: StoredArtifact = {
        id: nextId++,
        runId: run,
        jobId: stringField(body, 'workflow_job_run_backend_id'),
        name,
        size: 0,
        finalized: false,
        createdAt,
        staged: new Map(),
        retentionDays:
          typeof expiresAt === 'string' ? Math.round((Date.parse(expiresAt) - createdAt.getTime()) / DAY_MS) : undefined
      }
      stored.push(artifact)
      return { ok: true, signed_upload_url: blobUrl(artifact, 'upload') }
    },
    FinalizeArtifact(body) {
      const name = stringField(body, 'name')
      const artifact = find(stringField(body, 'workflow_run_backend_id'), name, false)
      if (!artifact) throw new TwirpError('not_found', `no pending artifact named ${name}`)
      if (!artifact.blob) throw new TwirpError('failed_precondition', `nothing was uploaded for ${name}`)
      artifact.size = Number(field(body, 'size') ?? 0)
      const hash = field(body, 'hash')
      artifact.digest = typeof hash === 'string' ? hash : undefined
      artifact.finalized = true
      return { ok: true, artifact_id: String(artifact.id) }
    },
    ListArtifacts(body) {
      const run = stringField(body, 'workflow_run_backend_id')
      const nameFilter = field(body, 'name_filter')
      const idFilter = field(body, 'id_filter')
      const artifacts = stored
        .filter((a) => a.runId === run && a.finalized)
        .filter((a) => nameFilter === undefined || a.name === nameFilter)
        .filter((a) => idFilter === undefined || String(a.id) === String(idFilter))
        .map((a) => ({
          workflow_run_backend_id: a.runId,
          workflow_job_run_backend_id: a.jobId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
          created_at: a.createdAt.toISOString(),
          ...(a.digest ? { digest: a.digest } : {})
        }))
      return { artifacts }
    },
    GetSignedArtifactURL(body) {
      return { signed_url: blobUrl(requireFinalized(body), 'download') }
    },
    DeleteArtifact(body) {
      const artifact = requireFinalized(body)
      stored.splice(stored.indexOf(artifact), 1)
      return { ok: true, artifact_id: String(artifact.id) }
    }
  }

  async function twirp(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const handler = Object.hasOwn(methods, method) ? methods[method] : undefined
    if (!handler || req.method !== 'POST') throw new TwirpError('not_found', `no such method: ${method}`)
    if (req.headers.authorization !== `Bearer ${token}`) throw new TwirpError('unauthenticated', 'bad runtime token')
    let body: unknown
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'))
    } catch {
      throw new TwirpError('invalid_argument', 'body is not JSON')
    }
    if (typeof body !== 'object' || body === null) throw new TwirpError('invalid_argument', 'body is not an object')
    sendJson(res, 200, handler(body as Record<string, unknown>))
  }

  /** The slice of Azure's Blob REST API that BlockBlobClient.uploadStream/upload use. */
  async function blob(id: number, req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    const artifact = stored.find((a) => a.id === id)
    const query = queryParams(search)
    if (!artifact || !query.get('sig')) return sendJson(res, 404, { code: 'BlobNotFound' })
    if (req.method === 'GET') {
      if (!artifact.finalized || !artifact.blob) return sendJson(res, 404, { code: 'BlobNotFound' })
      // The client extracts only if the type is a zip type (or the path ends in .zip).
      res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Length': artifact.blob.length })
      res.end(artifact.blob)
      return
    }
    if (req.method !== 'PUT' || artifact.finalized) return sendJson(res, 405, { code: 'UnsupportedHttpVerb' })
    const body = await readBody(req)
    const comp = query.get('comp')
    if (comp === 'block') {
      artifact.staged.set(query.get('blockid') ?? '', body)
    } else if (comp === 'blocklist') {
      // Commit order is the order of the ids in the XML list, not the order of arrival.
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map(
        (m) => m[1] ?? ''
      )
      const missing = ids.find((blockId) => !artifact.staged.has(blockId))
      if (missing !== undefined) return sendJson(res, 400, { code: 'InvalidBlockList' })
      artifact.blob = Buffer.concat(ids.map((blockId) => artifact.staged.get(blockId) as Buffer))
      artifact.staged.clear()
    } else if (comp === undefined) {
      artifact.blob = body // a single-shot Put Blob
    } else {
      return sendJson(res, 400, { code: 'UnsupportedQueryParameter' })
    }
    // Azure answers 201 Created; the SDK treats any other status, even 200, as an error.
    res.writeHead(201, {
      ETag: `"0x${artifact.id.toString(16)}${Date.now().toString(16)}"`,
      'Last-Modified': new Date().toUTCString(),
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2025-01-05',
      'x-ms-request-server-encrypted': 'true',
      'Content-Length': 0
    })
    res.end()
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    res.on('finish', () => requests.push({ method: req.method ?? '', path: req.url ?? '', status: res.statusCode }))
    const handle = async (): Promise<void> => {
      if (url.pathname.startsWith(TWIRP_PREFIX)) return twirp(url.pathname.slice(TWIRP_PREFIX.length), req, res)
      const blobMatch = url.pathname.startsWith(BLOB_PREFIX) && /^(\d+)\//.exec(url.pathname.slice(BLOB_PREFIX.length))
      if (blobMatch) return blob(Number(blobMatch[1]), req, res, url.search)
      sendJson(res, 404, { code: 'not_found', msg: `no route for ${req.method} ${url.pathname}` })
    }
    handle().catch((error: unknown) => {
      const twirpError = error instanceof TwirpError ? error : new TwirpError('internal', String(error))
      if (!res.headersSent)
        sendJson(res, TWIRP_STATUS[twirpError.code], { code: twirpError.code, msg: twirpError.message })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: `${origin}/`,
    env: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: `${origin}/`,
      // @actions/http-client reads the lower-case name first, so set both.
      NO_PROXY: '127.0.0.1,localhost',
      no_proxy: '127.0.0.1,localhost'
    },
    requests,
    artifacts: () =>
      stored.map((a) => ({
        id: a.id,
        name: a.name,
        size: a.size,
        finalized: a.finalized,
        retentionDays: a.retentionDays,
        zip: a.blob ?? Buffer.alloc(0),
        files: () => unzipFiles(a.blob)
      })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from the clients would otherwise hold close() open.
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
  }
}

function unzipFiles(zip: Buffer | undefined): Record<string, Buffer> {
  if (!zip || zip.length === 0) return {}
  const files: Record<string, Buffer> = {}
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    if (!path.endsWith('/')) files[path] = Buffer.from(bytes)
  }
  return files
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}
