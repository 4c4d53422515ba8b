import { mkdtempSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseInputs, normaliseGroup, apiBaseUrl, envFileValues, STAGING_URL, type InputSource } from '../src/inputs.js'
import { InputError } from '../src/errors.js'
import { findUnpinnedRequirements } from '../src/validate/requirements.js'
import { parseDuration, formatDuration } from '../src/duration.js'

/** A workspace with a valid sync script; each case changes what it needs. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inputs-'))
  writeFileSync(join(dir, 'score.py'), 'import json\n\ndef process(data, base_path):\n    return json.loads(data)\n')
  writeFileSync(join(dir, 'batch.py'), 'def build(data_path, extra_path=None):\n    return data_path\n')
  writeFileSync(join(dir, 'requirements.txt'), 'pandas==2.2.2\n')
  writeFileSync(join(dir, 'schema.json'), '{"a": 1}')
  writeFileSync(join(dir, 'data.csv'), 'a,b\n1,2\n')
  mkdirSync(join(dir, 'extras/nested'), { recursive: true })
  writeFileSync(join(dir, 'extras/one.txt'), '1')
  writeFileSync(join(dir, 'extras/two.txt'), '2')
  writeFileSync(join(dir, 'extras/nested/one.txt'), 'dup')
  writeFileSync(join(dir, '.env'), '# comment\nAPI_KEY=abc123secret\nexport OTHER="quoted value"\nEMPTY=\n')
  return dir
}

const VALID: Record<string, string> = {
  url: 'https://neomaril.example.com',
  login: 'me@example.com',
  password: 'pw-secret',
  name: 'loan features',
  entrypoint: 'process',
  'source-file': 'score.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.json'
}

function source(cwd: string, inputs: Record<string, string>, env: Record<string, string> = {}): InputSource & { masked: string[] } {
  const masked: string[] = []
  return { get: name => (inputs[name] ?? '').trim(), env, cwd, mask: value => masked.push(value), masked }
}

function problemsOf(inputs: Record<string, string>, env: Record<string, string> = {}, prepare?: (dir: string) => void): { input: string; text: string }[] {
  const dir = workspace()
  prepare?.(dir)
  try {
    parseInputs(source(dir, inputs, env))
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return error.problems.map(p => ({ input: p.input, text: `${p.problem} ${p.fix ?? ''}` }))
  }
  return []
}

describe('a valid set of inputs', () => {
  test('parses into a spec with contract names and defaults', () => {
    const dir = workspace()
    const { spec, findings } = parseInputs(source(dir, { ...VALID, 'extra-files': 'extras/one.txt\nextras/two.txt', 'env-file': '.env' }))
    expect(spec.connection.apiUrl).toBe('https://neomaril.example.com/api')
    expect(spec.group).toBe('datarisk')
    expect(spec.script).toMatchObject({ operation: 'Sync', pythonVersion: '3.10', inputType: 'json', entrypoint: 'process' })
    expect(spec.script.files.map(f => [f.part, f.uploadName])).toEqual([
      ['source', 'script.py'], ['requirements', 'requirements.txt'], ['schema', 'schema.json'],
      ['env', '.env'], ['extra', 'one.txt'], ['extra', 'two.txt']
    ])
    expect(spec.wait).toEqual({ enabled: true, timeoutMs: 30 * 60_000, pollIntervalMs: 10_000, failOnTimeout: true })
    expect(spec.connection.requestTimeoutMs).toBe(60_000)
    expect(findings.notices).toEqual([])
  })

  test('masks the password, the group token and every .env value before returning', () => {
    const dir = workspace()
    const src = source(dir, { ...VALID, 'group-token': 'abcdef0123456789abcdef0123456789', 'env-file': '.env' })
    parseInputs(src)
    expect(src.masked).toEqual(expect.arrayContaining(['pw-secret', 'abcdef0123456789abcdef0123456789', 'abc123secret', 'quoted value']))
  })

  test('falls back to NEOMARIL_* then MLOPS_* variables', () => {
    const dir = workspace()
    const { url, login, password, ...rest } = VALID
    void url; void login; void password
    const { spec } = parseInputs(source(dir, rest, { MLOPS_URL: 'https://mlops.example.com/api/', NEOMARIL_USER: 'n@example.com', MLOPS_USER: 'm@example.com', MLOPS_PASSWORD: 'x', NEOMARIL_GROUP_TOKEN: 'tok' }))
    expect(spec.connection).toMatchObject({ apiUrl: 'https://mlops.example.com/api', login: 'n@example.com', password: 'x', groupToken: 'tok' })
  })

  test('uses the staging server with a notice when no URL is given anywhere', () => {
    const dir = workspace()
    const { spec, findings } = parseInputs(source(dir, { ...VALID, url: '' }))
    expect(spec.connection.apiUrl).toBe(apiBaseUrl(STAGING_URL))
    expect(findings.notices.join('\n')).toContain('staging')
  })

  test('normalises the group as the official client does, with a notice', () => {
    const dir = workspace()
    const { spec, findings } = parseInputs(source(dir, { ...VALID, group: ' Data-Science.Team One ' }))
    expect(spec.group).toBe('data_science_team_one')
    expect(findings.notices.join('\n')).toContain("normalised to 'data_science_team_one'")
  })

  test('accepts an Async script with a csv sample and infers the input type', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, { ...VALID, operation: 'ASYNC', entrypoint: 'build', 'source-file': 'batch.py', schema: 'data.csv' }))
    expect(spec.script).toMatchObject({ operation: 'Async', inputType: 'csv' })
    expect(spec.script.files.find(f => f.part === 'schema')?.uploadName).toBe('data.csv')
  })

  test('sends inline JSON schema as schema.json', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, { ...VALID, schema: '{"age": 3}' }))
    const schema = spec.script.files.find(f => f.part === 'schema')
    expect(schema?.uploadName).toBe('schema.json')
    expect(schema?.inline?.toString()).toBe('{"age": 3}')
  })

  test('expands globs, honours exclusions and keeps a notebook as notebook.ipynb', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'nb.ipynb'), JSON.stringify({ cells: [{ cell_type: 'markdown', source: ['# x'] }, { cell_type: 'code', source: ['%pip install x\n', 'def process(data, base_path):\n', '    return {}\n'] }] }))
    const { spec } = parseInputs(source(dir, { ...VALID, 'source-file': 'nb.ipynb', 'extra-files': 'extras/**/*.txt\n!extras/nested/**' }))
    expect(spec.script.files.map(f => f.uploadName)).toEqual(['notebook.ipynb', 'requirements.txt', 'schema.json', 'one.txt', 'two.txt'])
  })

  test('an Async entrypoint taking only data_path passes with a note', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'one.py'), 'def build(data_path):\n    return data_path\n')
    const { findings } = parseInputs(source(dir, { ...VALID, operation: 'Async', entrypoint: 'build', 'source-file': 'one.py', schema: 'data.csv' }))
    expect(findings.notices.join('\n')).toMatch(/build\(data_path\) at line 1 takes only data_path; declare it as build\(data_path, extra_path=None\)/)
  })

  test('reads durations and booleans', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, { ...VALID, wait: 'False', 'wait-timeout': '1h30m', 'poll-interval': '5s', 'fail-on-timeout': 'no', 'request-timeout': '2m' }))
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
  ['entrypoint not defined', { entrypoint: 'score' }, 'entrypoint', /no module-level 'score'.*process/],
  ['entrypoint with one parameter', { 'source-file': 'one.py' }, 'entrypoint', /cannot be called with the two positional/, dir => writeFileSync(join(dir, 'one.py'), 'def process(data):\n    return data\n')],
  ['entrypoint with three required parameters', { 'source-file': 'three.py' }, 'entrypoint', /cannot be called/, dir => writeFileSync(join(dir, 'three.py'), 'def process(a, b, c):\n    pass\n')],
  ['entrypoint nested in a class', { 'source-file': 'cls.py' }, 'entrypoint', /no module-level 'process'/, dir => writeFileSync(join(dir, 'cls.py'), 'class A:\n    def process(self, data, base):\n        pass\n')],
  ['async def entrypoint', { 'source-file': 'co.py' }, 'entrypoint', /async def/, dir => writeFileSync(join(dir, 'co.py'), 'async def process(a, b):\n    pass\n')],
  ['source with a syntax error', { 'source-file': 'bad.py' }, 'entrypoint', /does not parse.*line 1/, dir => writeFileSync(join(dir, 'bad.py'), 'def process(a, b)\n    pass\n')],
  ['source using syntax newer than python-version', { 'source-file': 'walrus.py', 'python-version': '3.8' }, 'entrypoint', /does not parse as Python 3.8/, dir => writeFileSync(join(dir, 'walrus.py'), 'def process(a, b):\n    match a:\n        case _:\n            return b\n')],
  ['missing source file', { 'source-file': 'nope.py' }, 'source-file', /does not exist/],
  ['source neither .py nor .ipynb', { 'source-file': 'schema.json' }, 'source-file', /neither a \.py nor a \.ipynb/],
  ['source is a folder', { 'source-file': 'extras.py' }, 'source-file', /not a file/, dir => mkdirSync(join(dir, 'extras.py'))],
  ['missing requirements', { 'requirements-file': '' }, 'requirements-file', /required/],
  ['requirements not found', { 'requirements-file': 'req.txt' }, 'requirements-file', /does not exist/],
  ['missing schema', { schema: '' }, 'schema', /required/],
  ['schema not valid JSON', { schema: 'broken.json' }, 'schema', /not valid JSON/, dir => writeFileSync(join(dir, 'broken.json'), '{"a": ')],
  ['inline schema not valid JSON', { schema: '{"a": }' }, 'schema', /does not parse/],
  ['csv schema for a Sync script', { schema: 'data.csv' }, 'schema', /Sync script takes JSON/],
  ['schema type against input-type', { operation: 'Async', entrypoint: 'build', 'source-file': 'batch.py', schema: 'data.csv', 'input-type': 'parquet' }, 'schema', /csv file but input-type is 'parquet'/],
  ['fake parquet schema', { operation: 'Async', entrypoint: 'build', 'source-file': 'batch.py', schema: 'x.parquet' }, 'schema', /PAR1/, dir => writeFileSync(join(dir, 'x.parquet'), 'not a parquet file at all')],
  ['inline schema for an Async script', { operation: 'Async', entrypoint: 'build', 'source-file': 'batch.py', schema: '{"a":1}' }, 'schema', /Async script needs a sample file/],
  ['schema with an unknown extension', { schema: 'sample.xml' }, 'schema', /neither \.json, \.csv nor \.parquet/, dir => writeFileSync(join(dir, 'sample.xml'), '<a/>')],
  ['unknown input-type', { 'input-type': 'xml' }, 'input-type', /not an input type/],
  ['csv input-type for a Sync script', { 'input-type': 'csv' }, 'input-type', /does not fit a Sync script/],
  ['python 3.11', { 'python-version': '3.11' }, 'python-version', /not supported.*3\.8, 3\.9, 3\.10/],
  ['python 3.1 (unquoted YAML 3.10)', { 'python-version': '3.1' }, 'python-version', /quote it/],
  ['unknown operation', { operation: 'batch' }, 'operation', /not an operation/],
  ['glob matching nothing', { 'extra-files': 'models/*.pkl' }, 'extra-files', /matches no file/],
  ['extra file missing', { 'extra-files': 'extras/three.txt' }, 'extra-files', /does not exist/],
  ['two extra files with one base name', { 'extra-files': 'extras/**/one.txt' }, 'extra-files', /same file name 'one\.txt'/],
  ['extra file clashing with the schema', { 'extra-files': 'sub/schema.json' }, 'extra-files', /name the schema file already has/, dir => { mkdirSync(join(dir, 'sub')); writeFileSync(join(dir, 'sub/schema.json'), '{}') }],
  ['extra folder', { 'extra-files': 'extras' }, 'extra-files', /is a folder/],
  ['env file missing', { 'env-file': 'prod.env' }, 'env-file', /does not exist/],
  ['ftp url', { url: 'ftp://neomaril.example.com' }, 'url', /not an http\(s\) URL/],
  ['not a url', { url: 'neomaril.example.com' }, 'url', /not a URL/],
  ['plain http to a remote host', { url: 'http://neomaril.example.com' }, 'url', /plain http.*allow-insecure-http/],
  ['credentials in the url', { url: 'https://me:pw@neomaril.example.com' }, 'url', /holds credentials/],
  ['no login anywhere', { login: '' }, 'login', /NEOMARIL_USER/],
  ['no password anywhere', { password: '' }, 'password', /NEOMARIL_PASSWORD/],
  ['group token with spaces', { 'group-token': 'abc def' }, 'group-token', /white space/],
  ['unreadable wait-timeout', { 'wait-timeout': 'soon' }, 'wait-timeout', /not a duration/],
  ['zero poll-interval', { 'poll-interval': '0s' }, 'poll-interval', /too short/],
  ['not a boolean', { wait: 'maybe' }, 'wait', /not a boolean/],
  ['group with a slash', { group: 'team/a' }, 'group', /not a group name/],
  ['unknown mode', { mode: 'ship' }, 'mode', /not a mode.*deploy, validate, smoke-test/],
  ['smoke test without a group token', { 'smoke-test': 'true' }, 'group-token', /smoke test needs it/],
  ['smoke test without waiting', { 'smoke-test': 'true', 'group-token': 't', wait: 'false' }, 'smoke-test', /wait is false/],
  ['smoke-test-expect for an Async script', { 'smoke-test': 'true', 'group-token': 't', operation: 'Async', entrypoint: 'build', 'source-file': 'batch.py', schema: 'data.csv', 'smoke-test-expect': '{}' }, 'smoke-test-expect', /Sync scripts only/],
  ['inline smoke-test-input for an Async script', { 'smoke-test': 'true', 'group-token': 't', operation: 'Async', entrypoint: 'build', 'source-file': 'batch.py', schema: 'data.csv', 'smoke-test-input': '{"a":1}' }, 'smoke-test-input', /Async run uploads a file/],
  ['smoke-test-expect not JSON', { 'smoke-test': 'true', 'group-token': 't', 'smoke-test-expect': '{nope' }, 'smoke-test-expect', /does not parse/],
  ['smoke-test-timeout unreadable', { 'smoke-test-timeout': 'later' }, 'smoke-test-timeout', /not a duration/],
  ['artifact name with a slash', { 'artifact-name': 'a/b' }, 'artifact-name', /cannot have/],
  ['retention of 0 days', { 'artifact-retention-days': '0' }, 'artifact-retention-days', /1 to 400/],
  ['smoke-test mode without a hash', { mode: 'smoke-test', 'group-token': 't' }, 'preprocessing-id', /required in smoke-test mode/],
  ['smoke-test mode with a malformed hash', { mode: 'smoke-test', 'group-token': 't', 'preprocessing-id': 'S123' }, 'preprocessing-id', /not a script hash/],
  ['smoke-test mode without a sample', { mode: 'smoke-test', 'group-token': 't', 'preprocessing-id': 'S' + 'a'.repeat(63), schema: '' }, 'smoke-test-input', /needs a sample/]
]

describe('bad inputs are refused with the input named', () => {
  // Rows become objects: jest would take a fifth, missing callback argument for `done`.
  test.each(BAD.map(([label, change, input, message, prepare]) => ({ label, change, input, message, prepare })))('$label', ({ change, input, message, prepare }) => {
    const problems = problemsOf({ ...VALID, ...change }, {}, prepare)
    expect(problems.map(p => p.input)).toContain(input)
    expect(problems.find(p => p.input === input)?.text).toMatch(message)
  })

  test('reports every problem at once', () => {
    const problems = problemsOf({ ...VALID, name: '', 'python-version': '2.7', 'source-file': 'nope.py' })
    expect(problems.map(p => p.input).sort()).toEqual(['name', 'python-version', 'source-file'])
  })

  test('allows plain http to a remote host only when asked', () => {
    expect(problemsOf({ ...VALID, url: 'http://neomaril.example.com', 'allow-insecure-http': 'true' })).toEqual([])
    expect(problemsOf({ ...VALID, url: 'http://127.0.0.1:8800' })).toEqual([])
  })

  test('an unreadable file is named as such', () => {
    if (process.getuid?.() === 0) return // root reads everything; nothing to observe
    const problems = problemsOf({ ...VALID, schema: 'locked.json' }, {}, dir => {
      writeFileSync(join(dir, 'locked.json'), '{}')
      chmodSync(join(dir, 'locked.json'), 0)
    })
    expect(problems[0].text).toMatch(/cannot be read/)
  })

  test('the password never appears in any message', () => {
    const problems = problemsOf({ ...VALID, url: 'not a url pw-secret'.replace(' pw-secret', ''), name: '' })
    expect(JSON.stringify(problems)).not.toContain('pw-secret')
  })
})

describe('modes', () => {
  test('validate needs no credentials and no URL', () => {
    const dir = workspace()
    const { url, login, password, ...script } = VALID
    void url; void login; void password
    const { spec, findings } = parseInputs(source(dir, { ...script, mode: 'validate' }))
    expect(spec.mode).toBe('validate')
    expect(spec.smokeTest.enabled).toBe(true)
    expect(spec.smokeTest.syncInput).toEqual({ a: 1 })
    expect(findings.notices.join()).not.toContain('staging')
  })

  test('smoke-test mode needs no script files and leaves the operation to the server', () => {
    const dir = workspace()
    const hash = 'S' + '0'.repeat(63)
    const { spec } = parseInputs(source(dir, { url: VALID.url, login: 'me', password: 'pw', 'group-token': 't', mode: 'SMOKE-TEST', 'preprocessing-id': hash, 'smoke-test-input': 'schema.json' }))
    expect(spec).toMatchObject({ mode: 'smoke-test', preprocessingId: hash })
    expect(spec.script.operationGiven).toBe(false)
    expect(spec.script.files).toEqual([])
    // Both forms of the sample are kept until the server says which operation it is.
    expect(spec.smokeTest.syncInput).toEqual({ a: 1 })
    expect(spec.smokeTest.dataset?.uploadName).toBe('schema.json')
  })

  test('a deploy smoke test defaults to the schema sample', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, { ...VALID, 'smoke-test': 'true', 'group-token': 't', 'smoke-test-expect': '{"a": 1}' }))
    expect(spec.smokeTest).toMatchObject({ enabled: true, syncInput: { a: 1 }, expect: { a: 1 }, timeoutMs: 600_000 })
  })
})

describe('helpers', () => {
  test.each([
    ['Data Science', 'data_science'], ['ML-Ops.Team', 'ml_ops_team'], ['datarisk', 'datarisk']
  ])('normaliseGroup(%p) = %p', (raw, expected) => expect(normaliseGroup(raw)).toBe(expected))

  test.each([
    ['https://neomaril.datarisk.net', 'https://neomaril.datarisk.net/api'],
    ['https://neomaril.datarisk.net/', 'https://neomaril.datarisk.net/api'],
    ['https://neomaril.datarisk.net/api', 'https://neomaril.datarisk.net/api'],
    ['https://neomaril.datarisk.net/api/', 'https://neomaril.datarisk.net/api']
  ])('apiBaseUrl(%p) = %p', (raw, expected) => expect(apiBaseUrl(raw)).toBe(expected))

  test('finds unpinned requirements with their line numbers', () => {
    const found = findUnpinnedRequirements('# comment\npandas==2.2.2\nnumpy>=1.26\n\n-r base.txt\nscikit-learn\nlib @ https://x/y.whl\nreq===1.0  # pinned\n')
    expect(found).toEqual([{ line: 3, text: 'numpy>=1.26' }, { line: 6, text: 'scikit-learn' }])
  })

  test('reads quoted dotenv values with comments after them, and values over several lines', () => {
    expect(envFileValues('T="tok-1" # prod\nPEM="-----BEGIN-----\nAAAA\n-----END-----"\nNEXT=x2')).toEqual(['tok-1', '-----BEGIN-----\nAAAA\n-----END-----', 'x2'])
  })

  test('reads dotenv values', () => {
    expect(envFileValues('A=1\nexport B="two words"\n# C=3\nD=\'x y\'\nE=val # note\nnot a line')).toEqual(['1', 'two words', 'x y', 'val'])
  })

  test.each([
    ['90s', 90_000], ['20m', 1_200_000], ['1h30m', 5_400_000], ['500ms', 500], ['45', 45_000], ['1.5m', 90_000], ['soon', undefined], ['10x', undefined], ['', undefined]
  ])('parseDuration(%p) = %p', (text, ms) => expect(parseDuration(text)).toBe(ms))

  test('formatDuration', () => {
    expect(formatDuration(125_000)).toBe('2m5s')
    expect(formatDuration(3_600_000)).toBe('1h')
    expect(formatDuration(0)).toBe('0ms')
  })
})
