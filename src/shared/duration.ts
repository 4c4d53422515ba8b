/**
 * Durations as people write them in workflows: `90s`, `20m`, `1h30m`, `500ms`. Returns
 * milliseconds, or undefined when unreadable. A bare number is unreadable: GitHub's own
 * `timeout-minutes` counts minutes and the official client's timeouts count seconds, so
 * `600` has two likely meanings, and the action refuses to guess (isBareNumber).
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase()
  const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
  const part = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy
  let total = 0
  let consumed = 0
  for (const match of value.matchAll(part)) {
    total += Number(match[1]) * unitMs[match[2] as keyof typeof unitMs]
    consumed += match[0].length
  }
  if (consumed === 0 || consumed !== value.length) return undefined
  return Math.round(total)
}

/** A number without a unit (`600`, `1.5`): refused with a message naming both readings. */
export function isBareNumber(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text.trim())
}

/** `125000` → `2m5s`: for messages. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const totalSeconds = Math.round(ms / 1000)
  const h = Math.floor(totalSeconds / 3600)
  const m = Math.floor((totalSeconds % 3600) / 60)
  const s = totalSeconds % 60
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('')
}

/** Seconds with one decimal (`62_449` → `62.4`): build times in outputs, records and the log. */
export function inTenths(ms: number): number {
  return Math.round(ms / 100) / 10
}
