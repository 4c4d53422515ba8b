import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import { buildManifest } from '../../src/local-checks/manifest.js'
import { VALID, source, workspace } from '../helpers/input-source.js'

describe('buildManifest', () => {
  test(
    'lists every upload relative to the workspace, v2 datasets ' + 'with their names, the .env without a hash',
    async () => {
      const dir = workspace()
      writeFileSync(join(dir, 'orders.csv'), 'id\n1\n')
      const { spec } = parseInputs(
        source(dir, {
          ...VALID,
          operation: 'Async',
          entrypoint: 'build',
          'source-file': 'batch.py',
          schema: 'sales=orders.csv\ndata.csv',
          'env-file': '.env'
        })
      )
      const manifest = await buildManifest(spec, spec.workspace)
      expect(manifest.files.map((f) => [f.part, f.name, f.path, f.dataset])).toEqual([
        ['source', 'script.py', 'batch.py', undefined],
        ['requirements', 'requirements.txt', 'requirements.txt', undefined],
        ['env', '.env', '.env', undefined],
        ['schema', 'orders.csv', 'orders.csv', 'sales'],
        ['schema', 'data.csv', 'data.csv', 'data']
      ])
      expect(manifest.files.find((f) => f.part === 'env')?.sha256).toBeUndefined()
      expect(manifest.files.find((f) => f.dataset === 'sales')?.sha256).toMatch(/^[0-9a-f]{64}$/)
      // An Async script under api-version auto goes to a current server: the v2 calls, in the contract's order.
      expect(manifest.api).toBe('v2')
      expect(manifest.calls).toEqual([
        `POST /v2/preprocessing/${spec.group}`,
        'PATCH /v2/preprocessing/{hash}/schema (sales)',
        'PATCH /v2/preprocessing/{hash}/schema (data)',
        'PATCH /v2/preprocessing/{hash}/script-file',
        'PATCH /v2/preprocessing/{hash}/requirements-file',
        'PATCH /v2/preprocessing/{hash}/env-file',
        'PATCH /v2/preprocessing/{hash}/status'
      ])
    }
  )

  test('a Sync script, or Async with api-version v1, is one v1 register and a host', async () => {
    const dir = workspace()
    for (const inputs of [
      VALID,
      {
        ...VALID,
        operation: 'Async',
        entrypoint: 'build',
        'source-file': 'batch.py',
        schema: 'data.csv',
        'api-version': 'v1'
      }
    ]) {
      const { spec } = parseInputs(source(dir, inputs))
      const manifest = await buildManifest(spec, spec.workspace)
      expect(manifest.api).toBe('v1')
      expect(manifest.calls).toEqual([
        `POST /preprocessing/register/${spec.group}`,
        `GET /preprocessing/${spec.script.operation.toLowerCase()}/host/${spec.group}/{hash}`
      ])
      expect(manifest.fields.operation).toBe(spec.script.operation)
    }
  })

  test("lists the requirements file's lines, for the plan", async () => {
    const dir = workspace()
    writeFileSync(join(dir, 'requirements.txt'), '# pinned\npandas==2.2.2  # data\nnumpy\\\n==1.26.4\n\n')
    const { spec } = parseInputs(source(dir, VALID))
    expect((await buildManifest(spec, spec.workspace)).requirements).toEqual(['pandas==2.2.2', 'numpy==1.26.4'])
  })
})
