import { basename, extname } from 'node:path'
import type { DeploySpec } from '../inputs.js'
import type { UploadFile } from '../files.js'

/** A schema or smoke-test dataset with its name (interfaces §1: `NamedDataset` of src/inputs.ts). */
export interface NamedDataset {
  readonly name: string
  readonly file: UploadFile
}

/**
 * The DeploySpec fields of interfaces §1 (owned by src/inputs.ts), read here with
 * today's meaning as the fallback until that branch is merged: then every field is
 * set by parseInputs and the fallbacks are never taken.
 */
interface PlannedFields {
  readonly workspace?: string
  readonly apiVersion?: 'auto' | 'v1' | 'v2'
  readonly groupNormalised?: string
  readonly allowOutsideWorkspace?: boolean
  readonly connection: { readonly tenant?: string }
  readonly script: { readonly datasets?: readonly NamedDataset[] }
  readonly smokeTest: { readonly datasets?: readonly NamedDataset[] }
}

export interface Planned {
  readonly workspace: string
  readonly apiVersion: 'auto' | 'v1' | 'v2'
  readonly tenant?: string
  /** The group as given, and the 2.1.1 normalisation of it. */
  readonly group: string
  readonly groupNormalised: string
  readonly datasets: readonly NamedDataset[]
  readonly smokeDatasets: readonly NamedDataset[]
}

export function planned(spec: DeploySpec): Planned {
  const more = spec as DeploySpec & PlannedFields
  const schema = spec.script.files.find(file => file.part === 'schema')
  const stem = (file: UploadFile) => basename(file.uploadName, extname(file.uploadName))
  const datasets = more.script.datasets ?? (schema ? [{ name: stem(schema), file: schema }] : [])
  const sample = spec.smokeTest.dataset
  const smokeDatasets = more.smokeTest.datasets ?? (sample ? [{ name: datasets[0]?.name ?? stem(sample), file: sample }] : datasets)
  return {
    workspace: more.workspace ?? process.env.GITHUB_WORKSPACE ?? process.cwd(),
    apiVersion: more.apiVersion ?? 'auto',
    tenant: more.connection.tenant,
    group: spec.group,
    groupNormalised: more.groupNormalised ?? spec.group,
    datasets,
    smokeDatasets
  }
}
