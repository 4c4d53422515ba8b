/**
 * Jest's globalSetup: in a fresh clone, compiles the emulator and the scripts' helpers once,
 * before any test file starts. Test files that run `npm run build:emulator` or `npm start`
 * then find the build up to date (tsc --incremental writes nothing), instead of several
 * compiling at once and one reading a file another is halfway through writing.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export default function buildOnce() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
  for (const [script, info] of [
    ['build:emulator', 'emulator.tsbuildinfo'],
    ['build:helpers', 'helpers.tsbuildinfo']
  ])
    if (!existsSync(join(root, 'build', info)))
      execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' })
}
