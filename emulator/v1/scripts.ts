/** The v1 scripts: the multipart register (P1), where its parts are stored, lookup and search (P5). */
import { mkdir, rename } from 'node:fs/promises'
import path from 'node:path'
import type { Groups } from '../accounts/groups.js'
import type { UploadedFile } from '../http/body.js'
import { badInput, notFound } from '../http/errors.js'
import { checkPythonVersion, checkScriptName, scriptSummary, sourceFileName } from '../script-rules.js'
import type { Operation, ScriptSummary } from '../types.js'
import { scriptHash } from '../wire.js'

export type ScriptStatus = 'Ready' | 'Building' | 'Deployed' | 'Failed'

export interface Script {
  hash: string
  group: string
  name: string
  operation: Operation
  pythonVersion: string
  /** The entrypoint (the register's script_reference). */
  entrypoint: string
  /** 'script.py' or 'notebook.ipynb'. */
  sourceFile: string
  /** Stored file names, all directly in `dir`. */
  files: string[]
  dir: string
  status: ScriptStatus
  message: string | null
  uploadedAt: Date
  /** Last execution id handed out (ids count per script from 1). */
  executions: number
  /** Bumped on each host call, so a superseded build cannot overwrite a newer one. */
  buildGeneration: number
}

const FIELDS = ['name', 'script_reference', 'operation', 'python_version'] as const
const PARTS = ['source', 'requirements', 'schema'] as const

export class Scripts {
  private readonly byHash = new Map<string, Script>()

  constructor(
    private readonly dataDir: string,
    private readonly groups: Groups
  ) {}

  summaries(): ScriptSummary[] {
    return [...this.byHash.values()].map((s) => scriptSummary('v1', s.operation, s))
  }

  /** Validates a register form, then moves its staged files into the script's folder. */
  async register(group: string, form: Record<string, string>, files: UploadedFile[]): Promise<Script> {
    this.groups.check(group)
    const fields = registerFields(form, files)
    const placed = files.map((file) => ({ file, storedAs: storedName(file) }))
    for (const part of ['source', 'requirements', 'schema', 'env']) {
      const count = files.filter((f) => f.part === part).length
      if (count > 1) throw badInput(`File part '${part}' was sent ${count} times; send it once`)
    }
    const names = placed.map((p) => p.storedAs)
    const clash = names.find((n, i) => names.indexOf(n) !== i)
    if (clash) throw badInput(`Two uploaded files would both be stored as '${clash}'`)

    const hash = scriptHash()
    const dir = path.join(this.dataDir, group, hash)
    await mkdir(dir, { recursive: true })
    for (const { file, storedAs } of placed) await rename(file.tempPath, path.join(dir, storedAs))
    const script: Script = {
      hash,
      group,
      ...fields,
      sourceFile: placed.find((p) => p.file.part === 'source')?.storedAs ?? '',
      files: names,
      dir,
      status: 'Ready',
      message: null,
      uploadedAt: new Date(),
      executions: 0,
      buildGeneration: 0
    }
    this.byHash.set(hash, script)
    return script
  }

  get(group: string, hash: string): Script {
    const script = this.byHash.get(hash)
    if (!script || script.group !== group) throw notFound(`No script '${hash}' in group '${group}'`)
    return script
  }

  find(hash: string): Script {
    const script = this.byHash.get(hash)
    if (!script) throw notFound(`No script '${hash}'`)
    return script
  }

  search(filters: { name?: string; state?: string; group?: string }): Script[] {
    const name = filters.name?.toLowerCase()
    return [...this.byHash.values()].filter(
      (s) =>
        (!name || s.name.toLowerCase().includes(name)) &&
        (!filters.state || s.status.toLowerCase() === filters.state.toLowerCase()) &&
        (!filters.group || s.group === filters.group)
    )
  }
}

/** The register's required fields and parts, checked: a 400 naming every one missing. */
function registerFields(
  form: Record<string, string>,
  files: UploadedFile[]
): Pick<Script, 'name' | 'operation' | 'pythonVersion' | 'entrypoint'> {
  const missing = [
    ...FIELDS.filter((field) => !form[field]?.trim()).map((f) => `field '${f}'`),
    ...PARTS.filter((part) => !files.some((f) => f.part === part)).map((p) => `file '${p}'`)
  ]
  const { name, script_reference: reference, operation, python_version: pythonVersion } = form
  if (missing.length > 0 || !name || !reference || !operation || !pythonVersion)
    throw badInput(`Missing required ${missing.join(', ')}`)
  checkScriptName(name)
  if (operation !== 'Sync' && operation !== 'Async')
    throw badInput(`'operation' must be 'Sync' or 'Async', not '${operation}'`)
  checkPythonVersion(pythonVersion)
  return { name, operation, pythonVersion, entrypoint: reference.trim() }
}

/** The file name a register part is stored under in the script's folder (docs/platform-contract.md). */
function storedName(file: UploadedFile): string {
  switch (file.part) {
    case 'source':
      return sourceFileName(file)
    case 'requirements':
      return 'requirements.txt'
    case 'env':
      return '.env'
    case 'schema':
    case 'extra':
      if (!file.filename || file.filename === '.' || file.filename === '..')
        throw badInput(`The '${file.part}' file part needs a file name`)
      return file.filename
    default:
      throw badInput(`Unknown file part '${file.part}' (expected source, requirements, schema, env, extra)`)
  }
}
