import { openGitHub } from '../github/octokit.js'

/** The GitHub REST client of the run: deploy records and the pull-request comment. */
export type GitHubClient = Awaited<ReturnType<typeof openGitHub>>

/**
 * A client for the job's repository with the github-token input, at GITHUB_API_URL (a
 * GitHub Enterprise Server's API too); undefined when there is no token or no repository
 * (a run outside Actions).
 */
export async function gitHubClient(token: string): Promise<GitHubClient | undefined> {
  const repository = process.env.GITHUB_REPOSITORY
  if (!token || !repository) return undefined
  return openGitHub({ token, apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com', repository })
}
