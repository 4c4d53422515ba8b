/**
 * 4. Publishing: from the status check that saw Deployed to the process's exit
 * (outputs, job summary, records, and with an artifact its upload to the loopback fake
 * of GitHub's results service in __tests__/helpers/artifact-service.ts).
 */
import { startEmulator } from '../../build/emulator/index.js'
import { startArtifactService } from '../../build/helpers/artifact-service.js'
import { runAction, errorLines } from './action-process.mjs'
import { isBuildStatus } from './wire.mjs'
import { ms } from './format.mjs'

export async function measurePublishing({ runs, node, progress }) {
  const emulator = await startEmulator({ buildSeconds: 0 })
  const service = await startArtifactService()
  const out = { withoutArtifact: [], withArtifact: [], failed: 0 }
  try {
    for (const [key, inputs, env] of [
      ['withoutArtifact', { 'upload-artifact': 'false' }, {}],
      ['withArtifact', { 'upload-artifact': 'true' }, service.env]
    ]) {
      for (let i = 1; i <= runs; i++) {
        emulator.clearRequests()
        const uploadedBefore = service.artifacts().filter((a) => a.finalized).length
        const run = await runAction(emulator, {
          node,
          inputs: { ...inputs, name: `bench ${key === 'withArtifact' ? 'artifact' : 'plain'} ${i}` },
          env
        })
        const seen = emulator.requests.filter(isBuildStatus).at(-1)
        const uploaded = service.artifacts().filter((a) => a.finalized).length > uploadedBefore
        if (run.code !== 0 || !seen || (key === 'withArtifact' && !uploaded)) {
          out.failed++
          const missing = key === 'withArtifact' && !uploaded ? ', no artifact uploaded' : ''
          progress(`publishing (${key}) run ${i}: FAILED (exit ${run.code}${missing})\n    ${errorLines(run)}`)
          continue
        }
        out[key].push(run.exitAt - seen.at)
        const kind = key === 'withArtifact' ? 'with an artifact' : 'no artifact'
        progress(`publishing (${kind}) run ${i}/${runs}: Deployed seen → exit ${ms(run.exitAt - seen.at)}`)
      }
    }
  } finally {
    await service.close()
    await emulator.close()
  }
  return out
}
