import { writeFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import { ASYNC_SCRIPT, VALID, source, workspace } from '../helpers/input-source.js'

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

  test('env values too short or too common to mask are not masked, and one warning names their keys', () => {
    const dir = workspace()
    writeFileSync(
      join(dir, 'settings.env'),
      'DEBUG=true\nTEAM=loans-team\nPY=3.10\nMAX_ROWS=100\nURL_HOST=neomaril.example.com\n' +
        'DB_PASSWORD=ab\nAPI_KEY=sk-4f9c1e7a2b8d\nEMPTY=\nBARE\n'
    )
    const src = source(dir, { ...VALID, group: 'loans-team', 'env-file': 'settings.env' })
    const { findings } = parseInputs(src)
    expect(src.masked).toEqual(expect.arrayContaining(['ab', 'sk-4f9c1e7a2b8d']))
    for (const value of ['true', 'loans-team', '3.10', '100', 'neomaril.example.com', ''])
      expect(src.masked).not.toContain(value)
    expect(findings.warnings).toHaveLength(1)
    const warning = findings.warnings[0] as string
    expect(warning).toMatch(
      new RegExp(
        /^Input 'env-file': DEBUG \(a boolean\), TEAM \(inside a value of this step\), PY \(a number\), /.source +
          /MAX_ROWS \(a number\), URL_HOST \(inside a value of this step\) in 'settings\.env' have values /.source +
          /too short or too common to mask/.source
      )
    )
    for (const value of ['true', 'loans-team', '3.10', '100', 'neomaril.example.com'])
      expect(warning).not.toContain(value)
  })

  test('an env value inside the workspace or RUNNER_TEMP path is not masked: every path would lose it', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'paths.env'), `WORK=${dir}\nTEMP_ROOT=/home/runner/work/_temp\n`)
    const src = source(dir, { ...VALID, 'env-file': 'paths.env' }, { RUNNER_TEMP: '/home/runner/work/_temp/x' })
    const { findings } = parseInputs(src)
    expect(src.masked).not.toContain(dir)
    expect(src.masked).not.toContain('/home/runner/work/_temp')
    expect(findings.warnings[0]).toMatch(
      /WORK \(inside a value of this step\), TEMP_ROOT \(inside a value of this step\)/
    )
  })

  test('an env file of secrets alone gives no warning', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'secrets.env'), 'API_KEY=sk-4f9c1e7a2b8d\nSERVICE_TOKEN=t0\n')
    const src = source(dir, { ...VALID, 'env-file': 'secrets.env' })
    expect(parseInputs(src).findings.warnings).toEqual([])
    expect(src.masked).toEqual(expect.arrayContaining(['sk-4f9c1e7a2b8d', 't0']))
  })

  test('resolves paths against the workspace, not the process working directory', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, VALID))
    expect(spec.workspace).toBe(realpathSync(dir))
    expect(spec.script.files[0]?.localPath).toBe(join(realpathSync(dir), 'score.py'))
    expect(spec.allowOutsideWorkspace).toBe(false)
  })

  test.each([
    ['', 'auto'],
    ['V2', 'v2'],
    ['v1', 'v1']
  ])('api-version %p reads as %p', (raw, expected) => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, { ...VALID, ...ASYNC_SCRIPT, 'api-version': raw }))
    expect(spec.apiVersion).toBe(expected)
  })

  test('accepts an Async script with a csv sample and infers the input type', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, { ...VALID, ...ASYNC_SCRIPT, operation: 'ASYNC' }))
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
