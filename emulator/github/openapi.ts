/**
 * The OpenAPI cut (scripts/openapi/cut.mjs) as routes and ajv validators: which operation a
 * request is, whether its path parameters, query and body fit, and whether an answer does.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

/** Where the cut lives, from the repository root. */
export const CUT_PATH = '__tests__/fixtures/github-openapi/api.github.com.json'
const DOC_ID = 'https://github-stand-in.local/openapi.json'

type Schema = Record<string, unknown>
interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema: Schema
}
interface Operation {
  operationId: string
  externalDocs?: { url: string }
  parameters?: ({ $ref: string } | Parameter)[]
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> }
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>
}
interface Cut {
  info: { 'x-cut': { package: string; operations: string[] } }
  paths: Record<string, Record<string, Operation>>
  components: Record<string, Record<string, unknown>>
}

/** A misfit is refused (GitHub's 422); an unknown field or parameter GitHub ignores, so it is only recorded. */
export interface Checked {
  misfits: string[]
  unknown: string[]
  /** The misfits in the words of GitHub's 422 (`"ref" wasn't supplied.`), where GitHub's wording is known. */
  said?: string[]
}

export interface Route {
  operationId: string
  method: string
  template: string
  /** The operation's page on docs.github.com (GitHub's `documentation_url`). */
  docs: string
  match(pathname: string): Record<string, string> | undefined
  /** Path parameters and query (coerced from text, as GitHub reads them): misfits, and unknown query parameters. */
  checkParams(params: Record<string, string>, query: Record<string, string>): Checked
  /** Problems with the body: a misfit (GitHub's 422), and unknown fields GitHub would ignore. */
  checkBody(body: unknown): Checked
  /** Problems with an answer. A status the operation does not list fits when it is an error in GitHub's shape. */
  checkResponse(status: number, body: unknown): string[]
}

export interface OpenApiCut {
  source: string
  routes: Route[]
}

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, CUT_PATH))) {
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`GitHub stand-in: cannot find ${CUT_PATH} above ${fileURLToPath(import.meta.url)}`)
    dir = up
  }
  return dir
}

/** '#/components/...' → the cut's own document in ajv, so one schema compiles once. */
function anchored(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(anchored)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/') ? DOC_ID + inner : anchored(inner)
    ])
  )
}

/**
 * An answer's string whose own default is "" may be "": GitHub's description gives the status URLs
 * (`target_url`, `log_url`, `environment_url`) a `uri` format and the default "", which GitHub sends.
 */
function emptyDefaultsFit(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(emptyDefaultsFit)
  if (value === null || typeof value !== 'object') return value
  const node = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, emptyDefaultsFit(inner)]))
  if (node.default !== '' || typeof node.format !== 'string') return node
  const { format, ...rest } = node
  return { ...rest, anyOf: [{ const: '' }, { format }] }
}

/** A body misfit as GitHub words it in its 422 "Invalid request." message; ajv's words otherwise. */
function githubWords(errors: ErrorObject[] | null | undefined, body: unknown): string[] {
  return (errors ?? []).map((e) => {
    if (e.keyword === 'required' && e.instancePath === '')
      return `"${String(e.params.missingProperty)}" wasn't supplied.`
    const field = e.instancePath.replace(/^\//, '').replace(/\//g, '/properties/')
    const value = e.instancePath
      .split('/')
      .slice(1)
      .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], body)
    if (e.keyword === 'type')
      return `For 'properties/${field}', ${JSON.stringify(value)} is not a ${String(e.params.type)}.`
    return `For 'properties/${field}', ${JSON.stringify(value)} ${e.message ?? 'does not fit'}.`
  })
}

function explain(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${where}${e.instancePath || ''} ${e.message ?? 'does not fit'}`.trim())
}

function newAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes })
  // ajv-formats is CommonJS: its default export arrives as the module object under some loaders.
  const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
    addFormatsModule) as unknown as (ajv: Ajv) => void
  addFormats(ajv)
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 })
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) })
  return ajv
}

const loaded = new Map<string, OpenApiCut>()

/** The cut's routes, compiled once per file (ajv compiling is the slow part of starting). */
export function loadCut(file = path.join(repoRoot(), CUT_PATH)): OpenApiCut {
  let found = loaded.get(file)
  if (!found) {
    found = compileCut(file)
    loaded.set(file, found)
  }
  return found
}

function compileCut(file: string): OpenApiCut {
  const cut = JSON.parse(readFileSync(file, 'utf8')) as Cut
  const strictAjv = newAjv(false)
  const textAjv = newAjv(true)
  const answerAjv = newAjv(false)
  for (const ajv of [strictAjv, textAjv]) ajv.addSchema({ $id: DOC_ID, components: cut.components })
  answerAjv.addSchema({ $id: DOC_ID, components: emptyDefaultsFit(cut.components) })
  const deref = <T>(item: T | { $ref: string }): T => {
    if (item && typeof item === 'object' && '$ref' in item) {
      const [, kind = '', name = ''] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(item.$ref) ?? []
      return cut.components[kind]?.[name] as T
    }
    return item
  }
  const errorShape = answerAjv.compile(anchored({ $ref: '#/components/schemas/basic-error' }) as Schema)

  const routes: Route[] = []
  for (const [template, item] of Object.entries(cut.paths)) {
    const names: string[] = []
    const pattern = new RegExp(
      '^' +
        template.replace(/\{([^}]+)\}/g, (_, name: string) => {
          names.push(name)
          return '([^/]+)'
        }) +
        '$'
    )
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters') continue
      const parameters = (operation.parameters ?? []).map((p) => deref<Parameter>(p))
      const objectOf = (where: 'path' | 'query'): ValidateFunction => {
        const own = parameters.filter((p) => p.in === where)
        return textAjv.compile(
          anchored({
            type: 'object',
            properties: Object.fromEntries(own.map((p) => [p.name, p.schema])),
            required: own.filter((p) => p.required).map((p) => p.name)
          }) as Schema
        )
      }
      const checkPath = objectOf('path')
      const checkQuery = objectOf('query')
      const known = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name))
      const bodySchema = operation.requestBody?.content['application/json']?.schema
      const checkBodySchema = bodySchema ? strictAjv.compile(anchored(bodySchema) as Schema) : undefined
      const bodyFields = new Set(Object.keys((bodySchema?.properties as Schema | undefined) ?? {}))
      const answers = new Map<string, ValidateFunction | undefined>()
      for (const [code, response] of Object.entries(operation.responses)) {
        const schema = deref(response).content?.['application/json']?.schema
        answers.set(code, schema ? answerAjv.compile(anchored(emptyDefaultsFit(schema)) as Schema) : undefined)
      }
      const name = operation.operationId
      routes.push({
        operationId: name,
        method: method.toUpperCase(),
        template,
        docs: operation.externalDocs?.url ?? 'https://docs.github.com/rest',
        match(pathname) {
          const found = pattern.exec(pathname)
          if (!found) return undefined
          return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1] ?? '')]))
        },
        checkParams(params, query) {
          const misfits: string[] = []
          const pathCopy: Record<string, unknown> = { ...params }
          if (!checkPath(pathCopy)) misfits.push(...explain(`${name}: path`, checkPath.errors))
          const queryCopy: Record<string, unknown> = { ...query }
          if (!checkQuery(queryCopy)) misfits.push(...explain(`${name}: query`, checkQuery.errors))
          const unknown = Object.keys(query)
            .filter((key) => !known.has(key))
            .map((key) => `${name}: query parameter '${key}' is not in the operation (GitHub ignores it)`)
          return { misfits, unknown }
        },
        checkBody(body) {
          if (!checkBodySchema) return { misfits: [], unknown: [] }
          if (body === undefined)
            return { misfits: operation.requestBody?.required ? [`${name}: body is required`] : [], unknown: [] }
          const fits = checkBodySchema(body)
          const misfits = fits ? [] : explain(`${name}: body`, checkBodySchema.errors)
          const said = fits ? [] : githubWords(checkBodySchema.errors, body)
          const unknown =
            body && typeof body === 'object' && !Array.isArray(body)
              ? Object.keys(body)
                  .filter((key) => !bodyFields.has(key))
                  .map((key) => `${name}: body field '${key}' is not in the operation (GitHub ignores it)`)
              : []
          return { misfits, unknown, said }
        },
        checkResponse(status, body) {
          const code = String(status)
          if (!answers.has(code)) {
            if (status >= 400 && errorShape(body)) return []
            return [`${name}: answer ${status} is not one the operation lists (${[...answers.keys()].join(', ')})`]
          }
          const check = answers.get(code)
          if (!check) return []
          return check(body) ? [] : explain(`${name}: answer ${status}`, check.errors)
        }
      })
    }
  }
  return { source: cut.info['x-cut'].package, routes }
}
