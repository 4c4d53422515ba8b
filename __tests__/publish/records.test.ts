/** The run's records a later step or a person reads: deployment.json, result.json, logs, the smoke test's answer. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeRecords, writeResultFile, type Provenance } from '../../src/publish/records.js'
import type { RunResult } from '../../src/publish/result.js'
import { addSecret } from '../../src/shared/secrets.js'
import { deployedResult, hostEntries, HASH } from '../helpers/run-result.js'

const WHERE: Provenance = { repository: 'acme/models', commit: 'abc123', runId: 42 }

function readJson(result: RunResult, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(result.recordsDir as string, name), 'utf8')) as Record<string, unknown>
}

async function recorded(result: RunResult): Promise<RunResult> {
  const spec = result.spec
  await writeRecords(result, WHERE, spec?.workspace ?? process.cwd(), { hashFiles: true })
  return result
}

describe('writeRecords', () => {
  test('deployment.json: what was deployed, through which API, from where, with the settings asked for', async () => {
    const result = await recorded(deployedResult())
    const deployment = readJson(result, 'deployment.json')
    expect(deployment).toMatchObject({
      script: { name: 'loan features', entrypoint: 'process', operation: 'Sync', pythonVersion: '3.10' },
      server: { apiUrl: 'https://neomaril.example.com/api', version: '2.3.0' },
      api: { version: 'v1', probe: 'Sync scripts use v1', calls: result.apiCalls },
      hash: HASH,
      status: 'deployed',
      smokeTest: 'passed',
      timings: { buildSeconds: 93.4, statusChecks: 12 },
      settings: { mode: 'deploy' },
      source: WHERE
    })
    const files = deployment.files as { name: string; sha256?: string }[]
    expect(files.map((f) => f.name)).toEqual(['script.py', 'requirements.txt', 'schema.json'])
    expect(files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256 ?? ''))).toBe(true)
  })

  test('the logs as JSON and text, and the sync smoke test request and answer', async () => {
    const result = deployedResult()
    result.hostLogs = hostEntries(2, 'Error')
    await recorded(result)
    expect(readdirSync(result.recordsDir as string).sort()).toEqual([
      'deployment.json',
      'logs.json',
      'logs.txt',
      'smoke-test-request.json',
      'smoke-test-response.json'
    ])
    expect(readJson(result, 'logs.json')).toEqual({ host: result.hostLogs, run: [] })
    expect(readFileSync(result.logsFile as string, 'utf8')).toBe(
      '# Build (Host) log: 2 entries\n2026-12-01T10:00:00Z Host/Error line 1\n' +
        '2026-12-01T10:00:01Z Host/Error line 2\n# Run log: 0 entries\n\n'
    )
    expect(readJson(result, 'smoke-test-request.json')).toEqual({ Input: { a: 1 } })
    expect(result.smokeTestOutput).toBe(join(result.recordsDir as string, 'smoke-test-response.json'))
    expect(readJson(result, 'smoke-test-response.json')).toEqual({ status: 200, body: { score: 0.5 } })
  })

  test('validate mode keeps no logs: it talked to no server', async () => {
    const result = deployedResult({ mode: 'validate' })
    result.status = 'validated'
    result.smokeTest = { outcome: 'passed', where: 'local' }
    await recorded(result)
    expect(readdirSync(result.recordsDir as string)).toEqual(['deployment.json'])
    expect(result.logsFile).toBeUndefined()
  })

  test('a registered secret is replaced by *** in every record', async () => {
    addSecret('records-secret-9043')
    const result = deployedResult()
    result.hostLogs = [{ RegisteredAt: '', OutputType: 'Ok', Routine: 'Host', OutputData: 'token records-secret-9043' }]
    result.smokeTest = { ...result.smokeTest, responseBody: '{"echo":"records-secret-9043"}' }
    await recorded(result)
    for (const name of readdirSync(result.recordsDir as string)) {
      expect(readFileSync(join(result.recordsDir as string, name), 'utf8')).not.toContain('records-secret-9043')
    }
    expect(readJson(result, 'smoke-test-response.json')).toEqual({ status: 200, body: { echo: '***' } })
  })
})

describe('writeResultFile', () => {
  test('result.json: the outputs, the error, the smoke test without its body, the script', () => {
    addSecret('result-secret-3317')
    const result = deployedResult()
    result.status = 'failed'
    result.error = 'The build ended as Failed (result-secret-3317)'
    const path = writeResultFile(result)
    expect(path).toBe(join(result.recordsDir as string, 'result.json'))
    const written = readJson(result, 'result.json')
    expect(written).toMatchObject({
      outputs: { 'preprocessing-id': HASH, status: 'failed', 'smoke-test': 'passed' },
      error: 'The build ended as Failed (***)',
      smokeTest: { outcome: 'passed', responseStatus: 200 },
      recordsDir: result.recordsDir,
      publishWarnings: [],
      script: { name: 'loan features', group: 'datarisk', operation: 'Sync' }
    })
    expect(written.smokeTest).not.toHaveProperty('responseBody')
  })
})
