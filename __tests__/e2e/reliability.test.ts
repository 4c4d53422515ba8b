/**
 * Reliability end to end: the bundled action (dist/index.js) against the emulator under a
 * storm of transient faults, a build that never ends, and a user token that expires. Every
 * run is also scanned for secrets (password, group token, .env values, and whatever the run
 * masked). Permanent faults, proxies, hostile server text and cancellation have their own
 * files in __tests__/e2e/reliability/.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../../emulator/index.js'
import { faultsOf, longestFailingRun, stormSeed, type StormClass } from '../helpers/fault-storm.js'
import { deploy, lastError, useReliabilityRig } from './reliability/rig.js'

const { emulator, inputs, registers } = useReliabilityRig()

// --- the fault storm ----------------------------------------------------------------

/** The API paths the policy calls reads (login included: it leaves nothing behind). */
const READ_PATHS = '^/api/(health|login|groups|preprocessing/(status|logs)/)'
const REQUEST_TIMEOUT_MS = 1000
const SLOW = 1600 // longer than request-timeout: the attempt times out
const storm = {
  // Reads may meet any transient fault.
  reads: {
    path: READ_PATHS,
    sample: '/api/preprocessing/status/datarisk/S1',
    p: 0.042,
    faults: [
      { kind: 'status', status: 429, retryAfter: 1 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 504 },
      { kind: 'reset' },
      { kind: 'malformed' },
      { kind: 'latency', latencyMs: SLOW },
      { kind: 'latency', latencyMs: 300 }
    ]
  },
  // Register only "come back later" answers: the server provably did not act.
  register: {
    path: '^/api/preprocessing/register/',
    sample: '/api/preprocessing/register/datarisk',
    p: 0.16,
    faults: [
      { kind: 'status', status: 429 },
      { kind: 'status', status: 503, retryAfter: 1 }
    ]
  },
  // Host also ambiguous failures: the client checks the status before sending it again.
  host: {
    path: '/host/',
    sample: '/api/preprocessing/sync/host/datarisk/S1',
    p: 0.055,
    faults: [
      { kind: 'status', status: 429 },
      { kind: 'status', status: 503, retryAfter: 1 },
      { kind: 'reset' },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
      // Times out, then acts: before the client's check-and-resend, so any order is safe.
      { kind: 'latency', latencyMs: REQUEST_TIMEOUT_MS + 100 }
    ]
  },
  // The smoke test's run: only the answers that prove it did not run.
  run: {
    path: '/sync/run/',
    sample: '/api/preprocessing/sync/run/datarisk/S1',
    p: 0.16,
    faults: [
      { kind: 'status', status: 429 },
      { kind: 'status', status: 503, retryAfter: 1 }
    ]
  }
} satisfies Record<string, StormClass>

// The storm takes over a minute; it runs once, on the Node running jest, not again in the
// 'e2e on node 24' project (ACTION_NODE set), whose other reliability tests still run.
const stormTest = process.env.ACTION_NODE ? test.skip : test

describe('a storm of transient faults', () => {
  stormTest(
    '20 deploys in a row succeed with ~30% of requests failing, each leaving exactly one registered script',
    async () => {
      const seeds = {
        reads: stormSeed(storm.reads, 800, REQUEST_TIMEOUT_MS),
        register: stormSeed(storm.register, 120, REQUEST_TIMEOUT_MS),
        host: stormSeed(storm.host, 120, REQUEST_TIMEOUT_MS),
        run: stormSeed(storm.run, 120, REQUEST_TIMEOUT_MS)
      }
      for (const [name, cls] of Object.entries(storm)) {
        const { rate } = longestFailingRun(cls, seeds[name as keyof typeof seeds], 2000, REQUEST_TIMEOUT_MS)
        expect(rate).toBeGreaterThan(0.24)
        expect(rate).toBeLessThan(0.36)
      }
      for (const [name, cls] of Object.entries(storm))
        for (const spec of faultsOf(cls, seeds[name as keyof typeof seeds])) emulator.addFault(spec)

      const times: number[] = []
      const before = emulator.scripts().length
      let retries = 0
      let allStdout = ''
      for (let i = 0; i < 20; i++) {
        emulator.setBuildSeconds(0)
        const from = emulator.requests.length
        const run = await deploy({
          ...inputs(),
          name: `storm ${i}`,
          'request-timeout': `${REQUEST_TIMEOUT_MS / 1000}s`,
          'poll-interval': '1s',
          'smoke-test': 'true',
          'upload-artifact': 'false'
        })
        const mine = emulator.requests.slice(from)
        const registered = mine.filter((r) => r.path.startsWith('/api/preprocessing/register/') && r.status === 201)
        if (run.code !== 0 || run.outputs.status !== 'deployed')
          throw new Error(`deploy ${i} failed: ${lastError(run)}`)
        expect(run.outputs['smoke-test']).toBe('passed')
        expect(registered).toHaveLength(1)
        expect(emulator.scripts().filter((s) => s.name === `storm ${i}`)).toHaveLength(1)
        retries += (run.stdout.match(/retrying in|sending it again/g) ?? []).length
        allStdout += run.stdout
        times.push(run.elapsedMs)
      }
      expect(emulator.scripts().length - before).toBe(20)

      const api = emulator.requests.filter((r) => r.path.startsWith('/api/'))
      const faulted = api.filter((r) => r.fault !== undefined)
      const waited = [...allStdout.matchAll(/retrying in (\d+\.\d)s|sending it again in (\d+\.\d)s/g)].reduce(
        (sum, m) => sum + Number(m[1] ?? m[2]),
        0
      )
      const byKind = faulted.reduce<Record<string, number>>(
        (all, r) => ({
          ...all,
          [`${r.fault}${r.fault === 'status' ? ` ${r.status}` : ''}`]:
            (all[`${r.fault}${r.fault === 'status' ? ` ${r.status}` : ''}`] ?? 0) + 1
        }),
        {}
      )
      const sorted = [...times].sort((a, b) => a - b)
      expect(sorted).toHaveLength(20)
      const figures = {
        deploys: 20,
        requests: api.length,
        faultsInjected: faulted.length,
        faultShare: Math.round((faulted.length / api.length) * 100) / 100,
        byKind,
        retries,
        secondsWaitedBeforeRetries: Math.round(waited * 10) / 10,
        registersSent: registers().length,
        deploySeconds: {
          min: sorted[0]! / 1000,
          median: sorted[10]! / 1000,
          max: sorted[19]! / 1000,
          total: times.reduce((a, b) => a + b, 0) / 1000
        },
        seeds
      }
      console.log(`fault storm: ${JSON.stringify(figures, null, 2)}`)
      writeFileSync(join(tmpdir(), 'neomaril-fault-storm.json'), JSON.stringify(figures, null, 2))
      expect(faulted.length / api.length).toBeGreaterThan(0.2)
      // Every faulted register was a 429/503 that did nothing: the ones that acted are exactly 20.
      expect(registers().filter((r) => r.status === 201)).toHaveLength(20)
    },
    170_000
  )
})

// --- permanent faults fail fast, naming the cause --------------------------------

describe('deadlines', () => {
  test('a build that never finishes ends as timed-out by wait-timeout plus one poll interval', async () => {
    emulator.addFault({ path: '/host/', kind: 'hang-build' })
    const run = await deploy({ ...inputs(), 'wait-timeout': '3s', 'poll-interval': '2s' })
    expect(run.code).not.toBe(0)
    expect(run.outputs.status).toBe('timed-out')
    // The build did not end while the step watched: no build time (issue 17, rule 8).
    expect(run.outputs['build-seconds']).toBe('')
    expect(lastError(run)).toMatch(/Gave up waiting for S[0-9a-f]{63} after 3s; its last status was 'Building'/)
  })
})

describe('expiring tokens', () => {
  test('a user token that expires during the build: logged in again once, the deploy goes on', async () => {
    const shortLived = await startEmulator({ buildSeconds: 3, tokenLifetimeSeconds: 1 })
    try {
      const run = await deploy(inputs(shortLived.url))
      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('deployed')
      expect(shortLived.requests.some((r) => r.status === 401 && r.path.startsWith('/api/preprocessing/'))).toBe(true)
      expect(shortLived.requests.filter((r) => r.path === '/api/login').length).toBeGreaterThanOrEqual(2)
      expect(run.stdout).toMatch(/the user token was refused; logging in again/)
    } finally {
      await shortLived.close()
    }
  })
})
