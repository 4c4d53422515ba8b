// skip-unchanged (docs/deploy-records.md): keep the script the environment's record names
// when nothing changed and it is still Deployed. Never based on git diffs.
import * as core from '@actions/core'
import { runEndpoint, type PreprocessingApi } from '../api/api.js'
import { oneLine } from '../shared/inert.js'
import type { DeployRecord } from '../github/records.js'
import type { RunContext } from './context.js'

/**
 * The environment's newest successful record of this script, for previous-preprocessing-id,
 * the wait's hint and the skip; undefined without a record (or when GitHub could not say).
 */
export async function recordedBefore(ctx: RunContext): Promise<DeployRecord | undefined> {
  const found = await ctx.github?.earlier
  const record = found?.latestSuccessful
  if (record) ctx.result.previousHash = { hash: record.scriptHash, from: 'record' }
  return record
}

/**
 * True when the run keeps the recorded script: skip-unchanged, the environment's newest
 * record succeeded, has this digest, went through this API with this operation, and its
 * script is still Deployed on the server (asked now). Otherwise says why it deploys.
 */
export async function keepUnchanged(ctx: RunContext, api: PreprocessingApi): Promise<boolean> {
  const { spec, result } = ctx
  if (!spec.records.skipUnchanged || !ctx.github) return false
  const found = await ctx.github.earlier
  const record = found?.latestSuccessful
  const environment = oneLine(ctx.github.key.environment)
  const why = found
    ? await reasonToDeploy(ctx, api, found.latest, record)
    : "the environment's records could not be read (the warning at the end says why)"
  if (why || !record) {
    core.info(`Deploying: ${why ?? 'no record'} (skip-unchanged).`)
    result.recordNote = `deployed: ${why ?? 'no record'}`
    return false
  }
  result.hash = record.scriptHash
  // Found on the server, with the operation the record and this deploy share.
  result.operation = spec.script.operation
  result.status = 'unchanged'
  result.url = runEndpoint(
    spec.connection.apiUrl,
    api.version,
    spec.script.operation,
    result.group ?? spec.group,
    record.scriptHash
  )
  result.recordNote =
    `unchanged since deployment ${record.deploymentId} (commit ${record.sha.slice(0, 12)}): ` +
    `same digest, and ${record.scriptHash} is still Deployed`
  core.notice(
    `Unchanged: the record of environment '${environment}' (deployment ${record.deploymentId}, commit ` +
      `${record.sha.slice(0, 12)}) has the same digest, and its script ${record.scriptHash} is still Deployed. ` +
      'Nothing was uploaded (skip-unchanged).'
  )
  return true
}

async function reasonToDeploy(
  ctx: RunContext,
  api: PreprocessingApi,
  latest: DeployRecord | undefined,
  record: DeployRecord | undefined
): Promise<string | undefined> {
  const { spec, result } = ctx
  if (!record) return latest ? `the last record (${latest.deploymentId}) did not succeed` : 'no successful record'
  if (latest && latest.deploymentId !== record.deploymentId)
    return `the last deploy (deployment ${latest.deploymentId}) did not succeed`
  if (record.digest !== result.digest) return `the digest changed (recorded ${record.digest})`
  if (record.payload.apiVersion !== api.version)
    return `the recorded script went through ${record.payload.apiVersion}, this deploy goes through ${api.version}`
  if (record.payload.operation !== spec.script.operation)
    return `the recorded script is ${record.payload.operation}, this one ${spec.script.operation}`
  try {
    const state = await api.status(record.scriptHash)
    if (state.status !== 'Deployed') return `the recorded script ${record.scriptHash} is ${oneLine(state.status)} now`
    const described = await api.describe(record.scriptHash)
    if (described.operation && described.operation !== spec.script.operation)
      return `the server describes ${record.scriptHash} as ${oneLine(described.operation)}`
  } catch (error) {
    return `the recorded script ${record.scriptHash} could not be checked (${oneLine((error as Error).message)})`
  }
  return undefined
}
