/** The bench's figures against the targets: a console report and BENCHMARKS.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../../build/helpers/action-runner.js'
import { busy, loadAverage } from './machine.mjs'
import { mark, markdownTable, mb, ms, range, sec, stats, table, triple } from './format.mjs'

export const REPORT = join(REPO_ROOT, 'BENCHMARKS.md')
export const TARGETS = { overheadMs: 1500, per2s: 1, startupMs: 300, publishingMs: 300, peakRssBytes: 150e6 }

const figures = (runs, key) =>
  stats(
    runs
      .filter((r) => r.ok)
      .map((r) => r[key])
      .filter(Number.isFinite)
  )

export function summarise({ builds, executions, startup, publishing, memory }) {
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
      what: 'Status requests per 2 s of a build wait (the most of any run)',
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
  return { perBuild, execution, targets, startup, publishing, memory }
}

const BUILD_HEADER = [
  'build',
  'deploy',
  'ok',
  'overhead median (min – max)',
  'overhead past start-up, median',
  'seen after the end, median (min – max)',
  'status requests',
  'requests per 2 s',
  "official client's lag",
  'its requests',
  'official v2 wait lag'
]
const deployKind = (b) => (b.kind === 'first' ? 'first (no hint)' : `again (hint in ${b.hinted}/${b.runs})`)
const buildRows = (s) =>
  s.perBuild.map((b) => [
    `${b.seconds} s`,
    deployKind(b),
    `${b.runs - b.failed}/${b.runs}`,
    triple(b.overhead),
    ms(b.pastStartup.median),
    triple(b.lag),
    range(b.statusChecks),
    b.per2s.n ? b.per2s.max.toFixed(2) : '—',
    ms(b.officialLag.median),
    range(b.officialChecks),
    ms(b.officialV2Lag.median)
  ])
const PHASE_HEADER = [
  'build',
  'deploy',
  'spawn → 1st request',
  '1st request → host',
  'Deployed seen → exit',
  'emulator build check past the build time'
]
const phaseRows = (s) =>
  s.perBuild.map((b) => [
    `${b.seconds} s`,
    deployKind(b),
    ms(b.startup.median),
    ms(b.beforeHost.median),
    ms(b.afterSeen.median),
    ms(b.buildExtension.median)
  ])
const EXECUTION_HEADER = [
  'runs ok',
  'execution ran',
  'wait overhead median (min – max)',
  'status requests',
  "official v2 client's lag (30 s checks)"
]
const executionRows = (s) => [
  [
    `${s.execution.runs - s.execution.failed}/${s.execution.runs}`,
    triple(s.execution.executionMs),
    triple(s.execution.overhead),
    range(s.execution.statusChecks),
    ms(s.execution.officialLag.median)
  ]
]
const STARTUP_HEADER = ['run', 'spawn → first request, median (min – max)']
const startupRows = (s) => [
  ['action, python3 on PATH', triple(stats(s.startup.withPython))],
  ['action, python3 hidden (entrypoint check falls back to text)', triple(stats(s.startup.withoutPython))],
  ['bare `node -e 0`, spawn → exit (the floor)', triple(stats(s.startup.bareNode))],
  ...s.startup.others.map((o) => [`for comparison: action on Node ${o.version}`, triple(stats(o.withPython))])
]
const PUBLISHING_HEADER = ['run', 'Deployed seen → exit, median (min – max)']
const publishingRows = (s) => [
  ['no artifact (upload-artifact: false)', triple(stats(s.publishing.withoutArtifact))],
  ['artifact uploaded to the fake results service', triple(stats(s.publishing.withArtifact))]
]
const MEMORY_HEADER = ['measure', 'value']
const memoryRows = (s) =>
  s.memory
    ? [
        [
          `peak RSS, ${s.memory.method}`,
          s.memory.ok
            ? mb(s.memory.peak)
            : `upload failed (exit ${s.memory.code}, ${s.memory.uploadedBytes} of ${s.memory.size} bytes)`
        ],
        ['the same deploy without the big file', s.memory.baseline ? mb(s.memory.baseline) : '—'],
        ['whole deploy with the big file, wall', sec(s.memory.wall)],
        ...s.memory.others.map((o) => [
          `for comparison: peak RSS on Node ${o.version}`,
          o.ok ? mb(o.peak) : 'upload failed'
        ])
      ]
    : []
const TARGET_HEADER = ['measure', 'target', 'measured', '']
const targetRows = (s) => s.targets.map((t) => [t.what, t.target, t.value, t.ok === undefined ? '' : mark(t.ok)])
const missedOf = (s) => s.targets.filter((t) => t.ok === false).map((t) => `${t.what}: ${t.value} (target ${t.target})`)

/** The console report's sections: a title and its tables (header, rows). */
const consoleSections = (s) => [
  [
    '1. Builds',
    [
      [BUILD_HEADER, buildRows(s)],
      [PHASE_HEADER, phaseRows(s)]
    ]
  ],
  ['2. Async smoke-test execution wait', [[EXECUTION_HEADER, executionRows(s)]]],
  ['3. Start-up', [[STARTUP_HEADER, startupRows(s)]]],
  ['4. Publishing', [[PUBLISHING_HEADER, publishingRows(s)]]],
  ['5. Memory', s.memory ? [[MEMORY_HEADER, memoryRows(s)]] : []]
]

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
- **Requests per 2 s**: status requests over the wait (host → the check that saw
  \`Deployed\`) per 2 s, for the run with the most; the budget is 1.
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
