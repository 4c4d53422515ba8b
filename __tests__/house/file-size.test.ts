/**
 * The house's size rule (CONTRIBUTING.md, "The code map"): a hand-written file of src/, the
 * emulator, python/ or scripts/ holds at most 300 lines, and a test file at most 400 (split
 * by topic past that); no line of code is over the formatter's width. Generated and vendored
 * files are not hand-written.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = new URL('../../', import.meta.url).pathname
const CODE = /\.(ts|mjs|cjs|js|py)$/
/** Written by a tool, not by hand: npm run embed, and the vendored pipreqs mapping. */
const GENERATED = ['src/harness/embedded.ts', 'python/vendor/']
/** Older replays of the official clients, each one script the client runs as is; not grown since. */
const LONG_TESTS_KNOWN: Readonly<Record<string, number>> = {
  '__tests__/emulator/official_client_calls.py': 560,
  '__tests__/emulator/official_client_4_calls.py': 500,
  '__tests__/emulator/v2-routes.test.ts': 460
}

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && CODE.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((path) => !path.includes('__pycache__') && !GENERATED.some((skip) => path.startsWith(skip)))
}

const linesOf = (path: string): number => readFileSync(join(ROOT, path), 'utf8').split('\n').length - 1

describe('file sizes', () => {
  test('source files (src/, emulator/, python/, scripts/) hold at most 300 lines', () => {
    const files = ['src', 'emulator', 'python', 'scripts'].flatMap(filesUnder)
    expect(files.length).toBeGreaterThan(100)
    const over = files.map((path) => ({ path, lines: linesOf(path) })).filter(({ lines }) => lines > 300)
    expect(over).toEqual([])
  })

  test('test files hold at most 400 lines (the few known longer ones no more than they do today)', () => {
    const over = filesUnder('__tests__')
      .map((path) => ({ path, lines: linesOf(path) }))
      .filter(({ path, lines }) => lines > (LONG_TESTS_KNOWN[path] ?? 400))
    expect(over).toEqual([])
  })

  test("no line of code is wider than the formatter's 120 columns (a long string or pattern is split by hand)", () => {
    const formatted = ['src', 'emulator', 'scripts', '__tests__']
      .flatMap(filesUnder)
      .filter((path) => /\.(ts|mjs|cjs|js)$/.test(path))
    const wide = formatted.flatMap((path) =>
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.length > 120 ? [`${path}:${i + 1} (${line.length})`] : []))
    )
    expect(wide).toEqual([])
  })

  test('every file on the known-long list is still over 400 lines (shorten the list when one is split)', () => {
    const split = Object.keys(LONG_TESTS_KNOWN).filter((path) => linesOf(path) <= 400)
    expect(split).toEqual([])
  })
})
