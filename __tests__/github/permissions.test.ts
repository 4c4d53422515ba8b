/** The one warning for the GitHub calls that failed: every missing permission named at once, with its line. */
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
})
