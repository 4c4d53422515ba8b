/**
 * The fault storms' machinery (reliability.test.ts for v1, v2-storm.test.ts for v2):
 * a class of requests (a path pattern, an optional method, a probability and the
 * faults it may meet), and a seed for it under which no call fails more times in a
 * row than the client retries, so every storm is repeatable and every deploy can pass.
 */
import { FaultBook } from '../../emulator/faults.js'
import type { FaultSpec } from '../../emulator/index.js'

export interface StormClass {
  readonly path: string
  readonly method?: string
  /** A request path the class matches, to draw its faults offline. */
  readonly sample: string
  readonly p: number
  readonly faults: readonly Omit<FaultSpec, 'path'>[]
}

export const faultsOf = (cls: StormClass, seed: number): FaultSpec[] =>
  cls.faults.map((fault, i) => ({
    ...fault,
    path: cls.path,
    ...(cls.method ? { method: cls.method } : {}),
    probability: cls.p,
    seed: seed * 100 + i
  }))

/**
 * The longest run of consecutive failing requests the emulator will inject into a
 * class's first `draws` requests, found by running its own FaultBook: each class's
 * requests come one after another, so the n-th one meets the same faults whatever the
 * timing. A slow answer within `requestTimeoutMs` is a fault but not a failure.
 */
export function longestFailingRun(
  cls: StormClass,
  seed: number,
  draws: number,
  requestTimeoutMs: number
): { longest: number; rate: number } {
  const book = new FaultBook()
  for (const spec of faultsOf(cls, seed)) book.add(spec)
  let longest = 0
  let current = 0
  let failing = 0
  for (let i = 0; i < draws; i++) {
    const fault = book.take(cls.method ?? 'GET', cls.sample, false)
    const fails = fault !== undefined && !(fault.kind === 'latency' && (fault.latencyMs ?? 0) < requestTimeoutMs)
    if (fails) failing++
    current = fails ? current + 1 : 0
    longest = Math.max(longest, current)
  }
  return { longest, rate: failing / draws }
}

/**
 * The first seed whose longest failing run stays under the client's 5 attempts
 * (the retry budget running out is tested in client.test.ts).
 */
export function stormSeed(cls: StormClass, draws: number, requestTimeoutMs: number): number {
  for (let seed = 1; seed < 10_000; seed++)
    if (longestFailingRun(cls, seed, draws, requestTimeoutMs).longest <= 4) return seed
  throw new Error('no seed keeps every call within the retry budget')
}

/** Answers that prove the server did not act: the only faults a write (a run, a register) may meet. */
export const COME_BACK_LATER = [
  { kind: 'status', status: 429 },
  { kind: 'status', status: 503, retryAfter: 1 }
] as const

/**
 * The model calls of a pipeline smoke test (e2e/pipeline-storm.test.ts): the reads (status,
 * describe, a model execution's status and result) may meet any transient fault; the runs
 * only the answers after which the client may send them again.
 */
export function modelStormClasses(group: string, p: { reads: number; runs: number }): Record<string, StormClass> {
  const model = `M${'1'.repeat(63)}`
  return {
    modelReads: {
      method: 'GET',
      path: `^/api/model/(status|describe|async/status|async/result)/${group}/`,
      sample: `/api/model/status/${group}/${model}`,
      p: p.reads,
      faults: [
        { kind: 'status', status: 429, retryAfter: 1 },
        { kind: 'status', status: 500 },
        { kind: 'status', status: 502 },
        { kind: 'status', status: 503 },
        { kind: 'reset' },
        { kind: 'malformed' },
        { kind: 'latency', latencyMs: 300 }
      ]
    },
    modelRuns: {
      method: 'POST',
      path: `^/api/model/(sync|async)/run/${group}/`,
      sample: `/api/model/sync/run/${group}/${model}`,
      p: p.runs,
      faults: COME_BACK_LATER
    }
  }
}
