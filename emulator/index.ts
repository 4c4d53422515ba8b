/**
 * A local Neomaril / MLOps API server for tests and demos: it speaks the v1 preprocessing
 * API and, unless `api: 'v1'`, today's v2 preprocessing routes and tenant login
 * (docs/platform-contract.md); it runs uploaded entrypoints with a real Python, records
 * every request and can inject faults. Start it with startEmulator(), or from the CLI
 * (cli.ts). emulator/README.md describes it.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Auth, type AuthOptions } from './accounts/auth.js'
import { Groups } from './accounts/groups.js'
import { accountRoutes } from './accounts/routes.js'
import type { ApiOptions } from './api.js'
import { FaultBook } from './faults.js'
import { pythonRunner, requirePython } from './python.js'
import { requestHandler, type Served } from './server/handle.js'
import { listen, type Listening } from './server/listen.js'
import { createModels, type ModelsApi } from './models/index.js'
import { Timers } from './timers.js'
import type { Emulator, EmulatorOptions } from './types.js'
import { createV1 } from './v1/index.js'
import { createV2 } from './v2/index.js'

export type * from './types.js'

export const DEFAULT_USER = 'neomaril@example.com'
export const DEFAULT_PASSWORD = 'neomaril-password'
export const DEFAULT_GROUP = 'datarisk'
export const DEFAULT_GROUP_TOKEN = '0123456789abcdef0123456789abcdef'
/** The tenant a login without one means (a 2024 server's payloads named 'datarisk'). */
export const DEFAULT_TENANT = 'datarisk'
export const DEFAULT_USERS: Readonly<Record<string, string>> = { [DEFAULT_USER]: DEFAULT_PASSWORD }
export const DEFAULT_GROUPS: Readonly<Record<string, string>> = { [DEFAULT_GROUP]: DEFAULT_GROUP_TOKEN }

/**
 * Starts the emulator. When it cannot (no Python, the port taken, a bad model seed), it
 * rejects with the reason and leaves nothing behind: no temp folder, no process.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  await requirePython(options.python)
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'neomaril-emulator-')))
  await mkdir(dataDir, { recursive: true })
  const auth = authFrom(options)
  const api = apiOptionsFrom(options, dataDir, auth.groups)
  const v1 = createV1(api)
  const apis = options.api === 'v1' ? [v1] : [v1, createV2(api)]
  const models = createModels(api, Object.keys(options.groups ?? DEFAULT_GROUPS)[0] ?? DEFAULT_GROUP, v1.preprocess)
  try {
    for (const seed of options.models ?? []) await models.add(seed)
  } catch (error) {
    if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true })
    throw error
  }
  const closing = new AbortController()
  const served: Served = {
    routes: [
      ...accountRoutes(auth, options.version ?? 'emulator-1.0.0'),
      ...apis.flatMap((a) => a.routes),
      ...models.routes
    ],
    summaries: () => apis.flatMap((a) => a.summaries()),
    models: () => models.summaries(),
    v1Only: options.api === 'v1',
    auth,
    faults: new FaultBook(),
    requests: [],
    dataDir,
    closing: closing.signal,
    log: options.log
  }
  const host = options.host ?? '127.0.0.1'
  const port = options.port ?? 0
  let server: Listening
  try {
    server = await listen(host, port, requestHandler(served))
  } catch (error) {
    api.timers.clear()
    if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true })
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? new Error(
          `${host}:${port} is already in use (another emulator?): stop what holds it, ` +
            'or choose another port (--port; 0 picks a free one)'
        )
      : error
  }
  return emulatorHandle(server, served, api, models, async () => {
    closing.abort()
    api.timers.clear()
    api.python.killAll()
    await server.close()
    if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true })
  })
}

function authFrom(options: EmulatorOptions): Auth {
  const auth: AuthOptions = {
    users: options.users ?? DEFAULT_USERS,
    tenant: options.tenant ?? DEFAULT_TENANT,
    requireTenant: options.requireTenant ?? false,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600
  }
  return new Auth(auth, new Groups(options.groups ?? DEFAULT_GROUPS))
}

function apiOptionsFrom(options: EmulatorOptions, dataDir: string, groups: Groups): ApiOptions {
  return {
    dataDir,
    groups,
    python: pythonRunner(options.python),
    settings: { buildSeconds: options.buildSeconds ?? 2, buildFails: options.buildFails ?? false },
    timers: new Timers(),
    runTimeoutSeconds: options.runTimeoutSeconds ?? 60
  }
}

function emulatorHandle(
  server: Listening,
  served: Served,
  api: ApiOptions,
  models: ModelsApi,
  close: () => Promise<void>
): Emulator {
  const { requests, faults } = served
  return {
    url: server.url,
    requests,
    addFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    clearRequests: () => {
      requests.length = 0
    },
    setBuildSeconds: (seconds) => {
      api.settings.buildSeconds = seconds
    },
    setBuildFails: (fails) => {
      api.settings.buildFails = fails
    },
    scripts: served.summaries,
    models: () => models.summaries(),
    addModel: (seed) => models.add(seed),
    close
  }
}
