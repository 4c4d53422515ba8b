/**
 * Every input rule end to end: the bundled action, given one bad input, exits
 * non-zero with a message naming the input, saying what is wrong and how to fix it,
 * publishes status invalid-input, and sends no request at all (each case talks to the
 * emulator under its own path prefix, so its requests are counted apart). The one
 * exception is the Python entrypoint check: it runs while the unauthenticated,
 * read-only GET /api/health is in flight (the start-up target of issue 11), so those
 * rows allow that one request and nothing else: no login, no credential. Every run is
 * scanned for the secrets and for the content of a canary folder outside the
 * workspace, which cases try to reach by absolute path, `..`, symlinks and globs.
 * The rules each have unit tests (__tests__/inputs/); this is the runner's view of them.
 */
import { cpSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_GROUP_TOKEN, startEmulator, type Emulator } from '../../emulator/index.js'
import { syncSampleInputs } from '../helpers/e2e.js'
import { REPO_ROOT, errorsOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'
import { RUNNER_LINE_BREAK, expectNoSecretLeaks } from '../helpers/secret-scan.js'
import { HOSTILE, world, type Case } from './bad-input/table.js'
import { CONNECTION_CASES } from './bad-input/connection-cases.js'
import { SCRIPT_CASES } from './bad-input/script-cases.js'
import { FILE_CASES } from './bad-input/file-cases.js'
import { BEHAVIOUR_CASES } from './bad-input/behaviour-cases.js'

const PASSWORD = 'bad-input-password-5521'
const ENV_SECRET = 'bad-input-env-value-8830'
/** On a .env line python-dotenv cannot parse: masked all the same. */
const ENV_UNPARSED_SECRET = 'bad-input-unparsed-env-4417'
/** The content of every file outside the workspace: it must appear nowhere. */
const CANARY = 'canary-outside-workspace-6093'

const CASES: Case[] = [...CONNECTION_CASES, ...SCRIPT_CASES, ...FILE_CASES, ...BEHAVIOUR_CASES]

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ buildSeconds: 0 })
  const workspace = realpathSync(sampleWorkspace('sync'))
  const outside = realpathSync(mkdtempSync(join(tmpdir(), 'canary-')))
  Object.assign(world, { workspace, outside })
  writeFileSync(join(outside, 'canary.json'), JSON.stringify({ canary: CANARY }))
  writeFileSync(join(outside, 'canary.py'), `# ${CANARY}\ndef process(data, base_path):\n    return {}\n`)
  mkdirSync(join(outside, 'many'))
  for (let i = 0; i < 300; i++) writeFileSync(join(outside, 'many', `c${i}.json`), JSON.stringify({ canary: CANARY }))
  symlinkSync(join(outside, 'canary.json'), join(workspace, 'link.json'))
  symlinkSync(join(outside, 'canary.py'), join(workspace, 'linked_score.py'))
  symlinkSync(outside, join(workspace, 'linked'))
  mkdirSync(join(workspace, '.git'))
  writeFileSync(join(workspace, '.git', 'config'), `[http]\n\textraheader = AUTHORIZATION: basic ${CANARY}\n`)

  cpSync(join(REPO_ROOT, 'samples', 'async', 'features.py'), join(workspace, 'features.py'))
  cpSync(join(REPO_ROOT, 'samples', 'async', 'schema.csv'), join(workspace, 'schema.csv'))
  writeFileSync(join(workspace, 'orders.csv'), 'id,total\n1,9\n')
  writeFileSync(join(workspace, '.env'), `API_KEY=${ENV_SECRET}\nNOT A BINDING ${ENV_UNPARSED_SECRET}\n`)
  mkdirSync(join(workspace, 'config'))
  writeFileSync(join(workspace, 'config', 'prod.env'), `TOKEN=${ENV_SECRET}\n`)
  mkdirSync(join(workspace, 'wide'))
  for (let i = 0; i < 520; i++) writeFileSync(join(workspace, 'wide', `w${i}.txt`), '')
  writeFileSync(join(workspace, 'score.txt'), 'not python\n')
  writeFileSync(join(workspace, 'broken.json'), '{"age": 34,')
  writeFileSync(join(workspace, 'schema.xml'), '<schema/>')
  writeFileSync(join(workspace, 'async_score.py'), 'async def process(data, base_path):\n    return {}\n')
  writeFileSync(join(workspace, 'one_arg.py'), 'def process(data):\n    return {}\n')
  writeFileSync(
    join(workspace, 'match_310.py'),
    'def process(data, base_path):\n    match data:\n        case _:\n            return {}\n'
  )
  mkdirSync(join(workspace, 'pkg.py'))
  mkdirSync(join(workspace, 'a'))
  mkdirSync(join(workspace, 'b'))
  writeFileSync(join(workspace, 'a', 'x.json'), '{}')
  writeFileSync(join(workspace, 'b', 'x.json'), '{}')
})
afterAll(async () => {
  // Nothing reached the server outside the cases' own paths, and nothing but the health checks of the Python rows.
  const requests = emulator.requests.map((r) => `${r.method} ${r.path}`)
  await emulator.close()
  expect(requests.filter((request) => !/^GET \/case-\d+\/api\/health$/.test(request))).toEqual([])
  expect(requests.length).toBeLessThanOrEqual(CASES.filter((c) => c.byPython).length)
})

describe('one bad input: fails before any request, naming the input, the problem and the fix', () => {
  test('the table covers every input rule family', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(90)
    expect(new Set(CASES.map((c) => c.input)).size).toBeGreaterThanOrEqual(30)
    expect(new Set(CASES.map((c) => c.label)).size).toBe(CASES.length)
  })

  test.concurrent.each(CASES.map((item, index) => ({ ...item, index })))(
    "$label → Input '$input'",
    async ({ index, label, input, inputs, message, env, byPython }) => {
      // Each case has its own path on the emulator: a request it made would be counted against it.
      const prefix = `/case-${index}`
      const run = await runAction(
        {
          ...syncSampleInputs(`${emulator.url}${prefix}`, { password: PASSWORD, 'env-file': '.env' }),
          ...(typeof inputs === 'function' ? inputs() : inputs)
        },
        { workspace: world.workspace, env, killAfterMs: 60_000 }
      )
      expectNoSecretLeaks(run, {
        password: PASSWORD,
        'group token': DEFAULT_GROUP_TOKEN,
        '.env value': ENV_SECRET,
        'unparsed .env line': ENV_UNPARSED_SECRET,
        'canary outside the workspace': CANARY
      })
      const errors = errorsOf(run)
      const mine = errors.filter((line) => line.includes(`Input '${input}'`))
      if (!mine.some((line) => message.test(line)))
        throw new Error(
          `${label}: expected Input '${input}' with ${message}, got:\n${errors.join('\n') || run.stdout + run.stderr}`
        )
      expect(errors.join('\n').length).toBeLessThan(4000)
      // No line the runner reads starts the forged command some inputs carry.
      expect(run.stdout.split(RUNNER_LINE_BREAK).filter((line) => line.trimStart().startsWith(HOSTILE))).toEqual([])
      expect(run.code).not.toBe(0)
      expect(run.outputs.status).toBe('invalid-input')
      const sent = emulator.requests.filter((r) => r.path.startsWith(`${prefix}/`))
      if (byPython) {
        // At most the read-only health request, which carries no credential.
        expect(
          sent.map((r) => `${r.method} ${r.path}`).filter((request) => request !== `GET ${prefix}/api/health`)
        ).toEqual([])
        expect(sent.every((r) => r.auth === 'none')).toBe(true)
      } else expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([])
    }
  )
})
