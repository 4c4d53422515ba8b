/** The v2 uploads before hosting: schema datasets (S), the script (F), requirements (Q), .env (V), extras (X). */
import { rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { onePart, type UploadedFile } from '../http/body.js'
import { badInput } from '../http/errors.js'
import { checkPythonVersion, sourceFileName } from '../script-rules.js'
import type { Datasets } from './datasets.js'
import type { Dataset, ScriptV2 } from './model.js'
import type { ScriptsV2 } from './scripts.js'

/** A file name that may be stored as given (no folders, not hidden, not '.' or '..'). */
function plainFileName(name: string, field: string): string {
  if (!name || name !== path.basename(name) || name.startsWith('.') || /[\\/]/.test(name)) {
    throw badInput(`'${field}' must be a plain file name (no folders, not starting with '.'), not '${name}'`)
  }
  return name
}

export class Uploads {
  constructor(
    private readonly scripts: ScriptsV2,
    private readonly datasets: Datasets
  ) {}

  /** S: a named schema dataset from a file, or an existing dataset by hash. Same name again replaces it. */
  async schema(hash: string, form: Record<string, string>, files: UploadedFile[]): Promise<Dataset> {
    const script = this.scripts.editable(hash)
    const dataset = await this.datasets.fromUpload(script.group, form, files, 'schema_file')
    script.schemas.set(dataset.name, dataset)
    return dataset
  }

  /** F: the source, its entrypoint and Python version. */
  async script(hash: string, form: Record<string, string>, files: UploadedFile[]): Promise<void> {
    const script = this.scripts.editable(hash)
    const file = onePart(files, 'script')
    const reference = form.preprocess_reference?.trim()
    const version = form.python_version
    if (!reference || !version)
      throw badInput("Form fields 'preprocess_reference' and 'python_version' are required with the 'script' file")
    checkPythonVersion(version)
    const stored = sourceFileName(file)
    if (script.sourceFile) {
      script.files.delete(script.sourceFile)
      await rm(path.join(script.dir, script.sourceFile), { force: true })
    }
    await store(script, file, stored)
    Object.assign(script, { sourceFile: stored, reference, pythonVersion: version })
  }

  /** Q, V, X: requirements.txt, .env and extra files, stored beside the source. */
  async file(
    hash: string,
    kind: 'requirements' | 'env' | 'extra',
    form: Record<string, string>,
    files: UploadedFile[]
  ): Promise<string> {
    const script = this.scripts.editable(hash)
    const file = onePart(files, kind === 'extra' ? 'extra_file' : kind)
    let stored: string
    if (kind === 'requirements') stored = 'requirements.txt'
    else if (kind === 'env') stored = '.env'
    else {
      stored = plainFileName(form.extra_file_name?.trim() || file.filename, 'extra_file_name')
      if (['script.py', 'notebook.ipynb', 'requirements.txt'].includes(stored))
        throw badInput(`An extra file may not be called '${stored}'`)
    }
    await store(script, file, stored)
    if (kind === 'requirements') script.hasRequirements = true
    return stored
  }
}

async function store(script: ScriptV2, file: UploadedFile, storedAs: string): Promise<void> {
  await rename(file.tempPath, path.join(script.dir, storedAs))
  script.files.add(storedAs)
}
