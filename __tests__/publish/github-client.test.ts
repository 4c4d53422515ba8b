/**
 * Where the run's GitHub calls go: one home for GITHUB_REPOSITORY and GITHUB_API_URL, used
 * by the deploy records (modes/github-record.ts), the plan and the pull-request comment.
 */
import { gitHubSettings } from '../../src/publish/github-client.js'

const saved = { repository: process.env.GITHUB_REPOSITORY, apiUrl: process.env.GITHUB_API_URL }
afterEach(() => {
  for (const [name, value] of [
    ['GITHUB_REPOSITORY', saved.repository],
    ['GITHUB_API_URL', saved.apiUrl]
  ] as const)
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
})

describe('gitHubSettings', () => {
  test("the job's repository at GITHUB_API_URL, a GitHub Enterprise Server's /api/v3 included", () => {
    process.env.GITHUB_REPOSITORY = 'acme/scripts'
    process.env.GITHUB_API_URL = 'https://ghes.example.com/api/v3'
    expect(gitHubSettings('t')).toEqual({
      token: 't',
      apiUrl: 'https://ghes.example.com/api/v3',
      repository: 'acme/scripts'
    })
  })

  test('api.github.com when GITHUB_API_URL is unset or empty', () => {
    process.env.GITHUB_REPOSITORY = 'acme/scripts'
    process.env.GITHUB_API_URL = ''
    expect(gitHubSettings('t')?.apiUrl).toBe('https://api.github.com')
  })

  test('none without a token or outside Actions (no GITHUB_REPOSITORY)', () => {
    process.env.GITHUB_REPOSITORY = 'acme/scripts'
    expect(gitHubSettings('')).toBeUndefined()
    delete process.env.GITHUB_REPOSITORY
    expect(gitHubSettings('t')).toBeUndefined()
  })
})
