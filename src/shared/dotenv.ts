/**
 * A reader of .env files following python-dotenv's grammar (its module dotenv.parser),
 * since python-dotenv is what reads the file on the server. No npm package
 * implements that grammar (npm's `dotenv` differs on quotes, escapes and comments),
 * so this follows it statement by statement:
 *
 *   [export ]KEY[ = value][ # comment]
 *
 * KEY is `'quoted'` or any run of characters other than `=`, `#` and white space
 * (so dashed and dotted keys are keys). A value is `'single'` (escapes \\\\ and \\'),
 * `"double"` (escapes \\\\ \\' \\" \\a \\b \\f \\n \\r \\t \\v), both of which may span
 * lines, or unquoted up to the end of the line, where ` #…` starts a comment. A
 * statement that does not fit is skipped to the end of its line, as python-dotenv does.
 */

export interface DotenvBinding {
  readonly key: string
  /** Undefined for a bare `KEY` (python-dotenv's None). */
  readonly value?: string
}

export interface DotenvProblem {
  /** 1-based line where the statement starts. */
  readonly line: number
  /** The statement's whole text, which may hold a secret: mask it, never print it. */
  readonly raw: string
}

class ParseError extends Error {}

const NEWLINE = /\r\n|\n|\r/g
const MULTILINE_WHITESPACE = /\s*/y
const WHITESPACE = /[^\S\r\n]*/y
const EXPORT = /(?:export[^\S\r\n]+)?/y
const SINGLE_QUOTED_KEY = /'([^']+)'/y
const UNQUOTED_KEY = /([^=#\s]+)/y
const EQUAL_SIGN = /(=[^\S\r\n]*)/y
const SINGLE_QUOTED_VALUE = /'((?:\\'|[^'])*)'/y
const DOUBLE_QUOTED_VALUE = /"((?:\\"|[^"])*)"/y
const UNQUOTED_VALUE = /([^\r\n]*)/y
const COMMENT = /(?:[^\S\r\n]*#[^\r\n]*)?/y
const END_OF_LINE = /[^\S\r\n]*(?:\r\n|\n|\r|$)/y
const REST_OF_LINE = /[^\r\n]*(?:\r\n|\r|\n)?/y
const DOUBLE_QUOTE_ESCAPES = /\\[\\'"abfnrtv]/g
const SINGLE_QUOTE_ESCAPES = /\\[\\']/g
const ESCAPED: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' }

class Reader {
  position = 0
  constructor(readonly text: string) {}

  /**
   * Matches `regex` (sticky) at the position and moves past it; a miss is a ParseError.
   * Returns the first group ('' for a regex without one).
   */
  read(regex: RegExp): string {
    regex.lastIndex = this.position
    const match = regex.exec(this.text)
    if (!match) throw new ParseError()
    this.position += match[0].length
    return match[1] ?? ''
  }

  peek(): string {
    return this.text.charAt(this.position)
  }

  lineAt(index: number): number {
    return (this.text.slice(0, index).match(NEWLINE)?.length ?? 0) + 1
  }
}

export function parseDotenv(content: string): { bindings: DotenvBinding[]; problems: DotenvProblem[] } {
  const reader = new Reader(content.replace(/^\uFEFF/, ''))
  const bindings: DotenvBinding[] = []
  const problems: DotenvProblem[] = []
  while (reader.position < reader.text.length) {
    reader.read(MULTILINE_WHITESPACE)
    const start = reader.position
    if (start >= reader.text.length) break
    try {
      const binding = readStatement(reader)
      if (binding) bindings.push(binding)
    } catch (error) {
      if (!(error instanceof ParseError)) throw error
      reader.read(REST_OF_LINE)
      problems.push({ line: reader.lineAt(start), raw: reader.text.slice(start, reader.position) })
    }
  }
  return { bindings, problems }
}

/** One statement; undefined for a comment line. */
function readStatement(reader: Reader): DotenvBinding | undefined {
  reader.read(EXPORT)
  const first = reader.peek()
  const key = first === '#' ? undefined : reader.read(first === "'" ? SINGLE_QUOTED_KEY : UNQUOTED_KEY)
  reader.read(WHITESPACE)
  let value: string | undefined
  if (reader.peek() === '=') {
    const equalSign = reader.read(EQUAL_SIGN)
    value = readValue(reader, equalSign.length > 1)
  }
  reader.read(COMMENT)
  reader.read(END_OF_LINE)
  return key === undefined ? undefined : { key, value }
}

function readValue(reader: Reader, precededByWhitespace: boolean): string {
  const first = reader.peek()
  if (first === "'") return reader.read(SINGLE_QUOTED_VALUE).replace(SINGLE_QUOTE_ESCAPES, (escape) => escape.charAt(1))
  if (first === '"')
    return reader
      .read(DOUBLE_QUOTED_VALUE)
      .replace(DOUBLE_QUOTE_ESCAPES, (escape) => ESCAPED[escape.charAt(1)] ?? escape.charAt(1))
  if (first === '' || first === '\n' || first === '\r') return ''
  const part = reader.read(UNQUOTED_VALUE)
  // `KEY=  # note` is empty; `KEY=#value` is the value '#value'.
  if (precededByWhitespace && part.startsWith('#')) return ''
  return part.replace(/\s+#.*/, '').trimEnd()
}

/** The values of an env file (secrets to mask), and the statements python-dotenv would skip. */
export function envFileValues(content: string): string[] {
  return parseDotenv(content).bindings.flatMap((binding) => (binding.value ? [binding.value] : []))
}

/**
 * The variables an env file gives the script's process, as python-dotenv's `load_dotenv`
 * sets them: every `KEY=value` (a later one wins), a bare `KEY` (no `=`) set to nothing,
 * so left out. `${VAR}` references are kept as written (see docs/platform-contract.md).
 */
export function envFileVariables(content: string): Record<string, string> {
  const variables: Record<string, string> = {}
  for (const { key, value } of parseDotenv(content).bindings) if (value !== undefined) variables[key] = value
  return variables
}
