/**
 * How the server calls an entrypoint (python/harness.py holds the rules):
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
