import type { RequestInit, Response } from 'node-fetch'

/** Progress and diagnostics leave the API layer through this; it never imports @actions/*. */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
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
 * Where a request's time goes, for its timeout (docs/retries-and-timeouts.md): sending
 * an upload's body, waiting for the answer, reading the answer's body, or streaming a
 * download to a file.
 */
export type Phase = 'upload' | 'answer' | 'body' | 'download'

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
  /**
   * Abandons this call alone (the run's own signal stops every call): it ends with
   * AbandonedError, and a 401 on it is not followed by a new login.
   */
  readonly signal?: AbortSignal
  /**
   * A write's effect in words, for its failures: `{ what: 'register', undone: 'not registered' }`
   * gives "the server refused the register 6 times (not registered)".
   */
  readonly effect?: { readonly what: string; readonly undone: string }
  /**
   * The run's first request (health): each attempt is bounded by the policy's probeTimeoutMs
   * (below request-timeout), and a server that stays silent gets fewer attempts (retry.ts).
   */
  readonly probe?: boolean
  /**
   * Login: a server silent to it gets the probe's fewer attempts, each still bounded by
   * request-timeout. Before any work, a silent login is a stuck front or back end, not a slow job.
   */
  readonly fewSilentTries?: boolean
}

/** Per-call limits, e.g. the wait's deadline for a status check. */
export interface CallOptions {
  /** Absolute epoch ms past which no retry starts; each attempt's timeout is clipped to it (plus a grace). */
  readonly deadline?: number
  /** Abandons the call (e.g. a lookup nobody needs any more). */
  readonly signal?: AbortSignal
}
