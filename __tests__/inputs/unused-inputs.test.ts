import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { parseInputs } from '../../src/inputs/parse.js'
import { ALWAYS_IN_EFFECT, INPUT_EFFECTS } from '../../src/inputs/unused-inputs.js'
import { INPUT_DEFAULTS } from '../../src/inputs/defaults.js'
import { ASYNC_SCRIPT, VALID, problemsOf, source, workspace } from '../helpers/input-source.js'

/** The warnings parseInputs gives, with every default passed as the runner passes it. */
function warningsOf(inputs: Record<string, string>): string[] {
  return parseInputs(source(workspace(), { ...INPUT_DEFAULTS, ...inputs })).findings.warnings
}
const unused = (warnings: string[]) => warnings.filter((w) => w.includes('has no effect in this run'))

describe('no input is silently ignored', () => {
  test('every input of action.yml is classified once: where it has no effect, or in effect everywhere', () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, unknown>
    }
    const classified = [...Object.keys(INPUT_EFFECTS), ...Object.keys(ALWAYS_IN_EFFECT)]
    expect([...classified].sort()).toEqual(Object.keys(action.inputs).sort())
    expect(new Set(classified).size).toBe(classified.length)
  })

  test('defaults the runner passes, however spelled, are no warning', () => {
    expect(unused(warningsOf({ ...VALID, wait: 'True', 'wait-timeout': '30m', 'api-version': 'AUTO' }))).toEqual([])
  })

  test('an input without effect in the mode is a warning naming it and why', () => {
    const { url, login, password, ...offline } = VALID
    expect([url, login, password]).toHaveLength(3)
    const warnings = unused(warningsOf({ ...offline, mode: 'validate', 'request-timeout': '2m', wait: 'false' }))
    expect(warnings).toEqual([
      'request-timeout is set, but has no effect in this run: validate mode sends nothing to a server. ' +
        'Remove it from this step.',
      'wait is set, but has no effect in this run: validate mode neither uploads nor waits for a build. ' +
        'Remove it from this step.'
    ])
  })

  test('url names the server of the plan in validate mode with environment; pr-comment not in smoke-test', () => {
    const validate = { ...VALID, mode: 'validate', login: '', password: '' }
    expect(unused(warningsOf({ ...validate, environment: 'staging', 'pr-comment': 'true' }))).toEqual([])
    expect(unused(warningsOf(validate))).toEqual([
      'url is set, but has no effect in this run: validate mode sends nothing to a server. Remove it from this step.'
    ])
    const smokeTest = {
      ...VALID,
      mode: 'smoke-test',
      'preprocessing-id': `S${'a'.repeat(63)}`,
      'group-token': 'a'.repeat(32)
    }
    const smoke = warningsOf(smokeTest)
    expect(unused(warningsOf({ ...smokeTest, 'pr-comment': 'true' }))).toEqual([
      ...unused(smoke),
      'pr-comment is set, but has no effect in this run: smoke-test mode has no upload to plan and no script name ' +
        'to comment under. Remove it from this step.'
    ])
  })

  test('inputs that depend on another input say which', () => {
    const warnings = unused(
      warningsOf({ ...VALID, wait: 'false', 'wait-timeout': '5m', 'upload-artifact': 'false', 'artifact-name': 'x' })
    )
    expect(warnings.join('\n')).toContain('wait-timeout is set, but has no effect in this run: wait is false')
    expect(warnings.join('\n')).toContain(
      'artifact-name is set, but has no effect in this run: upload-artifact is false'
    )
  })

  test('smoke-test inputs without smoke-test: a warning', () => {
    expect(unused(warningsOf({ ...VALID, 'smoke-test-expect': '{"a": 1}' }))).toEqual([
      'smoke-test-expect is set, but has no effect in this run: smoke-test is false, so no smoke test runs ' +
        '(set smoke-test: true). Remove it from this step.'
    ])
  })

  test('smoke-test mode ignores what it does not upload', () => {
    const warnings = unused(
      warningsOf({
        ...VALID,
        mode: 'smoke-test',
        'preprocessing-id': `S${'a'.repeat(63)}`,
        'group-token': 'abcdef0123456789abcdef0123456789'
      })
    )
    expect(warnings.map((w) => w.split(' ')[0])).toEqual(['entrypoint', 'source-file', 'requirements-file'])
  })

  test('smoke-test mode with smoke-test-input: the schema is not its sample', () => {
    const token = { 'group-token': 'abcdef0123456789abcdef0123456789' }
    const inputs = { ...VALID, ...token, mode: 'smoke-test', 'preprocessing-id': `S${'a'.repeat(63)}` }
    const schema = (extra: Record<string, string>) =>
      unused(warningsOf({ ...inputs, ...extra })).filter((w) => w.startsWith('schema'))
    expect(schema({ 'smoke-test-input': 'schema.json' })).toEqual([
      'schema is set, but has no effect in this run: smoke-test mode uploads nothing, and smoke-test-input is ' +
        'the sample it tests with. Remove it from this step.'
    ])
    expect(schema({})).toEqual([])
    const inputType = (extra: Record<string, string>) =>
      unused(warningsOf({ ...inputs, ...extra, 'input-type': 'json' })).filter((w) => w.startsWith('input-type'))
    expect(inputType({ schema: '', 'smoke-test-input': '{"a": 1}' })).toEqual([
      'input-type is set, but has no effect in this run: smoke-test mode has no schema for it to check. ' +
        'Remove it from this step.'
    ])
    expect(inputType({})).toEqual([])
  })

  test('the API: a group token for api-version v2, api-version v1 for a Sync script', () => {
    const token = { 'group-token': 'abcdef0123456789abcdef0123456789', 'smoke-test': 'true' }
    expect(unused(warningsOf({ ...VALID, ...ASYNC_SCRIPT, ...token, 'api-version': 'v2' })).join('\n')).toContain(
      'group-token is set, but has no effect in this run: ' +
        "only v1 run calls use it, and api-version v2 runs use the user's token"
    )
    expect(unused(warningsOf({ ...VALID, ...ASYNC_SCRIPT, ...token }))).toEqual([])
    expect(unused(warningsOf({ ...VALID, 'api-version': 'v1' }))).toEqual([
      'api-version is set, but has no effect in this run: Sync scripts go through v1 whatever it says. ' +
        'Remove it from this step.'
    ])
  })

  test('an Async smoke-test-expect is read as what the result table holds; one that does not fit is an error', () => {
    const token = { 'group-token': 'abcdef0123456789abcdef0123456789' }
    const asyncRun = { ...VALID, ...ASYNC_SCRIPT, ...token, 'smoke-test': 'true' }
    expect(problemsOf({ ...asyncRun, 'smoke-test-expect': '{"columns": ["id"], "min-rows": 2}' })).toEqual([])
    expect(
      parseInputs(source(workspace(), { ...asyncRun, 'smoke-test-expect': '{"min-rows": 2}' })).spec.smokeTest
    ).toMatchObject({ asyncExpect: { columns: [], minRows: 2 } })
    expect(problemsOf({ ...asyncRun, 'smoke-test-expect': '{"ok": true}' })).toEqual([
      {
        input: 'smoke-test-expect',
        text: expect.stringContaining("has the key 'ok', which an Async expectation does not take")
      }
    ])
    expect(problemsOf({ ...VALID, ...ASYNC_SCRIPT, mode: 'validate', 'smoke-test-expect': '{}' })).toHaveLength(1)
  })
})
