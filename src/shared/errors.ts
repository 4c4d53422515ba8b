/**
 * The few typed errors the action raises. Each carries what a user needs to act;
 * `main.ts` turns them into one clear message at the top.
 */

/** One or more inputs are wrong; found before any network call. */
export class InputError extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(
      problems.length === 1 && problems[0]
        ? formatProblem(problems[0])
        : `${problems.length} inputs need fixing:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`
    )
    this.name = 'InputError'
  }
}

export interface InputProblem {
  /** The kebab-case input name, as written in the workflow's `with:`. */
  readonly input: string
  /** What is wrong, naming the value. */
  readonly problem: string
  /** How to fix it. */
  readonly fix?: string
}

function formatProblem(p: InputProblem): string {
  return `Input '${p.input}': ${p.problem}${p.fix ? ` ${p.fix}` : ''}`
}

/** The server answered with a status the call cannot accept. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    /** The server's own explanation (the error envelope's message, or the raw body, cut short). */
    readonly serverMessage: string,
    /** The envelope's `Type` when there is one (BadInput, InvalidBearerToken, …). */
    readonly errorType?: string,
    /**
     * The forward proxy the answer came through (an http:// url), in words (`the proxy host:port
     * (HTTP_PROXY)`): the answer may be the proxy's own, not the server's.
     */
    readonly proxy?: string
  ) {
    super(
      `${method} ${path} answered HTTP ${status}${errorType ? ` ${errorType}` : ''}: ${serverMessage || '(empty body)'}`
    )
    this.name = 'ApiError'
  }

  /**
   * The proxy, when this refusal may be its own rather than the server's: it came through a
   * forward proxy and carries no error envelope of the server's (a 502: the proxy could not
   * reach the server). The progress lines and the final message both go by this.
   */
  get proxyMayHaveAnswered(): string | undefined {
    const refused = this.status < 200 || this.status >= 300
    return refused && this.errorType === undefined ? this.proxy : undefined
  }
}

/** Credentials or tokens were refused. */
export class AuthError extends Error {
  override readonly name = 'AuthError'
}

/** The request never got an HTTP answer (refused, reset, timed out, DNS, TLS). */
export class NetworkError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly reason: string,
    /** True when the request provably never reached the server (connection refused, DNS). */
    readonly notSent: boolean,
    /** The proxy that failed, in words (`the proxy host:port (HTTPS_PROXY)`), when it was the proxy. */
    readonly proxy?: string
  ) {
    super(`${method} ${path} failed: ${reason}`)
    this.name = 'NetworkError'
  }
}

/** The build ended in a state other than Deployed. */
export class DeployFailedError extends Error {
  constructor(
    readonly status: string,
    readonly serverMessage: string | null,
    readonly hash: string
  ) {
    super(
      `The build of ${hash} ended as '${status}'` +
        (serverMessage ? `: ${serverMessage}` : '') +
        (status === 'Failed' ? '' : ` — the script is unavailable (expected 'Deployed').`)
    )
    this.name = 'DeployFailedError'
  }
}

/** The deadline passed before the build reached a final state. */
export class WaitTimeoutError extends Error {
  constructor(
    readonly lastStatus: string,
    readonly waitedMs: number,
    readonly hash: string
  ) {
    super(
      `Gave up waiting for ${hash} after ${Math.round(waitedMs / 1000)}s; its last status was '${lastStatus}': ` +
        `the wait-timeout passed while the build was still running (it goes on on the server). ` +
        `Raise 'wait-timeout' if builds of this script take longer.`
    )
    this.name = 'WaitTimeoutError'
  }
}

/** The smoke test ran and did not pass. */
export class SmokeTestFailedError extends Error {
  override readonly name = 'SmokeTestFailedError'
}

/** A call its caller gave up on (an optional lookup nobody waits for any more); not a cancellation of the run. */
export class AbandonedError extends Error {
  constructor(what: string) {
    super(`Abandoned: ${what}`)
    this.name = 'AbandonedError'
  }
}

/** The runner asked the step to stop (SIGINT/SIGTERM). */
export class CancelledError extends Error {
  constructor(signal: string, detail?: string) {
    super(`Cancelled by ${signal}${detail ? ` ${detail}` : ''}`)
    this.name = 'CancelledError'
  }
}
