import { formatDuration, isBareNumber, parseDuration } from '../../src/shared/duration.js'

describe('durations', () => {
  test.each([
    ['90s', 90_000],
    ['20m', 1_200_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['45', undefined],
    ['600', undefined],
    ['1.5m', 90_000],
    ['soon', undefined],
    ['10x', undefined],
    ['', undefined]
  ])('parseDuration(%p) = %p', (text, ms) => expect(parseDuration(text)).toBe(ms))

  test('a bare number is no duration: isBareNumber tells it apart for the message', () => {
    expect(['600', '1.5', ' 45 '].every(isBareNumber)).toBe(true)
    expect(['600s', 'soon', '', '-1'].some(isBareNumber)).toBe(false)
  })

  test('formatDuration', () => {
    expect(formatDuration(125_000)).toBe('2m5s')
    expect(formatDuration(3_600_000)).toBe('1h')
    expect(formatDuration(0)).toBe('0ms')
  })
})
