import { tracebackAnnotations } from '../../src/publish/annotations.js'
import type { UploadFile } from '../../src/shared/files.js'

describe('tracebackAnnotations', () => {
  const uploads: UploadFile[] = [
    { part: 'source', uploadName: 'script.py', localPath: '/ws/src/score.py', size: 1 },
    { part: 'extra', uploadName: 'helpers.py', localPath: '/ws/src/lib/helpers.py', size: 1 }
  ]
  const entry = (text: string) => ({ RegisteredAt: '', OutputType: 'Error', OutputData: text, Routine: 'Host' })

  test('maps the innermost uploaded frame back to the user file and line', () => {
    const text =
      'Traceback (most recent call last):\n  File "/srv/x/harness.py", line 9, in <module>\n' +
      '  File "/srv/data/S1/script.py", line 4, in process\n' +
      '  File "/srv/data/S1/helpers.py", line 12, in clean\n    raise ValueError("bad")\n' +
      'ValueError: bad'
    expect(tracebackAnnotations([entry(text)], uploads, '/ws')).toEqual([
      { file: 'src/lib/helpers.py', line: 12, message: 'ValueError: bad' }
    ])
  })

  test('ignores tracebacks outside the uploaded files, and repeats', () => {
    const inside = 'File "/a/script.py", line 2, in <module>\nImportError: x'
    expect(
      tracebackAnnotations(
        [entry('File "/usr/lib/python3/json.py", line 1\nKeyError: 1'), entry(inside), entry(inside)],
        uploads,
        '/ws'
      )
    ).toHaveLength(1)
  })
})
