/**
 * The Markdown variants of the inert printer (src/shared/inert.ts): server or user text in a
 * pull-request comment or a summary must stay text. Inside a code span or a fenced block
 * GitHub makes no @-mention, renders no HTML and links nothing; so what is checked is that
 * the text can never leave its span or block, break a table row, or show a secret.
 */
import { markdownBlock, markdownCode } from '../../src/shared/inert.js'
import { addSecret } from '../../src/shared/secrets.js'

const HOSTILE = [
  '@someone please look',
  '<b>bold</b><img src=x onerror=alert(1)>',
  '<!-- neomaril-deploy: production/x/y/z -->',
  'see https://evil.example.com/x and [a link](https://evil.example.com)',
  'a | b | c',
  'a \\| b',
  '`tick` and ``double`` and ```triple```',
  '`',
  '``',
  ' leading and trailing ',
  'line one\nline two\r\n| x | y |\u2028@other',
  '**bold** _it_ # heading',
  ':+1: #123'
]

/** The fence that opens the span, and the text between the fences (GFM: equal runs open and close). */
function spanOf(markdown: string): { fence: string; inside: string } {
  const fence = /^`+/.exec(markdown)?.[0] ?? ''
  expect(fence).not.toBe('')
  expect(markdown.endsWith(fence)).toBe(true)
  expect(markdown.slice(-fence.length - 1, -fence.length)).not.toBe('`')
  return { fence, inside: markdown.slice(fence.length, -fence.length) }
}

describe('markdownCode', () => {
  test.each(HOSTILE)('keeps %j inside one code span on one line', (text) => {
    const shown = markdownCode(text)
    expect(shown).not.toMatch(/[\r\n\u2028\u2029]/)
    const { fence, inside } = spanOf(shown)
    // No run of exactly the fence's length inside: the text cannot close the span early.
    for (const run of inside.match(/`+/g) ?? []) expect(run.length).not.toBe(fence.length)
    // What GitHub shows is the text itself (one padding space stripped, line breaks folded).
    const shownText = inside.startsWith(' ') && inside.endsWith(' ') ? inside.slice(1, -1) : inside
    expect(shownText).toBe(text.replace(/\s*[\r\n\u2028]+\s*/g, ' ⏎ '))
  })

  test.each(HOSTILE)('in a table cell, %j adds no column', (text) => {
    const row = `| ${markdownCode(text, { table: true })} | next |`
    // Every pipe of the text is escaped: the row keeps its three unescaped separators.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(3)
  })

  test('an empty text is shown as such, a secret never', () => {
    expect(markdownCode('')).toBe('*(empty)*')
    addSecret('s3cr3t-value-123')
    expect(markdownCode('token s3cr3t-value-123')).not.toContain('s3cr3t-value-123')
    expect(markdownBlock('token s3cr3t-value-123')).not.toContain('s3cr3t-value-123')
  })
})

describe('markdownBlock', () => {
  test.each(HOSTILE)('keeps %j inside one fenced block', (text) => {
    const block = markdownBlock(`Traceback\n${text}\n\`\`\`\nafter a fence`)
    const lines = block.split('\n')
    const fence = /^`+/.exec(lines[0] ?? '')?.[0] ?? ''
    expect(fence.length).toBeGreaterThanOrEqual(3)
    expect(lines.at(-1)).toBe(fence)
    // No line inside can close the block: none is a run of backticks as long as the fence.
    for (const line of lines.slice(1, -1)) expect(line.trim().startsWith(fence)).toBe(false)
  })
})
