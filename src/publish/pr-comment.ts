import * as core from '@actions/core'
import type { RunResult } from './result.js'
import type { Plan } from '../local-checks/plan.js'
import { COMMENT_MAX_CHARS, commentMarker, upsertComment, type CommentKey } from '../github/pr-comment.js'
import type { IssueCommentsPort } from '../github/pr-comment.js'
import { markdownBlock, markdownCode, oneLine } from '../shared/inert.js'
import { formatDuration } from '../shared/duration.js'
import { gitHubClient } from './github-client.js'
import type { Provenance } from './records.js'

const OUTCOME_ICON = { passed: '✅', failed: '❌', skipped: '➖' } as const
/** The plan's share of a comment; a longer plan is cut at a line (the changes-markdown output has it all). */
const PLAN_MAX_CHARS = 50_000
const EXCERPT_CHARS = 2000

/** The events whose run has a pull request to comment on. */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target']

/** What the comment says beside the run's result. */
export interface CommentFacts {
  readonly key: CommentKey
  readonly plan?: Plan
  /** The record the plan compares with: its script hash. */
  readonly recordHash?: string
  /** The commit the run is for, and the run's page. */
  readonly commit?: string
  readonly runUrl?: string
}

/**
 * The comment's Markdown (without the marker): the plan, the local run or smoke test, and
 * in deploy mode the hash. Server and user text is in code spans or blocks
 * (src/shared/inert.ts): no @-mention, HTML, link or table the text made; secrets redacted.
 */
export function commentBody(result: RunResult, facts: CommentFacts): string {
  const { key, plan } = facts
  const mode = result.spec?.mode ?? 'deploy'
  const where = key.environment ? ` in ${markdownCode(key.environment)}` : ''
  const lines = [
    `### Neomaril: ${markdownCode(key.name)}${where}`,
    '',
    `**${mode}** · status **${result.status}** · group ${markdownCode(key.group)}` +
      (facts.commit ? ` · commit ${markdownCode(facts.commit.slice(0, 12))}` : ''),
    '',
    '#### Changes',
    '',
    planSection(plan, facts.recordHash, key.environment),
    '',
    ...runSection(result)
  ]
  if (facts.runUrl && /^https?:\/\/[^\s)]+$/.test(facts.runUrl)) lines.push('', `[The workflow run](${facts.runUrl})`)
  return lines.join('\n')
}

function planSection(plan: Plan | undefined, recordHash: string | undefined, environment: string): string {
  if (!plan)
    return environment
      ? "No plan: the environment's records could not be read (the step's warnings say why)."
      : 'No plan: set `environment` (where the deploys are recorded) so the run can compare with the last one.'
  const against = recordHash ? `Against the last recorded deploy, ${markdownCode(recordHash)}:\n\n` : ''
  if (plan.markdown.length <= PLAN_MAX_CHARS) return against + plan.markdown
  const cut = plan.markdown.slice(0, plan.markdown.lastIndexOf('\n', PLAN_MAX_CHARS))
  const left = plan.markdown.slice(cut.length).split('\n').length - 1
  return `${against}${cut}\n\n*(${left} more lines: the step's \`changes-markdown\` output has them all.)*`
}

function runSection(result: RunResult): string[] {
  const smoke = result.smokeTest
  const title = smoke.where === 'local' ? 'Local run' : 'Smoke test'
  const lines = [`#### ${title}`, '']
  lines.push(
    `${OUTCOME_ICON[smoke.outcome]} ${smoke.outcome}` +
      (smoke.elapsedMs === undefined || smoke.outcome === 'skipped' ? '' : ` in ${formatDuration(smoke.elapsedMs)}`) +
      (smoke.reason ? ` — ${markdownCode(smoke.reason)}` : '')
  )
  // A pipeline that failed at the model: the model's traceback, not the script's (empty) message.
  const failedMessage = smoke.pipeline?.model.outcome === 'failed' ? smoke.pipeline.model.executionMessage : undefined
  const excerpt =
    result.localTraceback ?? (smoke.outcome === 'failed' ? (failedMessage ?? smoke.executionMessage) : undefined)
  if (excerpt) lines.push('', markdownBlock(excerpt.slice(-EXCERPT_CHARS)))
  if (result.spec?.mode === 'deploy' && result.hash) {
    const built = result.buildSeconds === undefined ? '' : `, built in ${formatDuration(result.buildSeconds * 1000)}`
    lines.push('', '#### Deploy', '', `Script hash ${markdownCode(result.hash)}${built}`)
  }
  if (result.error) lines.push('', '**The step failed:**', '', markdownBlock(result.error.slice(0, EXCERPT_CHARS)))
  return lines
}

/** The pull request a run is for, from the event (undefined for any other event). */
export async function pullRequestNumber(eventName: string | undefined): Promise<number | undefined> {
  if (!PULL_REQUEST_EVENTS.includes(eventName ?? '')) return undefined
  const { context } = await import('@actions/github')
  const number: unknown = context.payload.pull_request?.number ?? context.payload.number
  return typeof number === 'number' ? number : undefined
}

/** The workflow line that grants what commenting needs, for the warning. */
export const COMMENT_PERMISSION = 'pull-requests: write'

/**
 * Posts or updates the comment. Never fails the run: a GitHub problem joins the run's
 * others in one warning naming the permission (src/github/permissions.ts).
 */
export async function postComment(
  port: IssueCommentsPort,
  issue: number,
  result: RunResult,
  facts: CommentFacts
): Promise<void> {
  const marker = commentMarker(facts.key)
  let body = commentBody(result, facts)
  if (body.length + marker.length + 1 > COMMENT_MAX_CHARS) body = body.slice(0, COMMENT_MAX_CHARS - marker.length - 40)
  try {
    const outcome = await upsertComment(port, issue, marker, body)
    core.info(`Pull request #${issue}: comment ${outcome.id} ${outcome.action}.`)
  } catch (error) {
    const planIsKept = 'the plan is in the changes-markdown output and the job summary'
    const consequence = `no comment on pull request #${issue}; ${planIsKept}`
    const whenRefused = 'a pull request from a fork gets a read-only token whatever the workflow asks'
    ;(result.gitHubProblems ??= []).push({ error, permission: COMMENT_PERMISSION, consequence, whenRefused })
  }
}

/**
 * pr-comment: on a pull-request event, the one comment of this script and environment,
 * created or updated; on any other event a notice. Never fails the run.
 */
export async function commentOnPullRequest(result: RunResult, where: Provenance): Promise<void> {
  const spec = result.spec
  if (!spec || spec.mode === 'smoke-test') return
  const event = process.env.GITHUB_EVENT_NAME
  const issue = await pullRequestNumber(event)
  if (issue === undefined) {
    core.notice(
      `pr-comment is true, but this run is for ${event ? `a ${oneLine(event)} event` : 'no GitHub event'}, ` +
        'not a pull request: there is nothing to comment on.'
    )
    return
  }
  const client = await gitHubClient(spec.records.token)
  if (!client) {
    core.warning('pr-comment is true, but github-token is empty: no comment. Leave github-token at its default.')
    return
  }
  const key = {
    environment: spec.records.environment ?? '',
    server: spec.connection.apiUrl,
    group: spec.group,
    name: spec.script.name
  }
  const recordHash = result.previousHash?.from === 'record' ? result.previousHash.hash : undefined
  await postComment(client, issue, result, {
    key,
    plan: result.plan,
    recordHash,
    commit: where.commit,
    runUrl: where.runUrl
  })
}
