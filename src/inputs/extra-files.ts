import { realpathSync } from 'node:fs'
import { basename, isAbsolute } from 'node:path'
import fg from 'fast-glob'
import { statOrUndefined } from '../shared/files.js'
import type { InputReader } from './reader.js'
import type { Workspace } from './workspace.js'

/** More matches than this is a pattern gone wrong (a `**` at the top of a repository). */
export const MAX_GLOB_MATCHES = 500
/** How many paths one message lists before "and N more". */
const LISTED = 5
/** Never matched by a glob: the checkout's credentials and history, and installed packages. */
const NEVER_GLOBBED = ['**/.git', '**/.git/**', '**/node_modules/**']

export interface ExtraFile {
  /** Real path. */
  readonly path: string
  /** As the user wrote or the glob matched it. */
  readonly shown: string
  readonly uploadName: string
}

/** A file that looks like dotenv secrets: `.env`, `*.env`, `.env.*`. */
export function looksLikeEnvFile(name: string): boolean {
  return name === '.env' || name.endsWith('.env') || name.startsWith('.env.')
}

/** "a, b, c and 12 more": a message stays short however many paths a line concerns. */
export function listSome(items: readonly string[]): string {
  const shown = items.slice(0, LISTED).join(', ')
  return items.length > LISTED ? `${shown} and ${items.length - LISTED} more` : shown
}

/**
 * `extra-files`: one path or glob a line (blank lines and `#` comments skipped,
 * `!pattern` excludes, from globs and literal lines alike). Every line must match
 * something; nothing may come from outside the workspace or look like an env file
 * (its values would be uploaded unmasked); no two files may share a base name (the
 * server puts them in one folder, so one would overwrite the other).
 */
export function expandExtraFiles(reader: InputReader, workspace: Workspace): ExtraFile[] {
  const { fail } = reader
  const lines = reader
    .get('extra-files')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  const exclusions = lines.filter((line) => line.startsWith('!')).map((line) => line.slice(1).trim())
  const found = new Map<string, string>() // real path -> as the user wrote or the glob matched it

  for (const line of lines.filter((line) => !line.startsWith('!'))) {
    const candidates = fg.isDynamicPattern(line) ? globbed(line) : literal(line)
    const outside: string[] = []
    const envLike: string[] = []
    for (const shown of candidates) {
      const real = realpathSync(workspace.resolve(shown))
      const refused = workspace.refusal(real)
      if (refused)
        outside.push(
          real === workspace.resolve(shown)
            ? `${shown} (${refused.problem})`
            : `${shown} (leads to ${workspace.shown(real)}, ${refused.problem})`
        )
      else if (looksLikeEnvFile(basename(shown)) || looksLikeEnvFile(basename(real))) envLike.push(shown)
      else found.set(real, shown)
    }
    if (outside.length > 0)
      fail(
        'extra-files',
        `'${line}' gives ${count(outside.length)} that may not be read: ${listSome(outside)}.`,
        'Keep extra files in the repository (outside .git/), ' +
          'or set allow-outside-workspace: true for files outside it.'
      )
    if (envLike.length > 0)
      fail(
        'extra-files',
        `'${line}' gives ${count(envLike.length)} that ${envLike.length === 1 ? 'looks' : 'look'} ` +
          `like env files (${listSome(envLike)}); extra files are uploaded as they are, with their values unmasked.`,
        "Pass secrets as env-file: (its values are masked), or exclude them with a '!' line."
      )
  }

  warnUnusedExclusions(lines.filter((line) => !line.startsWith('!')))

  const byName = new Map<string, string>()
  const clashes: string[] = []
  const result: ExtraFile[] = []
  for (const [path, shown] of found) {
    // The name the user sees (a symlink's, not its target's) is the name on the server.
    const uploadName = basename(shown)
    const earlier = byName.get(uploadName)
    if (earlier) clashes.push(`'${earlier}' and '${shown}' (${uploadName})`)
    else {
      byName.set(uploadName, shown)
      result.push({ path, shown, uploadName })
    }
  }
  if (clashes.length > 0)
    fail(
      'extra-files',
      `${clashes.length === 1 ? 'two files have' : `${clashes.length} pairs of files have`} the same file name: ` +
        `${listSome(clashes)}; on the server one would overwrite the other.`,
      'Rename one of each pair, or exclude one.'
    )
  return result

  /** The files a glob matches, relative to the workspace, less the exclusions'; none inside .git/ or node_modules/. */
  function matching(line: string, excluded: readonly string[]): string[] {
    return fg.sync(line, {
      cwd: workspace.root,
      ignore: [...NEVER_GLOBBED, ...excluded],
      onlyFiles: true,
      // Dot files only when the pattern itself names a dot segment (`.github/**`, `**/.flake8`).
      dot: line.split('/').some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..'),
      unique: true
    })
  }

  function globbed(line: string): string[] {
    const matches = matching(line, exclusions)
    const before = matches.length === 0 && exclusions.length > 0 ? matching(line, []) : []
    if (before.length > 0) {
      const removing = exclusions.filter((exclusion) => matching(line, [exclusion]).length < before.length)
      fail(
        'extra-files',
        `the pattern '${line}' matches ${count(before.length)} (${listSome(before.sort())}), but ` +
          `${removing.map((exclusion) => `'!${exclusion}'`).join(' and ')} ` +
          `${removing.length === 1 ? 'excludes' : 'exclude'} every one of them, so the line uploads nothing.`,
        'Narrow the exclusion, or remove the line.'
      )
    } else if (matches.length === 0)
      fail(
        'extra-files',
        `the pattern '${line}' matches no file (searched from the workspace ${workspace.root}; ` +
          '.git/, node_modules/ and dot files not named by the pattern are skipped).',
        'Fix the pattern or remove the line.'
      )
    if (matches.length > MAX_GLOB_MATCHES) {
      fail(
        'extra-files',
        `the pattern '${line}' matches ${matches.length} files (at most ${MAX_GLOB_MATCHES}), ` +
          `e.g. ${listSome(matches.sort())}.`,
        "Narrow the pattern, or exclude folders with '!' lines."
      )
      return []
    }
    return matches.sort()
  }

  /**
   * A '!' line that removes no file any other line gives has no effect: most often it was
   * written as .gitignore reads it (`*.csv` at any depth, `folder/` for a folder), while
   * here, as in the other lines, a pattern is matched against the whole path from the workspace.
   */
  function warnUnusedExclusions(included: readonly string[]): void {
    for (const exclusion of exclusions) {
      if (included.some((line) => removes(line, exclusion))) continue
      const folder = exclusion.replace(/\/+$/, '')
      const isFolder = exclusion.endsWith('/') || statOrUndefined(workspace.resolve(folder))?.isDirectory()
      const hint = isFolder
        ? `To exclude a folder's files, write '!${folder}/**'.`
        : !exclusion.includes('/')
          ? `Patterns match the whole path from the workspace: '!${exclusion}' only excludes at its top, ` +
            `'!**/${exclusion}' at any depth.`
          : 'Patterns match the whole path from the workspace (no leading /); check it against the paths ' +
            'the other lines give, or remove the line.'
      reader.warnings.push(
        `Input 'extra-files': '!${exclusion}' excludes no file the other lines give, so it has no effect. ${hint}`
      )
    }
  }

  /** Whether an exclusion drops a file that `line` (a glob or a path) gives. */
  function removes(line: string, exclusion: string): boolean {
    if (fg.isDynamicPattern(line)) return matching(line, [exclusion]).length < matching(line, []).length
    const relativePath = workspace.shown(workspace.resolve(line))
    if (isAbsolute(relativePath) || !statOrUndefined(workspace.resolve(line))?.isFile()) return false
    const pattern = fg.escapePath(relativePath)
    return fg.sync(pattern, { cwd: workspace.root, ignore: [exclusion], dot: true }).length === 0
  }

  /** A literal line: it must be an existing file; an exclusion that matches it drops it. */
  function literal(line: string): string[] {
    const full = workspace.resolve(line)
    const stat = statOrUndefined(full)
    if (!stat)
      return (
        fail(
          'extra-files',
          `'${line}' does not exist (relative paths start at the workspace, ${workspace.root}).`,
          'Fix the path or remove the line.'
        ) ?? []
      )
    if (!stat.isFile())
      return (
        fail(
          'extra-files',
          `'${line}' is a folder.`,
          `List its files, or use a glob such as ${line.replace(/\/$/, '')}/**.`
        ) ?? []
      )
    const relativePath = workspace.shown(full)
    const excluded =
      !isAbsolute(relativePath) &&
      fg.sync(fg.escapePath(relativePath), { cwd: workspace.root, ignore: exclusions, dot: true }).length === 0
    if (excluded)
      reader.warnings.push(
        `Input 'extra-files': '${line}' is named on its own line and excluded by a '!' line, so it is not uploaded. ` +
          'Remove one of the two lines.'
      )
    return excluded ? [] : [line]
  }
}

function count(n: number): string {
  return n === 1 ? '1 file' : `${n} files`
}
