/**
 * The .env reader against python-dotenv's behaviour. Each row is what python-dotenv's
 * own parser (parse_stream, version 1.2.2) gave for the input: the bindings it read and
 * the statements it could not parse. Two cases where its newer grammar differs
 * (`KEY= #c`, a leading BOM) are left out.
 */
import { envFileValues, parseDotenv } from '../../src/shared/dotenv.js'

type Row = [input: string, bindings: ([string] | [string, string])[], unparsed: string[]]

const PYTHON_DOTENV: Row[] = [
  ['a=b', [['a', 'b']], []],
  ['a = b', [['a', 'b']], []],
  [' a = b ', [['a', 'b']], []],
  ['export a=b', [['a', 'b']], []],
  ['export  a=b', [['a', 'b']], []],
  ['a=b # comment', [['a', 'b']], []],
  ['a=b#c', [['a', 'b#c']], []],
  ['a=#c', [['a', '#c']], []],
  ["a='b c'", [['a', 'b c']], []],
  ['a="b c"', [['a', 'b c']], []],
  ["a='b\\'c'", [['a', "b'c"]], []],
  ['a="b\\"c"', [['a', 'b"c']], []],
  ['a="b\\nc"', [['a', 'b\nc']], []],
  ["a='b\\nc'", [['a', 'b\\nc']], []],
  ['a="b\\tc\\\\d"', [['a', 'b\tc\\d']], []],
  ['a.b-c=1', [['a.b-c', '1']], []],
  ["'a b'=c", [['a b', 'c']], []],
  ['a', [['a']], []],
  ['a=', [['a', '']], []],
  ["a=''", [['a', '']], []],
  ['# comment', [], []],
  ['  # indented comment', [], []],
  ['a="multi\nline"', [['a', 'multi\nline']], []],
  ["a='multi\nline' # c", [['a', 'multi\nline']], []],
  ['a="x\r\ny"', [['a', 'x\r\ny']], []],
  [
    'a=b\rc=d',
    [
      ['a', 'b'],
      ['c', 'd']
    ],
    []
  ],
  ['a="unterminated\nb=c', [['b', 'c']], ['a="unterminated\n']],
  ['a=b c', [['a', 'b c']], []],
  ['a=b  c # d', [['a', 'b  c']], []],
  ['=b', [], ['=b']],
  ['a b=c', [], ['a b=c']],
  ["a='b'c", [], ["a='b'c"]],
  ['a="b" # c', [['a', 'b']], []],
  [
    'a=b\n\n\nc=d',
    [
      ['a', 'b'],
      ['c', 'd']
    ],
    []
  ],
  ['export', [['export']], []],
  [
    'a=b\n bad line\nc=d',
    [
      ['a', 'b'],
      ['c', 'd']
    ],
    [' bad line\n']
  ],
  ['a=\\u00e9', [['a', '\\u00e9']], []],
  ['a="\\u00e9"', [['a', '\\u00e9']], []],
  ['a=b\\nc', [['a', 'b\\nc']], []],
  ["a='' # c", [['a', '']], []],
  ['KEY="va#l"', [['KEY', 'va#l']], []],
  ['a=b;c', [['a', 'b;c']], []],
  ['a==b', [['a', '=b']], []],
  ['a=b=c', [['a', 'b=c']], []],
  ['a\t=\tb', [['a', 'b']], []]
]

describe('parseDotenv reads what python-dotenv reads', () => {
  test.each(PYTHON_DOTENV)('%j', (input, bindings, unparsed) => {
    const parsed = parseDotenv(input)
    expect(parsed.bindings.map((b) => (b.value === undefined ? [b.key] : [b.key, b.value]))).toEqual(bindings)
    expect(parsed.problems.map((p) => p.raw.trim())).toEqual(unparsed.map((raw) => raw.trim()))
  })

  test('a statement it cannot parse is reported by the line it starts on, with its whole text', () => {
    const parsed = parseDotenv("A=1\n\n# note\nB=\"open\nC=2\nD=3 4\nE = 'x'y\n")
    expect(parsed.problems).toEqual([
      { line: 4, raw: 'B="open\n' },
      { line: 7, raw: "E = 'x'y\n" }
    ])
    expect(parsed.bindings.map((b) => b.key)).toEqual(['A', 'C', 'D'])
  })

  test('a multi-line quoted value keeps its lines and the count goes on after it', () => {
    const parsed = parseDotenv('PEM="-----BEGIN-----\nAAAA\n-----END-----"\nbad line\n')
    expect(parsed.bindings).toEqual([{ key: 'PEM', value: '-----BEGIN-----\nAAAA\n-----END-----' }])
    expect(parsed.problems.map((p) => p.line)).toEqual([4])
  })
})

describe('envFileValues', () => {
  test('reads quoted dotenv values with comments after them, and values over several lines', () => {
    expect(envFileValues('T="tok-1" # prod\nPEM="-----BEGIN-----\nAAAA\n-----END-----"\nNEXT=x2')).toEqual([
      'tok-1',
      '-----BEGIN-----\nAAAA\n-----END-----',
      'x2'
    ])
  })

  test('reads dotenv values', () => {
    expect(envFileValues('A=1\nexport B="two words"\n# C=3\nD=\'x y\'\nE=val # note\nnot a line')).toEqual([
      '1',
      'two words',
      'x y',
      'val'
    ])
  })
})
