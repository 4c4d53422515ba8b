import type { DeploymentsPort, GitHubDeployment, GitHubDeploymentStatus, NewStatus } from '../../src/github/port.js'

/** An in-memory deployments port: what GitHub keeps, without HTTP (the e2e tests use the stand-in). */
export function fakePort(): DeploymentsPort & {
  deployments: GitHubDeployment[]
  statusesOf: Map<number, (GitHubDeploymentStatus & NewStatus)[]>
} {
  let nextId = 100
  const deployments: GitHubDeployment[] = []
  const statusesOf = new Map<number, (GitHubDeploymentStatus & NewStatus)[]>()
  return {
    repository: 'acme/credit-scripts',
    deployments,
    statusesOf,
    list: async ({ environment, task, perPage }) =>
      deployments
        .filter((d) => d.environment === environment && d.task === task)
        .sort((a, b) => b.id - a.id)
        .slice(0, perPage),
    statuses: async (id) => [...(statusesOf.get(id) ?? [])].reverse(),
    create: async (d) => {
      const id = nextId++
      deployments.push({ id, sha: d.sha, task: d.task, environment: d.environment, createdAt: '', payload: d.payload })
      statusesOf.set(id, [])
      return id
    },
    addStatus: async (id, status) => {
      statusesOf.get(id)?.push({ ...status, id: nextId++, createdAt: '' })
    }
  }
}
