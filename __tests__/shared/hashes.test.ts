/** The platform's ids and the group token, one shape each for the action, validate mode and the emulator. */
import { DATASET_HASH, GROUP_TOKEN, MODEL_HASH, SCRIPT_HASH } from '../../src/shared/hashes.js'
import { DIGEST } from '../../src/shared/manifest.js'

const hex63 = 'a1'.repeat(31) + 'f'

describe('hash formats', () => {
  test.each([
    ['script', SCRIPT_HASH, 'S'],
    ['dataset', DATASET_HASH, 'D'],
    ['model', MODEL_HASH, 'M']
  ])('a %s hash is its letter and 63 hex digits, either case, nothing around it', (_, shape, letter) => {
    expect(shape.test(`${letter}${hex63}`)).toBe(true)
    expect(shape.test(`${letter}${hex63.toUpperCase()}`)).toBe(true)
    for (const other of [
      `${letter}${hex63}0`,
      `${letter}${hex63.slice(1)}`,
      `${letter}${hex63.slice(1)}g`,
      `X${hex63}`
    ])
      expect(shape.test(other)).toBe(false)
    expect(shape.test(`${letter}${hex63}\n::error::x`)).toBe(false)
  })

  test('a group token is 32 hex digits (the emulator and the input warning read it alike)', () => {
    expect(GROUP_TOKEN.test('0123456789abcdef0123456789abcdef')).toBe(true)
    expect(GROUP_TOKEN.test('0123456789ABCDEF0123456789abcdef')).toBe(true)
    expect(GROUP_TOKEN.test('0123456789abcdef0123456789abcde')).toBe(false)
    expect(GROUP_TOKEN.test('my-group-token')).toBe(false)
  })

  test('a digest is sha256: and 64 lower-case hex digits', () => {
    expect(DIGEST.test(`sha256:${'0a'.repeat(32)}`)).toBe(true)
    expect(DIGEST.test('sha256:aa')).toBe(false)
    expect(DIGEST.test(`sha256:${'0A'.repeat(32)}`)).toBe(false)
  })
})
