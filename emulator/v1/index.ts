/** The v1 API, assembled: its scripts, builds, runs and logs, and the routes onto them. */
import type { Api, ApiOptions } from '../api.js'
import { Builds } from './build.js'
import { Logs } from './logs.js'
import { v1Routes } from './routes.js'
import { Runs } from './runs.js'
import { Scripts } from './scripts.js'

export function createV1(options: ApiOptions): Api {
  const scripts = new Scripts(options.dataDir, options.groups)
  const logs = new Logs()
  const builds = new Builds({ ...options, scripts, logs })
  const runs = new Runs({ ...options, scripts, logs })
  return { routes: v1Routes({ scripts, builds, runs, logs }), summaries: () => scripts.summaries() }
}
