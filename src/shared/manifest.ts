import type { ApiVersion } from './api-choice.js'

/** The `digest` output's form: `sha256:` and 64 lower-case hex digits (src/local-checks/manifest.ts, digestOf). */
export const DIGEST = /^sha256:[0-9a-f]{64}$/

/**
 * What the register call sends: its form fields and every file, with size and sha256.
 * Built by src/local-checks/manifest.ts; kept here because a deploy record on GitHub
 * (src/github/records.ts) carries it, and the plan compares two of them.
 */
export interface Manifest {
  readonly group: string
  /** The API a deploy would use: v2 for an Async script unless api-version is v1 (auto assumes a current server). */
  readonly api: ApiVersion
  /** The calls a deploy would make to register, upload and host, in order ({hash} is the script's hash). */
  readonly calls: readonly string[]
  /** The v1 register's form fields (v2 sends the name as JSON and the rest with the uploads). */
  readonly fields: Record<string, string>
  readonly files: { part: string; name: string; path: string; size: number; sha256?: string; dataset?: string }[]
  /**
   * The requirements file's lines as written (without comments, credentials as `***`), so a
   * plan can say which lines a deploy adds and removes; absent when there is no such file.
   * Not part of the digest: the file's sha256 already is.
   */
  readonly requirements?: readonly string[]
}
