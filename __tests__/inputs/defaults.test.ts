/**
 * action.yml's defaults and the parser's are one table: the runner passes action.yml's,
 * the parser falls back to INPUT_DEFAULTS when an input is empty, and both must agree.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT_DEFAULTS, parseInputs } from '../../src/inputs/parse.js'
import { VALID, source, workspace } from '../helpers/input-source.js'

interface ActionYml {
  inputs: Record<string, { default?: unknown }>
}
const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as ActionYml

describe("action.yml's defaults", () => {
  test('name the same inputs as the parser', () => {
    expect(Object.keys(INPUT_DEFAULTS).sort()).toEqual(Object.keys(action.inputs).sort())
  })

  test.each(Object.entries(action.inputs))("input '%s' has the parser's default", (name, spec) => {
    expect(String(spec.default ?? '')).toBe(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS])
  })

  test('give the same spec whether the runner passes them or leaves the inputs empty', () => {
    const dir = workspace()
    const withDefaults = { ...INPUT_DEFAULTS, ...VALID } as Record<string, string>
    const passed = parseInputs(source(dir, withDefaults)).spec
    const empty = parseInputs(source(dir, VALID)).spec
    expect(passed).toEqual(empty)
  })

  test('leave the operation to the server in smoke-test mode, as when the input is not given', () => {
    const dir = workspace()
    const inputs = {
      ...INPUT_DEFAULTS,
      ...VALID,
      mode: 'smoke-test',
      'preprocessing-id': `S${'a'.repeat(63)}`,
      'group-token': 'f'.repeat(32)
    } as Record<string, string>
    expect(parseInputs(source(dir, inputs)).spec.script.operationGiven).toBe(false)
  })
})
