/** The build-log tail: whole entries only, and what it left out. */
import { logTail } from '../../src/steps/logs.js'

const entry = (text: string, n: number) => ({
  RegisteredAt: `2026-12-01T10:00:${String(n).padStart(2, '0')}Z`,
  OutputType: 'Ok',
  Routine: 'Host',
  OutputData: text
})

test('a log that fits is shown whole', () => {
  const tail = logTail('Build log', [entry('a', 1), entry('b', 2)], 40)
  expect(tail.heading).toBe('Build log: all 2 entries')
  expect(tail.text.split('\n')).toHaveLength(2)
})

test('a multi-line entry that does not fit is left out whole, and counted', () => {
  const entries = [entry('one', 1), entry('Traceback\n  f1\n  f2\nError: x', 2), entry('two', 3), entry('three', 4)]
  const tail = logTail('Build log', entries, 4)
  expect(tail.text).toBe('2026-12-01T10:00:03Z Host/Ok two\n2026-12-01T10:00:04Z Host/Ok three')
  expect(tail.heading).toBe('Build log: the last 2 of 4 entries (2 entries, 5 lines left out; logs.txt has them all)')
})

test('a last entry longer than the tail is shown whole, never cut', () => {
  const long = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n')
  const tail = logTail('Run log', [entry('before', 1), entry(long, 2)], 4)
  expect(tail.text.split('\n')).toHaveLength(10)
  expect(tail.heading).toBe('Run log: the last 1 of 2 entries (1 entry, 1 line left out; logs.txt has them all)')
})
