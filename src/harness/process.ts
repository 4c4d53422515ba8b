import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HARNESS_FILES } from './embedded.js'

/** What one run of the harness (python/harness/) gave back. */
export interface HarnessProcess<T> {
  /** The verdict the harness wrote; undefined when it wrote none (killed, crashed, no python). */
  verdict?: T
  /** Everything the process printed, stdout then stderr (the user's prints land here). */
  output: string
  exitCode: number | null
  timedOut: boolean
  /** Set when the interpreter could not be started (ENOENT: it is not installed). */
  spawnError?: NodeJS.ErrnoException
}

export interface HarnessSpawn {
  python: string
  cwd: string
  timeoutMs: number
  signal?: AbortSignal
  env?: Record<string, string>
}

const OUTPUT_LIMIT = 1_000_000

let harnessPackage: string | undefined

/**
 * The harness package on disk (its folder, which Python runs through its __main__.py), once
 * per process, in a folder of its own (mkdtemp: no other user can put a file there for us
 * to run), removed at exit.
 *
 * Synchronous, like the request file below: a few small files, and Python then starts in
 * the same turn of the event loop as the call. The entrypoint check is on the way to the
 * login (nothing secret goes out before it has passed), so every millisecond before its
 * spawn is one more of the deploy's overhead.
 */
function materialise(): string {
  if (harnessPackage && existsSync(harnessPackage)) return harnessPackage
  const dir = mkdtempSync(join(tmpdir(), 'neomaril-harness-'))
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  const folder = join(dir, 'harness')
  mkdirSync(folder)
  for (const [name, text] of Object.entries(HARNESS_FILES)) writeFileSync(join(folder, name), text)
  harnessPackage = folder
  return harnessPackage
}

/** A folder for one run's request, verdict and frame files; removed by `cleanup`. */
export function runFolder(): { dir: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'neomaril-harness-run-'))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * Runs the harness on one request. Its own process group, so a timeout or the signal
 * kills whatever the user's code started too.
 */
export async function runHarness<T>(request: Record<string, unknown>, how: HarnessSpawn): Promise<HarnessProcess<T>> {
  const harness = materialise()
  const { dir, cleanup } = runFolder()
  const resultPath = join(dir, 'result.json')
  const requestPath = join(dir, 'request.json')
  try {
    writeFileSync(requestPath, JSON.stringify({ ...request, result: resultPath, frame: join(dir, 'frame.json') }))
    const run = await spawnPython(how, [harness, requestPath])
    let verdict: T | undefined
    if (!run.timedOut && !run.spawnError) {
      try {
        verdict = JSON.parse(await readFile(resultPath, 'utf8')) as T
        const framePath = join(dir, 'frame.json')
        if (existsSync(framePath))
          (verdict as { frame?: unknown }).frame = JSON.parse(await readFile(framePath, 'utf8'))
      } catch {
        verdict = undefined
      }
    }
    return { ...run, verdict }
  } finally {
    await cleanup()
  }
}

function spawnPython(how: HarnessSpawn, args: string[]): Promise<Omit<HarnessProcess<never>, 'verdict'>> {
  return new Promise((resolve) => {
    const child = spawn(how.python, args, {
      cwd: how.cwd,
      env: {
        ...process.env,
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONIOENCODING: 'utf-8',
        PYTHONUNBUFFERED: '1',
        ...how.env
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let kept = 0
    const keep = (into: Buffer[]) => (chunk: Buffer) => {
      if (kept >= OUTPUT_LIMIT) return
      into.push(chunk)
      kept += chunk.length
    }
    child.stdout.on('data', keep(stdout))
    child.stderr.on('data', keep(stderr))
    let timedOut = false
    const killGroup = () => {
      try {
        // Negative pid: the whole group, so children the user's code spawned die too.
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    const timer = setTimeout(() => {
      timedOut = true
      killGroup()
    }, how.timeoutMs)
    how.signal?.addEventListener('abort', killGroup, { once: true })
    if (how.signal?.aborted) killGroup()
    let spawnError: NodeJS.ErrnoException | undefined
    child.on('error', (error) => (spawnError = error))
    child.on('close', (code) => {
      clearTimeout(timer)
      how.signal?.removeEventListener('abort', killGroup)
      const output = (Buffer.concat(stdout).toString('utf8') + Buffer.concat(stderr).toString('utf8')).trim()
      resolve({ output, exitCode: code, timedOut, spawnError })
    })
  })
}

/** Runs `python -c code` briefly (interpreter probes); undefined when it cannot run. */
export function probePython(
  python: string,
  code: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 20_000
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(python, ['-c', code], { stdio: ['ignore', 'pipe', 'ignore'], env })
    let out = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (chunk) => (out += chunk))
    child.on('error', () => undefined)
    child.on('close', (status) => {
      clearTimeout(timer)
      resolve(status === 0 ? out.trim() : undefined)
    })
  })
}
