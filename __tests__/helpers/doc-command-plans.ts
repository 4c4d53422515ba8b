/**
 * How __tests__/e2e/doc-commands.test.ts runs each documented command. Every command runs
 * as written unless a rule below says otherwise, with its reason — so a command added to
 * the documentation is run, and fails the test if it does not work.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { localActionEnv } from './user-shell.js'

export type Plan =
  /**
   * Run to its end in `cwd`; it must exit 0. `needs: 'pandas'` — only where Python has pandas;
   * `emulatorPort` — with an emulator listening there first, as the page says to start one.
   */
  | { kind: 'run'; command: string; cwd: string; needs?: 'pandas'; emulatorPort?: number; env?: Record<string, string> }
  /** A server: started, its "listening" line awaited, then stopped with SIGTERM. */
  | { kind: 'server'; command: string; cwd: string; port: number }
  | { kind: 'excluded'; reason: string }

/** `npm run emulator`'s port when none is given (emulator/cli.ts). */
const EMULATOR_PORT = '8800'
/** `npm run github-stand-in`'s port when none is given (emulator/github/cli.ts). */
const STAND_IN_PORT = '8801'

/** The README's placeholder for the clone of this repository. */
const CLONE = '/path/to/neomaril-deploy-action'

interface Rule {
  match: RegExp
  reason: string
}

const EXCLUDED: Rule[] = [
  {
    match: /^npm ci\b/,
    reason: 'installs node_modules from the lock file: these tests run on what it installed (.ci/run runs it first)'
  },
  { match: /^npm test\b/, reason: 'runs every test, this one included, so it would run itself; .ci/run runs it' },
  { match: /^npm run test:unit$/, reason: 'the unit tests, a part of npm test (.ci/run runs npm test)' },
  {
    match: /^npm run format$/,
    reason: 'rewrites the layout of the code; npm run format:check, run by .ci/run, checks the same rule'
  },
  {
    match: /^npm run docs$/,
    reason: 'rewrites the generated sections; npm run docs -- --check, run by .ci/run, checks the same'
  },
  {
    match: /^npm run embed$/,
    reason:
      'rewrites src/harness/embedded.ts from python/harness/; __tests__/harness/embedded.test.ts checks they agree'
  },
  {
    match: /^npm run bench( -- --quick)?$/,
    reason: 'the benchmark: about 15 minutes (--quick: 2) of measuring, not a check (BENCHMARKS.md)'
  },
  { match: /^npm version /, reason: "a release step: sets package.json's version to one you choose (X.Y.Z)" },
  {
    match: /^npm run openapi:cut$/,
    reason:
      "downloads GitHub's ~29 MB OpenAPI package and rewrites the committed cut; " +
      '__tests__/scripts/openapi-cut.test.ts checks the cut'
  }
]

/** The commands .ci/run runs (CI), as a user types them (`--silent` and redirections left out). */
export function ciCommands(root: string): string[] {
  return readFileSync(join(root, '.ci', 'run'), 'utf8')
    .split('\n')
    .map((line) =>
      line
        .replace(/ --silent\b/g, '')
        .replace(/\s*[12]?>.*$/, '')
        .replace(/\s*\|.*$/, '')
        .trim()
    )
    .filter((line) => /^(npm|npx) /.test(line))
}

export function planFor(command: string, root: string): Plan {
  const rule = EXCLUDED.find((r) => r.match.test(command))
  if (rule) return { kind: 'excluded', reason: rule.reason }
  if (ciCommands(root).includes(command)) return { kind: 'excluded', reason: 'run as written by .ci/run (CI)' }
  if (/^npm run emulator\b/.test(command)) {
    const port = /--port[ =](\d+)/.exec(command)?.[1] ?? EMULATOR_PORT
    return { kind: 'server', command, cwd: root, port: Number(port) }
  }
  if (/^npm run github-stand-in\b/.test(command)) {
    const port = /--port[ =](\d+)/.exec(command)?.[1] ?? STAND_IN_PORT
    return { kind: 'server', command, cwd: root, port: Number(port) }
  }
  // Shown beside `npm run emulator`, whose default port the sample env file points at.
  if (/^npx local-action\b/.test(command))
    return { kind: 'run', command, cwd: root, emulatorPort: Number(EMULATOR_PORT), env: localActionEnv() }
  // "To deploy your own script to the emulator, from its folder": samples/sync is such a folder.
  if (command.includes(CLONE))
    return { kind: 'run', command: command.replace(CLONE, root), cwd: join(root, 'samples', 'sync') }
  // emulator/README.md's calls to a running emulator's control routes.
  if (/^curl\b.*localhost:8800\b/.test(command))
    return { kind: 'run', command, cwd: root, emulatorPort: Number(EMULATOR_PORT) }
  const pandas = /--operation Async\b/.test(command) && /--api-version v2\b/.test(command)
  return { kind: 'run', command, cwd: root, ...(pandas ? { needs: 'pandas' as const } : {}) }
}
