/**
 * Every input rule of src/inputs.ts end to end: the bundled action, given one bad
 * input, exits non-zero before any network call with a message naming the input
 * (`Input '<name>'`), publishes status invalid-input, and registers nothing. The
 * rules each have a unit test in inputs.test.ts; this is the runner's view of them.
 * Cases run a few at a time (test.concurrent); every run is scanned for secrets.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_GROUP_TOKEN, startEmulator, type Emulator } from '../../emulator/index.js'
import { syncSampleInputs } from '../helpers/e2e.js'
import { REPO_ROOT, errorsOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'

const PASSWORD = 'bad-input-password-5521'
const ENV_SECRET = 'bad-input-env-value-8830'

let emulator: Emulator
/** One workspace, only read by the runs: the sync sample plus the files the cases point at. */
let workspace: string

beforeAll(async () => {
  emulator = await startEmulator({ buildSeconds: 0 })
  workspace = sampleWorkspace('sync')
  cpSync(join(REPO_ROOT, 'samples', 'async', 'features.py'), join(workspace, 'features.py'))
  cpSync(join(REPO_ROOT, 'samples', 'async', 'schema.csv'), join(workspace, 'schema.csv'))
  writeFileSync(join(workspace, '.env'), `API_KEY=${ENV_SECRET}\n`)
  writeFileSync(join(workspace, 'score.txt'), 'not python\n')
  writeFileSync(join(workspace, 'broken.json'), '{"age": 34,')
  writeFileSync(join(workspace, 'schema.xml'), '<schema/>')
  writeFileSync(join(workspace, 'async_score.py'), 'async def process(data, base_path):\n    return {}\n')
  writeFileSync(join(workspace, 'one_arg.py'), 'def process(data):\n    return {}\n')
  writeFileSync(join(workspace, 'match_310.py'), 'def process(data, base_path):\n    match data:\n        case _:\n            return {}\n')
  mkdirSync(join(workspace, 'pkg.py'))
  mkdirSync(join(workspace, 'a'))
  mkdirSync(join(workspace, 'b'))
  writeFileSync(join(workspace, 'a', 'x.json'), '{}')
  writeFileSync(join(workspace, 'b', 'x.json'), '{}')
})
afterAll(async () => {
  // Not one request reached the server, let alone a register.
  const requests = emulator.requests.map(r => `${r.method} ${r.path}`)
  await emulator.close()
  expect(requests).toEqual([])
})

const valid = (): Record<string, string> => syncSampleInputs(emulator.url, { password: PASSWORD, 'env-file': '.env' })

const asyncScript = { operation: 'async', entrypoint: 'build_features', 'source-file': 'features.py', schema: 'schema.csv', 'extra-files': '' }

/** [what is wrong, the input the message must name, the inputs changed] */
const CASES: [string, string, Record<string, string>][] = [
  // mode and the smoke-test-only mode
  ['an unknown mode', 'mode', { mode: 'upload' }],
  ['smoke-test mode without a hash', 'preprocessing-id', { mode: 'smoke-test' }],
  ['smoke-test mode with something that is not a hash', 'preprocessing-id', { mode: 'smoke-test', 'preprocessing-id': 'S1234' }],
  // connection
  ['a URL that is not one', 'url', { url: 'neomaril dot example' }],
  ['a URL that is not http(s)', 'url', { url: 'ftp://neomaril.example.com' }],
  ['credentials in the URL', 'url', { url: 'https://me:hunter2@neomaril.example.com' }],
  ['plain http to a remote host', 'url', { url: 'http://neomaril.example.com' }],
  ['a URL with a query', 'url', { url: 'https://neomaril.example.com/?tenant=1' }],
  ['allow-insecure-http not a boolean', 'allow-insecure-http', { 'allow-insecure-http': 'maybe' }],
  ['no login anywhere', 'login', { login: '' }],
  ['no password anywhere', 'password', { password: '' }],
  ['a group token with white space', 'group-token', { 'group-token': '0123456789abcdef 0123456789abcdef' }],
  ['request-timeout not a duration', 'request-timeout', { 'request-timeout': 'soon' }],
  ['request-timeout too short', 'request-timeout', { 'request-timeout': '100ms' }],
  ['a group name with a slash', 'group', { group: 'risk/team' }],
  // script
  ['no name', 'name', { name: '' }],
  ['a name of 32 characters or more', 'name', { name: 'loan features for the credit team v2' }],
  ['an unknown operation', 'operation', { operation: 'batch' }],
  ['python 3.1 (YAML read 3.10 as a number)', 'python-version', { 'python-version': '3.1' }],
  ['an unsupported python', 'python-version', { 'python-version': '3.12' }],
  ['no entrypoint', 'entrypoint', { entrypoint: '' }],
  ['an entrypoint that is not a function name', 'entrypoint', { entrypoint: 'score.process()' }],
  ['an entrypoint the source does not define', 'entrypoint', { entrypoint: 'transform' }],
  ['an async def entrypoint', 'entrypoint', { 'source-file': 'async_score.py', 'extra-files': '' }],
  ['an entrypoint taking one argument', 'entrypoint', { 'source-file': 'one_arg.py' }],
  ['a source that does not parse as the Python chosen', 'entrypoint', { 'source-file': 'match_310.py', 'python-version': '3.8' }],
  ['no source file', 'source-file', { 'source-file': '' }],
  ['a source that is neither .py nor .ipynb', 'source-file', { 'source-file': 'score.txt' }],
  ['a source that does not exist', 'source-file', { 'source-file': 'src/missing.py' }],
  ['a source that is a folder', 'source-file', { 'source-file': 'pkg.py' }],
  ['no requirements file', 'requirements-file', { 'requirements-file': '' }],
  ['a requirements file that does not exist', 'requirements-file', { 'requirements-file': 'requirements-prod.txt' }],
  ['an unknown input type', 'input-type', { 'input-type': 'xml' }],
  ['a csv input type for a Sync script', 'input-type', { 'input-type': 'csv' }],
  ['no schema', 'schema', { schema: '' }],
  ['inline schema JSON that does not parse', 'schema', { schema: '{"age": 34,' }],
  ['a schema file that is not JSON', 'schema', { schema: 'broken.json' }],
  ['a schema of an unknown type', 'schema', { schema: 'schema.xml' }],
  ['a csv schema for a Sync script', 'schema', { schema: 'schema.csv' }],
  ['inline JSON schema for an Async script', 'schema', { ...asyncScript, schema: '{"age": 34}' }],
  ['an env file that does not exist', 'env-file', { 'env-file': '.env.production' }],
  ['an extra-files pattern matching nothing', 'extra-files', { 'extra-files': 'models/*.pkl' }],
  ['an extra file that does not exist', 'extra-files', { 'extra-files': 'limits.json\nthresholds.json' }],
  ['two extra files with one file name', 'extra-files', { 'extra-files': 'a/x.json\nb/x.json' }],
  ['an extra file named like the schema', 'extra-files', { 'extra-files': 'limits.json\nschema.json' }],
  // behaviour
  ['wait not a boolean', 'wait', { wait: 'sometimes' }],
  ['wait-timeout not a duration', 'wait-timeout', { 'wait-timeout': 'forever' }],
  ['poll-interval too short', 'poll-interval', { 'poll-interval': '200ms' }],
  ['fail-on-timeout not a boolean', 'fail-on-timeout', { 'fail-on-timeout': 'perhaps' }],
  ['smoke-test not a boolean', 'smoke-test', { 'smoke-test': 'yes please' }],
  ['a smoke test without the group token', 'group-token', { 'smoke-test': 'true', 'group-token': '' }],
  ['a smoke test without waiting', 'smoke-test', { 'smoke-test': 'true', wait: 'false' }],
  ['smoke-test-input JSON that does not parse', 'smoke-test-input', { 'smoke-test': 'true', 'smoke-test-input': '{"age":' }],
  ['a smoke-test-input file that does not exist', 'smoke-test-input', { 'smoke-test': 'true', 'smoke-test-input': 'sample-request.json' }],
  ['smoke-test-timeout not a duration', 'smoke-test-timeout', { 'smoke-test-timeout': 'ten minutes' }],
  ['smoke-test-expect for an Async script', 'smoke-test-expect', { ...asyncScript, 'smoke-test': 'true', 'smoke-test-expect': '{"ok": true}' }],
  ['upload-artifact not a boolean', 'upload-artifact', { 'upload-artifact': 'nah' }],
  ['an artifact name with a slash', 'artifact-name', { 'artifact-name': 'deploy/loan' }],
  ['a retention of 0 days', 'artifact-retention-days', { 'artifact-retention-days': '0' }],
  ['a retention that is not a number', 'artifact-retention-days', { 'artifact-retention-days': 'ten' }]
]

describe('one bad input: fails before any request, naming the input', () => {
  test('the table covers every input rule family (at least 30 cases)', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30)
    expect(new Set(CASES.map(([, input]) => input)).size).toBeGreaterThanOrEqual(25)
  })

  test.concurrent.each(CASES)('%s → Input \'%s\'', async (_, input, changes) => {
    const run = await runAction({ ...valid(), ...changes }, { workspace, killAfterMs: 60_000 })
    expectNoSecretLeaks(run, [PASSWORD, DEFAULT_GROUP_TOKEN, ENV_SECRET])
    const errors = errorsOf(run).join('\n')
    if (!errors.includes(`Input '${input}'`)) throw new Error(`expected a message naming Input '${input}', got:\n${errors || run.stdout + run.stderr}`)
    expect(run.code).not.toBe(0)
    expect(run.outputs.status).toBe('invalid-input')
    expect(run.stdout).not.toMatch(/::group::(Connect|Register)/)
    expect(emulator.requests.filter(r => r.path.includes('/register/'))).toEqual([])
  })
})
