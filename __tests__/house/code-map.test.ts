/**
 * CONTRIBUTING.md's code map against the tree: every file of src/ is named in its folder's
 * row, every file a row names exists there, and the rows are the layers
 * .dependency-cruiser.cjs enforces (one rule, written twice: this keeps them one).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const ROOT = new URL('../../', import.meta.url).pathname
const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8')
const mapSection = contributing.slice(contributing.indexOf('## The code map'), contributing.indexOf('## Checks'))

interface Row {
  readonly rank: number
  /** `src/modes/` or `src/main.ts`. */
  readonly folder: string
  readonly text: string
}
const rows: Row[] = [...mapSection.matchAll(/^\| (\d+) \| `(src\/[^`]*)` \| (.*) \|$/gm)].map((m) => ({
  rank: Number(m[1]),
  folder: m[2] ?? '',
  text: m[3] ?? ''
}))
const folderRows = rows.filter((row) => row.folder.endsWith('/'))

/** Backticked names in a row's text: `deploy.ts`, `http/`. */
function namesIn(text: string): string[] {
  return [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1] ?? '')
}

describe("CONTRIBUTING.md's code map", () => {
  test('has a row for every folder of src/ and for every top-level file', () => {
    const entries = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
    const expected = entries.map((e) => (e.isDirectory() ? `src/${e.name}/` : `src/${e.name}`)).sort()
    expect(rows.map((row) => row.folder).sort()).toEqual(expected)
  })

  test.each(folderRows.map((row) => [row.folder, row] as const))(
    "names every file of %s in that folder's row (a nested folder by its name)",
    (folder, row) => {
      const names = new Set(namesIn(row.text))
      const entries = readdirSync(join(ROOT, folder), { withFileTypes: true })
      const unnamed = entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).filter((name) => !names.has(name))
      expect(unnamed).toEqual([])
    }
  )

  test.each(folderRows.map((row) => [row.folder, row] as const))(
    "names only files that exist in %s's row",
    (folder, row) => {
      const missing = namesIn(row.text)
        .filter((name) => /\.(ts|py)$|\/$/.test(name) && !name.startsWith('src/') && !name.startsWith('python/'))
        .filter((name) => !existsSync(join(ROOT, folder, name)))
      expect(missing).toEqual([])
    }
  )

  test('names only paths that exist, outside src/ too', () => {
    const paths = namesIn(mapSection).filter(
      (name) =>
        !name.includes('<') &&
        /^(src|emulator|python|scripts|__tests__|samples|examples|dist|docs)\/|^\.[a-z-]+\.c?js$/.test(name)
    )
    expect(paths.length).toBeGreaterThan(10)
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([])
  })

  test('draws the layers .dependency-cruiser.cjs enforces: no folder imports a row above or a peer', () => {
    const require = createRequire(import.meta.url)
    const config = require(join(ROOT, '.dependency-cruiser.cjs')) as {
      forbidden: { name: string; to: { path?: string | string[] } }[]
    }
    const plain = (pattern: string): string => pattern.replace(/[\\^$]/g, '')
    const enforced = Object.fromEntries(
      config.forbidden
        .filter((rule) => rule.name.startsWith('layer:'))
        .map((rule) => [rule.name.slice('layer:'.length), [rule.to.path ?? []].flat().map(plain).sort()])
    )
    const drawn = Object.fromEntries(
      rows
        .map((row) => {
          const above = rows.filter((other) => other.rank < row.rank || (other.rank === row.rank && other !== row))
          return [row.folder, above.map((other) => other.folder).sort()] as const
        })
        .filter(([, forbidden]) => forbidden.length > 0)
    )
    expect(enforced).toEqual(drawn)
  })
})
