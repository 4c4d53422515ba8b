/**
 * 2. The Async smoke test's execution wait: from the run call to the status check that
 * saw it end, minus how long the execution ran (its Run log entries, from the records
 * the action leaves under RUNNER_TEMP), with the status requests it took.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator } from '../../build/emulator/index.js'
import { runAction, errorLines } from './action-process.mjs'
import { isExecutionStatus, isRun, officialV2Wait } from './wire.mjs'
import { ms } from './format.mjs'

export async function measureExecutions({ runs: count, node, progress }) {
  const emulator = await startEmulator({ buildSeconds: 0 })
  const runs = []
  try {
    for (let i = 1; i <= count; i++) {
      emulator.clearRequests()
      const run = await runAction(emulator, { node, sample: 'async' })
      const r = readExecutionRun(run, [...emulator.requests])
      runs.push(r)
      progress(
        `async smoke test, run ${i}/${count}: ` +
          (r.ok
            ? `execution ${ms(r.executionMs)}, wait overhead ${ms(r.overhead)}, ${r.statusChecks} status checks`
            : `FAILED (exit ${r.code})\n    ${r.error}`)
      )
    }
  } finally {
    await emulator.close()
  }
  return runs
}

function readExecutionRun(run, requests) {
  const started = requests.find(isRun)
  const checks = requests.filter(isExecutionStatus)
  const seen = checks.at(-1)
  const span = run.records && executionSpan(join(run.records, 'logs.json'))
  const ok =
    run.code === 0 &&
    run.outputs['smoke-test'] === 'passed' &&
    started !== undefined &&
    seen !== undefined &&
    span !== undefined
  if (!ok) return { ok, code: run.code, error: errorLines(run) || 'no Run log entries in the records' }
  const waitMs = seen.at - started.at
  const executionMs = span.end - span.start
  return {
    ok,
    code: run.code,
    waitMs,
    executionMs,
    overhead: waitMs - executionMs,
    statusChecks: checks.length,
    official: officialV2Wait(executionMs)
  }
}

/** The first and last Run log entries: when the server says the execution started and ended. */
function executionSpan(logsFile) {
  try {
    const entries = JSON.parse(readFileSync(logsFile, 'utf8')).run ?? []
    const times = entries.map((entry) => Date.parse(entry.RegisteredAt)).filter(Number.isFinite)
    return times.length >= 2 ? { start: Math.min(...times), end: Math.max(...times) } : undefined
  } catch {
    return undefined
  }
}
