import { VALID, problemsOf } from '../helpers/input-source.js'

describe('single-line inputs', () => {
  test.each([
    'name',
    'entrypoint',
    'group',
    'tenant',
    'preprocessing-id',
    'url',
    'login',
    'password',
    'group-token',
    'wait-timeout',
    'poll-interval',
    'request-timeout',
    'api-version',
    'mode',
    'operation',
    'python-version',
    'source-file',
    'requirements-file',
    'env-file',
    'artifact-name',
    'wait'
  ])('%s with a line break is refused without echoing the value', (input) => {
    for (const lineBreak of ['\n', '\r', '\u2028', '\u2029', '\u0085', '\v', '\f']) {
      const value = `x${lineBreak}::warning::forged`
      const problems = problemsOf({ ...VALID, [input]: value })
      const mine = problems.filter((p) => p.input === input)
      expect(mine).toEqual([
        {
          input,
          text: expect.stringMatching(/holds a line break, but it takes a single line\. Write the value on one line/)
        }
      ])
      expect(JSON.stringify(problems)).not.toContain('forged')
    }
  })

  test('a fallback variable with a line break is refused, naming the variable', () => {
    const { url, ...rest } = VALID
    void url
    const problems = problemsOf(rest, { MLOPS_URL: 'https://a.example.com\n::add-mask::x' })
    expect(problems).toEqual([
      { input: 'url', text: expect.stringMatching(/variable MLOPS_URL it falls back to holds a line break/) }
    ])
  })
})
