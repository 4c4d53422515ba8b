import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseInputs } from '../../src/inputs/parse.js'
import { ASYNC_SCRIPT, VALID, problemsOf, source, workspace } from '../helpers/input-source.js'

describe('named datasets (schema and smoke-test-input)', () => {
  const ASYNC = { ...VALID, ...ASYNC_SCRIPT }
  const withDatasets = (dir: string): void => {
    writeFileSync(join(dir, 'orders.csv'), 'id,total\n1,9\n')
    writeFileSync(join(dir, 'customers.json'), '[{"id": 1}]')
  }

  test('name=path lines and bare paths (named by their stem) become datasets; v1 gets no single schema part', () => {
    const dir = workspace()
    withDatasets(dir)
    const { spec } = parseInputs(source(dir, { ...ASYNC, schema: 'sales = orders.csv\n# a comment\ncustomers.json\n' }))
    expect(spec.script.datasets.map((d) => [d.name, d.file.uploadName, d.file.part])).toEqual([
      ['sales', 'orders.csv', 'schema'],
      ['customers', 'customers.json', 'schema']
    ])
    expect(spec.script.files.some((f) => f.part === 'schema')).toBe(false)
  })

  test('one dataset is also the v1 schema part, and the smoke test defaults to the schema datasets', () => {
    const dir = workspace()
    const { spec } = parseInputs(
      source(dir, { ...ASYNC, schema: 'data.csv', 'smoke-test': 'true', 'group-token': 't' })
    )
    expect(spec.script.datasets.map((d) => d.name)).toEqual(['data'])
    expect(spec.script.files.find((f) => f.part === 'schema')?.uploadName).toBe('data.csv')
    expect(spec.smokeTest.datasets?.map((d) => [d.name, d.file.part])).toEqual([['data', 'dataset']])
    expect(spec.smokeTest.dataset?.uploadName).toBe('data.csv')
  })

  test('smoke-test-input lines give the execution its own datasets', () => {
    const dir = workspace()
    withDatasets(dir)
    const { spec } = parseInputs(
      source(dir, {
        ...ASYNC,
        // The names must be the schema's (a v2 execution's inputs); the files are the sample's own.
        schema: 'a=data.csv\nb=customers.json',
        'smoke-test': 'true',
        'api-version': 'v2',
        'smoke-test-input': 'a=orders.csv\nb=customers.json'
      })
    )
    expect(spec.smokeTest.datasets?.map((d) => [d.name, d.file.uploadName])).toEqual([
      ['a', 'orders.csv'],
      ['b', 'customers.json']
    ])
    expect(spec.smokeTest.dataset).toBeUndefined()
  })

  test('an inline JSON schema is one dataset named schema', () => {
    const dir = workspace()
    const { spec } = parseInputs(source(dir, { ...VALID, schema: '{"a": 1}' }))
    expect(spec.script.datasets.map((d) => d.name)).toEqual(['schema'])
  })

  test('a v2 Async smoke test needs no group token (v2 runs use the user token)', () => {
    const dir = workspace()
    expect(() =>
      parseInputs(source(dir, { ...ASYNC, schema: 'data.csv', 'smoke-test': 'true', 'api-version': 'v2' }))
    ).not.toThrow()
  })

  test.each([
    ['a duplicate name', 'a=data.csv\na=orders.csv', undefined, /two lines name the dataset 'a'/],
    ['a name starting with a digit', '1st=data.csv', undefined, /'1st' is not a dataset name.*starting with a letter/],
    ['a stem that is no name', 'my data.csv', undefined, /would be the dataset 'my data'.*name=path/],
    ['a line naming no file', 'a=', undefined, /names no file/],
    ['only comments', '# nothing', undefined, /only blank lines and comments/],
    ['two datasets with api-version v1', 'data.csv\norders.csv', 'v1', /api-version v1 takes one sample/],
    ['a missing dataset file', 'a=nope.csv', undefined, /does not exist/]
  ])('%s is refused', (_label, schema, apiVersion, message) => {
    const problems = problemsOf({ ...ASYNC, schema, 'api-version': apiVersion ?? '' }, {}, withDatasets)
    expect(problems.find((p) => p.input === 'schema')?.text).toMatch(message)
  })

  test('a Sync script takes one JSON sample', () => {
    const problems = problemsOf({ ...VALID, schema: 'schema.json\ncustomers.json' }, {}, withDatasets)
    expect(problems.find((p) => p.input === 'schema')?.text).toMatch(/Sync script takes one JSON sample/)
  })
})
