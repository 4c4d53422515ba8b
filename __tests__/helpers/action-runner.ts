import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BUNDLE = join(REPO_ROOT, 'dist', 'index.js')

export interface ActionRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** Parsed from GITHUB_OUTPUT, as the runner reads it. */
  readonly outputs: Record<string, string>
  readonly summary: string
  readonly workspace: string
  /** The folder holding the runner files (GITHUB_OUTPUT, RUNNER_TEMP, …). */
  readonly runnerDir: string
  readonly elapsedMs: number
}

export interface RunOptions {
  /** The workspace (working directory); default: a copy of samples/sync. */
  readonly workspace?: string
  /** Extra environment, e.g. NEOMARIL_* fallbacks, proxies, artifact service. */
  readonly env?: Record<string, string>
  /** The node executable; default ACTION_NODE (set by the Node 24 jest project), else the one running the tests. */
  readonly node?: string
  /** Called once the process started, e.g. to send it a signal. */
  readonly onStart?: (child: ChildProcess) => void
  /** Kill the process after this long (a test safety net, not an assertion). */
  readonly killAfterMs?: number
}

/** A fresh workspace holding a copy of one of the project's sample folders. */
export function sampleWorkspace(sample: 'sync' | 'async'): string {
  const workspace = mkdtempSync(join(tmpdir(), `ws-${sample}-`))
  cpSync(join(REPO_ROOT, 'samples', sample), workspace, { recursive: true })
  return workspace
}

/**
 * Runs the bundled action the way the runner does: `node dist/index.js` with
 * `INPUT_<NAME>` variables (upper-cased, hyphens kept), pre-created
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files and the workspace as the
 * working directory. Asynchronous, so an emulator in the test process keeps serving.
 */
export function runAction(inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const workspace = options.workspace ?? sampleWorkspace('sync')
  const runnerDir = mkdtempSync(join(tmpdir(), 'runner-'))
  const files = createRunnerFiles(runnerDir)
  const env = runnerEnv({ workspace, runnerDir, files, inputs, env: options.env })

  const started = Date.now()
  return new Promise((resolvePromise, reject) => {
    const child = spawn(options.node ?? process.env.ACTION_NODE ?? process.execPath, [BUNDLE], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const killer = options.killAfterMs ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs) : undefined
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(killer)
      resolvePromise({
        code,
        signal,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
        workspace,
        runnerDir,
        elapsedMs: Date.now() - started
      })
    })
    options.onStart?.(child)
  })
}

export type RunnerFiles = Record<
  'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_STATE' | 'GITHUB_ENV' | 'GITHUB_PATH',
  string
>

/**
 * The files a runner creates before a step runs, empty, in `dir` (made if missing).
 * Answers name → path, ready to spread into the step's environment.
 */
export function createRunnerFiles(dir: string): RunnerFiles {
  mkdirSync(dir, { recursive: true })
  const files: RunnerFiles = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  return files
}

/**
 * A step's environment as the runner builds it: the GitHub context variables, the
 * runner files, `INPUT_<NAME>` for every input (upper-cased, spaces as _, hyphens kept),
 * with `env` (proxies, NEOMARIL_* fallbacks, an artifact service…) over the context.
 */
export function runnerEnv(step: {
  workspace: string
  runnerDir: string
  files: RunnerFiles
  inputs: Record<string, string>
  env?: Record<string, string>
}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? step.runnerDir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: step.workspace,
    RUNNER_TEMP: step.runnerDir,
    GITHUB_REPOSITORY: 'acme/credit-scripts',
    GITHUB_SHA: 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_SERVER_URL: 'https://github.com',
    NO_PROXY: '127.0.0.1,localhost',
    ...step.files,
    ...step.env
  }
  for (const [name, value] of Object.entries(step.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  return env
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks; the last value of a name wins, as on the runner. */
export function parseOutputFile(content: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = content.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      outputs[name] = value.join('\n')
      continue
    }
    const simple = /^([^=]+)=(.*)$/.exec(line)
    if (simple) outputs[simple[1] ?? ''] = simple[2] ?? ''
  }
  return outputs
}

/** One output of a run, failing the test with the outputs there were when the action did not set it. */
export function outputOf(run: Pick<ActionRun, 'outputs'>, name: string): string {
  const value = run.outputs[name]
  if (value === undefined)
    throw new Error(`the action set no output '${name}' (outputs: ${JSON.stringify(run.outputs)})`)
  return value
}

/** The `::error::` lines of a run, unescaped, for asserting the step's failure message. */
export function errorsOf(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) =>
      line
        .replace(/^::error[^:]*::/, '')
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%')
    )
}

/**
 * An onStart hook that sends `signal` once the action's stdout contains `marker`
 * (e.g. a log group's name), and remembers when it did.
 */
export function signalWhenOutput(
  marker: string,
  signal: NodeJS.Signals,
  delayMs = 300
): { onStart: (child: ChildProcess) => void; sentAt: () => number } {
  let sentAt = 0
  return {
    onStart: (child) => {
      let seen = ''
      child.stdout?.on('data', (chunk) => {
        if (sentAt !== 0) return
        seen += chunk
        if (!seen.includes(marker)) return
        sentAt = -1
        setTimeout(() => {
          sentAt = Date.now()
          child.kill(signal)
        }, delayMs)
      })
    },
    sentAt: () => sentAt
  }
}
