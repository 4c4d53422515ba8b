/**
 * `npm start`'s pieces: its command line (every action.yml input, the local run's own
 * options, clear errors for unknown or malformed ones) and the runner-like log it prints
 * (groups as headings, masked values as ***, no raw workflow commands).
 */
import { readFileSync } from 'node:fs'
// @ts-expect-error plain ESM script without types
import { actionInputs, parseLocalRunArgs, usage } from '../../scripts/lib/local-run-options.mjs'
// @ts-expect-error plain ESM script without types
import { createRunnerLog, outputLines } from '../../scripts/lib/runner-log.mjs'

const INPUTS = actionInputs(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8'))
const parse = (...argv: string[]) => parseLocalRunArgs(argv, INPUTS)
const problem = (...argv: string[]): string => {
  try {
    parse(...argv)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`${argv.join(' ')} was accepted`)
}

describe('npm start options', () => {
  test('every action.yml input is an option, given as it is; a repeated one is one line each', () => {
    const { inputs, run } = parse(
      '--source-file',
      'x.py',
      '--entrypoint=f',
      '--extra-files',
      'a.pkl',
      '--extra-files',
      'b.csv',
      '--build-seconds',
      '10'
    )
    expect(inputs).toEqual({ 'source-file': 'x.py', entrypoint: 'f', 'extra-files': 'a.pkl\nb.csv' })
    expect(run.buildSeconds).toBe(10)
  })

  test("the `--` package.json's start script ends with (so Node never reads --env-file) is not an option", () => {
    expect(parse('--', '--env-file', 'dev.env').inputs).toEqual({ 'env-file': 'dev.env' })
    expect(parse('--').inputs).toEqual({})
  })

  test('a true/false input alone is true, --no-<input> is false, and other words are refused', () => {
    expect(parse('--smoke-test', '--entrypoint', 'f').inputs).toEqual({ 'smoke-test': 'true', entrypoint: 'f' })
    expect(parse('--smoke-test', 'false').inputs).toEqual({ 'smoke-test': 'false' })
    expect(parse('--no-wait').inputs).toEqual({ wait: 'false' })
    expect(problem('--smoke-test', 'maybe')).toBe(
      "--smoke-test: 'maybe' is not true or false (or give --smoke-test alone for true, --no-smoke-test for false)"
    )
  })

  test("--help's example gives every input a deploy requires, so it runs as shown", () => {
    const required = [...INPUTS].filter(([, i]) => /Required except in smoke-test mode/.test(i.description))
    expect(required.map(([name]) => name)).toEqual(
      expect.arrayContaining(['name', 'entrypoint', 'source-file', 'requirements-file'])
    )
    const examples = (usage(INPUTS) as string).split('\n').filter((line) => line.startsWith('  npm start -- '))
    expect(examples.length).toBeGreaterThan(0)
    for (const example of examples) {
      // The shell's words: quoted ones kept whole.
      const words = [...example.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '').slice(2)
      const { inputs } = parse(...words)
      for (const [name] of required)
        expect({ example, [name]: inputs[name] }).toEqual({ example, [name]: expect.any(String) })
    }
  })

  test('unknown, malformed and missing values are errors naming the option and the form it takes', () => {
    expect(problem('--build-seconds', 'abc')).toBe(
      "--build-seconds: 'abc' is not a number of seconds (e.g. --build-seconds 10)"
    )
    expect(problem('--smoke-tst')).toBe(
      "--smoke-tst is not an option of npm start; did you mean '--smoke-test'? (npm start -- --help lists them)"
    )
    expect(problem('--bogus')).toMatch(/^--bogus is not an option of npm start \(/)
    expect(problem('--source-file')).toBe('--source-file needs a value: --source-file <value>')
    expect(problem('--source-file', '--entrypoint', 'f')).toBe('--source-file needs a value: --source-file <value>')
    expect(problem('score.py')).toMatch(/^'score\.py' is not an option: options start with --/)
    expect(problem('--raw=yes')).toBe("--raw takes no value (got 'yes')")
  })

  test('--help lists the local options and every input of action.yml with its default', () => {
    const text: string = usage(INPUTS)
    for (const name of ['build-seconds', 'workspace', 'debug', 'raw', ...INPUTS.keys()])
      expect(text).toContain(`--${name} `)
    expect(text).toMatch(/--poll-interval <value> +.*\(default 10s\)/)
    expect(parse('--help').run.help).toBe(true)
  })
})

describe("the runner's log", () => {
  const render = (stdout: string, debug = false): string => {
    let out = ''
    const log = createRunnerLog({ write: (text: string) => (out += text), debug })
    // Split mid-line, as pipes do.
    log.chunk(stdout.slice(0, 7))
    log.chunk(stdout.slice(7))
    log.end()
    return out
  }

  test('groups are headings; masked values are *** from then on; no command line is printed raw', () => {
    const out = render(
      '::group::Connect\n::add-mask::tok-123\n' +
        '::debug::POST /api/login\nLogged in with tok-123.\n' +
        '::endgroup::\n::error file=score.py,line=3::boom%0Asecond line tok-123\n'
    )
    expect(out).toBe('\n▼ Connect\nLogged in with ***.\nError (score.py:3): boom\nsecond line ***\n')
  })

  test('debug lines show only when asked for', () => {
    expect(render('::debug::GET /api/health\n', true)).toBe('debug: GET /api/health\n')
    expect(render('::debug::GET /api/health\n')).toBe('')
  })

  test('between ::stop-commands:: and its token, lines are printed as they are (still masked)', () => {
    const out = render(
      '::add-mask::s3cret\n::stop-commands::tok\n::warning::from the server s3cret\n::tok::\n::notice title=Hi::done\n'
    )
    expect(out).toBe('::warning::from the server ***\nNotice: Hi: done\n')
  })
})

describe("npm start's list of outputs", () => {
  test('one column of values, whatever the longest name; further lines of a value stay in it', () => {
    const lines = outputLines({ status: 'deployed', 'previous-preprocessing-id': 'S1', 'changes-markdown': 'a\nb' })
    expect(lines).toEqual([
      '  status                    deployed',
      '  previous-preprocessing-id S1',
      '  changes-markdown          a\n                            b'
    ])
  })
})
