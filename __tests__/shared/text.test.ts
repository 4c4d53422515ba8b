/** Line breaks in one place: every way a line may end folds, nothing else does. */
import { foldLines, hasLineBreak, LINE_BREAK, withArticle } from '../../src/shared/text.js'

describe('line breaks', () => {
  test.each([
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['a lone \\r', '\r'],
    ['NEL', '\u0085'],
    ['the line separator', '\u2028'],
    ['the paragraph separator', '\u2029'],
    ['vertical tab', '\v'],
    ['form feed', '\f']
  ])('%s is a line break, and folds to one joiner with the white space around it', (_, brk) => {
    expect(hasLineBreak(`a${brk}b`)).toBe(true)
    expect(foldLines(`one  ${brk}${brk} two${brk}three`, ' ⏎ ')).toBe('one ⏎ two ⏎ three')
  })

  test('tabs, spaces and other white space are not line breaks and stay as they are', () => {
    expect(hasLineBreak('a\tb c\u00a0d')).toBe(false)
    expect(foldLines('a\tb  c', ' ⏎ ')).toBe('a\tb  c')
    expect(LINE_BREAK.flags).not.toContain('g')
  })
})

describe('withArticle', () => {
  test('by the first letter as read aloud', () => {
    expect(['Sync', 'Async', 'csv', 'ipynb'].map(withArticle)).toEqual(['a Sync', 'an Async', 'a csv', 'an ipynb'])
  })
})
