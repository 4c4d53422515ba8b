/**
 * smoke-test-expect for Async results, through the bundle against the emulator: checked on
 * the table inside a v1 result zip (the CSV samples/async writes) and on a v2 parquet
 * result. An expectation met passes and says so (log, summary, result.json); a missing
 * column, a wrong type and too few rows each fail naming what; a result zip holding no
 * table is an error, never a pass (an expectation that does not fit: e2e/unused-inputs.test.ts).
 * The v2 executions need pandas (skipped without it).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD, DEFAULT_USER } from '../../emulator/index.js'
import { defaultEmulatorPython, hasPandas } from '../../src/harness/interpreter.js'
import { ASYNC_SAMPLE_SCRIPT, V2_JOIN_SCRIPT, useEmulator } from '../helpers/e2e.js'
import { type ActionRun, errorsOf, outputOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'

const withPandas = await hasPandas(await defaultEmulatorPython())
if (!withPandas) console.warn('v2 Async expectations SKIPPED: the emulator has no Python with pandas')
const maybe = withPandas ? test : test.skip

const emulator = useEmulator({ buildSeconds: 0 })
const SECRETS = { password: DEFAULT_PASSWORD, 'group token': DEFAULT_GROUP_TOKEN }
const account = () => ({
  url: emulator.url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  'group-token': DEFAULT_GROUP_TOKEN,
  'upload-artifact': 'false'
})
const v1Deploy = (expectation: string) => ({
  ...account(),
  ...ASYNC_SAMPLE_SCRIPT,
  'api-version': 'v1',
  'smoke-test': 'true',
  'smoke-test-expect': expectation
})
const smokeTestMode = (hash: string, input: string, expectation: string) => ({
  ...account(),
  mode: 'smoke-test',
  'preprocessing-id': hash,
  'smoke-test-input': input,
  'smoke-test-expect': expectation
})

async function run(inputs: Record<string, string>, workspace: string): Promise<ActionRun> {
  const done = await runAction(inputs, { workspace, killAfterMs: 120_000 })
  expectNoSecretLeaks(done, SECRETS)
  return done
}
/** The gate failed on the expectation: the step fails, and the error and the summary name what failed. */
function expectUnmet(done: ActionRun, problem: string): void {
  expect(done.code).toBe(1)
  expect(done.outputs['smoke-test']).toBe('failed')
  const errors = errorsOf(done).join('\n')
  expect(errors).toMatch(/Smoke test failed: the result of execution \S+ does not meet smoke-test-expect: /)
  expect(errors).toContain(problem)
  expect(done.summary).toContain(`smoke-test-expect not met (${problem}`)
}
const resultJson = (done: ActionRun) => JSON.parse(readFileSync(outputOf(done, 'result-file'), 'utf8'))

describe('v1: the table inside the result zip', () => {
  const workspace = sampleWorkspace('async')
  let hash = ''

  test('an expectation met passes, and the log, the summary and result.json say so', async () => {
    const expectation =
      '{"columns": {"id": "integer", "instalment": "number", "late_payments": "integer"}, "min-rows": 3}'
    const deployed = await run(v1Deploy(expectation), workspace)
    expect(deployed.code).toBe(0)
    expect(deployed.outputs['smoke-test']).toBe('passed')
    hash = outputOf(deployed, 'preprocessing-id')
    expect(deployed.stdout).toContain(
      'Result (features.csv): 3 rows; columns id (integer), instalment (number), instalment_to_income (number), ' +
        'late_payments (integer).'
    )
    expect(deployed.stdout).toContain(
      'smoke-test-expect met: columns id (integer), instalment (number), late_payments (integer); at least 3 rows.'
    )
    expect(deployed.summary).toContain('; result features.csv: 3 rows, columns id (integer)')
    expect(deployed.summary).toContain('; smoke-test-expect met')
    expect(resultJson(deployed).smokeTest).toMatchObject({
      outcome: 'passed',
      resultTable: 'features.csv',
      expectation: { met: true, problems: [] }
    })
  })

  test.each([
    [
      'a missing column',
      '{"columns": ["id", "score"]}',
      "column 'score' missing (features.csv has id, instalment, instalment_to_income, late_payments)"
    ],
    ['a wrong type', '{"columns": {"id": "string"}}', "column 'id' is integer, expected string"],
    ['too few rows', '{"min-rows": 10}', '3 rows, expected at least 10']
  ])('smoke-test mode: %s fails the gate, saying which', async (_, expectation, problem) => {
    const done = await run(smokeTestMode(hash, 'schema.csv', expectation), workspace)
    expectUnmet(done, problem)
    expect(resultJson(done).smokeTest.expectation).toEqual({ met: false, problems: [problem] })
  })

  test('a result zip holding no table: the expectation is an error, never a pass', async () => {
    const json = sampleWorkspace('async')
    const script = readFileSync(`${json}/features.py`, 'utf8')
    writeFileSync(`${json}/features.py`, script.replace('"features.csv"', '"features.json"'))
    const done = await run(v1Deploy('{"min-rows": 1}'), json)
    expect(done.code).toBe(1)
    expect(done.outputs.status).toBe('deployed')
    expect(done.outputs['smoke-test']).toBe('failed')
    expect(errorsOf(done).join('\n')).toMatch(
      new RegExp(
        /the result of execution \S+ cannot be checked against smoke-test-expect: it holds no table /.source +
          /smoke-test-expect can be checked on \(a \.csv or \.parquet file\), only features\.json \(\d+ /.source +
          /B\)/.source
      )
    )
  })
})

describe('validate mode: the file the entrypoint wrote, locally', () => {
  test('the same check on the local output: met passes, a wrong type fails naming it', async () => {
    const workspace = sampleWorkspace('async')
    const local = (expectation: string) => {
      const { url, login, password, 'group-token': token, ...offline } = v1Deploy(expectation)
      expect([url, login, password, token]).toHaveLength(4)
      return { ...offline, mode: 'validate', 'smoke-test': 'false' }
    }
    const met = await run(local('{"columns": {"late_payments": "integer"}, "min-rows": 3}'), workspace)
    expect(met.code).toBe(0)
    expect(resultJson(met).smokeTest).toMatchObject({ where: 'local', expectation: { met: true } })
    const failed = await run(local('{"columns": {"late_payments": "boolean"}}'), workspace)
    expect(failed.code).toBe(1)
    expect(errorsOf(failed).join('\n')).toContain(
      "the entrypoint's output (features.csv) does not meet smoke-test-expect: " +
        "column 'late_payments' is integer, expected boolean"
    )
  })
})

describe('v2: the result parquet', () => {
  const workspace = () => {
    const dir = sampleWorkspace('async')
    for (const name of ['app.py', 'clients.csv', 'loans.json', 'rates.json', 'requirements.txt'])
      writeFileSync(`${dir}/${name}`, readFileSync(`__tests__/emulator/data/v2-join/${name}`))
    return dir
  }
  const v2 = workspace()
  let hash = ''

  maybe('an expectation met passes: pandas types read from the parquet footer', async () => {
    const deployed = await run(
      {
        ...account(),
        ...V2_JOIN_SCRIPT,
        'smoke-test': 'true',
        'smoke-test-expect': '{"columns": {"id": "integer", "segment": "string", "rate": "number"}, "min-rows": 3}'
      },
      v2
    )
    expect(deployed.code).toBe(0)
    expect(deployed.outputs['smoke-test']).toBe('passed')
    expect(resultJson(deployed).smokeTest.expectation).toEqual({ met: true, problems: [] })
    hash = outputOf(deployed, 'preprocessing-id')
  })

  maybe.each([
    [
      'a missing column',
      '{"columns": ["score"]}',
      "column 'score' missing (it has id, segment, amount, months, rate, "
    ],
    ['a wrong type', '{"columns": {"amount": "boolean"}}', "column 'amount' is integer, expected boolean"],
    ['too few rows', '{"min-rows": 4}', '3 rows, expected at least 4']
  ])('smoke-test mode: %s fails the gate', async (_, expectation, problem) => {
    expectUnmet(await run(smokeTestMode(hash, 'clients=clients.csv\nloans=loans.json', expectation), v2), problem)
  })
})
