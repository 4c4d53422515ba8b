/** src/harness/embedded.ts is generated from python/: it must hold exactly what python/ holds. */
import { readFileSync } from 'node:fs'
import { HARNESS_PY, PIPREQS_MAPPING } from '../../src/harness/embedded.js'

const read = (path: string) => readFileSync(new URL(`../../python/${path}`, import.meta.url), 'utf8')

test('the embedded harness is python/harness.py (run node python/embed.mjs after editing it)', () => {
  expect(HARNESS_PY).toBe(read('harness.py'))
})

test('the embedded mapping is python/vendor/pipreqs/mapping', () => {
  expect(PIPREQS_MAPPING).toBe(read('vendor/pipreqs/mapping'))
})
