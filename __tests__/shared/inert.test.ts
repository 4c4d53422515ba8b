/**
 * The inert printer against hostile text: whatever the input, no line the runner reads
 * may start a workflow command outside the stop-commands block, and a one-line message
 * stays one line that starts no command.
 */
import { oneLine, printInert, plainInert } from '../../src/shared/inert.js'

/** How a runner could split output into lines (the strictest reading: every break it might honour). */
const RUNNER_LINES = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/
const COMMAND = /^\s*::/

const HOSTILE = [
  '::warning::forged',
  '::add-mask::',
  '::stop-commands::abc',
  'ok\n::error file=x::forged',
  'ok\r::set-output name=a::b',
  'ok\u2028::add-mask::x',
  'ok\u2029::warning::x',
  'ok\u0085::notice::x',
  'ok\v::debug::x',
  'ok\f::group::x',
  '   ::warning::indented',
  '\t::error::tab',
  'ok\n   ::warning::indented after a break',
  '\r\n::endgroup::',
  '::',
  ':::::',
  '%0A::warning::encoded',
  'plain text'
]

describe('oneLine', () => {
  test.each(HOSTILE)('%j stays one line and starts no command', (text) => {
    const line = oneLine(text)
    expect(line.split(RUNNER_LINES)).toHaveLength(1)
    expect(line).not.toMatch(COMMAND)
  })

  test('keeps ordinary text as it is and shows where the breaks were', () => {
    expect(oneLine('Build failed\nsee log')).toBe('Build failed ⏎ see log')
    expect(oneLine('version 2.1: ok')).toBe('version 2.1: ok')
  })
})

describe('printInert', () => {
  /** Runner lines outside the block must be only the block's own two markers. */
  const commandsOutsideBlock = (output: string): string[] => {
    const lines = output.split(RUNNER_LINES)
    const start = /^::stop-commands::(.+)$/.exec(lines[0] ?? '')
    if (!start) return ['(no stop-commands line first)']
    const end = lines.indexOf(`::${start[1]}::`)
    if (end !== lines.length - 2 || lines.at(-1) !== '') return [`(the block ends at line ${end} of ${lines.length})`]
    return lines.slice(end + 1).filter((line) => COMMAND.test(line))
  }

  test.each(HOSTILE)('%j cannot end the block or run a command', (text) => {
    let output = ''
    printInert(text, (chunk) => (output += chunk))
    expect(commandsOutsideBlock(output)).toEqual([])
  })

  test('text holding the very token of its block cannot end it early', () => {
    let output = ''
    const token = '00000000-0000-4000-8000-000000000000'
    printInert(
      `a\n::${token}::\n::warning::after`,
      (chunk) => (output += chunk),
      () => token
    )
    expect(output.split(RUNNER_LINES).filter((line) => line === `::${token}::`)).toHaveLength(1)
    expect(commandsOutsideBlock(output)).toEqual([])
  })

  test('each block has its own token', () => {
    const tokens: string[] = []
    for (let i = 0; i < 2; i++)
      printInert('x', (chunk) => {
        const m = /^::stop-commands::(.+)\r?\n$/.exec(chunk)
        if (m?.[1]) tokens.push(m[1])
      })
    expect(new Set(tokens).size).toBe(2)
  })
})

describe('printInert block', () => {
  test('wraps server text in a stop-commands block with a fresh token', () => {
    const chunks: string[] = []
    printInert('::add-mask::x\n::error::injected', (chunk) => chunks.push(chunk))
    const [open, body, close] = chunks
    const token = /^::stop-commands::([0-9a-f-]{36})\n$/.exec(open ?? '')?.[1]
    expect(token).toBeDefined()
    expect(body).toBe('::add-mask::x\n::error::injected\n')
    expect(close).toBe(`::${token}::\n`)
  })
})

describe('plainInert', () => {
  test('one line, no HTML, no live mention, no link of its own, at most 140 characters', () => {
    const text = plainInert('@team <img src=x> see https://evil.example\n::error::x')
    expect(text).not.toMatch(/@team|<img|https:\/\/evil|\n/)
    expect(text).toContain('‹img src=x›')
    expect(plainInert('x'.repeat(200))).toHaveLength(140)
    expect(plainInert('short')).toBe('short')
  })
})
