/**
 * How extra-files globs and lines are bounded: never .git/ or node_modules/, dot files only
 * when named, at most MAX_GLOB_MATCHES matches, short messages however many files a line refuses.
 */
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import { MAX_GLOB_MATCHES } from '../../src/inputs/extra-files.js'
import { VALID, extraFilesProblem, outsideFolder, problemsOf, source, workspace } from '../helpers/input-source.js'

describe('extra-files globs and lines', () => {
  /** Files a careless glob could reach; none may be uploaded unless named. */
  const layout = (dir: string): void => {
    for (const file of [
      '.git/config.dat',
      'node_modules/pkg/index.dat',
      '.config/app.dat',
      '.hidden.dat',
      'data/ok.dat',
      'data/skip.dat'
    ]) {
      mkdirSync(join(dir, file, '..'), { recursive: true })
      writeFileSync(join(dir, file), 'x')
    }
  }
  const uploaded = (extra: string, prepare: (dir: string) => void = layout): string[] => {
    const dir = workspace()
    prepare(dir)
    return parseInputs(source(dir, { ...VALID, 'extra-files': extra }))
      .spec.script.files.filter((f) => f.part === 'extra')
      .map((f) => relative(realpathSync(dir), f.localPath as string))
  }

  test('never match inside .git/ or node_modules/, nor dot files the pattern does not name', () => {
    expect(uploaded('**/*.dat')).toEqual(['data/ok.dat', 'data/skip.dat'])
    expect(extraFilesProblem({ 'extra-files': '.git/*.dat' }, layout)).toMatch(/matches no file/)
    expect(extraFilesProblem({ 'extra-files': 'node_modules/**' }, layout)).toMatch(/matches no file/)
  })

  test('match dot files when the pattern names a dot segment', () => {
    expect(uploaded('.config/*.dat\n**/.hidden.dat')).toEqual(['.config/app.dat', '.hidden.dat'])
  })

  test('!pattern exclusions apply to globs and literal lines alike', () => {
    expect(uploaded('data/*.dat\n!data/skip.dat')).toEqual(['data/ok.dat'])
    expect(uploaded('data/ok.dat\ndata/skip.dat\n!**/skip.*')).toEqual(['data/ok.dat'])
  })

  test('an exclusion that removes nothing is named in a warning, with the pattern that would', () => {
    const warningsOf = (extra: string): string[] => {
      const dir = workspace()
      layout(dir)
      mkdirSync(join(dir, 'data', 'raw'))
      writeFileSync(join(dir, 'data', 'raw', 'big.dat'), 'x')
      return parseInputs(source(dir, { ...VALID, 'extra-files': extra })).findings.warnings.filter((w) =>
        w.startsWith("Input 'extra-files'")
      )
    }
    // As .gitignore reads them, each of these would exclude something; here they match the whole path.
    expect(warningsOf('data/**\n!*.dat')).toEqual([
      "Input 'extra-files': '!*.dat' excludes no file the other lines give, so it has no effect. Patterns match " +
        "the whole path from the workspace: '!*.dat' only excludes at its top, '!**/*.dat' at any depth."
    ])
    for (const folder of ['data/raw/', 'data'])
      expect(warningsOf(`data/**\n!${folder}`)).toEqual([
        expect.stringContaining(
          `'!${folder}' excludes no file the other lines give, so it has no effect. ` +
            `To exclude a folder's files, write '!${folder.replace(/\/$/, '')}/**'.`
        )
      ])
    expect(warningsOf('data/ok.dat\n!nothing/x.dat')).toEqual([
      expect.stringMatching(/'!nothing\/x\.dat' excludes no file .* check it against the paths/)
    ])
    // An exclusion that removes a file, from a glob or a named path, is used: no warning.
    expect(warningsOf('data/**\n!**/skip.dat\n!data/raw/**')).toEqual([])
    // A folder below the glob's base is skipped whole: it excludes, so it is used.
    expect(warningsOf('data/**\n!data/raw')).toEqual([])
    expect(warningsOf('data/ok.dat\n!data/ok.dat')).toEqual([
      expect.stringContaining("'data/ok.dat' is named on its own line and excluded")
    ])
  })

  test('an exclusion that removes every match of a glob is named, with what the glob matched', () => {
    const text = extraFilesProblem({ 'extra-files': 'data/*.dat\n!data/ok.dat\n!**/skip.*\n!nothing/**' }, layout)
    expect(text).toMatch(
      new RegExp(
        /the pattern 'data\/\*\.dat' matches 2 files \(data\/ok\.dat, data\/skip\.dat\), but /.source +
          /'!data\/ok\.dat' and '!\*\*\/skip\.\*' exclude every one/.source
      )
    )
    expect(text).not.toContain('nothing/**')
    expect(text).not.toContain('matches no file')
  })

  test.each([
    ['a glob', '**/*.env\n**/.env*'],
    ['a literal line', 'config/prod.env'],
    ['a literal .env.local', 'config/.env.local']
  ])('an env-looking file from %s is refused with a pointer to env-file', (_label, extra) => {
    const text = extraFilesProblem({ 'extra-files': extra }, (dir) => {
      mkdirSync(join(dir, 'config'))
      writeFileSync(join(dir, 'config', 'prod.env'), 'K=v')
      writeFileSync(join(dir, 'config', '.env.local'), 'K=v')
    })
    expect(text).toMatch(/looks? like env files .*unmasked.*env-file/)
  })

  test(`a glob matching more than ${MAX_GLOB_MATCHES} files is refused in one short message`, () => {
    const text = extraFilesProblem({ 'extra-files': 'many/*.dat' }, (dir) => {
      mkdirSync(join(dir, 'many'))
      for (let i = 0; i < MAX_GLOB_MATCHES + 20; i++)
        writeFileSync(join(dir, 'many', `f${String(i).padStart(4, '0')}.dat`), '')
    })
    expect(text).toMatch(
      new RegExp(
        `matches ${MAX_GLOB_MATCHES + 20} files \\(at most ${MAX_GLOB_MATCHES}\\), ` +
          `e\\.g\\. many/f0000\\.dat, .* and ${MAX_GLOB_MATCHES + 15} more`
      )
    )
    expect((text as string).length).toBeLessThan(600)
  })

  test('hundreds of files refused on one line make one short message', () => {
    const outside = outsideFolder()
    for (let i = 0; i < 300; i++) writeFileSync(join(outside, `s${i}.dat`), '')
    const problems = problemsOf({ ...VALID, 'extra-files': 'out/*.dat' }, {}, (dir) =>
      symlinkSync(outside, join(dir, 'out'))
    )
    const extra = problems.filter((p) => p.input === 'extra-files')
    expect(extra).toHaveLength(1)
    const text = extra[0]?.text ?? ''
    expect(text).toMatch(/gives 300 files that may not be read: .* and 295 more/)
    expect(text.length).toBeLessThan(1000)
  })
})
