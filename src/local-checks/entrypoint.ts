import { readFile } from 'node:fs/promises'
import { InputError } from '../shared/errors.js'
import type { DeploySpec, PythonVersion } from '../inputs/parse.js'
import { Workspace } from '../inputs/workspace.js'
import { checkStatically } from '../harness/check.js'
import { CALLED_AS, contractOf, type ContractSignal, type EntrypointContract } from '../harness/contract.js'
import { oneLine } from '../shared/inert.js'
import { apiCandidates, apiReasonWithoutProbe } from '../shared/api-choice.js'
import { checkContractFit, type Notify } from './contract-fit.js'

/** What the entrypoint check found that a later step needs: the contract signals (harness/contract.ts). */
export interface EntrypointFindings {
  readonly signals: readonly ContractSignal[]
}

/**
 * The Python entrypoint check, the one local check that spawns a
 * process: main starts it beside the read-only health request, and the login waits
 * for it, so nothing secret is sent before it has passed. It fails only on
 * certainties. An Async script under api-version auto may go either way until the
 * probe has answered, so it must fit one of the two Async contracts here, and the
 * contract the probe picks is judged after it (modes/deploy.ts, modes/validate.ts);
 * with one API possible, the contract is judged here, before any request. Notices go
 * through `notify` (main.ts hands it core.notice).
 */
export async function checkEntrypointOf(spec: DeploySpec, notify: Notify): Promise<EntrypointFindings> {
  const none: EntrypointFindings = { signals: [] }
  if (spec.mode === 'smoke-test') return none // nothing is uploaded: the server's script is what runs
  const source = spec.script.files.find((file) => file.part === 'source')
  if (!source?.localPath) return none
  const contracts = contractsOf(spec)
  const checks = await Promise.all(
    contracts.map((contract) =>
      checkEntrypoint(source.localPath as string, spec.script.entrypoint, spec.script.pythonVersion, contract)
    )
  )
  const passed = checks.find((check): check is Extract<EntrypointCheck, { ok: true }> => check.ok)
  if (!passed) {
    const problems = [...new Set(checks.map((check) => (check.ok ? '' : check.problem)))]
    const shown = new Workspace(spec.workspace, spec.allowOutsideWorkspace).shown(source.localPath)
    // A file Python cannot read is the source file's fault, whatever the entrypoint is.
    const unreadable = problems.find((problem) => UNREADABLE_SOURCE.test(problem))
    throw new InputError([
      unreadable
        ? {
            input: 'source-file',
            problem: `'${shown}' ${unreadable}.`,
            fix: shown.endsWith('.ipynb')
              ? 'Save the notebook again from Jupyter (it must be valid notebook JSON), or give a .py file.'
              : `Fix the syntax (python${spec.script.pythonVersion} -m py_compile '${shown}' shows the same error), ` +
                'or set python-version to the version the script is written for.'
          }
        : {
            input: 'entrypoint',
            problem: `'${shown}' ${problems.join('; ')}.`,
            fix: `The server calls it as ${contracts.map((contract) => CALLED_AS[contract]).join(', or ')}.`
          }
    ])
  }
  if (passed.note) notify(`Entrypoint check: ${oneLine(passed.note)}.`)
  const findings = { signals: passed.signals ?? [] }
  const [only, ...others] = apiCandidates(spec.script.operation, spec.apiVersion)
  if (only && others.length === 0 && spec.mode === 'deploy')
    checkContractFit(
      spec,
      only,
      apiReasonWithoutProbe(spec.script.operation, spec.apiVersion),
      findings.signals,
      notify
    )
  return findings
}

/** The harness's words for a source file Python cannot read at all (python/harness/loader.py). */
const UNREADABLE_SOURCE = /^(does not parse|is not a readable notebook)/

function contractsOf(spec: DeploySpec): EntrypointContract[] {
  const { operation } = spec.script
  return apiCandidates(operation, spec.apiVersion).map((api) => contractOf(operation, api))
}

/**
 * The entrypoint pre-check, with Python's own parser (python/harness/, mode "check";
 * nothing of the user's code runs). It fails only on certainties: the file does not parse
 * for the chosen Python, the name is bound nowhere, or every `def` of it has an arity that
 * cannot fit the contract. Anything uncertain (a decorated def, an assignment, a star
 * import, a newer syntax than this interpreter knows) passes with a note.
 */
export type EntrypointCheck =
  | { ok: true; how: 'python' | 'text'; line?: number; note?: string; signals?: readonly ContractSignal[] }
  | { ok: false; problem: string; line?: number }

export async function checkEntrypoint(
  sourcePath: string,
  entrypoint: string,
  pythonVersion: PythonVersion,
  contract: EntrypointContract,
  python = 'python3'
): Promise<EntrypointCheck> {
  const minor = Number(pythonVersion.split('.')[1])
  const verdict = await checkStatically(python, sourcePath, entrypoint, minor, contract)
  if ('unavailable' in verdict) return checkByText(sourcePath, entrypoint, verdict.unavailable)
  return verdict.ok
    ? { ok: true, how: 'python', line: verdict.line, note: verdict.note, signals: verdict.signals }
    : verdict
}

// Things that can bind a name without spelling it out where a text search would see it.
const DYNAMIC_BINDING = /\bimport\s+\*|\b(globals|exec|eval|setattr|vars)\s*\(/

/**
 * Without a working interpreter: a name that never appears in the file, and nothing that
 * could bind it dynamically, is the one certainty left; the rest is a note.
 */
async function checkByText(sourcePath: string, entrypoint: string, why: string): Promise<EntrypointCheck> {
  // latin1 never fails to decode; the name is ASCII either way.
  const text = await readFile(sourcePath, 'latin1')
  const mentioned = new RegExp(`(^|[^A-Za-z0-9_])${entrypoint}([^A-Za-z0-9_]|$)`).test(text)
  if (!mentioned && !DYNAMIC_BINDING.test(text))
    return { ok: false, problem: `never mentions '${entrypoint}', so it cannot define it` }
  return {
    ok: true,
    how: 'text',
    note: `${why}, so the entrypoint was only searched for as text; its definition and signature were not checked`
  }
}
