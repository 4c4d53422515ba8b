/** Host (P2) and the build: Building quirk, the Python build check, its logs. */
import { startEmulator, type Emulator } from '../../emulator/index.js'
import {
  ASYNC_CSV,
  HELPER_MODULE,
  MISSING_ENTRYPOINT,
  MISSING_IMPORT,
  NOTEBOOK,
  SYNC_OK,
  SYNTAX_ERROR,
  WRONG_SIGNATURE
} from './fixtures.js'
import { build, host, logs, register, scriptStatus, userToken, waitFor, type Upload } from './helpers.js'

const EXTRAS = [
  { name: 'helper.py', content: HELPER_MODULE },
  { name: 'factor.txt', content: '2' }
]

let emu: Emulator
let token: string

beforeAll(async () => {
  emu = await startEmulator({ buildSeconds: 0 })
  token = await userToken(emu)
})
afterAll(() => emu.close())

test('a good build: 202, Building at once, then Deployed with Host/Ok logs', async () => {
  const slow = await startEmulator({ buildSeconds: 1 })
  try {
    const slowToken = await userToken(slow)
    const hash = await register(slow, slowToken, { source: SYNC_OK, extras: EXTRAS })
    const started = Date.now()
    expect((await host(slow, slowToken, hash)).status).toBe(202)
    // Quirk: never Ready once P2 has answered.
    expect(await scriptStatus(slow, slowToken, hash)).toEqual({ Status: 'Building', Message: null })
    // The check is done long before 1 s, yet the status waits for buildSeconds.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect((await scriptStatus(slow, slowToken, hash)).Status).toBe('Building')
    const final = await waitFor(
      () => scriptStatus(slow, slowToken, hash),
      (s) => s.Status !== 'Building'
    )
    expect(final).toEqual({ Status: 'Deployed', Message: null })
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(slow.scripts()[0]?.status).toBe('Deployed')

    const entries = await logs(slow, slowToken, hash, '?routine=Host')
    expect(entries.map((e) => [e.OutputType, e.OutputData])).toEqual([
      ['Ok', 'Build started'],
      ['Ok', expect.stringMatching(/^Build succeeded/)]
    ])
  } finally {
    await slow.close()
  }
})

test('an async script with a 2-argument entrypoint builds', async () => {
  const hash = await register(emu, token, { source: ASYNC_CSV, ref: 'build_df', operation: 'Async' })
  expect(await build(emu, token, hash, 'async')).toEqual({ Status: 'Deployed', Message: null })
})

test('a notebook builds from its code cells, skipping % and ! lines', async () => {
  const hash = await register(emu, token, { source: NOTEBOOK, sourceName: 'notebook.ipynb' })
  expect(await build(emu, token, hash)).toEqual({ Status: 'Deployed', Message: null })
})

test('output printed while importing becomes a Host/Debug entry', async () => {
  const hash = await register(emu, token, { source: 'print("hello from import")\n' + SYNC_OK, extras: EXTRAS })
  expect((await build(emu, token, hash)).Status).toBe('Deployed')
  expect((await logs(emu, token, hash, '?type=Debug')).map((e) => e.OutputData)).toEqual([
    expect.stringContaining('hello from import')
  ])
})

test.each<[string, Upload, RegExp, RegExp]>([
  [
    'a syntax error',
    { source: SYNTAX_ERROR },
    /^script\.py does not parse as Python 3\.10: .* at line 2$/,
    /does not parse/
  ],
  [
    'a missing entrypoint',
    { source: MISSING_ENTRYPOINT },
    /^script\.py defines no module-level 'process'; module-level functions: something_else$/,
    /no module-level 'process'/
  ],
  [
    'a wrong sync signature',
    { source: WRONG_SIGNATURE },
    /^script\.py defines 'process\(data\)', which cannot be called as fn\(data, base_path\)/,
    /cannot be called as fn\(data, base_path\)/
  ],
  [
    'a missing import (nothing is installed)',
    { source: MISSING_IMPORT },
    /^ModuleNotFoundError: No module named 'surely_not/,
    /Traceback[\s\S]*script\.py", line 2/
  ],
  [
    'an async entrypoint with no argument',
    { source: 'def run():\n    pass\n', ref: 'run', operation: 'Async' },
    /^script\.py defines 'run\(\)', which cannot be called as fn\(data_path, extra_path=None\)/,
    /cannot be called/
  ]
])('%s fails the build with the error as Message and Host/Error logs', async (_label, upload, message, traceback) => {
  const hash = await register(emu, token, upload)
  const status = await build(emu, token, hash, upload.operation === 'Async' ? 'async' : 'sync')
  expect(status.Status).toBe('Failed')
  expect(status.Message).toMatch(message)
  const errors = await logs(emu, token, hash, '?routine=Host&type=Error')
  expect(errors.length).toBeGreaterThanOrEqual(1)
  expect(errors.map((e) => e.OutputData).join('\n')).toMatch(traceback)
})

test('re-hosting a Failed script runs a new build', async () => {
  const hash = await register(emu, token, { source: SYNTAX_ERROR })
  expect((await build(emu, token, hash)).Status).toBe('Failed')
  expect((await build(emu, token, hash)).Status).toBe('Failed')
  const starts = (await logs(emu, token, hash, '?type=Ok')).filter((e) => e.OutputData === 'Build started')
  expect(starts).toHaveLength(2)
})

test('host with the wrong operation, an unknown hash or no token is refused', async () => {
  const hash = await register(emu, token, { source: SYNC_OK })
  const wrongOperation = await host(emu, token, hash, 'async')
  expect(wrongOperation.status).toBe(400)
  expect((await wrongOperation.json()).Error.Message).toMatch(/is Sync/)
  expect((await host(emu, token, 'S' + '0'.repeat(63))).status).toBe(404)
  expect((await fetch(`${emu.url}/api/preprocessing/sync/host/datarisk/${hash}`)).status).toBe(401)
  expect((await scriptStatus(emu, token, hash)).Status).toBe('Ready')
})

test('buildFails makes every build fail, and can be switched at run time', async () => {
  emu.setBuildFails(true)
  try {
    const hash = await register(emu, token, { source: SYNC_OK, extras: EXTRAS })
    const status = await build(emu, token, hash)
    expect(status).toEqual({ Status: 'Failed', Message: expect.stringMatching(/buildFails/) })
  } finally {
    emu.setBuildFails(false)
  }
  const hash = await register(emu, token, { source: SYNC_OK, extras: EXTRAS })
  expect((await build(emu, token, hash)).Status).toBe('Deployed')
})

test('setBuildSeconds lengthens later builds', async () => {
  emu.setBuildSeconds(0.7)
  try {
    const hash = await register(emu, token, { source: SYNC_OK, extras: EXTRAS })
    expect((await host(emu, token, hash)).status).toBe(202)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect((await scriptStatus(emu, token, hash)).Status).toBe('Building')
    await waitFor(
      () => scriptStatus(emu, token, hash),
      (s) => s.Status === 'Deployed'
    )
  } finally {
    emu.setBuildSeconds(0)
  }
})
