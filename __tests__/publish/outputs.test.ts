/** The step outputs (action.yml) a later step reads: every name, its value, secrets removed. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { outputsOf, writeOutputs } from '../../src/publish/outputs.js'
import { newRunResult } from '../../src/publish/result.js'
import type { DeploySpec } from '../../src/inputs/parse.js'
import { buildManifest } from '../../src/local-checks/manifest.js'
import { addSecret } from '../../src/shared/secrets.js'
import { parse } from 'yaml'
import { parseOutputFile } from '../helpers/action-runner.js'
import { deployedResult, HASH, RUN_STATUSES } from '../helpers/run-result.js'

const declared = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  outputs: Record<string, { description: string }>
}

describe('outputsOf', () => {
  test("action.yml's status output names every status the run can end with", () => {
    const words = new Set(declared.outputs.status!.description.match(/[a-z]+(?:-[a-z]+)*/g))
    expect(Object.keys(RUN_STATUSES).filter((status) => !words.has(status))).toEqual([])
  })

  test('a deployed run: every output, by name', () => {
    const result = deployedResult()
    result.logsFile = '/tmp/records/logs.txt'
    result.smokeTestOutput = '/tmp/records/smoke-test-response.json'
    result.resultFile = '/tmp/records/result.json'
    result.artifact = { id: 7, url: 'https://example.com/artifact/7', name: 'neomaril-deploy' }
    result.url = `https://mlops.example/api/preprocessing/sync/run/datarisk/${HASH}`
    result.digest = `sha256:${'d'.repeat(64)}`
    result.previousHash = { hash: 'Sprevious', from: 'record' }
    result.deploymentId = 4711
    expect(outputsOf(result)).toEqual({
      'preprocessing-id': HASH,
      status: 'deployed',
      operation: 'Sync',
      group: 'datarisk',
      'python-version': '3.10',
      'server-version': '2.3.0',
      'api-version': 'v1',
      'build-seconds': '93.4',
      'smoke-test': 'passed',
      'smoke-test-output': '/tmp/records/smoke-test-response.json',
      'execution-id': '',
      'model-execution-id': '',
      'smoke-test-stages': '',
      'logs-file': '/tmp/records/logs.txt',
      'artifact-id': '7',
      'artifact-url': 'https://example.com/artifact/7',
      'result-file': '/tmp/records/result.json',
      manifest: '',
      url: `https://mlops.example/api/preprocessing/sync/run/datarisk/${HASH}`,
      digest: `sha256:${'d'.repeat(64)}`,
      'previous-preprocessing-id': 'Sprevious',
      'deployment-id': '4711',
      'has-changes': '',
      'changes-markdown': ''
    })
  })

  test('a run stopped by its inputs: every output is still there, empty when unknown', () => {
    const outputs = outputsOf(newRunResult())
    // Every output action.yml declares, and no other: a later step may read any of them.
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(declared.outputs).sort())
    expect(outputs).toMatchObject({ status: 'invalid-input', 'smoke-test': 'skipped', 'preprocessing-id': '' })
    expect(Object.entries(outputs).filter(([, value]) => value !== '')).toEqual([
      ['status', 'invalid-input'],
      ['smoke-test', 'skipped']
    ])
  })

  test("the Async execution, the group as the server spells it and validate mode's manifest", async () => {
    const result = deployedResult()
    const spec = result.spec as DeploySpec
    result.group = 'Data-Risk'
    result.smokeTest = { outcome: 'failed', executionId: '12' }
    result.manifest = await buildManifest(spec, spec.workspace)
    const outputs = outputsOf(result)
    expect(outputs).toMatchObject({ group: 'Data-Risk', 'smoke-test': 'failed', 'execution-id': '12' })
    expect(JSON.parse(outputs.manifest ?? '')).toEqual(JSON.parse(JSON.stringify(result.manifest)))
  })
})

test('the plan: has-changes and changes-markdown, both empty when there was no record to compare with', () => {
  const result = deployedResult()
  result.plan = { hasChanges: true, markdown: '- Entrypoint: `a` → `b`' }
  expect(outputsOf(result)).toMatchObject({ 'has-changes': 'true', 'changes-markdown': '- Entrypoint: `a` → `b`' })
  result.plan = { hasChanges: false, markdown: 'No changes.' }
  expect(outputsOf(result)).toMatchObject({ 'has-changes': 'false', 'changes-markdown': 'No changes.' })
  result.plan = { hasChanges: undefined, markdown: 'No earlier deploy.' }
  expect(outputsOf(result)).toMatchObject({ 'has-changes': '', 'changes-markdown': '' })
})

describe('writeOutputs', () => {
  test('writes every output to GITHUB_OUTPUT, a registered secret replaced by ***', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'outputs-')), 'output')
    writeFileSync(file, '')
    const before = process.env.GITHUB_OUTPUT
    process.env.GITHUB_OUTPUT = file
    try {
      addSecret('outputs-secret-5521')
      const result = deployedResult()
      result.serverVersion = '2.3.0 outputs-secret-5521'
      writeOutputs(result)
    } finally {
      if (before === undefined) delete process.env.GITHUB_OUTPUT
      else process.env.GITHUB_OUTPUT = before
    }
    const written = parseOutputFile(readFileSync(file, 'utf8'))
    expect(written['server-version']).toBe('2.3.0 ***')
    expect(written).toMatchObject({ 'preprocessing-id': HASH, status: 'deployed', 'smoke-test': 'passed' })
    expect(readFileSync(file, 'utf8')).not.toContain('outputs-secret-5521')
  })
})
