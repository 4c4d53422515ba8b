import { readFileSync } from 'node:fs'
import { posix } from 'node:path'
import type { UploadFile } from '../shared/files.js'
import { readRequirementLines, type RequirementLine } from '../shared/requirements.js'
import type { InputReader } from './reader.js'
import type { RequirementNote } from './spec.js'

const PINNED_VCS = 'name @ git+https://…@<full-commit-sha>'
const WHEEL_FIX =
  'Build a wheel (python -m build --wheel), add it to extra-files and name it alone on its line ' +
  `(mylib-1.0-py3-none-any.whl), or install it from an index (name==<version>) or a pinned VCS URL (${PINNED_VCS}).`

/**
 * The requirements file read against what the server will have (src/shared/requirements.ts
 * classifies the lines; this is the one home of their messages). The server builds with
 * pip from the uploaded files alone, all in one folder (extra-files are uploaded under
 * their base names), so:
 * - errors (certain to fail the build): a `-r`/`-c` include or a relative path that is not
 *   an uploaded file at the top of that folder; an editable (`-e`) local path, as a folder
 *   is never uploaded;
 * - warnings on the line: an absolute path or `file:` URL (the build machine's disk is not
 *   the runner's), a package-index option (a private index may be out of the server's
 *   reach), and every line whose version can change: unpinned, wildcard, an archive URL
 *   without a hash, a VCS reference to a branch or tag — each with a fix in pip's syntax.
 * An include that is uploaded is read by the same rules, its notes annotated on its own lines.
 */
export function checkRequirementLines(
  reader: InputReader,
  content: string,
  files: readonly UploadFile[],
  shownOf: (file: UploadFile) => string
): RequirementNote[] {
  const extras = new Map(files.filter((file) => file.part === 'extra').map((file) => [file.uploadName, file]))
  const uploaded = new Set(extras.keys())
  const notes: RequirementNote[] = []
  const read = new Set<string>()
  // An uploaded include is read too, under the same rules (once, however often it is included).
  const check = (text: string, file: string | undefined): void => {
    for (const entry of readRequirementLines(text)) {
      if (entry.kind === 'include' || entry.kind === 'path') {
        const note = localFile(reader, entry, uploaded, file)
        if (note) notes.push({ line: entry.line, file, ...note })
        const included = entry.kind === 'include' ? extras.get(entry.target ?? '') : undefined
        if (included?.localPath && !read.has(included.uploadName)) {
          read.add(included.uploadName)
          check(readFileSync(included.localPath, 'utf8'), shownOf(included))
        }
      } else notes.push({ line: entry.line, file, ...warningFor(entry) })
    }
  }
  check(content, undefined)
  return notes
}

/** An include or a path: an input error when the server cannot have it; a warning when it may not. */
function localFile(
  reader: InputReader,
  entry: RequirementLine,
  uploaded: ReadonlySet<string>,
  file: string | undefined
): Omit<RequirementNote, 'line'> | undefined {
  const target = entry.target ?? entry.text
  const at = `line ${entry.line}${file ? ` of ${file} (included)` : ''} '${entry.text}'`
  if (/^file:/i.test(target) || /^[/~\\]/.test(target) || /^[A-Za-z]:[/\\]/.test(target))
    return {
      title: 'Path on the build machine',
      message:
        `'${entry.text}' names a file by its absolute path, which exists on the runner, not where the server ` +
        'builds: the server has only the uploaded files. Add it to extra-files and name it alone on its line.'
    }
  const relative = posix.normalize(target.replace(/\\/g, '/')).replace(/^\.\//, '')
  const base = posix.basename(relative)
  if (entry.editable) {
    reader.fail(
      'requirements-file',
      `${at} installs the folder '${target}' from the runner in editable mode; the server builds from the ` +
        'uploaded files alone, and extra-files uploads files, never folders.',
      WHEEL_FIX
    )
    return undefined
  }
  if (relative === base && uploaded.has(base)) return undefined
  const what = entry.kind === 'include' ? `includes '${target}'` : `installs '${target}' from the runner`
  const why = uploaded.has(base)
    ? `'${base}' is uploaded, but at the top of the script's folder on the server, not at '${target}'.`
    : 'the server builds from the uploaded files alone, and this is not one of them.'
  reader.fail(
    'requirements-file',
    `${at} ${what}; ${why}`,
    uploaded.has(base)
      ? `Write it as '${entry.text.replace(target, base)}': uploaded files land in one folder.`
      : entry.kind === 'include'
        ? `Add ${base} to extra-files and write the line as '${entry.text.replace(target, base)}', ` +
          'or copy its lines into this file.'
        : WHEEL_FIX
  )
  return undefined
}

function warningFor(entry: RequirementLine): Omit<RequirementNote, 'line'> {
  const fix = entry.suggestion ? ` Pin it: ${entry.suggestion}` : ' Pin it to one version (name==<version>).'
  switch (entry.kind) {
    case 'index':
      return {
        title: 'Package index option',
        message:
          `'${entry.text}' changes where the server's pip looks for packages. The server ` +
          'builds from the uploaded requirements.txt on its own network: a private index, one inside your ' +
          'network or one that needs credentials may be out of its reach (and credentials written here are ' +
          'uploaded with the file). Prefer packages from the public index, or check with your MLOps ' +
          'administrator that builds reach this one.'
      }
    case 'wildcard':
      return {
        title: 'Wildcard pin',
        message: `'${entry.text}' pins a wildcard: the next build may install any matching release.${fix}`
      }
    case 'url':
      return {
        title: 'URL without a hash',
        message:
          `'${entry.text}' installs whatever the URL serves when the server builds. ` +
          `Add the archive's hash, which pip checks: ${entry.suggestion ?? ''}`
      }
    case 'vcs': {
      const moving = entry.target ? `'${entry.target}', a branch or tag, which can move` : 'the default branch'
      return {
        title: 'VCS reference not pinned',
        message:
          `'${entry.text}' follows ${moving}: ` +
          `the next build may install other code. Pin a full commit: ${entry.suggestion ?? PINNED_VCS}`
      }
    }
    default:
      return {
        title: 'Unpinned requirement',
        message: `'${entry.text}' is not pinned to one version: the next build may install a different one.${fix}`
      }
  }
}
