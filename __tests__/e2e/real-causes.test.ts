/**
 * Errors name the real cause and the input that fixes it (issue 17, rule 6), through the
 * bundle (dist/index.js) against the emulator: a dead proxy is named as the proxy with its
 * variable; api-version v2 on a v1-only server says so before any upload; smoke-test mode on
 * a v2 script needs no group token; a source file Python cannot read names source-file; a
 * build still running is not "ended as Building"; an exclusion that removes every match of a
 * glob says so. Unit tests: __tests__/inputs/extra-files.test.ts, __tests__/api/http/.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_PASSWORD, DEFAULT_USER, startEmulator } from '../../emulator/index.js'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { errorsOf, outputOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 0 })

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A v2 Async script that imports nothing, so its build needs no pandas. */
function v2Workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-v2-plain-'))
  writeFileSync(join(dir, 'app.py'), 'def build_df(dfs, extra_path=None):\n    return dfs["clients"]\n')
  writeFileSync(join(dir, 'requirements.txt'), '')
  writeFileSync(join(dir, 'clients.csv'), 'id,name\n1,Ana\n2,Bia\n')
  return dir
}

const v2Inputs = (url: string, extra: Record<string, string> = {}): Record<string, string> => ({
  url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  name: 'plain v2',
  entrypoint: 'build_df',
  'source-file': 'app.py',
  'requirements-file': 'requirements.txt',
  schema: 'clients=clients.csv',
  operation: 'Async',
  'upload-artifact': 'false',
  ...extra
})

describe('a dead proxy is reported as the proxy', () => {
  test.each(['HTTP_PROXY', 'http_proxy'])('%s at a closed port: its address and the variable', async (variable) => {
    const port = await closedPort()
    const proxy = `http://someone:proxy-pass-991@127.0.0.1:${port}`
    const run = await runAction(syncSampleInputs(emulator.url), { env: { [variable]: proxy, NO_PROXY: '' } })
    expect(run.code).toBe(1)
    const error = errorsOf(run).pop() as string
    expect(error).toContain(`Could not reach the Neomaril server through the proxy 127.0.0.1:${port} (${variable})`)
    expect(error).toContain(`connection refused (ECONNREFUSED) at the proxy 127.0.0.1:${port} (${variable})`)
    expect(error).toMatch(/Check that proxy and the variable that names it, or list the server in NO_PROXY/)
    expect(error).not.toContain(new URL(emulator.url).host)
    expect(run.stdout).toContain(`at the proxy 127.0.0.1:${port} (${variable}); retrying`)
    expect(run.stdout).not.toContain('proxy-pass-991')
    expect(emulator.requests).toEqual([])
  })

  test('a dead proxy that NO_PROXY bypasses for the server is never used, nor named', async () => {
    const proxy = `http://127.0.0.1:${await closedPort()}`
    const env = { HTTP_PROXY: proxy, HTTPS_PROXY: proxy, NO_PROXY: `example.com,${new URL(emulator.url).hostname}` }
    const run = await runAction(syncSampleInputs(emulator.url), { env })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('deployed')
    expect(run.stdout).not.toMatch(/proxy/i)
  })
})

test('api-version v2 on a v1-only server says so, and which api-version to use, before any upload', async () => {
  const old = await startEmulator({ api: 'v1', buildSeconds: 0 })
  try {
    const run = await runAction(v2Inputs(old.url, { 'api-version': 'v2' }), { workspace: v2Workspace() })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('invalid-input')
    const error = errorsOf(run).pop() as string
    expect(error).toMatch(/^Input 'api-version': is v2, but this server \(version emulator-1\.0\.0\) serves no v2 API/)
    expect(error).toContain('Use api-version: v1 (or auto, which takes v1 on this server)')
    expect(error).not.toMatch(/group .* is unknown/)
    expect(old.requests.filter((r) => r.method !== 'GET' && r.path !== '/api/login')).toEqual([])
    expect(old.scripts()).toEqual([])
  } finally {
    await old.close()
  }
})

test('smoke-test mode on a v2 script asks for no group token', async () => {
  const deployed = await runAction(v2Inputs(emulator.url), { workspace: v2Workspace() })
  expect(errorsOf(deployed)).toEqual([])
  emulator.clearRequests()
  const run = await runAction(
    {
      url: emulator.url,
      login: DEFAULT_USER,
      password: DEFAULT_PASSWORD,
      mode: 'smoke-test',
      'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
      'smoke-test-input': 'clients=clients.csv',
      'upload-artifact': 'false'
    },
    { workspace: v2Workspace() }
  )
  expect(run.stdout).not.toMatch(/group-token|group token/)
  expect(run.outputs['api-version']).toBe('v2')
  // It got as far as the v2 execution (whose outcome depends on pandas being installed).
  expect(emulator.requests.some((r) => r.method === 'POST' && /^\/api\/v2\/preprocessing\/S/.test(r.path))).toBe(true)
})

test('smoke-test mode on a v1 Sync script, no group token: refused once the server told, before a run', async () => {
  const deployed = await runAction(syncSampleInputs(emulator.url))
  emulator.clearRequests()
  const { 'group-token': _token, ...inputs } = syncSampleInputs(emulator.url, {
    mode: 'smoke-test',
    'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
    'smoke-test-input': '{"a": 1}'
  })
  const run = await runAction(inputs)
  expect(run.outputs.status).toBe('invalid-input')
  expect(errorsOf(run).pop()).toMatch(/^Input 'group-token': is empty, but the smoke test needs it for the run calls/)
  expect(emulator.requests.filter((r) => r.path.includes('/run/'))).toEqual([])
})

describe('a source file Python cannot read names source-file', () => {
  test.each([
    [
      'a .py that does not parse',
      'score.py',
      'def process(data:\n    return data\n',
      /^Input 'source-file': 'score\.py' does not parse as Python 3\.10: .* at line 1\. Fix the syntax/
    ],
    [
      'a broken notebook',
      'nb.ipynb',
      '{"cells": [',
      /^Input 'source-file': 'nb\.ipynb' is not a readable notebook .*Save the notebook again/
    ]
  ])('%s', async (_label, file, text, message) => {
    const workspace = sampleWorkspace('sync')
    writeFileSync(join(workspace, file), text)
    const run = await runAction(syncSampleInputs(emulator.url, { 'source-file': file }), { workspace })
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('invalid-input')
    expect(errorsOf(run).pop()).toMatch(message)
    expect(emulator.requests.filter((r) => r.path !== '/api/health')).toEqual([])
  })
})

describe('a build still running is not "ended as Building"', () => {
  test('the wait ends: the deadline passed while it was building, and wait-timeout is named', async () => {
    emulator.addFault({ path: '/host/', kind: 'hang-build' })
    const run = await runAction(syncSampleInputs(emulator.url, { 'wait-timeout': '3s', 'poll-interval': '1s' }))
    expect(run.code).toBe(1)
    expect(run.outputs.status).toBe('timed-out')
    const error = errorsOf(run).pop() as string
    expect(error).toMatch(/after 3s; its last status was 'Building': the wait-timeout passed while the build was/)
    expect(error).toContain("Raise 'wait-timeout'")
    expect(error).not.toContain('ended as')
  })

  test('smoke-test mode on a hash still building says it is still building', async () => {
    emulator.addFault({ path: '/host/', kind: 'hang-build' })
    const deployed = await runAction(syncSampleInputs(emulator.url, { wait: 'false' }))
    const hash = outputOf(deployed, 'preprocessing-id')
    const run = await runAction(
      syncSampleInputs(emulator.url, { mode: 'smoke-test', 'preprocessing-id': hash, 'smoke-test-input': '{"a": 1}' })
    )
    expect(run.code).toBe(1)
    const error = errorsOf(run).pop() as string
    expect(error).toContain(`${hash} is still 'Building': its build has not ended`)
    expect(error).not.toContain('ended as')
    expect(run.outputs.status).toBe('building')
  })
})

describe('extra-files exclusions', () => {
  test('an exclusion that removes every match of a glob says so, not "matches no file"', async () => {
    const run = await runAction(syncSampleInputs(emulator.url, { 'extra-files': '*.json\n!*.json' }))
    expect(run.code).toBe(1)
    const error = errorsOf(run).pop() as string
    expect(error).toMatch(
      new RegExp(
        /^Input 'extra-files': the pattern '\*\.json' matches 2 files \(limits\.json, schema\.json\), /.source +
          /but '!\*\.json' excludes/.source
      )
    )
    expect(error).toContain('every one of them, so the line uploads nothing. Narrow the exclusion')
    expect(error).not.toContain('matches no file')
    expect(emulator.requests).toEqual([])
  })

  test('a file named on its own line and excluded gets a warning', async () => {
    const run = await runAction(
      syncSampleInputs(emulator.url, { mode: 'validate', 'extra-files': 'limits.json\n!limits.json' })
    )
    expect(run.stdout).toContain(
      "::warning::Input 'extra-files': 'limits.json' is named on its own line and excluded by a '!' line"
    )
  })
})
