/** The `digest` output: the same content, the same digest; any byte that reaches the server changes it. */
import { renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import { buildManifest, digestOf } from '../../src/local-checks/manifest.js'
import { DIGEST } from '../../src/shared/manifest.js'
import { VALID, source, workspace } from '../helpers/input-source.js'

async function digest(dir: string, inputs: Record<string, string> = {}): Promise<string> {
  const { spec } = parseInputs(source(dir, { ...VALID, ...inputs }))
  return digestOf(await buildManifest(spec, spec.workspace), spec)
}

describe('digestOf', () => {
  test('the same content in another workspace gives the same digest; a changed byte another', async () => {
    const first = await digest(workspace())
    expect(first).toMatch(DIGEST)
    expect(await digest(workspace())).toBe(first)
    const changed = workspace()
    writeFileSync(join(changed, 'requirements.txt'), 'pandas==2.2.3\n')
    expect(await digest(changed)).not.toBe(first)
  })

  test('a form field that reaches the server changes it: Python version, entrypoint, name', async () => {
    const dir = workspace()
    const base = await digest(dir)
    expect(await digest(dir, { 'python-version': '3.9' })).not.toBe(base)
    expect(await digest(dir, { name: 'loan features 2' })).not.toBe(base)
  })

  test('where a file lies in the repository does not: only what is uploaded counts', async () => {
    const dir = workspace()
    const base = await digest(dir, { 'extra-files': 'extras/one.txt' })
    renameSync(join(dir, 'extras/one.txt'), join(dir, 'one.txt'))
    expect(await digest(dir, { 'extra-files': 'one.txt' })).toBe(base)
  })

  test('the order extra-files lists (or a glob finds) the same files in does not change it', async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'data.json'), '{}')
    const base = await digest(dir, { 'extra-files': 'extras/one.txt\ndata.json' })
    expect(await digest(dir, { 'extra-files': 'data.json\nextras/one.txt' })).toBe(base)
    expect(await digest(dir, { 'extra-files': 'data.json\nextras/o*.txt' })).toBe(base)
  })

  test('the same bytes under another upload name, or with CRLF line ends, are a change', async () => {
    const dir = workspace()
    const base = await digest(dir, { 'extra-files': 'extras/one.txt' })
    writeFileSync(join(dir, 'uno.txt'), '1')
    expect(await digest(dir, { 'extra-files': 'uno.txt' })).not.toBe(base)
    const crlf = workspace()
    writeFileSync(join(crlf, 'requirements.txt'), 'pandas==2.2.2\r\n')
    expect(await digest(crlf, { 'extra-files': 'extras/one.txt' })).not.toBe(base)
  })

  test('a changed .env value changes it, yet nothing of the .env can be read from it', async () => {
    const dir = workspace()
    const base = await digest(dir, { 'env-file': '.env' })
    writeFileSync(join(dir, '.env'), 'API_KEY=another-secret\n')
    const changed = await digest(dir, { 'env-file': '.env' })
    expect(changed).not.toBe(base)
    // Keyed by the password: the same .env with another password is another digest (one deploy more).
    expect(await digest(dir, { 'env-file': '.env', password: 'pw-rotated' })).not.toBe(changed)
    expect(await digest(dir, { 'env-file': '.env' })).toBe(changed)
  })
})
