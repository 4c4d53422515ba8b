/**
 * smoke-test-model and smoke-test-model-group (src/inputs/pipeline-inputs.ts): the model
 * hash's shape, the group token the model's runs need, the group's default, and the inputs
 * being unused where no server smoke test runs.
 */
import { parseInputs } from '../../src/inputs/parse.js'
import { ASYNC_SCRIPT, VALID, problemsOf, source, workspace } from '../helpers/input-source.js'

const MODEL = `M${'ab'.repeat(31)}a`
const TOKEN = '0123456789abcdef0123456789abcdef'
const gate = { ...VALID, 'smoke-test': 'true', 'group-token': TOKEN }

test('a model hash turns the smoke test into a pipeline; its group defaults to the script’s', () => {
  const { spec } = parseInputs(source(workspace(), { ...gate, 'smoke-test-model': MODEL }))
  expect(spec.smokeTest.model).toEqual({ hash: MODEL, group: undefined })
  const other = parseInputs(source(workspace(), { ...gate, 'smoke-test-model': MODEL, 'smoke-test-model-group': 'ml' }))
  expect(other.spec.smokeTest.model).toEqual({ hash: MODEL, group: 'ml' })
})

test.each([
  ['M123', "'M123' is not a model hash"],
  [`S${'a'.repeat(63)}`, "is a script hash (S…), not a model's"],
  [`${MODEL}0`, 'is not a model hash'],
  [`m${MODEL.slice(1)}`, 'is not a model hash']
])('%s is refused, naming smoke-test-model', (hash, text) => {
  const problems = problemsOf({ ...gate, 'smoke-test-model': hash })
  expect(problems).toEqual([{ input: 'smoke-test-model', text: expect.stringContaining(text) }])
})

test('the model runs need the group token, whatever API serves the script (once, with the v1 need)', () => {
  const v2 = problemsOf({ ...gate, ...ASYNC_SCRIPT, 'api-version': 'v2', 'group-token': '', 'smoke-test-model': MODEL })
  expect(v2).toEqual([{ input: 'group-token', text: expect.stringContaining('smoke-test-model is set') }])
  const sync = problemsOf({ ...gate, 'group-token': '', 'smoke-test-model': MODEL })
  expect(sync.filter((p) => p.input === 'group-token')).toHaveLength(1)
})

test('without a server smoke test the model inputs are unused, with a warning saying why', () => {
  const off = parseInputs(source(workspace(), { ...gate, 'smoke-test': 'false', 'smoke-test-model': MODEL }))
  expect(off.spec.smokeTest.model).toBeUndefined()
  expect(off.findings.warnings.join('\n')).toContain('smoke-test-model is set, but has no effect in this run')
  const validate = parseInputs(source(workspace(), { ...VALID, mode: 'validate', 'smoke-test-model': MODEL }))
  expect(validate.spec.smokeTest.model).toBeUndefined()
  expect(validate.findings.warnings.join('\n')).toContain('validate mode sends nothing to a server')
  const groupAlone = parseInputs(source(workspace(), { ...gate, 'smoke-test-model-group': 'ml' }))
  expect(groupAlone.findings.warnings.join('\n')).toContain('smoke-test-model is empty, so no model is called')
})

test('with a model, group-token is used even when api-version v2 runs the script', () => {
  const { findings } = parseInputs(
    source(workspace(), { ...gate, ...ASYNC_SCRIPT, 'api-version': 'v2', 'smoke-test-model': MODEL })
  )
  expect(findings.warnings.join('\n')).not.toContain('group-token is set, but has no effect')
})

test("a model in another group: a warning when a v1 Async execution would need the other group's token", () => {
  const warningsOf = (inputs: Record<string, string>) =>
    parseInputs(source(workspace(), { ...gate, 'smoke-test-model': MODEL, ...inputs })).findings.warnings.join('\n')
  const v1 = warningsOf({ ...ASYNC_SCRIPT, 'api-version': 'v1', 'smoke-test-model-group': 'ml' })
  expect(v1).toContain("smoke-test-model-group 'ml' is not the script's group")
  expect(v1).toContain('api-version: v2')
  // No warning: a Sync pipeline is one model call; a v2 execution uses the user token; the same group spelt otherwise.
  expect(warningsOf({ 'smoke-test-model-group': 'ml' })).not.toContain('smoke-test-model-group')
  expect(warningsOf({ ...ASYNC_SCRIPT, 'api-version': 'v2', 'smoke-test-model-group': 'ml' })).not.toContain(
    'smoke-test-model-group'
  )
  expect(warningsOf({ ...ASYNC_SCRIPT, 'api-version': 'v1', 'smoke-test-model-group': 'DataRisk' })).not.toContain(
    'smoke-test-model-group'
  )
})
