/** The raw shapes exactly as the Neomaril v1 API sends them (docs/platform-contract.md). */

export interface HealthResponse {
  Version?: string
}
export interface LoginResponse {
  Token: string
}
export interface GroupsResponse {
  Results: { Name: string; [key: string]: unknown }[]
}
export interface RegisterResponse {
  Hash: string
  Message?: string
}
export interface StatusResponse {
  Status: string
  Message?: string | null
}
export interface DescribeResponse {
  Description: { Operation?: string; [key: string]: unknown }
}
export interface LogEntry {
  Hash?: string
  RegisteredAt: string
  OutputType: 'Ok' | 'Error' | 'Debug' | 'Warning' | string
  OutputData: string
  Routine: 'Host' | 'Run' | string
}
/** P5: scripts matching a search; real answers carry no Name (docs/platform-contract.md). */
export interface SearchResponse {
  Results?: Array<{ Hash?: unknown; Status?: unknown; Group?: unknown; UploadedAt?: unknown }>
}
export interface LogsResponse {
  Results: LogEntry[]
}
export interface AsyncRunResponse {
  Message?: string
  ExecutionId: string | number
}
export interface ExecutionStatusResponse {
  ExecutionId?: string | number
  Status: string
  Message?: string | null
}
/** `{"Error":{"Type","Message"}}`, or an older server's `{"error":{"message"}}`. */
export interface ErrorEnvelope {
  Error?: { Type?: string; Message?: string }
  error?: { type?: string; message?: string }
}

/** States a build passes through on its way to Deployed. */
export const BUILDING_STATES: readonly string[] = ['Building', 'Recovering']
/** Execution states (docs/platform-contract.md). */
export const EXECUTION_RUNNING_STATES: readonly string[] = ['Requested', 'Running']

// --- v2 (docs/platform-contract.md): every key as the 4.x client reads it ------------------

export interface V2RegisterResponse {
  PreprocessHash?: string
}
export interface V2DatasetResponse {
  DatasetHash?: string
  DatasetName?: string
}
export interface V2StatusResponse {
  Status?: string
  Message?: string | null
  DatasetHash?: string
}
export interface V2DescribeResponse {
  State?: string
  Operation?: string
  PythonVersion?: string
  [key: string]: unknown
}
export interface V2ListResponse {
  Result?: unknown[]
}
export interface V2ExecutionCreated {
  /** "Preprocess Execution '16' created": the id is the integer in quotes. */
  Message?: string
}
export interface V2ExecutionStatusResponse {
  Status?: string
  Message?: string | null
  OutputDatasetHash?: string
}

/** The execution id inside E1's message (the 4.x client's regex). */
export const EXECUTION_ID_IN_MESSAGE = /'(\d+)'/
