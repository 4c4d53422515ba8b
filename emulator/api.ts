/** What each API (v1/, v2/) is built from, and what it gives the server. */
import type { Groups } from './accounts/groups.js'
import type { Route } from './http/route.js'
import type { PythonRunner } from './python.js'
import type { BuildSettings } from './script-rules.js'
import type { Timers } from './timers.js'
import type { ScriptSummary } from './types.js'

export interface ApiOptions {
  dataDir: string
  groups: Groups
  python: PythonRunner
  /** Read at each host call, so the Emulator's setters apply to the next build. */
  settings: BuildSettings
  /** Shared by builds and runs; cleared on close. */
  timers: Timers
  /** Time limit of a run and of a build check. */
  runTimeoutSeconds: number
}

export interface Api {
  routes: Route[]
  /** The API's scripts, for Emulator.scripts(). */
  summaries(): ScriptSummary[]
}
