import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import type { DeploySpec } from '../inputs/parse.js'
import { scriptPackage } from '../steps/register.js'
import { hostCall, registerCall, v1RegisterFields, v2Uploads, type ApiVersion } from '../api/api.js'
import { likelyApi } from '../shared/api-choice.js'
import { sha256Of, type UploadFile } from '../shared/files.js'
import { requirementTexts } from '../shared/requirements.js'

/** What the register call sends: its form fields and every file, with size and sha256. */
export interface Manifest {
  readonly group: string
  /** The API a deploy would use: v2 for an Async script unless api-version is v1 (auto assumes a current server). */
  readonly api: ApiVersion
  /** The calls a deploy would make to register, upload and host, in order ({hash} is the script's hash). */
  readonly calls: readonly string[]
  /** The v1 register's form fields (v2 sends the name as JSON and the rest with the uploads). */
  readonly fields: Record<string, string>
  readonly files: { part: string; name: string; path: string; size: number; sha256?: string; dataset?: string }[]
  /**
   * The requirements file's lines as written (without comments, credentials as `***`), so a
   * plan can say which lines a deploy adds and removes; absent when there is no such file.
   */
  readonly requirements?: readonly string[]
}

/**
 * The manifest of an upload. The .env file is listed by name only: a hash of a small
 * secrets file could be brute-forced. Hashing streams the files, so a large extra
 * file costs time, not memory; `hashFiles: false` skips it when time is short.
 * Paths are shown relative to `cwd` (the workspace: pass spec.workspace).
 */
export async function buildManifest(
  spec: DeploySpec,
  cwd: string,
  options: { hashFiles: boolean } = { hashFiles: true }
): Promise<Manifest> {
  // Datasets beyond the one v1 schema part (v2 named datasets) are uploaded too.
  const datasetOf = new Map<UploadFile, string>(spec.script.datasets.map((d) => [d.file, d.name]))
  const uploads = [
    ...spec.script.files,
    ...spec.script.datasets.map((d) => d.file).filter((file) => !spec.script.files.includes(file))
  ]
  // One file at a time: thousands of extra files must not open thousands of descriptors.
  const files: Manifest['files'] = []
  for (const file of uploads) {
    files.push({
      part: file.part,
      name: file.uploadName,
      path: file.localPath ? relative(cwd, file.localPath) : '(inline)',
      size: file.size,
      sha256: file.part === 'env' || !options.hashFiles ? undefined : await sha256Of(file),
      dataset: datasetOf.get(file)
    })
  }
  const api = likelyApi(spec.script.operation, spec.apiVersion)
  const uploadCalls = api === 'v2' ? v2Uploads(scriptPackage(spec)).map((upload) => upload.call('{hash}')) : []
  const calls = [
    registerCall(api, spec.group),
    ...uploadCalls,
    hostCall(api, spec.script.operation, spec.group, '{hash}')
  ]
  const requirements = await requirementsOf(spec.script.files.find((file) => file.part === 'requirements'))
  return { group: spec.group, api, calls, fields: v1RegisterFields(spec.script), files, requirements }
}

async function requirementsOf(file: UploadFile | undefined): Promise<string[] | undefined> {
  if (!file) return undefined
  const content = file.inline ?? (file.localPath ? await readFile(file.localPath) : undefined)
  return content && requirementTexts(content.toString('utf8'))
}
