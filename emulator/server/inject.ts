/** What an injected fault does to a request before its route runs (faults.ts picks the fault). */
import type { ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { ApiError } from '../http/errors.js'
import type { FaultSpec, RecordedRequest } from '../types.js'

/**
 * Waits out a latency fault, throws a status fault's error, or answers a malformed one
 * itself (then true: the route must not run). 'reset' is handled before the body is read;
 * 'hang-build' reaches the route.
 */
export async function injectFault(
  fault: FaultSpec | undefined,
  res: ServerResponse,
  record: RecordedRequest,
  closing: AbortSignal
): Promise<boolean> {
  if (fault?.kind === 'latency') await sleep(fault.latencyMs ?? 0, undefined, { signal: closing })
  if (fault?.kind === 'status') {
    const status = fault.status ?? 500
    throw new ApiError(
      status,
      'InjectedFault',
      `Injected fault: HTTP ${status}`,
      fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}
    )
  }
  if (fault?.kind === 'malformed') {
    record.status = 200
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
    res.end('{"Results": [')
    return true
  }
  return false
}
