/**
 * steps/async-result.ts: an Async result (a v2 parquet file, a v1 zip holding the file the
 * script wrote, or a CSV written locally) checked against smoke-test-expect. Fixtures are
 * real files: parquet written by hyparquet-writer, zips by fflate.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { checkAsyncResult, tableProblems } from '../../src/steps/async-result.js'
import { parseAsyncExpectation, type AsyncExpectation } from '../../src/inputs/async-expect.js'

const dir = mkdtempSync(join(tmpdir(), 'async-result-'))
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}
const expectation = (value: unknown): AsyncExpectation => {
  const parsed = parseAsyncExpectation(value)
  if ('problem' in parsed) throw new Error(parsed.problem)
  return parsed.expectation
}

/** A pandas-like result: id INT64, score DOUBLE, segment STRING, approved BOOLEAN, at TIMESTAMP. */
const PARQUET = new Uint8Array(
  parquetWriteBuffer({
    columnData: [
      { name: 'id', data: [1n, 2n, 3n], type: 'INT64' },
      { name: 'score', data: [0.5, 0.25, 1], type: 'DOUBLE' },
      { name: 'segment', data: ['a', 'b', 'c'], type: 'STRING' },
      { name: 'approved', data: [true, false, true], type: 'BOOLEAN' },
      { name: 'at', data: [new Date(0), new Date(1), new Date(2)], type: 'TIMESTAMP' }
    ]
  })
)
const CSV = 'id,score,segment,approved,when,blank\r\n1,0.5,"a, b",True,2018-09-01,\r\n2,,c,False,2018-09-02,\r\n'
const LABEL = 'the result of execution 42'

describe('a v2 parquet result', () => {
  const path = file('result.parquet', PARQUET)

  test('without an expectation: readable with rows passes, and its shape and types are read', async () => {
    expect(await checkAsyncResult(path, 'parquet')).toEqual({
      table: {
        rows: 3,
        columns: ['id', 'score', 'segment', 'approved', 'at'],
        types: ['integer', 'number', 'string', 'boolean', 'datetime']
      }
    })
  })

  test('an expectation met: columns with their types (an integer is a number too), min-rows', async () => {
    const check = await checkAsyncResult(
      path,
      'parquet',
      expectation({ columns: { id: 'number', segment: 'string', at: 'datetime', approved: 'any' }, 'min-rows': 3 }),
      LABEL
    )
    expect(check.reason).toBeUndefined()
    expect(check.expectation).toEqual({ met: true, problems: [] })
  })

  test('a missing column, a wrong type and too few rows are each said', async () => {
    const check = await checkAsyncResult(
      path,
      'parquet',
      expectation({ columns: { ID: 'any', score: 'integer', extra: 'string' }, 'min-rows': 10 }),
      LABEL
    )
    expect(check.expectation?.met).toBe(false)
    expect(check.reason).toBe(
      'the result of execution 42 does not meet smoke-test-expect: ' +
        "columns 'ID' (there is 'id': names are case-sensitive), 'extra' missing " +
        '(it has id, score, segment, approved, at); ' +
        "column 'score' is number, expected integer; 3 rows, expected at least 10"
    )
  })

  test('an unreadable or empty parquet file fails, whatever the expectation', async () => {
    const broken = await checkAsyncResult(file('broken.parquet', 'not parquet'), 'parquet', undefined, LABEL)
    expect(broken.reason).toMatch(/^the result of execution 42 is not a readable parquet file \(/)
    const empty = parquetWriteBuffer({ columnData: [{ name: 'id', data: [], type: 'INT32' }] })
    const none = await checkAsyncResult(file('empty.parquet', new Uint8Array(empty)), 'parquet', undefined, LABEL)
    expect(none.reason).toBe('the result of execution 42 is a parquet file with no rows (columns: id)')
  })
})

describe('a v1 result zip', () => {
  test('a CSV inside: types as pandas.read_csv infers them (dates are strings; blanks make numbers)', async () => {
    const path = file('csv.zip', zipSync({ 'features.csv': new TextEncoder().encode(CSV) }))
    const check = await checkAsyncResult(path, 'zip', expectation({ columns: ['id'] }))
    expect(check.entries).toEqual([{ name: 'features.csv', size: CSV.length }])
    expect(check.table).toEqual({
      file: 'features.csv',
      rows: 2,
      columns: ['id', 'score', 'segment', 'approved', 'when', 'blank'],
      types: ['integer', 'number', 'string', 'boolean', 'string', 'number'],
      csv: true
    })
    expect(check.reason).toBeUndefined()
  })

  test('a datetime expected of a CSV column says a CSV has no date type and what to write instead', async () => {
    const path = file('dates.zip', zipSync({ 'features.csv': new TextEncoder().encode(CSV) }))
    const check = await checkAsyncResult(path, 'zip', expectation({ columns: { when: 'datetime' } }), LABEL)
    expect(check.reason).toBe(
      "the result of execution 42 does not meet smoke-test-expect: column 'when' is string, expected datetime " +
        '(a CSV has no date type: its dates read as strings; expect "string", or write the result as parquet)'
    )
    // The hint is about CSV dates only: a parquet string column gets the plain line.
    const parquet = file('dates.parquet', PARQUET)
    const plain = await checkAsyncResult(parquet, 'parquet', expectation({ columns: { segment: 'datetime' } }))
    expect(plain.expectation?.problems).toEqual(["column 'segment' is string, expected datetime"])
  })

  test('a parquet file inside is read too, and its failures name the file', async () => {
    const path = file('parquet.zip', zipSync({ 'out/preprocessed.parquet': PARQUET }))
    const check = await checkAsyncResult(path, 'zip', expectation({ columns: { segment: 'integer' } }), LABEL)
    expect(check.reason).toBe(
      "the result of execution 42 does not meet smoke-test-expect: column 'segment' is string, expected integer"
    )
    const missing = await checkAsyncResult(path, 'zip', expectation({ columns: ['nope'] }), LABEL)
    expect(missing.reason).toMatch(/column 'nope' missing \(out\/preprocessed\.parquet has id, score, /)
  })

  test('without an expectation the table is not read: a readable, non-empty zip passes', async () => {
    const path = file('json.zip', zipSync({ 'out.json': new TextEncoder().encode('{"a": 1}') }))
    expect(await checkAsyncResult(path, 'zip')).toEqual({ entries: [{ name: 'out.json', size: 8 }] })
  })

  test('an expectation that cannot be checked is an error, never a pass', async () => {
    const json = file('json2.zip', zipSync({ 'out.json': new TextEncoder().encode('{"a": 1}') }))
    const check = await checkAsyncResult(json, 'zip', expectation({ 'min-rows': 1 }), LABEL)
    expect(check.expectation?.met).toBe(false)
    expect(check.reason).toBe(
      'the result of execution 42 cannot be checked against smoke-test-expect: it holds no table ' +
        'smoke-test-expect can be checked on (a .csv or .parquet file), only out.json (8 B)'
    )
    const two = file('two.zip', zipSync({ 'a.csv': new TextEncoder().encode(CSV), 'b.parquet': PARQUET }))
    expect((await checkAsyncResult(two, 'zip', expectation({ 'min-rows': 1 }), LABEL)).reason).toBe(
      'the result of execution 42 cannot be checked against smoke-test-expect: it holds 2 tables (a.csv, b.parquet), ' +
        'and smoke-test-expect is checked on one'
    )
    const bad = file('bad.zip', zipSync({ 'x.parquet': new TextEncoder().encode('garbage') }))
    const unreadable = await checkAsyncResult(bad, 'zip', expectation({ 'min-rows': 1 }), LABEL)
    expect(unreadable.reason).toMatch(/^the result of execution 42: x\.parquet in the zip is not a readable table \(/)
    expect(unreadable.expectation?.met).toBe(false)
  })

  test("a zip's table with a header and no rows fails an expectation, as a parquet with no rows does", async () => {
    const path = file('header.zip', zipSync({ 'scores.csv': new TextEncoder().encode('score,label\n') }))
    const check = await checkAsyncResult(path, 'zip', expectation({ columns: ['score'] }), LABEL)
    expect(check.reason).toBe(
      'the result of execution 42 holds scores.csv, a table with no rows (columns: score, label)'
    )
  })

  test('a broken or empty zip fails as before', async () => {
    expect((await checkAsyncResult(file('broken.zip', 'nope'), 'zip', undefined, LABEL)).reason).toMatch(
      /^the result of execution 42 is not a readable zip/
    )
    const empty = file('empty.zip', zipSync({ 'a.csv': new Uint8Array() }))
    expect((await checkAsyncResult(empty, 'zip', undefined, LABEL)).reason).toBe(
      'the result of execution 42 is an empty zip'
    )
  })
})

describe('a CSV file written locally (validate mode)', () => {
  test('quoted fields, CRLF, blank lines; too few rows', async () => {
    const path = file('local.csv', 'a,"b ""q"""\n\n"x\ny",1\n')
    const check = await checkAsyncResult(path, 'csv', expectation({ columns: ['b "q"'], 'min-rows': 2 }), 'out')
    expect(check.table).toEqual({ rows: 1, columns: ['a', 'b "q"'], types: ['string', 'integer'], csv: true })
    expect(check.reason).toBe('out does not meet smoke-test-expect: 1 row, expected at least 2')
  })

  test('a header only is no rows; an unclosed quote is not readable', async () => {
    expect((await checkAsyncResult(file('header.csv', 'a,b\n'), 'csv', undefined, 'out')).reason).toBe(
      'out is a CSV file with no rows (columns: a, b)'
    )
    expect((await checkAsyncResult(file('open.csv', 'a\n"x'), 'csv', undefined, 'out')).reason).toBe(
      'out is not a readable CSV file (a quoted field is never closed)'
    )
  })
})

test('tableProblems lists several missing columns at once', () => {
  const table = { rows: 5, columns: ['a'], types: ['integer'] }
  expect(tableProblems(table, expectation({ columns: ['b', 'c'] }))).toEqual(["columns 'b', 'c' missing (it has a)"])
  expect(tableProblems(table, expectation({ columns: { a: 'integer' }, 'min-rows': 5 }))).toEqual([])
  const wide = { rows: 1, columns: Array.from({ length: 40 }, (_, i) => `c${i}`), types: [] }
  expect(tableProblems(wide, expectation({ columns: ['b'] }))).toEqual([
    `column 'b' missing (it has ${wide.columns.slice(0, 30).join(', ')} and 10 more)`
  ])
})
