/** The v2 build (H): once the needed uploads are there, the harness's build check runs in the background. */
import { badInput, errorMessage } from '../http/errors.js'
import type { ApiOptions } from '../api.js'
import { BUILD_FAILS_MESSAGE, buildTimedOut } from '../script-rules.js'
import { datasetHash } from '../wire.js'
import type { Datasets } from './datasets.js'
import type { ScriptV2 } from './model.js'
import { callV2, type ScriptsV2 } from './scripts.js'

export type BuildsV2Options = Pick<ApiOptions, 'python' | 'settings' | 'timers' | 'runTimeoutSeconds'> & {
  scripts: ScriptsV2
  datasets: Datasets
}

export class BuildsV2 {
  constructor(private readonly options: BuildsV2Options) {}

  /** H: checks every needed upload is there, then builds in the background (like v1's host). */
  host(hash: string, hang: boolean): void {
    const { scripts, datasets, settings, timers } = this.options
    const script = scripts.get(hash)
    if (script.status === 'Building') return
    const missing = [
      ...(script.schemas.size === 0 ? ['at least one schema (PATCH /schema)'] : []),
      ...(script.sourceFile ? [] : ['the script (PATCH /script-file)']),
      ...(script.hasRequirements ? [] : ['the requirements (PATCH /requirements-file)'])
    ]
    if (missing.length > 0)
      throw badInput(`Preprocessing '${hash}' cannot be hosted yet: upload ${missing.join(', ')} first`)
    script.status = 'Building'
    script.message = null
    script.generated = undefined
    const generation = ++script.buildGeneration
    if (hang) return
    const outcome: Promise<string | null> = settings.buildFails
      ? Promise.resolve(BUILD_FAILS_MESSAGE)
      : this.buildProblem(script)
    void Promise.all([outcome, timers.delay(settings.buildSeconds * 1000)]).then(([problem]) => {
      if (timers.closed || generation !== script.buildGeneration) return
      if (problem === null) {
        script.status = 'Deployed'
        script.generated = datasets.add({ hash: datasetHash(), name: `${script.name} build`, group: script.group })
      } else {
        script.status = 'Failed'
        script.message = problem
      }
    })
  }

  /** null when the build check passes; else the problem and its traceback, for Message. */
  private async buildProblem(script: ScriptV2): Promise<string | null> {
    const { python, runTimeoutSeconds } = this.options
    try {
      const check = await python.buildCheck(callV2(script, runTimeoutSeconds))
      if (check.timedOut) return buildTimedOut(runTimeoutSeconds)
      if (check.ok) return null
      return [check.problem ?? 'Build check failed', check.traceback].filter(Boolean).join('\n')
    } catch (error) {
      return `Build check crashed: ${errorMessage(error)}`
    }
  }
}
