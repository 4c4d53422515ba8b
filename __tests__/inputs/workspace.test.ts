/**
 * Workspace containment: which files the inputs may point at. Every case builds its own
 * workspace and, where it matters, a folder outside it.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import {
  VALID,
  extraFilesProblem,
  outsideFolder,
  problemsAt,
  problemsOf,
  source,
  workspace
} from '../helpers/input-source.js'

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
      new RegExp(
        /'linked\/\*\.json' gives 1 file that may not be read: linked\/secret\.json \(leads to /.source +
          /\/.*secret\.json, outside the workspace/.source
      )
    )
  })

  test('messages name paths relative to the workspace, whatever the working directory', () => {
    const dir = workspace()
    mkdirSync(join(dir, 'sub'))
    const { spec } = parseInputs(source(dir, { ...VALID, 'source-file': 'score.py' }))
    expect(process.cwd()).not.toBe(spec.workspace)
    expect(spec.script.files[0]?.localPath).toBe(join(spec.workspace, 'score.py'))
    expect(problemsOf({ ...VALID, schema: 'sub/none.json' })[0]?.text).toContain(
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
