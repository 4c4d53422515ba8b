/**
 * The fault storm on today's platform: v2 Async deploys with smoke tests (register,
 * a PATCH per file, host, status, executions, parquet result) while about a third of
 * the requests fail transiently. Writes meet only the answers that prove the server
 * did not act (429, 503 with Retry-After); the host call meets ambiguous failures too
 * (the client checks the status before sending it again); reads meet everything.
 * Each deploy must pass and leave exactly one script and one execution behind.
 */
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD, DEFAULT_USER } from '../../emulator/index.js'
import { defaultEmulatorPython, hasPandas } from '../../src/harness/interpreter.js'
import { useEmulator } from '../helpers/e2e.js'
import { errorsOf, runAction } from '../helpers/action-runner.js'
import { COME_BACK_LATER, faultsOf, longestFailingRun, stormSeed, type StormClass } from '../helpers/fault-storm.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'

const withPandas = await hasPandas(await defaultEmulatorPython())
if (!withPandas) console.warn('v2 fault storm SKIPPED: the emulator has no Python with pandas (install python3-pandas)')
// Once, on the Node running jest (like the v1 storm), and only where executions can run.
const stormTest = withPandas && !process.env.ACTION_NODE ? test : test.skip

const emulator = useEmulator({ buildSeconds: 0 })
const REQUEST_TIMEOUT_MS = 1000
const HASH = 'S[0-9a-f]{63}'
const SAMPLE_HASH = `S${'a'.repeat(63)}`

const storm = {
  reads: {
    method: 'GET',
    path:
      `^/api/(health|groups$|v2/preprocessing$|v2/preprocessing/${HASH}/(status|execution/\\d+/status)$` +
      '|preprocessing/logs/)',
    sample: `/api/v2/preprocessing/${SAMPLE_HASH}/status`,
    p: 0.042,
    faults: [
      { kind: 'status', status: 429, retryAfter: 1 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 504 },
      { kind: 'reset' },
      { kind: 'malformed' },
      { kind: 'latency', latencyMs: 300 }
    ]
  },
  result: {
    method: 'GET',
    path: `^/api/v2/preprocessing/${HASH}/execution/\\d+/result$`,
    sample: `/api/v2/preprocessing/${SAMPLE_HASH}/execution/1/result`,
    p: 0.15,
    faults: [{ kind: 'status', status: 500 }, { kind: 'status', status: 503 }, { kind: 'reset' }]
  },
  // The register and the execution's creation: a retry after an ambiguous failure would make a second one.
  creates: {
    method: 'POST',
    path: `^/api/v2/preprocessing/(datarisk|${HASH}/execution)$`,
    sample: '/api/v2/preprocessing/datarisk',
    p: 0.16,
    faults: COME_BACK_LATER
  },
  uploads: {
    method: 'PATCH',
    path:
      `^/api/v2/preprocessing/${HASH}/` +
      '(schema|script-file|requirements-file|extra-file|execution/\\d+/(input|run))$',
    sample: `/api/v2/preprocessing/${SAMPLE_HASH}/schema`,
    p: 0.16,
    faults: COME_BACK_LATER
  },
  host: {
    method: 'PATCH',
    path: `^/api/v2/preprocessing/${HASH}/status$`,
    sample: `/api/v2/preprocessing/${SAMPLE_HASH}/status`,
    p: 0.1,
    faults: [
      ...COME_BACK_LATER,
      { kind: 'reset' },
      { kind: 'status', status: 500 },
      { kind: 'latency', latencyMs: REQUEST_TIMEOUT_MS + 100 }
    ]
  }
} satisfies Record<string, StormClass>

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-v2-storm-'))
  cpSync(join(process.cwd(), '__tests__', 'emulator', 'data', 'v2-join'), dir, { recursive: true })
  return dir
}

describe('a storm of transient faults on the v2 API', () => {
  stormTest(
    '6 v2 Async deploys and smoke tests succeed, each leaving one script and one execution',
    async () => {
      const seeds = Object.fromEntries(
        Object.entries(storm).map(([name, cls]) => [name, stormSeed(cls, 150, REQUEST_TIMEOUT_MS)])
      ) as Record<keyof typeof storm, number>
      for (const [name, cls] of Object.entries(storm)) {
        const { rate } = longestFailingRun(cls, seeds[name as keyof typeof storm], 2000, REQUEST_TIMEOUT_MS)
        expect(rate).toBeGreaterThan(0.05)
      }
      for (const [name, cls] of Object.entries(storm))
        for (const spec of faultsOf(cls, seeds[name as keyof typeof storm])) emulator.addFault(spec)

      for (let i = 0; i < 6; i++) {
        const from = emulator.requests.length
        const run = await runAction(
          {
            url: emulator.url,
            login: DEFAULT_USER,
            password: DEFAULT_PASSWORD,
            'group-token': DEFAULT_GROUP_TOKEN,
            name: `v2 storm ${i}`,
            entrypoint: 'build_df',
            'source-file': 'app.py',
            'requirements-file': 'requirements.txt',
            schema: 'clients=clients.csv\nloans=loans.json',
            'extra-files': 'rates.json',
            operation: 'Async',
            'smoke-test': 'true',
            'request-timeout': `${REQUEST_TIMEOUT_MS / 1000}s`,
            'poll-interval': '1s',
            'upload-artifact': 'false'
          },
          { workspace: workspace(), killAfterMs: 120_000 }
        )
        expectNoSecretLeaks(run, { password: DEFAULT_PASSWORD, 'group token': DEFAULT_GROUP_TOKEN })
        if (run.code !== 0) throw new Error(`v2 deploy ${i} failed: ${errorsOf(run).pop() ?? run.stdout}`)
        expect(run.outputs).toMatchObject({ status: 'deployed', 'smoke-test': 'passed', 'api-version': 'v2' })
        const mine = emulator.requests.slice(from)
        const acted = (method: string, pattern: RegExp) =>
          mine.filter((r) => r.method === method && pattern.test(r.path) && r.status === 201)
        expect(acted('POST', /^\/api\/v2\/preprocessing\/datarisk$/)).toHaveLength(1)
        expect(acted('POST', /\/execution$/)).toHaveLength(1)
        expect(emulator.scripts().filter((s) => s.name === `v2 storm ${i}`)).toHaveLength(1)
      }

      const v2 = emulator.requests.filter((r) => r.path.startsWith('/api/'))
      const faulted = v2.filter((r) => r.fault !== undefined)
      const share = Math.round((faulted.length / v2.length) * 100)
      console.log(`v2 fault storm: ${v2.length} requests, ${faulted.length} faulted (${share} %)`)
      expect(faulted.length / v2.length).toBeGreaterThan(0.1)
      // The writes, the host call and the reads all met their faults (the draws are seeded: the same ones every run).
      const met = (cls: StormClass) =>
        faulted.filter((r) => r.method === cls.method && new RegExp(cls.path).test(r.path)).length
      for (const cls of [storm.reads, storm.creates, storm.uploads, storm.host]) expect(met(cls)).toBeGreaterThan(0)
    },
    170_000
  )
})
