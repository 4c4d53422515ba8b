import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import type { DeploySpec } from '../inputs/parse.js'
import { scriptPackage } from '../steps/register.js'
import { hostCall, registerCall, v1RegisterFields, v2Uploads } from '../api/api.js'
import { likelyApi } from '../shared/api-choice.js'
import { createHash, createHmac } from 'node:crypto'
import { sha256Of, streamFile, type UploadFile } from '../shared/files.js'
import { requirementTexts } from '../shared/requirements.js'
import type { Manifest } from '../shared/manifest.js'

export type { Manifest }

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

/**
 * The `digest` output: `sha256:` of what the manifest says reaches the server — the group,
 * the API, the register's form fields and every file's part, upload name, dataset name and
 * sha256, in a fixed order (not its path in the repository, nor the order extra-files lists
 * the files in: neither changes what is uploaded). The same content gives the same digest on
 * any runner, so a deploy record's digest says whether anything changed.
 *
 * The .env file is in the manifest by name only (its hash could be brute-forced), yet a
 * changed value must change the digest: its content enters as an HMAC-SHA256 keyed by the
 * server password, which only who can deploy knows, so the digest reveals nothing of it.
 * A new password therefore changes the digest once (one deploy more); without a password
 * (validate mode) the .env's content is not in the digest, so such a digest never equals
 * a deploy's when there is a .env.
 */
export async function digestOf(manifest: Manifest, spec: DeploySpec): Promise<string> {
  const env = spec.script.files.find((file) => file.part === 'env')
  const password = spec.connection.password
  const envPart = !env ? undefined : password ? `hmac-sha256:${await hmacOf(env, password)}` : 'unkeyed'
  const canonical = JSON.stringify({
    group: manifest.group,
    api: manifest.api,
    fields: Object.entries(manifest.fields).sort(([a], [b]) => a.localeCompare(b)),
    // In a fixed order: the server keeps files, not the order extra-files lists (or a glob finds) them in.
    files: manifest.files.map((f) => JSON.stringify([f.part, f.name, f.dataset ?? null, f.sha256 ?? null])).sort(),
    env: envPart ?? null
  })
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`
}

async function hmacOf(file: UploadFile, key: string): Promise<string> {
  const hmac = createHmac('sha256', key)
  if (file.inline) hmac.update(file.inline)
  else if (file.localPath) for await (const chunk of streamFile(file.localPath)) hmac.update(chunk as Buffer)
  return hmac.digest('hex')
}
