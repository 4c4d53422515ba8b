/**
 * The reader of the documentation's commands (doc-commands.ts) and the plan for each
 * (doc-command-plans.ts): a command shown anywhere is found as a user would type it, and
 * is run unless excluded with a reason.
 */
import { REPO_ROOT } from './action-runner.js'
import { commandsOf, documentedCommands } from './doc-commands.js'
import { ciCommands, planFor } from './doc-command-plans.js'

const PAGE = [
  'Intro with `npm start -- --help` inline, and `node x` (not npm) ignored.',
  '',
  '```sh',
  '# a comment line',
  'npm ci && npm test    # two commands',
  'npm start -- --name "a # not a comment" \\',
  '  --smoke-test',
  '$ npm run emulator',
  '```',
  '',
  '```yaml',
  'run: npm run never-read',
  '```',
  '',
  '```',
  'npm run no-language-fence',
  '```'
].join('\n')

test('shell blocks and inline npm spans, as typed: continuations joined, comments, prompts and && split off', () => {
  expect(commandsOf(PAGE, 'page.md')).toEqual([
    { command: 'npm start -- --help', where: 'page.md:1' },
    { command: 'npm ci', where: 'page.md:5' },
    { command: 'npm test', where: 'page.md:5' },
    { command: 'npm start -- --name "a # not a comment" --smoke-test', where: 'page.md:6' },
    { command: 'npm run emulator', where: 'page.md:8' }
  ])
})

test("the repository's pages are all read, the README first", () => {
  const found = documentedCommands(REPO_ROOT)
  expect(found[0]?.where).toMatch(/^README\.md:/)
  expect(new Set(found.map((c) => c.where.split(':')[0]))).toEqual(
    new Set([
      'README.md',
      'CONTRIBUTING.md',
      'BENCHMARKS.md',
      'docs/examples.md',
      'docs/local-checks.md',
      'docs/troubleshooting.md',
      'emulator/README.md'
    ])
  )
})

test('a command is run unless a rule excludes it with its reason; CI commands are those .ci/run runs', () => {
  expect(planFor('npm run some-new-script', REPO_ROOT)).toMatchObject({ kind: 'run', cwd: REPO_ROOT })
  expect(planFor('npm test', REPO_ROOT)).toMatchObject({ kind: 'excluded', reason: expect.stringMatching(/itself/) })
  expect(ciCommands(REPO_ROOT)).toEqual(expect.arrayContaining(['npm run lint', 'npm run build']))
  expect(planFor('npm run lint', REPO_ROOT)).toEqual({ kind: 'excluded', reason: 'run as written by .ci/run (CI)' })
  expect(planFor('npm run emulator', REPO_ROOT)).toMatchObject({ kind: 'server', port: 8800 })
  expect(planFor('npm --prefix /path/to/neomaril-deploy-action start -- --name x', REPO_ROOT)).toEqual({
    kind: 'run',
    command: `npm --prefix ${REPO_ROOT} start -- --name x`,
    cwd: `${REPO_ROOT}/samples/sync`
  })
})

test('servers are started and stopped, not awaited; a command that rewrites committed files is not run', () => {
  // The GitHub stand-in runs until stopped, like the emulator: run to its end, it would hang the test.
  expect(planFor('npm run github-stand-in -- --port 8801 --token t0', REPO_ROOT)).toMatchObject({
    kind: 'server',
    port: 8801
  })
  expect(planFor('npm run github-stand-in', REPO_ROOT)).toMatchObject({ kind: 'server', port: 8801 })
  // Downloads a package from the registry and rewrites __tests__/fixtures/github-openapi/.
  expect(planFor('npm run openapi:cut', REPO_ROOT)).toMatchObject({
    kind: 'excluded',
    reason: expect.stringMatching(/rewrites the committed cut/)
  })
  // Every server the pages show is one of those the test knows how to start.
  for (const { command } of documentedCommands(REPO_ROOT))
    if (/^npm run (emulator|github-stand-in)\b/.test(command))
      expect(planFor(command, REPO_ROOT)).toMatchObject({ kind: 'server' })
})
