/**
 * validate ≡ emulator: the same scripts through validate mode's local run (runLocally)
 * and through the emulator's build + run (over HTTP) give the same verdict, and for a
 * failure the same reason. The pre-check (checkEntrypoint) fails only where both fail.
 */
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import type { UploadFile } from '../../src/shared/files.js'
import type { DeploySpec, PythonVersion } from '../../src/inputs/parse.js'
import { checkEntrypoint } from '../../src/local-checks/entrypoint.js'
import { localContract, runLocally } from '../../src/local-checks/local-run.js'
import { bearer, build, getJson, GROUP, GROUP_TOKEN, register, userToken, waitFor } from '../emulator/helpers.js'
import { scriptFolder } from './helpers.js'

interface Case {
  source: string | Buffer
  sourceName?: string
  entrypoint?: string
  operation?: 'Sync' | 'Async'
  pythonVersion?: PythonVersion
  /** undefined: both pass; else the reason both give. */
  fails?: string
  /** The pre-check's verdict: ok, ok with a note, or a failure. */
  check: 'ok' | 'note' | 'fail'
}

const notebook = JSON.stringify({
  cells: [
    { cell_type: 'markdown', source: ['# not code'] },
    { cell_type: 'code', source: ['%pip install nothing\n', '!ls\n', 'import json\n'] },
    { cell_type: 'code', source: 'def process(data, base_path):\n    return {"keys": sorted(json.loads(data))}' }
  ]
})
const writesFile = (
  signature: string,
  body = 'out = os.path.join(data_path, "out.csv")\n    open(out, "w").write("n\\n1\\n")\n    return out'
) => `import os\ndef build_df${signature}:\n    ${body}\n`

const CASES: Record<string, Case> = {
  'a def under if at module level': {
    source:
      'import sys\nif sys.version_info >= (3,):\n    def process(data, base_path):\n        return {"ok": True}\n',
    check: 'ok'
  },
  'a def under try/except': {
    source:
      'try:\n    import ujson_not_here as json\nexcept ImportError:\n    import json\n' +
      '    def process(data, base_path):\n        return json.loads(data)\n',
    check: 'ok'
  },
  'a non-UTF-8 source with a coding cookie': {
    source: Buffer.from(
      '# -*- coding: latin-1 -*-\ndef process(data, base_path):\n    return {"word": "café"}\n',
      'latin1'
    ),
    check: 'ok'
  },
  'a notebook (% and ! lines dropped)': { source: notebook, sourceName: 'notebook.ipynb', check: 'ok' },
  'a wrong arity': {
    source: 'def process(data):\n    return {}\n',
    check: 'fail',
    fails:
      "script.py defines 'process(data)', which cannot be called as fn(data, " +
      'base_path), the way the server calls a Sync entrypoint'
  },
  'too many required parameters': {
    source: 'def process(data, base_path, model):\n    return {}\n',
    check: 'fail',
    fails:
      "script.py defines 'process(data, base_path, model)', which cannot be called as " +
      'fn(data, base_path), the way the server calls a Sync entrypoint'
  },
  '*args': { source: 'def process(*args):\n    return {"n": len(args)}\n', check: 'ok' },
  'a required keyword-only parameter': {
    source: 'def process(data, base_path, *, mode):\n    return {}\n',
    check: 'fail',
    fails:
      "script.py defines 'process(data, base_path, *, mode)', which cannot be " +
      'called as fn(data, base_path), the way the server calls a Sync ' +
      'entrypoint (keyword-only parameter without a default: mode)'
  },
  'an optional keyword-only parameter': {
    source: 'def process(data, base_path, *, verbose=False):\n    return {"verbose": verbose}\n',
    check: 'ok'
  },
  defaults: { source: 'def process(data, base_path=None, scale=1):\n    return {"scale": scale}\n', check: 'ok' },
  'a lambda assigned to the name': {
    source: 'process = lambda data, base_path: {"chars": len(data)}\n',
    check: 'note'
  },
  'a class instance with __call__': {
    source:
      'class Scorer:\n    def __call__(self, data, base_path):\n        return {"scored": True}\nprocess = Scorer()\n',
    check: 'note'
  },
  'a class instance whose __call__ cannot fit': {
    source: 'class Scorer:\n    def __call__(self, data):\n        return {}\nprocess = Scorer()\n',
    check: 'note',
    fails:
      "script.py defines 'process(data)', which cannot be called as fn(data, " +
      'base_path), the way the server calls a Sync entrypoint'
  },
  'a name bound through globals()': {
    source: 'globals()["process"] = lambda data, base_path: {"dynamic": True}\n',
    check: 'note'
  },
  'a missing name': {
    source: 'def other(data, base_path):\n    return {}\n',
    check: 'fail',
    fails: "script.py defines no module-level 'process'; module-level functions: other"
  },
  'a name that is not callable': {
    source: 'process = {"a": 1}\n',
    check: 'note',
    fails: "script.py binds 'process' to a dict, which cannot be called"
  },
  'an async def': {
    source: 'async def process(data, base_path):\n    return {}\n',
    check: 'fail',
    fails: "script.py defines 'process' with 'async def'; the server calls it synchronously, so make it a plain 'def'"
  },
  'a syntax error for the target Python (match on 3.8)': {
    source: 'def process(data, base_path):\n    match data:\n        case _:\n            return {}\n',
    pythonVersion: '3.8',
    check: 'fail',
    fails:
      'script.py does not parse as Python 3.8: Pattern matching is only supported in Python 3.10 and greater at line 4'
  },
  'a plain syntax error': {
    source: 'def process(data, base_path)\n    return {}\n',
    check: 'fail',
    fails: "script.py does not parse as Python 3.10: expected ':' at line 1"
  },
  'returning a set (not JSON)': {
    source: 'def process(data, base_path):\n    return {1, 2}\n',
    check: 'ok',
    fails: 'the entrypoint returned a set that is not JSON-serialisable: Object of type set is not JSON serializable'
  },
  'returning a string that is not JSON': {
    source: 'def process(data, base_path):\n    return "done"\n',
    check: 'ok',
    fails: "the entrypoint returned a string that is not JSON: 'done'"
  },
  'returning NaN': {
    source: 'def process(data, base_path):\n    return {"x": float("nan")}\n',
    check: 'ok',
    fails:
      'the entrypoint returned a dict that is not JSON-serialisable: Out of range float values are not JSON compliant'
  },
  raising: {
    source: 'def process(data, base_path):\n    raise ValueError("no price")\n',
    check: 'ok',
    fails: 'ValueError: no price'
  },
  'Async: fn(data_path, extra_path=None) writing a file': {
    source: writesFile('(data_path, extra_path=None)'),
    entrypoint: 'build_df',
    operation: 'Async',
    check: 'ok'
  },
  'Async: fn(data_path) alone': {
    source: writesFile('(data_path)'),
    entrypoint: 'build_df',
    operation: 'Async',
    check: 'note'
  },
  'Async: returning None': {
    source: writesFile('(data_path, extra_path=None)', 'return None'),
    entrypoint: 'build_df',
    operation: 'Async',
    check: 'ok',
    fails: 'the entrypoint returned NoneType, not the path of the file it wrote'
  },
  'Async: no parameters': {
    source: writesFile('()'),
    entrypoint: 'build_df',
    operation: 'Async',
    check: 'fail',
    fails:
      "script.py defines 'build_df()', which cannot be called as " +
      'fn(data_path, extra_path=None) or fn(df, data_path, ' +
      'extra_path=None), the way the server calls an Async entrypoint'
  }
}

const SAMPLE = { b: 1, a: 2 }
const DATASET = 'n\n1\n2\n'
let emu: Emulator
let token: string

beforeAll(async () => {
  emu = await startEmulator({ buildSeconds: 0, runTimeoutSeconds: 30 })
  token = await userToken(emu)
})
afterAll(() => emu.close())

/** The fields runLocally reads, for a script laid out in `folder` (the rest of a DeploySpec plays no part). */
function localSpec(c: Case, folder: string): DeploySpec {
  const source: UploadFile = {
    part: 'source',
    uploadName: c.sourceName ?? 'script.py',
    localPath: join(folder, userFileName(c)),
    size: 1
  }
  const dataset: UploadFile = {
    part: 'dataset',
    uploadName: 'input.csv',
    localPath: join(folder, 'input.csv'),
    size: DATASET.length
  }
  const spec = {
    apiVersion: 'v1',
    script: {
      files: [source],
      operation: c.operation ?? 'Sync',
      entrypoint: c.entrypoint ?? 'process',
      pythonVersion: c.pythonVersion ?? '3.10',
      datasets: []
    },
    smokeTest: c.operation === 'Async' ? { dataset } : { syncInput: SAMPLE }
  }
  return spec as unknown as DeploySpec
}

/** The user's own name for the source (the upload renames it script.py). */
const userFileName = (c: Case): string => (c.sourceName?.endsWith('.ipynb') ? 'analysis.ipynb' : 'score.py')

type Verdict = { passed: true } | { passed: false; reason: string }

async function throughValidate(c: Case, folder: string): Promise<Verdict> {
  const local = await runLocally(localSpec(c, folder), { timeoutMs: 30_000 })
  if (local.outcome === 'passed') return { passed: true }
  expect(local.outcome).toBe('failed')
  // The local run words an exception as "the entrypoint raised <last line> — <hint>".
  return { passed: false, reason: (local.reason ?? '').replace(/^the entrypoint raised /, '').split(' — ')[0] ?? '' }
}

async function throughEmulator(c: Case): Promise<Verdict> {
  const operation = c.operation ?? 'Sync'
  const hash = await register(emu, token, {
    // registerForm hands the source to a Blob, which takes bytes as they are.
    source: c.source as string,
    sourceName: c.sourceName,
    ref: c.entrypoint ?? 'process',
    operation,
    pythonVersion: `Python${(c.pythonVersion ?? '3.10').replace('.', '')}`
  })
  const built = await build(emu, token, hash, operation === 'Sync' ? 'sync' : 'async')
  if (built.Status === 'Failed') return { passed: false, reason: built.Message as string }
  expect(built.Status).toBe('Deployed')
  if (operation === 'Sync') {
    const res = await fetch(`${emu.url}/api/preprocessing/sync/run/${GROUP}/${hash}`, {
      method: 'POST',
      headers: bearer(GROUP_TOKEN),
      body: JSON.stringify({ Input: SAMPLE })
    })
    if (res.status === 200) return { passed: true }
    const message = ((await res.json()) as { Error: { Message: string } }).Error.Message
    return { passed: false, reason: message.trim().split('\n').pop() as string }
  }
  const form = new FormData()
  form.append('dataset', new Blob([DATASET]), 'input.csv')
  const started = await fetch(`${emu.url}/api/preprocessing/async/run/${GROUP}/${hash}`, {
    method: 'POST',
    headers: bearer(GROUP_TOKEN),
    body: form
  })
  const id = ((await started.json()) as { ExecutionId: string }).ExecutionId
  const status = await waitFor(
    async () =>
      (await getJson(emu, `/preprocessing/async/status/${GROUP}/${id}`, GROUP_TOKEN)).body as {
        Status: string
        Message: string | null
      },
    (s) => s.Status !== 'Running'
  )
  return status.Status === 'Succeeded' ? { passed: true } : { passed: false, reason: status.Message as string }
}

test.each(Object.entries(CASES))('%s: same verdict in validate mode and on the emulator', async (_label, c) => {
  const folder = scriptFolder({ [userFileName(c)]: c.source, 'input.csv': DATASET })
  const spec = localSpec(c, folder)
  const [local, emulated, check] = await Promise.all([
    throughValidate(c, folder),
    throughEmulator(c),
    checkEntrypoint(
      join(folder, userFileName(c)),
      spec.script.entrypoint,
      spec.script.pythonVersion,
      localContract(spec)
    )
  ])
  const expected: Verdict = c.fails === undefined ? { passed: true } : { passed: false, reason: c.fails }
  expect(local).toEqual(expected)
  expect(emulated).toEqual(expected)

  // The pre-check fails only on certainties: never where the script runs.
  expect(check.ok ? (check.note === undefined ? 'ok' : 'note') : 'fail').toBe(c.check)
  if (!check.ok) expect(local.passed || emulated.passed).toBe(false)
  // With python3 here the parser ran: no text-search fallback, no "python3 is not on this runner".
  if (check.ok) expect(check.how).toBe('python')
})

test('the answers agree too, e.g. a latin-1 source returns its text decoded as the cookie says', async () => {
  const c = CASES['a non-UTF-8 source with a coding cookie']
  if (!c) throw new Error('the latin-1 case is missing from CASES')
  const folder = scriptFolder({ [userFileName(c)]: c.source })
  const local = await runLocally(localSpec(c, folder), { timeoutMs: 30_000 })
  expect(JSON.parse(local.response as string)).toEqual({ word: 'café' })
})
