/** The scripts __tests__/emulator/equivalence.test.ts runs through validate mode and the emulator. */
import type { PythonVersion } from '../../src/inputs/parse.js'

export interface Case {
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

export const CASES: Record<string, Case> = {
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
