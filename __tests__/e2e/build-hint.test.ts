/**
 * The wait learns from the script's previous build (docs/poll-schedule.md): the
 * bundle deployed twice under one name against the emulator. The first deploy finds no
 * earlier build; the second reads the first one's length from the search and its Host
 * log, says so, and checks every 4 s, then every second around where the build should end.
 * Asserted on the gaps between the status requests the emulator received, with margins
 * for a loaded machine, not on how fast the end was seen.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DEFAULT_GROUP } from '../../emulator/index.js'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { outputOf, runAction } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 10 })

const statusChecks = (hash: string) =>
  emulator.requests.filter((r) => r.path === `/api/preprocessing/status/${DEFAULT_GROUP}/${hash}`)
const deploymentOf = (resultFile: string) =>
  JSON.parse(readFileSync(join(dirname(resultFile), 'deployment.json'), 'utf8'))
/** The seconds between consecutive request times. */
function gapsBetween(at: readonly number[]): number[] {
  const gaps: number[] = []
  let previous: number | undefined
  for (const t of at) {
    if (previous !== undefined) gaps.push((t - previous) / 1000)
    previous = t
  }
  return gaps
}

describe('the wait with the previous build as its hint', () => {
  test('a second deploy of a name checks densely where its previous build ended', async () => {
    const inputs = syncSampleInputs(emulator.url, { name: 'hinted features', 'upload-artifact': 'false' })
    const first = await runAction(inputs)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(
      'No previous build to go by (no earlier script of this name in the group was deployed): checking every 2 s.'
    )
    expect(deploymentOf(outputOf(first, 'result-file')).timings.previousBuild).toBeUndefined()
    const firstHash = outputOf(first, 'preprocessing-id')
    // Without a hint: the first check at 1 s, the second within 2 s of it, then the 2 s grid.
    const firstAt = statusChecks(firstHash).map((r) => r.at)
    expect(gapsBetween(firstAt).every((gap) => gap > 0.7 && gap < 2.6)).toBe(true)
    expect(gapsBetween(firstAt.slice(2)).every((gap) => gap > 1.4 && gap < 2.6)).toBe(true)

    emulator.clearRequests()
    emulator.setBuildSeconds(10.5)
    const second = await runAction(inputs)
    expect(second.code).toBe(0)
    const hash = outputOf(second, 'preprocessing-id')
    expect(hash).not.toBe(firstHash)

    // Two reads while the build runs: the search by name and group, then the first script's Host log.
    const search = emulator.requests.find((r) => r.path === '/api/preprocessing/search')
    expect(search?.query).toEqual({ name: 'hinted features', group: DEFAULT_GROUP })
    expect(
      emulator.requests.some(
        (r) => r.path === `/api/preprocessing/logs/${DEFAULT_GROUP}/${firstHash}` && r.query.routine === 'Host'
      )
    ).toBe(true)
    const host = emulator.requests.find((r) => r.path.includes('/host/'))
    expect(search!.at).toBeGreaterThanOrEqual(host!.at)

    const line = new RegExp(
      /The previous build of 'hinted features' \((S[0-9a-f]{63})\) took (\d+(?:\.\d)?) s: checking /.source +
        /every 4 s until about 9s, then every second while the request budget allows\./.source
    ).exec(second.stdout)
    expect(line?.[1]).toBe(firstHash)
    const took = Number(line?.[2])
    expect(took).toBeGreaterThanOrEqual(10)
    expect(took).toBeLessThan(12)
    expect(deploymentOf(outputOf(second, 'result-file')).timings.previousBuild).toEqual({
      hash: firstHash,
      seconds: took
    })
    expect(second.summary).toMatch(
      /<th align="left">Build time<\/th><td>1[0-2]s \(\d+ status checks; the previous build took 1[0-2]s\)<\/td>/
    )
    expect(first.summary).toMatch(/<th align="left">Build time<\/th><td>1[0-2]s \(\d+ status checks\)<\/td>/)

    // Checks at about 1, 5 and 9 s, then every second until the end (10.5 s) is seen.
    // Due times are absolute, so a late timer on a loaded machine stretches one gap and
    // shortens the next: the bounds leave room for that, and still tell 4 s and 1 s gaps
    // from the 2 s of the schedule without a hint.
    const at = statusChecks(hash).map((r) => r.at)
    const gaps = gapsBetween(at)
    expect(gaps.length).toBeGreaterThanOrEqual(3)
    expect(gaps.slice(0, 2).every((gap) => gap > 2.9 && gap < 5.1)).toBe(true)
    expect(gaps.slice(2).every((gap) => gap > 0.2 && gap < 1.75)).toBe(true)
    // The hint was there before the second check was planned (at the first, 1 s in).
    const logsRead = emulator.requests.find((r) => r.path === `/api/preprocessing/logs/${DEFAULT_GROUP}/${firstHash}`)
    expect(logsRead!.at).toBeLessThan(at[0]!) // gaps.length >= 3 above
  }, 60_000)
})
