/**
 * Where `npm start` keeps a run's records, and which paths it reads: runs made at the same
 * time in one clone never share a folder, and paths are relative to where it was run.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'

/** Folders kept under .local-run/ besides the new one (the oldest go first). */
const KEEP = 20

/**
 * A fresh folder for this run, `<runs>/<time>-<pid>`, and `<runs>/latest` pointed at it
 * (replaced in one rename, so a reader never finds it missing). Older runs beyond the
 * newest KEEP are removed.
 */
export function newRunFolder(runsDir, now = new Date(), pid = process.pid) {
  mkdirSync(runsDir, { recursive: true })
  const name = `${now.toISOString().replace(/[:.]/g, '-')}-${pid}`
  const dir = join(runsDir, name)
  mkdirSync(dir)
  const staged = join(runsDir, `.latest-${pid}`)
  rmSync(staged, { force: true })
  symlinkSync(name, staged)
  renameSync(staged, join(runsDir, 'latest'))
  const runs = readdirSync(runsDir)
    .filter((entry) => /^\d{4}-\d\d-\d\dT[\d-]+Z-\d+$/.test(entry))
    .sort()
  for (const old of runs.slice(0, Math.max(0, runs.length - KEEP - 1)))
    rmSync(join(runsDir, old), { recursive: true, force: true })
  return dir
}

/** Inputs whose lines are paths (a schema line may be `name=path`, an extra-files line `!pattern`). */
const PATH_INPUTS = [
  'source-file',
  'requirements-file',
  'env-file',
  'schema',
  'extra-files',
  'smoke-test-input',
  'smoke-test-expect'
]
const looksLikeJson = (text) => /^\s*([{["]|-?\d|true\b|false\b|null\b)/.test(text)

/**
 * The inputs with each relative path written relative to `from` (where `npm start` was run)
 * rewritten relative to `workspace`, for runs whose workspace is not that folder (the
 * project's sample). Inline JSON, absolute paths and names stay as they are.
 */
export function rebasePaths(inputs, from, workspace) {
  if (resolve(from) === resolve(workspace)) return inputs
  const rebase = (path) => {
    if (path === '' || isAbsolute(path) || looksLikeJson(path)) return path
    const moved = relative(workspace, resolve(from, path))
    return moved.startsWith('..') ? resolve(from, path) : moved
  }
  const line = (text) => {
    const [, prefix = '', path = text] = /^(!|[A-Za-z][\w-]{0,63}=)?(.*)$/s.exec(text) ?? []
    return prefix + rebase(path)
  }
  const out = { ...inputs }
  for (const name of PATH_INPUTS)
    if (out[name] !== undefined && !looksLikeJson(out[name])) out[name] = out[name].split('\n').map(line).join('\n')
  return out
}
