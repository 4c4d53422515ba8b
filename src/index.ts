import { run } from './main.js'

// The entry the runner starts (action.yml: runs.main). Everything else lives in main.ts.
await run()
