/**
 * No input is silently ignored (issue 17, rule 4), through the bundle with every default
 * passed as the runner passes it: an input without effect is a warning naming it, and an
 * Async smoke-test-expect that is not an Async expectation is an error (before any request,
 * or once the server says Async); e2e/async-expect.test.ts checks the ones that fit.
 */
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD, DEFAULT_USER } from '../../emulator/index.js'
import { INPUT_DEFAULTS } from '../../src/inputs/defaults.js'
import { ASYNC_SAMPLE_SCRIPT, syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { errorsOf, outputOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 0 })

/** As the runner runs a step: every input of action.yml, its default unless the step sets it. */
const asRunner = (inputs: Record<string, string>) => ({ ...INPUT_DEFAULTS, ...inputs })

const v1Async = () => ({
  url: emulator.url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  'group-token': DEFAULT_GROUP_TOKEN,
  ...ASYNC_SAMPLE_SCRIPT,
  'api-version': 'v1',
  'upload-artifact': 'false'
})

test('defaults are no warning; an input set without effect is one, naming it and why', async () => {
  const quiet = await runAction(asRunner(syncSampleInputs(emulator.url, { 'group-token': '', wait: 'false' })))
  expect(quiet.stdout).not.toContain('has no effect in this run')

  const run = await runAction(
    asRunner(syncSampleInputs(emulator.url, { wait: 'false', 'wait-timeout': '5m', 'smoke-test-timeout': '1m' }))
  )
  expect(run.code).toBe(0)
  const warnings = run.stdout.split('\n').filter((line) => line.includes('has no effect in this run'))
  expect(warnings).toEqual([
    '::warning::group-token is set, but has no effect in this run: smoke-test is false, so no smoke test runs ' +
      '(set smoke-test: true). Remove it from this step.',
    '::warning::wait-timeout is set, but has no effect in this run: wait is false, so the build is not waited for. ' +
      'Remove it from this step.',
    '::warning::smoke-test-timeout is set, but has no effect in this run: smoke-test is false, so no smoke test runs ' +
      '(set smoke-test: true). Remove it from this step.'
  ])
})

test('an Async smoke-test-expect that does not fit fails the step before any request, saying why', async () => {
  const run = await runAction(asRunner({ ...v1Async(), 'smoke-test': 'true', 'smoke-test-expect': '{"ok": true}' }), {
    workspace: sampleWorkspace('async')
  })
  expect(run.code).toBe(1)
  expect(run.outputs.status).toBe('invalid-input')
  expect(errorsOf(run).join('\n')).toContain(
    "Input 'smoke-test-expect': has the key 'ok', which an Async expectation does not take (only columns and " +
      "min-rows). Remove 'ok'"
  )
  expect(emulator.requests).toEqual([])
})

test.each([
  ['columns: [id]\nmin-rows: 1', "'columns: [id] …'"],
  ['min-rows: 1', "'min-rows: 1'"]
])('smoke-test-expect written as YAML is named as such, not looked up as a file', async (expectation, shown) => {
  const run = await runAction(asRunner({ ...v1Async(), 'smoke-test': 'true', 'smoke-test-expect': expectation }), {
    workspace: sampleWorkspace('async')
  })
  expect(run.code).toBe(1)
  const error = errorsOf(run).join('\n')
  expect(error).toContain(
    `Input 'smoke-test-expect': ${shown} is neither JSON nor a file's path: it reads as YAML. Write it as JSON in ` +
      `single quotes, e.g. smoke-test-expect: '{"key": ["value"]}', or give the path of a .json file.`
  )
  expect(error).not.toContain('does not exist')
  expect(emulator.requests).toEqual([])
})

test('smoke-test mode: an expectation unfit for a script the server says is Async fails before executing', async () => {
  const workspace = sampleWorkspace('async')
  const deployed = await runAction(asRunner(v1Async()), { workspace })
  expect(deployed.code).toBe(0)
  emulator.clearRequests()
  const run = await runAction(
    asRunner({
      url: emulator.url,
      login: DEFAULT_USER,
      password: DEFAULT_PASSWORD,
      'group-token': DEFAULT_GROUP_TOKEN,
      mode: 'smoke-test',
      'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
      'smoke-test-input': 'schema.csv',
      'smoke-test-expect': '{"rows": 3}',
      'upload-artifact': 'false'
    }),
    { workspace }
  )
  expect(run.code).toBe(1)
  expect(errorsOf(run).join('\n')).toContain(
    "Input 'smoke-test-expect': has the key 'rows', which an Async expectation does not take (only columns and " +
      "min-rows). Write 'min-rows' instead of 'rows'."
  )
  expect(run.outputs['smoke-test']).not.toBe('passed')
  expect(emulator.requests.filter((r) => r.path.includes('/run/') || r.path.includes('/execution'))).toEqual([])
})
