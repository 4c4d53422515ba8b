/**
 * .env values long enough to mask that equal the step's own values (the server's host, the
 * script's name, its source file, its entrypoint): the action's outputs, summary and records
 * keep them, and result.json and deployment.json stay valid JSON (issue 17, rule 1).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { runAction, sampleWorkspace } from '../helpers/action-runner.js'

const emulator = useEmulator({ buildSeconds: 0 })
const NAME = 'loan features'

test('.env values equal to the host, the name, the source file and the entrypoint leave them intact', async () => {
  const host = new URL(emulator.url).hostname
  const dir = sampleWorkspace('sync')
  const env = [`HOST=${host}`, `LABEL=${NAME}`, 'FILE=score.py', 'FN=process', 'QUOTED="a \\"b\\" = c"', '']
  writeFileSync(join(dir, '.env'), env.join('\n'))
  const run = await runAction(
    syncSampleInputs(emulator.url, { name: NAME, 'env-file': '.env', 'smoke-test': 'true' }),
    { workspace: dir }
  )
  expect(run.code).toBe(0)
  expect(run.outputs.url ?? '').toContain(host)
  expect(run.summary).toContain(`: ${NAME}</h3>`)
  const resultFile = run.outputs['result-file'] as string
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { script: Record<string, string> }
  expect(result.script).toMatchObject({ name: NAME })
  const deployment = JSON.parse(readFileSync(join(dirname(resultFile), 'deployment.json'), 'utf8')) as {
    script: Record<string, string>
  }
  expect(JSON.stringify(deployment.script)).toContain(NAME)
  expect(JSON.stringify(deployment)).toContain('score.py')
}, 120_000)
