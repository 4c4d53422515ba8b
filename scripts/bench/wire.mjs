/**
 * What the bench reads in the emulator's request record: which requests are status
 * checks, host and run calls (v1 paths, and v2 ones under /v2/preprocessing/), and
 * the official client's waits, computed on the same durations for reference.
 */
const V1_BUILD_STATUS = /^\/api\/preprocessing\/status\//
const V2_BUILD_STATUS = /\/v2\/preprocessing\/[^/]+\/status$/
const V1_HOST = /^\/api\/preprocessing\/(sync|async)\/host\//
const V1_RUN = /^\/api\/preprocessing\/async\/run\//
const V2_RUN = /\/v2\/preprocessing\/[^/]+\/execution\/[^/]+\/run$/
const V1_EXECUTION_STATUS = /^\/api\/preprocessing\/async\/status\//
const V2_EXECUTION_STATUS = /\/v2\/preprocessing\/[^/]+\/execution\/[^/]+\/status$/
export const REGISTER_PATH = /^\/api\/preprocessing\/register\/|\/v2\/preprocessing\/[^/]+$/

export const isBuildStatus = (r) => r.method === 'GET' && (V1_BUILD_STATUS.test(r.path) || V2_BUILD_STATUS.test(r.path))
export const isHost = (r) => V1_HOST.test(r.path) || (r.method === 'PATCH' && V2_BUILD_STATUS.test(r.path))
export const isRun = (r) => V1_RUN.test(r.path) || V2_RUN.test(r.path)
export const isExecutionStatus = (r) =>
  r.method === 'GET' && (V1_EXECUTION_STATUS.test(r.path) || V2_EXECUTION_STATUS.test(r.path))

/**
 * The official client's build wait (neomaril-codex 2.1.1's get_preprocessing;
 * docs/platform-contract.md): sleep 1 s after hosting, then a check
 * every 10 s while Building. It sees the end at the first check at or after it.
 */
export function officialBuildWait(buildMs) {
  const b = buildMs / 1000
  const k = b <= 1 ? 0 : Math.ceil((b - 1) / 10)
  return { lagMs: (1 + 10 * k - b) * 1000, checks: k + 1 }
}

/**
 * The official client's v2 waits (docs/platform-contract.md): the v2 host wait and
 * AsyncV2's execution wait check, then sleep 30 s, while Building/Running.
 */
export function officialV2Wait(durationMs) {
  const k = Math.ceil(durationMs / 30_000)
  return { lagMs: k * 30_000 - durationMs, checks: k + 1 }
}
