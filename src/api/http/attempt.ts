import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { Agent } from 'node:http'
import fetch, { type Response } from 'node-fetch'
import { ApiError, NetworkError } from '../../shared/errors.js'
import { AttemptFailure } from './failure-kinds.js'
import { apiError } from './failures.js'
import { networkError, timeoutReason } from './network-reasons.js'
import { retryAfterMs } from './retry.js'
import { describeText, oneLineText } from './server-text.js'
import type { Answer, Body, Call, Phase } from './types.js'

/** What the transport settled before one attempt: where, with which headers, for how long. */
export interface AttemptSetup {
  readonly url: URL
  readonly headers: Record<string, string>
  readonly made?: Body
  readonly timeoutMs: number
  /** The timeout was cut short by the wait deadline (the message says so). */
  readonly clipped: boolean
  /** What sets the timeout, for the message (default: the request-timeout input). */
  readonly bound?: string
  /** The run's and the call's signals. */
  readonly signal?: AbortSignal
  readonly agent?: Agent
  /** The proxy the request goes through, in words, when there is one. */
  readonly proxy?: string
  readonly redact: (text: string) => string
  /** Throws when the run or the call was stopped, so that is what the attempt ends with. */
  readonly throwIfStopped: () => void
}

/**
 * One request, its answer read as the call asks, under one timer re-armed as the
 * request moves on (docs/retries-and-timeouts.md):
 * - upload: while a streamed body is sent, re-armed on every chunk that goes out,
 *   so a server that stops taking the body fails the attempt;
 * - answer: from the end of the body (or the start, without one) until the answer
 *   has been read in full, body included;
 * - download: re-armed on every chunk of the answer streamed to the file.
 * Every failure is thrown as an AttemptFailure for the retry policy to judge.
 */
export async function attempt(call: Call, setup: AttemptSetup): Promise<Answer> {
  const { url, made, timeoutMs, redact } = setup
  const timeout = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let settled = false
  let phase: Phase = made?.sent ? 'upload' : 'answer'
  let timedOutIn: Phase | undefined
  let answeredMidUpload = false
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
  const signal = AbortSignal.any([setup.signal, timeout.signal].filter((s): s is AbortSignal => s !== undefined))

  let response: Response
  try {
    response = await fetch(url, {
      method: call.method,
      headers: setup.headers,
      body: made?.body,
      signal,
      agent: setup.agent,
      redirect: 'manual'
    })
    // The answer has begun (maybe before the whole upload was taken): its body is read under the same timer.
    answeredMidUpload = phase === 'upload'
    phase = 'body'
    if (call.ok.includes(response.status)) {
      if (call.read === 'json') return { response, json: await readJson(call, response, redact) }
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
    // An http:// request goes to the proxy as it is, so its answer may be the proxy's own (a 502…).
    const forwardedBy = url.protocol === 'http:' ? setup.proxy : undefined
    throw new AttemptFailure(
      apiError(call, response.status, text, redact, forwardedBy),
      retryAfterMs(response.headers.get('retry-after')),
      undefined,
      false,
      answeredMidUpload
    )
  } catch (error) {
    if (error instanceof AttemptFailure) throw error
    setup.throwIfStopped()
    if (timeout.signal.aborted) {
      const where = timedOutIn ?? phase
      const reason = timeoutReason(where, timeoutMs, setup.clipped, setup.bound)
      throw new AttemptFailure(
        new NetworkError(call.method, call.path, reason, false),
        undefined,
        undefined,
        where === 'answer'
      )
    }
    throw new AttemptFailure(
      networkError(call, error, url, redact, setup.proxy),
      undefined,
      undefined,
      false,
      phase === 'upload'
    )
  } finally {
    settled = true
    clearTimeout(timer)
    made?.dispose?.()
  }
}

/** A success answer's JSON; a body that is not JSON fails the attempt, cut-off JSON so that a read is retried. */
async function readJson(call: Call, response: Response, redact: (text: string) => string): Promise<unknown> {
  const text = await response.text()
  try {
    return JSON.parse(text) as unknown
  } catch {
    const truncated = /^\s*[[{]/.test(text) || text.trim() === ''
    const what = truncated
      ? 'is cut-off or garbled JSON'
      : `is not JSON (${oneLineText(response.headers.get('content-type') ?? 'no Content-Type', redact)})`
    throw new AttemptFailure(
      new ApiError(
        call.method,
        call.path,
        response.status,
        `the answer ${what}: ${describeText(text, redact)}. Is 'url' the Neomaril server's root?`
      ),
      undefined,
      truncated ? 'truncated' : 'not-json'
    )
  }
}
