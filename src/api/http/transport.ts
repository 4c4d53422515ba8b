import { AbandonedError, ApiError, AuthError, CancelledError, type NetworkError } from '../../shared/errors.js'
import { abortableSleep } from '../../shared/sleep.js'
import { attempt } from './attempt.js'
import { AttemptFailure } from './failure-kinds.js'
import { authFailure, finalError } from './failures.js'
import { serverVersion, userToken } from './login.js'
import { backoff, DEFAULT_RETRY, mayRetry, type RetryPolicy } from './retry.js'
import { describeFailure, describeText, oneLineText } from './server-text.js'
import type { TransportOptions } from './options.js'
import type { Answer, Call, Logger } from './types.js'

/**
 * The one request path under both APIs (v1 and v2): auth, retries, timeouts,
 * redaction and errors. It knows no endpoint but health and login (auth needs them);
 * src/api/v1.ts and src/api/v2.ts describe their calls as `Call`s and send them here.
 */

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
  private warnedSilent = false

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

  /** The pause before retry number `attempt` (docs/retries-and-timeouts.md). */
  backoff(attempt: number): number {
    return backoff(this.retry, attempt, this.random)
  }

  /** H: the server version; also proves the URL points at a Neomaril API. Read-only, sends nothing secret. */
  health(): Promise<string> {
    return serverVersion(this)
  }

  /** L: a user token, masked (onToken) before anything can print it. */
  async logIn(): Promise<void> {
    const token = await userToken(this, this.options)
    this.options.onToken?.(token)
    this.userToken = token
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
        const refused = error instanceof ApiError && error.status === 401
        // A token can expire during a long build: log in again once, then retry. Not for a
        // call that may be abandoned (an optional lookup): its login could outlive it, and
        // the run's own next call logs in anyway.
        if (refused && call.auth === 'user' && !reauthenticated && !call.signal) {
          this.options.logger.info(`${call.method} ${call.path}: the user token was refused; logging in again.`)
          reauthenticated = true
          await this.logIn()
          attempt--
          continue
        }
        if (refused && call.auth !== 'none') throw authFailure(call, error)
        const delay = this.retryDelay(call, failure, attempt, Math.max(this.now() - firstSent, paused))
        if (delay === undefined) throw finalError(call, failure, attempt)
        if (failure.silent && !this.warnedSilent) this.warnSilent(call, error, attempt)
        this.stats.retries++
        const left =
          call.safety === 'read'
            ? `attempt ${attempt + 1} of ${this.attemptsFor(call, failure)}`
            : `attempt ${attempt + 1}; the server refused it before acting, ` +
              `so it is sent again for up to ${Math.round(this.retry.writeBudgetMs / 1000)}s`
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

  /**
   * Once a run: a host that said nothing to a request is named at once, with how
   * long it was given, that it is asked again, and what bounds the wait.
   */
  private warnSilent(call: Call, error: ApiError | NetworkError, attempt: number): void {
    this.warnedSilent = true
    const host = new URL(this.options.apiUrl).host
    const left = this.attemptsFor(call, { silent: true }) - attempt
    const bound =
      call.probe && this.retry.probeTimeoutMs < this.options.requestTimeoutMs
        ? `this first request is bounded at ${this.retry.probeTimeoutMs / 1000}s a try, later ones by 'request-timeout'`
        : "'request-timeout' bounds each try"
    this.options.logger.warning(
      `No answer from ${host} to ${call.method} ${call.path} (${describeFailure(error)}). ` +
        `Asking again up to ${left} more time${left === 1 ? '' : 's'} (${bound}). ` +
        "A server that stays silent is usually a wrong host or port in 'url', or a firewall or proxy holding " +
        'the connection.'
    )
  }

  /** Attempts in all for a read: fewer for the first request while the host stays silent. */
  private attemptsFor(call: Call, failure: Pick<AttemptFailure, 'silent'>): number {
    return (call.probe || call.fewSilentTries) && failure.silent ? this.retry.silentProbeAttempts : this.retry.attempts
  }

  /** How long to wait before the next attempt, or undefined when it must not be retried. */
  private retryDelay(call: Call, failure: AttemptFailure, attempt: number, spentMs: number): number | undefined {
    if (!mayRetry(call.safety, failure)) return undefined
    // Reads get a count of attempts; writes refused before acting get a time budget.
    if (call.safety === 'read' && attempt >= this.attemptsFor(call, failure)) return undefined
    let delay = this.backoff(attempt)
    if (failure.retryAfterMs !== undefined)
      delay = Math.min(Math.max(delay, failure.retryAfterMs), this.retry.maxRetryAfterMs)
    if (call.safety === 'write' && spentMs + delay > this.retry.writeBudgetMs) return undefined
    const deadline = this.deadlineOf(call)
    if (deadline !== undefined && this.now() + delay > deadline) return undefined
    return delay
  }

  private deadlineOf(call: Call): number | undefined {
    const global = this.options.deadline?.()
    if (call.deadline === undefined) return global
    return global === undefined ? call.deadline : Math.min(global, call.deadline)
  }

  /** One attempt: the auth header, a timeout clipped to the deadline (plus a grace), then attempt.ts. */
  private attempt(call: Call): Promise<Answer> {
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
    const deadline = this.deadlineOf(call)
    const probeBound = call.probe && this.retry.probeTimeoutMs < this.options.requestTimeoutMs
    const requestTimeoutMs = probeBound ? this.retry.probeTimeoutMs : this.options.requestTimeoutMs
    const timeoutMs =
      deadline === undefined
        ? requestTimeoutMs
        : Math.min(requestTimeoutMs, Math.max(0, deadline - Date.now()) + DEADLINE_GRACE_MS)
    this.stats.requests++
    this.options.logger.debug(`${call.method} ${url.pathname}`)
    return attempt(call, {
      url,
      headers,
      made,
      timeoutMs,
      clipped: timeoutMs < requestTimeoutMs,
      bound: probeBound ? "the first request's bound; later ones: request-timeout" : undefined,
      signal: this.signalOf(call),
      agent: this.options.agent?.(url),
      proxy: this.options.proxyOf?.(url),
      redact: this.redact,
      throwIfStopped: () => this.throwIfCancelled(call)
    })
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
