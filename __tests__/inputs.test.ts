import { writeFileSync, mkdirSync, chmodSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { parseInputs, normaliseGroup, apiBaseUrl, envFileValues } from '../src/inputs/parse.js'
import { VALID, problemsAt, problemsOf, source, workspace } from './helpers/input-source.js'
import { BUNDLE } from './helpers/action-runner.js'
import { spawnSync } from 'node:child_process'
import { parseDuration, formatDuration } from '../src/shared/duration.js'

describe('a valid set of inputs', () => {
  test('parses into a spec with contract names and defaults', () => {
    const dir = workspace()
    const { spec, findings } = parseInputs(
      source(dir, { ...VALID, 'extra-files': 'extras/one.txt\nextras/two.txt', 'env-file': '.env' })
    )
    expect(spec.connection.apiUrl).toBe('https://neomaril.example.com/api')
    expect(spec.group).toBe('datarisk')
    expect(spec.script).toMatchObject({
      operation: 'Sync',
      pythonVersion: '3.10',
      inputType: 'json',
      entrypoint: 'process'
    })
    expect(spec.script.files.map((f) => [f.part, f.uploadName])).toEqual([
      ['source', 'script.py'],
      ['requirements', 'requirements.txt'],
      ['schema', 'schema.json'],
      ['env', '.env'],
      ['extra', 'one.txt'],
      ['extra', 'two.txt']
    ])
    expect(spec.wait).toEqual({ enabled: true, timeoutMs: 30 * 60_000, pollIntervalMs: 10_000, failOnTimeout: true })
    expect(spec.connection.requestTimeoutMs).toBe(60_000)
    expect(findings.notices).toEqual([])
  })

  test('masks the password, the group token and every .env value before returning', () => {
    const dir = workspace()
    const src = source(dir, { ...VALID, 'group-token': 'abcdef0123456789abcdef0123456789', 'env-file': '.env' })
    parseInputs(src)
    expect(src.masked).toEqual(
      expect.arrayContaining(['pw-secret', 'abcdef0123456789abcdef0123456789', 'abc123secret', 'quoted value'])
    )
  })

  test('an env-file statement python-dotenv cannot parse is a warning naming its line, and its text is masked', () => {
    const dir = workspace()
    writeFileSync(
      join(dir, 'prod.env'),
      'export API-KEY.v2 = "quoted \\" token"\nTOKEN s3cr3t-no-equals\nOK=fine-value\n'
    )
    const src = source(dir, { ...VALID, 'env-file': 'prod.env' })
    const { findings } = parseInputs(src)
    expect(src.masked).toEqual(expect.arrayContaining(['quoted " token', 'TOKEN s3cr3t-no-equals\n', 'fine-value']))
    expect(findings.warnings).toEqual([
      expect.stringMatching(/^Input 'env-file': line 2 of 'prod\.env' is not KEY=value/)
    ])
    expect(findings.warnings.join()).not.toContain('s3cr3t')
  })

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

  test('resolves paths against the workspace, not the process working directory', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, VALID))
    expect(spec.workspace).toBe(realpathSync(dir))
    expect(spec.script.files[0].localPath).toBe(join(realpathSync(dir), 'score.py'))
    expect(spec.allowOutsideWorkspace).toBe(false)
  })

  test.each([
    ['', 'auto'],
    ['V2', 'v2'],
    ['v1', 'v1']
  ])('api-version %p reads as %p', (raw, expected) => {
    const dir = workspace()
    const { spec } = parseInputs(
      source(dir, {
        ...VALID,
        operation: 'Async',
        entrypoint: 'build',
        'source-file': 'batch.py',
        schema: 'data.csv',
        'api-version': raw
      })
    )
    expect(spec.apiVersion).toBe(expected)
  })

  test('accepts an Async script with a csv sample and infers the input type', () => {
    const dir = workspace()
    const { spec } = parseInputs(
      source(dir, { ...VALID, operation: 'ASYNC', entrypoint: 'build', 'source-file': 'batch.py', schema: 'data.csv' })
    )
    expect(spec.script).toMatchObject({ operation: 'Async', inputType: 'csv' })
    expect(spec.script.files.find((f) => f.part === 'schema')?.uploadName).toBe('data.csv')
  })

  test('sends inline JSON schema as schema.json', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, { ...VALID, schema: '{"age": 3}' }))
    const schema = spec.script.files.find((f) => f.part === 'schema')
    expect(schema?.uploadName).toBe('schema.json')
    expect(schema?.inline?.toString()).toBe('{"age": 3}')
  })

  test('expands globs, honours exclusions and keeps a notebook as notebook.ipynb', () => {
    const dir = workspace()
    writeFileSync(
      join(dir, 'nb.ipynb'),
      JSON.stringify({
        cells: [
          { cell_type: 'markdown', source: ['# x'] },
          { cell_type: 'code', source: ['%pip install x\n', 'def process(data, base_path):\n', '    return {}\n'] }
        ]
      })
    )
    const { spec } = parseInputs(
      source(dir, { ...VALID, 'source-file': 'nb.ipynb', 'extra-files': 'extras/**/*.txt\n!extras/nested/**' })
    )
    expect(spec.script.files.map((f) => f.uploadName)).toEqual([
      'notebook.ipynb',
      'requirements.txt',
      'schema.json',
      'one.txt',
      'two.txt'
    ])
  })

  test('reads durations and booleans', () => {
    const dir = workspace()
    const { spec } = parseInputs(
      source(dir, {
        ...VALID,
        wait: 'False',
        'wait-timeout': '1h30m',
        'poll-interval': '5s',
        'fail-on-timeout': 'no',
        'request-timeout': '2m'
      })
    )
    expect(spec.wait).toEqual({ enabled: false, timeoutMs: 90 * 60_000, pollIntervalMs: 5000, failOnTimeout: false })
    expect(spec.connection.requestTimeoutMs).toBe(120_000)
  })
})

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
    { operation: 'Async', entrypoint: 'build', 'source-file': 'batch.py', schema: 'data.csv', 'input-type': 'parquet' },
    'schema',
    /csv file but input-type is 'parquet'/
  ],
  [
    'fake parquet schema',
    { operation: 'Async', entrypoint: 'build', 'source-file': 'batch.py', schema: 'x.parquet' },
    'schema',
    /PAR1/,
    (dir) => writeFileSync(join(dir, 'x.parquet'), 'not a parquet file at all')
  ],
  [
    'inline schema for an Async script',
    { operation: 'Async', entrypoint: 'build', 'source-file': 'batch.py', schema: '{"a":1}' },
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
      operation: 'Async',
      entrypoint: 'build',
      'source-file': 'batch.py',
      schema: 'data.csv',
      'smoke-test-expect': '{}'
    },
    'smoke-test-expect',
    /Sync scripts only/
  ],
  [
    'inline smoke-test-input for an Async script',
    {
      'smoke-test': 'true',
      'group-token': 't',
      operation: 'Async',
      entrypoint: 'build',
      'source-file': 'batch.py',
      schema: 'data.csv',
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

describe('named datasets (schema and smoke-test-input)', () => {
  const ASYNC = { ...VALID, operation: 'Async', entrypoint: 'build', 'source-file': 'batch.py' }
  const withDatasets = (dir: string): void => {
    writeFileSync(join(dir, 'orders.csv'), 'id,total\n1,9\n')
    writeFileSync(join(dir, 'customers.json'), '[{"id": 1}]')
  }

  test('name=path lines and bare paths (named by their stem) become datasets; v1 gets no single schema part', () => {
    const dir = workspace()
    withDatasets(dir)
    const { spec } = parseInputs(source(dir, { ...ASYNC, schema: 'sales = orders.csv\n# a comment\ncustomers.json\n' }))
    expect(spec.script.datasets.map((d) => [d.name, d.file.uploadName, d.file.part])).toEqual([
      ['sales', 'orders.csv', 'schema'],
      ['customers', 'customers.json', 'schema']
    ])
    expect(spec.script.files.some((f) => f.part === 'schema')).toBe(false)
  })

  test('one dataset is also the v1 schema part, and the smoke test defaults to the schema datasets', () => {
    const dir = workspace()
    const { spec } = parseInputs(
      source(dir, { ...ASYNC, schema: 'data.csv', 'smoke-test': 'true', 'group-token': 't' })
    )
    expect(spec.script.datasets.map((d) => d.name)).toEqual(['data'])
    expect(spec.script.files.find((f) => f.part === 'schema')?.uploadName).toBe('data.csv')
    expect(spec.smokeTest.datasets?.map((d) => [d.name, d.file.part])).toEqual([['data', 'dataset']])
    expect(spec.smokeTest.dataset?.uploadName).toBe('data.csv')
  })

  test('smoke-test-input lines give the execution its own datasets', () => {
    const dir = workspace()
    withDatasets(dir)
    const { spec } = parseInputs(
      source(dir, {
        ...ASYNC,
        schema: 'data.csv',
        'smoke-test': 'true',
        'api-version': 'v2',
        'smoke-test-input': 'a=orders.csv\nb=customers.json'
      })
    )
    expect(spec.smokeTest.datasets?.map((d) => [d.name, d.file.uploadName])).toEqual([
      ['a', 'orders.csv'],
      ['b', 'customers.json']
    ])
    expect(spec.smokeTest.dataset).toBeUndefined()
  })

  test('an inline JSON schema is one dataset named schema', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, { ...VALID, schema: '{"a": 1}' }))
    expect(spec.script.datasets.map((d) => d.name)).toEqual(['schema'])
  })

  test('a v2 Async smoke test needs no group token (v2 runs use the user token)', () => {
    const dir = workspace()
    expect(() =>
      parseInputs(source(dir, { ...ASYNC, schema: 'data.csv', 'smoke-test': 'true', 'api-version': 'v2' }))
    ).not.toThrow()
  })

  test.each([
    ['a duplicate name', 'a=data.csv\na=orders.csv', undefined, /two lines name the dataset 'a'/],
    ['a name starting with a digit', '1st=data.csv', undefined, /'1st' is not a dataset name.*starting with a letter/],
    ['a stem that is no name', 'my data.csv', undefined, /would be the dataset 'my data'.*name=path/],
    ['a line naming no file', 'a=', undefined, /names no file/],
    ['only comments', '# nothing', undefined, /only blank lines and comments/],
    ['two datasets with api-version v1', 'data.csv\norders.csv', 'v1', /api-version v1 takes one sample/],
    ['a missing dataset file', 'a=nope.csv', undefined, /does not exist/]
  ])('%s is refused', (_label, schema, apiVersion, message) => {
    const problems = problemsOf({ ...ASYNC, schema, 'api-version': apiVersion ?? '' }, {}, withDatasets)
    expect(problems.find((p) => p.input === 'schema')?.text).toMatch(message)
  })

  test('a Sync script takes one JSON sample', () => {
    const problems = problemsOf({ ...VALID, schema: 'schema.json\ncustomers.json' }, {}, withDatasets)
    expect(problems.find((p) => p.input === 'schema')?.text).toMatch(/Sync script takes one JSON sample/)
  })
})

describe('single-line inputs', () => {
  test.each([
    'name',
    'entrypoint',
    'group',
    'tenant',
    'preprocessing-id',
    'url',
    'login',
    'password',
    'group-token',
    'wait-timeout',
    'poll-interval',
    'request-timeout',
    'api-version',
    'mode',
    'operation',
    'python-version',
    'source-file',
    'requirements-file',
    'env-file',
    'artifact-name',
    'wait'
  ])('%s with a line break is refused without echoing the value', (input) => {
    for (const lineBreak of ['\n', '\r', '\u2028', '\u0085']) {
      const value = `x${lineBreak}::warning::forged`
      const problems = problemsOf({ ...VALID, [input]: value })
      const mine = problems.filter((p) => p.input === input)
      expect(mine).toEqual([
        {
          input,
          text: expect.stringMatching(/holds a line break, but it takes a single line\. Write the value on one line/)
        }
      ])
      expect(JSON.stringify(problems)).not.toContain('forged')
    }
  })

  test('a fallback variable with a line break is refused, naming the variable', () => {
    const { url, ...rest } = VALID
    void url
    const problems = problemsOf(rest, { MLOPS_URL: 'https://a.example.com\n::add-mask::x' })
    expect(problems).toEqual([
      { input: 'url', text: expect.stringMatching(/variable MLOPS_URL it falls back to holds a line break/) }
    ])
  })
})

describe('the group token', () => {
  const ws = workspace()
  const warningsWith = (change: Record<string, string>): string[] =>
    parseInputs(source(ws, { ...VALID, ...change })).findings.warnings

  test('that does not look like a platform token (32 hex) is a warning when a smoke test will use it', () => {
    expect(warningsWith({ 'smoke-test': 'true', 'group-token': 'my-group-token' })).toEqual([
      expect.stringMatching(
        /^Input 'group-token' does not look like a platform group token \(32 hex characters; this one has 14 characters\)/
      )
    ])
    expect(warningsWith({ 'smoke-test': 'true', 'group-token': 'my-group-token' }).join()).not.toContain(
      'my-group-token'
    )
  })

  test('of 32 hex characters, or not used by any smoke test, gets no warning', () => {
    expect(warningsWith({ 'smoke-test': 'true', 'group-token': '0123456789ABCDEF0123456789abcdef' })).toEqual([])
    expect(warningsWith({ 'group-token': 'my-group-token' })).toEqual([])
  })
})

describe('modes', () => {
  test('validate needs no credentials and no URL', () => {
    const dir = workspace()
    const { url, login, password, ...script } = VALID
    void url
    void login
    void password
    const { spec } = parseInputs(source(dir, { ...script, mode: 'validate' }))
    expect(spec.mode).toBe('validate')
    expect(spec.smokeTest.enabled).toBe(true)
    expect(spec.smokeTest.syncInput).toEqual({ a: 1 })
  })

  test('smoke-test mode needs no script files and leaves the operation to the server', () => {
    const dir = workspace()
    const hash = 'S' + '0'.repeat(63)
    const { spec } = parseInputs(
      source(dir, {
        url: VALID.url,
        login: 'me',
        password: 'pw',
        'group-token': 't',
        mode: 'SMOKE-TEST',
        'preprocessing-id': hash,
        'smoke-test-input': 'schema.json'
      })
    )
    expect(spec).toMatchObject({ mode: 'smoke-test', preprocessingId: hash })
    expect(spec.script.operationGiven).toBe(false)
    expect(spec.script.files).toEqual([])
    // Both forms of the sample are kept until the server says which operation it is.
    expect(spec.smokeTest.syncInput).toEqual({ a: 1 })
    expect(spec.smokeTest.dataset?.uploadName).toBe('schema.json')
  })

  test('a deploy smoke test defaults to the schema sample', () => {
    const dir = workspace()
    const { spec } = parseInputs(
      source(dir, { ...VALID, 'smoke-test': 'true', 'group-token': 't', 'smoke-test-expect': '{"a": 1}' })
    )
    expect(spec.smokeTest).toMatchObject({ enabled: true, syncInput: { a: 1 }, expect: { a: 1 }, timeoutMs: 600_000 })
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

  test('reads quoted dotenv values with comments after them, and values over several lines', () => {
    expect(envFileValues('T="tok-1" # prod\nPEM="-----BEGIN-----\nAAAA\n-----END-----"\nNEXT=x2')).toEqual([
      'tok-1',
      '-----BEGIN-----\nAAAA\n-----END-----',
      'x2'
    ])
  })

  test('reads dotenv values', () => {
    expect(envFileValues('A=1\nexport B="two words"\n# C=3\nD=\'x y\'\nE=val # note\nnot a line')).toEqual([
      '1',
      'two words',
      'x y',
      'val'
    ])
  })

  test.each([
    ['90s', 90_000],
    ['20m', 1_200_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['45', 45_000],
    ['1.5m', 90_000],
    ['soon', undefined],
    ['10x', undefined],
    ['', undefined]
  ])('parseDuration(%p) = %p', (text, ms) => expect(parseDuration(text)).toBe(ms))

  test('formatDuration', () => {
    expect(formatDuration(125_000)).toBe('2m5s')
    expect(formatDuration(3_600_000)).toBe('1h')
    expect(formatDuration(0)).toBe('0ms')
  })
})
