/** The seeded models: validated, copied into <dataDir>/<group>/<M…>/, looked up by group and hash. */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Groups } from '../accounts/groups.js'
import { ApiError, badInput, notFound } from '../http/errors.js'
import { checkPythonVersion } from '../script-rules.js'
import type { Operation } from '../types.js'
import { MODEL_HASH } from '../../src/shared/hashes.js'
import { hex } from '../wire.js'
import { MODEL_STATUSES, type ModelSeed, type ModelStatus, type ModelSummary } from './types.js'

export interface Model {
  hash: string
  group: string
  name: string
  operation: Operation
  status: ModelStatus
  entrypoint: string
  pythonVersion: string
  /** 'script.py' or 'notebook.ipynb', in `dir`. */
  sourceFile: string
  files: string[]
  dir: string
  uploadedAt: Date
  /** Last execution id handed out (ids count per model from 1). */
  executions: number
}

export class Models {
  private readonly byHash = new Map<string, Model>()

  constructor(
    private readonly dataDir: string,
    private readonly groups: Groups,
    private readonly defaultGroup: string
  ) {}

  summaries(): ModelSummary[] {
    return [...this.byHash.values()].map(({ group, hash, name, operation, status, entrypoint, dir, files }) => ({
      group,
      hash,
      name,
      operation,
      status,
      entrypoint,
      dir,
      files: [...files]
    }))
  }

  /** Seeds a model; a bad seed is an Error naming the field (the CLI prints it and stops). */
  async add(seed: ModelSeed): Promise<ModelSummary> {
    const model = checkSeed(seed, this.defaultGroup)
    if (this.byHash.has(model.hash)) throw new Error(`model ${model.hash}: that hash is seeded twice`)
    try {
      this.groups.check(model.group)
    } catch {
      throw new Error(`model ${model.hash}: group '${model.group}' does not exist`)
    }
    model.dir = path.join(this.dataDir, model.group, model.hash)
    await mkdir(model.dir, { recursive: true })
    if (seed.code !== undefined) await writeFile(path.join(model.dir, model.sourceFile), seed.code)
    else if (seed.source) await copyFile(seed.source, path.join(model.dir, model.sourceFile))
    for (const file of seed.files ?? []) {
      const name = path.basename(file)
      if (name === model.sourceFile || model.files.includes(name))
        throw new Error(`model ${model.hash}: two files would both be stored as '${name}'`)
      await copyFile(file, path.join(model.dir, name))
      model.files.push(name)
    }
    this.byHash.set(model.hash, model)
    return this.summaries().find((s) => s.hash === model.hash)!
  }

  /** A model of the group, or the 404 the status and describe calls answer. */
  get(group: string, hash: string): Model {
    const model = this.byHash.get(hash)
    if (!model || model.group !== group) throw notFound(`Model '${hash}' not found in group '${group}'`)
    return model
  }

  /** A model that can run `operation` now: 404 unknown, 400 other operation, 409 not Deployed. */
  runnable(group: string, hash: string, operation: Operation): Model {
    const model = this.get(group, hash)
    if (model.operation !== operation)
      throw badInput(`Model '${hash}' is ${model.operation}; use /model/${model.operation.toLowerCase()}/run`)
    if (model.status !== 'Deployed')
      throw new ApiError(409, 'ModelNotDeployed', `Model '${hash}' is ${model.status}, not Deployed`)
    return model
  }
}

function checkSeed(seed: ModelSeed, defaultGroup: string): Model {
  const hash = seed.hash ?? 'M' + hex(63)
  const where = `model ${seed.hash ?? seed.name ?? '(no hash)'}`
  if (!MODEL_HASH.test(hash)) throw new Error(`${where}: 'hash' must be 'M' and 63 hex digits`)
  if (seed.operation !== 'Sync' && seed.operation !== 'Async')
    throw new Error(`${where}: 'operation' must be 'Sync' or 'Async', not '${String(seed.operation)}'`)
  const status = seed.status ?? 'Deployed'
  if (!MODEL_STATUSES.includes(status))
    throw new Error(`${where}: 'status' must be one of ${MODEL_STATUSES.join(', ')}, not '${String(status)}'`)
  if ((seed.source === undefined) === (seed.code === undefined))
    throw new Error(`${where}: give exactly one of 'source' (a file) and 'code' (the source text)`)
  const source = seed.source ?? 'script.py'
  if (!/\.(py|ipynb)$/.test(source)) throw new Error(`${where}: 'source' must be a .py or .ipynb file`)
  const pythonVersion = seed.pythonVersion ?? 'Python310'
  try {
    checkPythonVersion(pythonVersion)
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`)
  }
  return {
    hash,
    group: seed.group ?? defaultGroup,
    name: seed.name ?? 'model',
    operation: seed.operation,
    status,
    entrypoint: seed.entrypoint ?? 'score',
    pythonVersion,
    sourceFile: source.endsWith('.ipynb') ? 'notebook.ipynb' : 'script.py',
    files: [],
    dir: '',
    uploadedAt: new Date(),
    executions: 0
  }
}
