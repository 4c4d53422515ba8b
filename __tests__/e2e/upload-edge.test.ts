/**
 * Register uploads at the edges: empty files (a zero-length part, not a crash) and
 * many extra files under a low open-file limit (each file is opened only when its
 * part is sent, so the count of extras is not bounded by `ulimit -n`).
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_USER, DEFAULT_PASSWORD } from '../../emulator/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 1 })

const INPUTS = (): Record<string, string> => ({
  url: emulator.url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  name: 'upload edges',
  entrypoint: 'process',
  'source-file': 'score.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.json',
  'extra-files': 'limits.json',
  'poll-interval': '1s'
})

const registers = () =>
  emulator.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/preprocessing/register/'))

/** A node executable that runs under `ulimit -n <limit>`: a shell wrapper runAction can spawn as its node. */
function nodeWithFdLimit(limit: number): string {
  const node = process.env.ACTION_NODE ?? process.execPath
  const wrapper = join(mkdtempSync(join(tmpdir(), 'ulimit-node-')), 'node')
  writeFileSync(wrapper, `#!/bin/bash\nulimit -n ${limit} || exit 97\nexec '${node.replace(/'/g, `'\\''`)}' "$@"\n`)
  chmodSync(wrapper, 0o755)
  return wrapper
}

test('an empty requirements file and an empty extra file upload as zero-length parts and deploy', async () => {
  const workspace = sampleWorkspace('sync')
  writeFileSync(join(workspace, 'requirements.txt'), '')
  writeFileSync(join(workspace, '__init__.py'), '')
  const run = await runAction({ ...INPUTS(), 'extra-files': 'limits.json\n__init__.py' }, { workspace })
  expect(errorsOf(run)).toEqual([])
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('deployed')
  expect(registers()).toHaveLength(1)
  const files = registers()[0]!.files // one, as asserted above
  expect(files.find((f) => f.part === 'requirements')).toEqual({
    part: 'requirements',
    filename: 'requirements.txt',
    size: 0
  })
  expect(files.find((f) => f.filename === '__init__.py')).toEqual({ part: 'extra', filename: '__init__.py', size: 0 })
  expect(files.find((f) => f.filename === 'limits.json')?.size).toBeGreaterThan(0)
  expect(emulator.scripts().find((s) => s.hash === run.outputs['preprocessing-id'])?.status).toBe('Deployed')
})

test('1500 extra files deploy under an open-file limit of 256: files are opened one at a time', async () => {
  const workspace = sampleWorkspace('sync')
  mkdirSync(join(workspace, 'tables'))
  const count = 1500
  for (let i = 0; i < count; i++)
    writeFileSync(join(workspace, 'tables', `t${String(i).padStart(4, '0')}.csv`), `id,value\n${i},${i * 2}\n`)
  // One glob may match at most 500 files (inputs' cap): three lines of 500 each.
  const run = await runAction(
    { ...INPUTS(), 'extra-files': 'tables/t0[0-4]*.csv\ntables/t0[5-9]*.csv\ntables/t1*.csv' },
    { workspace, node: nodeWithFdLimit(256) }
  )
  expect(run.code).not.toBe(97) // the wrapper could not lower the limit
  expect(errorsOf(run)).toEqual([])
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('deployed')
  const extras = (registers()[0]?.files ?? []).filter((f) => f.part === 'extra' && f.filename.endsWith('.csv'))
  expect(extras).toHaveLength(count)
  expect(extras.find((f) => f.filename === 't1499.csv')?.size).toBe('id,value\n1499,2998\n'.length)
}, 120_000)
