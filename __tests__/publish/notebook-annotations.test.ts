/** A notebook's traceback lines (its joined code cells) mapped to the cell and the .ipynb file's line. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tracebackAnnotations } from '../../src/publish/annotations.js'
import { notebookPlace } from '../../src/publish/notebook-lines.js'

const NOTEBOOK = {
  cells: [
    { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['import json\n', 'x = 1'] },
    { cell_type: 'markdown', metadata: {}, source: ['# Scoring'] },
    {
      cell_type: 'code',
      execution_count: null,
      metadata: {},
      outputs: [],
      source: ['def process(data, base_path):\n', '    return data\n', '\n', 'y = 1 / 0']
    }
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5
}

/** The notebook saved as Jupyter saves it (indent 1), or minified. */
function saved(minified = false): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nb-'))
  const path = join(dir, 'scoring.ipynb')
  writeFileSync(path, minified ? JSON.stringify(NOTEBOOK) : JSON.stringify(NOTEBOOK, null, 1) + '\n')
  return { dir, path }
}

test('a joined line is found in its cell (markdown cells counted) and on its line of the file', () => {
  const { path } = saved()
  expect(notebookPlace(path, 1)).toEqual({ cell: 1, lineInCell: 1, fileLine: 9 }) // '    "import json\\n",'
  // line 2 of cell 1 is 'x = 1'; cell 3 starts at joined line 3.
  expect(notebookPlace(path, 6)).toMatchObject({ cell: 3, lineInCell: 4 })
  expect(notebookPlace(path, 7)).toBeUndefined()
})

test('a build traceback on a notebook is annotated on the .ipynb file, naming the cell', () => {
  const { dir, path } = saved()
  const text =
    'Traceback (most recent call last):\n  File "/srv/data/S1/notebook.ipynb", line 6, in <module>\n' +
    '    y = 1 / 0\nZeroDivisionError: division by zero'
  const upload = { part: 'source' as const, uploadName: 'notebook.ipynb', localPath: path, size: 1 }
  const [annotation] = tracebackAnnotations(
    [{ RegisteredAt: '', OutputType: 'Error', OutputData: text, Routine: 'Host' }],
    [upload],
    dir
  )
  expect(annotation).toEqual({
    file: 'scoring.ipynb',
    line: expect.any(Number),
    message: 'ZeroDivisionError: division by zero (notebook cell 3, line 4)'
  })
  const fileLines = JSON.stringify(NOTEBOOK, null, 1).split('\n')
  expect(fileLines[(annotation?.line as number) - 1]?.trim()).toBe('"y = 1 / 0"')
})

test('a minified notebook: the cell is named, the file line is not guessed', () => {
  const { path } = saved(true)
  expect(notebookPlace(path, 6)).toEqual({ cell: 3, lineInCell: 4, fileLine: undefined })
})
