/**
 * Which API a script goes through, in one place: the deploy, validate mode's manifest and
 * local run, the entrypoint check, smoke-test mode and the input checks all ask here.
 * - Sync: v1 (the platform has no v2 Sync);
 * - api-version v1 or v2: that one;
 * - Async (or an operation the server will tell) with api-version auto: v2 when the
 *   server serves it, else v1; a read-only probe decides (docs/how-it-works.md).
 */
export type ApiVersion = 'v1' | 'v2'
export type AskedApi = 'auto' | ApiVersion

/** The APIs the script may go through, the one a current server would take first. */
export function apiCandidates(operation: 'Sync' | 'Async' | undefined, asked: AskedApi): readonly ApiVersion[] {
  if (operation === 'Sync') return ['v1']
  if (asked !== 'auto') return [asked]
  return ['v2', 'v1']
}

/** The API a current server would take, for what runs without one (validate mode). */
export function likelyApi(operation: 'Sync' | 'Async', asked: AskedApi): ApiVersion {
  return apiCandidates(operation, asked)[0] ?? 'v1'
}
