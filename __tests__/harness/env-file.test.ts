/** The .env rule of src/harness (docs/platform-contract.md#the-env-file), shared by validate mode and the emulator. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildCheck, runSync, type HarnessCall } from '../../src/harness/index.js'
import { scriptFolder } from './helpers.js'

const READS_ENV =
  'import os\n' +
  'AT_IMPORT = os.environ["MAX_ROWS"]\n' +
  'def process(data, base_path):\n' +
  '    return {"at_import": AT_IMPORT, "quoted": os.environ["GREETING"], "home": os.environ["HOME"],\n' +
  '            "bare": "BARE" in os.environ, "empty": os.environ.get("EMPTY"), "ref": os.environ["REF"]}\n'

function call(folder: string, envFile?: string): HarnessCall {
  return {
    python: 'python3',
    folder,
    sourceFile: 'script.py',
    entrypoint: 'process',
    contract: 'sync',
    timeoutMs: 30_000,
    envFile
  }
}

test('the .env variables are in the environment before the import, read as python-dotenv reads them', async () => {
  const folder = scriptFolder({ 'script.py': READS_ENV, 'in.json': '{}' })
  const envFile = join(folder, 'settings.env')
  writeFileSync(
    envFile,
    'export MAX_ROWS=100 # rows\nGREETING="two\\nlines"\nBARE\nEMPTY=\nREF=${MAX_ROWS}\nHOME=/from/dotenv\n'
  )
  // HOME from the .env wins over the inherited one: the script sees what the server is given.
  const run = await runSync({ ...call(folder, envFile), inputJsonFile: join(folder, 'in.json') })
  expect(run).toMatchObject({
    ok: true,
    response: {
      at_import: '100',
      quoted: 'two\nlines',
      home: '/from/dotenv',
      bare: false,
      empty: '',
      ref: '${MAX_ROWS}'
    }
  })
})

test('without an env file a script that needs a setting fails at its import, as it would on the server', async () => {
  const folder = scriptFolder({ 'script.py': READS_ENV })
  const run = await buildCheck(call(folder))
  expect(run.ok).toBe(false)
  expect(run.problem).toBe("KeyError: 'MAX_ROWS'")
})

test('the build (import) sees the .env too', async () => {
  const folder = scriptFolder({ 'script.py': READS_ENV })
  writeFileSync(join(folder, '.env'), 'MAX_ROWS=5\n')
  expect((await buildCheck(call(folder, join(folder, '.env')))).ok).toBe(true)
})
