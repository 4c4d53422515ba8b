/**
 * The API layer's entry points: the transport (transport.ts) under the v1 (v1.ts) and
 * v2 (v2.ts) calls, behind the one interface the deploy steps use (api.ts).
 * `abortableSleep` stays exported here for src/deploy/wait.ts (interfaces §6).
 */
export {
  abortableSleep,
  Transport,
  type FilePart,
  type Logger,
  type RetryPolicy,
  type TransportOptions
} from './transport.js'
