import type { DeploySpec } from '../inputs/parse.js'
import type { PreprocessingApi, Registered, ScriptPackage } from '../api/api.js'
import type { FilePart } from '../api/http/types.js'
import type { UploadFile } from '../shared/files.js'

const partOf = (file: UploadFile): FilePart => ({
  part: file.part,
  filename: file.uploadName,
  localPath: file.localPath,
  inline: file.inline,
  size: file.size
})

/** What the deploy uploads, for whichever API takes it; files streamed from disk. */
export function scriptPackage(spec: DeploySpec): ScriptPackage {
  const { script } = spec
  return {
    name: script.name,
    entrypoint: script.entrypoint,
    operation: script.operation,
    pythonVersion: script.pythonVersion,
    files: script.files.map(partOf),
    datasets: spec.script.datasets.map((dataset) => ({ name: dataset.name, file: partOf(dataset.file) }))
  }
}

/** Registers the script (and, on v2, uploads each file); answers its hash and the calls made. */
export function registerScript(
  api: PreprocessingApi,
  spec: DeploySpec,
  onCall?: (call: string) => void
): Promise<Registered> {
  return api.register(scriptPackage(spec), onCall)
}

/** The smoke test's datasets as parts: v1 uploads one as `dataset`, v2 each under its name. */
export function smokeTestDatasets(spec: DeploySpec): { name: string; file: FilePart }[] {
  return (spec.smokeTest.datasets ?? []).map((dataset) => ({ name: dataset.name, file: partOf(dataset.file) }))
}
