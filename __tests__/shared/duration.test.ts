import { parseDuration, formatDuration } from '../../src/shared/duration.js'

describe('durations', () => {
  test.each([
    ['90s', 90_000],
    ['20m', 1_200_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['45', 45_000],
    ['1.5m', 90_000],
    ['soon', undefined],
    ['10x', undefined],
    ['', undefined]
  ])('parseDuration(%p) = %p', (text, ms) => expect(parseDuration(text)).toBe(ms))

  test('formatDuration', () => {
    expect(formatDuration(125_000)).toBe('2m5s')
    expect(formatDuration(3_600_000)).toBe('1h')
    expect(formatDuration(0)).toBe('0ms')
  })
})
