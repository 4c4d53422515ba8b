/**
 * The TypeScript side of python/harness/, the one place that loads and calls an
 * entrypoint the way the server does. Validate mode (src/local-checks) and the emulator
 * (emulator/python.ts) both go through these functions, so they give the same verdicts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { envFileVariables } from '../shared/dotenv.js'
import type { EntrypointContract } from './contract.js'
import { formOf, isParquet, parquetToColumnsJson, writeFrameParquet, type DatasetForm, type Frame } from './frames.js'
import { runFolder, runHarness, type HarnessProcess } from './process.js'

export { contractOf, type EntrypointContract } from './contract.js'

export interface HarnessCall {
  python: string
  /** The folder laid out as the server lays it out: the source and the extra files. */
  folder: string
  /** The source's file name inside `folder`. */
  sourceFile: string
  entrypoint: string
  contract: EntrypointContract
  /** The server's Python ('3.10'): newer syntax fails the build as it would there. */
  pythonVersion?: string
  timeoutMs: number
  signal?: AbortSignal
  env?: Record<string, string>
  /**
   * The script's .env (the `env-file` the server was sent): its variables are in the
   * process's environment before Python starts, so before the script is imported, and
   * win over inherited ones of the same name — as the server is taken to apply it
   * (docs/platform-contract.md#the-env-file). The one place validate mode and the
   * emulator both apply it.
   */
  envFile?: string
}

/** What every run reports. */
export interface HarnessOutcome {
  ok: boolean
  /** One line: why it failed (a script problem, or the exception's last line). */
  problem?: string
  /** The user's traceback when their code raised. */
  traceback?: string
  /** What the process printed (the user's prints). */
  output: string
  timedOut: boolean
  /** Set when it could not run at all on this machine (no interpreter, no pandas). */
  skipped?: string
}

interface Verdict {
  ok: boolean
  error?: string
  traceback?: string
  skipped?: string
  value?: unknown
  output?: string
  rows?: number
  columns?: string[]
  frame?: Frame
}

async function call(
  request: Record<string, unknown>,
  c: HarnessCall
): Promise<{ outcome: HarnessOutcome; verdict?: Verdict }> {
  const run = await runHarness<Verdict>(
    {
      ...request,
      source: join(c.folder, c.sourceFile),
      entrypoint: c.entrypoint,
      contract: c.contract,
      minor: minorOf(c.pythonVersion)
    },
    { python: c.python, cwd: c.folder, timeoutMs: c.timeoutMs, signal: c.signal, env: scriptEnvironment(c) }
  )
  return { outcome: outcomeOf(run, c.python), verdict: run.verdict }
}

/** The variables the script's process gets on top of the inherited ones: the .env's, then the caller's. */
function scriptEnvironment(c: HarnessCall): Record<string, string> | undefined {
  if (!c.envFile) return c.env
  return { ...envFileVariables(readFileSync(c.envFile, 'utf8')), ...c.env }
}

function minorOf(version: string | undefined): number | undefined {
  const minor = /^3\.(\d+)$/.exec(version ?? '')?.[1]
  return minor === undefined ? undefined : Number(minor)
}

function outcomeOf(run: HarnessProcess<Verdict>, python: string): HarnessOutcome {
  const base = { output: run.output, timedOut: run.timedOut }
  if (run.spawnError) {
    const skipped =
      run.spawnError.code === 'ENOENT'
        ? `${python} is not on this machine`
        : `${python} cannot be started: ${run.spawnError.message}`
    return { ...base, ok: false, skipped, problem: skipped }
  }
  if (run.timedOut) return { ...base, ok: false }
  const verdict = run.verdict
  if (!verdict) {
    const last = run.output.split('\n').pop() ?? ''
    return {
      ...base,
      ok: false,
      problem: `Python ended (exit code ${run.exitCode}) without a verdict${last ? `: ${last}` : ''}`
    }
  }
  if (verdict.skipped) return { ...base, ok: false, skipped: verdict.skipped, problem: verdict.skipped }
  if (!verdict.ok) return { ...base, ok: false, problem: verdict.error, traceback: verdict.traceback }
  return { ...base, ok: true }
}

/** The build: imports the script and checks that the entrypoint can be called. */
export async function buildCheck(c: HarnessCall): Promise<HarnessOutcome> {
  return (await call({ mode: 'build' }, c)).outcome
}

/** Sync: fn(data, base_path) with data the text of `inputJsonFile` (the request's Input). */
export async function runSync(
  c: HarnessCall & { inputJsonFile: string }
): Promise<HarnessOutcome & { response?: unknown }> {
  const { outcome, verdict } = await call({ mode: 'sync', input: c.inputJsonFile }, c)
  return outcome.ok ? { ...outcome, response: verdict?.value } : outcome
}

export interface FrameOutcome extends HarnessOutcome {
  rows?: number
  columns?: string[]
}

/**
 * v1 Async on `dataPath/inputFileName`: the 2.1.1 form returns the file it wrote; the
 * DataFrame form's result is written as `dataPath/processed_data.parquet` (the name the
 * current server gives it).
 */
export async function runAsyncV1(
  c: HarnessCall & { dataPath: string; inputFileName: string }
): Promise<FrameOutcome & { outputFile?: string }> {
  const { outcome, verdict } = await call(
    { mode: 'async-v1', data_path: c.dataPath, input_file_name: c.inputFileName },
    c
  )
  if (!outcome.ok || !verdict) return outcome
  if (verdict.output) return { ...outcome, outputFile: verdict.output }
  const outputFile = join(c.dataPath, 'processed_data.parquet')
  await writeFrameParquet(verdict.frame as Frame, outputFile)
  return { ...outcome, outputFile, rows: verdict.rows, columns: verdict.columns }
}

/** v2 Async: fn(dfs, extra_path) on the named datasets; the DataFrame returned becomes `outputParquet`. */
export async function runDataFrames(
  c: HarnessCall & { datasets: { name: string; path: string }[]; outputParquet: string }
): Promise<FrameOutcome> {
  const scratch = runFolder()
  try {
    const datasets: { name: string; path: string; form: DatasetForm }[] = []
    for (const [index, dataset] of c.datasets.entries()) {
      if (!isParquet(dataset.path)) {
        datasets.push({ ...dataset, form: formOf(dataset.path) })
        continue
      }
      const columns = join(scratch.dir, `${index}.json`)
      await parquetToColumnsJson(dataset.path, columns)
      datasets.push({ name: dataset.name, path: columns, form: 'columns' })
    }
    const { outcome, verdict } = await call({ mode: 'dataframes', datasets }, c)
    if (!outcome.ok || !verdict) return outcome
    await writeFrameParquet(verdict.frame as Frame, c.outputParquet)
    return { ...outcome, rows: verdict.rows, columns: verdict.columns }
  } finally {
    await scratch.cleanup()
  }
}
