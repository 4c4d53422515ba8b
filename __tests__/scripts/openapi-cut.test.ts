/**
 * `npm run openapi:cut` (scripts/openapi/cut.mjs): what a cut keeps and drops, and that the committed
 * cut records the package version and the operations the script names and the GitHub stand-in serves.
 * (Re-cutting needs the registry, so the committed file is not re-made here.)
 */
import { readFileSync } from 'node:fs'
// @ts-expect-error plain ESM script without types
import { OPERATIONS, PACKAGE, VERSION, cut } from '../../scripts/openapi/cut.mjs'
import { OPERATIONS as SERVED } from '../../emulator/github/server.js'

const committed = JSON.parse(
  readFileSync(new URL('../fixtures/github-openapi/api.github.com.json', import.meta.url), 'utf8')
)

const spec = {
  openapi: '3.0.3',
  info: { title: 'GitHub', version: '1.0.0' },
  servers: [{ url: 'https://api.github.com' }],
  paths: {
    '/a/{id}': {
      get: {
        operationId: 'x/get-a',
        parameters: [{ $ref: '#/components/parameters/id' }],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/a' },
                examples: { one: { $ref: '#/components/examples/a' } }
              }
            }
          },
          '404': { $ref: '#/components/responses/not_found' }
        }
      },
      delete: { operationId: 'x/delete-a', responses: { '204': { description: 'gone' } } }
    },
    '/b': { get: { operationId: 'x/get-b', responses: { '200': { description: 'ok' } } } }
  },
  components: {
    parameters: { id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } },
    schemas: {
      a: { type: 'object', properties: { owner: { $ref: '#/components/schemas/user' } }, example: { owner: {} } },
      user: { type: 'object', properties: { login: { type: 'string' } } },
      error: { type: 'object' },
      unused: { type: 'string' }
    },
    responses: {
      not_found: {
        description: 'Not Found',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } }
      }
    },
    examples: { a: { value: { owner: { login: 'octocat' } } } }
  }
}

describe('cut', () => {
  it('keeps the named operations and every $ref they reach, transitively, without examples', () => {
    const result = cut(spec, ['x/get-a'], '2026-12-05')
    expect(Object.keys(result.paths)).toEqual(['/a/{id}'])
    expect(Object.keys(result.paths['/a/{id}'])).toEqual(['get'])
    expect(result.components).toEqual({
      parameters: { id: spec.components.parameters.id },
      responses: { not_found: spec.components.responses.not_found },
      schemas: {
        a: { type: 'object', properties: { owner: { $ref: '#/components/schemas/user' } } },
        error: { type: 'object' },
        user: spec.components.schemas.user
      }
    })
    expect(JSON.stringify(result)).not.toMatch(/"examples?"/)
    expect(result.info['x-cut']).toMatchObject({
      package: `${PACKAGE}@${VERSION}`,
      cutOn: '2026-12-05',
      operations: ['x/get-a']
    })
  })

  it('names an operation the description does not have', () => {
    expect(() => cut(spec, ['x/get-a', 'x/nope'])).toThrow(/x\/nope/)
  })
})

describe('the committed cut', () => {
  it('records the version and the operations the script names', () => {
    expect(committed.info['x-cut']).toMatchObject({ package: `${PACKAGE}@${VERSION}`, operations: OPERATIONS })
    const found = Object.values(committed.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId?: string }>).flatMap((op) => op.operationId ?? [])
    )
    expect(found.sort()).toEqual([...OPERATIONS].sort())
  })

  it('holds exactly the operations the GitHub stand-in serves, and stays small', () => {
    expect(Object.keys(SERVED).sort()).toEqual([...OPERATIONS].sort())
    expect(JSON.stringify(committed).length).toBeLessThan(100 * 1024)
  })
})
