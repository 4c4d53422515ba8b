import type { Agent } from 'node:http'
import type { ConnectionSettings } from '../../shared/connection-settings.js'
import type { RetryPolicy } from './retry.js'
import type { Logger } from './types.js'

/** What a Transport is made with: the connection, and the hooks a run (or a test) plugs in. */
export interface TransportOptions extends ConnectionSettings {
  readonly logger: Logger
  readonly retry?: RetryPolicy
  /** Aborted when the runner cancels the step. */
  readonly signal?: AbortSignal
  /** Absolute epoch ms past which no retry is attempted (the wait deadline). */
  readonly deadline?: () => number | undefined
  /** Called with every user token obtained, so it can be masked before anything prints. */
  readonly onToken?: (token: string) => void
  /** An http(s) agent per URL, for proxies. */
  readonly agent?: (url: URL) => Agent | undefined
  /** The proxy a URL goes through, in words (`the proxy host:port (HTTPS_PROXY)`), for network errors. */
  readonly proxyOf?: (url: URL) => string | undefined
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random?: () => number
  /** Epoch clock for the write budget; Date.now by default. */
  readonly now?: () => number
  /**
   * Applied to every server text (and network error text) the client puts into an
   * error or a log message, before it is cut short, so no secret is half left behind.
   * Default: the identity.
   */
  readonly redact?: (text: string) => string
}
