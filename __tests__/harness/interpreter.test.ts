/** Which Python validate mode runs: python<version> when on PATH, else python3 with a warning naming both. */
import { mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describePython, pythonFor } from '../../src/harness/interpreter.js'

const real = await describePython('python3')
const realTest = real ? test : test.skip
if (!real) console.warn('python3 is not on PATH: the interpreter tests are skipped.')

/** A PATH holding only `names`, each a link to this machine's python3. */
function pathWith(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'python-path-'))
  for (const name of names) symlinkSync(real?.path as string, join(dir, name))
  return dir
}

realTest('python3.9 on PATH is used for python-version 3.9, with no warning', async () => {
  const choice = await pythonFor('3.9', undefined, { PATH: pathWith('python3.9', 'python3') })
  expect(choice.warning).toBeUndefined()
  expect(choice.interpreter).toMatchObject({ command: 'python3.9', version: real?.version })
})

realTest('without python3.9, python3 runs it and the warning names both versions', async () => {
  const choice = await pythonFor('3.9', undefined, { PATH: pathWith('python3') })
  expect(choice.interpreter).toMatchObject({ command: 'python3', version: real?.version })
  expect(choice.warning).toBe(
    `python3.9 is not on PATH, so the entrypoint ran with python3 (Python ` +
      `${real?.version}) although python-version is 3.9; add actions/setup-python with ` +
      `python-version: '3.9' before this step to check with the server's version`
  )
})

test('with no Python at all there is no interpreter, and no warning', async () => {
  expect(await pythonFor('3.10', undefined, { PATH: mkdtempSync(join(tmpdir(), 'empty-path-')) })).toEqual({})
})
