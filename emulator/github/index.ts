/**
 * A local stand-in of GitHub's REST API for the operations the action uses (deployments, their
 * statuses, issue comments), checked against GitHub's OpenAPI description (emulator/README.md).
 */
import { listen } from '../server/listen.js'
import { loadCut } from './openapi.js'
import { OPERATIONS, createHandler } from './server.js'
import { newState } from './state.js'
import { ALL_PERMISSIONS } from './tokens.js'
import type { GitHubFault, GitHubStandIn, GitHubStandInOptions } from './types.js'

export type * from './types.js'
export { CUT_PATH } from './openapi.js'
export { COMMENT_BODY_MAX } from './comments.js'
export { STATUS_DESCRIPTION_MAX, shaOf } from './deployments.js'
export { ALL_PERMISSIONS, parseToken } from './tokens.js'

/** A fake token the stand-in accepts with every permission (not a GitHub token format on purpose). */
export const DEFAULT_GITHUB_TOKEN = 'stand-in-token-0'
/** The repository the end-to-end runner's GITHUB_REPOSITORY names (__tests__/helpers/action-runner.ts). */
export const DEFAULT_REPOSITORY = 'acme/credit-scripts'

export async function startGitHubStandIn(options: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  const basePath = options.basePath ?? ''
  if (basePath !== '' && basePath !== '/api/v3') throw new Error(`basePath must be '' or '/api/v3', not '${basePath}'`)
  const repositories = options.repositories ?? [DEFAULT_REPOSITORY]
  for (const name of repositories)
    if (!/^[^/\s]+\/[^/\s]+$/.test(name)) throw new Error(`repositories: '${name}' is not 'owner/repo'`)
  const cut = loadCut()
  const roots = { api: '', web: '', login: options.login ?? 'github-actions[bot]' }
  const state = newState(roots, options.defaultBranch ?? 'main', {
    pending: options.pendingChecks ?? [],
    behind: options.behindDefaultBranch ?? [],
    merge: options.mergeConflicts ?? []
  })
  const requests: GitHubStandIn['requests'] = []
  const violations: string[] = []
  const faults: GitHubFault[] = []
  const handler = createHandler({
    state,
    cut,
    basePath,
    repositories,
    tokens: options.tokens ?? { [DEFAULT_GITHUB_TOKEN]: ALL_PERMISSIONS },
    requests,
    violations,
    faults,
    log: options.log
  })
  const server = await listen(options.host ?? '127.0.0.1', options.port ?? 0, handler)
  roots.web = server.url
  roots.api = server.url + basePath
  return {
    url: roots.api,
    deployments: state.deployments,
    statuses: state.statuses,
    comments: state.comments,
    requests,
    violations,
    fail(operationId, status, { times = 1, message } = {}) {
      if (!OPERATIONS[operationId]) throw new Error(`fail: '${operationId}' is not an operation the stand-in serves`)
      if (!Number.isInteger(status) || status < 400 || status > 599)
        throw new Error(`fail: status ${status} is not 4xx/5xx`)
      faults.push({ operationId, status, message, times })
    },
    close: () => server.close()
  }
}
