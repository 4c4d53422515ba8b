/** What the v2 API keeps: scripts, their executions, and named datasets. */

export interface Dataset {
  hash: string
  name: string
  group: string
  /** The stored file; undefined for the dataset a build generates (it has no content here). */
  file?: string
}

export interface ExecutionV2 {
  id: number
  status: 'Requested' | 'Running' | 'Succeeded' | 'Failed'
  message: string | null
  /** Input datasets by dataset name. */
  inputs: Map<string, Dataset>
  output?: Dataset
  rows?: number
  columns?: string[]
  createdAt: Date
}

export interface ScriptV2 {
  hash: string
  group: string
  name: string
  pythonVersion?: string
  /** The entrypoint (the script-file upload's preprocess_reference). */
  reference?: string
  /** 'script.py' or 'notebook.ipynb' once the script file is uploaded. */
  sourceFile?: string
  hasRequirements: boolean
  /** Files stored in `dir` (source, requirements, .env, extras). */
  files: Set<string>
  /** Schema datasets by dataset name. */
  schemas: Map<string, Dataset>
  /** The dataset a successful build generates (T's DatasetHash). */
  generated?: Dataset
  dir: string
  status: 'Ready' | 'Building' | 'Deployed' | 'Failed'
  message: string | null
  uploadedAt: Date
  executions: ExecutionV2[]
  buildGeneration: number
}
