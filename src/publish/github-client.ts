import { openGitHub, type GitHubSettings } from '../github/octokit.js'

/** The GitHub REST client of the run: deploy records and the pull-request comment. */
export type GitHubClient = Awaited<ReturnType<typeof openGitHub>>

/**
 * Where the run's GitHub calls go, the one place that reads GITHUB_REPOSITORY and
 * GITHUB_API_URL (a GitHub Enterprise Server's …/api/v3 too): the job's repository with
 * the github-token input; undefined when there is no token or no repository (a run
 * outside Actions).
 */
export function gitHubSettings(token: string): GitHubSettings | undefined {
  const repository = process.env.GITHUB_REPOSITORY
  if (!token || !repository) return undefined
  return { token, apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com', repository }
}

/** A client for gitHubSettings(token); undefined when there are none. */
export async function gitHubClient(token: string): Promise<GitHubClient | undefined> {
  const settings = gitHubSettings(token)
  return settings && openGitHub(settings)
}
