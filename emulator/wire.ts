/** The server's forms both APIs share: ids, timestamps and the dd-mm-YYYY days of a query. */
import { randomBytes } from 'node:crypto'
import { badInput } from './http/errors.js'

/** `chars` random lowercase hex digits. */
export const hex = (chars: number): string =>
  randomBytes(Math.ceil(chars / 2))
    .toString('hex')
    .slice(0, chars)

/** A script hash: 'S' and 63 hex digits. */
export const scriptHash = (): string => 'S' + hex(63)

/** A dataset hash: 'D' and 63 hex digits. */
export const datasetHash = (): string => 'D' + hex(63)

/** The real server's timestamp format: ISO 8601 with 7 fractional digits and Z. */
export const timestamp = (date: Date): string => date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z')

/** dd-mm-YYYY (UTC) → the first instant of that day. */
export function parseDay(value: string, field: string): Date {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value)
  const date = match ? new Date(Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1]))) : undefined
  if (!match || !date || date.getUTCDate() !== Number(match[1]) || date.getUTCMonth() !== Number(match[2]) - 1) {
    throw badInput(`'${field}' must be a date as dd-mm-YYYY, not '${value}'`)
  }
  return date
}

export const HOUR_MS = 3600 * 1000
export const DAY_MS = 24 * HOUR_MS
