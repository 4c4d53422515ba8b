/**
 * validate ≡ emulator: the same scripts through validate mode's local run (runLocally)
 * and through the emulator's build + run (over HTTP) give the same verdict, and for a
 * failure the same reason. The pre-check (checkEntrypoint) fails only where both fail.
 */
import { join } from 'node:path'
import type { Emulator } from '../../emulator/index.js'
import type { UploadFile } from '../../src/shared/files.js'
import type { DeploySpec } from '../../src/inputs/parse.js'
import { checkEntrypoint } from '../../src/local-checks/entrypoint.js'
import { localContract, runLocally } from '../../src/local-checks/local-run.js'
import { scriptFolder } from '../harness/helpers.js'
import { CASES, type Case } from './equivalence-cases.js'
import { bearer, build, emulatorWithToken, getJson, GROUP, GROUP_TOKEN, register, waitFor } from './helpers.js'

const SAMPLE = { b: 1, a: 2 }
const DATASET = 'n\n1\n2\n'
let emu: Emulator
let token: string

beforeAll(async () => ({ emu, token } = await emulatorWithToken({ buildSeconds: 0, runTimeoutSeconds: 30 })))
afterAll(() => emu.close())

/** The fields runLocally reads, for a script laid out in `folder` (the rest of a DeploySpec plays no part). */
function localSpec(c: Case, folder: string): DeploySpec {
  const source: UploadFile = {
    part: 'source',
    uploadName: c.sourceName ?? 'script.py',
    localPath: join(folder, userFileName(c)),
    size: 1
  }
  const dataset: UploadFile = {
    part: 'dataset',
    uploadName: 'input.csv',
    localPath: join(folder, 'input.csv'),
    size: DATASET.length
  }
  const spec = {
    apiVersion: 'v1',
    script: {
      files: [source],
      operation: c.operation ?? 'Sync',
      entrypoint: c.entrypoint ?? 'process',
      pythonVersion: c.pythonVersion ?? '3.10',
      datasets: []
    },
    smokeTest: c.operation === 'Async' ? { dataset } : { syncInput: SAMPLE }
  }
  return spec as unknown as DeploySpec
}

/** The user's own name for the source (the upload renames it script.py). */
const userFileName = (c: Case): string => (c.sourceName?.endsWith('.ipynb') ? 'analysis.ipynb' : 'score.py')

type Verdict = { passed: true } | { passed: false; reason: string }

async function throughValidate(c: Case, folder: string): Promise<Verdict> {
  const local = await runLocally(localSpec(c, folder), { timeoutMs: 30_000 })
  if (local.outcome === 'passed') return { passed: true }
  expect(local.outcome).toBe('failed')
  // The local run words an exception as "the entrypoint raised <last line> — <hint>".
  return { passed: false, reason: (local.reason ?? '').replace(/^the entrypoint raised /, '').split(' — ')[0] ?? '' }
}

async function throughEmulator(c: Case): Promise<Verdict> {
  const operation = c.operation ?? 'Sync'
  const hash = await register(emu, token, {
    // registerForm hands the source to a Blob, which takes bytes as they are.
    source: c.source as string,
    sourceName: c.sourceName,
    ref: c.entrypoint ?? 'process',
    operation,
    pythonVersion: `Python${(c.pythonVersion ?? '3.10').replace('.', '')}`
  })
  const built = await build(emu, token, hash, operation === 'Sync' ? 'sync' : 'async')
  if (built.Status === 'Failed') return { passed: false, reason: built.Message as string }
  expect(built.Status).toBe('Deployed')
  if (operation === 'Sync') {
    const res = await fetch(`${emu.url}/api/preprocessing/sync/run/${GROUP}/${hash}`, {
      method: 'POST',
      headers: bearer(GROUP_TOKEN),
      body: JSON.stringify({ Input: SAMPLE })
    })
    if (res.status === 200) return { passed: true }
    const message = ((await res.json()) as { Error: { Message: string } }).Error.Message
    return { passed: false, reason: message.trim().split('\n').pop() as string }
  }
  const form = new FormData()
  form.append('dataset', new Blob([DATASET]), 'input.csv')
  const started = await fetch(`${emu.url}/api/preprocessing/async/run/${GROUP}/${hash}`, {
    method: 'POST',
    headers: bearer(GROUP_TOKEN),
    body: form
  })
  const id = ((await started.json()) as { ExecutionId: string }).ExecutionId
  const status = await waitFor(
    async () =>
      (await getJson(emu, `/preprocessing/async/status/${GROUP}/${id}`, GROUP_TOKEN)).body as {
        Status: string
        Message: string | null
      },
    (s) => s.Status !== 'Running'
  )
  return status.Status === 'Succeeded' ? { passed: true } : { passed: false, reason: status.Message as string }
}

test.each(Object.entries(CASES))('%s: same verdict in validate mode and on the emulator', async (_label, c) => {
  const folder = scriptFolder({ [userFileName(c)]: c.source, 'input.csv': DATASET })
  const spec = localSpec(c, folder)
  const [local, emulated, check] = await Promise.all([
    throughValidate(c, folder),
    throughEmulator(c),
    checkEntrypoint(
      join(folder, userFileName(c)),
      spec.script.entrypoint,
      spec.script.pythonVersion,
      localContract(spec)
    )
  ])
  const expected: Verdict = c.fails === undefined ? { passed: true } : { passed: false, reason: c.fails }
  expect(local).toEqual(expected)
  expect(emulated).toEqual(expected)

  // The pre-check fails only on certainties: never where the script runs.
  expect(check.ok ? (check.note === undefined ? 'ok' : 'note') : 'fail').toBe(c.check)
  if (!check.ok) expect(local.passed || emulated.passed).toBe(false)
  // With python3 here the parser ran: no text-search fallback, no "python3 is not on this runner".
  if (check.ok) expect(check.how).toBe('python')
})

test('the answers agree too, e.g. a latin-1 source returns its text decoded as the cookie says', async () => {
  const c = CASES['a non-UTF-8 source with a coding cookie']
  if (!c) throw new Error('the latin-1 case is missing from CASES')
  const folder = scriptFolder({ [userFileName(c)]: c.source })
  const local = await runLocally(localSpec(c, folder), { timeoutMs: 30_000 })
  expect(JSON.parse(local.response as string)).toEqual({ word: 'café' })
})
