import { createHash } from 'node:crypto'
import { SCRIPT_HASH } from '../shared/hashes.js'
import { DIGEST, type Manifest } from '../shared/manifest.js'
import type { DeploymentsPort, GitHubDeployment, GitHubDeploymentStatus, NewStatus } from './port.js'

/** Which script's records: the same (server, group, name) in one GitHub environment. */
export interface RecordKey {
  readonly environment: string
  /** The server's API base URL as the action uses it (the `url` input, normalised: …/api). */
  readonly server: string
  /** The group as the `group` input gives it. */
  readonly group: string
  /** The script's name as the `name` input gives it. */
  readonly name: string
}

/** What a record's payload holds (a GitHub deployment's `payload`, which GitHub never lets change). */
export interface RecordPayload {
  readonly tool: typeof TOOL
  readonly server: string
  readonly group: string
  readonly name: string
  readonly operation: 'Sync' | 'Async'
  readonly apiVersion: 'v1' | 'v2'
  readonly scriptHash: string
  /** `sha256:…` of the manifest (src/local-checks/manifest.ts, digestOf). */
  readonly digest: string
  readonly manifest: Manifest
  /** How long the build took; for an `unchanged` run, the build time of the script it kept. */
  readonly buildSeconds?: number
  readonly smokeTest: 'passed' | 'failed' | 'skipped'
  /** The run's status output (deployed, unchanged, failed, …). */
  readonly status: string
  /** The script's run endpoint on the server (the `url` output). */
  readonly url?: string
}

/** A record found on GitHub. */
export interface DeployRecord {
  readonly deploymentId: number
  readonly sha: string
  readonly createdAt: string
  readonly payload: RecordPayload
  readonly digest: string
  readonly scriptHash: string
  readonly buildSeconds?: number
  /** The newest final state: success, failure, error; undefined while (or if stuck) in progress. */
  readonly outcome?: string
}

/** Marks the action's records among an environment's deployments (GitHub's own, other tools'). */
const TOOL = 'neomaril-deploy'
/** How many of the newest deployments of a script are read; older ones only matter once these all failed. */
const LOOK_BACK = 20
const FINAL_STATES = new Set(['success', 'failure', 'error'])

/**
 * The deployment `task` of a script's records: one fixed word and a digest of (server,
 * group, name), so GitHub's exact `task` filter lists this script's records and no
 * other's. A LIKE match is never involved; the payload is compared exactly as well.
 */
export function taskOf(key: Omit<RecordKey, 'environment'>): string {
  const id = createHash('sha256')
    .update(JSON.stringify([key.server, key.group, key.name]))
    .digest('hex')
  return `neomaril:${id.slice(0, 24)}`
}

/** The newest successful record of the script in the environment, if any. */
export async function findLatestRecord(client: DeploymentsPort, key: RecordKey): Promise<DeployRecord | undefined> {
  return (await findRecords(client, key)).latestSuccessful
}

/**
 * The script's newest record (whatever its outcome) and its newest successful one. A
 * record is successful when its newest final status is `success`; an `inactive` that
 * came later (this action's own supersession, or GitHub's for a job's deployment) does
 * not change that.
 */
export async function findRecords(
  client: DeploymentsPort,
  key: RecordKey
): Promise<{ latest?: DeployRecord; latestSuccessful?: DeployRecord }> {
  const listed = await client.list({ environment: key.environment, task: taskOf(key), perPage: LOOK_BACK })
  const mine = listed.filter((d) => d.environment === key.environment && isPayloadOf(d.payload, key))
  mine.sort((a, b) => b.id - a.id)
  let latest: DeployRecord | undefined
  for (const deployment of mine) {
    const record = await withOutcome(client, deployment)
    latest ??= record
    if (record.outcome === 'success') return { latest, latestSuccessful: record }
  }
  return { latest }
}

async function withOutcome(client: DeploymentsPort, deployment: GitHubDeployment): Promise<DeployRecord> {
  const statuses = await client.statuses(deployment.id)
  const final = newestFirst(statuses).find((status) => FINAL_STATES.has(status.state))
  const payload = deployment.payload as RecordPayload
  return {
    deploymentId: deployment.id,
    sha: deployment.sha,
    createdAt: deployment.createdAt,
    payload,
    digest: payload.digest,
    scriptHash: payload.scriptHash,
    buildSeconds: typeof payload.buildSeconds === 'number' ? payload.buildSeconds : undefined,
    outcome: final?.state
  }
}

/**
 * The payload is one of this action's, for exactly this (server, group, name), and the
 * facts the run prints and goes by have their own shapes: anyone who may write deployments
 * can write a payload, and a hash or digest holding a line break or a workflow command must
 * not reach the log. A payload that does not fit is not a record (the run deploys).
 */
function isPayloadOf(payload: unknown, key: RecordKey): payload is RecordPayload {
  if (!payload || typeof payload !== 'object') return false
  const p = payload as Partial<RecordPayload>
  return (
    p.tool === TOOL &&
    p.server === key.server &&
    p.group === key.group &&
    p.name === key.name &&
    typeof p.digest === 'string' &&
    DIGEST.test(p.digest) &&
    typeof p.scriptHash === 'string' &&
    SCRIPT_HASH.test(p.scriptHash) &&
    (p.operation === 'Sync' || p.operation === 'Async') &&
    (p.apiVersion === 'v1' || p.apiVersion === 'v2')
  )
}

/** The payload of a run's record, `tool` and the key's fields filled in. */
export function recordPayload(
  key: RecordKey,
  facts: Omit<RecordPayload, 'tool' | 'server' | 'group' | 'name'>
): RecordPayload {
  return { tool: TOOL, server: key.server, group: key.group, name: key.name, ...facts }
}

export interface NewRecord {
  readonly key: RecordKey
  /** The commit deployed (the run's GITHUB_SHA). */
  readonly sha: string
  readonly payload: RecordPayload
  readonly description: string
  /** The final status; undefined leaves the record in progress (a build not waited for). */
  readonly final?: NewStatus
  readonly inProgress: NewStatus
  /** Records of this script to mark inactive once this one succeeded (the superseded ones). */
  readonly supersedes: readonly number[]
}

/**
 * Creates the run's record: the deployment (with the whole payload: GitHub never lets a
 * payload change, so the record is made once the run knows its facts), `in_progress`, then
 * the final state, then `inactive` on the script's superseded records. Answers the
 * deployment's id; a failing call comes through as a GitHubCallError.
 */
export async function createRecord(client: DeploymentsPort, record: NewRecord): Promise<number> {
  const id = await client.create({
    sha: record.sha,
    task: taskOf(record.key),
    environment: record.key.environment,
    description: record.description,
    payload: record.payload as unknown as Record<string, unknown>
  })
  await client.addStatus(id, record.inProgress)
  if (record.final) await client.addStatus(id, record.final)
  if (record.final?.state === 'success') {
    for (const older of record.supersedes.filter((other) => other !== id))
      await client.addStatus(older, {
        state: 'inactive',
        description: `Superseded by deployment ${id}.`,
        logUrl: record.final.logUrl
      })
  }
  return id
}

/**
 * The script's records still shown as live (newest state success), older than the one
 * this run makes: they are superseded once it succeeds.
 */
export async function liveRecords(client: DeploymentsPort, key: RecordKey): Promise<number[]> {
  const listed = await client.list({ environment: key.environment, task: taskOf(key), perPage: LOOK_BACK })
  const live: number[] = []
  for (const deployment of listed.filter((d) => isPayloadOf(d.payload, key))) {
    const statuses = await client.statuses(deployment.id)
    const newest = newestFirst(statuses)[0]
    if (newest?.state === 'success') live.push(deployment.id)
  }
  return live
}

/** Statuses by id, newest first (two made in the same second share a created_at). */
function newestFirst(statuses: readonly GitHubDeploymentStatus[]): GitHubDeploymentStatus[] {
  return [...statuses].sort((a, b) => b.id - a.id)
}
