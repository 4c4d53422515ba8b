import type { getOctokit } from '@actions/github'
import type { IssueComment, IssueCommentsPort } from './pr-comment.js'

type Octokit = ReturnType<typeof getOctokit>
/** src/github/octokit.ts's wrapper: a timeout per call, and every failure as a GitHubCallError. */
type Call = <T>(name: string, send: (signal: AbortSignal) => Promise<T>) => Promise<T>

/** The most comments read to find the marker: 10 pages of 100. */
const MAX_PAGES = 10

/** The issue-comment calls of the port, over the same octokit and wrapper as the deployment calls. */
export function commentCalls(octokit: Octokit, owner: string, repo: string, call: Call): IssueCommentsPort {
  return {
    async listComments(issue) {
      const comments: IssueComment[] = []
      for (let page = 1; page <= MAX_PAGES; page++) {
        const data = await call('GET issue comments', async (signal) => {
          const response = await octokit.rest.issues.listComments({
            owner,
            repo,
            issue_number: issue,
            per_page: 100,
            page,
            request: { signal }
          })
          return response.data
        })
        comments.push(...data.map((c) => ({ id: c.id, body: c.body ?? '' })))
        if (data.length < 100) break
      }
      return comments
    },
    createComment: (issue, body) =>
      call('POST issue comment', async (signal) => {
        const { data } = await octokit.rest.issues.createComment({
          owner,
          repo,
          issue_number: issue,
          body,
          request: { signal }
        })
        return data.id
      }),
    updateComment: (commentId, body) =>
      call('PATCH issue comment', async (signal) => {
        await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body, request: { signal } })
      })
  }
}
