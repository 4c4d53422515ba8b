// Plumbing shared by deploy and smoke-test modes (not a mode): the transport, the login,
// the group and the API choice. It logs and fills the RunResult, so it lives with the modes.
import * as core from '@actions/core'
import { InputError } from '../shared/errors.js'
import type { DeploySpec } from '../inputs/parse.js'
import { problemsOnApi } from '../inputs/api-fit.js'
import { v1Preprocessing, v2Preprocessing, type ApiVersion, type PreprocessingApi } from '../api/api.js'
import { Transport } from '../api/http/transport.js'
import { DEFAULT_RETRY } from '../api/http/retry.js'
import { apiCandidates, apiReasonWithoutProbe } from '../shared/api-choice.js'
import { V1Api } from '../api/v1.js'
import { V2Api } from '../api/v2.js'
import { proxyAgents, proxyOf } from '../api/proxy.js'
import { oneLine } from '../shared/inert.js'
import type { RunResult } from '../publish/result.js'
import { addSecret, redact } from '../shared/secrets.js'

/** The deadline the transport's retries respect; undefined between waits. */
export interface Deadline {
  at?: number
}

/** A logged-in session: both APIs over one transport, and the group as the server spells it. */
export interface Session {
  readonly transport: Transport
  readonly v1: V1Api
  readonly v2: V2Api
  readonly group: string
}

export function newTransport(spec: DeploySpec, signal: AbortSignal, deadline: Deadline): Transport {
  return new Transport({
    ...spec.connection,
    // A write the server refuses before acting is sent again no longer than the wait itself may take.
    retry: { ...DEFAULT_RETRY, writeBudgetMs: Math.min(DEFAULT_RETRY.writeBudgetMs, spec.wait.timeoutMs) },
    deadline: () => deadline.at,
    // Server text reaches these lines; one line each, so none can start a workflow command.
    logger: {
      debug: (message) => core.debug(oneLine(message)),
      info: (message) => core.info(oneLine(message)),
      warning: (message) => core.warning(oneLine(message))
    },
    signal,
    onToken: addSecret,
    redact,
    agent: proxyAgents(),
    proxyOf
  })
}

/**
 * Health (read-only, nothing secret) runs beside the local checks; the login waits
 * for both, so no password leaves the runner before every local check has passed.
 */
export async function connect(
  transport: Transport,
  spec: DeploySpec,
  result: RunResult,
  localChecks: Promise<unknown>
): Promise<Session> {
  return core.group('Connect', async () => {
    // Both settle before anything is judged: a local problem is reported first, whatever health said.
    const [health, local] = await Promise.allSettled([transport.health(), localChecks])
    if (local.status === 'rejected') throw local.reason
    if (health.status === 'rejected') throw health.reason
    const version = health.value
    result.serverVersion = version
    core.info(`Server ${spec.connection.apiUrl} answers, version ${oneLine(version)}.`)
    await transport.logIn()
    const tenant = spec.connection.tenant
    core.info(
      `Logged in as ${oneLine(spec.connection.login)}${tenant === undefined ? '' : ` (tenant ${oneLine(tenant)})`}.`
    )
    const v1 = new V1Api(transport)
    const group = chooseGroup(await v1.listGroups(), spec.group, spec.groupNormalised)
    result.group = group
    return { transport, v1, v2: new V2Api(transport), group }
  })
}

/**
 * The group as /groups spells it: the name as given when it is there (current
 * servers match exactly), else the 2.1.1 normalisation with a notice naming both.
 */
export function chooseGroup(visible: readonly string[], given: string, normalised: string): string {
  if (visible.includes(given)) {
    core.info(`Group '${oneLine(given)}' exists.`)
    return given
  }
  if (normalised !== given && visible.includes(normalised)) {
    core.notice(
      `Group '${oneLine(given)}' is not on the server, but '${oneLine(normalised)}' (its 2.1.1 normalisation) is: ` +
        `using '${oneLine(normalised)}'. Write it that way to silence this notice; ` +
        'servers since 2.2.1 match names exactly.'
    )
    return normalised
  }
  throw new InputError([
    {
      input: 'group',
      problem:
        `'${given}'${normalised !== given ? ` (or '${normalised}')` : ''} is not a group this user can see ` +
        `(visible: ${visible.length > 0 ? visible.join(', ') : 'none'}).`,
      fix: 'Use one of those, exactly as spelled, or create the group first.'
    }
  ])
}

/**
 * The API a deploy uses: v1 for Sync (the platform has no v2 Sync), the one asked
 * for, or with `auto` v2 when the read-only probe finds its routes (v2.served).
 */
export async function chooseDeployApi(
  session: Session,
  spec: DeploySpec,
  result: RunResult
): Promise<PreprocessingApi> {
  const { apiVersion } = spec
  const { datasets } = spec.script
  const [only, ...others] = apiCandidates(spec.script.operation, apiVersion)
  let version: ApiVersion
  if (only && others.length === 0) {
    version = only
    result.apiProbe = apiReasonWithoutProbe(spec.script.operation, apiVersion)
    // A forced v2 on a server without v2 routes would fail at the register, as an unknown group.
    if (version === 'v2' && !(await session.v2.served(session.group))) throw noV2(session.group, result)
  } else {
    const served = await session.v2.served(session.group)
    version = served ? 'v2' : 'v1'
    result.apiProbe =
      `GET /v2/preprocessing?group=${session.group} answered ` +
      (served ? '200: the server serves v2' : '404: no v2 routes (an older server)')
  }
  core.info(`API: ${version} (${oneLine(result.apiProbe)}).`)
  // What the inputs need from this API (the group token on v1, the datasets' names on v2), before any upload.
  const unfit = problemsOnApi(spec, version, result.apiProbe)
  if (unfit.length > 0) throw new InputError(unfit)
  if (version === 'v1' && datasets.length > 1) {
    throw new InputError([
      {
        input: 'schema',
        problem:
          `names ${datasets.length} datasets, but this deploy goes through v1 (${result.apiProbe}), ` +
          'which takes one schema file.',
        fix: 'Give one schema file, or deploy to a server with the v2 API (api-version: auto or v2).'
      }
    ])
  }
  result.apiVersion = version
  return apiOf(session, version)
}

/** api-version: v2 on a server that serves no v2 routes: which api-version to use instead. */
function noV2(group: string, result: RunResult): InputError {
  return new InputError([
    {
      input: 'api-version',
      problem:
        `is v2, but this server (version ${result.serverVersion ?? 'unknown'}) serves no v2 API: ` +
        `GET /v2/preprocessing?group=${group} answered 404, as a v1-only server does. Nothing was uploaded.`,
      fix:
        'Use api-version: v1 (or auto, which takes v1 on this server); the entrypoint check then says whether ' +
        "the script fits v1's calling contract."
    }
  ])
}

export function apiOf(session: Session, version: ApiVersion): PreprocessingApi {
  return version === 'v2'
    ? v2Preprocessing(session.v2, session.v1, session.group)
    : v1Preprocessing(session.v1, session.group)
}
