import { writeFileSync, mkdirSync, chmodSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { BUNDLE } from '../helpers/action-runner.js'
import { ASYNC_SCRIPT, VALID, problemsAt, problemsOf, workspace } from '../helpers/input-source.js'

/** Each bad input: the input named in the error and words the message must contain. */
const BAD: [string, Record<string, string>, string, RegExp, ((dir: string) => void)?][] = [
  ['missing name', { name: '' }, 'name', /required/],
  ['name of 32 characters', { name: 'x'.repeat(32) }, 'name', /32 characters/],
  ['missing entrypoint', { entrypoint: '' }, 'entrypoint', /required/],
  ['entrypoint with parentheses', { entrypoint: 'process()' }, 'entrypoint', /not a Python function name/],
  ['missing source file', { 'source-file': 'nope.py' }, 'source-file', /does not exist/],
  ['source neither .py nor .ipynb', { 'source-file': 'schema.json' }, 'source-file', /neither a \.py nor a \.ipynb/],
  [
    'source is a folder',
    { 'source-file': 'extras.py' },
    'source-file',
    /not a file/,
    (dir) => mkdirSync(join(dir, 'extras.py'))
  ],
  ['missing requirements', { 'requirements-file': '' }, 'requirements-file', /required/],
  ['requirements not found', { 'requirements-file': 'req.txt' }, 'requirements-file', /does not exist/],
  ['missing schema', { schema: '' }, 'schema', /required/],
  [
    'schema not valid JSON',
    { schema: 'broken.json' },
    'schema',
    /not valid JSON/,
    (dir) => writeFileSync(join(dir, 'broken.json'), '{"a": ')
  ],
  ['inline schema not valid JSON', { schema: '{"a": }' }, 'schema', /does not parse/],
  ['csv schema for a Sync script', { schema: 'data.csv' }, 'schema', /Sync script takes JSON/],
  [
    'schema type against input-type',
    { ...ASYNC_SCRIPT, 'input-type': 'parquet' },
    'schema',
    /csv file but input-type is 'parquet'/
  ],
  [
    'fake parquet schema',
    { ...ASYNC_SCRIPT, schema: 'x.parquet' },
    'schema',
    /PAR1/,
    (dir) => writeFileSync(join(dir, 'x.parquet'), 'not a parquet file at all')
  ],
  [
    'inline schema for an Async script',
    { ...ASYNC_SCRIPT, schema: '{"a":1}' },
    'schema',
    /Async script needs a sample file/
  ],
  [
    'schema with an unknown extension',
    { schema: 'sample.xml' },
    'schema',
    /neither \.json, \.csv nor \.parquet/,
    (dir) => writeFileSync(join(dir, 'sample.xml'), '<a/>')
  ],
  ['unknown input-type', { 'input-type': 'xml' }, 'input-type', /not an input type/],
  ['csv input-type for a Sync script', { 'input-type': 'csv' }, 'input-type', /does not fit a Sync script/],
  ['python 3.11', { 'python-version': '3.11' }, 'python-version', /not supported.*3\.8, 3\.9, 3\.10/],
  ['python 3.1 (unquoted YAML 3.10)', { 'python-version': '3.1' }, 'python-version', /quote it/],
  ['unknown operation', { operation: 'batch' }, 'operation', /not an operation/],
  ['glob matching nothing', { 'extra-files': 'models/*.pkl' }, 'extra-files', /matches no file/],
  ['extra file missing', { 'extra-files': 'extras/three.txt' }, 'extra-files', /does not exist/],
  [
    'two extra files with one base name',
    { 'extra-files': 'extras/**/one.txt' },
    'extra-files',
    /same file name: 'extras\/nested\/one\.txt' and 'extras\/one\.txt' \(one\.txt\)/
  ],
  [
    'extra file clashing with the schema',
    { 'extra-files': 'sub/schema.json' },
    'extra-files',
    /name the schema file already has/,
    (dir) => {
      mkdirSync(join(dir, 'sub'))
      writeFileSync(join(dir, 'sub/schema.json'), '{}')
    }
  ],
  ['extra folder', { 'extra-files': 'extras' }, 'extra-files', /is a folder/],
  ['env file missing', { 'env-file': 'prod.env' }, 'env-file', /does not exist/],
  ['ftp url', { url: 'ftp://neomaril.example.com' }, 'url', /not an http\(s\) URL/],
  ['not a url', { url: 'neomaril.example.com' }, 'url', /not a URL/],
  ['plain http to a remote host', { url: 'http://neomaril.example.com' }, 'url', /plain http.*allow-insecure-http/],
  ['credentials in the url', { url: 'https://me:pw@neomaril.example.com' }, 'url', /holds credentials/],
  [
    'no url anywhere',
    { url: '' },
    'url',
    /neither MLOPS_URL nor NEOMARIL_URL is set; the action has no default server.*Set url:/
  ],
  ['no login anywhere', { login: '' }, 'login', /MLOPS_USER nor NEOMARIL_USER/],
  ['no password anywhere', { password: '' }, 'password', /MLOPS_PASSWORD nor NEOMARIL_PASSWORD/],
  ['group token with spaces', { 'group-token': 'abc def' }, 'group-token', /white space/],
  ['unreadable wait-timeout', { 'wait-timeout': 'soon' }, 'wait-timeout', /not a duration/],
  ['zero poll-interval', { 'poll-interval': '0s' }, 'poll-interval', /too short/],
  ['not a boolean', { wait: 'maybe' }, 'wait', /not a boolean/],
  ['group with a slash', { group: 'team/a' }, 'group', /not a group name/],
  ['api-version unknown', { 'api-version': 'v3' }, 'api-version', /not an API version.*auto, v1, v2/],
  ['api-version v2 for a Sync script', { 'api-version': 'v2' }, 'api-version', /no v2 Sync/],
  ['tenant with white space', { tenant: 'acme bank' }, 'tenant', /white space/],
  [
    'allow-outside-workspace not a boolean',
    { 'allow-outside-workspace': 'sure' },
    'allow-outside-workspace',
    /not a boolean/
  ],
  ['unknown mode', { mode: 'ship' }, 'mode', /not a mode.*deploy, validate, smoke-test/],
  ['smoke test without a group token', { 'smoke-test': 'true' }, 'group-token', /smoke test needs it/],
  [
    'smoke test without waiting',
    { 'smoke-test': 'true', 'group-token': 't', wait: 'false' },
    'smoke-test',
    /wait is false/
  ],
  [
    'smoke-test-expect for an Async script',
    {
      'smoke-test': 'true',
      'group-token': 't',
      ...ASYNC_SCRIPT,
      'smoke-test-expect': '{"columns": {"score": "float"}}'
    },
    'smoke-test-expect',
    /the type "float", which is not one of string, integer, number, boolean, datetime or any/
  ],
  [
    'inline smoke-test-input for an Async script',
    {
      'smoke-test': 'true',
      'group-token': 't',
      ...ASYNC_SCRIPT,
      'smoke-test-input': '{"a":1}'
    },
    'smoke-test-input',
    /Async run uploads a file/
  ],
  [
    'smoke-test-expect not JSON',
    { 'smoke-test': 'true', 'group-token': 't', 'smoke-test-expect': '{nope' },
    'smoke-test-expect',
    /does not parse/
  ],
  ['smoke-test-timeout unreadable', { 'smoke-test-timeout': 'later' }, 'smoke-test-timeout', /not a duration/],
  ['artifact name with a slash', { 'artifact-name': 'a/b' }, 'artifact-name', /cannot have/],
  ['retention of 0 days', { 'artifact-retention-days': '0' }, 'artifact-retention-days', /1 to 400/],
  [
    'smoke-test mode without a hash',
    { mode: 'smoke-test', 'group-token': 't' },
    'preprocessing-id',
    /required in smoke-test mode/
  ],
  [
    'smoke-test mode with a malformed hash',
    { mode: 'smoke-test', 'group-token': 't', 'preprocessing-id': 'S123' },
    'preprocessing-id',
    /not a script hash/
  ],
  [
    'smoke-test mode without a sample',
    { mode: 'smoke-test', 'group-token': 't', 'preprocessing-id': 'S' + 'a'.repeat(63), schema: '' },
    'smoke-test-input',
    /needs a sample/
  ]
]

describe('bad inputs are refused with the input named', () => {
  // Rows become objects: jest would take a fifth, missing callback argument for `done`.
  test.each(BAD.map(([label, change, input, message, prepare]) => ({ label, change, input, message, prepare })))(
    '$label',
    ({ change, input, message, prepare }) => {
      const problems = problemsOf({ ...VALID, ...change }, {}, prepare)
      expect(problems.map((p) => p.input)).toContain(input)
      expect(problems.find((p) => p.input === input)?.text).toMatch(message)
    }
  )

  test('reports every problem at once', () => {
    const problems = problemsOf({ ...VALID, name: '', 'python-version': '2.7', 'source-file': 'nope.py' })
    expect(problems.map((p) => p.input).sort()).toEqual(['name', 'python-version', 'source-file'])
  })

  test('allows plain http to a remote host only when asked', () => {
    expect(problemsOf({ ...VALID, url: 'http://neomaril.example.com', 'allow-insecure-http': 'true' })).toEqual([])
    expect(problemsOf({ ...VALID, url: 'http://127.0.0.1:8800' })).toEqual([])
  })

  test('an unreadable file is named as such', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'locked.json'), '{}')
    chmodSync(join(dir, 'locked.json'), 0)
    const inputs = { ...VALID, mode: 'validate', schema: 'locked.json' }
    if (process.getuid?.() !== 0) {
      expect(problemsAt(dir, inputs).find((p) => p.input === 'schema')?.text).toMatch(
        /'locked\.json' cannot be read by the runner\. Check the file's permissions/
      )
      return
    }
    // Root reads everything: the bundled action runs as an unprivileged user instead.
    chmodSync(dir, 0o755)
    const env = Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
    )
    const run = spawnSync(process.execPath, [BUNDLE], {
      cwd: dir,
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: dir, ...env }
    })
    // The user 65534 must be able to reach node and dist/ (a checkout under a 0700 folder is not).
    if (run.error || run.status === null)
      throw new Error(`cannot run ${process.execPath} ${BUNDLE} as uid 65534: ${run.error?.message ?? run.signal}`)
    expect(run.stdout).toMatch(
      /::error::Input 'schema': 'locked\.json' cannot be read by the runner\. Check the file's permissions/
    )
  })

  test.each([
    ['in the URL', { url: 'https://me:pw-secret@neomaril.example.com' }],
    ['with a line break', { password: 'pw-secret\nmore' }],
    ['as a group token with white space', { 'group-token': 'pw-secret and more' }]
  ])('a secret %s never appears in any message', (_label, change) => {
    const problems = problemsOf({ ...VALID, ...change })
    expect(problems.length).toBeGreaterThan(0)
    expect(JSON.stringify(problems)).not.toContain('pw-secret')
  })
})
