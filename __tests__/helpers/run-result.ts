/**
 * RunResults for the publish tests: a deploy of the valid sync script in a fresh
 * workspace (helpers/input-source.ts), with its records folder, in a given state.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import { newRunResult, type RunResult, type RunStatus } from '../../src/publish/result.js'
import type { LogEntry } from '../../src/api/wire.js'
import { VALID, source, workspace } from './input-source.js'

/** Every run status: the compiler asks for a new one here (a Record names them all);
 * the summary, the outputs' documentation and the masking policy are checked against it. */
export const RUN_STATUSES: Record<RunStatus, true> = {
  deployed: true,
  building: true,
  failed: true,
  unavailable: true,
  'timed-out': true,
  registered: true,
  validated: true,
  unchanged: true,
  'invalid-input': true,
  error: true,
  cancelled: true
}

export const HASH = 'Sabc123def456'

/** A deploy that ended Deployed with a passing sync smoke test; `inputs` change the action's inputs. */
export function deployedResult(inputs: Record<string, string> = {}): RunResult {
  const { spec } = parseInputs(source(workspace(), { ...VALID, ...inputs }))
  const result = newRunResult()
  Object.assign(result, {
    spec,
    status: 'deployed',
    hash: HASH,
    operation: spec.script.operation,
    serverVersion: '2.3.0',
    group: spec.group,
    apiVersion: 'v1',
    apiProbe: 'Sync scripts use v1',
    buildSeconds: 93.4,
    statusChecks: 12,
    recordsDir: mkdtempSync(join(tmpdir(), 'publish-records-')),
    finishedAt: new Date(result.startedAt.getTime() + 100_000),
    smokeTest: {
      outcome: 'passed',
      where: 'server',
      elapsedMs: 120,
      request: { Input: { a: 1 } },
      responseStatus: 200,
      responseBody: '{"score":0.5}'
    }
  } satisfies Partial<RunResult>)
  result.apiCalls.push('POST /api/preprocessing/register/default', 'GET /api/preprocessing/default/host')
  return result
}

/** `count` build log entries, numbered from 1. */
export function hostEntries(count: number, outputType = 'Ok'): LogEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    RegisteredAt: `2026-12-01T10:00:${String(i % 60).padStart(2, '0')}Z`,
    OutputType: outputType,
    Routine: 'Host',
    OutputData: `line ${i + 1}`
  }))
}
