import { basename } from 'node:path'
import fg from 'fast-glob'
import { statOrUndefined } from '../files.js'
import type { InputReader } from './reader.js'
import type { Workspace } from './workspace.js'
import { realpathSync } from 'node:fs'

const GLOB_CHARS = /[*?[\]{}]/

export interface ExtraFile {
  /** Real path. */
  readonly path: string
  /** As the user wrote or the glob matched it. */
  readonly shown: string
  readonly uploadName: string
}

/**
 * `extra-files`: one path or glob a line (blank lines and `#` comments skipped,
 * `!pattern` excludes). Every line must match something, and no two files may share a
 * base name: the server puts them all in one folder, so one would overwrite the other.
 */
export function expandExtraFiles(reader: InputReader, workspace: Workspace): ExtraFile[] {
  const { fail } = reader
  const cwd = workspace.root
  const lines = reader.get('extra-files').split(/\r?\n/).map(line => line.trim()).filter(line => line && !line.startsWith('#'))
  const ignore = lines.filter(line => line.startsWith('!')).map(line => line.slice(1))
  const found = new Map<string, string>() // real path -> as the user wrote/matched it
  for (const line of lines.filter(line => !line.startsWith('!'))) {
    if (GLOB_CHARS.test(line)) {
      const matches = fg.sync(line, { cwd, ignore, onlyFiles: true, dot: true, absolute: false })
      if (matches.length === 0) fail('extra-files', `the pattern '${line}' matches no file (searched from the workspace ${cwd}).`, 'Fix the pattern or remove the line.')
      for (const match of matches.sort()) found.set(realpathSync(workspace.resolve(match)), match)
      continue
    }
    const full = workspace.resolve(line)
    const stat = statOrUndefined(full)
    if (!stat) fail('extra-files', `'${line}' does not exist (relative paths start at the workspace, ${cwd}).`, 'Fix the path or remove the line.')
    else if (!stat.isFile()) fail('extra-files', `'${line}' is a folder.`, `List its files, or use a glob such as ${line.replace(/\/$/, '')}/**.`)
    else found.set(realpathSync(full), line)
  }
  const byName = new Map<string, string>()
  const result: ExtraFile[] = []
  for (const [full, shown] of found) {
    const uploadName = basename(full)
    const earlier = byName.get(uploadName)
    if (earlier) {
      fail('extra-files', `'${earlier}' and '${shown}' have the same file name '${uploadName}'; on the server one would overwrite the other.`, 'Rename one of them.')
      continue
    }
    byName.set(uploadName, shown)
    result.push({ path: full, shown, uploadName })
  }
  return result
}
