/** What a seeded model is (re-exported by index.ts through types.ts, which this file must not import). */
type Operation = 'Sync' | 'Async'

/** The statuses a model can be seeded with; only 'Deployed' models run. */
export const MODEL_STATUSES = ['Ready', 'Building', 'Deployed', 'Failed', 'Disabled'] as const
export type ModelStatus = (typeof MODEL_STATUSES)[number]

/** A model to seed (EmulatorOptions.models, Emulator.addModel, `--model <file.json>`). */
export interface ModelSeed {
  /** 'M' and 63 lowercase hex digits (the shape of a script's 'S…' hash); default a fresh one. */
  hash?: string
  /** Its group; must exist. Default DEFAULT_GROUP. */
  group?: string
  /** Default 'model'. */
  name?: string
  operation: Operation
  /** Path of the model's Python source (.py or .ipynb); or give `code`. */
  source?: string
  /** The model's Python source text, stored as script.py (instead of `source`). */
  code?: string
  /** The function the platform calls; default 'score'. */
  entrypoint?: string
  /** Default 'Deployed'. */
  status?: ModelStatus
  /** Wire form, e.g. 'Python310' (the default). */
  pythonVersion?: string
  /** Files copied beside the source (the model's base_path): a pickled model, a feature list, … */
  files?: string[]
}

/** A model as Emulator.models() lists it. */
export interface ModelSummary {
  group: string
  hash: string
  name: string
  operation: Operation
  status: ModelStatus
  entrypoint: string
  dir: string
  files: string[]
}
