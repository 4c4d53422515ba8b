/** The v2 API, assembled: its scripts, datasets, uploads, builds and executions, and the routes onto them. */
import type { Api, ApiOptions } from '../api.js'
import { BuildsV2 } from './build.js'
import { Datasets } from './datasets.js'
import { ExecutionsV2 } from './executions.js'
import { v2Routes } from './routes.js'
import { ScriptsV2 } from './scripts.js'
import { Uploads } from './uploads.js'

export function createV2(options: ApiOptions): Api {
  const scripts = new ScriptsV2(options.dataDir, options.groups)
  const datasets = new Datasets(options.dataDir)
  const uploads = new Uploads(scripts, datasets)
  const builds = new BuildsV2({ ...options, scripts, datasets })
  const executions = new ExecutionsV2({ ...options, scripts, datasets })
  return { routes: v2Routes({ scripts, uploads, builds, executions }), summaries: () => scripts.summaries() }
}
