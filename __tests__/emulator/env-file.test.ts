/** The emulator gives a script its .env as the platform is taken to (docs/platform-contract.md#the-env-file). */
import { startEmulator, type Emulator } from '../../emulator/index.js'
import {
  bearer,
  build,
  buildV2,
  deploy,
  GROUP,
  GROUP_TOKEN,
  register,
  registerV2,
  uploadV2,
  userToken
} from './helpers.js'

let emu: Emulator
let token: string

beforeAll(async () => {
  emu = await startEmulator({ buildSeconds: 0, runTimeoutSeconds: 5 })
  token = await userToken(emu)
})
afterAll(() => emu.close())

/** Needs MAX_ROWS at import (the build fails without it) and answers with the settings. */
const SYNC_READS_ENV =
  'import os\nMAX_ROWS = int(os.environ["MAX_ROWS"])\n' +
  'def process(data, base_path):\n    return {"max_rows": MAX_ROWS, "team": os.getenv("TEAM")}\n'

const V2_READS_ENV =
  'import os\nMAX_ROWS = int(os.environ["MAX_ROWS"])\n' +
  'def build_df(dfs, extra_path=None):\n    return list(dfs.values())[0].head(MAX_ROWS)\n'

test('v1: a Sync script reads its .env from os.environ at import and in the call', async () => {
  const hash = await deploy(emu, token, { source: SYNC_READS_ENV, env: 'MAX_ROWS=100\nTEAM="credit risk"\n' })
  const res = await fetch(`${emu.url}/api/preprocessing/sync/run/${GROUP}/${hash}`, {
    method: 'POST',
    headers: { ...bearer(GROUP_TOKEN), 'Content-Type': 'application/json' },
    body: JSON.stringify({ Input: {} })
  })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ max_rows: 100, team: 'credit risk' })
}, 30_000)

test('v1: without the .env the same script fails its build, naming the missing variable', async () => {
  const hash = await register(emu, token, { source: SYNC_READS_ENV })
  const status = await build(emu, token, hash)
  expect(status.Status).toBe('Failed')
  expect(status.Message).toContain("KeyError: 'MAX_ROWS'")
}, 30_000)

test('v2: the build of an Async script sees the .env uploaded by PATCH …/env-file', async () => {
  const upload = {
    source: V2_READS_ENV,
    datasets: [{ name: 'loans', filename: 'loans.csv', content: 'a,b\n1,2\n' }]
  }
  const withEnv = await registerV2(emu, token, 'v2-env')
  await uploadV2(emu, token, withEnv, { ...upload, env: 'MAX_ROWS=1\n' })
  expect((await buildV2(emu, token, withEnv)).Status).toBe('Deployed')
  const without = await registerV2(emu, token, 'v2-no-env')
  await uploadV2(emu, token, without, upload)
  const failed = await buildV2(emu, token, without)
  expect(failed.Status).toBe('Failed')
  expect(failed.Message).toContain("KeyError: 'MAX_ROWS'")
}, 30_000)
