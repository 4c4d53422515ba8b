import * as core from '@actions/core'
import { InputError } from '../shared/errors.js'
import type { DeploySpec } from '../inputs/parse.js'
import { Workspace } from '../inputs/workspace.js'
import { CALLED_AS, contractOf, type EntrypointContract } from '../harness/contract.js'
import { checkEntrypoint, type EntrypointCheck } from './entrypoint.js'
import { oneLine } from '../shared/inert.js'
import { apiCandidates } from '../shared/api-choice.js'

/**
 * The Python entrypoint check (interfaces §2), the one local check that spawns a
 * process: main starts it beside the read-only health request, and the login waits
 * for it, so nothing secret is sent before it has passed. It fails only on
 * certainties. An Async script under api-version auto may go either way until the
 * probe has answered, so it must fit one of the two Async contracts.
 */
export async function checkEntrypointOf(spec: DeploySpec): Promise<void> {
  if (spec.mode === 'smoke-test') return // nothing is uploaded: the server's script is what runs
  const source = spec.script.files.find((file) => file.part === 'source')
  if (!source?.localPath) return
  const contracts = contractsOf(spec)
  const checks = await Promise.all(
    contracts.map((contract) =>
      checkEntrypoint(source.localPath as string, spec.script.entrypoint, spec.script.pythonVersion, contract)
    )
  )
  const passed = checks.find((check): check is Extract<EntrypointCheck, { ok: true }> => check.ok)
  if (!passed) {
    const problems = [...new Set(checks.map((check) => (check.ok ? '' : check.problem)))]
    throw new InputError([
      {
        input: 'entrypoint',
        problem: `'${new Workspace(spec.workspace, spec.allowOutsideWorkspace).shown(source.localPath)}' ${problems.join('; ')}.`,
        fix: `The server calls it as ${contracts.map((contract) => CALLED_AS[contract]).join(', or ')}.`
      }
    ])
  }
  if (passed.note) core.notice(`Entrypoint check: ${oneLine(passed.note)}.`)
}

function contractsOf(spec: DeploySpec): EntrypointContract[] {
  const { operation } = spec.script
  return apiCandidates(operation, spec.apiVersion).map((api) => contractOf(operation, api))
}
