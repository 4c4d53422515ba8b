import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN } from '../../emulator/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, outputOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'
import { describePython } from '../../src/harness/interpreter.js'
import { interpreters as findInterpreters } from '../harness/helpers.js'

const interpreters = await findInterpreters()

const emulator = useEmulator({ buildSeconds: 0 })

const credentials = () => ({
  url: emulator.url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  'group-token': DEFAULT_GROUP_TOKEN
})
const syncScript = {
  name: 'loan features',
  entrypoint: 'process',
  'source-file': 'score.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.json',
  'extra-files': 'limits.json'
}
const asyncScript = {
  name: 'loan batch',
  entrypoint: 'build_features',
  'source-file': 'features.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.csv',
  operation: 'Async',
  'api-version': 'v1'
}

describe('mode: validate', () => {
  test('checks, prints the manifest and runs the entrypoint locally, without secrets or network', async () => {
    // No credentials at all, as in a pull request from a fork; the url points at a live server that must not be called.
    const run = await runAction({ ...syncScript, mode: 'validate', url: emulator.url, 'upload-artifact': 'false' })
    expect(run.code).toBe(0)
    expect(emulator.requests).toHaveLength(0)
    expect(run.outputs).toMatchObject({ status: 'validated', 'smoke-test': 'passed', 'preprocessing-id': '' })
    const manifest = JSON.parse(outputOf(run, 'manifest'))
    expect(manifest.fields).toEqual({
      name: 'loan features',
      script_reference: 'process',
      operation: 'Sync',
      python_version: 'Python310'
    })
    expect(manifest.files.map((f: { part: string; name: string }) => `${f.part}:${f.name}`)).toEqual([
      'source:script.py',
      'requirements:requirements.txt',
      'schema:schema.json',
      'extra:limits.json'
    ])
    expect(manifest.files[0].sha256).toMatch(/^[0-9a-f]{64}$/)
    const response = JSON.parse(readFileSync(outputOf(run, 'smoke-test-output'), 'utf8'))
    expect(response.body).toMatchObject({ instalment: 500, has_history: true })
    expect(JSON.parse(readFileSync(join(dirname(outputOf(run, 'result-file')), 'manifest.json'), 'utf8'))).toEqual(
      manifest
    )
    expect(run.summary).toContain('Neomaril validation: loan features')
  })

  test('an Async script runs locally on the schema file with inputFileName set', async () => {
    const run = await runAction(
      { ...asyncScript, mode: 'validate', 'upload-artifact': 'false' },
      { workspace: sampleWorkspace('async') }
    )
    expect(run.code).toBe(0)
    expect(run.outputs['smoke-test']).toBe('passed')
    expect(readFileSync(outputOf(run, 'smoke-test-output'), 'utf8')).toMatch(
      /^id,instalment,instalment_to_income,late_payments\r?\n1,500.0/
    )
  })

  test('a script that raises on the sample fails the check, annotated on its line', async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(
      join(workspace, 'score.py'),
      'import json\n\ndef process(data, base_path):\n    return {"x": json.loads(data)["nope"]}\n'
    )
    const run = await runAction(
      { ...syncScript, 'extra-files': '', mode: 'validate', 'upload-artifact': 'false' },
      { workspace }
    )
    expect(run.code).toBe(1)
    expect(run.outputs['smoke-test']).toBe('failed')
    expect(errorsOf(run).pop()).toContain(
      "The entrypoint failed on the sample, run locally as the server would: the entrypoint raised KeyError: 'nope'"
    )
    expect(run.stdout).toMatch(/::error title=Error in the deployed script,file=score.py,line=4::KeyError: 'nope'/)
  })

  test('a missing requirement on the runner is told apart from a missing one in the file', async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(
      join(workspace, 'score.py'),
      'import yaml_not_installed_here\n\ndef process(data, base_path):\n    return {}\n'
    )
    writeFileSync(join(workspace, 'requirements.txt'), 'yaml_not_installed_here==1.0\n')
    const run = await runAction(
      { ...syncScript, 'extra-files': '', mode: 'validate', 'upload-artifact': 'false' },
      { workspace }
    )
    expect(run.code).toBe(1)
    expect(errorsOf(run).pop()).toContain('is in the requirements, so install them on the runner before validating')
  })

  test('without python3 the checks still run and the local run is skipped with a notice', async () => {
    const run = await runAction(
      { ...syncScript, mode: 'validate', 'upload-artifact': 'false' },
      { env: { PATH: '/nonexistent' } }
    )
    expect(run.code).toBe(0)
    expect(run.outputs['smoke-test']).toBe('skipped')
    expect(run.stdout).toContain('::notice::The entrypoint was not run locally: python3 is not on this runner.')
  })
})

describe('mode: validate, through the one harness', () => {
  /** A PATH whose python3.10 is `python`, ahead of the machine's own. */
  function pathWithPython310(python: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'py310-'))
    symlinkSync(python, join(dir, 'python3.10'))
    return `${dir}:${process.env.PATH}`
  }
  function v2Workspace(): string {
    const workspace = mkdtempSync(join(tmpdir(), 'ws-v2-'))
    writeFileSync(
      join(workspace, 'features.py'),
      'def build_df(dfs, extra_path=None):\n' +
        '    merged = dfs["clients"].merge(dfs["scores"], on="id")\n' +
        '    merged["good"] = merged["score"] > 0.5\n' +
        '    return merged\n'
    )
    writeFileSync(join(workspace, 'requirements.txt'), 'pandas==1.5.3\n')
    writeFileSync(join(workspace, 'clients.csv'), 'id,name\n1,Ana\n2,Bia\n')
    writeFileSync(
      join(workspace, 'scores.json'),
      JSON.stringify([
        { id: 1, score: 0.9 },
        { id: 2, score: 0.2 }
      ])
    )
    return workspace
  }
  const v2Script = {
    name: 'v2 batch',
    entrypoint: 'build_df',
    'source-file': 'features.py',
    'requirements-file': 'requirements.txt',
    schema: 'clients=clients.csv\nscores=scores.json',
    operation: 'Async',
    'api-version': 'v2',
    mode: 'validate',
    'upload-artifact': 'false'
  }

  ;(interpreters.withPandas ? test : test.skip)(
    'a v2 entrypoint runs on its named datasets and its DataFrame becomes a parquet file',
    async () => {
      const run = await runAction(v2Script, {
        workspace: v2Workspace(),
        env: { PATH: pathWithPython310(interpreters.withPandas as string) }
      })
      expect(run.code).toBe(0)
      expect(run.outputs['smoke-test']).toBe('passed')
      const parquet = readFileSync(outputOf(run, 'smoke-test-output'))
      const rows = await parquetReadObjects({
        file: parquet.buffer.slice(parquet.byteOffset, parquet.byteOffset + parquet.byteLength)
      })
      expect(rows).toEqual([
        { id: 1n, name: 'Ana', score: 0.9, good: true },
        { id: 2n, name: 'Bia', score: 0.2, good: false }
      ])
    }
  )

  ;(interpreters.withoutPandas ? test : test.skip)('without pandas the v2 run is skipped, saying so', async () => {
    const python = (await describePython(interpreters.withoutPandas as string))?.path as string
    const path = pathWithPython310(python)
    const run = await runAction(v2Script, { workspace: v2Workspace(), env: { PATH: path } })
    expect(run.code).toBe(0)
    expect(run.outputs['smoke-test']).toBe('skipped')
    // sys.executable is the python3.10 link the run found on PATH.
    const [linkDir = ''] = path.split(':')
    const link = join(linkDir, 'python3.10')
    expect(run.stdout).toContain(
      `::notice::The entrypoint was not run locally: pandas is not installed for ${link}, ` +
        'which the DataFrame contract needs (install pandas on the runner to run it).'
    )
  })

  test('a 5 MB JSON sample reaches the entrypoint (by file, not argv)', async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(
      join(workspace, 'score.py'),
      'import json\n\ndef process(data, base_path):\n' +
        '    return {"rows": len(json.loads(data)["rows"]), "chars": len(data)}\n'
    )
    const sample = JSON.stringify({ rows: Array.from({ length: 50_000 }, (_, i) => ({ id: i, note: 'y'.repeat(90) })) })
    expect(sample.length).toBeGreaterThan(5_000_000)
    writeFileSync(join(workspace, 'schema.json'), sample)
    const run = await runAction(
      { ...syncScript, 'extra-files': '', mode: 'validate', 'upload-artifact': 'false' },
      { workspace }
    )
    expect(run.code).toBe(0)
    expect(JSON.parse(readFileSync(outputOf(run, 'smoke-test-output'), 'utf8')).body).toEqual({
      rows: 50_000,
      chars: sample.length
    })
  })
})

describe('mode: smoke-test', () => {
  async function deploy(inputs: Record<string, string>, workspace = sampleWorkspace('sync')): Promise<string> {
    const run = await runAction({ ...credentials(), ...inputs, 'upload-artifact': 'false' }, { workspace })
    expect(run.code).toBe(0)
    return outputOf(run, 'preprocessing-id')
  }

  test('tests a script deployed earlier, taking its operation from the server', async () => {
    const hash = await deploy(syncScript)
    emulator.clearRequests()
    const run = await runAction({
      ...credentials(),
      mode: 'smoke-test',
      'preprocessing-id': hash,
      'smoke-test-input': '{"age": 40, "monthly_income": 1000, "loan_amount": 1200, "term_months": 12}',
      'smoke-test-expect': '{"instalment": 100}',
      'upload-artifact': 'false'
    })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      'preprocessing-id': hash,
      status: 'deployed',
      'smoke-test': 'passed',
      operation: 'Sync'
    })
    expect(emulator.requests.filter((r) => r.path.includes('/register/'))).toHaveLength(0)
    expect(emulator.requests.some((r) => r.path === `/api/preprocessing/describe/datarisk/${hash}`)).toBe(true)
  })

  test('an Async script deployed earlier is tested with a dataset file', async () => {
    const workspace = sampleWorkspace('async')
    const hash = await deploy(asyncScript, workspace)
    const run = await runAction(
      {
        ...credentials(),
        mode: 'smoke-test',
        'preprocessing-id': hash,
        'smoke-test-input': 'schema.csv',
        'upload-artifact': 'false'
      },
      { workspace }
    )
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ 'smoke-test': 'passed', operation: 'Async', 'execution-id': '1' })
  })

  test('a script that is not deployed fails the gate with its state', async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(
      join(workspace, 'score.py'),
      'import missing_module_for_gate\n\ndef process(data, base_path):\n    return {}\n'
    )
    const failed = await runAction(
      { ...credentials(), ...syncScript, 'extra-files': '', 'upload-artifact': 'false' },
      { workspace }
    )
    expect(failed.outputs.status).toBe('failed')
    const run = await runAction({
      ...credentials(),
      mode: 'smoke-test',
      'preprocessing-id': outputOf(failed, 'preprocessing-id'),
      'smoke-test-input': '{}',
      'upload-artifact': 'false'
    })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'failed', 'smoke-test': 'skipped' })
    expect(errorsOf(run).pop()).toMatch(/ended as 'Failed'/)
  })

  test('needs a well-formed preprocessing-id', async () => {
    const run = await runAction({
      ...credentials(),
      mode: 'smoke-test',
      'preprocessing-id': 'not-a-hash',
      'smoke-test-input': '{}'
    })
    expect(run.code).toBe(1)
    expect(errorsOf(run).pop()).toContain("Input 'preprocessing-id': 'not-a-hash' is not a script hash")
    expect(emulator.requests).toHaveLength(0)
  })
})
