import * as core from '@actions/core'
import { run } from './main.js'

// The entry the runner starts (action.yml: runs.main). run() reports its own failures;
// this catch is the last guard, so nothing ends as an unhandled rejection.
await run().catch((error: unknown) => core.setFailed(`Unexpected error: ${(error as Error)?.stack ?? String(error)}`))
