/** The v2 scripts: register (R), lookup, the list's filters, and when their files may still change. */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Groups } from '../accounts/groups.js'
import { parseJson } from '../http/body.js'
import { ApiError, badInput, notFound } from '../http/errors.js'
import type { EmulatorCall } from '../python.js'
import { checkScriptName, harnessCall, scriptSummary } from '../script-rules.js'
import type { ScriptSummary } from '../types.js'
import { scriptHash } from '../wire.js'
import type { ScriptV2 } from './model.js'

export class ScriptsV2 {
  private readonly byHash = new Map<string, ScriptV2>()

  constructor(
    private readonly dataDir: string,
    private readonly groups: Groups
  ) {}

  summaries(): ScriptSummary[] {
    return [...this.byHash.values()].map((s) => scriptSummary('v2', 'Async', s))
  }

  /** R: the body is JSON {"Name", "Operation": "Async"}. */
  async register(group: string, raw: Buffer): Promise<ScriptV2> {
    this.groups.check(group)
    const body = parseJson(raw, 'The body must be JSON: {"Name": "<name>", "Operation": "Async"}')
    const { Name: name, Operation: operation } = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >
    if (typeof name !== 'string' || !name.trim()) throw badInput("The JSON body needs 'Name', a non-empty string")
    checkScriptName(name)
    if (operation !== 'Async') {
      throw badInput(
        "'Operation' must be 'Async' (v2 preprocessing is Async only; register Sync scripts with " +
          `/preprocessing/register), not ${JSON.stringify(operation)}`
      )
    }
    const hash = scriptHash()
    const dir = path.join(this.dataDir, group, hash)
    await mkdir(dir, { recursive: true })
    const script: ScriptV2 = {
      hash,
      group,
      name,
      hasRequirements: false,
      files: new Set(),
      schemas: new Map(),
      dir,
      status: 'Ready',
      message: null,
      uploadedAt: new Date(),
      executions: [],
      buildGeneration: 0
    }
    this.byHash.set(hash, script)
    return script
  }

  /** The v2 script `hash`, or the 404 the real server answers for any other hash (a v1 one too). */
  get(hash: string): ScriptV2 {
    const script = this.byHash.get(hash)
    if (!script) throw notFound(`Preprocessing hash '${hash}' not found.`)
    return script
  }

  /** A script whose files may still change: uploads end when it is hosted. */
  editable(hash: string): ScriptV2 {
    const script = this.get(hash)
    if (script.status === 'Building' || script.status === 'Deployed') {
      throw new ApiError(
        409,
        'ScriptAlreadyHosted',
        `Preprocessing '${hash}' is ${script.status}: its files cannot change once it is hosted`
      )
    }
    return script
  }

  /** The list's filters: state (any case), group (exact), uploaded between two instants. */
  list(filters: { state?: string; group?: string; from?: Date; to?: Date }): ScriptV2[] {
    return [...this.byHash.values()].filter(
      (s) =>
        (!filters.state || s.status.toLowerCase() === filters.state.toLowerCase()) &&
        (!filters.group || s.group === filters.group) &&
        (!filters.from || s.uploadedAt >= filters.from) &&
        (!filters.to || s.uploadedAt <= filters.to)
    )
  }
}

/** The harness call of a build or an execution: hosting checks the script was uploaded first. */
export function callV2(script: ScriptV2, runTimeoutSeconds: number): EmulatorCall {
  const { sourceFile, reference, pythonVersion } = script
  if (!sourceFile || !reference || !pythonVersion) throw badInput(`Preprocessing '${script.hash}' has no script yet`)
  return {
    ...harnessCall({ dir: script.dir, sourceFile, entrypoint: reference, pythonVersion }, runTimeoutSeconds),
    contract: 'async-v2'
  }
}
