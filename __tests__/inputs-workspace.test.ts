/**
 * Workspace containment (issue 9 §2): which files the inputs may point at, and how
 * extra-files globs are bounded. Every case builds its own workspace and, where it
 * matters, a folder outside it.
 */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parseInputs } from '../src/inputs/parse.js'
import { MAX_GLOB_MATCHES } from '../src/inputs/extra-files.js'
import { VALID, problemsAt, problemsOf, source, workspace } from './helpers/input-source.js'

/** A folder beside the workspace holding a secret-looking file. */
function outsideFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outside-'))
  writeFileSync(join(dir, 'secret.json'), '{"stolen": true}')
  return realpathSync(dir)
}

const extraFilesProblem = (change: Record<string, string>, prepare?: (dir: string) => void): string | undefined =>
  problemsOf({ ...VALID, ...change }, {}, prepare).find((p) => p.input === 'extra-files')?.text

describe('files outside the workspace are refused, however reached', () => {
  const outside = outsideFolder()

  test.each([
    [
      'an absolute path',
      'schema',
      () => join(outside, 'secret.json'),
      /'\/.*secret\.json' is outside the workspace .*allow-outside-workspace: true/
    ],
    [
      'a .. path',
      'schema',
      (dir: string) => relative(dir, join(outside, 'secret.json')),
      /leads to \/.*secret\.json, which is outside the workspace/
    ],
    [
      'a symlinked file',
      'schema',
      (dir: string) => {
        symlinkSync(join(outside, 'secret.json'), join(dir, 'link.json'))
        return 'link.json'
      },
      /'link\.json' leads to \/.*\/secret\.json, which is outside the workspace/
    ],
    [
      'a symlinked source',
      'source-file',
      (dir: string) => {
        writeFileSync(join(outside, 'x.py'), 'def process(a, b): pass\n')
        symlinkSync(join(outside, 'x.py'), join(dir, 'x.py'))
        return 'x.py'
      },
      /'x\.py' leads to .*outside the workspace/
    ],
    [
      'a file in .git',
      'requirements-file',
      (dir: string) => {
        mkdirSync(join(dir, '.git'))
        writeFileSync(join(dir, '.git', 'config'), '[http]\n')
        return '.git/config'
      },
      /inside a \.git folder/
    ],
    [
      'a literal extra file outside',
      'extra-files',
      () => join(outside, 'secret.json'),
      /gives 1 file that may not be read: .*secret\.json \(outside the workspace/
    ]
  ])('%s in %s', (_label, input, pathIn, message) => {
    const dir = workspace()
    const problems = problemsAt(dir, { ...VALID, [input]: pathIn(dir) })
    expect(problems.find((p) => p.input === input)?.text).toMatch(message)
  })

  test('allow-outside-workspace lifts the bound for files, never for .git', () => {
    const dir = workspace()
    mkdirSync(join(outside, '.git'), { recursive: true })
    writeFileSync(join(outside, '.git', 'HEAD'), 'ref: refs/heads/main\n')
    const allowed = parseInputs(
      source(dir, { ...VALID, 'allow-outside-workspace': 'true', 'extra-files': join(outside, 'secret.json') })
    )
    expect(allowed.spec.script.files.at(-1)?.localPath).toBe(join(outside, 'secret.json'))
    expect(
      extraFilesProblem({ 'allow-outside-workspace': 'true', 'extra-files': join(outside, '.git', 'HEAD') })
    ).toMatch(/inside a \.git folder/)
  })

  test('a glob walking through a symlinked folder is refused, naming where it leads', () => {
    const text = extraFilesProblem({ 'extra-files': 'linked/*.json' }, (dir) =>
      symlinkSync(outside, join(dir, 'linked'))
    )
    expect(text).toMatch(
      /'linked\/\*\.json' gives 1 file that may not be read: linked\/secret\.json \(leads to \/.*secret\.json, outside the workspace/
    )
  })

  test('messages name paths relative to the workspace, whatever the working directory', () => {
    const dir = workspace()
    mkdirSync(join(dir, 'sub'))
    const { spec } = parseInputs(source(dir, { ...VALID, 'source-file': 'score.py' }))
    expect(process.cwd()).not.toBe(spec.workspace)
    expect(spec.script.files[0].localPath).toBe(join(spec.workspace, 'score.py'))
    expect(problemsOf({ ...VALID, schema: 'sub/none.json' })[0].text).toContain(
      "'sub/none.json' does not exist (relative paths start at the workspace"
    )
  })
})

describe('symlinks inside the workspace', () => {
  test('are read through, and upload under the name the user gave', () => {
    const dir = workspace()
    mkdirSync(join(dir, 'data'))
    writeFileSync(join(dir, 'data', 'v2.json'), '{"v": 2}')
    writeFileSync(join(dir, 'data', 'table.bin'), 'x')
    symlinkSync(join(dir, 'data', 'v2.json'), join(dir, 'current.json'))
    symlinkSync(join(dir, 'data', 'table.bin'), join(dir, 'lookup.bin'))
    const { spec } = parseInputs(source(dir, { ...VALID, schema: 'current.json', 'extra-files': 'lookup.bin' }))
    expect(
      spec.script.files
        .filter((f) => f.part === 'schema' || f.part === 'extra')
        .map((f) => [f.uploadName, relative(spec.workspace, f.localPath as string)])
    ).toEqual([
      ['current.json', 'data/v2.json'],
      ['lookup.bin', 'data/table.bin']
    ])
  })
})

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
        `matches ${MAX_GLOB_MATCHES + 20} files \\(at most ${MAX_GLOB_MATCHES}\\), e\\.g\\. many/f0000\\.dat, .* and ${MAX_GLOB_MATCHES + 15} more`
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
    expect(extra[0].text).toMatch(/gives 300 files that may not be read: .* and 295 more/)
    expect(extra[0].text.length).toBeLessThan(1000)
  })
})
