/** The job summary as a reviewer reads it: heading, rows, icons, sections; server text escaped, secrets gone. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeSummary } from '../../src/publish/summary.js'
import type { RunResult, RunStatus } from '../../src/publish/result.js'
import type { Provenance } from '../../src/publish/records.js'
import { addSecret } from '../../src/shared/secrets.js'
import { deployedResult, hostEntries, HASH } from '../helpers/run-result.js'

// @actions/core reads the summary's path once, so every test shares one file, emptied before each.
const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md')
process.env.GITHUB_STEP_SUMMARY = file
beforeEach(() => writeFileSync(file, ''))

const WHERE: Provenance = {
  repository: 'acme/models',
  commit: '0123456789abcdef0123',
  ref: 'refs/heads/main',
  actor: 'octocat',
  workflow: 'Deploy',
  runId: 42,
  runUrl: 'https://github.com/acme/models/actions/runs/42'
}

async function summaryOf(result: RunResult, where: Provenance = WHERE): Promise<string> {
  await writeSummary(result, where)
  return readFileSync(file, 'utf8')
}

/** The value cell of the row headed `heading`. */
function row(summary: string, heading: string): string | undefined {
  return new RegExp(`<tr><th align="left">${heading}</th><td>(.*?)</td></tr>`).exec(summary)?.[1]
}

describe('writeSummary', () => {
  test.each<[RunStatus, string]>([
    ['deployed', '✅'],
    ['validated', '✅'],
    ['unchanged', '✅'],
    ['building', '⏳'],
    ['timed-out', '⌛'],
    ['cancelled', '🛑'],
    ['registered', '❌'],
    ['failed', '❌'],
    ['unavailable', '❌'],
    ['invalid-input', '❌'],
    ['error', '❌']
  ])('status %s shows %s in the heading and the Status row', async (status, icon) => {
    const result = deployedResult()
    result.status = status
    const summary = await summaryOf(result)
    expect(summary).toContain(`<h3>${icon} Neomaril deploy: loan features</h3>`)
    expect(row(summary, 'Status')).toBe(`${icon} ${status}`)
  })

  test('an unchanged run says plainly that nothing was uploaded, and names its record', async () => {
    const result = deployedResult()
    result.status = 'unchanged'
    result.buildSeconds = undefined
    result.digest = `sha256:${'d'.repeat(64)}`
    result.recordNote = 'unchanged since deployment 7 (commit c0ffee00c0ff): same digest'
    result.deploymentId = 8
    result.previousHash = { hash: HASH, from: 'record' }
    const spec = result.spec!
    result.spec = { ...spec, records: { ...spec.records, environment: 'staging' } }
    const summary = await summaryOf(result)
    expect(row(summary, 'Unchanged')).toBe(
      'nothing was uploaded: unchanged since deployment 7 (commit c0ffee00c0ff): same digest'
    )
    expect(row(summary, 'Digest')).toBe(`<code>sha256:${'d'.repeat(64)}</code>`)
    expect(row(summary, 'Record')).toBe(
      `deployment 8 in environment <code>staging</code>; previous script <code>${HASH}</code>`
    )
  })

  test('a deployed run: its hash, group, operation, Python, build time, smoke test and provenance', async () => {
    const result = deployedResult()
    result.previousBuild = { hash: 'Sold', seconds: 80 }
    const summary = await summaryOf(result)
    expect(row(summary, 'Script hash')).toBe(`<code>${HASH}</code>`)
    expect(row(summary, 'Group')).toBe('<code>datarisk</code>')
    expect(row(summary, 'Operation')).toBe('Sync')
    expect(row(summary, 'Python')).toBe('3.10')
    expect(row(summary, 'Build time')).toBe('1m33s (12 status checks; the previous build took 1m20s)')
    expect(row(summary, 'Smoke test')).toBe('✅ passed')
    expect(row(summary, 'Server version')).toBe('2.3.0')
    expect(row(summary, 'API')).toBe('v1 — Sync scripts use v1')
    expect(row(summary, 'Artifact')).toBe('—')
    expect(row(summary, 'Workflow run')).toBe('<a href="https://github.com/acme/models/actions/runs/42">Deploy #42</a>')
    expect(row(summary, 'Commit')).toBe('<code>0123456789ab</code> on <code>refs/heads/main</code> by octocat')
    expect(summary).toContain('<p><strong>Smoke test</strong>: HTTP 200, 120 ms. Response:</p>')
    expect(summary).toContain('<details><summary>API calls (v1): 2</summary>')
    expect(summary).not.toContain('<strong>Error</strong>')
  })

  test('a failed run says so in the heading and shows the error', async () => {
    const result = deployedResult()
    result.status = 'failed'
    result.error = 'The build ended as Failed: <ImportError>'
    const summary = await summaryOf(result)
    expect(summary).toContain('<h3>✗ Neomaril deploy failed: loan features</h3>')
    expect(summary).toContain(
      '<p><strong>Error</strong></p>\n<pre>The build ended as Failed: &lt;ImportError&gt;</pre>'
    )
  })

  test('validate mode: a validation heading and a Local run row with the local Python', async () => {
    const result = deployedResult({ mode: 'validate' })
    result.status = 'validated'
    result.smokeTest = {
      outcome: 'passed',
      where: 'local',
      interpreter: { command: 'python3.10', path: '/usr/bin/python3.10', version: 'Python 3.10.12' }
    }
    const summary = await summaryOf(result, {})
    expect(summary).toContain('<h3>✅ Neomaril validation: loan features</h3>')
    expect(row(summary, 'Local run')).toBe('✅ passed')
    expect(row(summary, 'Local Python')).toBe(
      '<code>python3.10</code> — Python 3.10.12 at <code>/usr/bin/python3.10</code>'
    )
    expect(row(summary, 'Workflow run')).toBe('—')
  })

  test('a skipped smoke test shows its reason', async () => {
    const result = deployedResult()
    result.smokeTest = { outcome: 'skipped', reason: 'smoke-test: false' }
    expect(row(await summaryOf(result), 'Smoke test')).toBe('➖ skipped — smoke-test: false')
  })

  test('the plan, as its Markdown, between blank lines so GitHub renders it', async () => {
    const result = deployedResult()
    result.plan = { hasChanges: true, markdown: '- Entrypoint: `process` → `score`' }
    expect(await summaryOf(result)).toContain(
      '<p><strong>Changes</strong></p>\n\n- Entrypoint: `process` → `score`\n\n'
    )
  })

  test('the build log shows its last 40 entries, folded, and says what it left out', async () => {
    const result = deployedResult()
    result.hostLogs = hostEntries(50)
    const summary = await summaryOf(result)
    expect(summary).toContain(
      '<details><summary>Build log: the last 40 of 50 entries (10 entries, 10 lines left out; logs.txt has them all)'
    )
    expect(summary).toContain('Host/Ok line 11\n')
    expect(summary).not.toContain('Host/Ok line 10\n')
  })

  test('server text is escaped and a registered secret never shows', async () => {
    addSecret('summary-secret-7781')
    const result = deployedResult()
    result.serverVersion = '<script>alert(1)</script>'
    result.error = 'refused token summary-secret-7781'
    result.publishWarnings.push('Could not fetch the Run logs: summary-secret-7781 & more')
    const summary = await summaryOf(result)
    expect(row(summary, 'Server version')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(summary).not.toContain('summary-secret-7781')
    expect(summary).toContain('refused token ***')
    expect(summary).toContain('<p>⚠️ Could not fetch the Run logs: *** &amp; more</p>')
  })

  test('nothing is written without GITHUB_STEP_SUMMARY', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    try {
      await writeSummary(deployedResult(), WHERE)
    } finally {
      process.env.GITHUB_STEP_SUMMARY = file
    }
    expect(readFileSync(file, 'utf8')).toBe('')
  })
})
