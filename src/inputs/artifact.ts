import type { InputReader } from './reader.js'
import type { DeploySpec } from './spec.js'

/** upload-artifact, artifact-name and artifact-retention-days: the run's records. */
export function parseArtifact(reader: InputReader): DeploySpec['artifact'] {
  const { fail } = reader
  const upload = reader.boolean('upload-artifact')
  const name = reader.get('artifact-name') || undefined
  if (name && /[":<>|*?\\/]/.test(name))
    fail(
      'artifact-name',
      `'${name}' holds a character artifact names cannot have (" : < > | * ? \\ /).`,
      'Use letters, digits, - _ . and spaces.'
    )
  const retentionRaw = reader.get('artifact-retention-days')
  let retentionDays: number | undefined
  if (retentionRaw) {
    retentionDays = Number(retentionRaw)
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 400)
      fail(
        'artifact-retention-days',
        `'${retentionRaw}' is not a whole number of days from 1 to 400.`,
        "Leave it empty for the repository's default."
      )
  }
  return { upload, name, retentionDays }
}
