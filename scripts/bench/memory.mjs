/**
 * 5. Memory: peak RSS of the action while it uploads a large extra file (a sparse file:
 * it reads back as zero bytes, streamed like any file), beside the same deploy without it.
 */
import { closeSync, openSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator } from '../../build/emulator/index.js'
import { GNU_TIME, runAction, errorLines, scratchDir } from './action-process.mjs'
import { REGISTER_PATH } from './wire.mjs'
import { mb } from './format.mjs'

export function sparseFile(bytes) {
  const path = join(scratchDir('big-'), 'big-extra.bin')
  closeSync(openSync(path, 'w'))
  truncateSync(path, bytes)
  return path
}

export async function measureMemory({ node, version, bigPath, size, progress }) {
  const emulator = await startEmulator({ buildSeconds: 0 })
  try {
    progress(`memory on ${version}: the deploy without the big file`)
    const base = await runAction(emulator, { viaTime: true, sampleRss: true, node })
    const baseline = base.code === 0 ? (base.timePeak ?? (base.rss.peakHwm || undefined)) : undefined
    emulator.clearRequests()
    const mib = (size / 2 ** 20).toFixed(0)
    progress(`memory on ${version}: deploying with a ${mib} MiB extra file${GNU_TIME ? ' (under GNU time)' : ''}`)
    const started = Date.now()
    const run = await runAction(emulator, {
      inputs: { 'extra-files': `limits.json\n${bigPath}`, 'allow-outside-workspace': 'true' },
      viaTime: true,
      sampleRss: true,
      node
    })
    const register = emulator.requests.find((r) => REGISTER_PATH.test(r.path) && r.method === 'POST')
    const uploaded = register?.files.find((f) => f.filename === 'big-extra.bin')
    const result = {
      size,
      baseline,
      ok: run.code === 0 && run.outputs.status === 'deployed' && uploaded?.size === size,
      code: run.code,
      uploadedBytes: uploaded?.size ?? 0,
      wall: run.exitAt - started,
      timePeak: run.timePeak,
      polledHwm: run.rss.peakHwm || undefined,
      error: run.code === 0 ? undefined : errorLines(run)
    }
    result.peak = result.timePeak ?? result.polledHwm
    result.method = result.timePeak ? 'GNU time (getrusage ru_maxrss)' : 'polled /proc/<pid>/status VmHWM every 20 ms'
    progress(
      result.ok
        ? `memory on ${version}: peak RSS ${mb(result.peak)}`
        : `memory: the upload FAILED (exit ${run.code}, ${result.uploadedBytes} of ${size} bytes arrived)\n` +
            `    ${result.error ?? ''}`
    )
    return result
  } finally {
    await emulator.close()
  }
}
