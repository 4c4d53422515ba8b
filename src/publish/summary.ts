import * as core from '@actions/core'
import { formatDuration } from '../shared/duration.js'
import { LOG_TAIL_LINES, logTail } from '../steps/logs.js'
import { knownScript, type RunResult, type RunStatus } from './result.js'
import { typedColumns, type PipelineStage, type SmokeTestResult } from '../steps/server-smoke-test.js'
import { redact, redactedJson } from '../shared/secrets.js'
import type { Provenance } from './records.js'

const STATUS_ICON: Record<RunStatus, string> = {
  deployed: '✅',
  validated: '✅',
  unchanged: '✅',
  building: '⏳',
  'timed-out': '⌛',
  cancelled: '🛑',
  registered: '❌',
  failed: '❌',
  unavailable: '❌',
  'invalid-input': '❌',
  error: '❌'
}
const SMOKE_TEST_ICON: Record<SmokeTestResult['outcome'], string> = { passed: '✅', skipped: '➖', failed: '❌' }
const EXCERPT_CHARS = 1500

/**
 * A job summary a reviewer can read at a glance. Everything is escaped; text from outside
 * (server text, run answers, errors) is redacted (`outside`), the action's own values
 * (name, group, operation…) are shown as they are (docs/security.md).
 */
export async function writeSummary(result: RunResult, where: Provenance): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const spec = result.spec
  const smoke = result.smokeTest
  const code = (text: string) => `<code>${escapeHtml(text)}</code>`
  const outside = (text: string) => escapeHtml(redact(text))
  const artifact = result.artifact
  const rows: [string, string][] = [
    ['Status', `${STATUS_ICON[result.status]} ${result.status}`],
    ['Script hash', result.hash ? code(result.hash) : '—'],
    ...recordRows(result, code),
    ['Group', spec ? code(result.group ?? spec.group) : '—'],
    ['Operation', knownScript(result).operation ?? '—'],
    ['Python', knownScript(result).pythonVersion ?? '—'],
    [
      'Build time',
      result.buildSeconds === undefined
        ? '—'
        : `${formatDuration(result.buildSeconds * 1000)} (${result.statusChecks} status checks` +
          (result.previousBuild
            ? `; the previous build took ${formatDuration(result.previousBuild.seconds * 1000)})`
            : ')')
    ],
    [
      smoke.where === 'local' ? 'Local run' : 'Smoke test',
      `${SMOKE_TEST_ICON[smoke.outcome]} ${smoke.outcome}${smoke.reason ? ` — ${outside(smoke.reason)}` : ''}`
    ],
    ...pipelineRows(smoke, code),
    ...(smoke.interpreter
      ? [
          [
            'Local Python',
            `${code(smoke.interpreter.command)} — ${escapeHtml(smoke.interpreter.version)} ` +
              `at ${code(smoke.interpreter.path)}`
          ] as [string, string]
        ]
      : []),
    ['Server version', result.serverVersion ? outside(result.serverVersion) : '—'],
    ['API', result.apiVersion ? `${result.apiVersion}${result.apiProbe ? ` — ${outside(result.apiProbe)}` : ''}` : '—'],
    ...(result.contract
      ? [
          [
            spec?.mode === 'validate' ? 'Contract tested' : 'Contract',
            `${code(result.contract.calledAs ?? result.contract.contract)} — ${escapeHtml(result.contract.why)}`
          ] as [string, string]
        ]
      : []),
    [
      'Artifact',
      artifact?.url
        ? `<a href="${escapeHtml(artifact.url)}">${escapeHtml(artifact.name)}</a>`
        : artifact?.localOnly
          ? `not uploaded (no artifact service); files in ${code(result.recordsDir ?? '')}`
          : '—'
    ],
    [
      'Workflow run',
      where.runUrl
        ? `<a href="${escapeHtml(where.runUrl)}">${escapeHtml(where.workflow ?? 'run')} #${where.runId}</a>`
        : '—'
    ],
    [
      'Commit',
      where.commit
        ? `${code(where.commit.slice(0, 12))} on ${code(where.ref ?? '')} by ${escapeHtml(where.actor ?? '')}`
        : '—'
    ]
  ]
  // The heading says how the step ended, whichever phase failed (a failed smoke test after Deployed too).
  const what = spec?.mode === 'validate' ? 'validation' : spec?.mode === 'smoke-test' ? 'smoke test' : 'deploy'
  const heading = result.error ? `✗ Neomaril ${what} failed` : `${STATUS_ICON[result.status]} Neomaril ${what}`
  const summary = core.summary
    .addHeading(`${heading}: ${escapeHtml(spec?.script.name || result.hash || '(inputs not read)')}`, 3)
    .addRaw(`${table(rows)}\n\n`)
  if (result.error) summary.addRaw(`<p><strong>Error</strong></p>\n`).addRaw(pre(redact(result.error)))
  if (result.apiCalls.length > 0) {
    summary.addRaw(
      details(`API calls (${result.apiVersion}): ${result.apiCalls.length}`, pre(result.apiCalls.join('\n')))
    )
  }
  const datasets = Object.entries(result.datasetHashes)
  if (datasets.length > 0) {
    summary.addRaw(
      `<p><strong>Datasets</strong></p>\n${table(datasets.map(([name, hash]) => [escapeHtml(name), code(hash)]))}\n\n`
    )
  }

  // The plan is Markdown whose server and user text is in code spans already (src/shared/inert.ts).
  if (result.plan) summary.addRaw(`<p><strong>Changes</strong></p>\n\n${result.plan.markdown}\n\n`)
  if (smoke.request) {
    summary
      .addRaw(`<p><strong>Smoke test</strong>: HTTP ${smoke.responseStatus}, ${smoke.elapsedMs} ms. Response:</p>\n`)
      .addRaw(pre(pretty(smoke.responseBody ?? '')))
  } else if (smoke.executionId) {
    const pipeline = smoke.pipeline
    const entries = smoke.resultEntries?.map((e) => `${e.name} (${e.size} B)`).join(', ')
    // In a pipeline the entries are the model's once its result is in; until then, still the script's.
    const modelEntries = pipeline !== undefined && smoke.resultFile !== pipeline.preprocessing.resultFile
    const shape =
      smoke.resultRows === undefined
        ? ''
        : `; result ${smoke.resultTable ? outside(smoke.resultTable) : 'parquet'}: ${smoke.resultRows} rows, ` +
          `columns ${outside(typedColumns(smoke) || 'none')}`
    const expectation = !smoke.expectation
      ? ''
      : smoke.expectation.met
        ? '; smoke-test-expect met'
        : `; smoke-test-expect not met (${outside(smoke.expectation.problems.join('; '))})`
    const inputs = Object.entries(smoke.inputHashes ?? {})
      .map(([name, hash]) => `${name} ${hash}`)
      .join(', ')
    summary.addRaw(
      `<p><strong>Smoke test</strong>: execution ${escapeHtml(smoke.executionId)} ` +
        `ended as ${outside(smoke.executionStatus ?? '?')}` +
        `${smoke.executionMessage ? ` (${outside(smoke.executionMessage)})` : ''}` +
        `${entries && !modelEntries ? `; result zip holds ${outside(entries)}` : ''}${shape}${expectation}` +
        `${inputs ? `; inputs ${escapeHtml(inputs)}` : ''}.</p>\n`
    )
    const model = pipeline?.model
    if (model?.executionId)
      summary.addRaw(
        `<p><strong>Model</strong>: execution ${escapeHtml(model.executionId)} ` +
          `ended as ${outside(model.executionStatus ?? '?')}` +
          `${model.executionMessage ? ` (${outside(model.executionMessage)})` : ''}` +
          `${entries && modelEntries ? `; result zip holds ${outside(entries)}` : ''}.</p>\n`
      )
  }
  for (const [title, entries] of [
    ['Build log', result.hostLogs],
    ['Run log', result.runLogs]
  ] as const) {
    if (entries.length === 0) continue
    const tail = logTail(title, entries, LOG_TAIL_LINES)
    summary.addRaw(details(tail.heading, pre(redact(tail.text))))
  }
  for (const warning of result.publishWarnings) summary.addRaw(`<p>⚠️ ${outside(warning)}</p>\n`)
  await summary.write()
}

/** A pipeline smoke test's rows: the model, then each stage with its outcome and time. */
function pipelineRows(smoke: SmokeTestResult, code: (text: string) => string): [string, string][] {
  const stages = smoke.pipeline
  if (!stages) return []
  const stage = (s: PipelineStage) =>
    `${SMOKE_TEST_ICON[s.outcome]} ${s.outcome}${s.elapsedMs === undefined ? '' : ` in ${formatDuration(s.elapsedMs)}`}`
  return [
    ['Model', `${code(stages.modelHash)} in ${code(stages.modelGroup)}`],
    ['Pipeline', `preprocessing ${stage(stages.preprocessing)} → model ${stage(stages.model)}`]
  ]
}

/** The deploy record's rows, when the run has a digest (deploy mode) or a record. */
function recordRows(result: RunResult, code: (text: string) => string): [string, string][] {
  const rows: [string, string][] = []
  if (result.status === 'unchanged')
    rows.push(['Unchanged', `nothing was uploaded: ${escapeHtml(result.recordNote ?? 'the recorded script was kept')}`])
  if (result.digest) rows.push(['Digest', code(result.digest)])
  const environment = result.spec?.records.environment
  if (environment && result.spec?.mode === 'deploy')
    rows.push([
      'Record',
      result.deploymentId === undefined
        ? `none made in environment ${code(environment)}`
        : `deployment ${result.deploymentId} in environment ${code(environment)}` +
          (result.previousHash ? `; previous script ${code(result.previousHash.hash)}` : '')
    ])
  return rows
}

/** Rows of a two-column table: a heading cell, then the value (both already escaped). */
function table(rows: readonly (readonly [string, string])[]): string {
  return `<table>${rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('')}</table>`
}

/** A folded section; `body` is already escaped (pre). */
function details(title: string, body: string): string {
  return `<details><summary>${title}</summary>\n\n${body}</details>\n\n`
}

/** A run's answer (outside text): JSON laid out and redacted value by value; anything else redacted as it came. */
function pretty(body: string): string {
  try {
    return redactedJson(JSON.parse(body))
  } catch {
    return redact(body)
  }
}

/** A preformatted block. Outside text is redacted by the caller, before the cut: no secret is left half-shown. */
function pre(text: string): string {
  const cut =
    text.length > EXCERPT_CHARS
      ? `${text.slice(0, EXCERPT_CHARS)}\n… (${text.length - EXCERPT_CHARS} more characters in the artifact)`
      : text
  return `<pre>${escapeHtml(cut)}</pre>\n\n`
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
