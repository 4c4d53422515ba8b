/** The one warning for the GitHub calls that failed: every missing permission named at once, with its line. */
import { createServer, type Server } from 'node:net'
import { openGitHub } from '../../src/github/octokit.js'
import { gitHubWarnings } from '../../src/github/permissions.js'
import { GitHubCallError } from '../../src/github/port.js'

const refused = (call: string) => new GitHubCallError(call, 403, 'Resource not accessible by integration')

describe('gitHubWarnings', () => {
  test('two missing permissions are one warning naming both, their lines and both consequences', () => {
    const warnings = gitHubWarnings([
      { error: refused('POST deployments'), permission: 'deployments: write', consequence: 'no record' },
      { error: refused('POST issue comment'), permission: 'pull-requests: write', consequence: 'no comment' }
    ])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toBe(
      'The GitHub token lacks the deployments: write and pull-requests: write permissions ' +
        '(POST deployments answered HTTP 403: Resource not accessible by integration; POST issue comment ' +
        'answered HTTP 403: Resource not accessible by integration): no record; no comment. Grant them in the ' +
        'workflow: permissions: with deployments: write and pull-requests: write (beside contents: read).'
    )
  })

  test('one missing permission is named alone; x: write stands for x: read', () => {
    const [one] = gitHubWarnings([
      {
        error: new GitHubCallError('GET deployments', 404, 'Not Found'),
        permission: 'deployments: read',
        consequence: 'a'
      },
      { error: refused('POST deployments'), permission: 'deployments: write', consequence: 'b' }
    ])
    expect(one).toMatch(/^The GitHub token lacks the deployments: write permission \(/)
    expect(one).toMatch(/Grant it in the workflow: permissions: with deployments: write \(beside contents: read\)\.$/)
  })

  test('GitHub down is its own warning, with its answer; nothing at all is no warning', () => {
    const warnings = gitHubWarnings([
      {
        error: new GitHubCallError('POST deployments', 502, 'Bad Gateway'),
        permission: 'deployments: write',
        consequence: 'no record'
      },
      { error: refused('POST issue comment'), permission: 'pull-requests: write', consequence: 'no comment' }
    ])
    expect(warnings).toEqual([
      expect.stringMatching(/lacks the pull-requests: write permission .*: no comment\. Grant it/),
      'GitHub did not answer as expected (POST deployments answered HTTP 502: Bad Gateway): no record. ' +
        'The run itself is unaffected.'
    ])
    expect(gitHubWarnings([])).toEqual([])
  })

  test("a refusal's remark (a fork's read-only token) is said only when GitHub refused", () => {
    const comment = (error: GitHubCallError) => ({
      error,
      permission: 'pull-requests: write',
      consequence: 'no comment',
      whenRefused: 'a fork gets a read-only token'
    })
    expect(gitHubWarnings([comment(refused('POST issue comment'))])[0]).toMatch(
      /: no comment \(a fork gets a read-only token\)\. Grant it/
    )
    const [down] = gitHubWarnings([comment(new GitHubCallError('POST issue comment', 502, 'Bad Gateway'))])
    expect(down).toBe(
      'GitHub did not answer as expected (POST issue comment answered HTTP 502: Bad Gateway): no comment. ' +
        'The run itself is unaffected.'
    )
  })

  test('GitHub down for two calls is one more warning, not two', () => {
    const down = (call: string) => new GitHubCallError(call, 0, 'no answer within 10 s')
    const warnings = gitHubWarnings([
      { error: down('GET deployments'), permission: 'deployments: write', consequence: 'no record' },
      { error: down('GET issue comments'), permission: 'pull-requests: write', consequence: 'no comment' }
    ])
    expect(warnings).toEqual([
      'GitHub did not answer as expected (GET deployments answered nothing: no answer within 10 s; ' +
        'GET issue comments answered nothing: no answer within 10 s): no record; no comment. ' +
        'The run itself is unaffected.'
    ])
  })
})

describe('a GitHub that does not answer', () => {
  let silent: Server
  beforeAll(async () => {
    silent = createServer((socket) => socket.on('data', () => undefined))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  })
  afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())))

  test('is "no answer within" the call time, never an HTTP 500 GitHub did not send', async () => {
    const { port } = silent.address() as { port: number }
    const github = await openGitHub({
      token: 'ghs_silentToken0123456789abcdef',
      apiUrl: `http://127.0.0.1:${port}`,
      repository: 'acme/credit-scripts',
      callTimeoutMs: 300
    })
    const failure = await github.list({ environment: 'staging', task: 'neomaril:x', perPage: 1 }).catch((e) => e)
    expect(failure).toBeInstanceOf(GitHubCallError)
    expect(failure).toMatchObject({ status: 0, message: 'GET deployments answered nothing: no answer within 0.3 s' })
  })
})
