/**
 * Every input rule end to end: the bundled action, given one bad input, exits
 * non-zero with a message naming the input, saying what is wrong and how to fix it,
 * publishes status invalid-input, and sends no request at all (each case talks to the
 * emulator under its own path prefix, so its requests are counted apart). The one
 * exception is the Python entrypoint check: it runs while the unauthenticated,
 * read-only GET /api/health is in flight (the start-up target of issue 11), so those
 * rows allow that one request and nothing else: no login, no credential. Every run is
 * scanned for the secrets and for the content of a canary folder outside the
 * workspace, which cases try to reach by absolute path, `..`, symlinks and globs.
 * The rules each have unit tests (inputs*.test.ts); this is the runner's view of them.
 */
import { cpSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { DEFAULT_GROUP_TOKEN, startEmulator, type Emulator } from '../../emulator/index.js'
import { syncSampleInputs } from '../helpers/e2e.js'
import { REPO_ROOT, errorsOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'
import { RUNNER_LINE_BREAK, expectNoSecretLeaks } from '../helpers/secret-scan.js'

const PASSWORD = 'bad-input-password-5521'
const ENV_SECRET = 'bad-input-env-value-8830'
/** On a .env line python-dotenv cannot parse: masked all the same. */
const ENV_UNPARSED_SECRET = 'bad-input-unparsed-env-4417'
/** The content of every file outside the workspace: it must appear nowhere. */
const CANARY = 'canary-outside-workspace-6093'
const HOSTILE = '::warning::forged'

let emulator: Emulator
/** One workspace, only read by the runs: the sync sample plus the files the cases point at. */
let workspace: string
/** A folder outside the workspace, reached through links from inside it. */
let outside: string

beforeAll(async () => {
  emulator = await startEmulator({ buildSeconds: 0 })
  workspace = realpathSync(sampleWorkspace('sync'))
  outside = realpathSync(mkdtempSync(join(tmpdir(), 'canary-')))
  writeFileSync(join(outside, 'canary.json'), JSON.stringify({ canary: CANARY }))
  writeFileSync(join(outside, 'canary.py'), `# ${CANARY}\ndef process(data, base_path):\n    return {}\n`)
  mkdirSync(join(outside, 'many'))
  for (let i = 0; i < 300; i++) writeFileSync(join(outside, 'many', `c${i}.json`), JSON.stringify({ canary: CANARY }))
  symlinkSync(join(outside, 'canary.json'), join(workspace, 'link.json'))
  symlinkSync(join(outside, 'canary.py'), join(workspace, 'linked_score.py'))
  symlinkSync(outside, join(workspace, 'linked'))
  mkdirSync(join(workspace, '.git'))
  writeFileSync(join(workspace, '.git', 'config'), `[http]\n\textraheader = AUTHORIZATION: basic ${CANARY}\n`)

  cpSync(join(REPO_ROOT, 'samples', 'async', 'features.py'), join(workspace, 'features.py'))
  cpSync(join(REPO_ROOT, 'samples', 'async', 'schema.csv'), join(workspace, 'schema.csv'))
  writeFileSync(join(workspace, 'orders.csv'), 'id,total\n1,9\n')
  writeFileSync(join(workspace, '.env'), `API_KEY=${ENV_SECRET}\nNOT A BINDING ${ENV_UNPARSED_SECRET}\n`)
  mkdirSync(join(workspace, 'config'))
  writeFileSync(join(workspace, 'config', 'prod.env'), `TOKEN=${ENV_SECRET}\n`)
  mkdirSync(join(workspace, 'wide'))
  for (let i = 0; i < 520; i++) writeFileSync(join(workspace, 'wide', `w${i}.txt`), '')
  writeFileSync(join(workspace, 'score.txt'), 'not python\n')
  writeFileSync(join(workspace, 'broken.json'), '{"age": 34,')
  writeFileSync(join(workspace, 'schema.xml'), '<schema/>')
  writeFileSync(join(workspace, 'async_score.py'), 'async def process(data, base_path):\n    return {}\n')
  writeFileSync(join(workspace, 'one_arg.py'), 'def process(data):\n    return {}\n')
  writeFileSync(
    join(workspace, 'match_310.py'),
    'def process(data, base_path):\n    match data:\n        case _:\n            return {}\n'
  )
  mkdirSync(join(workspace, 'pkg.py'))
  mkdirSync(join(workspace, 'a'))
  mkdirSync(join(workspace, 'b'))
  writeFileSync(join(workspace, 'a', 'x.json'), '{}')
  writeFileSync(join(workspace, 'b', 'x.json'), '{}')
})
afterAll(async () => {
  // Nothing reached the server outside the cases' own paths, and nothing but the health checks of the Python rows.
  const requests = emulator.requests.map((r) => `${r.method} ${r.path}`)
  await emulator.close()
  expect(requests.filter((request) => !/^GET \/case-\d+\/api\/health$/.test(request))).toEqual([])
  expect(requests.length).toBeLessThanOrEqual(CASES.filter((c) => c.byPython).length)
})

const asyncScript = {
  operation: 'async',
  entrypoint: 'build_features',
  'source-file': 'features.py',
  schema: 'schema.csv',
  'extra-files': ''
}
const smokeTest = { 'smoke-test': 'true' }

interface Case {
  /** What is wrong. */
  readonly label: string
  /** The input the message must name. */
  readonly input: string
  /** The inputs changed; a function when they name paths known only once the folders exist. */
  readonly inputs: Record<string, string> | (() => Record<string, string>)
  /** What the message must say: the problem, and the words of its fix. */
  readonly message: RegExp
  /** Found by the Python entrypoint check, which overlaps the read-only health request. */
  readonly byPython?: boolean
  readonly env?: Record<string, string>
}

const row = (
  label: string,
  input: string,
  inputs: Case['inputs'],
  message: RegExp,
  env?: Record<string, string>
): Case => ({ label, input, inputs, message, env })
const pythonRow = (label: string, inputs: Case['inputs'], message: RegExp): Case => ({
  ...row(label, 'entrypoint', inputs, message),
  byPython: true
})
/** The path of the canary folder as seen from the workspace (`../canary-…`). */
const up = (file: string): string => relative(workspace, join(outside, file))

const CASES: Case[] = [
  // mode and the smoke-test-only mode
  row(
    'an unknown mode',
    'mode',
    { mode: 'upload' },
    /'upload' is not a mode\. Use one of deploy, validate, smoke-test/
  ),
  row(
    'smoke-test mode without a hash',
    'preprocessing-id',
    { mode: 'smoke-test' },
    /is required in smoke-test mode\. Pass the hash/
  ),
  row(
    'smoke-test mode with something that is not a hash',
    'preprocessing-id',
    { mode: 'smoke-test', 'preprocessing-id': 'S1234' },
    /not a script hash\. A hash is 'S' and 63 hex/
  ),
  // connection
  row(
    'no url anywhere (no implicit server)',
    'url',
    { url: '' },
    /is empty and neither MLOPS_URL nor NEOMARIL_URL is set; the action has no default server.*Set url:/
  ),
  row('a URL that is not one', 'url', { url: 'neomaril dot example' }, /is not a URL\. Use the server root/),
  row(
    'a URL that is not http(s)',
    'url',
    { url: 'ftp://neomaril.example.com' },
    /is not an http\(s\) URL\. Use the server root/
  ),
  row(
    'credentials in the URL',
    'url',
    { url: 'https://me:hunter2@neomaril.example.com' },
    /holds credentials\. Remove them from the URL/
  ),
  row(
    'plain http to a remote host',
    'url',
    { url: 'http://neomaril.example.com' },
    /uses plain http.*Use https, or set allow-insecure-http: true/
  ),
  row(
    'a URL with a query',
    'url',
    { url: 'https://neomaril.example.com/?tenant=1' },
    /has a query or fragment\. Use the server root only/
  ),
  row(
    'allow-insecure-http not a boolean',
    'allow-insecure-http',
    { 'allow-insecure-http': 'maybe' },
    /'maybe' is not a boolean\. Use true or false/
  ),
  row(
    'no login anywhere',
    'login',
    { login: '' },
    /is empty and neither MLOPS_USER nor NEOMARIL_USER is set\. Pass it from a secret/
  ),
  row(
    'no password anywhere',
    'password',
    { password: '' },
    /is empty and neither MLOPS_PASSWORD nor NEOMARIL_PASSWORD is set\. Pass it from a secret/
  ),
  row(
    'a group token with white space',
    'group-token',
    { 'group-token': '0123456789abcdef 0123456789abcdef' },
    /contains white space\. Copy the token exactly/
  ),
  row(
    'a tenant with white space',
    'tenant',
    { tenant: 'acme bank' },
    /'acme bank' contains white space\. Use the tenant name/
  ),
  row(
    'request-timeout not a duration',
    'request-timeout',
    { 'request-timeout': 'soon' },
    /'soon' is not a duration\. Write it like 90s/
  ),
  row(
    'request-timeout too short',
    'request-timeout',
    { 'request-timeout': '100ms' },
    /'100ms' is too short\. Use at least 1s/
  ),
  row(
    'a group name with a slash',
    'group',
    { group: 'risk/team' },
    /'risk\/team' is not a group name.*letters, digits and _ only/
  ),
  row(
    'an unknown api-version',
    'api-version',
    { 'api-version': 'v3' },
    /'v3' is not an API version\. Use one of auto, v1, v2/
  ),
  row(
    'api-version v2 for a Sync script',
    'api-version',
    { 'api-version': 'v2' },
    /no v2 Sync scripts\. Use auto or v1/
  ),
  // single-line inputs: a line break (of any kind the runner honours) is refused, the value not echoed
  ...(
    [
      'name',
      'entrypoint',
      'group',
      'tenant',
      'url',
      'login',
      'wait-timeout',
      'api-version',
      'mode',
      'artifact-name'
    ] as const
  ).map((input, i) =>
    row(
      `${input} with a line break`,
      input,
      { [input]: `x${['\n', '\r', '\u2028', '\u2029', '\u0085'][i % 5]}${HOSTILE}` },
      /holds a line break, but it takes a single line\. Write the value on one line/
    )
  ),
  row(
    'preprocessing-id with a line break',
    'preprocessing-id',
    { mode: 'smoke-test', 'preprocessing-id': `S${'a'.repeat(63)}\n${HOSTILE}` },
    /holds a line break/
  ),
  row(
    'a fallback variable with a line break',
    'url',
    { url: '' },
    /variable MLOPS_URL it falls back to holds a line break/,
    { MLOPS_URL: `https://neomaril.example.com\n${HOSTILE}` }
  ),
  // script
  row('no name', 'name', { name: '' }, /is required\. Give the script a display name/),
  row(
    'a name of 32 characters or more',
    'name',
    { name: 'loan features for the credit team v2' },
    /has 36 characters; the server takes fewer than 32\. Shorten it/
  ),
  row(
    'an unknown operation',
    'operation',
    { operation: 'batch' },
    /'batch' is not an operation\. Use Sync .* or Async/
  ),
  row(
    'python 3.1 (YAML read 3.10 as a number)',
    'python-version',
    { 'python-version': '3.1' },
    /'3\.1' is not supported\. .*quote it in YAML/
  ),
  row(
    'an unsupported python',
    'python-version',
    { 'python-version': '3.12' },
    /'3\.12' is not supported\. Use one of 3\.8, 3\.9, 3\.10/
  ),
  row('no entrypoint', 'entrypoint', { entrypoint: '' }, /is required\. Name the function/),
  row(
    'an entrypoint that is not a function name',
    'entrypoint',
    { entrypoint: 'score.process()' },
    /is not a Python function name\. Give the bare name/
  ),
  pythonRow('an entrypoint the source does not define', { entrypoint: 'transform' }, /transform/),
  pythonRow('an async def entrypoint', { 'source-file': 'async_score.py', 'extra-files': '' }, /async def/),
  pythonRow('an entrypoint taking one argument', { 'source-file': 'one_arg.py' }, /cannot be called/),
  {
    ...row(
      'a source that does not parse as the Python chosen',
      'source-file',
      { 'source-file': 'match_310.py', 'python-version': '3.8' },
      /does not parse as Python 3\.8/
    ),
    byPython: true
  },
  row('no source file', 'source-file', { 'source-file': '' }, /is required\. Point it at the \.py or \.ipynb/),
  row(
    'a source that is neither .py nor .ipynb',
    'source-file',
    { 'source-file': 'score.txt' },
    /neither a \.py nor a \.ipynb file\. The server takes/
  ),
  row(
    'a source that does not exist',
    'source-file',
    { 'source-file': 'src/missing.py' },
    /'src\/missing\.py' does not exist \(relative paths start at the workspace.*Check the path/
  ),
  row(
    'a source that is a folder',
    'source-file',
    { 'source-file': 'pkg.py' },
    /'pkg\.py' is not a file\. Point source-file at a file/
  ),
  row(
    'no requirements file',
    'requirements-file',
    { 'requirements-file': '' },
    /is required\. Point it at a requirements\.txt/
  ),
  row(
    'a requirements file that does not exist',
    'requirements-file',
    { 'requirements-file': 'requirements-prod.txt' },
    /does not exist.*Check the path/
  ),
  row(
    'an unknown input type',
    'input-type',
    { 'input-type': 'xml' },
    /'xml' is not an input type\. Use one of json, csv, parquet/
  ),
  row(
    'a csv input type for a Sync script',
    'input-type',
    { 'input-type': 'csv' },
    /does not fit a Sync script\. Sync scripts take JSON/
  ),
  row(
    'no schema',
    'schema',
    { schema: '' },
    /is required: the server refuses a script without a schema sample\. Point it at/
  ),
  row(
    'inline schema JSON that does not parse',
    'schema',
    { schema: '{"age": 34,' },
    /is inline JSON that does not parse.*Fix the JSON/
  ),
  row(
    'a schema file that is not JSON',
    'schema',
    { schema: 'broken.json' },
    /'broken\.json' is not valid JSON.*Give a real sample/
  ),
  row(
    'a schema of an unknown type',
    'schema',
    { schema: 'schema.xml' },
    /neither \.json, \.csv nor \.parquet\. Use a sample file/
  ),
  row(
    'a csv schema for a Sync script',
    'schema',
    { schema: 'schema.csv' },
    /is a csv file, but a Sync script takes JSON\. Give a \.json sample/
  ),
  row(
    'inline JSON schema for an Async script',
    'schema',
    { ...asyncScript, schema: '{"age": 34}' },
    /an Async script needs a sample file\. Point schema at a file/
  ),
  // named datasets
  row(
    'a dataset name starting with a digit',
    'schema',
    { ...asyncScript, schema: '1st=schema.csv' },
    /'1st' is not a dataset name\. Dataset names are 1 to 64 letters.*name=path/
  ),
  row(
    'two datasets with one name',
    'schema',
    { ...asyncScript, schema: 'x=schema.csv\nx=orders.csv' },
    /two lines name the dataset 'x'\. Give each dataset its own name/
  ),
  row(
    'two datasets for a Sync script',
    'schema',
    { schema: 'schema.json\nlimits.json' },
    /names 2 datasets, but a Sync script takes one JSON sample\. Keep one line/
  ),
  row(
    'two datasets with api-version v1',
    'schema',
    { ...asyncScript, 'api-version': 'v1', schema: 'schema.csv\norders.csv' },
    /names 2 datasets, but api-version v1 takes one sample\. Keep one line, or set api-version/
  ),
  row(
    'two smoke-test datasets with api-version v1',
    'smoke-test-input',
    { ...asyncScript, ...smokeTest, 'api-version': 'v1', 'smoke-test-input': 'schema.csv\norders.csv' },
    /api-version v1 runs take one file\. Keep one line/
  ),
  // the workspace's bounds
  row(
    'a schema given by an absolute path outside',
    'schema',
    () => ({ schema: join(outside, 'canary.json') }),
    /'\/.*canary\.json' is outside the workspace .*Keep the file in the repository, or set allow-outside-workspace: true/
  ),
  row(
    'a schema reached by ..',
    'schema',
    () => ({ schema: up('canary.json') }),
    /leads to \/.*canary\.json, which is outside the workspace .*allow-outside-workspace/
  ),
  row(
    'a schema through a symlink',
    'schema',
    { schema: 'link.json' },
    /'link\.json' leads to \/.*canary\.json, which is outside the workspace/
  ),
  row(
    'a source through a symlink',
    'source-file',
    { 'source-file': 'linked_score.py' },
    /'linked_score\.py' leads to \/.*canary\.py, which is outside the workspace/
  ),
  row(
    'a smoke-test sample outside',
    'smoke-test-input',
    { ...smokeTest, 'smoke-test-input': 'linked/canary.json' },
    /leads to \/.*canary\.json, which is outside the workspace/
  ),
  row(
    'a smoke-test-expect file outside',
    'smoke-test-expect',
    () => ({ ...smokeTest, 'smoke-test-expect': up('canary.json') }),
    /outside the workspace/
  ),
  row(
    'a requirements file in .git',
    'requirements-file',
    { 'requirements-file': '.git/config' },
    /'\.git\/config' is inside a \.git folder.*never uploaded/
  ),
  row(
    'a .git file even with allow-outside-workspace',
    'extra-files',
    { 'allow-outside-workspace': 'true', 'extra-files': '.git/config' },
    /inside a \.git folder.*allow-outside-workspace: true for files outside/
  ),
  row(
    'an extra file outside by absolute path',
    'extra-files',
    () => ({ 'extra-files': join(outside, 'canary.json') }),
    /gives 1 file that may not be read: .*canary\.json \(outside the workspace/
  ),
  row(
    'a glob through a symlinked folder',
    'extra-files',
    { 'extra-files': 'linked/*.json' },
    /'linked\/\*\.json' gives 1 file that may not be read: linked\/canary\.json \(leads to \/.*, outside the workspace/
  ),
  row(
    'a glob reaching hundreds of files outside (one short message)',
    'extra-files',
    { 'extra-files': 'linked/many/*.json' },
    /gives 300 files that may not be read: .* and 295 more\. Keep extra files in the repository/
  ),
  row(
    'allow-outside-workspace not a boolean',
    'allow-outside-workspace',
    { 'allow-outside-workspace': 'sure' },
    /'sure' is not a boolean/
  ),
  // extra-files
  row(
    'an env file matched by a glob',
    'extra-files',
    { 'extra-files': 'config/*' },
    /'config\/\*' gives 1 file that looks like env files \(config\/prod\.env\).*Pass secrets as env-file/
  ),
  row(
    'an env file listed by its path',
    'extra-files',
    { 'extra-files': '.env' },
    /'\.env' gives 1 file that looks like env files.*env-file/
  ),
  row(
    'a glob matching more than 500 files',
    'extra-files',
    { 'extra-files': 'wide/*.txt' },
    /matches 520 files \(at most 500\), e\.g\. wide\/w0\.txt, .* and 515 more\. Narrow the pattern/
  ),
  row(
    'a glob that only .git would match',
    'extra-files',
    { 'extra-files': '**/config' },
    /the pattern '\*\*\/config' matches no file.*\.git\/, node_modules\//
  ),
  row(
    'an env file that does not exist',
    'env-file',
    { 'env-file': '.env.production' },
    /does not exist.*Check the path/
  ),
  row(
    'an extra-files pattern matching nothing',
    'extra-files',
    { 'extra-files': 'models/*.pkl' },
    /the pattern 'models\/\*\.pkl' matches no file.*Fix the pattern/
  ),
  row(
    'an extra file that does not exist',
    'extra-files',
    { 'extra-files': 'limits.json\nthresholds.json' },
    /'thresholds\.json' does not exist.*Fix the path or remove the line/
  ),
  row(
    'two extra files with one file name',
    'extra-files',
    { 'extra-files': 'a/x.json\nb/x.json' },
    /two files have the same file name: 'a\/x\.json' and 'b\/x\.json' \(x\.json\).*Rename one/
  ),
  row(
    'an extra file named like the schema',
    'extra-files',
    { 'extra-files': 'limits.json\nschema.json' },
    /would be uploaded as 'schema\.json', the name the schema file already has.*Rename the file/
  ),
  // behaviour
  row('wait not a boolean', 'wait', { wait: 'sometimes' }, /not a boolean\. Use true or false/),
  row('wait-timeout not a duration', 'wait-timeout', { 'wait-timeout': 'forever' }, /not a duration\. Write it like/),
  row('poll-interval too short', 'poll-interval', { 'poll-interval': '200ms' }, /too short\. Use at least/),
  row('fail-on-timeout not a boolean', 'fail-on-timeout', { 'fail-on-timeout': 'perhaps' }, /not a boolean/),
  row('smoke-test not a boolean', 'smoke-test', { 'smoke-test': 'yes please' }, /not a boolean/),
  row(
    'a smoke test without the group token',
    'group-token',
    { ...smokeTest, 'group-token': '' },
    /the smoke test needs it for the run calls.*Pass it from a secret.*or set smoke-test: false/
  ),
  row(
    'a smoke test without waiting',
    'smoke-test',
    { ...smokeTest, wait: 'false' },
    /needs a deployed script, but wait is false\. Set wait: true/
  ),
  row(
    'smoke-test-input JSON that does not parse',
    'smoke-test-input',
    { ...smokeTest, 'smoke-test-input': '{"age":' },
    /is inline JSON that does not parse.*Give valid JSON/
  ),
  row(
    'a smoke-test-input file that does not exist',
    'smoke-test-input',
    { ...smokeTest, 'smoke-test-input': 'sample-request.json' },
    /does not exist.*Check the path/
  ),
  row(
    'smoke-test-timeout not a duration',
    'smoke-test-timeout',
    { 'smoke-test-timeout': 'ten minutes' },
    /not a duration/
  ),
  row(
    'smoke-test-expect for an Async script with a type outside the list',
    'smoke-test-expect',
    { ...asyncScript, ...smokeTest, 'smoke-test-expect': '{"columns": {"score": "float"}}' },
    /the type "float", which is not one of string, integer, number, boolean, datetime or any.*Write "number"/
  ),
  row('upload-artifact not a boolean', 'upload-artifact', { 'upload-artifact': 'nah' }, /not a boolean/),
  row(
    'an artifact name with a slash',
    'artifact-name',
    { 'artifact-name': 'deploy/loan' },
    /holds a character artifact names cannot have.*Use letters, digits/
  ),
  row(
    'a retention of 0 days',
    'artifact-retention-days',
    { 'artifact-retention-days': '0' },
    /not a whole number of days from 1 to 400/
  ),
  row(
    'a retention that is not a number',
    'artifact-retention-days',
    { 'artifact-retention-days': 'ten' },
    /not a whole number of days/
  )
]

describe('one bad input: fails before any request, naming the input, the problem and the fix', () => {
  test('the table covers every input rule family', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(90)
    expect(new Set(CASES.map((c) => c.input)).size).toBeGreaterThanOrEqual(30)
    expect(new Set(CASES.map((c) => c.label)).size).toBe(CASES.length)
  })

  test.concurrent.each(CASES.map((item, index) => ({ ...item, index })))(
    "$label → Input '$input'",
    async ({ index, label, input, inputs, message, env, byPython }) => {
      // Each case has its own path on the emulator: a request it made would be counted against it.
      const prefix = `/case-${index}`
      const run = await runAction(
        {
          ...syncSampleInputs(`${emulator.url}${prefix}`, { password: PASSWORD, 'env-file': '.env' }),
          ...(typeof inputs === 'function' ? inputs() : inputs)
        },
        { workspace, env, killAfterMs: 60_000 }
      )
      expectNoSecretLeaks(run, {
        password: PASSWORD,
        'group token': DEFAULT_GROUP_TOKEN,
        '.env value': ENV_SECRET,
        'unparsed .env line': ENV_UNPARSED_SECRET,
        'canary outside the workspace': CANARY
      })
      const errors = errorsOf(run)
      const mine = errors.filter((line) => line.includes(`Input '${input}'`))
      if (!mine.some((line) => message.test(line)))
        throw new Error(
          `${label}: expected Input '${input}' with ${message}, got:\n${errors.join('\n') || run.stdout + run.stderr}`
        )
      expect(errors.join('\n').length).toBeLessThan(4000)
      // No line the runner reads starts the forged command some inputs carry.
      expect(run.stdout.split(RUNNER_LINE_BREAK).filter((line) => line.trimStart().startsWith(HOSTILE))).toEqual([])
      expect(run.code).not.toBe(0)
      expect(run.outputs.status).toBe('invalid-input')
      const sent = emulator.requests.filter((r) => r.path.startsWith(`${prefix}/`))
      if (byPython) {
        // At most the read-only health request, which carries no credential.
        expect(
          sent.map((r) => `${r.method} ${r.path}`).filter((request) => request !== `GET ${prefix}/api/health`)
        ).toEqual([])
        expect(sent.every((r) => r.auth === 'none')).toBe(true)
      } else expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([])
    }
  )
})
