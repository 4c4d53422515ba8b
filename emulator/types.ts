/** The emulator's public interface (re-exported by index.ts). */
import type { ModelSeed, ModelSummary } from './models/types.js'

export type { ModelSeed, ModelStatus, ModelSummary } from './models/types.js'

export interface EmulatorOptions {
  /** Interface to listen on; default '127.0.0.1'. */
  host?: string
  /** Port; default 0 = a free port. */
  port?: number
  /** Seconds a build stays 'Building' at least; default 2. */
  buildSeconds?: number
  /** Force every build to fail; default false. */
  buildFails?: boolean
  /** login -> password; default DEFAULT_USERS. */
  users?: Record<string, string>
  /** group name -> group token (32 lowercase hex); default DEFAULT_GROUPS. */
  groups?: Record<string, string>
  /** User token lifetime; default 3600. */
  tokenLifetimeSeconds?: number
  /** Time limit for a sync run, an async run and a build check; default 60. */
  runTimeoutSeconds?: number
  /**
   * Python interpreter of builds and runs; default the first of python3 on PATH and
   * /usr/bin/python3 that can import pandas (v2 executions need it), else python3.
   */
  python?: string
  /** 'v2' (default): today's server, v1 and v2 routes; 'v1': an older server, every /api/v2/... is 404. */
  api?: 'v1' | 'v2'
  /** The tenant the login accepts; default 'datarisk'. Another tenant is 401. */
  tenant?: string
  /** Refuse a login without a tenant field (401); default false (it means `tenant`). */
  requireTenant?: boolean
  /** Where uploads are stored; default a fresh temp dir, removed on close. */
  dataDir?: string
  /** Version answered by /api/health; default 'emulator-1.0.0'. */
  version?: string
  /** Called with one line per request served. */
  log?: (line: string) => void
  /** Models that exist from the start (emulator/README.md, Models); a bad seed fails the start. */
  models?: ModelSeed[]
}

export type AuthKind = 'none' | 'user' | 'group' | 'invalid'

export interface RecordedRequest {
  method: string
  /** Path without the query, e.g. '/api/preprocessing/register/datarisk'. */
  path: string
  query: Record<string, string>
  /** Which kind of bearer token was presented and accepted. */
  auth: AuthKind
  /** Status answered, or 0 when none was (a reset fault, or a client that went away). */
  status: number
  /** Kind of the injected fault that answered or altered the request, if any. */
  fault?: string
  /** Non-file form fields; 'password' is never recorded. */
  form: Record<string, string>
  files: { part: string; filename: string; size: number }[]
  contentType?: string
  at: number
}

export type FaultKind = 'status' | 'latency' | 'reset' | 'malformed' | 'hang-build'

export interface FaultSpec {
  /** HTTP method to match, e.g. 'POST'; default any. */
  method?: string
  /** Regex source matched against the request path. */
  path: string
  kind: FaultKind
  /** For 'status': the status to answer. */
  status?: number
  /** Retry-After header value in seconds (sent with any 'status' fault that sets it). */
  retryAfter?: number
  /** For 'latency': delay before handling normally. */
  latencyMs?: number
  /** Apply to the next N matching requests; default unlimited with probability, else 1. */
  times?: number
  /** Fraction 0..1 of matching requests the fault applies to. */
  probability?: number
  /** Seed of the fault's own RNG for probability, so runs are repeatable; default 1. */
  seed?: number
}

export type Operation = 'Sync' | 'Async'

export interface ScriptSummary {
  /** The API that registered it; each API's routes see only its own scripts. */
  api: 'v1' | 'v2'
  group: string
  hash: string
  name: string
  operation: Operation
  status: string
  dir: string
  files: string[]
}

export interface Emulator {
  /** Server root, e.g. 'http://127.0.0.1:43117' (the API is under /api). */
  readonly url: string
  /** Every request served, in arrival order. */
  readonly requests: RecordedRequest[]
  addFault(f: FaultSpec): string
  clearFaults(): void
  clearRequests(): void
  setBuildSeconds(s: number): void
  setBuildFails(b: boolean): void
  scripts(): ScriptSummary[]
  /** The seeded models. */
  models(): ModelSummary[]
  /** Seeds one more model (a bad seed rejects with an Error naming the field). */
  addModel(seed: ModelSeed): Promise<ModelSummary>
  close(): Promise<void>
}
