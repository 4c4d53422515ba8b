import type { RunResult } from './result.js'
import { recordFiles } from './records.js'

/** `neomaril-<script name>-<short hash>`, with only the characters artifact names allow. */
export function defaultArtifactName(result: RunResult): string {
  const name = (result.spec?.script.name ?? 'script')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const suffix = result.hash ? result.hash.slice(1, 9) : result.spec?.mode === 'validate' ? 'validate' : 'no-hash'
  return `neomaril-${name || 'script'}-${suffix}`
}

/**
 * Uploads the records folder as one artifact through the runner's artifact service.
 * Without one (a local run: no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL) the
 * files stay in the records folder, and the caller says where.
 */
export async function uploadRecords(result: RunResult): Promise<NonNullable<RunResult['artifact']>> {
  const spec = result.spec
  const name = spec?.artifact.name ?? defaultArtifactName(result)
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) return { name, localOnly: true }
  // Loaded only when used: the artifact client is the largest part of the bundle.
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const dir = result.recordsDir as string
  const { id } = await new DefaultArtifactClient().uploadArtifact(name, recordFiles(dir), dir, {
    retentionDays: spec?.artifact.retentionDays
  })
  const repository = process.env.GITHUB_REPOSITORY
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com'
  const url =
    id !== undefined && repository && process.env.GITHUB_RUN_ID
      ? `${server}/${repository}/actions/runs/${process.env.GITHUB_RUN_ID}/artifacts/${id}`
      : undefined
  return { name, id, url }
}
