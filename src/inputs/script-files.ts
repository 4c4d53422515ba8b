import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { UploadFile } from '../shared/files.js'
import { envValueLeftVisible, MIN_MASKED_LENGTH, type VisibleReason } from '../shared/secrets.js'
import { uploadFile } from './datasets.js'
import { parseDotenv } from '../shared/dotenv.js'
import { expandExtraFiles } from './extra-files.js'
import type { InputReader } from './reader.js'
import type { Workspace } from './workspace.js'

/** source-file: the .py or .ipynb file that defines the entrypoint, uploaded as script.py or notebook.ipynb. */
export function parseSourceFile(reader: InputReader, workspace: Workspace, uploads: boolean): UploadFile | undefined {
  const { fail } = reader
  const sourceRaw = reader.get('source-file')
  if (!sourceRaw) {
    if (uploads) fail('source-file', 'is required.', 'Point it at the .py or .ipynb file that defines the entrypoint.')
    return undefined
  }
  const extension = extname(sourceRaw).toLowerCase()
  if (extension !== '.py' && extension !== '.ipynb')
    return fail(
      'source-file',
      `'${sourceRaw}' is neither a .py nor a .ipynb file.`,
      'The server takes a Python script or a Jupyter notebook.'
    )
  const sourcePath = workspace.readableFile('source-file', sourceRaw, 'the source file', fail)
  if (!sourcePath) return undefined
  return uploadFile('source', extension === '.py' ? 'script.py' : 'notebook.ipynb', sourcePath)
}

/** requirements-file, uploaded as requirements.txt; its content is checked by checkRequirementLines. */
export function parseRequirementsFile(
  reader: InputReader,
  workspace: Workspace,
  uploads: boolean
): { file?: UploadFile; shown: string; content: string } {
  const { fail } = reader
  const requirementsRaw = reader.get('requirements-file')
  const none = { shown: requirementsRaw, content: '' }
  if (!requirementsRaw) {
    if (uploads)
      fail('requirements-file', 'is required.', 'Point it at a requirements.txt with pinned versions (pandas==2.2.2).')
    return none
  }
  const full = workspace.readableFile('requirements-file', requirementsRaw, 'the requirements file', fail)
  if (!full) return none
  return { ...none, file: uploadFile('requirements', 'requirements.txt', full), content: readFileSync(full, 'utf8') }
}

/**
 * env-file, uploaded as .env. Its values are masked now, by the policy of
 * src/shared/secrets.ts; `ownValues` are this step's non-secret inputs, which a masked
 * value must not blank out.
 */
export function parseEnvFile(
  reader: InputReader,
  workspace: Workspace,
  ownValues: readonly string[]
): UploadFile | undefined {
  const envRaw = reader.get('env-file')
  if (!envRaw) return undefined
  const full = workspace.readableFile('env-file', envRaw, 'the env file', reader.fail)
  if (!full) return undefined
  maskEnvFile(reader, envRaw, readFileSync(full, 'utf8'), ownValues)
  return uploadFile('env', '.env', full)
}

/**
 * The values of the env file are secrets the server stores encrypted: each is masked
 * now, unless it is too short or too common to mask (envValueLeftVisible); those are
 * named in one warning by key, never by value. A statement python-dotenv cannot parse
 * may still hold one, so its whole text is masked too, and the warning names its line.
 */
function maskEnvFile(reader: InputReader, shown: string, content: string, ownValues: readonly string[]): void {
  const { bindings, problems } = parseDotenv(content)
  const visible = new Map<string, VisibleReason>()
  const masked = new Set<string>()
  for (const { key, value } of bindings) {
    if (!value?.trim()) continue
    const reason = envValueLeftVisible(key, value, ownValues)
    if (reason) visible.set(key, reason)
    else masked.add(key)
    if (!reason) reader.source.mask(value)
  }
  // A key set twice is masked if any of its values is: the warning must not call it visible.
  for (const key of masked) visible.delete(key)
  if (visible.size > 0) reader.warnings.push(visibleWarning(shown, visible))
  for (const { raw } of problems) reader.source.mask(raw)
  if (problems.length === 0) return
  const lines = problems.map((p) => p.line)
  const one = lines.length === 1
  reader.warnings.push(
    `Input 'env-file': ${one ? 'line' : 'lines'} ${lines.join(', ')} of '${shown}' ${one ? 'is' : 'are'} ` +
      `not KEY=value as python-dotenv reads it, so the server will skip ${one ? 'it' : 'them'} ` +
      `(the text is masked). Quote values holding spaces or # ('KEY="a value"'), and close every quote.`
  )
}

/** One warning for every value left visible: keys and reasons, never a value. */
function visibleWarning(shown: string, visible: ReadonlyMap<string, VisibleReason>): string {
  const keys = [...visible].map(
    ([key, reason]) => `${key} (${reason === 'short' ? `under ${MIN_MASKED_LENGTH} characters` : reason})`
  )
  const one = keys.length === 1
  const [it, is] = one ? ['it', 'is'] : ['they', 'are']
  return (
    `Input 'env-file': ${keys.join(', ')} in '${shown}' ${one ? 'has a value' : 'have values'} too short or ` +
    `too common to mask (the runner would hide that text everywhere in the job's log), so ${it} ${is} ` +
    `not masked and will appear in logs wherever printed. Settings need nothing more. A secret among ` +
    `${one ? 'it' : 'them'}: give it a key ending in _PASSWORD, _TOKEN, _SECRET or _API_KEY (always masked), ` +
    `or a value of ${MIN_MASKED_LENGTH} characters or more.`
  )
}

/**
 * extra-files, each uploaded under its base name: a name another part already has on
 * the server (script.py, requirements.txt, .env, ...) is refused, as the later file
 * would overwrite the earlier.
 */
export function extraUploadFiles(
  reader: InputReader,
  workspace: Workspace,
  earlier: readonly UploadFile[]
): UploadFile[] {
  const extras: UploadFile[] = []
  const reservedNames = new Map<string, string>(earlier.map((f) => [f.uploadName, f.part]))
  for (const extra of expandExtraFiles(reader, workspace)) {
    const clash = reservedNames.get(extra.uploadName)
    if (clash)
      reader.fail(
        'extra-files',
        `'${extra.shown}' would be uploaded as '${extra.uploadName}', ` +
          `the name the ${clash} file already has on the server.`,
        'Rename the file.'
      )
    else {
      reservedNames.set(extra.uploadName, 'extra')
      extras.push(uploadFile('extra', extra.uploadName, extra.path))
    }
  }
  return extras
}
