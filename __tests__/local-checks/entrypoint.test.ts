/** The entrypoint pre-check: fails only on certainties, and says "not on this runner" only when that is so. */
import { join } from 'node:path'
import { checkEntrypoint } from '../../src/local-checks/entrypoint.js'
import { scriptFolder } from '../harness/helpers.js'

async function check(
  source: string | Buffer,
  options: { name?: string; contract?: 'sync' | 'async-v1' | 'async-v2'; python?: string; file?: string } = {}
) {
  const file = options.file ?? 'score.py'
  const folder = scriptFolder({ [file]: source })
  return checkEntrypoint(
    join(folder, file),
    options.name ?? 'process',
    '3.10',
    options.contract ?? 'sync',
    options.python
  )
}

test.each([
  [
    'a decorated def (the decorator may change the signature)',
    'import functools\n@functools.lru_cache\ndef process(data):\n    return {}\n'
  ],
  ['a star import', 'from os.path import *\n'],
  ["'global process' in a function", 'def setup():\n    global process\n    process = lambda d, b: {}\nsetup()\n'],
  ['an import binding the name', 'from json import loads as process\n'],
  [
    'one of two defs under if/else fits',
    'import sys\nif sys.platform == "x":\n    def process(data):\n' +
      '        return {}\nelse:\n    def process(data, base_path):\n' +
      '        return {}\n'
  ]
])('uncertain or fitting: %s passes', async (_label, source) => {
  expect(await check(source)).toMatchObject({ ok: true, how: 'python' })
})

test('a def inside a function or a class does not bind the module-level name', async () => {
  const verdict = await check(
    'class Model:\n    def process(self, data, base_path):\n        return {}\n' +
      'def make():\n    def process(data, base_path):\n        return {}\n'
  )
  expect(verdict).toEqual({ ok: false, problem: "defines no module-level 'process'; module-level functions: make" })
})

test('a wrong arity names the line and, in a notebook, the cell', async () => {
  const notebook = JSON.stringify({
    cells: [
      { cell_type: 'code', source: ['%matplotlib inline\n', 'x = 1'] },
      { cell_type: 'code', source: ['def process(data):\n', '    return {}'] }
    ]
  })
  const verdict = await check(notebook, { file: 'nb.ipynb' })
  expect(verdict).toEqual({
    ok: false,
    line: 3,
    problem:
      "defines 'process(data)' at line 3 (notebook cell 2, line 1), which cannot be " +
      'called as fn(data, base_path), the way the server calls a Sync entrypoint'
  })
})

test('v2: fn(dfs, extra_path=None) fits, fn(dfs, extra_path, more) does not', async () => {
  expect(
    await check('def build_df(dfs, extra_path=None):\n    return dfs["a"]\n', {
      name: 'build_df',
      contract: 'async-v2'
    })
  ).toMatchObject({ ok: true, how: 'python', line: 1 })
  expect(
    await check('def build_df(dfs, extra_path, more):\n    pass\n', { name: 'build_df', contract: 'async-v2' })
  ).toMatchObject({ ok: false })
})

test('v1 Async: the DataFrame form build_df(df, data_path, extra_path=None) fits', async () => {
  expect(
    await check('def build_df(df, data_path, extra_path=None):\n    return df\n', {
      name: 'build_df',
      contract: 'async-v1'
    })
  ).toMatchObject({ ok: true, how: 'python', line: 1 })
})

test('a latin-1 source with a coding cookie is parsed by Python, not searched as text', async () => {
  const verdict = await check(
    Buffer.from('# -*- coding: latin-1 -*-\n# café\ndef process(data, base_path):\n    return {}\n', 'latin1')
  )
  expect(verdict).toMatchObject({ ok: true, how: 'python', line: 3 })
})

test('a latin-1 string without a cookie does not parse, as importing it fails on the server', async () => {
  const verdict = await check(Buffer.from('def process(data, base_path):\n    return {"word": "café"}\n', 'latin1'))
  expect(verdict).toMatchObject({
    ok: false,
    problem: expect.stringMatching(/^does not parse as Python 3\.10: .*utf-8/i)
  })
})

describe('without the interpreter', () => {
  const python = 'python-that-is-not-installed'
  test('the name is searched as text, with a note naming the missing interpreter', async () => {
    expect(await check('process = make()\n', { python })).toEqual({
      ok: true,
      how: 'text',
      note:
        `${python} is not on this runner, so the entrypoint was only searched ` +
        `for as text; its definition and signature were not checked`
    })
  })
  test('a name never mentioned, with nothing dynamic, is a certain failure', async () => {
    expect(await check('def other(data, base_path):\n    return {}\n', { python })).toEqual({
      ok: false,
      problem: "never mentions 'process', so it cannot define it"
    })
    expect(await check('from helpers import *\n', { python })).toMatchObject({ ok: true, how: 'text' })
  })
})
