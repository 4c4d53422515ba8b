import { InputError } from '../shared/errors.js'
import type { DeploySpec } from '../inputs/parse.js'
import {
  CALLED_AS,
  contractOf,
  fitOf,
  otherAsync,
  type ContractSignal,
  type EntrypointContract
} from '../harness/contract.js'
import type { ApiVersion } from '../shared/api-choice.js'
import { oneLine } from '../shared/inert.js'
import { Workspace } from '../inputs/workspace.js'

/** A notice for the log, with the place it is about (the runner's core.notice, handed in by the caller). */
export type Notify = (message: string, where?: { title?: string; file?: string; startLine?: number }) => void

/** The contract a run uses (or validate mode tested), and why: for the log, the summary and result.json. */
export interface ContractChoice {
  readonly contract: EntrypointContract
  readonly calledAs: string
  readonly why: string
}

/** A v1 script of the same name found in the group (steps/history.ts): the previous deploy used v1. */
export interface EarlierDeploy {
  readonly hash: string
  readonly api: ApiVersion
}

/**
 * `api-version: auto` never silently changes a script's calling contract (the rule lives
 * here; modes/deploy.ts applies it after the probe, modes/validate.ts to the API a current
 * server takes, local-checks/entrypoint.ts to an api-version given). Before anything is
 * uploaded, under the API that will serve the script:
 * - a certainty in the entrypoint against its contract (harness/contract.ts) stops the run,
 *   naming the api-version that keeps it working;
 * - under auto, a previous deploy of the same name through the other API stops it too,
 *   unless the code certainly belongs to the new contract;
 * - hints against the contract are a notice (through `notify`).
 */
export function checkContractFit(
  spec: DeploySpec,
  api: ApiVersion,
  why: string,
  signals: readonly ContractSignal[],
  notify: Notify,
  earlier?: EarlierDeploy
): ContractChoice {
  const contract = contractOf(spec.script.operation, api)
  const choice = { contract, calledAs: CALLED_AS[contract], why }
  if (contract === 'sync') return choice
  const { entrypoint, name } = spec.script
  const fit = fitOf(contract, signals)
  const other = otherAsync(contract)
  const otherApi: ApiVersion = api === 'v1' ? 'v2' : 'v1'
  const asked = spec.apiVersion
  // "api-version: auto, and …" already says what `is auto` says.
  const reason = why.replace(/^api-version: \w+(, and )?/, '')
  const built =
    `is ${asked}${reason ? `, and ${reason}` : ''}, so ${oneLine(entrypoint)} would be called as ` +
    `${CALLED_AS[contract]} (${api}).`
  if (fit.breaks) {
    throw new InputError([
      {
        input: 'api-version',
        problem:
          `${built} It was written for the ${otherApi} contract: it ${fit.breaks.why}. ` +
          'It would fail at its first run.',
        fix: fixFor(asked, otherApi, other, contract)
      }
    ])
  }
  const confirmed = signals.some((signal) => signal.certain && signal.against === other)
  if (earlier && earlier.api !== api && asked === 'auto' && !confirmed) {
    throw new InputError([
      {
        input: 'api-version',
        problem:
          `${built} But the previous deploy of '${oneLine(name)}' in this group (${earlier.hash}) went ` +
          `through ${earlier.api}, which calls it as ${CALLED_AS[other]}: auto would change its calling ` +
          'contract, and a script written for the other one fails at its first run.',
        fix:
          `Set api-version: ${earlier.api} to keep calling it as before, or api-version: ${api} ` +
          `once it is written as ${CALLED_AS[contract]}.`
      }
    ])
  }
  for (const doubt of fit.doubts.slice(0, 2))
    notify(
      `${oneLine(entrypoint)} ${oneLine(doubt.why)}: it may be written for the ${otherApi} contract ` +
        `(${CALLED_AS[other]}), but it will be called as ${CALLED_AS[contract]} (${oneLine(why)}). ` +
        `If it is, set api-version: ${otherApi}.`,
      { title: 'Entrypoint contract', file: sourceShown(spec), startLine: doubt.line }
    )
  return choice
}

function fixFor(asked: string, otherApi: ApiVersion, other: EntrypointContract, contract: EntrypointContract): string {
  const keep = `Set api-version: ${otherApi} to keep it working as written (called as ${CALLED_AS[other]})`
  const rewrite = `or rewrite it as ${CALLED_AS[contract]}`
  if (otherApi === 'v2' && asked === 'auto') return `${keep} on a server with the v2 API, ${rewrite} for this server.`
  return `${keep}, ${rewrite}.`
}

/** The source as the workspace shows it, for an annotation on its line. */
function sourceShown(spec: DeploySpec): string | undefined {
  const path = spec.script.files.find((file) => file.part === 'source')?.localPath
  return path && new Workspace(spec.workspace, spec.allowOutsideWorkspace).shown(path)
}
