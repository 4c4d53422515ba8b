/** `--model <file.json>`: models seeded from the command line (compiled CLI, as cli.test.ts runs it). */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DEFAULT_GROUP_TOKEN } from '../../emulator/index.js'
import { bearer, GROUP, repoRoot } from './helpers.js'
import { MODEL_SYNC } from './model-fixtures.js'

const CLI = path.join(repoRoot, 'build', 'emulator', 'cli.js')
const SYNC = 'M' + '1'.repeat(63)
const ASYNC = 'M' + '2'.repeat(63)
let dir: string

beforeAll(async () => {
  execFileSync('npm', ['run', '--silent', 'build:emulator'], { cwd: repoRoot, stdio: 'pipe' })
  dir = await mkdtemp(path.join(os.tmpdir(), 'models-cli-'))
  await writeFile(path.join(dir, 'model.py'), MODEL_SYNC)
  await writeFile(path.join(dir, 'weights.txt'), '0.1')
  await writeFile(
    path.join(dir, 'models.json'),
    JSON.stringify([
      { hash: SYNC, operation: 'Sync', source: 'model.py', files: ['weights.txt'] },
      { hash: ASYNC, operation: 'Async', source: 'model.py', status: 'Disabled' }
    ])
  )
  await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ hash: 'M1', operation: 'Sync', source: 'model.py' }))
}, 60000)
afterAll(() => rm(dir, { recursive: true, force: true }))

const exitCode = (child: ReturnType<typeof spawn>): Promise<number | null> =>
  new Promise((resolve) => child.on('exit', (code) => resolve(code)))

test('--model seeds the file’s models (paths relative to it); the banner lists them; they run', async () => {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet', '--model', path.join(dir, 'models.json')])
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`CLI did not start: ${output}`)), 10000)
      child.stdout.on('data', () => {
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
        if (found && output.includes(ASYNC)) {
          clearTimeout(timer)
          resolve(found)
        }
      })
    })
    expect(output).toContain(`  model:       ${SYNC} (${GROUP}, Sync, Deployed)`)
    expect(output).toContain(`  model:       ${ASYNC} (${GROUP}, Async, Disabled)`)
    const res = await fetch(`${url}/api/model/sync/run/${GROUP}/${SYNC}`, {
      method: 'POST',
      headers: bearer(DEFAULT_GROUP_TOKEN),
      body: JSON.stringify({ Input: [{ income_k: 10, age: 20 }] })
    })
    expect([res.status, await res.json()]).toEqual([200, { scores: [1.2] }])
  } finally {
    child.kill('SIGTERM')
  }
  expect(await exitCode(child)).toBe(0)
}, 30000)

test('a bad --model file exits 2 naming the file or the field', async () => {
  for (const [file, message] of [
    ['bad.json', /'hash' must be 'M' and 63 hex digits/],
    ['missing.json', /--model .*missing\.json: ENOENT/]
  ] as const) {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--model', path.join(dir, file)])
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    expect(await exitCode(child)).toBe(2)
    expect(stderr).toMatch(/^neomaril emulator: /)
    expect(stderr).toMatch(message)
  }
})
