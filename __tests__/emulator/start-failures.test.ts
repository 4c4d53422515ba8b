/**
 * An emulator that cannot start — its port taken, no Python — says why and what to do,
 * and leaves nothing behind: no process, no temp folder (from the command line as the
 * docs show it, and from code).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { startEmulator } from '../../emulator/index.js'
import { liveProcessesOf, runShell, userEnv } from '../helpers/user-shell.js'
import { repoRoot } from './helpers.js'

let tmp: string
let taken: Server
let port: number

beforeAll(async () => {
  execFileSync('npm', ['run', '--silent', 'build:emulator'], { cwd: repoRoot, stdio: 'pipe' })
  taken = createServer()
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
  port = (taken.address() as { port: number }).port
}, 60_000)
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())))
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'emulator-start-'))
})
afterEach(() => rmSync(tmp, { recursive: true, force: true }))

/** Runs a command line with TMPDIR in the test's own folder, so anything left there shows. */
async function failingStart(command: string): Promise<string> {
  const run = await runShell(command, repoRoot, { env: userEnv({ TMPDIR: tmp }), timeoutMs: 60_000 })
  expect(run.code).not.toBe(0)
  // (npm keeps its own node-compile-cache there: not the emulator's.)
  expect(readdirSync(tmp).filter((name) => name !== 'node-compile-cache')).toEqual([])
  expect(liveProcessesOf(run.pid)).toEqual([])
  return run.output
}

test('npm run emulator on a port in use: says so and how to pick another; nothing left behind', async () => {
  const output = await failingStart(`npm run emulator -- --port ${port} --build-seconds 5`)
  expect(output).toContain(
    `neomaril emulator: 127.0.0.1:${port} is already in use (another emulator?): stop what holds it, ` +
      'or choose another port (--port; 0 picks a free one)'
  )
  expect(output).not.toMatch(/listening on/)
})

test('no Python to run the scripts with: says so and how to name one; nothing left behind', async () => {
  const output = await failingStart('npm run emulator -- --port 0 --python /nonexistent/python3')
  expect(output).toContain(
    "neomaril emulator: the Python '/nonexistent/python3' does not run (not found, or not an interpreter): " +
      'name one that does with --python <exe>, or leave it out to use python3.'
  )
})

test('from code: a taken port rejects with the reason, and the temp folder is removed', async () => {
  const saved = process.env.TMPDIR
  process.env.TMPDIR = tmp
  try {
    await expect(startEmulator({ port })).rejects.toThrow(`127.0.0.1:${port} is already in use`)
  } finally {
    process.env.TMPDIR = saved
  }
  expect(readdirSync(tmp)).toEqual([])
})
