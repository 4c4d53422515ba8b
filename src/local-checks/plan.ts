import type { Manifest } from './manifest.js'
import { markdownCode } from '../shared/inert.js'
import { pythonFromWire } from '../shared/python-version.js'

/** What a deploy would change against the last recorded one: the `has-changes` and `changes-markdown` outputs. */
export interface Plan {
  /** Undefined when there is no earlier manifest to compare with (the output is then empty). */
  readonly hasChanges: boolean | undefined
  /** The changes as Markdown, server and user text inert (code spans). */
  readonly markdown: string
}

type ManifestFile = Manifest['files'][number]

/** The register form's fields the plan names; any other field that differs is listed by its own name. */
const FIELD_LABELS: Record<string, string> = {
  python_version: 'Python',
  script_reference: 'Entrypoint',
  operation: 'Operation'
}

/** What the caller knows that the manifests do not say. */
export interface PlanOptions {
  /** Deploy mode's digests: they settle what the manifests cannot (the .env file's values). */
  readonly digests?: { readonly recorded: string; readonly current: string }
  /**
   * The API a deploy would take is not known (validate mode, an Async script under
   * api-version auto: v2 on a current server, v1 on a v1-only one): a record's other API is
   * named, not counted as a change.
   */
  readonly apiUndecided?: boolean
}

export const NO_RECORD =
  'No earlier deploy of this script is recorded in this environment: there is nothing to compare with.'

/**
 * The plan: what changes from the `previous` manifest (the newest successful record's) to
 * the `current` one — files added, removed and changed (by sha256, or by size where a side
 * has no hash: the .env file is never hashed), with sizes before → after; the Python
 * version, entrypoint, operation, API and any other register field; the requirement lines
 * added and removed. What the plan cannot know is said, never counted as a change: the
 * .env file's values without digests, the API under `apiUndecided`. Pure: no file or network
 * is read. The previous manifest came from a record on GitHub, so every part of it is read
 * as possibly missing.
 */
export function planChanges(previous: Manifest | undefined, current: Manifest, options: PlanOptions = {}): Plan {
  if (!previous) return { hasChanges: undefined, markdown: NO_RECORD }
  const { digests } = options
  const lines = [
    ...fileLines(previous, current),
    ...settingLines(previous, current, options),
    ...requirementLines(previous, current)
  ]
  // What the manifests cannot show (the .env file's values), the digests do: deploy mode passes them.
  if (lines.length === 0 && digests && digests.recorded !== digests.current) lines.push(unlistedChange(current))
  const notes = unknowns(previous, current, options)
  if (lines.length === 0)
    return {
      hasChanges: false,
      markdown: ['No changes: the same files and settings as the last recorded deploy.', ...notes].join('\n\n')
    }
  return { hasChanges: true, markdown: [lines.join('\n').trimEnd(), ...notes].join('\n\n') }
}

/** What the plan cannot compare, in words: the API a deploy would take, the .env file's values. */
function unknowns(previous: Manifest, current: Manifest, options: PlanOptions): string[] {
  const notes: string[] = []
  if (options.apiUndecided && previous.api !== current.api)
    notes.push(
      `*API: the last deploy went through ${markdownCode(String(previous.api ?? '?'))}; under \`api-version: auto\` ` +
        'a deploy takes `v2` on a current server and `v1` on a v1-only one, and validate mode does not ask the ' +
        'server, so this is not counted as a change.*'
    )
  if (!options.digests && current.files.some((file) => file.part === 'env'))
    notes.push(
      "*The `.env` file's values are not compared: they are compared keyed by the password, which only a " +
        'deploy has.*'
    )
  return notes
}

/**
 * The line for a digest that changed while the manifests look the same: the .env file's
 * values (hashed into the digest keyed by the password, never into the manifest), or the
 * password itself; with no .env file, something outside what the plan lists.
 */
function unlistedChange(current: Manifest): string {
  return current.files.some((file) => file.part === 'env')
    ? "- The `.env` file's values changed, at the same size (or the password changed): the digest, which " +
        "holds them keyed by the password, differs from the record's."
    : "- The digest differs from the record's, though no file or setting the plan lists did."
}

function keyOf(file: ManifestFile): string {
  return `${file.part}/${file.name}`
}

function filesOf(manifest: Manifest): Map<string, ManifestFile> {
  const files = Array.isArray(manifest.files) ? manifest.files : []
  return new Map(files.filter((file) => file && typeof file.name === 'string').map((file) => [keyOf(file), file]))
}

/** A part's name as the manifest spells them (source, requirements, …); anything else from a record is not shown. */
function partOf(file: ManifestFile): string {
  return /^[a-z]{1,20}$/.test(String(file.part)) ? file.part : '?'
}

function changed(before: ManifestFile, after: ManifestFile): boolean {
  if (before.sha256 && after.sha256) return before.sha256 !== after.sha256
  return before.size !== after.size
}

/** A size for a table cell: bytes, with KiB or MiB beside them when large. */
export function formatSize(bytes: number | undefined): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '?'
  const exact = `${bytes.toLocaleString('en-US')} B`
  if (bytes < 1024) return exact
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / 1024 / 1024, 'MiB']
  return `${value.toFixed(1)} ${unit} (${exact})`
}

function fileLines(previous: Manifest, current: Manifest): string[] {
  const before = filesOf(previous)
  const after = filesOf(current)
  const rows: string[] = []
  const row = (file: ManifestFile, change: string, from: string, to: string) =>
    rows.push(`| ${markdownCode(file.name, { table: true })} | ${partOf(file)} | ${change} | ${from} | ${to} |`)
  for (const [key, file] of after) {
    const old = before.get(key)
    if (!old) row(file, 'added', '—', formatSize(file.size))
    else if (changed(old, file)) row(file, 'changed', formatSize(old.size), formatSize(file.size))
  }
  for (const [key, file] of before) if (!after.has(key)) row(file, 'removed', formatSize(file.size), '—')
  if (rows.length === 0) return []
  return ['| file | part | change | before | after |', '|---|---|---|---:|---:|', ...rows, '']
}

function settingLines(previous: Manifest, current: Manifest, options: PlanOptions): string[] {
  const lines: string[] = []
  const before = previous.fields ?? {}
  const after = current.fields ?? {}
  const keys = [...new Set([...Object.keys(FIELD_LABELS), ...Object.keys(after), ...Object.keys(before)])]
  for (const key of keys) {
    const from = before[key] === undefined ? undefined : String(before[key])
    const to = after[key] === undefined ? undefined : String(after[key])
    if (from === to) continue
    const shown = (value: string | undefined) =>
      value === undefined
        ? '*(none)*'
        : markdownCode(key === 'python_version' ? (pythonFromWire(value) ?? value) : value)
    lines.push(`- ${FIELD_LABELS[key] ?? markdownCode(key)}: ${shown(from)} → ${shown(to)}`)
  }
  if (previous.api !== current.api && !options.apiUndecided)
    lines.push(`- API: ${markdownCode(String(previous.api ?? '?'))} → ${markdownCode(current.api)}`)
  return lines
}

function requirementLines(previous: Manifest, current: Manifest): string[] {
  const before = Array.isArray(previous.requirements) ? previous.requirements.map(String) : undefined
  const after = current.requirements ?? []
  if (!before) {
    const file = current.files.find((entry) => entry.part === 'requirements')
    const old = file && filesOf(previous).get(keyOf(file))
    return file && old && changed(old, file)
      ? ['- Requirements: the file changed; the last record does not list its lines.']
      : []
  }
  const added = without(after, before)
  const removed = without(before, after)
  if (added.length === 0 && removed.length === 0) return []
  return [
    '- Requirements:',
    ...added.map((line) => `  - added ${markdownCode(line)}`),
    ...removed.map((line) => `  - removed ${markdownCode(line)}`)
  ]
}

/** The lines of `lines` not in `other`, counting repeats (a multiset difference), in their order. */
function without(lines: readonly string[], other: readonly string[]): string[] {
  const left = new Map<string, number>()
  for (const line of other) left.set(line, (left.get(line) ?? 0) + 1)
  return lines.filter((line) => {
    const count = left.get(line) ?? 0
    if (count > 0) left.set(line, count - 1)
    return count === 0
  })
}
