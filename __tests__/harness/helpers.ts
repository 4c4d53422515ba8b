/** Shared by the harness tests: a script folder in a temp dir, and interpreters with and without pandas. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hasPandas, pandasPython } from '../../src/harness/interpreter.js'

/** A folder holding `files` (name -> content), as the server lays out an upload. */
export function scriptFolder(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'harness-test-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true })
    writeFileSync(join(folder, name), content)
  }
  return folder
}

/** Resolved once per test file: tests needing pandas skip with a visible reason when none has it. */
export async function interpreters(): Promise<{ withPandas?: string; withoutPandas?: string }> {
  const withPandas = await pandasPython()
  if (!withPandas)
    console.warn(
      'No interpreter here can import pandas (apt-get install python3-pandas): the DataFrame tests are skipped.'
    )
  const withoutPandas = (await hasPandas('python3')) ? undefined : 'python3'
  return { withPandas, withoutPandas }
}
