/** The models, assembled: the seeded models, their runs and the routes onto them (emulator/README.md, Models). */
import type { ApiOptions } from '../api.js'
import type { Route } from '../http/route.js'
import { Models } from './models.js'
import { modelRoutes } from './routes.js'
import { ModelRuns, type Preprocess } from './runs.js'
import type { ModelSeed, ModelSummary } from './types.js'

export interface ModelsApi {
  routes: Route[]
  summaries(): ModelSummary[]
  add(seed: ModelSeed): Promise<ModelSummary>
}

export function createModels(options: ApiOptions, defaultGroup: string, preprocess: Preprocess): ModelsApi {
  const models = new Models(options.dataDir, options.groups, defaultGroup)
  const runs = new ModelRuns({ ...options, models, preprocess })
  return { routes: modelRoutes(models, runs), summaries: () => models.summaries(), add: (seed) => models.add(seed) }
}
