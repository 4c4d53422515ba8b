/**
 * Reads a requirements file as pip does, and classifies the lines a server build may not
 * reproduce or cannot install. The action turns them into warnings and input errors
 * (src/inputs/requirement-lines.ts, the one home of their messages); the emulator's build
 * log lists the unpinned ones (findUnpinnedRequirements), so the two cannot disagree.
 *
 * The file is read as pip reads a requirements file: a line ending in `\` goes on on the
 * next one; `#` at the start or after white space starts a comment; blank lines are none.
 * A requirement is pinned when the version it installs cannot change:
 * - `name==1.2.3` or `name===1.2.3` (with extras, an environment marker or more clauses
 *   beside it: `name[extra]==1.0; python_version<"3.9"`), but not a wildcard (`==1.*`);
 * - `name @ git+https://...@<commit>`: a VCS reference to a full commit hash (40 or 64 hex;
 *   for Subversion a revision number), never a branch or tag, which can move;
 * - `name @ https://.../name-1.0.whl#sha256=<hex>`: an archive URL with a hash fragment,
 *   which pip checks. Without the hash, what the URL serves can change.
 * A URL or VCS reference written without `name @` (or after `-e`) follows the same rule.
 * Paths (`./lib`, `dist/lib-1.0.whl`, `-e ./pkg`, `file:` URLs), includes (`-r`, `-c`) and
 * package-index options are classified apart: whether they work depends on what is uploaded.
 */
export type RequirementKind =
  /** No exact pin: `pandas`, `numpy>=1.26`. */
  | 'unpinned'
  /** A wildcard pin: `pandas==2.*`. */
  | 'wildcard'
  /** An archive URL without a hash fragment. */
  | 'url'
  /** A VCS reference to a branch, a tag or nothing, not a full commit. */
  | 'vcs'
  /** A path on the runner (`./lib`, `dist/lib.whl`, `-e ./pkg`, `file:///...`). */
  | 'path'
  /** `-r file` or `-c file`: another requirements or constraints file. */
  | 'include'
  /** `--index-url`, `--extra-index-url`, `-i`, `--find-links`, `-f`, `--no-index`, `--trusted-host`. */
  | 'index'

export interface RequirementLine {
  readonly kind: RequirementKind
  /** 1-based line number in the requirements file (the first line, when it goes on over several). */
  readonly line: number
  /** The line as written, without its comment and per-line options; credentials in URLs shown as `***`. */
  readonly text: string
  /** The project's name when the line names one (`pandas`, `lib` of `lib @ ...` or `#egg=lib`). */
  readonly name?: string
  /** path, include: the path or file:// URL; index: the option's name (`--index-url`). */
  readonly target?: string
  /** path: installed in editable mode (`-e`), which needs a folder. */
  readonly editable?: boolean
  /** unpinned, wildcard, url, vcs: the line written pinned, valid pip syntax (`<...>` to fill in). */
  readonly suggestion?: string
}

/** What the emulator and older callers read: an unpinned line and the name to pin. */
export interface UnpinnedRequirement {
  readonly line: number
  readonly text: string
  /** The project's name, for a message such as `name==<version>`; the text when it names none. */
  readonly name: string
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*/
const URL = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|(?:git|hg|svn|bzr)\+)/
/** The hash fragments pip checks an archive against. */
const HASH_FRAGMENT = /#(?:[^#]*&)?(?:sha1|sha224|sha256|sha384|sha512|md5)=[0-9a-f]+/i
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i
const ARCHIVE = /\.(?:whl|zip|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|tar)$/i
const INCLUDE = /^(?:-([rc])\s*|--(requirement|constraint)(?:\s*=\s*|\s+))(\S+)/
const EDITABLE = /^(?:-e\s*|--editable(?:\s*=\s*|\s+))(\S+)/
const INDEX = /^(--index-url|--extra-index-url|--find-links|--no-index|--trusted-host|-i|-f)/

/** Every line that is not plainly a pinned requirement, a comment or a harmless option. */
export function readRequirementLines(content: string): RequirementLine[] {
  const found: RequirementLine[] = []
  for (const { line, text } of logicalLines(content)) {
    const entry = classify(withoutOptions(text.replace(/(^|\s)#.*$/, '').trim()))
    if (entry) found.push({ line, ...entry, text: hideCredentials(entry.text) })
  }
  return found
}

/**
 * Every requirement of the file as written, one entry per logical line, without comments
 * and with credentials in URLs shown as `***`: what a plan compares from one deploy to the next.
 */
export function requirementTexts(content: string): string[] {
  return logicalLines(content)
    .map(({ text }) => hideCredentials(text.replace(/(^|\s)#.*$/, '').trim()))
    .filter((text) => text !== '')
}

/** The lines whose version can change from one build to the next (for the emulator's build log). */
export function findUnpinnedRequirements(content: string): UnpinnedRequirement[] {
  return readRequirementLines(content)
    .filter((entry) => ['unpinned', 'wildcard', 'url', 'vcs'].includes(entry.kind))
    .map(({ line, text, name }) => ({ line, text, name: name ?? text }))
}

type Classified = Omit<RequirementLine, 'line'>

function classify(requirement: string): Classified | undefined {
  if (requirement === '') return undefined
  const include = INCLUDE.exec(requirement)
  if (include)
    return URL.test(include[3] ?? '') ? undefined : { kind: 'include', text: requirement, target: include[3] }
  const editable = EDITABLE.exec(requirement)
  if (editable) {
    const target = editable[1] ?? ''
    if (URL.test(target) && !/^file:/i.test(target)) return classifyRequirement(target, requirement)
    return { kind: 'path', text: requirement, target, editable: true }
  }
  const index = INDEX.exec(requirement)
  if (index) return { kind: 'index', text: requirement, target: index[1] }
  // Any other option (--pre, --no-binary, ...) changes how, not what, pip installs.
  if (requirement.startsWith('-')) return undefined
  return classifyRequirement(requirement, requirement)
}

/** A requirement proper (`requirement`), reported as `text` (the whole line, `-e` included). */
function classifyRequirement(requirement: string, text: string): Classified | undefined {
  if (/^file:/i.test(requirement) || isPath(requirement)) return { kind: 'path', text, target: firstWord(requirement) }
  if (URL.test(requirement)) return classifyUrl(requirement, eggName(requirement), text)
  const named = NAME.exec(requirement)
  if (!named) return { kind: 'unpinned', text }
  const name = named[1] ?? requirement
  const rest = requirement.slice(named[0].length)
  if (rest.startsWith('@')) {
    const reference = rest.slice(1).trim()
    if (/^file:/i.test(reference)) return { kind: 'path', text, name, target: firstWord(reference) }
    return classifyUrl(reference, name, text)
  }
  // A version specifier (bare or in parentheses), then an environment marker after `;`.
  const [specifierPart = '', ...markers] = rest.split(';')
  const specifier = specifierPart.trim()
  const marker = markers.length > 0 ? ` ; ${markers.join(';').trim()}` : ''
  const suggestion = `${named[0].trim()}==<version>${marker}`
  if (specifier !== '' && !/^\(?\s*[<>=!~]/.test(specifier)) return { kind: 'unpinned', text, name }
  const clauses = specifier.replace(/^\(|\)$/g, '').split(',')
  if (clauses.some((clause) => /^\s*(?:===\s*\S+|==\s*[^\s*]+)\s*$/.test(clause))) return undefined
  const wildcard = clauses.some((clause) => /^\s*==\s*\S*\*\s*$/.test(clause))
  return { kind: wildcard ? 'wildcard' : 'unpinned', text, name, suggestion }
}

/** A URL (its text up to the first white space, where a marker may follow); undefined when it names fixed contents. */
function classifyUrl(reference: string, name: string | undefined, text: string): Classified | undefined {
  const url = firstWord(reference)
  const who = name ?? '<name>'
  if (HASH_FRAGMENT.test(url)) return undefined
  const vcs = /^(git|hg|svn|bzr)\+/i.exec(url)?.[1]?.toLowerCase()
  const beforeFragment = url.split('#', 1)[0] ?? url
  if (!vcs) return { kind: 'url', text, name, suggestion: hideCredentials(`${who} @ ${beforeFragment}#sha256=<hash>`) }
  const revision = /@([^/@]+)$/.exec(beforeFragment)?.[1] ?? ''
  if (vcs === 'svn' ? /^r?\d+$/.test(revision) : COMMIT.test(revision)) return undefined
  const repository = revision ? beforeFragment.slice(0, -revision.length - 1) : beforeFragment
  const pin = vcs === 'svn' ? '<revision>' : '<full-commit-sha>'
  return {
    kind: 'vcs',
    text,
    name,
    target: revision || undefined,
    suggestion: hideCredentials(`${who} @ ${repository}@${pin}`)
  }
}

/** A local path rather than a project name: `./lib`, `../x`, `/abs`, `~/x`, `dist/lib.whl`, `lib-1.0.tar.gz`. */
function isPath(requirement: string): boolean {
  const word = firstWord(requirement)
  if (URL.test(word) || /\s@\s|^[^/\\]*@/.test(requirement)) return false
  return /^[.~/\\]/.test(word) || /[/\\]/.test(word) || ARCHIVE.test(word)
}

function firstWord(text: string): string {
  return text.split(/\s/, 1)[0] ?? text
}

/**
 * A URL's user information shown as `***` (`https://***@pypi.example.com`): a token in a
 * requirements file must not reach the log. `git@` (an SSH user) and `${VARIABLE}` (which
 * pip expands from the build's environment) are no secrets and stay.
 */
export function hideCredentials(text: string): string {
  return text.replace(/(\/\/)([^/@\s]+)@/g, (whole, slashes: string, user: string) =>
    user === 'git' || /^(?:\$\{[A-Za-z_][A-Za-z0-9_]*\}:?)+$/.test(user) ? whole : `${slashes}***@`
  )
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
  if (requirement.startsWith('-')) return requirement
  return requirement.replace(/\s+--[A-Za-z].*$/, '')
}

/** The project a bare URL installs (`#egg=name`). */
function eggName(requirement: string): string | undefined {
  return /#(?:[^#]*&)?egg=([A-Za-z0-9._-]+)/.exec(requirement)?.[1]
}
