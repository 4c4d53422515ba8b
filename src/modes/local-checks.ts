import * as core from '@actions/core'
import { InputError } from '../errors.js'
import type { DeploySpec } from '../inputs.js'
import { checkEntrypoint } from '../validate/entrypoint.js'
import { oneLine } from '../publish/inert.js'

/**
 * The Python entrypoint check (interfaces §2), the one local check that spawns a
 * process: main starts it beside the read-only health request, and the login waits
 * for it, so nothing secret is sent before it has passed. Fails only on certainties.
 */
export async function checkEntrypointOf(spec: DeploySpec): Promise<void> {
  if (spec.mode === 'smoke-test') return // nothing is uploaded: the server's script is what runs
  const source = spec.script.files.find(file => file.part === 'source')
  if (!source?.localPath) return
  const check = await checkEntrypoint(source.localPath, spec.script.entrypoint, spec.script.pythonVersion, spec.script.operation)
  if (!check.ok) {
    throw new InputError([{
      input: 'entrypoint',
      problem: `'${source.uploadName}' ${check.problem}.`,
      fix: spec.script.operation === 'Async' ? 'The server calls it as fn(data_path, extra_path=None) (v1) or fn(dfs, extra_path=None) (v2).' : 'The server calls it as fn(data, base_path).'
    }])
  }
  if (check.note) core.notice(`Entrypoint check: ${oneLine(check.note)}.`)
}
