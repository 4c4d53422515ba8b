/**
 * What the reliability suites share (__tests__/e2e/reliability*.test.ts and the files beside
 * them): the sample with a .env, every run scanned for the secrets, the emulator's register requests.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD } from '../../../emulator/index.js'
import { syncSampleInputs, useEmulator } from '../../helpers/e2e.js'
import { type ActionRun, errorsOf, runAction, type RunOptions, sampleWorkspace } from '../../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../../helpers/secret-scan.js'

/** Distinctive .env values: found anywhere, they leaked. */
export const ENV_SECRET = 'zq7781-ENV-SECRET-kx55'
const ENV_SECRET_2 = 'second env value 4411'
export const SECRETS = {
  password: DEFAULT_PASSWORD,
  'group token': DEFAULT_GROUP_TOKEN,
  '.env API_KEY': ENV_SECRET,
  '.env DB_PASSWORD': ENV_SECRET_2
}

/** A copy of samples/sync with a .env file beside it. */
export function workspace(): string {
  const dir = sampleWorkspace('sync')
  writeFileSync(join(dir, '.env'), `API_KEY=${ENV_SECRET}\nexport DB_PASSWORD="${ENV_SECRET_2}"\n`)
  return dir
}

/** Every run of these files goes through here: it is scanned for secrets. */
export async function deploy(with_: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const run = await runAction(with_, { workspace: options.workspace ?? workspace(), killAfterMs: 120_000, ...options })
  expectNoSecretLeaks(run, SECRETS)
  return run
}

export const lastError = (run: ActionRun) => errorsOf(run).pop() ?? `(no ::error:: line)\n${run.stdout}\n${run.stderr}`

/** The suite's emulator (1 s builds), the sample's inputs against it, and its register requests. */
export function useReliabilityRig() {
  const emulator = useEmulator({ buildSeconds: 1 })
  const inputs = (url = emulator.url): Record<string, string> => ({
    ...syncSampleInputs(url, { 'env-file': '.env', 'poll-interval': '2s' })
  })
  const registers = () =>
    emulator.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/preprocessing/register/'))
  return { emulator, inputs, registers }
}
