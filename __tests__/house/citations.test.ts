/**
 * What the code and the docs cite is in this repository (CONTRIBUTING.md, "The code map"):
 * a comment or a page names a file that exists here, and never a section of notes kept
 * outside it. Where the code relies on the platform, docs/platform-contract.md says so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = new URL('../../', import.meta.url).pathname
const TEXT = /\.(ts|mjs|cjs|js|py|md|yml|yaml)$/
const SKIP = ['node_modules', 'dist', '.git', '__pycache__', '.local-run', 'vendor', 'fixtures', 'coverage']

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && TEXT.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((path) => !path.split('/').some((part) => SKIP.includes(part)))
    .filter((path) => path !== 'src/harness/embedded.ts')
}

const rootPages = readdirSync(ROOT).filter((name) => name.endsWith('.md'))
/** What ships or documents: every path these cite must exist. Tests may name files that do not. */
const SHIPPED = [
  ...rootPages,
  'action.yml',
  ...['src', 'emulator', 'scripts', 'python', 'docs', 'examples'].flatMap(filesUnder)
]
/** Everything, this file excepted (it spells the patterns it looks for). */
const EVERYTHING = [...SHIPPED, ...filesUnder('__tests__'), ...filesUnder('.github')].filter(
  (path) => path !== '__tests__/house/citations.test.ts'
)

/** Each line of `paths` that matches `pattern`, as `path:line: text`. */
function linesMatching(paths: readonly string[], pattern: RegExp): string[] {
  return paths.flatMap((path) =>
    readFileSync(join(ROOT, path), 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : []))
  )
}

describe('citations', () => {
  test('no section sign cites a document (an RFC may be cited by section)', () => {
    const lines = linesMatching(EVERYTHING, /\u00a7/).filter((line) => !/RFC \d+ \u00a7/.test(line))
    expect(lines).toEqual([])
  })

  test('no file points at notes outside the repository', () => {
    const notes = /mlops-current-api|neomaril-api\.md|\/work\/shared|contract \u00a7/
    expect(linesMatching(EVERYTHING, notes)).toEqual([])
    // A link to a page beside the repository (tests may hold one as data: the link checker's own cases).
    expect(linesMatching(SHIPPED, /\.\.\/shared\/[\w.-]+\.md/)).toEqual([])
  })

  test('every repository path a source file or a page names exists (an import .js stands for its .ts)', () => {
    const cited =
      /(?<![\w./-])(?:src|docs|emulator|scripts|python|examples|samples)\/[\w./-]*\w\.(?:ts|md|mjs|py|yml|json|env)\b/g
    const missing = SHIPPED.flatMap((path) =>
      (readFileSync(join(ROOT, path), 'utf8').match(cited) ?? [])
        .filter((target) => !existsSync(join(ROOT, target)))
        .map((target) => `${path}: ${target}`)
    )
    expect(missing).toEqual([])
  })
})
