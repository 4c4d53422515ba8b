/**
 * 1. Builds of several lengths: wall time of a full deploy minus the build time
 * (overhead), when the action saw the end (lag), its status requests, and where the
 * rest of the time goes (start-up, up to the host call, Deployed seen → exit). Each
 * length deploys a name of its own: once with no earlier build (no hint), then the
 * repeats, each with the one before as its previous build.
 */
import { startEmulator } from '../../build/emulator/index.js'
import { runAction, errorLines } from './action-process.mjs'
import { isBuildStatus, isHost, officialBuildWait, officialV2Wait } from './wire.mjs'
import { ms } from './format.mjs'

/** How often the bench looks at the emulator's state for the moment a build ends. */
const WATCH_MS = 2

export async function measureBuilds({ buildRuns, node, progress }) {
  const emulator = await startEmulator({ buildSeconds: 0 })
  // The moment each script turns Deployed, watched from inside the emulator's process:
  // the build ends when both buildSeconds and the emulator's Python build check are over.
  const deployedAt = new Map()
  const watcher = setInterval(() => {
    for (const s of emulator.scripts())
      if (s.status === 'Deployed' && !deployedAt.has(s.hash)) deployedAt.set(s.hash, Date.now())
  }, WATCH_MS)
  const results = []
  try {
    progress('warm-up deploy (unmeasured: fills the OS file cache)')
    await runAction(emulator, { node })
    for (const { seconds, count } of buildRuns) {
      // A name of its own for each build length: its first deploy finds no earlier build,
      // and each repeat learns the length from the one before (docs/poll-schedule.md).
      const inputs = { name: `bench sync ${seconds}s ${Date.now()}` }
      const measure = async (label) => {
        // Real builds never take the same time twice to the millisecond: a random part of a
        // second on top puts the build's end at a random point between two checks, as in life.
        const buildSeconds = seconds + Math.random()
        emulator.setBuildSeconds(buildSeconds)
        emulator.clearRequests()
        const run = await runAction(emulator, { node, inputs })
        const r = readBuildRun(run, [...emulator.requests], buildSeconds, deployedAt)
        const hint = r.hinted ? ', hint from the previous build' : ', no hint'
        progress(
          `build ${seconds} s, ${label}: ` +
            (r.ok
              ? `overhead ${ms(r.overhead)}, lag ${ms(r.lag)}, ${r.statusChecks} status checks${hint}`
              : `FAILED (exit ${r.code})\n    ${r.error}`)
        )
        return r
      }
      const first = await measure('first deploy of the name')
      const runs = []
      for (let i = 1; i <= count; i++) runs.push(await measure(`repeat ${i}/${count}`))
      results.push({ seconds, runs, first })
    }
  } finally {
    clearInterval(watcher)
    await emulator.close()
  }
  return results
}

function readBuildRun(run, requests, seconds, deployedAt) {
  const host = requests.find(isHost)
  const statusChecks = requests.filter(isBuildStatus)
  const seen = statusChecks.at(-1)
  const ok = run.code === 0 && run.outputs.status === 'deployed' && host !== undefined && seen !== undefined
  const wall = run.exitAt - run.spawnAt
  // The wait says in the log when it goes by the previous build (src/modes/deploy.ts).
  const hinted = /The previous build of .* took [\d.]+ s: checking every 4 s/.test(run.stdout)
  const r = {
    ok,
    code: run.code,
    wall,
    overhead: wall - seconds * 1000,
    statusChecks: statusChecks.length,
    hinted,
    error: ok ? undefined : errorLines(run)
  }
  if (!ok) return r
  const nominalEnd = host.at + seconds * 1000
  const observed = deployedAt.get(run.outputs['preprocessing-id']) ?? nominalEnd
  const buildEnd = Math.max(nominalEnd, Math.min(observed, seen.at))
  const waitMs = seen.at - host.at
  return {
    ...r,
    startup: requests[0].at - run.spawnAt,
    // The overhead once the process has started: the schedule's lag plus the calls and publishing.
    pastStartup: wall - seconds * 1000 - (requests[0].at - run.spawnAt),
    beforeHost: host.at - requests[0].at, // health, login, groups, register, host
    build: buildEnd - host.at,
    buildExtension: buildEnd - nominalEnd, // the emulator's Python build check outlasting buildSeconds
    lag: seen.at - buildEnd,
    waitMs,
    // The share of the request budget used (docs/poll-schedule.md: check n no earlier than
    // 1 s + (n − 2) × 2 s after hosting), at its fullest: at most 1.
    per2s: Math.max(...statusChecks.map((r, i) => (i + 1) / Math.max(1, (r.at - host.at - 1000) / 2000 + 2))),
    afterSeen: run.exitAt - seen.at, // the answer, outputs, summary, records, exit
    official: officialBuildWait(buildEnd - host.at),
    officialV2: officialV2Wait(buildEnd - host.at)
  }
}
