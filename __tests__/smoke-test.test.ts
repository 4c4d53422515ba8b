import { containsDeep } from '../src/steps/smoke-test-run.js'
import { tracebackAnnotations } from '../src/publish/annotations.js'
import { printInert } from '../src/shared/inert.js'
import type { UploadFile } from '../src/shared/files.js'

describe('containsDeep (smoke-test-expect)', () => {
  test.each([
    [{ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }, true],
    [{ a: 1 }, { a: 2 }, false],
    [{ a: 1 }, { b: 1 }, false],
    [[{ id: 1 }, { id: 2, x: 1 }], [{ id: 2 }], true],
    [[{ id: 1 }], [{ id: 3 }], false],
    [{ a: [1, 2, 3] }, { a: [3, 1] }, true],
    [{ a: null }, { a: null }, true],
    ['text', 'text', true],
    [{ a: '1' }, { a: 1 }, false],
    [[1], { 0: 1 }, false]
  ])('containsDeep(%j, %j) = %p', (actual, expected, result) => expect(containsDeep(actual, expected)).toBe(result))
})

describe('tracebackAnnotations', () => {
  const uploads: UploadFile[] = [
    { part: 'source', uploadName: 'script.py', localPath: '/ws/src/score.py', size: 1 },
    { part: 'extra', uploadName: 'helpers.py', localPath: '/ws/src/lib/helpers.py', size: 1 }
  ]
  const entry = (text: string) => ({ RegisteredAt: '', OutputType: 'Error', OutputData: text, Routine: 'Host' })

  test('maps the innermost uploaded frame back to the user file and line', () => {
    const text =
      'Traceback (most recent call last):\n  File "/srv/x/harness.py", line 9, in <module>\n  File "/srv/data/S1/script.py", line 4, in process\n  File "/srv/data/S1/helpers.py", line 12, in clean\n    raise ValueError("bad")\nValueError: bad'
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

describe('printInert', () => {
  test('wraps server text in a stop-commands block with a fresh token', () => {
    const chunks: string[] = []
    printInert('::add-mask::x\n::error::injected', (chunk) => chunks.push(chunk))
    const [open, body, close] = chunks
    const token = /^::stop-commands::([0-9a-f-]{36})\n$/.exec(open)?.[1]
    expect(token).toBeDefined()
    expect(body).toBe('::add-mask::x\n::error::injected\n')
    expect(close).toBe(`::${token}::\n`)
  })
})
