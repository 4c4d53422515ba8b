import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatLogEntries } from '../steps/logs.js'
import { buildManifest } from '../local-checks/manifest.js'
import { knownScript, type RunResult } from './result.js'
import { redact, redactValue } from '../shared/secrets.js'
import { outputsOf } from './outputs.js'

/** Where the run happened, from @actions/github's context (loaded late: it is heavy). */
export interface Provenance {
  repository?: string
  commit?: string
  ref?: string
  actor?: string
  workflow?: string
  runId?: number
  runAttempt?: number
  runUrl?: string
}

export async function provenance(): Promise<Provenance> {
  const { context } = await import('@actions/github')
  const repository = process.env.GITHUB_REPOSITORY || undefined
  const runUrl =
    repository && context.runId ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}` : undefined
  return {
    repository,
    commit: context.sha || undefined,
    ref: context.ref || undefined,
    actor: context.actor || undefined,
    workflow: context.workflow || undefined,
    runId: context.runId || undefined,
    runAttempt: context.runAttempt || undefined,
    runUrl
  }
}

/**
 * Writes a file into the records folder. The caller has redacted what came from outside
 * (`outside`); the action's own values are written as they are (docs/security.md).
 */
function writeRecord(dir: string, name: string, content: string): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** JSON text, laid out for reading; always valid JSON (nothing rewrites the text after it is made). */
const json = (value: unknown): string => JSON.stringify(value, undefined, 2) + '\n'

/** A value that came from outside (server text, a run's answer), its strings redacted one by one. */
const outside = redactValue

/**
 * The run's records: deployment.json (what was deployed, from where), the logs as
 * JSON and text, the smoke test's request and response (the async result zip is
 * downloaded here directly). The .env file's content and every secret stay out.
 */
export async function writeRecords(
  result: RunResult,
  where: Provenance,
  cwd: string,
  options: { hashFiles: boolean }
): Promise<void> {
  const dir = result.recordsDir as string
  const spec = result.spec
  const files = spec ? (await buildManifest(spec, cwd, options)).files : []
  writeRecord(
    dir,
    'deployment.json',
    json({
      script: spec && {
        name: spec.script.name,
        entrypoint: spec.script.entrypoint,
        operation: knownScript(result).operation,
        pythonVersion: knownScript(result).pythonVersion,
        inputType: spec.script.inputType,
        group: result.group ?? spec.group
      },
      server: spec && { apiUrl: spec.connection.apiUrl, version: outside(result.serverVersion) },
      api: result.apiVersion && {
        version: result.apiVersion,
        probe: outside(result.apiProbe),
        calls: result.apiCalls,
        datasetHashes: result.datasetHashes
      },
      files,
      hash: result.hash,
      digest: result.digest,
      // The GitHub deployment this run made (docs/deploy-records.md), and the script it followed.
      record: spec?.records.environment && {
        environment: spec.records.environment,
        deploymentId: result.deploymentId,
        previous: result.previousHash
      },
      status: result.status,
      smokeTest: result.smokeTest.outcome,
      timings: {
        startedAt: result.startedAt.toISOString(),
        finishedAt: result.finishedAt?.toISOString(),
        buildSeconds: result.buildSeconds,
        statusChecks: result.statusChecks,
        previousBuild: result.previousBuild
      },
      // The behaviour asked for (secrets and the .env content are not part of it).
      settings: spec && {
        mode: spec.mode,
        wait: spec.wait,
        requestTimeoutMs: spec.connection.requestTimeoutMs,
        smokeTest: {
          enabled: spec.smokeTest.enabled,
          timeoutMs: spec.smokeTest.timeoutMs,
          expect: spec.smokeTest.expect
        },
        artifact: spec.artifact
      },
      source: where
    })
  )

  if (result.manifest) writeRecord(dir, 'manifest.json', json(result.manifest))
  // validate mode talks to no server, so it has no logs to keep.
  if (spec?.mode === 'validate') return recordSmokeTest(result, dir)
  writeRecord(dir, 'logs.json', json(outside({ host: result.hostLogs, run: result.runLogs })))
  const text = [
    `# Build (Host) log: ${result.hostLogs.length} entries`,
    formatLogEntries(result.hostLogs),
    `# Run log: ${result.runLogs.length} entries`,
    formatLogEntries(result.runLogs)
  ].join('\n')
  result.logsFile = writeRecord(dir, 'logs.txt', redact(text) + '\n')
  recordSmokeTest(result, dir)
}

/** The smoke test's request and response (the async result zip is downloaded here directly). */
function recordSmokeTest(result: RunResult, dir: string): void {
  const smoke = result.smokeTest
  if (smoke.request) {
    writeRecord(dir, 'smoke-test-request.json', json(smoke.request))
    let body: unknown = smoke.responseBody
    try {
      body = JSON.parse(smoke.responseBody ?? '')
    } catch {
      // kept as text
    }
    result.smokeTestOutput = writeRecord(
      dir,
      'smoke-test-response.json',
      json({ status: smoke.responseStatus, body: outside(body) })
    )
  }
  if (smoke.resultFile) result.smokeTestOutput = smoke.resultFile
}

/** result.json: everything the run decided, for a later gate step to read. */
export function writeResultFile(result: RunResult): string {
  const path = join(result.recordsDir as string, 'result.json')
  // Its own path is one of the outputs it lists.
  result.resultFile = path
  const { spec, ...rest } = result
  writeFileSync(
    path,
    json({
      outputs: outputsOf(result),
      error: outside(rest.error),
      smokeTest: outside({ ...rest.smokeTest, responseBody: undefined }),
      contract: rest.contract,
      artifact: rest.artifact,
      recordsDir: rest.recordsDir,
      publishWarnings: outside(rest.publishWarnings),
      startedAt: rest.startedAt,
      finishedAt: rest.finishedAt,
      script: spec && { name: spec.script.name, group: spec.group, operation: knownScript(result).operation }
    })
  )
  return path
}

export function recordFiles(dir: string): string[] {
  return readdirSync(dir).map((name) => join(dir, name))
}
