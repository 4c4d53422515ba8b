import { relative } from 'node:path'
import type { DeploySpec } from '../inputs.js'
import { registerFields } from '../deploy/register.js'
import { sha256Of } from '../files.js'

/** What the register call sends: its form fields and every file, with size and sha256. */
export interface Manifest {
  readonly group: string
  readonly fields: Record<string, string>
  readonly files: { part: string; name: string; path: string; size: number; sha256?: string }[]
}

/**
 * The manifest of an upload. The .env file is listed by name only: a hash of a small
 * secrets file could be brute-forced. Hashing streams the files, so a large extra
 * file costs time, not memory; `hashFiles: false` skips it when time is short.
 */
export async function buildManifest(spec: DeploySpec, cwd: string, options: { hashFiles: boolean } = { hashFiles: true }): Promise<Manifest> {
  // One file at a time: thousands of extra files must not open thousands of descriptors.
  const files: Manifest['files'] = []
  for (const file of spec.script.files) {
    files.push({
      part: file.part,
      name: file.uploadName,
      path: file.localPath ? relative(cwd, file.localPath) : '(inline)',
      size: file.size,
      sha256: file.part === 'env' || !options.hashFiles ? undefined : await sha256Of(file)
    })
  }
  return { group: spec.group, fields: registerFields(spec.script), files }
}
