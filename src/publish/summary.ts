import * as core from '@actions/core'
import { formatDuration } from '../duration.js'
import { logTail } from '../deploy/logs.js'
import type { RunResult } from '../result.js'
import { redact, redactedJson } from '../secrets.js'
import type { Provenance } from './records.js'

const STATUS_ICON: Record<string, string> = { deployed: '✅', validated: '✅', building: '⏳', 'timed-out': '⌛', cancelled: '🛑', passed: '✅', skipped: '➖' }
const LOG_TAIL_LINES = 30
const EXCERPT_CHARS = 1500

/** A job summary a reviewer can read at a glance. Server text is escaped; secrets removed. */
export async function writeSummary(result: RunResult, where: Provenance): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const spec = result.spec
  const smoke = result.smokeTest
  const icon = (status: string) => STATUS_ICON[status] ?? '❌'
  const code = (text: string) => `<code>${escapeHtml(text)}</code>`
  const artifact = result.artifact
  const rows: [string, string][] = [
    ['Status', `${icon(result.status)} ${result.status}`],
    ['Script hash', result.hash ? code(result.hash) : '—'],
    ['Group', spec ? code(spec.group) : '—'],
    ['Operation', spec?.script.operation ?? '—'],
    ['Python', spec?.script.pythonVersion ?? '—'],
    ['Build time', result.buildSeconds === undefined ? '—' : `${formatDuration(result.buildSeconds * 1000)} (${result.statusChecks} status checks)`],
    [smoke.where === 'local' ? 'Local run' : 'Smoke test', `${icon(smoke.outcome)} ${smoke.outcome}${smoke.reason ? ` — ${escapeHtml(smoke.reason)}` : ''}`],
    ['Server version', result.serverVersion ? escapeHtml(result.serverVersion) : '—'],
    ['Artifact', artifact?.url ? `<a href="${escapeHtml(artifact.url)}">${escapeHtml(artifact.name)}</a>` : artifact?.localOnly ? `not uploaded (no artifact service); files in ${code(result.recordsDir ?? '')}` : '—'],
    ['Workflow run', where.runUrl ? `<a href="${escapeHtml(where.runUrl)}">${escapeHtml(where.workflow ?? 'run')} #${where.runId}</a>` : '—'],
    ['Commit', where.commit ? `${code(where.commit.slice(0, 12))} on ${code(where.ref ?? '')} by ${escapeHtml(where.actor ?? '')}` : '—']
  ]
  const summary = core.summary
    .addHeading(`${icon(result.status)} Neomaril ${spec?.mode === 'validate' ? 'validation' : spec?.mode === 'smoke-test' ? 'smoke test' : 'deploy'}: ${escapeHtml(spec?.script.name || result.hash || '(inputs not read)')}`, 3)
    .addRaw(`<table>${rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('')}</table>\n\n`)
  if (result.error) summary.addRaw(`<p><strong>Error</strong></p>\n`).addRaw(pre(result.error))

  if (smoke.request) {
    summary.addRaw(`<p><strong>Smoke test</strong>: HTTP ${smoke.responseStatus}, ${smoke.elapsedMs} ms. Response:</p>\n`).addRaw(pre(pretty(smoke.responseBody ?? '')))
  } else if (smoke.executionId) {
    const entries = smoke.resultEntries?.map(e => `${e.name} (${e.size} B)`).join(', ')
    summary.addRaw(`<p><strong>Smoke test</strong>: execution ${escapeHtml(smoke.executionId)} ended as ${escapeHtml(smoke.executionStatus ?? '?')}${smoke.executionMessage ? ` (${escapeHtml(smoke.executionMessage)})` : ''}${entries ? `; result zip holds ${escapeHtml(entries)}` : ''}.</p>\n`)
  }
  for (const [title, entries] of [['Build log', result.hostLogs], ['Run log', result.runLogs]] as const) {
    if (entries.length === 0) continue
    summary.addRaw(`<details><summary>${title}: last ${Math.min(LOG_TAIL_LINES, entries.length)} of ${entries.length} entries</summary>\n\n${pre(logTail(entries, LOG_TAIL_LINES))}</details>\n\n`)
  }
  for (const warning of result.publishWarnings) summary.addRaw(`<p>⚠️ ${escapeHtml(warning)}</p>\n`)
  await summary.write()
}

/** JSON laid out for reading; anything else as it came. */
function pretty(body: string): string {
  try {
    return redactedJson(JSON.parse(body))
  } catch {
    return body
  }
}

function pre(raw: string): string {
  // Secrets go before the cut, so none is left half-shown at the end of an excerpt.
  const text = redact(raw)
  const cut = text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}\n… (${text.length - EXCERPT_CHARS} more characters in the artifact)` : text
  return `<pre>${escapeHtml(cut)}</pre>\n\n`
}

function escapeHtml(text: string): string {
  return redact(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
