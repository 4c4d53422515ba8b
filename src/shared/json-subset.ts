/** smoke-test-expect's deep subset, for the server's answer and validate mode's local run alike. */

/**
 * Deep subset: every key of an expected object is in the actual one with a matching
 * value; every element of an expected array matches some element of the actual array;
 * anything else is compared as JSON values.
 */
export function containsDeep(actual: unknown, expected: unknown): boolean {
  return firstDifference(actual, expected, '$') === undefined
}

/** Where `actual` first fails to contain `expected`, as a path (`$.a[0]`), or undefined when it does. */
export function firstDifference(actual: unknown, expected: unknown, at: string): string | undefined {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at} is not an array`
    const missing = expected.findIndex((item) => !actual.some((candidate) => containsDeep(candidate, item)))
    return missing === -1 ? undefined : `${at} has no element matching ${at}[${missing}]`
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${at} is not an object`
    for (const [key, value] of Object.entries(expected)) {
      if (!(key in actual)) return `${at}.${key} is missing`
      const difference = firstDifference((actual as Record<string, unknown>)[key], value, `${at}.${key}`)
      if (difference) return difference
    }
    return undefined
  }
  return actual === expected ? undefined : `${at} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`
}
