/**
 * `npm start` as a user runs it: options Node also knows (`--env-file`) reach the action,
 * paths are relative to where it is run, and two runs at the same time in one clone keep
 * separate records (.local-run/<time>-<pid>/, git-ignored).
 */
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import { basename, dirname, join } from 'node:path'
import { REPO_ROOT, parseOutputFile } from '../helpers/action-runner.js'
import {
  liveProcessesOf,
  runOnNode24Instead,
  runShell,
  startShell,
  userEnv,
  waitForOutput
} from '../helpers/user-shell.js'

const suite = runOnNode24Instead ? describe.skip : describe
const SECRET = 'sk-local-run-5e1f0c9a7d3b-never-printed'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(os.tmpdir(), 'local-run-'))
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

/** The run's records folder, from the line `npm start` ends with. */
function recordsOf(output: string): string {
  const file = /Outputs \(([^)]+)\/output\):/.exec(output)?.[1]
  if (!file) throw new Error(`no records folder named in:\n${output.slice(-3000)}`)
  return file
}

suite('npm start', () => {
  test('--env-file reaches the action (Node does not take it), relative to the folder npm start runs in', async () => {
    cpSync(join(REPO_ROOT, 'samples', 'sync'), folder, { recursive: true })
    writeFileSync(join(folder, 'settings.env'), `API_KEY=${SECRET}\n`)
    const run = await runShell(
      `npm --prefix ${REPO_ROOT} start -- --name "env by hand" --source-file score.py --entrypoint process ` +
        '--requirements-file requirements.txt --schema schema.json --extra-files limits.json --env-file settings.env',
      folder
    )
    expect(run.output).not.toMatch(/settings\.env: not found/)
    expect(run.output).toMatch(/The action exited with 0\./)
    expect(run.code).toBe(0)
    expect(run.output).not.toContain(SECRET)
    const records = recordsOf(run.output)
    const deployment = readFileSync(join(records, readdirOne(records), 'deployment.json'), 'utf8')
    expect(deployment).toContain('"path": "settings.env"')
    expect(deployment).not.toContain(SECRET)
  }, 120_000)

  test('two runs at the same time keep separate records; latest points at a run; all git-ignored', async () => {
    const [a, b] = await Promise.all(
      ['first', 'second'].map((name) => runShell(`npm start -- --name "${name} run" --build-seconds 1`, REPO_ROOT))
    )
    for (const run of [a, b]) expect(run?.output).toMatch(/The action exited with 0\./)
    const folders = [a, b].map((run) => recordsOf(run?.output ?? ''))
    expect(new Set(folders).size).toBe(2)
    for (const [i, dir] of folders.entries()) {
      expect(dirname(dir)).toBe(join(REPO_ROOT, '.local-run'))
      expect(basename(dir)).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-\d+$/)
      const outputs = parseOutputFile(readFileSync(join(dir, 'output'), 'utf8'))
      expect(outputs.status).toBe('deployed')
      expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain(i === 0 ? 'first run' : 'second run')
    }
    // latest names a run of its folder (these two, or one another test started since).
    const latest = readlinkSync(join(REPO_ROOT, '.local-run', 'latest'))
    expect(latest).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-\d+$/)
    expect(existsSync(join(REPO_ROOT, '.local-run', latest, 'output'))).toBe(true)
    const ignored = execFileSync('git', ['check-ignore', ...folders.map((dir) => join(dir, 'output'))], {
      cwd: REPO_ROOT,
      encoding: 'utf8'
    })
    expect(ignored.trim().split('\n')).toHaveLength(2)
    for (const dir of folders) expect(existsSync(dir)).toBe(true)
  }, 120_000)

  test('Ctrl-C: the action stops and publishes, the emulator removes its temp folder, no process is left', async () => {
    const run = startShell(
      'npm start -- --name "stopped run" --build-seconds 60',
      REPO_ROOT,
      userEnv({ TMPDIR: folder })
    )
    await waitForOutput(run, /check 1: Building/, 90_000)
    await run.stop('SIGINT')
    expect(run.output()).toMatch(/The action exited with \d+\./)
    const outputs = parseOutputFile(readFileSync(join(recordsOf(run.output()), 'output'), 'utf8'))
    expect(outputs.status).toBe('cancelled')
    expect(readdirSync(folder).filter((name) => name.startsWith('neomaril-'))).toEqual([])
    expect(liveProcessesOf(run.child.pid ?? 0)).toEqual([])
  }, 120_000)
})

/** The one records folder (neomaril-deploy-*) the action made in a run folder. */
function readdirOne(dir: string): string {
  const found = readdirSync(dir).filter((name) => name.startsWith('neomaril-deploy-'))
  expect(found).toHaveLength(1)
  return found[0] ?? ''
}
