import { containsDeep } from '../../src/shared/json-subset.js'

describe('containsDeep (smoke-test-expect)', () => {
  test.each([
    [{ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }, true],
    [{ a: 1 }, { a: 2 }, false],
    [{ a: 1 }, { b: 1 }, false],
    [[{ id: 1 }, { id: 2, x: 1 }], [{ id: 2 }], true],
    [[{ id: 1 }], [{ id: 3 }], false],
    [{ a: [1, 2, 3] }, { a: [3, 1] }, true],
    [{ a: null }, { a: null }, true],
    ['text', 'text', true],
    [{ a: '1' }, { a: 1 }, false],
    [[1], { 0: 1 }, false]
  ])('containsDeep(%j, %j) = %p', (actual, expected, result) => expect(containsDeep(actual, expected)).toBe(result))
})
