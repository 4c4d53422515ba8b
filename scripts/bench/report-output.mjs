/** The bench report: the console version and BENCHMARKS.md (the tables are in report-tables.mjs). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { busy, loadAverage } from './machine.mjs'
import { markdownTable, table } from './format.mjs'
import { REPORT } from './report.mjs'
import {
  BUILD_HEADER,
  deployKind,
  buildRows,
  PHASE_HEADER,
  phaseRows,
  EXECUTION_HEADER,
  executionRows,
  STARTUP_HEADER,
  startupRows,
  PUBLISHING_HEADER,
  publishingRows,
  MEMORY_HEADER,
  memoryRows,
  TARGET_HEADER,
  targetRows,
  missedOf,
  consoleSections
} from './report-tables.mjs'

export function printReport(s, env) {
  const missed = missedOf(s)
  console.log(
    [
      '',
      `Neomaril deploy action benchmark — ${new Date().toISOString()}`,
      `${env.cpu}, ${env.cores} cores, ${env.memory}; ${env.os}; ${env.python}; commit ${env.commit}`,
      `Node ${env.node}; load average ${env.loadAtStart} at the start, ${loadAverage()} now`,
      busy(env)
        ? 'WARNING: other work was running on this machine (load average above half the cores); timings are inflated.'
        : '',
      table(TARGET_HEADER, targetRows(s)),
      '',
      ...consoleSections(s).flatMap(([title, tables]) => [
        title,
        ...tables.map(([header, rows]) => `${table(header, rows)}\n`)
      ]),
      missed.length ? `MISSED: ${missed.join('; ')}.` : 'All targets met.'
    ].join('\n')
  )
}

const NOTES_START = '<!-- bench:notes:start -->'
const NOTES_END = '<!-- bench:notes:end -->'

function keptNotes() {
  if (!existsSync(REPORT)) return ''
  const old = readFileSync(REPORT, 'utf8')
  const a = old.indexOf(NOTES_START)
  const b = old.indexOf(NOTES_END)
  return a >= 0 && b > a ? old.slice(a + NOTES_START.length, b).trim() : ''
}

const BUSY_NOTE =
  '**Other work was running on the machine during this run (see the load average): the timings are inflated.**\n\n'

export function writeMarkdown(s, env, settings) {
  const missed = missedOf(s)
  const perRunOverheads = s.perBuild
    .map((b) => `${b.seconds} s build, ${deployKind(b)}: ${b.perRun.join(', ')}`)
    .join('; ')
  const buildRepeats = settings.buildRuns.map((r) => `${r.count} × for ${r.seconds} s`).join(', ')
  const memorySize = s.memory ? `${(s.memory.size / 2 ** 30).toFixed(2)} GiB` : 'large'
  const md = `# Benchmarks

Figures from \`npm run bench\` (scripts/bench.mjs and scripts/bench/): the bundled action
(\`dist/index.js\`) run the way the runner runs it (\`node dist/index.js\`, \`INPUT_*\`
variables, a workspace holding a copy of the project's \`samples/\`) against the Neomaril
emulator on the same machine. Every full run rewrites this file; the notes at the end are kept.

Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on:

| | |
|---|---|
| CPU | ${env.cpu}, ${env.cores} cores |
| Memory | ${env.memory} |
| OS | ${env.os} |
| Node | ${env.node} |
| Python | ${env.python} |
| Action | commit ${env.commit}; bundle ${env.bundle} |
| Load average | ${env.loadAtStart} at the start (1, 5, 15 min), ${loadAverage()} at the end |

${busy(env) ? BUSY_NOTE : ''}## Targets

${markdownTable(TARGET_HEADER, targetRows(s))}

${missed.length ? `**MISSED:** ${missed.join('; ')}.` : 'All targets met.'}

## 1. Builds

A full Sync deploy of \`samples/sync\` (health, log in, groups, register, host, status
checks until \`Deployed\`, outputs, summary, records, exit), timed from \`spawn\` to exit,
minus the build time the emulator was set to: the nominal length plus a random 0–1 s,
so that the end falls at a random point between two checks, as real builds' ends do. Each
build length deploys a name of its own: first once with no earlier build of that name (the
wait has no hint: one check every 2 s), then again ${buildRepeats}, each repeat with the one
before as its previous build (the wait checks every second around where it should end:
[docs/poll-schedule.md](docs/poll-schedule.md)). All after one unmeasured warm-up deploy.

- **Overhead past start-up**: the overhead minus the time from \`spawn\` to the first
  request, i.e. what the wait, the calls and publishing add once the process runs.
- **Seen after the end**: the arrival of the status request that saw \`Deployed\` minus the
  moment the build ended (the later of the build time and the emulator's Python build
  check, watched every 2 ms from inside the emulator's process).
- **Requests per 2 s**: the share of the request budget the wait used at its fullest
  (check *n* no earlier than 1 s + (*n* − 2) × 2 s after hosting), for the run with the
  most; at most 1.
- **Official client**: its wait computed on the same build (not run): sleep 1 s after
  hosting, then a check every 10 s (neomaril-codex 2.1.1; \`get_preprocessing\` at HEAD);
  the v2 host wait of today's client checks every 30 s. That is only its wait: its own
  start-up, log-in and upload come on top.

${markdownTable(BUILD_HEADER, buildRows(s))}

Overhead of each run, in order (ms): ${perRunOverheads}.

Where the rest of the time goes (medians):

${markdownTable(PHASE_HEADER, phaseRows(s))}

## 2. Async smoke-test execution wait

A deploy of \`samples/async\` with \`smoke-test: true\`: from the run call to the status check
that saw the execution end, minus how long the execution ran (from the server's Run log
entries: started → ended).

${markdownTable(EXECUTION_HEADER, executionRows(s))}

## 3. Start-up

From \`spawn\` to the arrival of the action's first HTTP request at the emulator, with
\`wait: false\` (${settings.startupRuns} runs each). "python3 hidden" runs the action with a
\`PATH\` without \`python3\`. The bare-node row is the floor no Node action can go under.

${markdownTable(STARTUP_HEADER, startupRows(s))}

## 4. Publishing

From the status check that saw \`Deployed\` to the process's exit: outputs, job summary,
\`result.json\` and the records, and with an artifact its upload to the loopback fake of
GitHub's results service (\`__tests__/helpers/artifact-service.ts\`, driven by the real
\`@actions/artifact\` client). ${settings.publishingRuns} runs each, 0 s builds.

${markdownTable(PUBLISHING_HEADER, publishingRows(s))}

## 5. Memory

Peak resident memory of the action's process while it deploys with a
${memorySize} extra file (sparse: it reads back as zero bytes, streamed like any file;
the emulator checks every byte arrived). The official client builds the whole multipart
body in memory, so it needs at least the file's size.

${s.memory ? markdownTable(MEMORY_HEADER, memoryRows(s)) : 'Skipped.'}

## Reproduce

\`\`\`sh
npm ci && npm run build
npm run bench                  # everything (about 15 minutes: 120 s builds); rewrites this file
npm run bench -- --quick       # under 2 minutes; prints, writes nothing
npm run bench -- --help        # every option
\`\`\`

## Notes

${NOTES_START}
${keptNotes() || '_Reading of the figures: add notes here; `npm run bench` keeps this section._'}
${NOTES_END}
`
  writeFileSync(REPORT, md)
}
