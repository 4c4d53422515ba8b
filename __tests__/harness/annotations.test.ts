/** Annotations point only at the user's own uploaded files, matched by path relative to the script folder. */
import type { UploadFile } from '../../src/shared/files.js'
import { tracebackAnnotations } from '../../src/publish/annotations.js'

const uploads: UploadFile[] = [
  { part: 'source', uploadName: 'script.py', localPath: '/ws/src/score.py', size: 1 },
  { part: 'extra', uploadName: 'utils.py', localPath: '/ws/src/lib/utils.py', size: 1 }
]
const error = (frames: string[], last = 'ValueError: bad') => ({
  RegisteredAt: '',
  OutputType: 'Error',
  Routine: 'Run',
  OutputData: `Traceback (most recent call last):\n${frames.map((f) => `  File "${f}"`).join('\n')}\n${last}`
})

test('a library file with the base name of an extra file is not the extra file', () => {
  const text = error([
    '/app/store/S1/script.py", line 4, in process',
    '/usr/lib/python3/site-packages/utils.py", line 80, in helper'
  ])
  expect(tracebackAnnotations([text], uploads, '/ws')).toEqual([
    { file: 'src/score.py', line: 4, message: 'ValueError: bad' }
  ])
})

test('a library file named like the source (script.py) is not the source', () => {
  const text = error([
    '/app/store/S1/script.py", line 4, in process',
    '/app/store/S1/utils.py", line 7, in clean',
    '/opt/lib/python3/site-packages/script.py", line 3, in run'
  ])
  expect(tracebackAnnotations([text], uploads, '/ws')).toEqual([
    { file: 'src/lib/utils.py', line: 7, message: 'ValueError: bad' }
  ])
})

test('a traceback that never enters the uploaded source is not annotated', () => {
  const text = error(['/usr/lib/python3/json/__init__.py", line 346, in loads', '/elsewhere/utils.py", line 2, in f'])
  expect(tracebackAnnotations([text], uploads, '/ws')).toEqual([])
})

test('a notebook that cannot be read is not annotated (its line numbers are the joined cells)', () => {
  const notebook: UploadFile[] = [{ part: 'source', uploadName: 'notebook.ipynb', localPath: '/ws/nb.ipynb', size: 1 }]
  expect(tracebackAnnotations([error(['/app/S1/notebook.ipynb", line 3, in process'])], notebook, '/ws')).toEqual([])
})
