// The run's record on GitHub (docs/deploy-records.md): the environment's earlier records,
// read while the deploy connects, and this run's record, made once its facts are known.
// Every GitHub problem is one warning; none fails a deploy.
import * as core from '@actions/core'
import { openGitHub } from '../github/octokit.js'
import type { DeploymentsPort, NewStatus } from '../github/port.js'
import {
  createRecord,
  findRecords,
  liveRecords,
  recordPayload,
  type DeployRecord,
  type RecordKey
} from '../github/records.js'
import type { DeploySpec } from '../inputs/parse.js'
import type { Manifest } from '../local-checks/manifest.js'
import { oneLine, plainInert } from '../shared/inert.js'
import type { RunResult, RunStatus } from '../publish/result.js'
import { provenance } from '../publish/records.js'
import { gitHubSettings } from '../publish/github-client.js'

/** The environment's records of this script, and how to add this run's. */
export interface GitHubRecord {
  readonly key: RecordKey
  /** The earlier records, looked up as soon as the run starts; undefined when the look-up failed. */
  readonly earlier: Promise<{ latest?: DeployRecord; latestSuccessful?: DeployRecord } | undefined>
  /** The manifest the payload carries (set by the deploy once built). */
  manifest?: Manifest
}

interface Connection {
  readonly port: Promise<DeploymentsPort>
  /** Where the GitHub problem goes: the end of the step warns of them all at once (publish/index.ts). */
  readonly result: RunResult
  warned: boolean
}
const connections = new WeakMap<GitHubRecord, Connection>()

/** Starts the look-up of the environment's records, when the run records one (environment and a token). */
export function startGitHubRecord(spec: DeploySpec, result: RunResult): GitHubRecord | undefined {
  const { environment, token } = spec.records
  if (!environment || !token || spec.mode !== 'deploy') return undefined
  const settings = gitHubSettings(token)
  if (!settings) {
    core.warning('environment is set, but GITHUB_REPOSITORY is not (not on a runner?): no record on GitHub.')
    return undefined
  }
  const key: RecordKey = { environment, server: spec.connection.apiUrl, group: spec.group, name: spec.script.name }
  const connection: Connection = { port: openGitHub(settings), result, warned: false }
  const record: GitHubRecord = {
    key,
    earlier: withinLookupTime(connection.port.then((port) => findRecords(port, key))).catch((error: unknown) => {
      warnOnce(record, connection, 'read', error)
      return undefined
    })
  }
  connections.set(record, connection)
  return record
}

/** How long reading the earlier records may take in all (each call has 10 s); a slow GitHub costs no more. */
const LOOKUP_MS = 20_000

function withinLookupTime<T>(lookup: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${LOOKUP_MS / 1000} s`)), LOOKUP_MS)
    timer.unref()
  })
  return Promise.race([lookup, late]).finally(() => clearTimeout(timer))
}

/** The final state of a run's record, by its status. */
const FINAL: Record<RunStatus, NewStatus['state'] | undefined> = {
  deployed: 'success',
  unchanged: 'success',
  // Not waited for: the record stays in progress, and is never taken for a success.
  building: undefined,
  failed: 'failure',
  unavailable: 'failure',
  registered: 'failure',
  'timed-out': 'error',
  error: 'error',
  cancelled: 'error',
  validated: undefined,
  'invalid-input': 'error'
}

/**
 * This run's record: a deployment for the commit in the environment with the whole
 * payload, `in_progress`, then its final state, and `inactive` on this script's superseded
 * records. Only for a run that has a script hash; a GitHub problem is one warning.
 */
export async function recordRun(record: GitHubRecord, result: RunResult): Promise<void> {
  const connection = connections.get(record)
  const spec = result.spec
  if (!connection || connection.warned || !spec || !result.hash || !result.apiVersion || !record.manifest) return
  try {
    const where = await provenance()
    const port = await connection.port
    const failed = Boolean(result.error)
    const state = failed
      ? FINAL[result.status] === 'success'
        ? 'failure'
        : FINAL[result.status]
      : FINAL[result.status]
    const earlier = await record.earlier
    const payload = recordPayload(record.key, {
      operation: spec.script.operation,
      apiVersion: result.apiVersion,
      scriptHash: result.hash,
      digest: result.digest ?? '',
      manifest: record.manifest,
      // An unchanged run keeps the build time of the script it kept: the next wait's hint.
      buildSeconds:
        result.buildSeconds ?? (result.status === 'unchanged' ? earlier?.latestSuccessful?.buildSeconds : undefined),
      smokeTest: result.smokeTest.outcome,
      status: result.status,
      url: result.url
    })
    const logUrl = where.runUrl
    const what = `${spec.script.name} ${result.hash.slice(0, 12)}`
    const id = await createRecord(port, {
      key: record.key,
      sha: where.commit ?? process.env.GITHUB_SHA ?? '',
      payload,
      description: plainInert(`Neomaril ${spec.script.operation} script ${what} (${result.status})`),
      inProgress: { state: 'in_progress', description: plainInert(`Deploying ${what}`), logUrl },
      final: state && {
        state,
        description: plainInert(`${result.status}: ${what}; smoke test ${result.smokeTest.outcome}`),
        environmentUrl: state === 'success' ? result.url : undefined,
        logUrl
      },
      supersedes: state === 'success' ? await liveRecords(port, record.key) : []
    })
    result.deploymentId = id
    core.info(
      `Recorded as deployment ${id} in environment '${oneLine(record.key.environment)}' (${state ?? 'in progress'}).`
    )
  } catch (error) {
    warnOnce(record, connection, 'write', error)
  }
}

/**
 * The run's one GitHub problem with its records (the first: the others follow from it),
 * for the warning at the end of the step that names a missing permission with the
 * workflow line that grants it.
 */
function warnOnce(record: GitHubRecord, connection: Connection, access: 'read' | 'write', error: unknown): void {
  if (connection.warned) return
  connection.warned = true
  const environment = oneLine(record.key.environment)
  // Writing the record needs write; reading the earlier ones needs read, which write includes.
  const permission = 'deployments: write'
  const consequence =
    access === 'write'
      ? `this deploy is not recorded in environment '${environment}'`
      : `the records of environment '${environment}' cannot be read, so nothing is skipped and none is made`
  ;(connection.result.gitHubProblems ??= []).push({ error, permission, consequence })
}
