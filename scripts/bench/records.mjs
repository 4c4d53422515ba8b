/**
 * 6. Deploy records (docs/deploy-records.md), against the emulator and the GitHub REST
 * stand-in: the wall time of a re-deploy of unchanged content with skip-unchanged (no
 * register call) beside the full deploy it replaces, and how soon a repeat v2 build is
 * seen when its hint comes from the record (v2 has no search by name).
 */
import { V2_LIGHT_INPUTS, v2LightWorkspace } from '../../build/helpers/v2-light.js'
import { startEmulator } from '../../build/emulator/index.js'
import { DEFAULT_GITHUB_TOKEN, DEFAULT_REPOSITORY, startGitHubStandIn } from '../../build/emulator/github/index.js'
import { runAction, errorLines, scratchDir } from './action-process.mjs'
import { REGISTER_PATH, isBuildStatus, isHost } from './wire.mjs'
import { ms } from './format.mjs'

const BUILD_SECONDS = 5
export async function measureRecords({ runs, node, progress }) {
  const emulator = await startEmulator({ buildSeconds: BUILD_SECONDS })
  const github = await startGitHubStandIn()
  const env = { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: DEFAULT_REPOSITORY }
  const recorded = { environment: 'bench', 'github-token': DEFAULT_GITHUB_TOKEN, 'skip-unchanged': 'true' }
  const out = { full: undefined, unchanged: [], registers: [], failed: 0, v2: [] }
  try {
    const inputs = { ...recorded, name: `bench records ${Date.now()}` }
    emulator.clearRequests()
    const full = await runAction(emulator, { node, inputs, env })
    if (full.code !== 0 || full.outputs.status !== 'deployed') {
      out.failed++
      progress(`records: the full deploy FAILED (exit ${full.code})\n    ${errorLines(full)}`)
      return out
    }
    out.full = full.exitAt - full.spawnAt
    progress(`records: full deploy (${BUILD_SECONDS} s build) ${ms(out.full)}`)
    for (let i = 1; i <= runs; i++) {
      emulator.clearRequests()
      const run = await runAction(emulator, { node, inputs, env })
      const registers = emulator.requests.filter((r) => REGISTER_PATH.test(r.path)).length
      if (run.code !== 0 || run.outputs.status !== 'unchanged') {
        out.failed++
        progress(`records: unchanged run ${i} FAILED (exit ${run.code}, ${run.outputs.status})\n    ${errorLines(run)}`)
        continue
      }
      out.unchanged.push(run.exitAt - run.spawnAt)
      out.registers.push(registers)
      progress(
        `records: unchanged re-deploy ${i}/${runs}: ${ms(run.exitAt - run.spawnAt)}, ${registers} register calls`
      )
    }
    out.v2 = await v2Repeats({ emulator, node, env, recorded, runs, progress })
  } finally {
    await github.close()
    await emulator.close()
  }
  return out
}

/** A v2 build deployed once to make a record, then again (changed content) with the record's hint. */
async function v2Repeats({ emulator, node, env, recorded, runs, progress }) {
  // When each script turns Deployed, watched from inside the emulator (as scripts/bench/builds.mjs does).
  const deployedAt = new Map()
  const watcher = setInterval(() => {
    for (const s of emulator.scripts())
      if (s.status === 'Deployed' && !deployedAt.has(s.hash)) deployedAt.set(s.hash, Date.now())
  }, 2)
  const lags = []
  const name = `bench records v2 ${Date.now()}`
  const from = v2LightWorkspace(scratchDir('v2-records-'))
  try {
    for (let i = 0; i <= runs; i++) {
      const seconds = BUILD_SECONDS + Math.random()
      emulator.setBuildSeconds(seconds)
      emulator.clearRequests()
      // A new value each time, so the content (and the digest) changes: every run builds.
      const inputs = { ...recorded, ...V2_LIGHT_INPUTS, name, 'python-version': i % 2 ? '3.10' : '3.9' }
      const run = await runAction(emulator, { node, inputs, env, from })
      const host = emulator.requests.find(isHost)
      const seen = emulator.requests.filter(isBuildStatus).at(-1)
      if (run.code !== 0 || !host || !seen) {
        progress(`records: v2 deploy ${i} FAILED (exit ${run.code})\n    ${errorLines(run)}`)
        continue
      }
      if (i === 0) continue
      const hinted = /says its record/.test(run.stdout)
      const nominalEnd = host.at + seconds * 1000
      const observed = deployedAt.get(run.outputs['preprocessing-id']) ?? nominalEnd
      const lag = seen.at - Math.max(nominalEnd, Math.min(observed, seen.at))
      lags.push({ lag, hinted })
      progress(
        `records: v2 repeat ${i}/${runs}: seen ${ms(lag)} after the end${hinted ? ', hint from the record' : ''}`
      )
    }
  } finally {
    clearInterval(watcher)
  }
  return lags
}
