/** The v1 API, assembled: its scripts, builds, runs and logs, and the routes onto them. */
import type { Api, ApiOptions } from '../api.js'
import type { Preprocess } from '../models/runs.js'
import { Builds } from './build.js'
import { Logs } from './logs.js'
import { v1Routes } from './routes.js'
import { Runs } from './runs.js'
import { Scripts } from './scripts.js'

/** The v1 API; `preprocess` runs a deployed Sync script on an Input, for the model routes' ScriptHash. */
export function createV1(options: ApiOptions): Api & { preprocess: Preprocess } {
  const scripts = new Scripts(options.dataDir, options.groups)
  const logs = new Logs()
  const builds = new Builds({ ...options, scripts, logs })
  const runs = new Runs({ ...options, scripts, logs })
  return {
    routes: v1Routes({ scripts, builds, runs, logs }),
    summaries: () => scripts.summaries(),
    preprocess: (group, hash, input) => runs.runSync(group, hash, Buffer.from(JSON.stringify({ Input: input })))
  }
}
