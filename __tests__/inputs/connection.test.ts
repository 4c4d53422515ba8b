import { parseInputs, normaliseGroup, apiBaseUrl } from '../../src/inputs/parse.js'
import { VALID, source, workspace } from '../helpers/input-source.js'

describe('the connection inputs', () => {
  test('falls back to MLOPS_* then NEOMARIL_* variables', () => {
    const dir = workspace()
    const { url, login, password, ...rest } = VALID
    void url
    void login
    void password
    const { spec } = parseInputs(
      source(dir, rest, {
        NEOMARIL_URL: 'https://neomaril.example.com/',
        MLOPS_URL: 'https://mlops.example.com/api/',
        NEOMARIL_USER: 'n@example.com',
        MLOPS_USER: 'm@example.com',
        NEOMARIL_PASSWORD: 'x',
        NEOMARIL_GROUP_TOKEN: 'tok',
        NEOMARIL_TENANT: 'acme'
      })
    )
    expect(spec.connection).toMatchObject({
      apiUrl: 'https://mlops.example.com/api',
      login: 'm@example.com',
      password: 'x',
      groupToken: 'tok',
      tenant: 'acme'
    })
  })

  test('reads the tenant from the input, else MLOPS_TENANT, else NEOMARIL_TENANT; none leaves it undefined', () => {
    const dir = workspace()
    expect(
      parseInputs(source(dir, { ...VALID, tenant: 'bank' }, { MLOPS_TENANT: 'other' })).spec.connection.tenant
    ).toBe('bank')
    expect(
      parseInputs(source(dir, VALID, { MLOPS_TENANT: 'mlops', NEOMARIL_TENANT: 'neo' })).spec.connection.tenant
    ).toBe('mlops')
    expect(parseInputs(source(dir, VALID)).spec.connection.tenant).toBeUndefined()
  })

  test('keeps the group as given and its 2.1.1 spelling, without deciding between them', () => {
    const dir = workspace()
    const { spec, findings } = parseInputs(source(dir, { ...VALID, group: ' Data-Science.Team One ' }))
    expect(spec.group).toBe('Data-Science.Team One')
    expect(spec.groupNormalised).toBe('data_science_team_one')
    expect(findings.notices).toEqual([])
  })
})

describe('the group token', () => {
  const ws = workspace()
  const warningsWith = (change: Record<string, string>): string[] =>
    parseInputs(source(ws, { ...VALID, ...change })).findings.warnings

  test('that does not look like a platform token (32 hex) is a warning when a smoke test will use it', () => {
    expect(warningsWith({ 'smoke-test': 'true', 'group-token': 'my-group-token' })).toEqual([
      expect.stringMatching(
        new RegExp(
          /^Input 'group-token' does not look like a platform group token \(32 hex characters; this one /.source +
            /has 14 characters\)/.source
        )
      )
    ])
    expect(warningsWith({ 'smoke-test': 'true', 'group-token': 'my-group-token' }).join()).not.toContain(
      'my-group-token'
    )
  })

  test('of 32 hex characters, or not used by any smoke test, gets no format warning', () => {
    expect(warningsWith({ 'smoke-test': 'true', 'group-token': '0123456789ABCDEF0123456789abcdef' })).toEqual([])
    // Unused, it is warned about as unused (inputs/unused-inputs.ts), never for its shape.
    expect(warningsWith({ 'group-token': 'my-group-token' })).toEqual([
      expect.stringMatching(/^group-token is set, but has no effect in this run: smoke-test is false/)
    ])
  })
})

describe('helpers', () => {
  test.each([
    ['Data Science', 'data_science'],
    ['ML-Ops.Team', 'ml_ops_team'],
    ['datarisk', 'datarisk']
  ])('normaliseGroup(%p) = %p', (raw, expected) => expect(normaliseGroup(raw)).toBe(expected))

  test.each([
    ['https://neomaril.datarisk.net', 'https://neomaril.datarisk.net/api'],
    ['https://neomaril.datarisk.net/', 'https://neomaril.datarisk.net/api'],
    ['https://neomaril.datarisk.net/api', 'https://neomaril.datarisk.net/api'],
    ['https://neomaril.datarisk.net/api/', 'https://neomaril.datarisk.net/api']
  ])('apiBaseUrl(%p) = %p', (raw, expected) => expect(apiBaseUrl(raw)).toBe(expected))
})
