/** environment, github-token and skip-unchanged: the token masked at once, clear errors before any call. */
import { parseInputs, INPUT_DEFAULTS } from '../../src/inputs/parse.js'
import { VALID, problemsOf, source, workspace } from '../helpers/input-source.js'

describe('the deploy-record inputs', () => {
  test('the token is masked as it is read; the default the runner did not expand is no token', () => {
    const given = source(workspace(), { ...VALID, environment: 'staging', 'github-token': 'ghs_abcdefghijklmnop' })
    const { spec } = parseInputs(given)
    expect(given.masked).toContain('ghs_abcdefghijklmnop')
    expect(spec.records).toEqual({ environment: 'staging', token: 'ghs_abcdefghijklmnop', skipUnchanged: false })
    const local = parseInputs(source(workspace(), { ...VALID, 'github-token': INPUT_DEFAULTS['github-token'] }))
    expect(local.spec.records.token).toBe('')
  })

  test('skip-unchanged without an environment is an error naming both inputs and the fix', () => {
    expect(problemsOf({ ...VALID, 'skip-unchanged': 'true' })).toEqual([
      expect.objectContaining({
        input: 'skip-unchanged',
        text: expect.stringMatching(/environment is empty.*Set environment/)
      })
    ])
  })

  test('an environment without a token deploys, with a warning that nothing is recorded', () => {
    const { findings } = parseInputs(source(workspace(), { ...VALID, environment: 'production' }))
    expect(findings.warnings.join('\n')).toMatch(/environment is 'production', but github-token is empty/)
  })

  test('skip-unchanged in smoke-test mode has no effect, and says so', () => {
    const { findings } = parseInputs(
      source(workspace(), {
        ...VALID,
        mode: 'smoke-test',
        'preprocessing-id': `S${'a'.repeat(63)}`,
        'group-token': 'f'.repeat(32),
        'skip-unchanged': 'true',
        environment: 'staging'
      })
    )
    expect(findings.warnings.join('\n')).toMatch(/skip-unchanged is set, but has no effect in this run/)
    expect(findings.warnings.join('\n')).toMatch(/environment is set, but has no effect in this run/)
  })
})
