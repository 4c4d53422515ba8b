import type { DeploySpec } from '../inputs.js'
import type { FilePart, NeomarilClient } from '../neomaril/client.js'

/** The form fields of the register call (contract §3). */
export function registerFields(script: DeploySpec['script']): Record<string, string> {
  return {
    name: script.name,
    script_reference: script.entrypoint,
    operation: script.operation,
    python_version: `Python${script.pythonVersion.replace('.', '')}`
  }
}

/** The file parts, in the order the official client sends them; streamed from disk. */
export function registerFiles(script: DeploySpec['script']): FilePart[] {
  return script.files.map(file => ({ part: file.part, filename: file.uploadName, localPath: file.localPath, inline: file.inline, size: file.size }))
}

/** Registers the script and answers its hash. */
export function registerScript(client: NeomarilClient, spec: DeploySpec): Promise<string> {
  return client.register(spec.group, registerFields(spec.script), registerFiles(spec.script))
}
