/** The bench report's tables: one header and one row builder per section, shared by the console and BENCHMARKS.md. */
import { mark, mb, ms, range, sec, stats, triple } from './format.mjs'

export const BUILD_HEADER = [
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
export const deployKind = (b) => (b.kind === 'first' ? 'first (no hint)' : `again (hint in ${b.hinted}/${b.runs})`)
export const buildRows = (s) =>
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
export const PHASE_HEADER = [
  'build',
  'deploy',
  'spawn → 1st request',
  '1st request → host',
  'Deployed seen → exit',
  'emulator build check past the build time'
]
export const phaseRows = (s) =>
  s.perBuild.map((b) => [
    `${b.seconds} s`,
    deployKind(b),
    ms(b.startup.median),
    ms(b.beforeHost.median),
    ms(b.afterSeen.median),
    ms(b.buildExtension.median)
  ])
export const EXECUTION_HEADER = [
  'runs ok',
  'execution ran',
  'wait overhead median (min – max)',
  'status requests',
  "official v2 client's lag (30 s checks)"
]
export const executionRows = (s) => [
  [
    `${s.execution.runs - s.execution.failed}/${s.execution.runs}`,
    triple(s.execution.executionMs),
    triple(s.execution.overhead),
    range(s.execution.statusChecks),
    ms(s.execution.officialLag.median)
  ]
]
export const STARTUP_HEADER = ['run', 'spawn → first request, median (min – max)']
export const startupRows = (s) => [
  ['action, python3 on PATH', triple(stats(s.startup.withPython))],
  ['action, python3 hidden (entrypoint check falls back to text)', triple(stats(s.startup.withoutPython))],
  ['bare `node -e 0`, spawn → exit (the floor)', triple(stats(s.startup.bareNode))],
  ...s.startup.others.map((o) => [`for comparison: action on Node ${o.version}`, triple(stats(o.withPython))])
]
export const PUBLISHING_HEADER = ['run', 'Deployed seen → exit, median (min – max)']
export const publishingRows = (s) => [
  ['no artifact (upload-artifact: false)', triple(stats(s.publishing.withoutArtifact))],
  ['artifact uploaded to the fake results service', triple(stats(s.publishing.withArtifact))]
]
export const MEMORY_HEADER = ['measure', 'value']
export const memoryRows = (s) =>
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
export const TARGET_HEADER = ['measure', 'target', 'measured', '']
export const targetRows = (s) => s.targets.map((t) => [t.what, t.target, t.value, t.ok === undefined ? '' : mark(t.ok)])
export const missedOf = (s) =>
  s.targets.filter((t) => t.ok === false).map((t) => `${t.what}: ${t.value} (target ${t.target})`)

/** The console report's sections: a title and its tables (header, rows). */
export const consoleSections = (s) => [
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
