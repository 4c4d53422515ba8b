import * as core from '@actions/core'
import { formatDuration } from '../duration.js'
import { redact } from '../secrets.js'
import { outputsOf, type RunResult } from './outputs.js'

const STATUS_ICON: Record<string, string> = { deployed: '✅', building: '⏳', 'timed-out': '⌛', cancelled: '🛑' }

/** A job summary a reviewer can read at a glance. Nothing here is a secret. */
export async function writeSummary(result: RunResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const outputs = outputsOf(result)
  const icon = STATUS_ICON[result.status] ?? '❌'
  const name = result.spec?.script.name ?? '(inputs not read)'
  const rows: [string, string][] = [
    ['Status', `${icon} ${result.status}`],
    ['Script hash', outputs['preprocessing-id'] ? `\`${outputs['preprocessing-id']}\`` : '—'],
    ['Group', outputs.group || '—'],
    ['Operation', outputs.operation || '—'],
    ['Python', outputs['python-version'] || '—'],
    ['Build time', result.buildSeconds === undefined ? '—' : formatDuration(result.buildSeconds * 1000)],
    ['Server version', outputs['server-version'] || '—']
  ]
  const summary = core.summary
    .addHeading(`Neomaril deploy: ${escapeHtml(name)}`, 3)
    .addTable([[{ data: 'Field', header: true }, { data: 'Value', header: true }], ...rows.map(([k, v]) => [k, escapeHtml(v)])])
  if (result.error) summary.addRaw(`\n**Error:**\n\n`).addCodeBlock(redact(result.error), 'text')
  await summary.write()
}

function escapeHtml(text: string): string {
  return redact(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
