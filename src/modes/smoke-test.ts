import * as core from '@actions/core'
import { ApiError, DeployFailedError, InputError, SmokeTestFailedError } from '../shared/errors.js'
import { BUILDING_STATES } from '../api/wire.js'
import { problemsOnApi } from '../inputs/api-fit.js'
import type { DeploySpec } from '../inputs/parse.js'
import { pythonFromWire } from '../shared/python-version.js'
import type { ApiVersion, PreprocessingApi, ScriptState } from '../api/api.js'
import { smokeTestDatasets } from '../steps/register.js'
import { parseAsyncExpectation, type AsyncExpectation } from '../inputs/async-expect.js'
import { oneLine } from '../shared/inert.js'
import { withArticle } from '../shared/text.js'
import { apiCandidates } from '../shared/api-choice.js'
import { apiOf, connect, newTransport, type Session } from './session.js'
import type { RunContext } from './context.js'
import { runSmokeTest } from './smoke-test-phase.js'
import { checkPipelineModel } from './pipeline-phase.js'

/**
 * smoke-test mode: the script given by preprocessing-id must be Deployed; its API,
 * operation and Python come from the server.
 */
export async function smokeTestMode(ctx: RunContext): Promise<void> {
  const session = await connect(newTransport(ctx.spec, ctx.signal, ctx.deadline), ctx.spec, ctx.result, ctx.localChecks)
  const { api, deployed } = await findDeployed(ctx, session)
  ctx.api = api
  if (deployed.smokeTest.enabled) {
    await checkPipelineModel(ctx, session, deployed.script.operation)
    await runSmokeTest(ctx, api, deployed)
  }
}

/**
 * Where the hash lives, by the same probe as a deploy: its v2 status answers for a v2
 * script, and 404 for a v1 one (or on a server without v2); then the v1 status.
 */
async function locate(
  session: Session,
  hash: string,
  asked: 'auto' | ApiVersion
): Promise<{ version: ApiVersion; state: ScriptState; probe: string }> {
  const candidates = apiCandidates(undefined, asked)
  if (!candidates.includes('v2'))
    return { version: 'v1', state: await session.v1.status(session.group, hash), probe: 'api-version: v1' }
  const v2 = await session.v2.locate(hash)
  if (v2) return { version: 'v2', state: v2, probe: `GET /v2/preprocessing/${hash}/status answered 200` }
  if (!candidates.includes('v1'))
    throw new InputError([
      {
        input: 'preprocessing-id',
        problem: `${hash} is not a v2 script on this server (its v2 status answered 404).`,
        fix: 'Check the hash, or set api-version: auto or v1 for a v1 script.'
      }
    ])
  try {
    return {
      version: 'v1',
      state: await session.v1.status(session.group, hash),
      probe: `GET /v2/preprocessing/${hash}/status answered 404, the v1 status answered`
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      throw new InputError([
        {
          input: 'preprocessing-id',
          problem:
            `${hash} is neither a v2 nor a v1 script in group '${session.group}' ` +
            '(both status calls answered 404).',
          fix: 'Use the preprocessing-id output of the deploy, and the same group.'
        }
      ])
    }
    throw error
  }
}

async function findDeployed(
  ctx: RunContext,
  session: Session
): Promise<{ api: PreprocessingApi; deployed: DeploySpec }> {
  const { spec, result } = ctx
  const hash = spec.preprocessingId as string
  return core.group('Find the deployed script', async () => {
    const { version, state, probe } = await locate(session, hash, spec.apiVersion)
    result.hash = hash
    result.apiVersion = version
    result.apiProbe = probe
    core.info(`API: ${version} (${oneLine(probe)}).`)
    // Known only now: a v1 script's run calls need the group token (v2 runs use the user's).
    const unfit = problemsOnApi(spec, version, probe)
    if (unfit.length > 0) throw new InputError(unfit)
    const api = apiOf(session, version)
    if (BUILDING_STATES.includes(state.status)) {
      result.status = 'building'
      throw new SmokeTestFailedError(
        `${hash} is still '${state.status}': its build has not ended, so there is no deployed script to test yet. ` +
          'Run smoke-test mode once the build is Deployed, e.g. after a deploy step that waits for it ' +
          "(wait: true, with a 'wait-timeout' longer than the build)."
      )
    }
    if (state.status !== 'Deployed') {
      result.status = state.status === 'Failed' ? 'failed' : 'unavailable'
      throw new DeployFailedError(state.status, state.message, hash)
    }
    result.status = 'deployed'
    if (state.datasetHash) result.datasetHashes.deployed = state.datasetHash
    const described = await api.describe(hash)
    const operation =
      described.operation === 'Async' ? 'Async' : described.operation === 'Sync' ? 'Sync' : spec.script.operation
    if (spec.script.operationGiven && operation !== spec.script.operation) {
      throw new InputError([
        {
          input: 'operation',
          problem: `is '${spec.script.operation}', but ${hash} is ${withArticle(operation)} script.`,
          fix: 'Remove the operation input, or fix it.'
        }
      ])
    }
    if (operation === 'Sync' && spec.smokeTest.syncInput === undefined) {
      throw new InputError([
        {
          input: 'smoke-test-input',
          problem: `${hash} is a Sync script, but the sample is not JSON.`,
          fix: 'Give a JSON sample (inline or a .json file).'
        }
      ])
    }
    // Known only now: smoke-test-expect is read as an Async expectation, before any execution.
    const asyncExpect =
      operation === 'Async' && spec.smokeTest.expect !== undefined ? asyncExpectation(spec.smokeTest.expect) : undefined
    if (operation === 'Async' && smokeTestDatasets(spec).length === 0) {
      throw new InputError([
        {
          input: 'smoke-test-input',
          problem: `${hash} is an Async script, but the sample is not a file.`,
          fix: 'Point smoke-test-input (or schema) at a dataset file.'
        }
      ])
    }
    result.operation = operation
    core.info(`${hash} is Deployed (${operation}, ${version}).`)
    // PythonVersion is 'Python310' on the wire; the output says '3.10'.
    const pythonVersion = pythonFromWire(described.pythonVersion) ?? spec.script.pythonVersion
    const deployed = {
      ...spec,
      script: { ...spec.script, operation, pythonVersion },
      smokeTest: { ...spec.smokeTest, asyncExpect }
    }
    result.spec = deployed
    return { api, deployed }
  })
}

/** smoke-test-expect read for a script the server says is Async; an input error when it does not fit. */
function asyncExpectation(value: unknown): AsyncExpectation {
  const parsed = parseAsyncExpectation(value)
  if ('problem' in parsed) throw new InputError([{ input: 'smoke-test-expect', ...parsed }])
  return parsed.expectation
}
