/**
 * `npm run github-stand-in`: the compiled command line (build/emulator/github/cli.js) prints the
 * GITHUB_API_URL to use, serves its tokens with their permissions, and on SIGTERM lists the
 * violations it recorded; `--token` values as the CLI reads them.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import { parseToken } from '../../emulator/github/index.js'
import { repoRoot } from './helpers.js'

const CLI = path.join(repoRoot, 'build', 'emulator', 'github', 'cli.js')

beforeAll(() => {
  execFileSync('npm', ['run', '--silent', 'build:emulator'], { cwd: repoRoot, stdio: 'pipe' })
}, 60000)

function start(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: repoRoot })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start: ${output}`)), 15000)
    child.stdout.on('data', () => {
      const url = /GITHUB_API_URL=(\S+)/.exec(output)?.[1]
      if (url && output.includes('token:')) {
        clearTimeout(timer)
        resolve({ child, url, output: () => output })
      }
    })
    child.on('exit', () => reject(new Error(`CLI exited: ${output}`)))
  })
}

const exited = (child: ChildProcessWithoutNullStreams): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.on('exit', (code) => resolve(code)))

test('prints GITHUB_API_URL, serves the tokens it was given, and lists violations on SIGTERM', async () => {
  const { child, url, output } = await start([
    '--port',
    '0',
    '--base-path',
    '/api/v3',
    '--repository',
    'team/scripts',
    '--token',
    'w0',
    '--token',
    'ro:deployments=read'
  ])
  try {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
    expect(output()).toContain('token:        ro (deployments: read)')
    const post = (token: string, body: unknown): Promise<Response> =>
      fetch(`${url}/repos/team/scripts/deployments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      })
    expect((await post('ro', { ref: 'main', required_contexts: [] })).status).toBe(403)
    expect((await post('w0', { ref: 'main', required_contexts: [] })).status).toBe(201)
    expect((await post('w0', { environment: 'staging' })).status).toBe(422)
  } finally {
    child.kill('SIGTERM')
  }
  expect(await exited(child)).toBe(0)
  expect(output()).toMatch(/violations:\n {2}repos\/create-deployment: body must have required property 'ref'/)
  expect(output()).toMatch(/POST \/api\/v3\/repos\/team\/scripts\/deployments → 201/)
}, 30000)

test('refuses a bad flag value with a message naming it', () => {
  const run = (): string =>
    execFileSync(process.execPath, [CLI, '--base-path', '/v3'], { encoding: 'utf8', stdio: 'pipe' })
  expect(run).toThrow(/--base-path must be '' or '\/api\/v3'/)
})

describe('--token', () => {
  it('is a token with every permission, or one with the permissions listed', () => {
    expect(parseToken('t0')).toEqual(['t0', { deployments: 'write', pull_requests: 'write', issues: 'write' }])
    expect(parseToken('ro:deployments=read,pull_requests=write')).toEqual([
      'ro',
      { deployments: 'read', pull_requests: 'write' }
    ])
    expect(parseToken('none:')).toEqual(['none', {}])
  })

  it('names what is wrong', () => {
    expect(() => parseToken('x:deployments=admin')).toThrow("'deployments=admin' is not <deployments|")
    expect(() => parseToken('x:contents=read')).toThrow("'contents=read'")
    expect(() => parseToken(':issues=read')).toThrow('the token before')
  })
})
