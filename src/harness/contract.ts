/**
 * How the server calls an entrypoint (python/harness/ holds the rules):
 * - 'sync':     fn(data, base_path), the v1 Sync route;
 * - 'async-v1': fn(data_path, extra_path=None) writing a file, or the current server's
 *               build_df(df, data_path, extra_path=None) returning a DataFrame (told apart
 *               by the entrypoint's parameters);
 * - 'async-v2': fn(dfs, extra_path=None) returning a DataFrame.
 */
export type EntrypointContract = 'sync' | 'async-v1' | 'async-v2'

/** The platform has no v2 Sync: a Sync script is always called the v1 way. */
export function contractOf(operation: 'Sync' | 'Async', apiVersion: 'v1' | 'v2'): EntrypointContract {
  if (operation === 'Sync') return 'sync'
  return apiVersion === 'v2' ? 'async-v2' : 'async-v1'
}

/** What the server calls, in words, for the fix of an input error (the harness's own messages say it too). */
export const CALLED_AS: Readonly<Record<EntrypointContract, string>> = {
  sync: 'fn(data, base_path)',
  'async-v1': 'fn(data_path, extra_path=None), or fn(df, data_path, extra_path=None) on current servers',
  'async-v2': 'fn(dfs, extra_path=None) with dfs a dict of pandas DataFrames, returning a DataFrame'
}

/**
 * Something in the entrypoint that breaks under one Async contract (`against`), found by
 * python/harness/signals.py without running anything. Certain: code that runs on every
 * call does what the contract's first argument cannot do (a KeyError or TypeError at the
 * first run); otherwise a hint (a parameter's name, a mention in a branch).
 */
export interface ContractSignal {
  readonly against: 'async-v1' | 'async-v2'
  readonly certain: boolean
  readonly line: number
  readonly why: string
}

/** What the signals say of running the entrypoint under `contract`. */
export interface ContractFit {
  /** The first certainty against it: the first run would fail. */
  readonly breaks?: ContractSignal
  /** Hints against it, when nothing certainly fits it. */
  readonly doubts: readonly ContractSignal[]
}

/**
 * One rule for the deploy and validate mode alike: a certainty against the contract
 * breaks it; hints count only while nothing in the code certainly belongs to it
 * (a certainty against the other Async contract means it was written for this one).
 */
export function fitOf(contract: EntrypointContract, signals: readonly ContractSignal[]): ContractFit {
  if (contract === 'sync') return { doubts: [] }
  const against = signals.filter((signal) => signal.against === contract)
  const breaks = against.find((signal) => signal.certain)
  const confirmed = signals.some((signal) => signal.certain && signal.against !== contract)
  return { breaks, doubts: breaks || confirmed ? [] : against }
}

/** The other Async contract (the one the entrypoint may have been written for). */
export function otherAsync(contract: 'async-v1' | 'async-v2'): 'async-v1' | 'async-v2' {
  return contract === 'async-v1' ? 'async-v2' : 'async-v1'
}
