/** Runs the helper scripts in emulator/python with the user's Python. */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The .py helpers are not compiled: they stay in emulator/python while the JS may run
 * from build/emulator (CLI) or from emulator/ (ts-jest). Walk up to the package root.
 */
function findHelperDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = path.join(dir, 'emulator', 'python')
    if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('Cannot find emulator/python above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
}

const HELPER_DIR = findHelperDir()

export interface PythonResult<T> {
  /** What the helper wrote to its result file; undefined if it wrote none (crash, kill). */
  result?: T
  /** Everything the process printed, stdout then stderr (the user's prints land here). */
  output: string
  exitCode: number | null
  timedOut: boolean
}

export interface RunOptions {
  cwd: string
  env?: Record<string, string>
  /** Text written to the helper's stdin (the sync run's input). */
  stdin?: string
  timeoutMs: number
}

export interface PythonRunner {
  run<T>(helper: string, args: string[], opts: RunOptions): Promise<PythonResult<T>>
  /** Kills every helper still running (on close). */
  killAll(): void
}

export function pythonRunner(python: string): PythonRunner {
  const running = new Set<number>()
  const killGroup = (pid: number): void => {
    try {
      // Negative pid: the whole process group, so children the user's code spawned die too.
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  return {
    async run<T>(helper: string, args: string[], opts: RunOptions): Promise<PythonResult<T>> {
      const tempDir = await mkdtemp(path.join(os.tmpdir(), 'neomaril-emu-py-'))
      const resultPath = path.join(tempDir, 'result.json')
      try {
        const child = spawn(python, [path.join(HELPER_DIR, helper), ...args, resultPath], {
          cwd: opts.cwd,
          env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', PYTHONUNBUFFERED: '1', ...opts.env },
          stdio: ['pipe', 'pipe', 'pipe'],
          detached: true
        })
        // A helper that dies early closes stdin; ignore the resulting EPIPE.
        child.stdin.on('error', () => undefined)
        child.stdin.end(opts.stdin ?? '')
        const stdout: Buffer[] = []
        const stderr: Buffer[] = []
        child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
        let timedOut = false
        const timer = setTimeout(() => {
          timedOut = true
          if (child.pid) killGroup(child.pid)
        }, opts.timeoutMs)
        if (child.pid) running.add(child.pid)
        const exitCode = await new Promise<number | null>((resolve) => {
          child.on('error', (error) => {
            stderr.push(Buffer.from(`Cannot run ${python}: ${error.message}`))
            resolve(null)
          })
          child.on('close', (code) => resolve(code))
        })
        clearTimeout(timer)
        if (child.pid) running.delete(child.pid)
        const output = (Buffer.concat(stdout).toString('utf8') + Buffer.concat(stderr).toString('utf8')).trim()
        let result: T | undefined
        if (!timedOut) {
          try {
            result = JSON.parse(await readFile(resultPath, 'utf8')) as T
          } catch {
            result = undefined
          }
        }
        return { result, output, exitCode, timedOut }
      } finally {
        await rm(tempDir, { recursive: true, force: true })
      }
    },
    killAll() {
      for (const pid of running) killGroup(pid)
      running.clear()
    }
  }
}
