import { accessSync, constants, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { statOrUndefined } from '../shared/files.js'
import type { Fail } from './reader.js'

/**
 * The one place input paths are resolved and checked. Every file the action reads
 * (upload, hashing, smoke test, records) comes out of here as its real path, so a
 * symlink or `..` cannot smuggle in a file from outside the workspace, and nothing
 * under `.git/` (where actions/checkout keeps the job's token) is ever read.
 */
export class Workspace {
  /** The workspace's real path. */
  readonly root: string

  constructor(
    dir: string,
    readonly allowOutside: boolean
  ) {
    this.root = realOrSelf(resolve(dir))
  }

  /** Lexical resolution: relative paths are relative to the workspace. */
  resolve(raw: string): string {
    return isAbsolute(raw) ? raw : resolve(this.root, raw)
  }

  /** How messages name a path: relative to the workspace when inside it. */
  shown(full: string): string {
    const inside = this.relativeInside(full)
    return inside === undefined ? full : inside || '.'
  }

  /**
   * Why the file at real path `real` may not be read, or undefined when it may.
   * allow-outside-workspace lifts the workspace bound, never the .git rule.
   */
  refusal(real: string): { problem: string; fix: string } | undefined {
    const inside = this.relativeInside(real)
    const segments = (inside ?? real).split(sep)
    if (segments.includes('.git')) {
      return {
        problem: "inside a .git folder (it holds the checkout's credentials)",
        fix: 'Files under .git/ are never uploaded; point at a file elsewhere in the repository.'
      }
    }
    if (inside === undefined && !this.allowOutside) {
      return {
        problem: `outside the workspace ${this.root}`,
        fix: 'Keep the file in the repository, or set allow-outside-workspace: true if reading it is intended.'
      }
    }
    return undefined
  }

  /** `raw` as the user gave it, plus where it really leads when symlinks or `..` hide that. */
  describe(raw: string, real: string): string {
    const plain = real === this.resolve(raw) && !raw.split(/[\\/]/).includes('..')
    return plain ? `'${raw}' is` : `'${raw}' leads to ${this.shown(real)}, which is`
  }

  /**
   * A readable regular file named by input `input`, as its real path; undefined (and
   * a problem recorded) otherwise. `what` names the file in messages.
   */
  readableFile(input: string, raw: string, what: string, fail: Fail): string | undefined {
    const full = this.resolve(raw)
    const stat = statOrUndefined(full)
    if (!stat)
      return fail(
        input,
        `${what} '${raw}' does not exist (relative paths start at the workspace, ${this.root}).`,
        'Check the path. Did the job run actions/checkout?'
      )
    const real = realpathSync(full)
    const refused = this.refusal(real)
    if (refused) return fail(input, `${this.describe(raw, real)} ${refused.problem}.`, refused.fix)
    if (!stat.isFile()) return fail(input, `'${raw}' is not a file.`, `Point ${input} at a file.`)
    try {
      accessSync(real, constants.R_OK)
    } catch {
      return fail(input, `'${raw}' cannot be read by the runner.`, "Check the file's permissions.")
    }
    return real
  }

  /** The path relative to the workspace ('' for the workspace itself), or undefined when outside. */
  private relativeInside(full: string): string | undefined {
    const rel = relative(this.root, full)
    return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : rel
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path)
  } catch {
    return path
  }
}
