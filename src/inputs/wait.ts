import type { InputReader } from './reader.js'
import type { DeploySpec } from './spec.js'

/** wait, wait-timeout, poll-interval and fail-on-timeout: how the build is waited for (docs/poll-schedule.md). */
export function parseWait(reader: InputReader): DeploySpec['wait'] {
  return {
    enabled: reader.boolean('wait'),
    timeoutMs: reader.duration('wait-timeout', 1000),
    pollIntervalMs: reader.duration('poll-interval', 1000),
    failOnTimeout: reader.boolean('fail-on-timeout')
  }
}
