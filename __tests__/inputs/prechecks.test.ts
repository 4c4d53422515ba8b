import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import { datasetMismatch, problemsOnApi } from '../../src/inputs/api-fit.js'
import { ASYNC_SCRIPT, VALID, problemsOf, source, workspace } from '../helpers/input-source.js'

const TOKEN = 'f'.repeat(32)
const twoDatasets = (dir: string) => {
  writeFileSync(join(dir, 'loans.csv'), 'id,amount\n1,2\n')
  writeFileSync(join(dir, 'people.csv'), 'id,age\n1,30\n')
}
const V2_ASYNC = { ...ASYNC_SCRIPT, schema: 'loans=loans.csv\ncustomers=people.csv', 'smoke-test': 'true' }

describe('smoke-test datasets against the schema (v2 Async)', () => {
  test.each([
    ['a missing name', 'loans=loans.csv', /has no line for the schema's dataset 'customers'/],
    [
      'an extra name',
      'loans=loans.csv\ncustomers=people.csv\nextra=people.csv',
      /names 'extra', which the schema does not/
    ],
    ['a misspelt name', 'loans=loans.csv\ncustomer=people.csv', /no line for .*'customers' and names 'customer'/]
  ])('%s is an input error when only v2 can take the script', (_label, sample, message) => {
    const problems = problemsOf({ ...VALID, ...V2_ASYNC, 'smoke-test-input': sample }, {}, twoDatasets)
    expect(problems.map((p) => p.input)).toEqual(['smoke-test-input'])
    expect(problems[0]?.text).toMatch(message)
    expect(problems[0]?.text).toMatch(/Write one name=path line per schema dataset \(loans=…, customers=…\)/)
  })

  test('matching names, in any order, pass', () => {
    const sample = 'customers=people.csv\nloans=loans.csv'
    expect(problemsOf({ ...VALID, ...V2_ASYNC, 'smoke-test-input': sample }, {}, twoDatasets)).toEqual([])
  })

  test('one dataset each under auto: v1 could take it whatever its name, so the probe decides', () => {
    const inputs = { ...VALID, ...ASYNC_SCRIPT, 'smoke-test': 'true', 'group-token': TOKEN }
    const renamed = { ...inputs, 'smoke-test-input': 'sample=data.csv' }
    expect(problemsOf(renamed)).toEqual([])
    expect(problemsOf({ ...renamed, 'api-version': 'v2' }).map((p) => p.input)).toEqual(['smoke-test-input'])
    expect(problemsOf({ ...renamed, mode: 'validate' }).map((p) => p.input)).toEqual(['smoke-test-input'])
    // After the probe: v2 refuses it, v1 takes it.
    const { spec } = parseInputs(source(workspace(), renamed))
    expect(problemsOnApi(spec, 'v2').map((p) => p.input)).toEqual(['smoke-test-input'])
    expect(problemsOnApi(spec, 'v1')).toEqual([])
  })

  test('under api-version v1 the names never matter', () => {
    const inputs = { ...VALID, ...ASYNC_SCRIPT, 'smoke-test': 'true', 'group-token': TOKEN, 'api-version': 'v1' }
    expect(problemsOf({ ...inputs, 'smoke-test-input': 'sample=data.csv' })).toEqual([])
  })

  test('nothing to compare when either side is empty', () => {
    expect(datasetMismatch([], [])).toBeUndefined()
  })
})

describe('the group token, for the API the smoke test goes through', () => {
  const asyncAuto = { ...VALID, ...ASYNC_SCRIPT, 'smoke-test': 'true' }
  test('Async under auto: not needed before the probe; needed once it chose v1, never on v2', () => {
    const { spec } = parseInputs(source(workspace(), asyncAuto))
    expect(problemsOnApi(spec, 'v2')).toEqual([])
    const [problem] = problemsOnApi(spec, 'v1')
    expect(problem).toMatchObject({ input: 'group-token' })
    expect(problem?.problem).toMatch(/smoke test needs it for the run calls/)
    expect(problem?.fix).toMatch(/or set smoke-test: false/)
  })

  test('no smoke test, or a token: nothing', () => {
    const off = parseInputs(source(workspace(), { ...asyncAuto, 'smoke-test': 'false' })).spec
    expect(problemsOnApi(off, 'v1')).toEqual([])
    const withToken = parseInputs(source(workspace(), { ...asyncAuto, 'group-token': TOKEN })).spec
    expect(problemsOnApi(withToken, 'v1')).toEqual([])
  })

  test('Sync and api-version v1 need it at input time', () => {
    expect(problemsOf({ ...VALID, 'smoke-test': 'true' }).map((p) => p.input)).toEqual(['group-token'])
    expect(problemsOf({ ...asyncAuto, 'api-version': 'v1' }).map((p) => p.input)).toEqual(['group-token'])
    expect(problemsOf({ ...asyncAuto, 'api-version': 'v2' })).toEqual([])
  })
})

describe('smoke-test-expect and smoke-test-input: a JSON value is inline, never a file name', () => {
  const sync = { ...VALID, 'smoke-test': 'true', 'group-token': TOKEN }
  test.each([
    ['2', 2],
    ['true', true],
    ['null', null],
    ['"approved"', 'approved'],
    ['[1]', [1]],
    ['-1.5', -1.5],
    ['{"a": 1}', { a: 1 }]
  ])('smoke-test-expect: %s is %p', (raw, value) => {
    const { spec } = parseInputs(source(workspace(), { ...sync, 'smoke-test-expect': raw }))
    expect(spec.smokeTest.expect).toEqual(value)
  })

  test('even when a file of that name exists; ./2 names the file', () => {
    const dir = workspace()
    writeFileSync(join(dir, '2'), '{"from": "file"}')
    expect(parseInputs(source(dir, { ...sync, 'smoke-test-expect': '2' })).spec.smokeTest.expect).toBe(2)
    expect(parseInputs(source(dir, { ...sync, 'smoke-test-expect': './2' })).spec.smokeTest.expect).toEqual({
      from: 'file'
    })
  })

  test('a leading quote is a JSON string that must parse, never a path', () => {
    const [problem] = problemsOf({ ...sync, 'smoke-test-expect': '"approved' })
    expect(problem).toMatchObject({
      input: 'smoke-test-expect',
      text: expect.stringMatching(/is inline JSON that does not parse/)
    })
  })

  test('smoke-test-input: 2 is the Sync input 2; a path that is not JSON is still a file', () => {
    expect(parseInputs(source(workspace(), { ...sync, 'smoke-test-input': '2' })).spec.smokeTest.syncInput).toBe(2)
    const problems = problemsOf({ ...sync, 'smoke-test-expect': 'expected.json' })
    expect(problems.map((p) => [p.input, /does not exist/.test(p.text)])).toEqual([['smoke-test-expect', true]])
  })
})

describe('durations need their unit', () => {
  test.each(['wait-timeout', 'poll-interval', 'request-timeout', 'smoke-test-timeout'])(
    '%s: 600 is refused, naming both readings',
    (input) => {
      const problems = problemsOf({ ...VALID, [input]: '600' })
      expect(problems.map((p) => p.input)).toEqual([input])
      expect(problems[0]?.text).toMatch(
        /'600' has no unit: it could mean seconds or minutes\. Write the unit: 600s for seconds, 600m for minutes/
      )
    }
  )

  test('with a unit it is read', () => {
    expect(parseInputs(source(workspace(), { ...VALID, 'wait-timeout': '600s' })).spec.wait.timeoutMs).toBe(600_000)
  })
})
