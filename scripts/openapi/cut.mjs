#!/usr/bin/env node
/**
 * `npm run openapi:cut`: cuts the few GitHub REST operations the action uses out of GitHub's
 * official OpenAPI description (the npm package @octokit/openapi, ~385 MB unpacked: too heavy
 * for every `npm ci`) into __tests__/fixtures/github-openapi/api.github.com.json, which the
 * GitHub stand-in (emulator/github/) checks every request and response against.
 *
 * The package is fetched with `npm pack` into a temporary folder (never node_modules), and only
 * the one JSON member is extracted. The cut keeps each operation and every `$ref` it reaches
 * (schemas, parameters, responses, headers); examples are dropped. Re-run it after raising
 * VERSION (`npm view @octokit/openapi version` names the newest), then run the stand-in's tests.
 *
 *   node scripts/openapi/cut.mjs              write the cut
 *   node scripts/openapi/cut.mjs --out <file> write it elsewhere
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export const PACKAGE = '@octokit/openapi'
export const VERSION = '23.0.2'
const MEMBER = 'package/generated/api.github.com.json'

/** What a deploy record (deployments and their statuses) and one pull-request comment need. */
export const OPERATIONS = [
  'repos/list-deployments',
  'repos/create-deployment',
  'repos/get-deployment',
  'repos/list-deployment-statuses',
  'repos/create-deployment-status',
  'repos/get-deployment-status',
  'issues/list-comments',
  'issues/create-comment',
  'issues/get-comment',
  'issues/update-comment'
]

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
/** Keys left out of the cut: examples (bulky, not checked) and links to them. */
const DROPPED = new Set(['examples', 'example'])

/** A deep copy without the DROPPED keys. */
function strip(value) {
  if (Array.isArray(value)) return value.map(strip)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !DROPPED.has(key))
      .map(([key, inner]) => [key, strip(inner)])
  )
}

/** Every '#/components/...' $ref inside value. */
function refsIn(value, found = []) {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found)
  else if (value !== null && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner)
      else refsIn(inner, found)
    }
  return found
}

/** The cut: the operations (with their path-level parameters) and the components they reach. */
export function cut(spec, operations = OPERATIONS, cutOn = new Date().toISOString().slice(0, 10)) {
  const paths = {}
  const missing = new Set(operations)
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (!operation || !operations.includes(operation.operationId)) continue
      missing.delete(operation.operationId)
      paths[path] ??= item.parameters ? { parameters: strip(item.parameters) } : {}
      paths[path][method] = strip(operation)
    }
  }
  if (missing.size > 0) throw new Error(`not in ${PACKAGE}@${VERSION}: ${[...missing].join(', ')}`)

  const components = {}
  const queue = refsIn(paths)
  const seen = new Set()
  while (queue.length > 0) {
    const ref = queue.shift()
    if (seen.has(ref)) continue
    seen.add(ref)
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref)
    if (!match) throw new Error(`unexpected $ref ${ref}`)
    const [, kind, name] = match
    const target = spec.components?.[kind]?.[name]
    if (target === undefined) throw new Error(`dangling $ref ${ref}`)
    const copy = strip(target)
    ;(components[kind] ??= {})[name] = copy
    queue.push(...refsIn(copy))
  }
  for (const kind of Object.keys(components)) components[kind] = sortKeys(components[kind])

  return {
    openapi: spec.openapi,
    info: {
      ...strip(spec.info),
      'x-cut': {
        package: `${PACKAGE}@${VERSION}`,
        member: MEMBER.replace(/^package\//, ''),
        cutOn,
        script: 'scripts/openapi/cut.mjs (npm run openapi:cut)',
        operations: [...operations]
      }
    },
    servers: spec.servers,
    paths: sortKeys(paths),
    components: sortKeys(components)
  }
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** npm pack into a temp folder, extract the one member, parse it. */
function download() {
  const work = mkdtempSync(join(tmpdir(), 'octokit-openapi-'))
  try {
    const packed = execFileSync(
      'npm',
      ['pack', `${PACKAGE}@${VERSION}`, '--pack-destination', work, '--silent', '--json'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }
    )
    const [{ filename }] = JSON.parse(packed)
    execFileSync('tar', ['-xzf', join(work, filename), '-C', work, MEMBER], { stdio: 'inherit' })
    return JSON.parse(readFileSync(join(work, MEMBER), 'utf8'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const here = dirname(fileURLToPath(import.meta.url))
const DEFAULT_OUT = resolve(here, '../../__tests__/fixtures/github-openapi/api.github.com.json')

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: DEFAULT_OUT } } })
  const result = cut(download())
  const text = JSON.stringify(result, null, 2) + '\n'
  mkdirSync(dirname(values.out), { recursive: true })
  writeFileSync(values.out, text)
  const count = Object.values(result.components).reduce((n, kind) => n + Object.keys(kind).length, 0)
  console.log(
    `${values.out}: ${OPERATIONS.length} operations, ${count} components, ` +
      `${Math.round(text.length / 1024)} KB from ${PACKAGE}@${VERSION}`
  )
}
