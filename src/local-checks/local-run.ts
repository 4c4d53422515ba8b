import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import type { DeploySpec, NamedDataset } from '../inputs/parse.js'
import { containsDeep } from '../shared/json-subset.js'
import { CancelledError } from '../shared/errors.js'
import { likelyApi } from '../shared/api-choice.js'
import {
  contractOf,
  runAsyncV1,
  runDataFrames,
  runSync,
  type EntrypointContract,
  type FrameOutcome,
  type HarnessCall
} from '../harness/index.js'
import { whoseMissingImport } from '../harness/imports.js'
import { checkAsyncResult, tableFormatOf } from '../steps/async-result.js'
import { pythonFor, type Interpreter } from '../harness/interpreter.js'

/** What running the entrypoint on this machine, as the server would, gave. */
export interface LocalRunResult {
  outcome: 'passed' | 'failed' | 'skipped'
  reason?: string
  /** Sync: the value returned, as JSON text. */
  response?: string
  /** Async: the file the entrypoint wrote, or the parquet file of the DataFrame it returned. */
  outputFile?: string
  /** A returned DataFrame's size. */
  rows?: number
  columns?: string[]
  /** Async smoke-test-expect, checked on the output: met, or what failed. */
  expectation?: { met: boolean; problems: string[] }
  /** The Python traceback when the entrypoint raised. */
  traceback?: string
  /** The interpreter that ran it (for the summary and result.json). */
  interpreter?: Interpreter
  /** Set when that interpreter is not python-version's (a warning to show). */
  interpreterWarning?: string
  elapsedMs: number
}

/**
 * The contract the local run uses. With api-version auto an Async script is run as v2,
 * as a deploy to a current server would create it; set api-version: v1 for a v1 server.
 */
export function localContract(spec: DeploySpec): EntrypointContract {
  return contractOf(spec.script.operation, likelyApi(spec.script.operation, spec.apiVersion))
}

/**
 * Runs the entrypoint on the sample on this machine, the way the server would (one
 * harness, python/harness/, decides how), with python<python-version> when it is on
 * PATH. The env-file's variables are in the script's environment, as the emulator and
 * (as far as known) the server give them: the harness applies them (src/harness/index.ts).
 * The .env is read where it is, never copied.
 */
export async function runLocally(
  spec: DeploySpec,
  options: { python?: string; timeoutMs: number; workDir?: string; signal?: AbortSignal }
): Promise<LocalRunResult> {
  const started = Date.now()
  const { script, smokeTest } = spec
  const choice = await pythonFor(script.pythonVersion, options.python)
  const base = { interpreter: choice.interpreter, interpreterWarning: choice.warning }
  const skip = (reason: string): LocalRunResult => ({
    ...base,
    outcome: 'skipped',
    reason,
    elapsedMs: Date.now() - started
  })
  if (!choice.interpreter) return skip(`${options.python ?? 'python3'} is not on this runner`)
  const contract = localContract(spec)
  const folder = mkdtempSync(join(options.workDir ?? tmpdir(), 'neomaril-local-'))
  const scriptDir = join(folder, 'script')
  mkdirSync(scriptDir)
  for (const file of script.files) {
    if (file.part === 'env') continue
    if (file.localPath) copyFileSync(file.localPath, join(scriptDir, file.uploadName))
  }
  const source = script.files.find((f) => f.part === 'source') as NonNullable<DeploySpec['script']['files'][number]>
  // sys.executable, not the command: a version manager's shim is not paid twice.
  const call: HarnessCall = {
    python: choice.interpreter.path,
    folder: scriptDir,
    sourceFile: source.uploadName,
    entrypoint: script.entrypoint,
    contract,
    pythonVersion: script.pythonVersion,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    envFile: script.files.find((f) => f.part === 'env')?.localPath
  }

  let run: FrameOutcome & { response?: unknown; outputFile?: string }
  if (contract === 'sync') {
    if (smokeTest.syncInput === undefined) return skip('no JSON sample to run on')
    const inputJsonFile = join(folder, 'input.json')
    writeFileSync(inputJsonFile, JSON.stringify(smokeTest.syncInput))
    run = await runSync({ ...call, inputJsonFile })
  } else if (contract === 'async-v1') {
    if (!smokeTest.dataset?.localPath) return skip('no sample file to run on')
    const dataDir = join(folder, 'data')
    mkdirSync(dataDir)
    copyFileSync(smokeTest.dataset.localPath, join(dataDir, smokeTest.dataset.uploadName))
    run = await runAsyncV1({ ...call, dataPath: dataDir, inputFileName: smokeTest.dataset.uploadName })
  } else {
    const datasets = datasetsToRun(spec)
    if (datasets.length === 0) return skip('no dataset to run on')
    run = await runDataFrames({ ...call, datasets, outputParquet: join(folder, 'preprocessed_data.parquet') })
    if (run.ok) run.outputFile = join(folder, 'preprocessed_data.parquet')
  }
  const elapsedMs = Date.now() - started
  const done = { ...base, elapsedMs }
  if (options.signal?.aborted)
    throw new CancelledError(String(options.signal.reason ?? 'cancellation'), 'while the entrypoint ran locally')
  if (run.skipped)
    return {
      ...done,
      outcome: 'skipped',
      reason: run.skipped.startsWith('pandas')
        ? `${run.skipped}, which the DataFrame contract needs (install pandas on the runner to run it)`
        : run.skipped
    }
  if (run.timedOut)
    return {
      ...done,
      outcome: 'failed',
      reason: `the entrypoint did not return within ${Math.round(options.timeoutMs / 1000)}s (smoke-test-timeout)`
    }
  if (!run.ok) {
    const problem = run.problem ?? 'it failed without a reason'
    const reason = run.traceback ? `the entrypoint raised ${problem}${missingImportHint(problem, spec)}` : problem
    return { ...done, outcome: 'failed', reason, traceback: run.traceback }
  }
  if (contract === 'sync') {
    const response = JSON.stringify(run.response)
    if (smokeTest.expect !== undefined && !containsDeep(run.response, smokeTest.expect)) {
      return { ...done, outcome: 'failed', reason: 'the answer does not contain smoke-test-expect', response }
    }
    return { ...done, outcome: 'passed', response }
  }
  const output = { ...done, outputFile: run.outputFile, rows: run.rows, columns: run.columns }
  const expectation = smokeTest.asyncExpect
  if (!expectation || !run.outputFile) return { ...output, outcome: 'passed' }
  // The same check as on the server's result, on the file the entrypoint wrote (or its DataFrame's parquet).
  const format = tableFormatOf(run.outputFile)
  const label = `the entrypoint's output (${basename(run.outputFile)})`
  if (!format) {
    const problem = 'it is not a table smoke-test-expect can be checked on (a .csv or .parquet file)'
    return { ...output, outcome: 'failed', reason: `${label} cannot be checked: ${problem}` }
  }
  const check = await checkAsyncResult(run.outputFile, format, expectation, label)
  return {
    ...output,
    outcome: check.reason ? 'failed' : 'passed',
    reason: check.reason,
    expectation: check.expectation
  }
}

/** v2's datasets: the smoke test's, else the schema's, else the schema file under its stem. */
function datasetsToRun(spec: DeploySpec): { name: string; path: string }[] {
  const named: readonly NamedDataset[] = spec.smokeTest.datasets ?? spec.script.datasets
  const schema = spec.script.files.find((f) => f.part === 'schema')
  const fallback = schema?.localPath
    ? [{ name: basename(schema.uploadName, extname(schema.uploadName)), file: schema }]
    : []
  return (named.length > 0 ? named : fallback)
    .filter((d) => d.file.localPath)
    .map((d) => ({ name: d.name, path: d.file.localPath as string }))
}

/** Whose fault a ModuleNotFoundError is, said only as far as it is certain. */
function missingImportHint(problem: string, spec: DeploySpec): string {
  const module = /^ModuleNotFoundError: No module named '([^'.]+)/.exec(problem)?.[1]
  if (!module) return ''
  const requirements = spec.script.files.find((f) => f.part === 'requirements')?.localPath
  const verdict = whoseMissingImport(module, requirements ? readFileSync(requirements, 'utf8') : undefined)
  switch (verdict.kind) {
    case 'listed':
      return (
        ` — '${module}' comes from ${verdict.distribution}, which is in the requirements, ` +
        'so install them on the runner before validating (actions/setup-python, then pip install -r requirements.txt)'
      )
    case 'not-listed':
      return (
        ` — '${module}' comes from ${verdict.distribution}, which is not in the requirements file: ` +
        "the server's build would fail the same way; add it there"
      )
    default:
      return (
        ` — '${module}' is not in the requirements under that name: either add the package that provides it, ` +
        'or, if a listed package does, install the requirements on the runner (pip install -r requirements.txt)'
      )
  }
}
