import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { DeploySpec } from '../inputs.js'
import { containsDeep } from '../deploy/smoke-test.js'
import { CancelledError } from '../errors.js'

/** What running the entrypoint on this machine, as the server would, gave. */
export interface LocalRunResult {
  outcome: 'passed' | 'failed' | 'skipped'
  reason?: string
  /** Sync: the value returned, as JSON text. */
  response?: string
  /** Async: the file the entrypoint wrote. */
  outputFile?: string
  /** The Python traceback when the entrypoint raised. */
  traceback?: string
  elapsedMs: number
}

// Loads the source from a folder laid out as the server lays it out, calls the
// entrypoint as the server calls it, and writes {ok, value|path|error} to a file
// (the entrypoint may print whatever it likes on stdout).
const HARNESS = String.raw`
import importlib.util, json, os, sys, traceback, types
folder, source_name, entrypoint, operation, argument, out_path = sys.argv[1:7]
sys.path.insert(0, folder)
os.chdir(folder)
def finish(**result):
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    sys.exit(0)
try:
    path = os.path.join(folder, source_name)
    if source_name.endswith(".ipynb"):
        with open(path, encoding="utf-8") as handle:
            cells = json.load(handle).get("cells", [])
        code = []
        for cell in cells:
            if cell.get("cell_type") == "code":
                text = cell.get("source", "")
                text = "".join(text) if isinstance(text, list) else text
                code.append("\n".join("" if l.lstrip().startswith(("%", "!")) else l for l in text.split("\n")))
        module = types.ModuleType("script")
        module.__file__ = path
        exec(compile("\n".join(code), path, "exec"), module.__dict__)
    else:
        spec = importlib.util.spec_from_file_location("script", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    fn = getattr(module, entrypoint)
    if operation == "Sync":
        value = fn(argument, folder)
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                finish(ok=False, error="the entrypoint returned a string that is not JSON: %r" % value[:200])
        try:
            finish(ok=True, value=json.dumps(value))
        except (TypeError, ValueError) as e:
            finish(ok=False, error="the entrypoint returned a value that is not JSON-serialisable: %s" % e)
    else:
        os.environ["inputFileName"] = os.path.basename(argument)
        written = fn(os.path.dirname(argument), folder)
        finish(ok=True, path=str(written) if written is not None else None)
except SystemExit:
    raise
except BaseException:
    finish(ok=False, error=traceback.format_exc())
`

/**
 * Runs the entrypoint on the sample on this machine, the way the server would
 * (Sync: fn(json_string, folder); Async: fn(data_path, extra_path) with
 * inputFileName set). The .env file is not loaded: a pull request from a fork has
 * no secrets, and the check must not need them.
 */
export async function runLocally(spec: DeploySpec, options: { python?: string; timeoutMs: number; workDir?: string; signal?: AbortSignal }): Promise<LocalRunResult> {
  const started = Date.now()
  const { script, smokeTest } = spec
  const folder = mkdtempSync(join(options.workDir ?? tmpdir(), 'neomaril-local-'))
  const scriptDir = join(folder, 'script')
  mkdirSync(scriptDir)
  for (const file of script.files) {
    if (file.part === 'env') continue
    if (file.localPath) copyFileSync(file.localPath, join(scriptDir, file.uploadName))
  }
  let argument: string
  if (script.operation === 'Sync') {
    if (smokeTest.syncInput === undefined) return { outcome: 'skipped', reason: 'no JSON sample to run on', elapsedMs: 0 }
    argument = JSON.stringify(smokeTest.syncInput)
  } else {
    if (!smokeTest.dataset?.localPath) return { outcome: 'skipped', reason: 'no sample file to run on', elapsedMs: 0 }
    const dataDir = join(folder, 'data')
    mkdirSync(dataDir)
    argument = join(dataDir, smokeTest.dataset.uploadName)
    copyFileSync(smokeTest.dataset.localPath, argument)
  }
  const source = script.files.find(f => f.part === 'source') as NonNullable<DeploySpec['script']['files'][number]>
  const outPath = join(folder, 'result.json')
  const run = await runPython(options.python ?? 'python3', ['-c', HARNESS, scriptDir, source.uploadName, script.entrypoint, script.operation, argument, outPath], options.timeoutMs, options.signal)
  const elapsedMs = Date.now() - started
  if (run.cancelled) throw new CancelledError(String(options.signal?.reason ?? 'cancellation'), 'while the entrypoint ran locally')
  if (run.missingPython) return { outcome: 'skipped', reason: 'python3 is not on this runner', elapsedMs }
  if (run.timedOut) return { outcome: 'failed', reason: `the entrypoint did not return within ${Math.round(options.timeoutMs / 1000)}s (smoke-test-timeout)`, elapsedMs }
  let verdict: { ok: boolean; value?: string; path?: string | null; error?: string }
  try {
    verdict = JSON.parse(readFileSync(outPath, 'utf8'))
  } catch {
    return { outcome: 'failed', reason: `python3 ended (exit ${run.code}) without a result: ${run.stderr.trim().split('\n').pop() ?? ''}`, elapsedMs }
  }
  if (!verdict.ok) {
    const error = verdict.error ?? 'unknown error'
    const last = error.trim().split('\n').pop() as string
    return { outcome: 'failed', reason: `the entrypoint raised ${last}${missingRequirementHint(last, spec)}`, traceback: error, elapsedMs }
  }
  if (script.operation === 'Sync') {
    const response = verdict.value as string
    if (smokeTest.expect !== undefined && !containsDeep(JSON.parse(response), smokeTest.expect)) {
      return { outcome: 'failed', reason: 'the answer does not contain smoke-test-expect', response, elapsedMs }
    }
    return { outcome: 'passed', response, elapsedMs }
  }
  const written = verdict.path ? (verdict.path.startsWith('/') ? verdict.path : join(scriptDir, verdict.path)) : undefined
  let size = -1
  try {
    size = written ? statSync(written).size : -1
  } catch {
    // reported below
  }
  if (!written || size < 0) return { outcome: 'failed', reason: `the entrypoint returned ${JSON.stringify(verdict.path)}, which is not a file it wrote`, elapsedMs }
  if (size === 0) return { outcome: 'failed', reason: `the entrypoint wrote an empty file (${basename(written)})`, outputFile: written, elapsedMs }
  return { outcome: 'passed', outputFile: written, elapsedMs }
}

/** A ModuleNotFoundError for a listed requirement is the runner's, not the script's. */
function missingRequirementHint(error: string, spec: DeploySpec): string {
  const module = /ModuleNotFoundError: No module named '([^'.]+)/.exec(error)?.[1]
  if (!module) return ''
  const requirements = spec.script.files.find(f => f.part === 'requirements')?.localPath
  const listed = requirements ? readFileSync(requirements, 'utf8').toLowerCase().includes(module.toLowerCase()) : false
  return listed
    ? ` — '${module}' is in the requirements, so install them on the runner before validating (actions/setup-python, then pip install -r requirements.txt)`
    : ` — '${module}' is not in the requirements file either: the server's build would fail the same way`
}

function runPython(python: string, args: string[], timeoutMs: number, signal?: AbortSignal): Promise<{ code: number | null; stderr: string; timedOut: boolean; missingPython: boolean; cancelled?: boolean }> {
  return new Promise(resolve => {
    const child = spawn(python, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    let timedOut = false
    // The runner's cancel must not wait for the user's code to finish.
    const onAbort = () => child.kill('SIGKILL')
    signal?.addEventListener('abort', onAbort, { once: true })
    child.stderr.on('data', chunk => (stderr = (stderr + chunk).slice(-20_000)))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      resolve({ code: null, stderr: String(error), timedOut: false, missingPython: (error as NodeJS.ErrnoException).code === 'ENOENT' })
    })
    child.on('close', code => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      resolve({ code, stderr, timedOut, missingPython: false, cancelled: signal?.aborted })
    })
  })
}
