/**
 * One `node dist/index.js` as the runner starts it, asynchronously (the emulator and
 * the fake artifact service serve from the bench's process), with what the bench
 * measures: spawn and exit times, and optionally the peak RSS.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { BUNDLE, REPO_ROOT, createRunnerFiles, parseOutputFile, runnerEnv } from '../../build/helpers/action-runner.js'
import { DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN } from '../../build/emulator/index.js'

const scratch = mkdtempSync(join(os.tmpdir(), 'neomaril-bench-'))
let runCount = 0
export const removeScratch = () => rmSync(scratch, { recursive: true, force: true })
export const scratchDir = (prefix) => mkdtempSync(join(scratch, prefix))

/** The deploy every measure makes: the project's own sample, Sync or Async (smoke-tested), to the emulator. */
export function deployInputs(emulator, sample) {
  const common = {
    url: emulator.url,
    login: DEFAULT_USER,
    password: DEFAULT_PASSWORD,
    'group-token': DEFAULT_GROUP_TOKEN,
    name: `bench ${sample}`,
    'upload-artifact': 'false'
  }
  return sample === 'async'
    ? {
        ...common,
        operation: 'Async',
        'api-version': 'v1',
        entrypoint: 'build_features',
        'source-file': 'features.py',
        'requirements-file': 'requirements.txt',
        schema: 'schema.csv',
        'smoke-test': 'true'
      }
    : {
        ...common,
        entrypoint: 'process',
        'source-file': 'score.py',
        'requirements-file': 'requirements.txt',
        schema: 'schema.json',
        'extra-files': 'limits.json'
      }
}

/** GNU time with -f/-o, for the exact peak RSS (getrusage of the finished child). */
export const GNU_TIME = (() => {
  if (!existsSync('/usr/bin/time')) return undefined
  const probe = join(scratch, 'time-probe')
  const ok = spawnSync('/usr/bin/time', ['-f', '%M', '-o', probe, 'true']).status === 0 && existsSync(probe)
  return ok ? '/usr/bin/time' : undefined
})()

function readProcStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024
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

/**
 * Options: inputs (over the sample's), sample ('sync' | 'async'), from (another folder to
 * copy as the workspace), env, node,
 * viaTime (under GNU time, for the peak RSS), sampleRss (poll /proc every 20 ms).
 */
export function runAction(emulator, options) {
  const dir = join(scratch, `run-${++runCount}`)
  const workspace = join(dir, 'workspace')
  const runnerDir = join(dir, 'runner')
  const sample = options.sample ?? 'sync'
  cpSync(options.from ?? join(REPO_ROOT, 'samples', sample), workspace, { recursive: true })
  const files = createRunnerFiles(runnerDir)
  const env = runnerEnv({
    workspace,
    runnerDir,
    files,
    inputs: { ...deployInputs(emulator, sample), ...options.inputs },
    env: options.env
  })
  const node = options.node
  const timeFile = join(runnerDir, 'time')
  const underTime = options.viaTime && GNU_TIME
  const [command, args] = underTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, node, BUNDLE]] : [node, [BUNDLE]]

  return new Promise((resolvePromise, reject) => {
    const spawnAt = Date.now()
    const child = spawn(command, args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    let exitAt
    child.on('exit', () => (exitAt = Date.now()))
    // VmHWM is the kernel's high-water mark, so the last reading before exit misses at
    // most the final 20 ms of growth.
    const rss = { peakHwm: 0, peakRss: 0 }
    const sampler =
      options.sampleRss &&
      setInterval(() => {
        for (const pid of underTime ? childrenOf(child.pid) : [child.pid]) {
          const s = readProcStatus(pid)
          if (!s) continue
          rss.peakHwm = Math.max(rss.peakHwm, s.hwm)
          rss.peakRss = Math.max(rss.peakRss, s.rss)
        }
      }, 20)
    const killer = setTimeout(() => child.kill('SIGKILL'), 15 * 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(sampler)
      clearTimeout(killer)
      const kb = underTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN
      resolvePromise({
        code,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        spawnAt,
        exitAt: exitAt ?? Date.now(),
        rss: options.sampleRss ? rss : undefined,
        timePeak: Number.isFinite(kb) ? kb * 1024 : undefined,
        records: recordsOf(runnerDir)
      })
    })
  })
}

/** The records folder the action leaves under RUNNER_TEMP without an artifact service (logs.json, result.json…). */
function recordsOf(runnerDir) {
  const folder = readdirSync(runnerDir).find((name) => name.startsWith('neomaril-deploy-'))
  return folder ? join(runnerDir, folder) : undefined
}

export const errorLines = (run) =>
  [...run.stdout.split('\n'), ...run.stderr.split('\n')]
    .filter((l) => /^::error|Error/.test(l))
    .slice(0, 5)
    .join('\n    ')
