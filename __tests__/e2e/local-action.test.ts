/**
 * GitHub's own local runner for JavaScript actions, @github/local-action, runs the action
 * from its folder as docs/local-checks.md shows (`npx local-action . src/main.ts <env
 * file>`), with samples/local-action.env pointed at an emulator: the deploy and its smoke
 * test pass, the runner shows every output, and no secret is printed.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD } from '../../emulator/index.js'
import { REPO_ROOT } from '../helpers/action-runner.js'
import { useEmulator } from '../helpers/e2e.js'
import { localActionEnv, runOnNode24Instead, runShell, userEnv } from '../helpers/user-shell.js'

const suite = runOnNode24Instead ? describe.skip : describe
const emulator = useEmulator({ buildSeconds: 1 })

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(os.tmpdir(), 'local-action-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

/** The runner's "Action Outputs" table: │ 0 │ 'status' │ 'deployed' │ rows. */
function outputsTable(text: string): Record<string, string> {
  const table = text.slice(text.indexOf('Action Outputs'))
  const rows = [...table.matchAll(/│ \d+\s+│ '([\w-]+)'\s+│ '([^']*)'\s+│/g)]
  return Object.fromEntries(rows.map(([, name, value]) => [name ?? '', value ?? '']))
}

suite('@github/local-action', () => {
  test('deploys and smoke-tests with samples/local-action.env; outputs shown, no secret printed', async () => {
    // The sample env file as shipped, pointed at this test's emulator instead of port 8800.
    const sample = readFileSync(join(REPO_ROOT, 'samples', 'local-action.env'), 'utf8')
    expect(sample).toMatch(/^INPUT_URL=http:\/\/127\.0\.0\.1:8800$/m)
    const envFile = join(folder, 'local-action.env')
    writeFileSync(envFile, sample.replace(/^INPUT_URL=.*$/m, `INPUT_URL=${emulator.url}`))

    const run = await runShell(`npx local-action . src/main.ts ${envFile}`, REPO_ROOT, {
      env: userEnv({ ...localActionEnv(), TMPDIR: folder })
    })
    if (run.code !== 0) throw new Error(`local-action exited with ${run.code}:\n${run.output.slice(-4000)}`)

    const outputs = outputsTable(run.output)
    expect(outputs).toMatchObject({
      status: 'deployed',
      operation: 'Sync',
      group: 'datarisk',
      'api-version': 'v1',
      'smoke-test': 'passed'
    })
    expect(outputs['preprocessing-id']).toMatch(/^S[0-9a-f]{63}$/)
    expect(emulator.scripts().map((s) => s.hash)).toContain(outputs['preprocessing-id'])

    // Nothing secret in what it printed (no ::add-mask:: line either: the runner's stub took it) …
    for (const secret of [DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN]) expect(run.output).not.toContain(secret)
    expect(run.output).not.toMatch(/::add-mask::/)
    // … nor in the records it left (result.json, deployment.json, the logs).
    const records = dirname(outputs['result-file'] ?? '')
    expect(records.startsWith(folder)).toBe(true)
    for (const file of readdirSync(records)) {
      const text = readFileSync(join(records, file), 'latin1')
      for (const secret of [DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN]) expect(text).not.toContain(secret)
    }
  }, 120_000)
})
