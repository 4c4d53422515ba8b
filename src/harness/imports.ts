/**
 * Whose fault is a ModuleNotFoundError: the runner's (the requirements list the package,
 * it is just not installed here) or the requirements' (nothing there provides it)? Import
 * names that differ from distribution names go through pipreqs' mapping; when neither is
 * certain the hint says it may be either.
 */
import { PIPREQS_MAPPING } from './embedded.js'

/** PEP 503 normalisation: PyYAML, pyyaml and py_yaml are one distribution. */
export function normaliseDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

let mapping: Map<string, string[]> | undefined

/** The distributions known to provide top-level module `module` (empty when unknown). */
export function distributionsProviding(module: string): string[] {
  if (!mapping) {
    mapping = new Map()
    for (const line of PIPREQS_MAPPING.split('\n')) {
      const [importName, distribution] = line.trim().split(':')
      if (!importName || !distribution) continue
      mapping.set(importName, [...(mapping.get(importName) ?? []), distribution])
    }
  }
  return mapping.get(module) ?? []
}

/** The distribution names a requirements file lists (options, URLs and comments left out). */
export function requirementNames(text: string): string[] {
  const names: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (!line || line.startsWith('-')) continue
    const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)?.[1]
    if (name) names.push(normaliseDistribution(name))
  }
  return names
}

export type MissingImportVerdict =
  { kind: 'listed'; distribution: string } | { kind: 'not-listed'; distribution: string } | { kind: 'uncertain' }

/**
 * `listed`: a requirement provides the module (so the runner lacks it); `not-listed`: the
 * module's distribution is known and absent, or there are no requirements at all (the
 * server's build would fail too); `uncertain` otherwise.
 */
export function whoseMissingImport(module: string, requirementsText: string | undefined): MissingImportVerdict {
  const listed = requirementNames(requirementsText ?? '')
  const known = distributionsProviding(module)
  const candidates = known.length > 0 ? known : [module]
  const match = candidates.find((name) => listed.includes(normaliseDistribution(name)))
  if (match) return { kind: 'listed', distribution: match }
  if (known.length > 0 || listed.length === 0) return { kind: 'not-listed', distribution: candidates[0] ?? '' }
  return { kind: 'uncertain' }
}
