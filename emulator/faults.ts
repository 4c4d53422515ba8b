/** Injected faults: which one (if any) applies to a request. */
import type { FaultKind, FaultSpec } from './types.js'
import { badInput } from './http/errors.js'

const KINDS: readonly FaultKind[] = ['status', 'latency', 'reset', 'malformed', 'hang-build']

interface ActiveFault {
  id: string
  spec: FaultSpec
  pathPattern: RegExp
  /** Applications left; Infinity when unlimited. */
  remaining: number
  random: () => number
}

/** mulberry32: a tiny seeded PRNG, so probabilistic faults repeat run after run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Checks a spec that may come from JSON (CLI flag or HTTP), throwing a BadInput error. */
export function validateFault(value: unknown): FaultSpec {
  const spec = value as FaultSpec
  if (typeof spec !== 'object' || spec === null) throw badInput('A fault must be a JSON object')
  if (typeof spec.path !== 'string') throw badInput("A fault needs 'path', a regex source")
  try {
    new RegExp(spec.path)
  } catch {
    throw badInput(`Fault path '${spec.path}' is not a valid regex`)
  }
  if (!KINDS.includes(spec.kind)) throw badInput(`Fault kind must be one of ${KINDS.join(', ')}`)
  if (spec.kind === 'status' && !(Number.isInteger(spec.status) && spec.status! >= 400 && spec.status! <= 599)) {
    throw badInput("A 'status' fault needs 'status' between 400 and 599")
  }
  if (spec.kind === 'latency' && !(typeof spec.latencyMs === 'number' && spec.latencyMs >= 0)) {
    throw badInput("A 'latency' fault needs 'latencyMs' >= 0")
  }
  if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
    throw badInput("'probability' must be between 0 and 1")
  }
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) {
    throw badInput("'times' must be a positive integer")
  }
  return spec
}

export class FaultBook {
  private faults: ActiveFault[] = []
  private nextId = 1

  add(value: FaultSpec): string {
    const spec = validateFault(value)
    const id = `fault-${this.nextId++}`
    const remaining = spec.times ?? (spec.probability !== undefined ? Infinity : 1)
    this.faults.push({ id, spec, pathPattern: new RegExp(spec.path), remaining, random: seededRandom(spec.seed ?? 1) })
    return id
  }

  clear(): void {
    this.faults = []
  }

  /**
   * The first fault matching the request that fires (after its probability roll),
   * consuming one of its applications. 'hang-build' only concerns host calls.
   */
  take(method: string, requestPath: string, isHost: boolean): FaultSpec | undefined {
    for (const fault of this.faults) {
      const { spec } = fault
      if (spec.method && spec.method.toUpperCase() !== method) continue
      if (!fault.pathPattern.test(requestPath)) continue
      if (spec.kind === 'hang-build' && !isHost) continue
      if (spec.probability !== undefined && fault.random() >= spec.probability) continue
      fault.remaining -= 1
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault)
      return spec
    }
    return undefined
  }
}
