import * as core from '@actions/core'
import type { Manifest } from '../shared/manifest.js'
import { findLatestRecord, type DeployRecord } from '../github/records.js'
import { planChanges } from '../local-checks/plan.js'
import { gitHubClient } from '../publish/github-client.js'
import { oneLine, printInert } from '../shared/inert.js'
import type { RunContext } from './context.js'

/** The permission reading the records needs, for the warning. */
const READ_PERMISSION = 'deployments: read'

/**
 * The plan (local-checks/plan.ts): the upload's manifest against the one of the newest
 * successful record of this script (server, group, name) in the `environment`. Needs the
 * GitHub token only, no MLOps secret, so it works on a fork's pull request. Without an
 * environment there is nothing to compare with; a GitHub problem is one warning.
 */
export async function planAgainstRecord(ctx: RunContext, manifest: Manifest): Promise<void> {
  const { spec, result } = ctx
  const environment = spec.records.environment
  if (!environment) return
  if (!spec.connection.apiUrl) {
    core.notice(
      `environment is '${oneLine(environment)}', but url is empty: records are kept per server, so there is ` +
        'no plan. Set url (not a secret) to the server the script is deployed to.'
    )
    return
  }
  const client = await gitHubClient(spec.records.token)
  if (!client) {
    core.notice(
      `No plan: there is no github-token or GITHUB_REPOSITORY to read the records of '${oneLine(environment)}'.`
    )
    return
  }
  await core.group(`Plan against the last deploy in '${oneLine(environment)}'`, async () => {
    try {
      const record = await findLatestRecord(client, {
        environment,
        server: spec.connection.apiUrl,
        group: spec.group,
        name: spec.script.name
      })
      if (record) result.previousHash ??= { hash: record.scriptHash, from: 'record' }
      showPlan(ctx, record, manifest)
    } catch (error) {
      const consequence = `the records of environment '${oneLine(environment)}' cannot be read, so there is no plan`
      ;(result.gitHubProblems ??= []).push({ error, permission: READ_PERMISSION, consequence })
      core.info('No plan: GitHub did not answer (the warning at the end says why).')
    }
  })
}

/**
 * Sets and prints the plan against `record` (undefined: the environment has no record of
 * the script yet). Deploy mode calls it once the records were read (modes/github-record.ts).
 */
export function showPlan(ctx: RunContext, record: DeployRecord | undefined, manifest: Manifest): void {
  // A deploy's digest holds the .env file's values keyed by the password: it settles what the manifests cannot.
  const { digest } = ctx.result
  const digests =
    record && digest && ctx.spec.mode === 'deploy' ? { recorded: record.digest, current: digest } : undefined
  // Validate mode sends no probe: under api-version auto, an Async script's API is the server's to decide.
  const { operation } = ctx.spec.script
  const apiUndecided = ctx.spec.mode !== 'deploy' && operation === 'Async' && ctx.spec.apiVersion === 'auto'
  ctx.result.plan = planChanges(record?.payload.manifest, manifest, { digests, apiUndecided })
  if (record) core.info(`The last recorded deploy: ${record.scriptHash} (deployment ${record.deploymentId}).`)
  printInert(ctx.result.plan.markdown)
}
