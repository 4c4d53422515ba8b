/** src/harness/embedded.ts is generated from python/: it must hold exactly what python/ holds. */
import { readdirSync, readFileSync } from 'node:fs'
import { HARNESS_FILES, PIPREQS_MAPPING } from '../../src/harness/embedded.js'

const read = (path: string) => readFileSync(new URL(`../../python/${path}`, import.meta.url), 'utf8')

test('the embedded harness is python/harness/*.py (run npm run embed after editing it)', () => {
  const modules = readdirSync(new URL('../../python/harness/', import.meta.url)).filter((n) => n.endsWith('.py'))
  expect(Object.keys(HARNESS_FILES).sort()).toEqual(modules.sort())
  for (const name of modules) expect(HARNESS_FILES[name]).toBe(read(`harness/${name}`))
})

test('the embedded mapping is python/vendor/pipreqs/mapping', () => {
  expect(PIPREQS_MAPPING).toBe(read('vendor/pipreqs/mapping'))
})
