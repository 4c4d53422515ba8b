import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import { VALID, problemsAt, source, workspace } from '../helpers/input-source.js'

/** A workspace whose requirements.txt is `lines`, plus base.txt, sub/base.txt, a wheel and a package folder. */
function withRequirements(lines: string[]): string {
  const dir = workspace()
  writeFileSync(join(dir, 'requirements.txt'), `${lines.join('\n')}\n`)
  writeFileSync(join(dir, 'base.txt'), 'numpy==1.26.4\n')
  mkdirSync(join(dir, 'sub'))
  writeFileSync(join(dir, 'sub', 'base.txt'), 'numpy==1.26.4\n')
  writeFileSync(join(dir, 'mylib-1.0-py3-none-any.whl'), 'wheel')
  mkdirSync(join(dir, 'pkg'))
  return dir
}

const requirementProblems = (lines: string[], inputs: Record<string, string> = {}) =>
  problemsAt(withRequirements(lines), { ...VALID, ...inputs }).filter((p) => p.input === 'requirements-file')

const notesOf = (lines: string[], inputs: Record<string, string> = {}) =>
  parseInputs(source(withRequirements(lines), { ...VALID, ...inputs })).findings.requirementLines.notes

describe('requirement lines the server cannot install are input errors', () => {
  test.each([
    ['-r base.txt', {}, /line 1 '-r base\.txt' includes 'base\.txt'.*not one of them.*Add base\.txt to extra-files/],
    ['-c base.txt', {}, /includes 'base\.txt'/],
    [
      '-r sub/base.txt',
      { 'extra-files': 'sub/base.txt' },
      /'base\.txt' is uploaded, but at the top of the script's folder.*Write it as '-r base\.txt'/
    ],
    ['-e ./pkg', {}, /installs the folder '\.\/pkg' from the runner in editable mode.*Build a wheel/],
    ['-e .', {}, /editable mode/],
    ['./pkg', {}, /installs '\.\/pkg' from the runner; .*not one of them.*Build a wheel/],
    ['mylib-1.0-py3-none-any.whl', {}, /installs 'mylib-1\.0-py3-none-any\.whl' from the runner/]
  ])('%s (%p)', (line, inputs, message) => {
    const problems = requirementProblems(['pandas==2.2.2', line], inputs)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.text.replace('line 2', 'line 1')).toMatch(message)
  })

  test('an include or a file uploaded at the top of the folder is fine', () => {
    const inputs = { 'extra-files': 'base.txt\nmylib-1.0-py3-none-any.whl' }
    expect(requirementProblems(['-r base.txt', './mylib-1.0-py3-none-any.whl'], inputs)).toEqual([])
    expect(notesOf(['-r base.txt', 'mylib-1.0-py3-none-any.whl'], inputs)).toEqual([])
  })

  test('an uploaded include is read by the same rules, once, its notes on its own lines', () => {
    const dir = withRequirements(['-r base.txt'])
    writeFileSync(join(dir, 'base.txt'), 'numpy>=1\n-r base.txt\n-r other.txt\n')
    const inputs = { ...VALID, 'extra-files': 'base.txt' }
    const problems = problemsAt(dir, inputs).filter((p) => p.input === 'requirements-file')
    expect(problems.map((p) => p.text)).toEqual([
      expect.stringMatching(/^line 3 of base\.txt \(included\) '-r other\.txt' includes 'other\.txt'/)
    ])
    writeFileSync(join(dir, 'base.txt'), 'numpy>=1\n-r base.txt\n')
    const notes = parseInputs(source(dir, inputs)).findings.requirementLines.notes
    expect(notes).toEqual([expect.objectContaining({ file: 'base.txt', line: 1, title: 'Unpinned requirement' })])
  })

  test('smoke-test mode uploads nothing: its requirements-file is not read against the uploads', () => {
    const inputs = { mode: 'smoke-test', 'preprocessing-id': `S${'a'.repeat(63)}`, 'group-token': 'f'.repeat(32) }
    expect(requirementProblems(['-r base.txt'], inputs)).toEqual([])
  })
})

describe('requirement lines that may not work, or not the same way twice, are warnings on their line', () => {
  test('each kind has its title and a fix in pip syntax', () => {
    const notes = notesOf([
      'pandas==2.2.2',
      'numpy>=1.26',
      'scipy==1.*',
      'lib @ https://files.example.com/lib-1.0.whl',
      'other @ git+https://github.com/o/other.git@main',
      '--index-url https://me:hunter2@pypi.example.com/simple',
      '/opt/wheels/x-1.0.whl'
    ])
    expect(notes.map((n) => [n.line, n.title])).toEqual([
      [2, 'Unpinned requirement'],
      [3, 'Wildcard pin'],
      [4, 'URL without a hash'],
      [5, 'VCS reference not pinned'],
      [6, 'Package index option'],
      [7, 'Path on the build machine']
    ])
    const text = notes.map((n) => n.message).join('\n')
    expect(text).toMatch(/'numpy>=1\.26' is not pinned to one version.*Pin it: numpy==<version>/)
    expect(text).toMatch(/'scipy==1\.\*' pins a wildcard.*Pin it: scipy==<version>/)
    expect(text).toMatch(
      /Add the archive's hash, which pip checks: lib @ https:\/\/files\.example\.com\/lib-1\.0\.whl#sha256=<hash>/
    )
    expect(text).toMatch(/follows 'main', a branch or tag, which can move/)
    expect(text).toContain('Pin a full commit: other @ git+https://github.com/o/other.git@<full-commit-sha>')
    expect(text).toMatch(/changes where the server's pip looks for packages.*out of its reach/)
    expect(text).not.toContain('hunter2')
    // The old suggestion was not pip syntax: a URL followed by ==<version>.
    expect(text).not.toMatch(/https?:\S*==<version>/)
  })
})
