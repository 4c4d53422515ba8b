/** The bench's figures against the targets (printed and written by report-output.mjs). */
import { join } from 'node:path'
import { REPO_ROOT } from '../../build/helpers/action-runner.js'
import { mb, ms, sec, stats } from './format.mjs'

export const REPORT = join(REPO_ROOT, 'BENCHMARKS.md')
export const TARGETS = {
  overheadMs: 1500,
  per2s: 1,
  startupMs: 300,
  publishingMs: 300,
  peakRssBytes: 150e6,
  unchangedMs: 2000,
  hintedLagMs: 1000
}

const figures = (runs, key) =>
  stats(
    runs
      .filter((r) => r.ok)
      .map((r) => r[key])
      .filter(Number.isFinite)
  )

export function summarise({ builds, executions, startup, publishing, memory, records }) {
  const perBuild = builds
    .flatMap(({ seconds, runs, first }) => [
      { seconds, runs, kind: 'repeat' },
      ...(first ? [{ seconds, runs: [first], kind: 'first' }] : [])
    ])
    .map(({ seconds, runs, kind }) => ({
      seconds,
      kind,
      hinted: runs.filter((r) => r.ok && r.hinted).length,
      runs: runs.length,
      failed: runs.filter((r) => !r.ok).length,
      perRun: runs.map((r) => (r.ok ? Math.round(r.overhead) : 'failed')),
      ...Object.fromEntries(
        [
          'overhead',
          'pastStartup',
          'lag',
          'statusChecks',
          'per2s',
          'startup',
          'beforeHost',
          'afterSeen',
          'buildExtension'
        ].map((key) => [key, figures(runs, key)])
      ),
      officialLag: stats(runs.filter((r) => r.ok).map((r) => r.official.lagMs)),
      officialChecks: stats(runs.filter((r) => r.ok).map((r) => r.official.checks)),
      officialV2Lag: stats(runs.filter((r) => r.ok).map((r) => r.officialV2.lagMs))
    }))
  const execution = {
    runs: executions.length,
    failed: executions.filter((r) => !r.ok).length,
    ...Object.fromEntries(['overhead', 'executionMs', 'statusChecks'].map((key) => [key, figures(executions, key)])),
    officialLag: stats(executions.filter((r) => r.ok).map((r) => r.official.lagMs))
  }
  const allRuns = builds.flatMap((b) => [...b.runs, ...(b.first ? [b.first] : [])])
  const per2sMax = Math.max(...allRuns.filter((r) => r.ok).map((r) => r.per2s))
  const firsts = builds.map((b) => b.first).filter(Boolean)
  const firstOverhead = figures(firsts, 'overhead')
  const targets = [
    ...perBuild
      .filter((b) => b.kind === 'repeat')
      .map((b) => ({
        what: `Overhead, ${b.seconds} s build, deployed again (median of ${b.runs})`,
        target: '≤ 1.5 s',
        value: sec(b.overhead.median),
        ok: b.failed === 0 && b.overhead.median <= TARGETS.overheadMs
      })),
    ...(firsts.length
      ? [
          {
            what:
              'Overhead, first deploy of a name: no earlier build to go by ' +
              `(median of the ${firsts.length} lengths)`,
            target: '≤ 1.5 s',
            value: sec(firstOverhead.median),
            ok: firsts.every((r) => r.ok) && firstOverhead.median <= TARGETS.overheadMs
          }
        ]
      : []),
    {
      what: `Overhead, Async smoke-test execution wait (median of ${execution.runs})`,
      target: '≤ 1.5 s',
      value: sec(execution.overhead.median),
      ok: execution.failed === 0 && execution.overhead.median <= TARGETS.overheadMs
    },
    {
      what: 'Status requests against the budget, one per 2 s from the first check plus one (the most of any run)',
      target: '≤ 1',
      value: per2sMax.toFixed(2),
      ok: per2sMax <= TARGETS.per2s
    },
    {
      what: 'Start-up: process start → first request (median)',
      target: '≤ 300 ms',
      value: ms(stats(startup.withPython).median),
      ok: stats(startup.withPython).median <= TARGETS.startupMs
    },
    {
      what: 'Publishing: Deployed seen → exit, no artifact (median)',
      target: '< 300 ms',
      value: ms(stats(publishing.withoutArtifact).median),
      ok: publishing.failed === 0 && stats(publishing.withoutArtifact).median < TARGETS.publishingMs
    },
    {
      what: 'Publishing with an artifact to the fake results service (median)',
      target: 'reported',
      value: ms(stats(publishing.withArtifact).median),
      ok: undefined
    },
    ...(memory
      ? [
          {
            what: `Peak RSS while uploading a ${(memory.size / 2 ** 30).toFixed(2)} GiB extra file`,
            target: '< 150 MB',
            value: memory.ok ? mb(memory.peak) : 'upload failed',
            ok: memory.ok && memory.peak < TARGETS.peakRssBytes
          }
        ]
      : [])
  ]
  if (records) targets.push(...recordTargets(records))
  return { perBuild, execution, targets, startup, publishing, memory, records }
}

/** The deploy records' rows: an unchanged re-deploy beside the full one, and the v2 repeat's lag. */
function recordTargets(records) {
  const unchanged = stats(records.unchanged)
  const hinted = records.v2.filter((r) => r.hinted)
  const lag = stats(hinted.map((r) => r.lag))
  return [
    {
      what: `Unchanged re-deploy with skip-unchanged: wall time (median of ${records.unchanged.length})`,
      target: '≤ 2 s',
      value: unchanged.n ? sec(unchanged.median) : 'failed',
      ok: records.failed === 0 && unchanged.n > 0 && unchanged.median <= TARGETS.unchangedMs
    },
    {
      what: 'Unchanged re-deploy: register calls (the most of any run)',
      target: '0',
      value: records.registers.length ? String(Math.max(...records.registers)) : '—',
      ok: records.registers.length > 0 && records.registers.every((n) => n === 0)
    },
    {
      what: 'The full deploy it replaces, 5 s build: wall time',
      target: 'reported',
      value: records.full === undefined ? 'failed' : sec(records.full),
      ok: undefined
    },
    {
      what: `Repeat v2 build, hint from the record: seen after its end (median of ${hinted.length})`,
      target: '≤ 1 s',
      value: lag.n ? ms(lag.median) : 'no hinted run',
      ok: lag.n > 0 && hinted.length === records.v2.length && lag.median <= TARGETS.hintedLagMs
    }
  ]
}
