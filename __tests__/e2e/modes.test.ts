import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN } from '../../emulator/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 0 })

const credentials = () => ({ url: emulator.url, login: DEFAULT_USER, password: DEFAULT_PASSWORD, 'group-token': DEFAULT_GROUP_TOKEN })
const syncScript = { name: 'loan features', entrypoint: 'process', 'source-file': 'score.py', 'requirements-file': 'requirements.txt', schema: 'schema.json', 'extra-files': 'limits.json' }
const asyncScript = { name: 'loan batch', entrypoint: 'build_features', 'source-file': 'features.py', 'requirements-file': 'requirements.txt', schema: 'schema.csv', operation: 'Async', 'api-version': 'v1' }

describe('mode: validate', () => {
  test('checks, prints the manifest and runs the entrypoint locally, without secrets or network', async () => {
    // No credentials at all, as in a pull request from a fork; the url points at a live server that must not be called.
    const run = await runAction({ ...syncScript, mode: 'validate', url: emulator.url, 'upload-artifact': 'false' })
    expect(run.code).toBe(0)
    expect(emulator.requests).toHaveLength(0)
    expect(run.outputs).toMatchObject({ status: 'validated', 'smoke-test': 'passed', 'preprocessing-id': '' })
    const manifest = JSON.parse(run.outputs.manifest)
    expect(manifest.fields).toEqual({ name: 'loan features', script_reference: 'process', operation: 'Sync', python_version: 'Python310' })
    expect(manifest.files.map((f: { part: string; name: string }) => `${f.part}:${f.name}`)).toEqual(['source:script.py', 'requirements:requirements.txt', 'schema:schema.json', 'extra:limits.json'])
    expect(manifest.files[0].sha256).toMatch(/^[0-9a-f]{64}$/)
    const response = JSON.parse(readFileSync(run.outputs['smoke-test-output'], 'utf8'))
    expect(response.body).toMatchObject({ instalment: 500, has_history: true })
    expect(JSON.parse(readFileSync(join(dirname(run.outputs['result-file']), 'manifest.json'), 'utf8'))).toEqual(manifest)
    expect(run.summary).toContain('Neomaril validation: loan features')
  })

  test('an Async script runs locally on the schema file with inputFileName set', async () => {
    const run = await runAction({ ...asyncScript, mode: 'validate', 'upload-artifact': 'false' }, { workspace: sampleWorkspace('async') })
    expect(run.code).toBe(0)
    expect(run.outputs['smoke-test']).toBe('passed')
    expect(readFileSync(run.outputs['smoke-test-output'], 'utf8')).toMatch(/^id,instalment,instalment_to_income,late_payments\r?\n1,500.0/)
  })

  test('a script that raises on the sample fails the check, annotated on its line', async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(join(workspace, 'score.py'), 'import json\n\ndef process(data, base_path):\n    return {"x": json.loads(data)["nope"]}\n')
    const run = await runAction({ ...syncScript, 'extra-files': '', mode: 'validate', 'upload-artifact': 'false' }, { workspace })
    expect(run.code).toBe(1)
    expect(run.outputs['smoke-test']).toBe('failed')
    expect(errorsOf(run).pop()).toContain("The entrypoint failed on the sample, run locally as the server would: the entrypoint raised KeyError: 'nope'")
    expect(run.stdout).toMatch(/::error title=Error in the deployed script,file=score.py,line=4::KeyError: 'nope'/)
  })

  test('a missing requirement on the runner is told apart from a missing one in the file', async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(join(workspace, 'score.py'), 'import yaml_not_installed_here\n\ndef process(data, base_path):\n    return {}\n')
    writeFileSync(join(workspace, 'requirements.txt'), 'yaml_not_installed_here==1.0\n')
    const run = await runAction({ ...syncScript, 'extra-files': '', mode: 'validate', 'upload-artifact': 'false' }, { workspace })
    expect(run.code).toBe(1)
    expect(errorsOf(run).pop()).toContain("is in the requirements, so install them on the runner before validating")
  })

  test('without python3 the checks still run and the local run is skipped with a notice', async () => {
    const run = await runAction({ ...syncScript, mode: 'validate', 'upload-artifact': 'false' }, { env: { PATH: '/nonexistent' } })
    expect(run.code).toBe(0)
    expect(run.outputs['smoke-test']).toBe('skipped')
    expect(run.stdout).toContain('::notice::The entrypoint was not run locally: python3 is not on this runner.')
  })
})

describe('mode: smoke-test', () => {
  async function deploy(inputs: Record<string, string>, workspace = sampleWorkspace('sync')): Promise<string> {
    const run = await runAction({ ...credentials(), ...inputs, 'upload-artifact': 'false' }, { workspace })
    expect(run.code).toBe(0)
    return run.outputs['preprocessing-id']
  }

  test('tests a script deployed earlier, taking its operation from the server', async () => {
    const hash = await deploy(syncScript)
    emulator.clearRequests()
    const run = await runAction({ ...credentials(), mode: 'smoke-test', 'preprocessing-id': hash, 'smoke-test-input': '{"age": 40, "monthly_income": 1000, "loan_amount": 1200, "term_months": 12}', 'smoke-test-expect': '{"instalment": 100}', 'upload-artifact': 'false' })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ 'preprocessing-id': hash, status: 'deployed', 'smoke-test': 'passed', operation: 'Sync' })
    expect(emulator.requests.filter(r => r.path.includes('/register/'))).toHaveLength(0)
    expect(emulator.requests.some(r => r.path === `/api/preprocessing/describe/datarisk/${hash}`)).toBe(true)
  })

  test('an Async script deployed earlier is tested with a dataset file', async () => {
    const workspace = sampleWorkspace('async')
    const hash = await deploy(asyncScript, workspace)
    const run = await runAction({ ...credentials(), mode: 'smoke-test', 'preprocessing-id': hash, 'smoke-test-input': 'schema.csv', 'upload-artifact': 'false' }, { workspace })
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ 'smoke-test': 'passed', operation: 'Async', 'execution-id': '1' })
  })

  test('a script that is not deployed fails the gate with its state', async () => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(join(workspace, 'score.py'), 'import missing_module_for_gate\n\ndef process(data, base_path):\n    return {}\n')
    const failed = await runAction({ ...credentials(), ...syncScript, 'extra-files': '', 'upload-artifact': 'false' }, { workspace })
    expect(failed.outputs.status).toBe('failed')
    const run = await runAction({ ...credentials(), mode: 'smoke-test', 'preprocessing-id': failed.outputs['preprocessing-id'], 'smoke-test-input': '{}', 'upload-artifact': 'false' })
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({ status: 'failed', 'smoke-test': 'skipped' })
    expect(errorsOf(run).pop()).toMatch(/ended as 'Failed'/)
  })

  test('needs a well-formed preprocessing-id', async () => {
    const run = await runAction({ ...credentials(), mode: 'smoke-test', 'preprocessing-id': 'not-a-hash', 'smoke-test-input': '{}' })
    expect(run.code).toBe(1)
    expect(errorsOf(run).pop()).toContain("Input 'preprocessing-id': 'not-a-hash' is not a script hash")
    expect(emulator.requests).toHaveLength(0)
  })
})
