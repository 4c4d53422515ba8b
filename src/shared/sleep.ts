import { CancelledError } from './errors.js'

/** Waits `ms`, or ends early with CancelledError when `signal` aborts: the retries' and the wait's pauses. */
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
