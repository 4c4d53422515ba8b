/**
 * The link check of `npm run docs -- --check` (scripts/lib/markdown-links.mjs): GitHub's
 * heading slugs, which links are read (not those in code), and what counts as broken — a
 * missing file, a missing heading, a path out of the repository. Then the check as CI
 * runs it, on the repository and on a README copy with a broken link.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
// @ts-expect-error plain ESM script without types
import { anchorsOf, checkLinks, headingText, linksOf, slug } from '../../scripts/lib/markdown-links.mjs'

interface Problem {
  file: string
  line: number
  message: string
}
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const tmp = mkdtempSync(join(tmpdir(), 'markdown-links-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const anchor = (heading: string): string => slug(headingText(heading)) as string

describe("GitHub's heading anchors", () => {
  test.each([
    ['Migrating from `NeomarilPreprocessingClient.create(...)`', 'migrating-from-neomarilpreprocessingclientcreate'],
    ['The local run in `validate` mode', 'the-local-run-in-validate-mode'],
    ['Dependencies, and why each', 'dependencies-and-why-each'],
    ['Deploy async preprocessing (v2)', 'deploy-async-preprocessing-v2'],
    ['Before — after', 'before--after'],
    ['**Bold**, _emphasis_ and snake_case `__init__`', 'bold-emphasis-and-snake_case-__init__'],
    ['[A link](x.md) and ![an image](y.png)', 'a-link-and-an-image'],
    ['Ação e reação', 'ação-e-reação']
  ])('%s → #%s', (heading, expected) => {
    expect(anchor(heading)).toBe(expected)
  })

  test('repeated headings get -1, -2; headings in code blocks and <a id> anchors count as GitHub counts them', () => {
    const text = ['# Setup', '```sh', '# not a heading', '```', '## Setup', '### Setup #', '<a id="custom"></a>'].join(
      '\n'
    )
    expect([...(anchorsOf(text) as Set<string>)]).toEqual(['setup', 'setup-1', 'setup-2', 'custom'])
  })
})

describe('which links are read', () => {
  test('inline links, images, <targets>, reference definitions and href; not code spans or fenced code', () => {
    const text = [
      'See [docs](docs/a.md#part) and ![img](img.png "title") and [spaced](<b c.md>).',
      'Code: `[not](a-link.md)` and ``[nor](this.md)``.',
      '```md',
      '[inside](a-fence.md)',
      '```',
      '[ref]: ../other.md',
      '<a href="html.md">html</a>'
    ].join('\n')
    expect(linksOf(text)).toEqual([
      { line: 1, target: 'docs/a.md#part' },
      { line: 1, target: 'img.png' },
      { line: 1, target: 'b c.md' },
      { line: 6, target: '../other.md' },
      { line: 7, target: 'html.md' }
    ])
  })
})

describe('checkLinks', () => {
  const repo = join(tmp, 'repo')
  mkdirSync(join(repo, 'docs'), { recursive: true })
  mkdirSync(join(repo, 'src'), { recursive: true })
  writeFileSync(join(repo, 'src', 'main.ts'), '')
  writeFileSync(join(repo, 'docs', 'guide.md'), '# Guide\n\n## Set-up steps\n\n[home](../README.md#usage)\n')

  const check = (readme: string): Problem[] => {
    writeFileSync(join(repo, 'README.md'), readme)
    const files = [
      { path: join(repo, 'README.md'), place: 'README.md' },
      { path: join(repo, 'docs', 'guide.md'), place: 'docs/guide.md' }
    ]
    return checkLinks(files, { root: repo }) as Problem[]
  }

  test('passes on links to files, folders, headings here and in other files, line anchors and web pages', () => {
    const readme = [
      '# Usage',
      '[guide](docs/guide.md), [steps](docs/guide.md#set-up-steps), [here](#usage), [src](src),',
      '[line](src/main.ts#L3-L9), [web](https://example.com/x.md#nowhere), [mail](mailto:a@b.c)'
    ].join('\n')
    expect(check(readme)).toEqual([])
  })

  test('names each broken link with its file and line', () => {
    const readme = [
      '# Usage',
      '[gone](docs/missing.md)',
      '[no heading](docs/guide.md#set-up) and [nor here](#install)',
      '[outside](../shared/notes.md) [absolute](/etc/passwd)',
      '[not a line](src/main.ts#main)'
    ].join('\n')
    const problems = check(readme)
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual([
      'README.md:2',
      'README.md:3',
      'README.md:3',
      'README.md:4',
      'README.md:4',
      'README.md:5'
    ])
    expect(problems[0]?.message).toBe("'docs/missing.md' points at docs/missing.md, which does not exist")
    expect(problems[1]?.message).toBe("'docs/guide.md#set-up': docs/guide.md has no heading with the anchor #set-up")
    expect(problems[2]?.message).toBe("'#install': this file has no heading with the anchor #install")
    expect(problems[3]?.message).toMatch(/leads outside the repository/)
    expect(problems[4]?.message).toMatch(/is an absolute path/)
    expect(problems[5]?.message).toMatch(/#main is not a line anchor/)
  })

  test("a file's links are read from where it stands in the repository, so a copy elsewhere checks alike", () => {
    writeFileSync(join(repo, 'README.md'), '# Usage\n')
    const copy = join(tmp, 'README-copy.md')
    writeFileSync(copy, '[guide](docs/guide.md#guide)\n')
    expect(checkLinks([{ path: copy, place: 'README.md' }], { root: repo })).toEqual([])
  })
})

function docs(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env, NODE_OPTIONS: '' }
    const script = join(ROOT, 'scripts', 'docs.mjs')
    execFile(process.execPath, [script, ...args], { cwd: ROOT, env, timeout: 55_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

describe('docs.mjs --check', () => {
  test("passes on the repository's documentation, links included", async () => {
    const run = await docs(['--check'])
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/links in \d+ files/)
    expect(run.code).toBe(0)
  })

  test('fails on a README with a broken link, naming it', async () => {
    const readme = join(tmp, 'README-broken.md')
    writeFileSync(
      readme,
      readFileSync(join(ROOT, 'README.md'), 'utf8').replace('](docs/security.md)', '](docs/safety.md)')
    )
    const run = await docs(['--check', '--readme', readme])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^README\.md:\d+: 'docs\/safety\.md' points at docs\/safety\.md, which does not exist$/m)
    expect(run.stderr).not.toContain('out of date')
  })
})
