/** The v2 answers' shapes: a dataset reference, a script's describe (and list entry), an execution's describe. */
import { timestamp } from '../wire.js'
import type { Dataset, ExecutionV2, ScriptV2 } from './model.js'

export const datasetRef = (d: Dataset): { DatasetHash: string; DatasetName: string } => ({
  DatasetHash: d.hash,
  DatasetName: d.name
})

/** Describe (GET /{h}) and each list entry: top-level State, plus the keys the client reads from the list. */
export const describeScript = (s: ScriptV2): Record<string, unknown> => ({
  ScriptHash: s.hash,
  Name: s.name,
  ScriptGroupName: s.group,
  Operation: 'Async',
  PythonVersion: s.pythonVersion ?? null,
  PreprocessReference: s.reference ?? null,
  State: s.status,
  Message: s.message,
  UploadedAt: timestamp(s.uploadedAt),
  UploadedDatasets: [...s.schemas.values()].map(datasetRef),
  GeneratedDatasets: s.generated ? [datasetRef(s.generated)] : []
})

export const describeExecution = (s: ScriptV2, e: ExecutionV2): Record<string, unknown> => ({
  ExecutionId: e.id,
  ScriptHash: s.hash,
  Status: e.status,
  Message: e.message,
  CreatedAt: timestamp(e.createdAt),
  InputDatasets: [...e.inputs.values()].map(datasetRef),
  OutputDatasetHash: e.output?.hash ?? null,
  Rows: e.rows ?? null,
  Columns: e.columns ?? null
})
