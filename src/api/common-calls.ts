import { ApiError } from '../shared/errors.js'
import { isAmbiguous } from './http/failure-kinds.js'
import { wasRefused, withHint } from './http/failures.js'
import { describeFailure } from './http/server-text.js'
import type { Transport } from './http/transport.js'
import type { Call } from './http/types.js'
import { SCRIPT_HASH } from '../shared/hashes.js'

/** What the v1 and v2 calls share: v1.ts and v2.ts never import each other, both import this. */

/**
 * A Sync run's answer is judged by the smoke test, errors included (a raising entrypoint,
 * or a model run whose preprocessing or model fails, answers 500); only "busy, come back"
 * answers go through the retry path. The v1 run and the model's Sync run share it.
 */
export const RUN_ANSWERS: readonly number[] = Array.from({ length: 500 }, (_, i) => i + 100).filter(
  (status) => status !== 429 && status !== 503 && status !== 401
)

/** A script a search found (v1 search, P5): no name, as real answers carry none. */
export interface EarlierScript {
  readonly hash: string
  readonly status: string
  /** Epoch ms, when the server said. */
  readonly uploadedAt?: number
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

const UNKNOWN_HASH =
  'the script may have been registered, but its hash is unknown. Look for it in Neomaril before deploying again.'

/**
 * A script hash from a register answer: only the contract's shape goes into paths,
 * the log and the step's outputs. Both APIs answer the same 'S…' hash.
 */
export function checkedHash(hash: unknown, method: string, path: string, transport: Transport): string {
  if (typeof hash !== 'string' || !hash) {
    throw new ApiError(method, path, 201, `the answer holds no Hash: ${UNKNOWN_HASH}`)
  }
  if (!SCRIPT_HASH.test(hash)) {
    throw new ApiError(
      method,
      path,
      201,
      `the answer's hash is malformed (${transport.text(hash, 80)}; expected S and 63 hex digits): ${UNKNOWN_HASH}`
    )
  }
  return hash
}

/**
 * A host call (v1 GET …/host, v2 PATCH …/status), sent again after an ambiguous
 * failure only when the status proves it did not act: a hosted script is never
 * 'Ready' again, so 'Ready' means "send it again" and anything else "the build started".
 */
export async function hostVerified(
  transport: Transport,
  call: Call,
  status: () => Promise<{ status: string }>
): Promise<void> {
  for (let sent = 1; ; sent++) {
    try {
      await transport.send(call)
      return
    } catch (error) {
      if (!isAmbiguous(error) || sent >= transport.policy.attempts) throw error
      const { status: now } = await status()
      if (now !== 'Ready') {
        transport.logger.info(
          `${call.method} ${call.path}: ${describeFailure(error)}, ` +
            `but the script is now '${transport.line(now)}': the build started.`
        )
        return
      }
      const delay = transport.backoff(sent)
      transport.stats.retries++
      transport.logger.info(
        `${call.method} ${call.path}: ${describeFailure(error)} and the script is still 'Ready': ` +
          `the call did not act; sending it again in ${(delay / 1000).toFixed(1)}s ` +
          `(send ${sent + 1} of ${transport.policy.attempts}).`
      )
      await transport.pause(delay)
    }
  }
}
