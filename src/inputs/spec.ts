import type { UploadFile } from '../shared/files.js'
import type { ConnectionSettings } from '../shared/connection-settings.js'
import type { PythonVersion } from '../shared/python-version.js'
import type { AsyncExpectation } from './async-expect.js'

// The Python versions have one home; importers of the spec keep reading them from here.
export { PYTHON_VERSIONS, isPythonVersion, type PythonVersion } from '../shared/python-version.js'
export const INPUT_TYPES = ['json', 'csv', 'parquet'] as const
export const API_VERSIONS = ['auto', 'v1', 'v2'] as const

export type Operation = 'Sync' | 'Async'
export const MODES = ['deploy', 'validate', 'smoke-test'] as const
/**
 * deploy: check, upload, host, wait (and smoke-test if asked).
 * validate: every local check and a local run of the entrypoint; no network.
 * smoke-test: test a script deployed earlier (preprocessing-id).
 */
export type Mode = (typeof MODES)[number]
export type InputType = (typeof INPUT_TYPES)[number]
/** auto: Sync uses v1; Async uses v2 when the server serves it, else v1. */
export type ApiVersion = (typeof API_VERSIONS)[number]

/** One dataset of a v2 schema or smoke-test sample: `name=path`, or a bare path named by its stem. */
export interface NamedDataset {
  readonly name: string
  readonly file: UploadFile
}

/** Everything the action was asked to do, parsed and checked once. */
export interface DeploySpec {
  readonly mode: Mode
  /** Absolute real path of GITHUB_WORKSPACE (else the working directory): relative paths resolve against it. */
  readonly workspace: string
  /** Input allow-outside-workspace: files (never .git/) may lie outside the workspace. */
  readonly allowOutsideWorkspace: boolean
  readonly apiVersion: ApiVersion
  /** smoke-test mode: the hash of the script deployed earlier. */
  readonly preprocessingId?: string
  readonly connection: ConnectionSettings
  /** The group exactly as given (trimmed): an exact match on the server wins. */
  readonly group: string
  /** The 2.1.1 client's spelling (normaliseGroup), used when the exact one is not a group. */
  readonly groupNormalised: string
  readonly script: {
    readonly name: string
    /** The entrypoint function's name: the API's `script_reference`. */
    readonly entrypoint: string
    readonly operation: Operation
    /** False in smoke-test mode without an `operation` input: the server's description decides. */
    readonly operationGiven: boolean
    readonly pythonVersion: PythonVersion
    readonly inputType: InputType
    /**
     * source, requirements, schema, then env (if any) and extras, in upload order. The
     * schema part is there only when there is exactly one dataset (what v1 can take).
     */
    readonly files: readonly UploadFile[]
    /** The schema as named datasets (v2); an inline JSON schema is one dataset named 'schema'. */
    readonly datasets: readonly NamedDataset[]
  }
  readonly wait: {
    readonly enabled: boolean
    readonly timeoutMs: number
    /** The longest gap between two status checks. */
    readonly pollIntervalMs: number
    readonly failOnTimeout: boolean
  }
  readonly smokeTest: SmokeTestSpec
  /** The run's record on GitHub (docs/deploy-records.md). */
  readonly records: {
    /** The GitHub environment the run is recorded in; undefined: no record. */
    readonly environment?: string
    /** github-token (masked); '' when there is none. Never printed, never written. */
    readonly token: string
    /** Keep the recorded script when nothing changed (deploy mode). */
    readonly skipUnchanged: boolean
  }
  readonly artifact: {
    readonly upload: boolean
    /** Undefined: derived from the script name and the hash once known. */
    readonly name?: string
    readonly retentionDays?: number
  }
  /** Input pr-comment: keep one comment with the plan and the result on the pull request. */
  readonly prComment: boolean
}

/** The smoke test run after Deployed (input smoke-test). */
export interface SmokeTestSpec {
  readonly enabled: boolean
  /** Sync: the value sent as {"Input": value}; undefined when the sample is not JSON. */
  readonly syncInput?: unknown
  /** v1 Async: the file uploaded as the `dataset` part (only when the sample is one file). */
  readonly dataset?: UploadFile
  /** v2 Async: the execution's input datasets (smoke-test-input lines, else the schema's). */
  readonly datasets?: readonly NamedDataset[]
  /** smoke-test-expect as given. Sync: the answer must contain it (deep subset). */
  readonly expect?: unknown
  /** Async: smoke-test-expect read as what the result's table must hold (set once the script is known Async). */
  readonly asyncExpect?: AsyncExpectation
  /** Async: the longest wait for the execution. */
  readonly timeoutMs: number
  /** smoke-test-model: the model the script feeds; the smoke test then runs the pipeline. */
  readonly model?: PipelineModel
}

/** The deployed model a pipeline smoke test runs the script through. */
export interface PipelineModel {
  /** 'M' and 63 hex digits. */
  readonly hash: string
  /** smoke-test-model-group; undefined: the script's group, as the server spells it. */
  readonly group?: string
}

/** A warning on one line of the requirements file (src/inputs/requirement-lines.ts): an annotation there. */
export interface RequirementNote {
  /** The included file it is in (as the workspace shows it); undefined for requirements-file itself. */
  readonly file?: string
  readonly line: number
  readonly title: string
  readonly message: string
}

/** Things worth telling the user that do not stop the deploy. */
export interface InputFindings {
  readonly notices: string[]
  /** Printed as warnings: likely mistakes the server might still accept. */
  readonly warnings: string[]
  /** Warnings on lines of the requirements file (`file` as the input gives it), for annotations there. */
  readonly requirementLines: { file: string; notes: RequirementNote[] }
}

/** How inputs reach the parser: the runner's `INPUT_*` in production, a table in tests. */
export interface InputSource {
  /** The raw input value, trimmed; '' when not set. */
  get(name: string): string
  readonly env: Readonly<Record<string, string | undefined>>
  /** The workspace: relative paths resolve against it (GITHUB_WORKSPACE, else the working directory). */
  readonly cwd: string
  /** Register a value that must never be printed. */
  mask(value: string): void
}
