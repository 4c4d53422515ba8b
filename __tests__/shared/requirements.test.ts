import { findUnpinnedRequirements } from '../../src/shared/requirements.js'

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
    ['lib @ file:///wheels/lib-1.0.whl', 'lib'],
    ['lib @ git+https://github.com/o/lib.git', 'lib'],
    ['lib @ git+https://github.com/o/lib.git@main', 'lib'],
    ['lib @ git+https://github.com/o/lib.git@v1.0.0', 'lib'],
    ['lib @ git+https://github.com/o/lib.git@abc1234', 'lib'],
    ['lib @ svn+https://svn.example.com/lib@trunk', 'lib'],
    ['git+https://github.com/o/lib.git@main#egg=lib', 'lib'],
    ['https://files.example.com/lib-1.0.whl', 'https://files.example.com/lib-1.0.whl'],
    ['./local/lib', './local/lib'],
    ['dist/lib-1.0.whl', 'dist/lib-1.0.whl']
  ])('%s is not pinned (name %s)', (line, name) =>
    expect(findUnpinnedRequirements(line)).toEqual([{ line: 1, text: line, name }])
  )

  test('options after a requirement on its line are left out of its text', () => {
    expect(findUnpinnedRequirements('pandas>=2 --hash=sha256:0123abcd')).toEqual([
      { line: 1, text: 'pandas>=2', name: 'pandas' }
    ])
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
