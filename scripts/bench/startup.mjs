/**
 * 3. Start-up: spawn → the first HTTP request the emulator sees (`wait: false`, so the
 * run ends after hosting), with python3 on PATH and hidden (the entrypoint check then
 * falls back to a text search), and bare `node -e 0` as the floor.
 */
import { spawn } from 'node:child_process'
import { startEmulator } from '../../build/emulator/index.js'
import { runAction, errorLines, scratchDir } from './action-process.mjs'
import { ms } from './format.mjs'

export async function measureStartup({ runs, node, version, progress, full = true }) {
  const emulator = await startEmulator({ buildSeconds: 0 })
  const out = { withPython: [], withoutPython: [], bareNode: [] }
  try {
    const series = [['withPython', {}]]
    if (full) series.push(['withoutPython', { PATH: scratchDir('path-without-python-') }])
    for (const [key, env] of series) {
      for (let i = 1; i <= runs; i++) {
        emulator.clearRequests()
        const run = await runAction(emulator, { inputs: { wait: 'false' }, env, node })
        const first = emulator.requests[0]
        if (!first) {
          progress(
            `start-up (${key}) run ${i}: no request reached the emulator (exit ${run.code})\n    ${errorLines(run)}`
          )
          continue
        }
        out[key].push(first.at - run.spawnAt)
        const python = key === 'withPython' ? 'python3 on PATH' : 'python3 hidden'
        progress(
          `start-up on ${version} (${python}) run ${i}/${runs}: ` +
            `${ms(first.at - run.spawnAt)} to ${first.method} ${first.path}`
        )
      }
    }
    for (let i = 0; i < Math.max(3, runs); i++) {
      const t = Date.now()
      await new Promise((done) => spawn(node, ['-e', '0'], { stdio: 'ignore' }).on('exit', done))
      out.bareNode.push(Date.now() - t)
    }
  } finally {
    await emulator.close()
  }
  return out
}
