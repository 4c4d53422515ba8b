/**
 * Reliability end to end: the bundled action (dist/index.js) against the emulator
 * under a storm of transient faults, permanent faults, proxies, hostile server text,
 * cancellation, deadlines and expiring tokens. Every run is also scanned for secrets
 * (password, group token, .env values, and whatever the run masked).
 */
import type { ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD, startEmulator } from '../../emulator/index.js'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { faultsOf, longestFailingRun, stormSeed, type StormClass } from '../helpers/fault-storm.js'
import {
  type ActionRun,
  errorsOf,
  outputOf,
  runAction,
  type RunOptions,
  sampleWorkspace
} from '../helpers/action-runner.js'
import { selfSignedCertificate } from '../helpers/certificate.js'
import { startProxy } from '../helpers/proxy-server.js'
import { serveLoopback } from '../helpers/loopback-server.js'
import { expectNoSecretLeaks, RUNNER_LINE_BREAK } from '../helpers/secret-scan.js'

/** Distinctive .env values: found anywhere, they leaked. */
const ENV_SECRET = 'zq7781-ENV-SECRET-kx55'
const ENV_SECRET_2 = 'second env value 4411'
const SECRETS = {
  password: DEFAULT_PASSWORD,
  'group token': DEFAULT_GROUP_TOKEN,
  '.env API_KEY': ENV_SECRET,
  '.env DB_PASSWORD': ENV_SECRET_2
}

const emulator = useEmulator({ buildSeconds: 1 })

/** A copy of samples/sync with a .env file beside it. */
function workspace(): string {
  const dir = sampleWorkspace('sync')
  writeFileSync(join(dir, '.env'), `API_KEY=${ENV_SECRET}\nexport DB_PASSWORD="${ENV_SECRET_2}"\n`)
  return dir
}

const inputs = (url = emulator.url): Record<string, string> => ({
  ...syncSampleInputs(url, { 'env-file': '.env', 'poll-interval': '2s' })
})

/** Every run of this file goes through here: it is scanned for secrets. */
async function deploy(with_: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const run = await runAction(with_, { workspace: options.workspace ?? workspace(), killAfterMs: 120_000, ...options })
  expectNoSecretLeaks(run, SECRETS)
  return run
}

const registers = () =>
  emulator.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/preprocessing/register/'))
const lastError = (run: ActionRun) => errorsOf(run).pop() ?? `(no ::error:: line)\n${run.stdout}\n${run.stderr}`

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

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function plainServer(
  status: number,
  body: string,
  contentType: string
): Promise<{ url: string; close: () => Promise<void> }> {
  return serveLoopback((_req, res) => res.writeHead(status, { 'Content-Type': contentType }).end(body))
}

describe('permanent faults fail fast with a message naming the cause', () => {
  test('the server is down (nothing listening)', async () => {
    const port = await freePort()
    const run = await deploy(inputs(`http://127.0.0.1:${port}`))
    expect(run.code).not.toBe(0)
    expect(lastError(run)).toMatch(
      new RegExp(
        'Could not reach the Neomaril server: GET /health failed: ' +
          `connection refused \\(ECONNREFUSED\\) at 127\\.0\\.0\\.1:${port}`
      )
    )
    expect(run.elapsedMs).toBeLessThan(15_000)
  })

  test('a URL with no Neomaril API under it (404 on /api/health)', async () => {
    const run = await deploy(inputs(`${emulator.url}/not-neomaril`))
    expect(run.code).not.toBe(0)
    expect(lastError(run)).toMatch(/GET \/health answered HTTP 404.*'url' does not point at a Neomaril server root/)
    expect(emulator.requests.map((r) => r.path)).toEqual(['/not-neomaril/api/health'])
    expect(run.elapsedMs).toBeLessThan(15_000)
  })

  test('a web server answering HTML, not JSON', async () => {
    const web = await plainServer(
      200,
      '<!DOCTYPE html><html><head><title>Intranet portal</title></head><body>Sign in</body></html>',
      'text/html; charset=utf-8'
    )
    try {
      const run = await deploy(inputs(web.url))
      expect(run.code).not.toBe(0)
      expect(lastError(run)).toMatch(
        /GET \/health answered HTTP 200: the answer is not JSON \(text\/html; charset=utf-8\): <!DOCTYPE html>.*Intranet portal.*Is 'url' the Neomaril server's root\?/
      )
      expect(run.stdout).not.toMatch(/retrying in/)
      expect(run.elapsedMs).toBeLessThan(15_000)
    } finally {
      await web.close()
    }
  })

  test('a plain web server that 404s everything', async () => {
    const web = await plainServer(404, '<html><body>404 Not Found</body></html>', 'text/html')
    try {
      const run = await deploy(inputs(web.url))
      expect(lastError(run)).toMatch(
        /GET \/health answered HTTP 404: <html><body>404 Not Found<\/body><\/html>.*'url' does not point at a Neomaril server root/
      )
      expect(run.elapsedMs).toBeLessThan(15_000)
    } finally {
      await web.close()
    }
  })

  test('bad credentials', async () => {
    const run = await deploy({ ...inputs(), password: 'not-the-password-9931' })
    expect(lastError(run)).toMatch(
      /Login as 'neomaril@example.com' was refused \(HTTP 401: Invalid user or password\).*'login' and 'password'/
    )
    expect(emulator.requests.filter((r) => r.path === '/api/login')).toHaveLength(1)
    expect(registers()).toHaveLength(0)
    expect(run.elapsedMs).toBeLessThan(15_000)
  })

  test('an unknown group', async () => {
    const run = await deploy({ ...inputs(), group: 'credit-risk' })
    expect(lastError(run)).toMatch(
      /Input 'group': 'credit-risk' \(or 'credit_risk'\) is not a group this user can see \(visible: datarisk\)/
    )
    expect(registers()).toHaveLength(0)
    expect(run.elapsedMs).toBeLessThan(15_000)
  })

  test('a wrong group token, found by the smoke test', async () => {
    const wrong = 'fedcba9876543210fedcba9876543210'
    const run = await runAction({ ...inputs(), 'group-token': wrong, 'smoke-test': 'true' }, { workspace: workspace() })
    expectNoSecretLeaks(run, { ...SECRETS, 'group-token input': wrong })
    expect(run.code).not.toBe(0)
    expect(run.outputs.status).toBe('deployed')
    expect(run.outputs['smoke-test']).toBe('failed')
    expect(lastError(run)).toMatch(/Smoke test failed: .*the group token was refused: check the 'group-token' input/)
    expect(emulator.requests.filter((r) => r.path.includes('/sync/run/'))).toHaveLength(1)
    expect(registers()).toHaveLength(1)
    expect(run.elapsedMs).toBeLessThan(15_000)
  })
})

// --- writes that meet a busy server (docs/retries-and-timeouts.md) -------------------------

describe('a register the server refuses before acting', () => {
  test('429 and 503+Retry-After six times in a row: sent again within the budget, and the deploy goes on', async () => {
    emulator.addFault({ path: '^/api/preprocessing/register/', kind: 'status', status: 429, times: 3 })
    emulator.addFault({ path: '^/api/preprocessing/register/', kind: 'status', status: 503, retryAfter: 1, times: 3 })
    const run = await deploy(inputs())
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('deployed')
    expect(registers()).toHaveLength(7)
  })

  const refusedPastBudget =
    'refused past the budget (wait-timeout when shorter than 2 min): says how often, and that nothing was registered'
  test(refusedPastBudget, async () => {
    emulator.addFault({ path: '^/api/preprocessing/register/', kind: 'status', status: 429, times: 100 })
    const run = await deploy({ ...inputs(), 'wait-timeout': '20s' })
    expect(run.code).not.toBe(0)
    const sent = registers().length
    expect(sent).toBeGreaterThan(5)
    expect(lastError(run)).toContain(`the server refused the register ${sent} times (not registered)`)
    expect(lastError(run)).not.toMatch(/may exist|may have been registered/)
    expect(run.outputs['preprocessing-id']).toBe('')
  })

  test('a connection that breaks during the register: not sent again, and it may exist', async () => {
    emulator.addFault({ path: '^/api/preprocessing/register/', kind: 'reset', times: 1 })
    const run = await deploy(inputs())
    expect(run.code).not.toBe(0)
    expect(registers()).toHaveLength(1)
    expect(lastError(run)).toMatch(
      // The emulator resets the connection before reading the body: only part of it went out.
      /the connection broke while the body was being sent \(it may exist\).*may have been registered all the same/
    )
    expect(lastError(run)).not.toMatch(/refused the register/)
  })
})

// --- proxies ----------------------------------------------------------------------------

describe('proxies', () => {
  test('HTTP_PROXY with NO_PROXY unset: every API request goes through the proxy', async () => {
    const proxy = await startProxy()
    try {
      const run = await deploy({ ...inputs(), wait: 'false' }, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '' } })
      expect(run.code).toBe(0)
      const through = proxy.requests.map((r) => `${r.kind} ${r.method} ${r.path}`)
      expect(through).toEqual(
        expect.arrayContaining([
          'forward GET /api/health',
          'forward POST /api/login',
          'forward GET /api/groups',
          'forward POST /api/preprocessing/register/datarisk',
          `forward GET /api/preprocessing/sync/host/datarisk/${run.outputs['preprocessing-id']}`
        ])
      )
      expect(proxy.requests.every((r) => r.target.startsWith(emulator.url))).toBe(true)
      // What the emulator saw is exactly what the proxy forwarded.
      expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
        proxy.requests.map((r) => `${r.method} ${r.path}`)
      )
    } finally {
      await proxy.close()
    }
  })

  test('NO_PROXY=127.0.0.1: the proxy is not used', async () => {
    const proxy = await startProxy()
    try {
      const run = await deploy(
        { ...inputs(), wait: 'false' },
        { env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }
      )
      expect(run.code).toBe(0)
      expect(proxy.requests).toEqual([])
      expect(registers()).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  test('HTTPS_PROXY with an https server: a CONNECT tunnel, TLS end to end', async () => {
    // A TLS front for the emulator, with a certificate for 127.0.0.1 that the child trusts via NODE_EXTRA_CA_CERTS.
    const certificate = selfSignedCertificate('127.0.0.1', 'IP:127.0.0.1')
    const emulatorPort = Number(new URL(emulator.url).port)
    const front = tls.createServer({ key: certificate.key, cert: certificate.cert }, (socket) => {
      const upstream = net.connect(emulatorPort, '127.0.0.1')
      socket.pipe(upstream).pipe(socket)
      socket.on('error', () => upstream.destroy())
      upstream.on('error', () => socket.destroy())
    })
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
    const frontPort = (front.address() as AddressInfo).port
    const proxy = await startProxy()
    try {
      const run = await deploy(
        { ...inputs(`https://127.0.0.1:${frontPort}`), wait: 'false' },
        { env: { HTTPS_PROXY: proxy.url, NO_PROXY: '', NODE_EXTRA_CA_CERTS: certificate.certFile } }
      )
      if (run.code !== 0) throw new Error(lastError(run))
      expect(proxy.requests.length).toBeGreaterThan(0)
      expect(
        proxy.requests.every((r) => r.kind === 'connect' && r.target === `127.0.0.1:${frontPort}` && r.status === 200)
      ).toBe(true)
      expect(registers()).toHaveLength(1)
    } finally {
      await proxy.close()
      await new Promise((resolve) => front.close(resolve))
    }
  })
})

// --- hostile server text --------------------------------------------------------------

/** Lines that, if the runner obeyed them, would mask, annotate, set outputs or stop commands. */
const HOSTILE = [
  '::add-mask::PWNED-mask',
  '::error::PWNED-error',
  '::warning::PWNED-warning',
  '::set-output name=status::PWNED-output',
  '::stop-commands::PWNED-stop',
  '::notice file=score.py::PWNED-notice'
]

/** Lines outside every `::stop-commands::` block that would start a hostile command. */
function obeyedHostileLines(stdout: string): string[] {
  const obeyed: string[] = []
  let stopped: string | undefined
  for (const line of stdout.split(RUNNER_LINE_BREAK)) {
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined
      continue
    }
    const stopping = /^::stop-commands::(.+)$/.exec(line)?.[1]
    if (stopping !== undefined && !stopping.startsWith('PWNED')) {
      stopped = stopping
      continue
    }
    if (/^::[a-z-]+( [^:]*)?::PWNED/.test(line)) obeyed.push(line)
  }
  return obeyed
}

describe('hostile text from the server stays inert', () => {
  test('log lines of the build and of the run, and a smoke-test answer, cannot issue workflow commands', async () => {
    const dir = workspace()
    const print = HOSTILE.map((line) => `print(${JSON.stringify(line)})`).join('\n')
    writeFileSync(
      join(dir, 'score.py'),
      [
        'import json, os',
        print,
        '# The build log also gets the .env content: the action must redact it.',
        'print("env file:", open(".env").read())',
        '',
        'def process(data, base_path):',
        `    print(${JSON.stringify(HOSTILE.join('\n'))})`,
        `    return {"note": ${JSON.stringify(HOSTILE.join('\n'))}, "ok": True}`,
        ''
      ].join('\n')
    )
    const run = await deploy({ ...inputs(), 'extra-files': '', 'smoke-test': 'true' }, { workspace: dir })
    if (run.code !== 0) throw new Error(run.stdout)
    expect(run.outputs.status).toBe('deployed')
    expect(run.outputs['smoke-test']).toBe('passed')
    // The lines were printed (build log and run log), and every one inside a stop-commands block.
    for (const line of HOSTILE)
      expect(run.stdout.split('\n').filter((l) => l === line).length).toBeGreaterThanOrEqual(2)
    expect(obeyedHostileLines(run.stdout)).toEqual([])
    expect(run.stdout).toMatch(/env file: API_KEY=\*\*\*/)
    expect(run.outputs.status).not.toContain('PWNED')
  })

  const hostileImport =
    'an import that raises with hostile text: the failure, the annotation and the traceback stay inert'
  test(hostileImport, async () => {
    const dir = workspace()
    writeFileSync(
      join(dir, 'score.py'),
      [
        'import os',
        `raise RuntimeError(${JSON.stringify(`bad config\n${HOSTILE.join('\n')}\n${ENV_SECRET}`)})`,
        '',
        'def process(data, base_path):',
        '    return {}',
        ''
      ].join('\n')
    )
    const run = await deploy({ ...inputs(), 'extra-files': '' }, { workspace: dir })
    expect(run.code).not.toBe(0)
    expect(run.outputs.status).toBe('failed')
    expect(lastError(run)).toMatch(/ended as 'Failed'/)
    // Annotated on the user's line; its text is the exception's last line, here the .env value, redacted.
    expect(run.stdout).toMatch(/::error title=Error in the deployed script,file=score.py,line=2::\*\*\*/)
    expect(run.stdout).toMatch(
      /::stop-commands::[0-9a-f-]{36}\n[^]*RuntimeError: bad config\n::add-mask::PWNED-mask\n[^]*::[0-9a-f-]{36}::/
    )
    expect(obeyedHostileLines(run.stdout)).toEqual([])
  })
})

// --- cancellation and deadlines ----------------------------------------------------------

/** Sends `signal` once the emulator has seen a status check; answers when it was sent. */
function signalOnFirstStatusCheck(signal: NodeJS.Signals): {
  onStart: (child: ChildProcess) => void
  sentAt: () => number
} {
  let sentAt = 0
  return {
    sentAt: () => sentAt,
    onStart: (child) => {
      const timer = setInterval(() => {
        if (!emulator.requests.some((r) => r.path.startsWith('/api/preprocessing/status/'))) return
        clearInterval(timer)
        sentAt = Date.now()
        child.kill(signal)
      }, 20)
      child.on('close', () => clearInterval(timer))
    }
  }
}

describe('cancellation', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while waiting: stops, publishes cancelled with the hash, exits non-zero within 2 s',
    async (signal) => {
      emulator.addFault({ path: '/host/', kind: 'hang-build' })
      const trigger = signalOnFirstStatusCheck(signal)
      const run = await deploy({ ...inputs(), 'wait-timeout': '5m' }, { onStart: trigger.onStart, killAfterMs: 30_000 })
      const exitAfterSignal = Date.now() - trigger.sentAt()
      expect(trigger.sentAt()).toBeGreaterThan(0)
      expect(run.signal).toBeNull()
      expect(run.code).not.toBe(0)
      expect(exitAfterSignal).toBeLessThan(2000)
      expect(run.outputs.status).toBe('cancelled')
      expect(run.outputs['preprocessing-id']).toMatch(/^S[0-9a-f]{63}$/)
      expect(existsSync(outputOf(run, 'result-file'))).toBe(true)
      const result = JSON.parse(readFileSync(outputOf(run, 'result-file'), 'utf8'))
      expect(result.outputs.status).toBe('cancelled')
      expect(run.summary).toContain(run.outputs['preprocessing-id'])
      expect(lastError(run)).toMatch(new RegExp(`Cancelled by ${signal}`))
      // It stopped polling: no status check after the signal (one in flight may end).
      expect(
        emulator.requests.filter(
          (r) => r.path.startsWith('/api/preprocessing/status/') && r.at > trigger.sentAt() + 100
        )
      ).toEqual([])
    }
  )
})

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
