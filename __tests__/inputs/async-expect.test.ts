/**
 * inputs/async-expect.ts: smoke-test-expect read for an Async script. What it accepts, and
 * for each mistake a problem and a fix the user can act on (the caller names the input).
 */
import { describeExpectation, parseAsyncExpectation } from '../../src/inputs/async-expect.js'

const ok = (value: unknown) => {
  const parsed = parseAsyncExpectation(value)
  if ('problem' in parsed) throw new Error(parsed.problem)
  return parsed.expectation
}
const problemOf = (value: unknown) => {
  const parsed = parseAsyncExpectation(value)
  if (!('problem' in parsed)) throw new Error(`accepted ${JSON.stringify(value)}`)
  return parsed
}

describe('what an Async expectation can say', () => {
  test('a list of names: each column must exist, whatever its type', () => {
    expect(ok({ columns: ['id', 'score'] })).toEqual({
      columns: [
        { name: 'id', type: 'any' },
        { name: 'score', type: 'any' }
      ]
    })
  })

  test('an object of name → type, with a minimum row count', () => {
    const expectation = ok({ columns: { id: 'integer', when: 'datetime', ok: 'boolean', x: 'any' }, 'min-rows': 3 })
    expect(expectation).toEqual({
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'when', type: 'datetime' },
        { name: 'ok', type: 'boolean' },
        { name: 'x', type: 'any' }
      ],
      minRows: 3
    })
    expect(describeExpectation(expectation)).toBe(
      'columns id (integer), when (datetime), ok (boolean), x; at least 3 rows'
    )
  })

  test('min-rows alone', () => {
    expect(ok({ 'min-rows': 1 })).toEqual({ columns: [], minRows: 1 })
    expect(describeExpectation(ok({ 'min-rows': 1 }))).toBe('at least 1 row')
  })
})

describe('mistakes, each with its fix', () => {
  test.each([
    ['a Sync-style value', true, /is the boolean true, but for an Async script it must be a JSON object/],
    ['an array', ['id'], /is a JSON array, but/],
    ['a string', 'id', /is the string "id", but/],
    ['null', null, /is null, but/]
  ])('%s is not an expectation', (_, value, problem) => {
    const parsed = problemOf(value)
    expect(parsed.problem).toMatch(problem)
    expect(parsed.fix).toContain('{"columns": {"id": "integer", "score": "number"}, "min-rows": 1}')
  })

  test('an unknown key is named, and a near miss gets the right spelling', () => {
    expect(problemOf({ min_rows: 2 })).toEqual({
      problem: "has the key 'min_rows', which an Async expectation does not take (only columns and min-rows).",
      fix: "Write 'min-rows' instead of 'min_rows'."
    })
    expect(problemOf({ rows: 2 }).fix).toBe("Write 'min-rows' instead of 'rows'.")
    expect(problemOf({ Columns: ['a'] }).fix).toBe("Write 'columns' instead of 'Columns'.")
    expect(problemOf({ columns: ['a'], ok: true }).fix).toMatch(/^Remove 'ok'/)
  })

  test('an object that names nothing', () => {
    expect(problemOf({}).problem).toBe('is an empty object: it names nothing to check.')
    expect(problemOf({ columns: [] }).problem).toBe('has columns that name no column.')
    expect(problemOf({ columns: {} }).problem).toBe('has columns that name no column.')
  })

  test('a type outside the vocabulary, with the one meant when it is clear', () => {
    expect(problemOf({ columns: { score: 'float' } })).toEqual({
      problem:
        'gives the column \'score\' the type "float", which is not one of ' +
        'string, integer, number, boolean, datetime or any.',
      fix: 'Write "number".'
    })
    expect(problemOf({ columns: { id: 'Integer' } }).fix).toBe('Write "integer".')
    expect(problemOf({ columns: { when: 'timestamp' } }).fix).toBe('Write "datetime".')
    expect(problemOf({ columns: { x: 'blob' } }).fix).toBe(
      'Use one of string, integer, number, boolean, datetime or any.'
    )
    expect(problemOf({ columns: { x: 3 } }).problem).toMatch(/the type 3, which is not one of/)
  })

  test('bad column lists', () => {
    expect(problemOf({ columns: 'id' }).problem).toMatch(/columns is a list of names or an object of name → type/)
    expect(problemOf({ columns: ['id', 2] }).problem).toBe('has columns with 2, which is not a column name.')
    expect(problemOf({ columns: ['id', 'id'] }).problem).toBe("names the column 'id' twice in columns.")
  })

  test.each([0, -1, 1.5, '10', null])('min-rows %p is refused', (minRows) => {
    const parsed = problemOf({ 'min-rows': minRows })
    expect(parsed.problem).toBe(
      `has min-rows ${JSON.stringify(minRows)}, but it must be a whole number of rows, 1 or more.`
    )
    expect(parsed.fix).toMatch(/without quotes/)
  })
})
