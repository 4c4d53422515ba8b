/** The command line, compiled with `npm run build:emulator` and run as `node build/emulator/cli.js`. */
import { execFileSync, spawn } from 'node:child_process'
import path from 'node:path'
import { exitCode, startCli as startServerCli, type RunningCli } from './cli-process.js'
import { repoRoot } from './helpers.js'

const CLI = path.join(repoRoot, 'build', 'emulator', 'cli.js')

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:emulator'], { cwd: repoRoot, stdio: 'pipe' })
}, 60000)

/** Starts the CLI and resolves once it has printed its whole banner. */
const startCli = (args: string[]): Promise<RunningCli> =>
  startServerCli(CLI, args, (output) =>
    output.includes('group token:') ? /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] : undefined
  )

test('--help lists every flag with its default', () => {
  const help = execFileSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' })
  for (const flag of [
    'port',
    'build-seconds',
    'user',
    'password',
    'group',
    'group-token',
    'token-lifetime',
    'run-timeout',
    'data-dir',
    'python',
    'tenant',
    'require-tenant',
    'api',
    'fault',
    'build-fails',
    'quiet',
    'help'
  ]) {
    expect(help).toMatch(new RegExp(`--${flag}\\b.*\\(default: `))
  }
  expect(help).toMatch(/--port.*default: 8800/)
  expect(help).toMatch(/--build-seconds.*default: 3/)
  expect(help).toMatch(/--api.*default: v2/)
  expect(help).toMatch(/--tenant.*default: datarisk/)
})

test('--port 0 picks a free port; credentials, --fault and request logging work; SIGTERM exits 0', async () => {
  const token = 'abcdef0123456789abcdef0123456789'
  const { child, url, output } = await startCli([
    '--port',
    '0',
    '--build-seconds',
    '0',
    '--user',
    'ci@example.com',
    '--password',
    'pw-123',
    '--group',
    'team',
    '--group-token',
    token,
    '--fault',
    '{"path":"^/api/health$","kind":"status","status":503}'
  ])
  try {
    expect(output()).toMatch(/user: +ci@example\.com/)
    expect(output()).toMatch(/password: +pw-123/)
    expect(output()).toMatch(new RegExp(`group: +team\\n[\\s\\S]*group token: +${token}`))

    expect((await fetch(`${url}/api/health`)).status).toBe(503)
    expect((await fetch(`${url}/api/health`)).status).toBe(200)
    const loginRes = await fetch(`${url}/api/login`, {
      method: 'POST',
      body: new URLSearchParams({ user: 'ci@example.com', password: 'pw-123' })
    })
    expect(loginRes.status).toBe(200)
    const groups = await fetch(`${url}/api/groups`, {
      headers: { Authorization: `Bearer ${(await loginRes.json()).Token}` }
    })
    expect((await groups.json()).Results.map((g: { Name: string }) => g.Name)).toEqual(['team'])
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(output()).toMatch(/GET \/api\/health -> 503 \[fault: status\]/)
    expect(output()).toMatch(/POST \/api\/login -> 200/)
  } finally {
    child.kill('SIGTERM')
  }
  expect(await exitCode(child)).toBe(0)
})

test('--api v1 --tenant acme --require-tenant: an older server with a required tenant', async () => {
  const { child, url, output } = await startCli([
    '--port',
    '0',
    '--api',
    'v1',
    '--tenant',
    'acme',
    '--require-tenant',
    '--quiet'
  ])
  try {
    expect(output()).toMatch(/tenant: +acme \(required\)/)
    expect(output()).toMatch(/api: +v1 only/)
    const form = (tenant?: string): URLSearchParams =>
      new URLSearchParams({
        user: 'neomaril@example.com',
        password: 'neomaril-password',
        ...(tenant ? { tenant } : {})
      })
    expect((await fetch(`${url}/api/login`, { method: 'POST', body: form() })).status).toBe(401)
    const loginRes = await fetch(`${url}/api/login`, { method: 'POST', body: form('acme') })
    expect(loginRes.status).toBe(200)
    const v2 = await fetch(`${url}/api/v2/preprocessing`, {
      headers: { Authorization: `Bearer ${(await loginRes.json()).Token}` }
    })
    expect(v2.status).toBe(404)
  } finally {
    child.kill('SIGTERM')
  }
  expect(await exitCode(child)).toBe(0)
})

test('bad flags exit 2 with a message', async () => {
  for (const args of [
    ['--api', 'v3'],
    ['--tenant', ' '],
    ['--port', 'x'],
    ['--group-token', 'XYZ'],
    ['--fault', '{"kind":"reset"}'],
    ['--bogus']
  ]) {
    const child = spawn(process.execPath, [CLI, ...args])
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    expect(await exitCode(child)).toBe(2)
    expect(stderr).toMatch(/^neomaril emulator: /)
  }
})
