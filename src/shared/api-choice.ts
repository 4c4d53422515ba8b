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

/**
 * Why the API is the one it is when no probe decides (validate mode, a Sync script, an
 * api-version given), in words for the log, the summary and result.json.
 */
export function apiReasonWithoutProbe(operation: 'Sync' | 'Async', asked: AskedApi): string {
  if (operation === 'Sync') return 'Sync scripts use v1'
  if (asked !== 'auto') return `api-version: ${asked}`
  return 'api-version: auto, and a current server serves v2 (validate mode sends no probe; a v1-only server takes v1)'
}
