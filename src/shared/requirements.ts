/**
 * Finds requirement lines without an exact pin. The server installs what the file says
 * when it builds, so an unpinned line can build a different script tomorrow. The action
 * warns about each one, and the emulator's build log lists the same lines: both call
 * findUnpinnedRequirements, so they cannot disagree.
 *
 * The file is read as pip reads a requirements file: a line ending in `\` goes on on the
 * next one; `#` at the start or after white space starts a comment; blank lines and option
 * lines (`-r`, `-c`, `-e`, `--index-url`, ...) are no requirements. A requirement is pinned
 * when the version it installs cannot change:
 * - `name==1.2.3` or `name===1.2.3` (with extras, an environment marker or more clauses
 *   beside it: `name[extra]==1.0; python_version<"3.9"`), but not a wildcard (`==1.*`);
 * - `name @ git+https://...@<commit>`: a VCS reference to a full commit hash (40 or 64 hex;
 *   for Subversion a revision number), never a branch or tag, which can move;
 * - `name @ https://.../name-1.0.whl#sha256=<hex>`: an archive URL with a hash fragment,
 *   which pip checks. Without the hash, what the URL serves can change.
 * A URL or VCS reference written without `name @` follows the same rule.
 */
export interface UnpinnedRequirement {
  /** 1-based line number in the requirements file (the first line, when it goes on over several). */
  readonly line: number
  /** The requirement as written, without its comment and per-line options (`--hash=...`). */
  readonly text: string
  /** The project's name, for a message such as `name==<version>`; the text when it names none. */
  readonly name: string
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*/
const URL = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|(?:git|hg|svn|bzr)\+)/
/** The hash fragments pip checks an archive against. */
const HASH_FRAGMENT = /#(?:[^#]*&)?(?:sha1|sha224|sha256|sha384|sha512|md5)=[0-9a-f]+/i
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i

export function findUnpinnedRequirements(content: string): UnpinnedRequirement[] {
  const unpinned: UnpinnedRequirement[] = []
  for (const { line, text } of logicalLines(content)) {
    const requirement = withoutOptions(text.replace(/(^|\s)#.*$/, '').trim())
    // Blank lines, comments and pip options (-r, --index-url, ...) are not requirements.
    if (requirement === '' || requirement.startsWith('-')) continue
    const name = unpinnedName(requirement)
    if (name !== undefined) unpinned.push({ line, text: requirement, name })
  }
  return unpinned
}

/** The file's lines with `\` continuations joined, each numbered by the line it starts on. */
function logicalLines(content: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = []
  let pending: { line: number; text: string } | undefined
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const current = pending ?? { line: index + 1, text: '' }
      const continued = raw.endsWith('\\')
      current.text += continued ? raw.slice(0, -1) : raw
      pending = continued ? current : undefined
      if (!continued) lines.push(current)
    })
  if (pending) lines.push(pending)
  return lines
}

/** A requirement without the options pip allows after it on its line (`--hash=...`, `--config-settings`). */
function withoutOptions(requirement: string): string {
  return requirement.replace(/\s+--[A-Za-z].*$/, '')
}

/** undefined when `requirement` is pinned; else the name a message can suggest pinning. */
function unpinnedName(requirement: string): string | undefined {
  if (URL.test(requirement)) return urlIsPinned(requirement) ? undefined : eggName(requirement)
  const named = NAME.exec(requirement)
  if (!named) return requirement
  const name = named[1] ?? requirement
  const rest = requirement.slice(named[0].length)
  if (rest.startsWith('@')) return urlIsPinned(rest.slice(1).trim()) ? undefined : name
  // A version specifier (bare or in parentheses), then an environment marker after `;`.
  const specifier = (rest.split(';', 1)[0] ?? '').trim()
  if (specifier !== '' && !/^\(?\s*[<>=!~]/.test(specifier)) return requirement
  const clauses = specifier.replace(/^\(|\)$/g, '').split(',')
  const exact = clauses.some((clause) => /^\s*(?:===\s*\S+|==\s*[^\s*]+)\s*$/.test(clause))
  return exact ? undefined : name
}

/** A URL (its text up to the first white space, where a marker may follow) that names fixed contents. */
function urlIsPinned(reference: string): boolean {
  const url = reference.split(/\s/, 1)[0] ?? ''
  if (HASH_FRAGMENT.test(url)) return true
  const vcs = /^(git|hg|svn|bzr)\+/i.exec(url)?.[1]?.toLowerCase()
  if (!vcs) return false
  const revision = /@([^/@]+)$/.exec(url.split('#', 1)[0] ?? '')?.[1] ?? ''
  return vcs === 'svn' ? /^r?\d+$/.test(revision) : COMMIT.test(revision)
}

/** The project a bare URL installs (`#egg=name`), else the URL itself. */
function eggName(requirement: string): string {
  return /#(?:[^#]*&)?egg=([A-Za-z0-9._-]+)/.exec(requirement)?.[1] ?? requirement.split(/\s/, 1)[0] ?? requirement
}
