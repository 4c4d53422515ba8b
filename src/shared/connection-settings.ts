/**
 * Where and as whom to connect: parsed from the inputs (DeploySpec.connection) and handed
 * to the API layer's transport as is, so both read the one shape.
 */
export interface ConnectionSettings {
  /** API base: the server root with `/api` appended (docs/platform-contract.md). */
  readonly apiUrl: string
  readonly login: string
  readonly password: string
  /** Sent as the login form's `tenant` field only when set (docs/platform-contract.md). */
  readonly tenant?: string
  /** Needed only by v1 run calls (smoke test). */
  readonly groupToken?: string
  readonly requestTimeoutMs: number
}
