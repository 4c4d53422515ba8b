/**
 * The v1 build (P2, P3): hosting starts the harness's build check in the background; the
 * status turns terminal when both it and `buildSeconds` are over. Each step is a Host log entry.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { findUnpinnedRequirements } from '../../src/shared/requirements.js'
import { badInput } from '../http/errors.js'
import type { ApiOptions } from '../api.js'
import { BUILD_FAILS_MESSAGE, buildTimedOut, harnessCall } from '../script-rules.js'
import type { Logs, OutputType } from './logs.js'
import type { Script, Scripts } from './scripts.js'

type BuildResult = { message: string | null; logs: Array<[OutputType, string]> }

export type BuildsV1Options = Pick<ApiOptions, 'python' | 'settings' | 'timers' | 'runTimeoutSeconds'> & {
  scripts: Scripts
  logs: Logs
}

export class Builds {
  constructor(private readonly options: BuildsV1Options) {}

  /**
   * Starts a build (P2). The status is Building as soon as this returns, and turns
   * terminal only when both the build check and `buildSeconds` are over.
   * With `hang` (the 'hang-build' fault) it stays Building for good.
   */
  host(group: string, hash: string, operation: string, hang: boolean): void {
    const { scripts, settings, timers } = this.options
    const script = scripts.get(group, hash)
    if (operation.toLowerCase() !== script.operation.toLowerCase()) {
      throw badInput(
        `Script '${hash}' is ${script.operation}; host it with /preprocessing/${script.operation.toLowerCase()}/host`
      )
    }
    // A second host call while building just confirms the running build.
    if (script.status === 'Building') return
    script.status = 'Building'
    script.message = null
    const generation = ++script.buildGeneration
    this.log(script, 'Ok', 'Build started')
    if (hang) return
    const outcome: Promise<BuildResult> = settings.buildFails
      ? Promise.resolve({ message: BUILD_FAILS_MESSAGE, logs: [] })
      : this.buildCheck(script)
    void Promise.all([outcome, timers.delay(settings.buildSeconds * 1000)]).then(([result]) => {
      if (timers.closed || generation !== script.buildGeneration) return
      for (const [type, text] of result.logs) this.log(script, type, text)
      if (result.message === null) {
        script.status = 'Deployed'
        this.log(script, 'Ok', 'Build succeeded: the script is deployed')
      } else {
        script.status = 'Failed'
        script.message = result.message
        this.log(script, 'Error', result.message)
      }
    })
  }

  /** The harness's build check; `message` is null on success, else the failure's summary. */
  private async buildCheck(script: Script): Promise<BuildResult> {
    const { python, runTimeoutSeconds } = this.options
    const run = await python.buildCheck({
      ...harnessCall(script, runTimeoutSeconds),
      contract: script.operation === 'Sync' ? 'sync' : 'async-v1'
    })
    const logs: Array<[OutputType, string]> = (await requirementWarnings(script.dir)).map((w) => ['Warning', w])
    if (run.output) logs.push(['Debug', `Output while importing the script:\n${run.output}`])
    if (run.timedOut) return { message: buildTimedOut(runTimeoutSeconds), logs }
    if (!run.ok) {
      logs.push(['Error', run.traceback ?? run.problem ?? 'Build check failed'])
      return { message: run.problem ?? 'Build check failed', logs }
    }
    return { message: null, logs }
  }

  private log(script: Script, type: OutputType, text: string): void {
    this.options.logs.add(script.hash, 'Host', type, text)
  }
}

/** A warning per requirement line without an exact pin, which makes builds unreproducible. */
async function requirementWarnings(scriptDir: string): Promise<string[]> {
  let text: string
  try {
    text = await readFile(path.join(scriptDir, 'requirements.txt'), 'utf8')
  } catch {
    return []
  }
  return findUnpinnedRequirements(text).map(
    ({ text: line }) => `Requirement '${line}' is not pinned to a version (use name==version)`
  )
}
