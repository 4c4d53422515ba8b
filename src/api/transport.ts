import { createWriteStream, type ReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { Agent } from 'node:http'
import fetch, { type RequestInit, type Response } from 'node-fetch'
import FormData from 'form-data'
import { streamFile } from '../shared/files.js'
import { AbandonedError, ApiError, AuthError, CancelledError, NetworkError } from '../shared/errors.js'
import type { ErrorEnvelope, HealthResponse, LoginResponse } from './wire.js'

/**
 * The one request path under both APIs (v1 and v2): auth, retries, timeouts,
 * redaction and errors. It knows no endpoint but health and login (auth needs them);
 * v1.ts and v2.ts describe their calls as `Call`s and send them here.
 */

/** Progress and diagnostics leave the API layer through this; it never imports @actions/*. */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

export interface RetryPolicy {
  /** Attempts in all for a read, the first included. */
  readonly attempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** The longest Retry-After the client will honour. */
  readonly maxRetryAfterMs: number
  /**
   * How long a write the server refused before acting (429, 503 with Retry-After,
   * connection refused) keeps being sent again: a time budget, not a count, so a busy
   * server that says "come back" five times in a row does not end the deploy.
   */
  readonly writeBudgetMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 30_000,
  writeBudgetMs: 120_000
}

/** Where and as whom to connect: parsed from the inputs (DeploySpec.connection), handed to the transport as is. */
export interface ConnectionSettings {
  /** API base: the server root with `/api` appended (contract §1). */
  readonly apiUrl: string
  readonly login: string
  readonly password: string
  /** Sent as the login form's `tenant` field only when set (mlops-current-api §2). */
  readonly tenant?: string
  /** Needed only by v1 run calls (smoke test). */
  readonly groupToken?: string
  readonly requestTimeoutMs: number
}

export interface TransportOptions extends ConnectionSettings {
  readonly logger: Logger
  readonly retry?: RetryPolicy
  /** Aborted when the runner cancels the step. */
  readonly signal?: AbortSignal
  /** Absolute epoch ms past which no retry is attempted (the wait deadline). */
  readonly deadline?: () => number | undefined
  /** Called with every user token obtained, so it can be masked before anything prints. */
  readonly onToken?: (token: string) => void
  /** An http(s) agent per URL, for proxies. */
  readonly agent?: (url: URL) => Agent | undefined
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random?: () => number
  /** Epoch clock for the write budget; Date.now by default. */
  readonly now?: () => number
  /**
   * Applied to every server text (and network error text) the client puts into an
   * error or a log message, before it is cut short, so no secret is half left behind.
   * Default: the identity.
   */
  readonly redact?: (text: string) => string
}

/** A file part of a multipart body, streamed from disk when the request is sent. */
export interface FilePart {
  readonly part: string
  readonly filename: string
  readonly localPath?: string
  readonly inline?: Buffer
  readonly size: number
}

export type Auth = 'none' | 'user' | 'group'

/** An accepted answer, its body read as the call asked (`Call.read`). */
export interface Answer {
  readonly response: Response
  readonly json?: unknown
  readonly text?: string
  /** Bytes written to the file, for a download. */
  readonly size?: number
}

/** A request body, made anew for every attempt. */
export interface Body {
  readonly body: RequestInit['body']
  readonly headers: Record<string, string>
  /** For a streamed upload: settles once the whole body has been handed to the connection. */
  readonly sent?: Promise<void>
  /** For a streamed upload: calls the listener on every chunk of the body that goes out. */
  readonly onData?: (listener: () => void) => void
  /** Releases what the body holds open (a file being read), once the attempt is over. */
  readonly dispose?: () => void
}

/**
 * Where a request's time goes, for its timeout (README "Retries and timeouts"):
 * sending an upload's body, waiting for the answer, reading the answer's body, or
 * streaming a download to a file.
 */
type Phase = 'upload' | 'answer' | 'body' | 'download'

/**
 * Whether a request may be sent again after a failure:
 * - `read`: no effect on the server; retried on any transient failure.
 * - `write`: retried only when the server provably did not act (see `mayRetry`).
 */
export type Safety = 'read' | 'write'

export interface Call {
  readonly method: 'GET' | 'POST' | 'PATCH'
  /** Path under the API base, already escaped. */
  readonly path: string
  readonly auth: Auth
  readonly safety: Safety
  /** Made anew for every attempt: a stream can be sent only once. */
  readonly body?: () => Body
  /**
   * How the answer's body is read, inside the attempt and under its timeout: parsed as
   * JSON (a garbled answer to a read is then retried), as text, or streamed to a file.
   * Without it the body is left unread.
   */
  readonly read?: 'json' | 'text' | { readonly file: string }
  /** Statuses that mean success. */
  readonly ok: readonly number[]
  /** Absolute epoch ms: no retry starts past it, and each attempt's timeout ends near it. */
  readonly deadline?: number
  /** Abandons this call alone (the run's own signal stops every call): it ends with AbandonedError, and a 401 on it is not followed by a new login. */
  readonly signal?: AbortSignal
  /**
   * A write's effect in words, for its failures: `{ what: 'register', undone: 'not registered' }`
   * gives "the server refused the register 6 times (not registered)".
   */
  readonly effect?: { readonly what: string; readonly undone: string }
}

/** Node error codes that prove the request never left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])
/** Failures no retry can mend: the name does not resolve, the certificate is wrong. */
const PERMANENT_CODES = new Set([
  'ENOTFOUND',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'UNABLE_TO_GET_ISSUER_CERT',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
])
const RETRYABLE_READ_STATUSES = new Set([429, 500, 502, 503, 504])

class AttemptFailure extends Error {
  constructor(
    readonly error: ApiError | NetworkError,
    /** The server asked to wait this long (Retry-After), if it said. */
    readonly retryAfterMs?: number,
    /**
     * A success status whose body is not JSON. Truncated JSON (a dropped connection,
     * a proxy cutting the answer) is worth another try; an HTML page or plain text is
     * a wrong URL or a portal, which no retry mends.
     */
    readonly garbled?: 'truncated' | 'not-json'
  ) {
    super(error.message)
  }
}

/** Per-call limits, e.g. the wait's deadline for a status check. */
export interface CallOptions {
  /** Absolute epoch ms past which no retry starts; each attempt's timeout is clipped to it (plus a grace). */
  readonly deadline?: number
  /** Abandons the call (e.g. a lookup nobody needs any more). */
  readonly signal?: AbortSignal
}

/** How long an attempt made near a deadline may still take to answer, past that deadline. */
const DEADLINE_GRACE_MS = 2000

/**
 * Sends calls: sets the auth header, classifies the answer, retries what is safe to
 * retry, logs in again once on a 401, and never prints a token.
 */
export class Transport {
  private userToken?: string
  private readonly retry: RetryPolicy
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  private readonly random: () => number
  private readonly now: () => number
  private readonly redact: (text: string) => string
  /** Requests sent, for the benchmark and the job summary. */
  readonly stats = { requests: 0, retries: 0, logins: 0 }

  constructor(private readonly options: TransportOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry }
    this.sleep = options.sleep ?? abortableSleep
    this.random = options.random ?? Math.random
    this.now = options.now ?? Date.now
    this.redact = options.redact ?? ((text) => text)
  }

  /** Server text for the API modules' own messages: redacted, on one line, cut short. */
  text(raw: string, max = 300): string {
    return describeText(raw, this.redact, max)
  }

  /** Server text for a progress line: redacted, on one line, cut at 100 characters. */
  line(raw: string): string {
    return oneLineText(raw, this.redact)
  }

  get logger(): Logger {
    return this.options.logger
  }

  get policy(): RetryPolicy {
    return this.retry
  }

  /** Sleeps as the transport does between retries (cancellable). */
  pause(ms: number): Promise<void> {
    return this.sleep(ms, this.options.signal)
  }

  /** H: the server version; also proves the URL points at a Neomaril API. Read-only, sends nothing secret. */
  async health(): Promise<string> {
    const body = await this.json<HealthResponse>({
      method: 'GET',
      path: '/health',
      auth: 'none',
      safety: 'read',
      ok: [200]
    })
    return typeof body.Version === 'string' ? body.Version : 'unknown'
  }

  /** L: a user token. Logging in has no lasting effect, so it is retried like a read. */
  async logIn(): Promise<void> {
    const { login, password, tenant } = this.options
    // No tenant field at all when none is set: a 2.x-era server never sees one (mlops-current-api §2).
    const fields: Record<string, string> =
      tenant === undefined ? { user: login, password } : { user: login, password, tenant }
    const form = new URLSearchParams(fields).toString()
    let body: LoginResponse
    try {
      body = await this.json<LoginResponse>({
        method: 'POST',
        path: '/login',
        auth: 'none',
        safety: 'read',
        ok: [200],
        body: () => ({ body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
      })
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
        const who = tenant === undefined ? `'${login}'` : `'${login}' in tenant '${tenant}'`
        const fix =
          tenant === undefined
            ? "Check the 'login' and 'password' inputs (or NEOMARIL_USER / NEOMARIL_PASSWORD); a server with several tenants may also need the 'tenant' input (or MLOPS_TENANT)."
            : "Check the 'login' and 'password' inputs (or NEOMARIL_USER / NEOMARIL_PASSWORD) and that the account belongs to that tenant (the 'tenant' input, MLOPS_TENANT or NEOMARIL_TENANT)."
        throw new AuthError(`Login as ${who} was refused (HTTP ${error.status}: ${error.serverMessage}). ${fix}`)
      }
      throw error
    }
    if (typeof body.Token !== 'string' || body.Token === '')
      throw new ApiError('POST', '/login', 200, 'the answer holds no Token')
    this.options.onToken?.(body.Token)
    this.userToken = body.Token
    this.stats.logins++
  }

  async json<T>(call: Call): Promise<T> {
    return (await this.send({ ...call, read: 'json' })).json as T
  }

  /**
   * Sends a call with retries. The answer's body is read inside each attempt
   * (`Call.read`), so a garbled JSON answer to a read is retried too, and the
   * request's timeout holds until the body has been read.
   */
  async send(call: Call): Promise<Answer> {
    if (call.auth === 'user' && !this.userToken) await this.logIn()
    let reauthenticated = false
    // A write's budget counts the time since it was first sent, or the pauses between
    // its attempts when they add up to more (an injected sleep takes no clock time).
    const firstSent = this.now()
    let paused = 0
    for (let attempt = 1; ; attempt++) {
      this.throwIfCancelled(call)
      try {
        return await this.attempt(call)
      } catch (failure) {
        if (!(failure instanceof AttemptFailure)) throw failure
        const error = failure.error
        // A token can expire during a long build: log in again once, then retry. Not for a
        // call that may be abandoned (an optional lookup): its login could outlive it, and
        // the run's own next call logs in anyway.
        if (
          error instanceof ApiError &&
          error.status === 401 &&
          call.auth === 'user' &&
          !reauthenticated &&
          !call.signal
        ) {
          this.options.logger.info(`${call.method} ${call.path}: the user token was refused; logging in again.`)
          reauthenticated = true
          await this.logIn()
          attempt--
          continue
        }
        if (error instanceof ApiError && error.status === 401 && call.auth !== 'none') throw authFailure(call, error)
        const delay = this.retryDelay(call, failure, attempt, Math.max(this.now() - firstSent, paused))
        if (delay === undefined) throw finalError(call, failure, attempt)
        this.stats.retries++
        const left =
          call.safety === 'read'
            ? `attempt ${attempt + 1} of ${this.retry.attempts}`
            : `attempt ${attempt + 1}; the server refused it before acting, so it is sent again for up to ${Math.round(this.retry.writeBudgetMs / 1000)}s`
        this.options.logger.info(
          `${call.method} ${call.path}: ${describeFailure(error)}; retrying in ${(delay / 1000).toFixed(1)}s (${left}).`
        )
        paused += delay
        await this.sleep(delay, this.signalOf(call)).catch((error: unknown) => {
          // Say which signal stopped the sleep: the run's (cancelled) or the call's (abandoned).
          this.throwIfCancelled(call)
          throw error
        })
      }
    }
  }

  /** How long to wait before the next attempt, or undefined when it must not be retried. */
  private retryDelay(call: Call, failure: AttemptFailure, attempt: number, spentMs: number): number | undefined {
    if (!mayRetry(call.safety, failure)) return undefined
    // Reads get a count of attempts; writes refused before acting get a time budget.
    if (call.safety === 'read' && attempt >= this.retry.attempts) return undefined
    let delay = this.backoff(attempt)
    if (failure.retryAfterMs !== undefined)
      delay = Math.min(Math.max(delay, failure.retryAfterMs), this.retry.maxRetryAfterMs)
    if (call.safety === 'write' && spentMs + delay > this.retry.writeBudgetMs) return undefined
    const deadline = this.deadlineOf(call)
    if (deadline !== undefined && this.now() + delay > deadline) return undefined
    return delay
  }

  /** Exponential backoff with jitter: half the step fixed, half random, so runners that failed together do not retry together. */
  backoff(attempt: number): number {
    const step = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** Math.min(attempt - 1, 20))
    return step / 2 + this.random() * (step / 2)
  }

  private deadlineOf(call: Call): number | undefined {
    const global = this.options.deadline?.()
    if (call.deadline === undefined) return global
    return global === undefined ? call.deadline : Math.min(global, call.deadline)
  }

  private async attempt(call: Call): Promise<Answer> {
    const url = new URL(this.options.apiUrl + call.path)
    const headers: Record<string, string> = { Accept: 'application/json' }
    const token = call.auth === 'user' ? this.userToken : call.auth === 'group' ? this.options.groupToken : undefined
    if (call.auth !== 'none') {
      if (!token)
        throw new AuthError(
          `${call.method} ${call.path} needs the group token: set the 'group-token' input (or NEOMARIL_GROUP_TOKEN).`
        )
      headers.Authorization = `Bearer ${token}`
    }
    const made = call.body?.()
    Object.assign(headers, made?.headers)

    // One timer, re-armed as the request moves on (README "Retries and timeouts"):
    // - upload: while a streamed body is sent, re-armed on every chunk that goes out,
    //   so a server that stops taking the body fails the attempt;
    // - answer: from the end of the body (or the start, without one) until the answer
    //   has been read in full, body included;
    // - download: re-armed on every chunk of the answer streamed to the file.
    // Near a deadline an attempt gets only a short grace past it.
    const deadline = this.deadlineOf(call)
    const timeoutMs =
      deadline === undefined
        ? this.options.requestTimeoutMs
        : Math.min(this.options.requestTimeoutMs, Math.max(0, deadline - Date.now()) + DEADLINE_GRACE_MS)
    const timeout = new AbortController()
    let timer: NodeJS.Timeout | undefined
    let settled = false
    let phase: Phase = made?.sent ? 'upload' : 'answer'
    let timedOutIn: Phase | undefined
    const arm = () => {
      if (settled) return
      clearTimeout(timer)
      timer = setTimeout(() => {
        timedOutIn = phase
        timeout.abort()
      }, timeoutMs)
    }
    arm()
    if (made?.sent) {
      made.onData?.(() => {
        if (phase === 'upload') arm()
      })
      const bodySent = () => {
        if (phase !== 'upload') return
        phase = 'answer'
        arm()
      }
      made.sent.then(bodySent, bodySent)
    }
    const signal = AbortSignal.any(
      [this.signalOf(call), timeout.signal].filter((s): s is AbortSignal => s !== undefined)
    )

    this.stats.requests++
    this.options.logger.debug(`${call.method} ${url.pathname}`)
    let response: Response
    try {
      response = await fetch(url, {
        method: call.method,
        headers,
        body: made?.body,
        signal,
        agent: this.options.agent?.(url),
        redirect: 'manual'
      })
      // The answer has begun (maybe before the whole upload was taken): its body is read under the same timer.
      phase = 'body'
      if (call.ok.includes(response.status)) {
        if (call.read === 'json') {
          const text = await response.text()
          try {
            return { response, json: JSON.parse(text) as unknown }
          } catch {
            const truncated = /^\s*[[{]/.test(text) || text.trim() === ''
            const what = truncated
              ? 'is cut-off or garbled JSON'
              : `is not JSON (${oneLineText(response.headers.get('content-type') ?? 'no Content-Type', this.redact)})`
            throw new AttemptFailure(
              new ApiError(
                call.method,
                call.path,
                response.status,
                `the answer ${what}: ${describeText(text, this.redact)}. Is 'url' the Neomaril server's root?`
              ),
              undefined,
              truncated ? 'truncated' : 'not-json'
            )
          }
        }
        if (call.read === 'text') return { response, text: await response.text() }
        if (call.read) {
          phase = 'download'
          arm()
          let size = 0
          const count = async function* (source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
            for await (const chunk of source) {
              size += Buffer.byteLength(chunk)
              arm()
              yield chunk
            }
          }
          await pipeline(response.body as NodeJS.ReadableStream, count, createWriteStream(call.read.file), { signal })
          return { response, size }
        }
        return { response }
      }
      const text = await response.text()
      throw new AttemptFailure(
        apiError(call, response.status, text, this.redact),
        retryAfterMs(response.headers.get('retry-after'))
      )
    } catch (error) {
      if (error instanceof AttemptFailure) throw error
      this.throwIfCancelled(call)
      if (timeout.signal.aborted) {
        throw new AttemptFailure(
          new NetworkError(
            call.method,
            call.path,
            timeoutReason(timedOutIn ?? phase, timeoutMs, timeoutMs < this.options.requestTimeoutMs),
            false
          )
        )
      }
      throw new AttemptFailure(networkError(call, error, url, this.redact))
    } finally {
      settled = true
      clearTimeout(timer)
      made?.dispose?.()
    }
  }

  private throwIfCancelled(call?: Call): void {
    if (this.options.signal?.aborted) throw new CancelledError(String(this.options.signal.reason ?? 'cancellation'))
    if (call?.signal?.aborted) throw new AbandonedError(`${call.method} ${call.path}`)
  }

  /** What stops a call: the run's signal, the call's own, or both. */
  private signalOf(call: Call): AbortSignal | undefined {
    if (!call.signal) return this.options.signal
    return this.options.signal ? AbortSignal.any([this.options.signal, call.signal]) : call.signal
  }
}

/** Errors of writes the server provably never acted on (refused until the budget ran out). */
const REFUSED = new WeakSet<Error>()

/** True when the write provably did not act: the server refused it every time. */
export function wasRefused(error: unknown): boolean {
  return error instanceof Error && REFUSED.has(error)
}

/**
 * The error a call ends with once it is not retried. A write the server refused
 * before acting says so, with the count; one that may have acted says that instead
 * (README "Retries and timeouts").
 */
function finalError(call: Call, failure: AttemptFailure, attempts: number): ApiError | NetworkError {
  const error = failure.error
  if (call.safety !== 'write' || !call.effect) return error
  if (refusedBeforeActing(failure)) {
    const refused = withHint(
      error,
      `the server refused the ${call.effect.what} ${attempts} time${attempts === 1 ? '' : 's'} (${call.effect.undone})`
    )
    REFUSED.add(refused)
    return refused
  }
  if (isAmbiguous(error)) {
    const broke =
      error instanceof NetworkError
        ? 'the connection broke after the body was sent'
        : `the server failed (HTTP ${error.status}) after the body was sent`
    return withHint(error, `${broke} (it may exist)`)
  }
  return error
}

/** The retry policy, in one place (README "Retries"). */
function mayRetry(safety: Safety, failure: AttemptFailure): boolean {
  const error = failure.error
  if (error instanceof NetworkError && PERMANENT_CODES.has(codeOf(error.reason))) return false
  if (safety === 'write') return refusedBeforeActing(failure)
  if (error instanceof NetworkError) return true
  return RETRYABLE_READ_STATUSES.has(error.status) || failure.garbled === 'truncated'
}

/** The server provably did not act: it said "come back later", or the request never left. */
function refusedBeforeActing(failure: AttemptFailure): boolean {
  const error = failure.error
  if (error instanceof NetworkError) return error.notSent && !PERMANENT_CODES.has(codeOf(error.reason))
  return error.status === 429 || (error.status === 503 && failure.retryAfterMs !== undefined)
}

function codeOf(reason: string): string {
  return /\(([A-Z][A-Z0-9_]{3,})\)/.exec(reason)?.[1] ?? /\b([A-Z][A-Z_]{3,})\b/.exec(reason)?.[1] ?? ''
}

/** A failure after which a write may or may not have acted on the server. */
export function isAmbiguous(error: unknown): error is ApiError | NetworkError {
  if (error instanceof NetworkError) return !error.notSent && !PERMANENT_CODES.has(codeOf(error.reason))
  return error instanceof ApiError && (error.status >= 500 || error.status === 429)
}

export function withHint(error: ApiError | NetworkError, hint: string): ApiError | NetworkError {
  return error instanceof NetworkError
    ? new NetworkError(error.method, error.path, `${error.reason}; ${hint}`, error.notSent)
    : new ApiError(error.method, error.path, error.status, `${error.serverMessage}; ${hint}`, error.errorType)
}

function authFailure(call: Call, error: ApiError): AuthError {
  const which =
    call.auth === 'group'
      ? "the group token was refused: check the 'group-token' input (or NEOMARIL_GROUP_TOKEN) belongs to this group"
      : 'the user token was refused even after logging in again: check the account can use this group'
  return new AuthError(`${call.method} ${call.path}: ${which} (HTTP 401: ${error.serverMessage}).`)
}

function apiError(call: Call, status: number, text: string, redact: (text: string) => string): ApiError {
  let message = describeText(text, redact)
  let type: string | undefined
  try {
    const envelope = JSON.parse(text) as ErrorEnvelope
    const inner = envelope.Error ?? envelope.error
    if (inner) {
      const own = (inner as { Message?: unknown }).Message ?? (inner as { message?: unknown }).message
      if (own !== undefined && own !== null) message = redact(String(own))
      const kind = (inner as { Type?: unknown }).Type ?? (inner as { type?: unknown }).type
      if (kind !== undefined && kind !== null) type = redact(String(kind))
    }
  } catch {
    // not JSON: the text itself is the best explanation there is
  }
  return new ApiError(call.method, call.path, status, message, type)
}

/** A timeout in words, naming the input that sets it. */
function timeoutReason(phase: Phase, timeoutMs: number, clipped: boolean): string {
  const seconds = `${(timeoutMs / 1000).toFixed(timeoutMs < 10_000 ? 1 : 0)}s`
  const input = `request-timeout${clipped ? ', cut short by the wait deadline' : ''}`
  switch (phase) {
    case 'upload':
      return `the upload stalled: the server took no data for ${seconds} while the request body was being sent (${input})`
    case 'body':
      return `the answer began but was not complete within ${seconds} (${input})`
    case 'download':
      return `the download stalled: no data arrived for ${seconds} (${input})`
    default:
      return `no answer within ${seconds} (${input})`
  }
}

/** Node's error codes, said in words; the code stays in parentheses for searching. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server while the request was being sent',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed for now (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNABORTED: 'connection aborted',
  CERT_HAS_EXPIRED: "TLS: the server's certificate has expired",
  CERT_NOT_YET_VALID: "TLS: the server's certificate is not valid yet (check the runner's clock)",
  DEPTH_ZERO_SELF_SIGNED_CERT:
    "TLS: the server's certificate is self-signed, so it is not trusted (add its CA with NODE_EXTRA_CA_CERTS)",
  SELF_SIGNED_CERT_IN_CHAIN:
    "TLS: the server's certificate chain ends in a self-signed certificate that is not trusted (a TLS-inspecting proxy? add its CA with NODE_EXTRA_CA_CERTS)",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "TLS: the server's certificate cannot be verified (an incomplete chain, or a CA this runner does not trust; NODE_EXTRA_CA_CERTS)",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    "TLS: the issuer of the server's certificate is not trusted on this runner (add it with NODE_EXTRA_CA_CERTS)",
  UNABLE_TO_GET_ISSUER_CERT: "TLS: the issuer of the server's certificate cannot be found",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS: the server's certificate is not for this host name",
  CERT_REVOKED: "TLS: the server's certificate was revoked",
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS handshake failed: the port may speak plain http (try http://, or the right port)',
  EPROTO: 'TLS handshake failed'
}

function networkError(call: Call, error: unknown, url: URL, redact: (text: string) => string): NetworkError {
  const cause = (error as { cause?: { code?: string }; code?: string }) ?? {}
  const code = cause.code ?? cause.cause?.code ?? ''
  const message = redact((error as Error)?.message ?? String(error))
  return new NetworkError(call.method, call.path, networkReason(code, message, url.host), NOT_SENT_CODES.has(code))
}

/** A network failure in words: `connection refused (ECONNREFUSED) at host:port`. */
export function networkReason(code: string, message: string, host: string): string {
  const words = NETWORK_REASONS[code]
  if (words) return `${words} (${code}) at ${host}`
  return code ? `${message} (${code})` : message
}

/** A failure for a progress line; its texts were redacted when the error was made. */
export function describeFailure(error: ApiError | NetworkError): string {
  return error instanceof ApiError
    ? `HTTP ${error.status}${error.errorType ? ` ${oneLine(error.errorType).slice(0, 100)}` : ''}`
    : oneLine(error.reason)
}

/** On one line: a lone \r ends a line for the runner too, so nothing in it can start a workflow command. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ')
}

/** Server text in a progress line: redacted, then on one line and cut short. */
export function oneLineText(text: string, redact: (text: string) => string): string {
  return oneLine(redact(text)).slice(0, 100)
}

/** Server text for messages: redacted first (a secret must not straddle the cut), then on one line and cut short. */
export function describeText(text: string, redact: (text: string) => string, max = 300): string {
  const flat = redact(text).replace(/\s+/g, ' ').trim()
  if (!flat) return 'empty body'
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

export function multipart(fields: Record<string, string>, files: readonly FilePart[]): Body {
  const form = new FormData()
  const open = new Set<ReadStream>()
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  for (const file of files) {
    // knownLength lets form-data compute Content-Length without reading the files.
    const options = { filename: file.filename, knownLength: file.size, contentType: 'application/octet-stream' }
    if (file.inline) form.append(file.part, file.inline, options)
    // form-data takes a knownLength of 0 for "unknown" and would measure a stream: an empty file is an empty part.
    else if (file.size === 0) form.append(file.part, Buffer.alloc(0), options)
    else {
      // Opened only when form-data reaches this part (combined-stream calls the function then),
      // so thousands of extra files never hold thousands of descriptors at once.
      const path = file.localPath as string
      const lazy = (next: (stream: ReadStream) => void) => {
        const stream = streamFile(path)
        open.add(stream)
        stream.once('close', () => open.delete(stream))
        next(stream)
      }
      form.append(file.part, lazy, options)
    }
  }
  const sent = new Promise<void>((resolve) => form.once('end', () => resolve()))
  return {
    body: form,
    headers: { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()) },
    sent,
    onData: (listener) => form.on('data', listener),
    // An attempt that failed mid-upload leaves the file being read open: close it.
    dispose: () => {
      for (const stream of open) stream.destroy()
    }
  }
}

export function seg(value: string): string {
  return encodeURIComponent(value)
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError(String(signal.reason ?? 'cancellation')))
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(new CancelledError(String(signal?.reason ?? 'cancellation')))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** A JSON request body. */
export function jsonBody(value: unknown): () => Body {
  const text = JSON.stringify(value)
  return () => ({ body: text, headers: { 'Content-Type': 'application/json' } })
}

/**
 * Sends a write and reads its JSON answer, its failures explained: a 404 with what it
 * means for this call, and a failure after which the write may have acted with what
 * to look for (it is never sent again then).
 */
export async function sendWrite<T>(
  transport: Transport,
  call: Call,
  hints: { readonly notFound?: string; readonly mayHaveActed: string }
): Promise<T> {
  try {
    return await transport.json<T>(call)
  } catch (error) {
    if (hints.notFound && error instanceof ApiError && error.status === 404) throw withHint(error, hints.notFound)
    if (isAmbiguous(error) && !wasRefused(error)) throw withHint(error, hints.mayHaveActed)
    throw error
  }
}
