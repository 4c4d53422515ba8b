/**
 * A v2 Async script that builds without pandas (only its executions would need it), for
 * what times or checks a v2 build itself: the deploy-record tests and the bench.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Its inputs, beside the connection's. */
export const V2_LIGHT_INPUTS = {
  operation: 'Async',
  'api-version': 'v2',
  entrypoint: 'build_df',
  'source-file': 'app.py',
  'requirements-file': 'requirements.txt',
  schema: 'loans=loans.csv',
  'extra-files': '',
  'smoke-test': 'false'
} as const

/** A fresh workspace holding it (under `parent` when given). */
export function v2LightWorkspace(parent: string = tmpdir()): string {
  const dir = mkdtempSync(join(parent, 'ws-v2-light-'))
  writeFileSync(join(dir, 'app.py'), 'def build_df(dfs, extra_path=None):\n    return dfs["loans"]\n')
  writeFileSync(join(dir, 'requirements.txt'), '')
  writeFileSync(join(dir, 'loans.csv'), 'id,amount\n1,100\n')
  return dir
}
