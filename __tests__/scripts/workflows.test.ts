/**
 * The documentation and workflow checks CI runs (npm run docs -- --check, npm run
 * check:workflows): they pass on the repository and fail, naming the problem, on broken
 * copies. The scripts are spawned as CI runs them: check-workflows installs module-loader
 * hooks for @actions/workflow-parser, which must not leak into the test process.
 */
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const DOCS = join(ROOT, 'scripts', 'docs.mjs')
const CHECK = join(ROOT, 'scripts', 'check-workflows.mjs')

interface Run {
  code: number
  stdout: string
  stderr: string
}

function node(script: string, args: string[]): Promise<Run> {
  return new Promise((done) => {
    // Without NODE_OPTIONS: jest's --experimental-vm-modules is not what CI runs the scripts with.
    const env = { ...process.env, NODE_OPTIONS: '', GITHUB_ACTIONS: '' }
    execFile(process.execPath, [script, ...args], { cwd: ROOT, env, timeout: 55_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      done({ code, stdout: String(stdout), stderr: String(stderr) })
    })
  })
}

// Made here, not in beforeAll: test.concurrent bodies may start before beforeAll hooks run.
const tmp = mkdtempSync(join(tmpdir(), 'workflows-test-'))

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

/** A workflow calling the action; `withBlock` replaces its `with:` lines. */
function workflow(withBlock: string, extraSteps = ''): string {
  return `name: temp
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: deploy
        uses: ./
        with:
${withBlock}
${extraSteps}`
}

const GOOD_WITH = `          name: loan features
          entrypoint: process
          source-file: samples/sync/score.py
          requirements-file: samples/sync/requirements.txt
          schema: samples/sync/schema.json`

describe('docs.mjs --check', () => {
  test('passes on the committed README', async () => {
    const run = await node(DOCS, ['--check'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  test('fails on a README whose inputs table was edited, naming that section only', async () => {
    const readme = join(tmp, 'README-inputs.md')
    const text = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const edited = text.replace(/^\| `url` \| no \|/m, '| `url` | yes |')
    expect(edited).not.toBe(text)
    writeFileSync(readme, edited)

    const run = await node(DOCS, ['--check', '--readme', readme])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("section 'inputs-table' is out of date")
    expect(run.stderr).not.toContain("'outputs-table'")
    expect(run.stderr).not.toContain("'examples'")
  })

  test('fails naming the outputs table when action.yml gains an output, and a rewrite mends it', async () => {
    const action = join(tmp, 'action.yml')
    const readme = join(tmp, 'README-outputs.md')
    const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    writeFileSync(
      action,
      yml.replace(/^outputs:\n/m, 'outputs:\n  extra-output:\n    description: A | pipe and <angle> brackets.\n')
    )
    cpSync(join(ROOT, 'README.md'), readme)

    const check = await node(DOCS, ['--check', '--readme', readme, '--action', action])
    expect(check.code).toBe(1)
    expect(check.stderr).toContain("section 'outputs-table' is out of date")
    expect(check.stderr).not.toContain("'inputs-table'")

    expect((await node(DOCS, ['--readme', readme, '--action', action])).code).toBe(0)
    const written = readFileSync(readme, 'utf8')
    expect(written).toContain('| `extra-output` | A \\| pipe and &lt;angle&gt; brackets. |')
    // only the generated sections change
    const outside = (s: string) => s.replace(/<!-- outputs-table:start -->[\s\S]*<!-- outputs-table:end -->/, '')
    expect(outside(written)).toBe(outside(readFileSync(join(ROOT, 'README.md'), 'utf8')))
    expect((await node(DOCS, ['--check', '--readme', readme, '--action', action])).code).toBe(0)
  })
})

// Each run spends most of its ~1 s starting Node, the parser and actionlint's wasm: run them side by side.
describe('check-workflows.mjs', () => {
  test.concurrent('passes on the repository (action.yml, examples/, .github/workflows/, README)', async () => {
    const run = await node(CHECK, [])
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/no problems/)
    expect(run.code).toBe(0)
  })

  test.concurrent('fails on an example passing an input action.yml does not have, with its line', async () => {
    const file = join(tmp, 'unknown-input.yml')
    writeFileSync(file, workflow(`${GOOD_WITH}\n          smoke-tset: true`))
    const run = await node(CHECK, [file])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /unknown-input\.yml:16:11: \[action-usage\] '\.\/' has no input 'smoke-tset'; did you mean 'smoke-test'\?/
    )
  })

  test.concurrent('fails on a step reading an output action.yml does not declare', async () => {
    const file = join(tmp, 'unknown-output.yml')
    const reader = '      - run: echo "${{ steps.deploy.outputs.preprocessing-id }} ${{ steps.deploy.outputs.hash }}"\n'
    writeFileSync(file, workflow(GOOD_WITH, reader))
    const run = await node(CHECK, [file])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /unknown-output\.yml:16:\d+: \[action-usage\] step 'deploy' \(this action\) has no output 'hash'/
    )
    expect(run.stderr).not.toContain("'preprocessing-id'")
  })

  test.concurrent('fails on a syntactically wrong workflow, by both parsers', async () => {
    const dir = mkdtempSync(join(tmp, 'syntax-'))
    writeFileSync(join(dir, 'broken.yml'), 'name: broken\non: [push\njobs:\n  a:\n    runs-on: ubuntu-latest\n')
    const run = await node(CHECK, ['--dir', dir])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/broken\.yml:\d+:\d+: \[workflow-parser\]/)
    expect(run.stderr).toMatch(/broken\.yml:\d+: \[actionlint syntax-check\] could not parse as YAML/)
  })

  test.concurrent('fails on a workflow that is YAML but not a workflow', async () => {
    const file = join(tmp, 'schema.yml')
    writeFileSync(file, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo hi\n')
    const run = await node(CHECK, [file])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("schema.yml:5:5: [workflow-parser] Unexpected value 'stepz'")
    expect(run.stderr).toMatch(/schema\.yml:5:5: \[actionlint syntax-check\] unexpected key "stepz"/)
  })

  test.concurrent('fails on an action.yml that breaks the action schema', async () => {
    const action = join(tmp, 'bad-action.yml')
    writeFileSync(action, readFileSync(join(ROOT, 'action.yml'), 'utf8').replace(/^runs:\n/m, 'runz:\n'))
    const run = await node(CHECK, ['--action', action, '--no-actionlint', join(ROOT, 'examples')])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/bad-action\.yml(:\d+:\d+)?: \[action-schema\] /)
  })

  test.concurrent(
    'fails on a Dependabot config with an unknown key, a wrong interval or an ecosystem left out',
    async () => {
      const dir = mkdtempSync(join(tmp, 'dependabot-'))
      const good = join(dir, 'good.yml')
      writeFileSync(good, workflow(GOOD_WITH))
      const config = join(dir, 'dependabot.yml')
      writeFileSync(
        config,
        'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n' +
          '    schedule:\n      interval: fortnightly\n    open-pull-request-limit: 5\n'
      )
      const run = await node(CHECK, ['--no-actionlint', '--dependabot', config, good])
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(
        /dependabot\.yml:6: \[dependabot\] updates\[0\]: schedule\.interval 'fortnightly' is not one of daily, weekly/
      )
      expect(run.stderr).toMatch(
        /dependabot\.yml:7: \[dependabot\] updates\[0\]: unknown key 'open-pull-request-limit'/
      )
      expect(run.stderr).toContain('no update entry for github-actions')
      // The repository's own config passes the same check.
      const own = await node(CHECK, ['--no-actionlint', '--dependabot', join(ROOT, '.github', 'dependabot.yml'), good])
      expect(own.stderr).toBe('')
      expect(own.code).toBe(0)
    }
  )
})
