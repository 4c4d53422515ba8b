/** The v1 script logs (P6): entries by routine and type, and the query that filters them. */
import { badInput } from '../http/errors.js'
import { DAY_MS, HOUR_MS, parseDay, timestamp } from '../wire.js'

export type Routine = 'Host' | 'Run'
export type OutputType = 'Ok' | 'Error' | 'Debug' | 'Warning'

const ROUTINES: readonly Routine[] = ['Host', 'Run']
const OUTPUT_TYPES: readonly OutputType[] = ['Ok', 'Error', 'Debug', 'Warning']

export interface LogEntry {
  Hash: string
  RegisteredAt: string
  OutputType: OutputType
  OutputData: string
  Routine: Routine
}

export interface LogFilter {
  from: Date
  to: Date
  routine?: Routine
  type?: OutputType
}

export class Logs {
  private readonly stored: { entry: LogEntry; at: Date }[] = []

  add(hash: string, routine: Routine, type: OutputType, text: string): void {
    const at = new Date()
    this.stored.push({
      at,
      entry: { Hash: hash, RegisteredAt: timestamp(at), OutputType: type, OutputData: text, Routine: routine }
    })
  }

  /** Entries of one script between two UTC instants, optionally of one routine and type. */
  of(hash: string, filter: LogFilter): LogEntry[] {
    return this.stored
      .filter(
        ({ entry, at }) =>
          entry.Hash === hash &&
          at >= filter.from &&
          at <= filter.to &&
          (!filter.routine || entry.Routine === filter.routine) &&
          (!filter.type || entry.OutputType === filter.type)
      )
      .map(({ entry }) => entry)
  }
}

/**
 * P6's query: start/end inclusive days (default the last 6 days), routine and type.
 *
 * The official client names the days in its own local time (`datetime.today()`), and the
 * server cannot know that zone. So a day counts as that date in *any* time zone, from
 * UTC+14 (which starts it 14 h before UTC) to UTC-12 (which ends it 12 h after UTC):
 * otherwise a client west of Greenwich asking for "today" after 00:00 UTC would get no
 * log at all.
 */
export function logFilter(query: URLSearchParams): LogFilter {
  const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS)
  const start = query.get('start')
  const end = query.get('end')
  const from = new Date(
    (start ? parseDay(start, 'start') : new Date(today.getTime() - 6 * DAY_MS)).getTime() - 14 * HOUR_MS
  )
  const to = new Date((end ? parseDay(end, 'end') : today).getTime() + DAY_MS + 12 * HOUR_MS - 1)
  const routine = query.get('routine') || undefined
  const type = query.get('type') || undefined
  if (routine && !ROUTINES.includes(routine as Routine))
    throw badInput(`'routine' must be one of ${ROUTINES.join(', ')}`)
  if (type && !OUTPUT_TYPES.includes(type as OutputType))
    throw badInput(`'type' must be one of ${OUTPUT_TYPES.join(', ')}`)
  return { from, to, routine: routine as Routine | undefined, type: type as OutputType | undefined }
}
