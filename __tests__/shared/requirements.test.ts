import {
  findUnpinnedRequirements,
  hideCredentials,
  readRequirementLines,
  requirementTexts
} from '../../src/shared/requirements.js'

const SHA = 'a'.repeat(40)
const unpinned = (line: string): boolean => findUnpinnedRequirements(line).length > 0

describe('findUnpinnedRequirements', () => {
  test('finds unpinned requirements with their line numbers', () => {
    const found = findUnpinnedRequirements(
      '# comment\npandas==2.2.2\nnumpy>=1.26\n\n-r base.txt\nscikit-learn\nlib @ https://x/y.whl\nreq===1.0  # pinned\n'
    )
    expect(found).toEqual([
      { line: 3, text: 'numpy>=1.26', name: 'numpy' },
      { line: 6, text: 'scikit-learn', name: 'scikit-learn' },
      { line: 7, text: 'lib @ https://x/y.whl', name: 'lib' }
    ])
  })

  test.each([
    'pandas==2.2.2',
    'pandas == 2.2.2',
    'pandas===2.2.2',
    'pandas===2.2.2+local',
    'Pandas_Extra.v2==1.0',
    'pandas[excel,performance]==2.2.2',
    'pandas [excel] == 2.2.2',
    'pandas==2.2.2; python_version < "3.9"',
    'pandas==2.2.2 ; sys_platform == "linux"',
    'pandas>=2,==2.2.2',
    'pandas (==2.2.2)',
    'pandas==2.2.2 --hash=sha256:0123abcd',
    `lib @ git+https://github.com/o/lib.git@${SHA}`,
    `lib @ git+ssh://git@github.com/o/lib.git@${SHA}#egg=lib`,
    `lib @ git+https://github.com/o/lib.git@${'b'.repeat(64)}`,
    `lib @ hg+https://hg.example.com/lib@${SHA}`,
    'lib @ svn+https://svn.example.com/lib@1234',
    'lib @ https://files.example.com/lib-1.0-py3-none-any.whl#sha256=0123abcdef',
    'lib @ https://files.example.com/lib-1.0.tar.gz#egg=lib&sha512=0123abcdef',
    `lib @ git+https://github.com/o/lib.git@${SHA} ; python_version < "3.9"`,
    `git+https://github.com/o/lib.git@${SHA}#egg=lib`,
    'https://files.example.com/lib-1.0.whl#sha256=0123abcdef'
  ])('%s is pinned', (line) => expect(findUnpinnedRequirements(line)).toEqual([]))

  test.each([
    ['pandas', 'pandas'],
    ['pandas>=2.2', 'pandas'],
    ['pandas~=2.2.0', 'pandas'],
    ['pandas!=2.2.1', 'pandas'],
    ['pandas==2.*', 'pandas'],
    ['pandas==2.2.*', 'pandas'],
    ['pandas[excel]', 'pandas'],
    ['pandas[excel]>=2; python_version < "3.9"', 'pandas'],
    ['pandas; python_version == "3.8"', 'pandas'],
    ['lib @ https://files.example.com/lib-1.0-py3-none-any.whl', 'lib'],
    ['lib @ git+https://github.com/o/lib.git', 'lib'],
    ['lib @ git+https://github.com/o/lib.git@main', 'lib'],
    ['lib @ git+https://github.com/o/lib.git@v1.0.0', 'lib'],
    ['lib @ git+https://github.com/o/lib.git@abc1234', 'lib'],
    ['lib @ svn+https://svn.example.com/lib@trunk', 'lib'],
    ['git+https://github.com/o/lib.git@main#egg=lib', 'lib'],
    ['https://files.example.com/lib-1.0.whl', 'https://files.example.com/lib-1.0.whl']
  ])('%s is not pinned (name %s)', (line, name) =>
    expect(findUnpinnedRequirements(line)).toEqual([{ line: 1, text: line, name }])
  )

  test('options after a requirement on its line are left out of its text', () => {
    expect(findUnpinnedRequirements('pandas>=2 --hash=sha256:0123abcd')).toEqual([
      { line: 1, text: 'pandas>=2', name: 'pandas' }
    ])
  })

  test('paths are no unpinned requirements: whether they work depends on the uploads', () => {
    expect(findUnpinnedRequirements('./local/lib\ndist/lib-1.0.whl\nlib @ file:///wheels/lib-1.0.whl')).toEqual([])
  })

  test('comments, blank lines and option lines are no requirements', () => {
    const file = [
      '# a comment',
      '   ',
      '',
      '-r base.txt',
      '-c constraints.txt',
      '--index-url https://pypi.example.com/simple',
      '--extra-index-url https://pypi.example.com/simple',
      '-e ./local',
      '--find-links ./wheels',
      '  # indented comment'
    ].join('\n')
    expect(findUnpinnedRequirements(file)).toEqual([])
  })

  test('a comment after a requirement is left out of its text; a # inside a URL is not a comment', () => {
    expect(findUnpinnedRequirements('numpy>=1 # any will do\npandas==2.2.2 # pinned')).toEqual([
      { line: 1, text: 'numpy>=1', name: 'numpy' }
    ])
    expect(unpinned('lib @ https://x/lib-1.0.whl#sha256=00ff')).toBe(false)
  })

  test('a line ending in \\ goes on on the next, and is reported by the line it starts on', () => {
    const file =
      'pandas==2.2.2 \\\n    --hash=sha256:00ff\nnumpy>=1 \\\n    --hash=sha256:00ff \\\n  --hash=sha256:11ee\nscipy\n'
    expect(findUnpinnedRequirements(file)).toEqual([
      { line: 3, text: 'numpy>=1', name: 'numpy' },
      { line: 6, text: 'scipy', name: 'scipy' }
    ])
  })

  test('reads Windows line ends and a byte-order mark', () => {
    expect(findUnpinnedRequirements('\uFEFFpandas\r\nnumpy==1.26.4\r\nscipy\r\n')).toEqual([
      { line: 1, text: 'pandas', name: 'pandas' },
      { line: 3, text: 'scipy', name: 'scipy' }
    ])
  })

  test('an empty file has nothing unpinned', () => {
    expect(findUnpinnedRequirements('')).toEqual([])
    expect(findUnpinnedRequirements('\n\n')).toEqual([])
  })
})

describe('readRequirementLines', () => {
  const only = (line: string) => {
    const found = readRequirementLines(line)
    expect(found).toHaveLength(1)
    return found[0]
  }

  test.each([
    ['pandas', 'unpinned', 'pandas==<version>'],
    ['numpy>=1.26', 'unpinned', 'numpy==<version>'],
    ['pandas[excel]>=2; python_version < "3.9"', 'unpinned', 'pandas[excel]==<version> ; python_version < "3.9"'],
    ['pandas==2.*', 'wildcard', 'pandas==<version>'],
    ['pandas>=2,==2.2.*', 'wildcard', 'pandas==<version>'],
    ['lib @ https://x/lib-1.0.whl', 'url', 'lib @ https://x/lib-1.0.whl#sha256=<hash>'],
    ['https://x/lib-1.0.whl#egg=lib', 'url', 'lib @ https://x/lib-1.0.whl#sha256=<hash>'],
    ['https://x/lib-1.0.whl', 'url', '<name> @ https://x/lib-1.0.whl#sha256=<hash>'],
    ['lib @ git+https://github.com/o/lib.git@main', 'vcs', 'lib @ git+https://github.com/o/lib.git@<full-commit-sha>'],
    ['lib @ git+https://github.com/o/lib.git', 'vcs', 'lib @ git+https://github.com/o/lib.git@<full-commit-sha>'],
    [
      'git+https://github.com/o/lib.git@v1.0#egg=lib',
      'vcs',
      'lib @ git+https://github.com/o/lib.git@<full-commit-sha>'
    ],
    [
      '-e git+https://github.com/o/lib.git@v1#egg=lib',
      'vcs',
      'lib @ git+https://github.com/o/lib.git@<full-commit-sha>'
    ],
    ['lib @ svn+https://svn.example.com/lib@trunk', 'vcs', 'lib @ svn+https://svn.example.com/lib@<revision>']
  ])('%s is %s, and the suggestion is pip syntax: %s', (line, kind, suggestion) => {
    expect(only(line)).toMatchObject({ kind, suggestion })
    // Valid pip syntax: a name, then `==<version>` or ` @ <url>`, never a bare `name==` after a URL.
    expect(suggestion).toMatch(/^(?:<name>|[A-Za-z][\w.-]*(?:\[[^\]]*\])?)(?:==<version>|\s@\s\S+)/)
  })

  test.each([
    ['-r base.txt', 'include', 'base.txt'],
    ['-rbase.txt', 'include', 'base.txt'],
    ['--requirement=sub/base.txt', 'include', 'sub/base.txt'],
    ['--constraint constraints.txt', 'include', 'constraints.txt'],
    ['./local/lib', 'path', './local/lib'],
    ['dist/lib-1.0.whl', 'path', 'dist/lib-1.0.whl'],
    ['lib-1.0-py3-none-any.whl', 'path', 'lib-1.0-py3-none-any.whl'],
    ['lib @ file:///wheels/lib-1.0.whl', 'path', 'file:///wheels/lib-1.0.whl'],
    ['--index-url https://pypi.example.com/simple', 'index', '--index-url'],
    ['-i https://pypi.example.com/simple', 'index', '-i'],
    ['--extra-index-url=https://pypi.example.com/simple', 'index', '--extra-index-url'],
    ['--find-links ./wheels', 'index', '--find-links'],
    ['-f https://x/wheels', 'index', '-f'],
    ['--no-index', 'index', '--no-index']
  ])('%s is %s (%s)', (line, kind, target) => expect(only(line)).toMatchObject({ kind, target }))

  test('-e with a local path is an editable path; an include by URL and other options are fine', () => {
    expect(only('-e ./pkg')).toMatchObject({ kind: 'path', target: './pkg', editable: true })
    expect(only('--editable .')).toMatchObject({ kind: 'path', target: '.', editable: true })
    expect(readRequirementLines('-r https://x/requirements.txt\n--pre\n--no-binary :all:\npandas==2.2.2')).toEqual([])
  })

  test('credentials in a URL never reach the text or the suggestion', () => {
    const [entry] = readRequirementLines('lib @ git+https://ghp_secret123@github.com/o/lib.git@main')
    expect(JSON.stringify(entry)).not.toContain('ghp_secret123')
    expect(entry?.suggestion).toBe('lib @ git+https://***@github.com/o/lib.git@<full-commit-sha>')
    expect(hideCredentials('--index-url https://me:pw@pypi.example.com/simple')).toBe(
      '--index-url https://***@pypi.example.com/simple'
    )
    expect(hideCredentials('git+ssh://git@github.com/o/lib.git')).toBe('git+ssh://git@github.com/o/lib.git')
    expect(hideCredentials('https://${USER}:${TOKEN}@pypi.example.com')).toBe(
      'https://${USER}:${TOKEN}@pypi.example.com'
    )
  })
})

test('requirementTexts: every requirement as written, comments out, credentials hidden', () => {
  expect(
    requirementTexts('# top\npandas==2.2.2 # pin\n\nlib @ https://user:tok@example.com/lib-1.0.whl\n-r more.txt\n')
  ).toEqual(['pandas==2.2.2', 'lib @ https://***@example.com/lib-1.0.whl', '-r more.txt'])
})
