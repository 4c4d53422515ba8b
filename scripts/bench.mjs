#!/usr/bin/env node
/**
 * `npm run bench`: measures the bundled action (dist/index.js) against the Neomaril
 * emulator, all in one run, and records the figures in BENCHMARKS.md (issue 11):
 *
 *   1. builds of 5, 60 and 120 s: overhead (wall time minus the build), when the end was
 *      seen, status requests and their rate, beside the official client's schedule;
 *   2. the Async smoke test's execution wait;
 *   3. start-up (process start → first request);
 *   4. publishing (Deployed seen → exit), without and with an artifact;
 *   5. peak RSS of a 1 GiB upload;
 *   6. deploy records: an unchanged re-deploy with skip-unchanged beside the full deploy,
 *      and a repeat v2 build with its hint from the record.
 *
 * The measures live in scripts/bench/; `--help` lists the options. `npm run bench`
 * compiles the emulator and the shared test helpers first; dist/ must be up to date
 * (npm run build).
 */
import { existsSync, writeFileSync } from 'node:fs'
import { BUNDLE } from '../build/helpers/action-runner.js'
import { readSettings } from './bench/settings.mjs'
import { machine, nodeVersion, otherNodes } from './bench/machine.mjs'
import { removeScratch } from './bench/action-process.mjs'
import { measureBuilds } from './bench/builds.mjs'
import { measureExecutions } from './bench/execution.mjs'
import { measureStartup } from './bench/startup.mjs'
import { measurePublishing } from './bench/publishing.mjs'
import { measureMemory, sparseFile } from './bench/memory.mjs'
import { measureRecords } from './bench/records.mjs'
import { REPORT, summarise } from './bench/report.mjs'
import { printReport, writeMarkdown } from './bench/report-output.mjs'

const settings = readSettings(process.argv.slice(2))
if (settings.help) {
  console.log(settings.help)
  process.exit(0)
}
if (settings.error) {
  console.error(`bench: ${settings.error}`)
  process.exit(2)
}
if (!existsSync(BUNDLE)) {
  console.error(`bench: no ${BUNDLE}: run npm run build first.`)
  process.exit(1)
}

const progress = (message) => process.stderr.write(`[bench] ${message}\n`)
const node = settings.node
const version = nodeVersion(node)
const others = settings.otherNodes ? otherNodes(version) : []

try {
  const env = machine(version)
  const started = Date.now()
  const buildRuns = settings.buildRuns.map((r) => `${r.seconds}s×${r.count}`).join(', ')
  const report = settings.write ? `will rewrite ${REPORT}` : 'BENCHMARKS.md untouched'
  progress(`builds ${buildRuns}; action on Node ${version}; ${report}`)
  const builds = await measureBuilds({ buildRuns: settings.buildRuns, node, progress })
  const executions = await measureExecutions({ runs: settings.executionRuns, node, progress })
  const startup = await measureStartup({ runs: settings.startupRuns, node, version, progress })
  startup.others = []
  for (const other of others)
    startup.others.push({
      version: other.version,
      ...(await measureStartup({
        runs: settings.startupRuns,
        node: other.path,
        version: other.version,
        progress,
        full: false
      }))
    })
  const publishing = await measurePublishing({ runs: settings.publishingRuns, node, progress })
  let memory
  if (settings.memoryMiB > 0) {
    const size = settings.memoryMiB * 2 ** 20
    const bigPath = sparseFile(size)
    memory = await measureMemory({ node, version, bigPath, size, progress })
    memory.others = []
    for (const other of others)
      memory.others.push({
        version: other.version,
        ...(await measureMemory({ node: other.path, version: other.version, bigPath, size, progress }))
      })
  }
  const records = await measureRecords({ runs: settings.recordsRuns, node, progress })
  const summary = summarise({ builds, executions, startup, publishing, memory, records })
  printReport(summary, env)
  progress(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  if (settings.write) {
    writeMarkdown(summary, env, settings)
    progress(`wrote ${REPORT}`)
  }
  if (settings.json)
    writeFileSync(
      settings.json,
      JSON.stringify({ machine: env, builds, executions, startup, publishing, memory, records, summary }, null, 2)
    )
} finally {
  removeScratch()
}
// Leftover handles (none expected) must not keep the bench alive.
process.exit(0)
