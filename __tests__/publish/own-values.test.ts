/**
 * The worst case of the redaction policy (docs/security.md#what-is-masked-and-how): masked
 * values that are also the action's own (a password `true`, a token equal to the group).
 * Own values and JSON are never rewritten; text from outside still is.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeRecords, writeResultFile } from '../../src/publish/records.js'
import { outputsOf } from '../../src/publish/outputs.js'
import { writeSummary } from '../../src/publish/summary.js'
import { addSecret } from '../../src/shared/secrets.js'
import { deployedResult } from '../helpers/run-result.js'

const summaryFile = join(mkdtempSync(join(tmpdir(), 'own-values-')), 'summary.md')
process.env.GITHUB_STEP_SUMMARY = summaryFile
writeFileSync(summaryFile, '')

for (const value of ['true', 'datarisk', '3.10', 'Sync', '100']) addSecret(value)

function result() {
  const run = deployedResult()
  run.artifact = { name: 'neomaril-deploy', localOnly: true }
  run.buildSeconds = 100
  run.smokeTest.responseBody = '{"team": "datarisk", "debug": true, "rows": 100}'
  run.error = 'Run log: team datarisk, debug true'
  return run
}

test('outputs keep the group, the operation and the Python version', () => {
  expect(outputsOf(result())).toMatchObject({
    group: 'datarisk',
    operation: 'Sync',
    'python-version': '3.10',
    'build-seconds': '100'
  })
})

test('result.json and deployment.json are valid JSON with their own values; outside text is redacted', async () => {
  const run = result()
  await writeRecords(run, {}, run.spec?.workspace ?? process.cwd(), { hashFiles: false })
  const written = JSON.parse(readFileSync(writeResultFile(run), 'utf8')) as Record<string, never>
  expect(written).toMatchObject({
    outputs: { group: 'datarisk', operation: 'Sync', 'python-version': '3.10', 'build-seconds': '100' },
    artifact: { localOnly: true },
    script: { group: 'datarisk', operation: 'Sync' },
    error: 'Run log: team ***, debug ***'
  })
  const deployment = JSON.parse(readFileSync(join(run.recordsDir as string, 'deployment.json'), 'utf8')) as {
    script: Record<string, string>
    timings: { buildSeconds: number }
  }
  expect(deployment.script).toMatchObject({ group: 'datarisk', operation: 'Sync', pythonVersion: '3.10' })
  expect(deployment.timings.buildSeconds).toBe(100)
  // The run's answer is outside text: strings redacted, the number and the boolean untouched.
  const response = JSON.parse(readFileSync(join(run.recordsDir as string, 'smoke-test-response.json'), 'utf8'))
  expect(response).toEqual({ status: 200, body: { team: '***', debug: true, rows: 100 } })
})

test('the summary heading and table show the own values; the error is redacted', async () => {
  await writeSummary(result(), {})
  const summary = readFileSync(summaryFile, 'utf8')
  expect(summary).toContain('<th align="left">Group</th><td><code>datarisk</code></td>')
  expect(summary).toContain('<th align="left">Operation</th><td>Sync</td>')
  expect(summary).toContain('<th align="left">Python</th><td>3.10</td>')
  expect(summary).toContain('Run log: team ***, debug ***')
})
