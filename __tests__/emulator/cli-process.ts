/** Running a compiled server command line (the emulator's, the GitHub stand-in's) as a child process. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { repoRoot } from './helpers.js'

export interface RunningCli {
  child: ChildProcessWithoutNullStreams
  /** What `ready` found in the banner. */
  url: string
  /** Everything printed so far, stdout and stderr. */
  output: () => string
}

/** Starts `node <script> ...args` and resolves once `ready` finds the URL in what it printed. */
export function startCli(
  script: string,
  args: string[],
  ready: (output: string) => string | undefined,
  timeoutMs = 10000
): Promise<RunningCli> {
  const child = spawn(process.execPath, [script, ...args], { cwd: repoRoot })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${output}`)), timeoutMs)
    child.stdout.on('data', () => {
      const url = ready(output)
      if (url) {
        clearTimeout(timer)
        resolve({ child, url, output: () => output })
      }
    })
    child.on('exit', () => reject(new Error(`CLI exited: ${output}`)))
  })
}

export const exitCode = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.on('exit', (code) => resolve(code)))
