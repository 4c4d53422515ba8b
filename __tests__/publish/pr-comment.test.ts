/** The pull-request comment's body and its failure handling (src/publish/pr-comment.ts). */
import { commentBody, postComment } from '../../src/publish/pr-comment.js'
import { GitHubCallError } from '../../src/github/port.js'
import type { IssueCommentsPort } from '../../src/github/pr-comment.js'
import { addSecret } from '../../src/shared/secrets.js'
import { deployedResult, HASH } from '../helpers/run-result.js'

const KEY = { environment: 'staging', server: 'https://mlops.example.com/api', group: 'datarisk', name: 'loan' }
const PLAN = { hasChanges: true, markdown: '- Entrypoint: `process` → `score`' }

describe('commentBody', () => {
  test('a deploy: the plan against the record, the smoke test and the hash', () => {
    const body = commentBody(deployedResult(), { key: KEY, plan: PLAN, recordHash: 'Sold', commit: 'abcdef1234567890' })
    expect(body).toContain('### Neomaril: `loan` in `staging`')
    expect(body).toContain('**deploy** · status **deployed** · group `datarisk` · commit `abcdef123456`')
    expect(body).toContain('Against the last recorded deploy, `Sold`:\n\n- Entrypoint: `process` → `score`')
    expect(body).toContain('#### Smoke test\n\n✅ passed in')
    expect(body).toContain(`Script hash \`${HASH}\`, built in 1m33s`)
  })

  test('no environment, or records that could not be read: says so instead of a plan', () => {
    const result = deployedResult()
    expect(commentBody(result, { key: { ...KEY, environment: '' } })).toContain('No plan: set `environment`')
    expect(commentBody(result, { key: KEY })).toContain("No plan: the environment's records could not be read")
  })

  test('user and server text is inert: no mention, tag, link or secret, an error in a block', () => {
    addSecret('comment-secret-8841')
    const result = deployedResult()
    result.status = 'failed'
    result.smokeTest = {
      outcome: 'failed',
      where: 'local',
      reason: 'raised @someone <b>x</b> [y](https://evil.example)'
    }
    result.localTraceback = 'Traceback\n  ValueError: comment-secret-8841 @team\n```\n<script>'
    result.error = 'The entrypoint failed on the sample: @someone'
    const body = commentBody(result, { key: { ...KEY, name: '@someone <b>bold</b>' }, plan: PLAN })
    expect(body).toContain('### Neomaril: `@someone <b>bold</b>` in `staging`')
    expect(body).toContain('❌ failed — `raised @someone <b>x</b> [y](https://evil.example)`')
    expect(body).not.toContain('comment-secret-8841')
    // Outside code, no @, no < and no link remain.
    const outsideCode = body.replace(/(`{3,})text\n[\s\S]*?\n\1/g, '').replace(/(`+)[^`]*?\1/g, '')
    expect(outsideCode).not.toMatch(/@|<|\]\(/)
  })
})

test("a pipeline that failed at the model: the model's traceback, inert, not the script's message", () => {
  const result = deployedResult()
  const traceback = 'Traceback (most recent call last):\n  File "model.py"\nValueError: missing feature: income @team'
  result.smokeTest = {
    outcome: 'failed',
    executionId: '4',
    executionStatus: 'Succeeded',
    executionMessage: 'preprocessing done',
    reason: "the model rejected what the preprocessing produced: the model's execution 2 ended as 'Failed'",
    pipeline: {
      modelHash: `M${'2'.repeat(63)}`,
      modelGroup: 'datarisk',
      preprocessing: { outcome: 'passed', elapsedMs: 900 },
      model: { outcome: 'failed', elapsedMs: 700, executionId: '2', executionMessage: traceback }
    }
  }
  const body = commentBody(result, { key: KEY, plan: PLAN })
  expect(body).toMatch(/```text\nTraceback \(most recent call last\):[\s\S]*missing feature: income @team\n```/)
  expect(body).not.toContain('preprocessing done')
})

describe('postComment', () => {
  const refusing: IssueCommentsPort = {
    listComments: async () => [],
    createComment: async () => {
      throw new GitHubCallError('POST issue comment', 403, 'Resource not accessible by integration')
    },
    updateComment: async () => undefined
  }

  test('a refused write is kept for the one GitHub warning, never a failure', async () => {
    const result = deployedResult()
    await postComment(refusing, 3, result, { key: KEY, plan: PLAN })
    expect(result.error).toBeUndefined()
    expect(result.gitHubProblems).toEqual([
      expect.objectContaining({
        permission: 'pull-requests: write',
        consequence: expect.stringMatching(/^no comment on pull request #3/)
      })
    ])
  })
})
