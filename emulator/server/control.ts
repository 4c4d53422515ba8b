/** The emulator's own paths under /__emulator/ (record, scripts, models, faults, reset): never faulted or recorded. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultBook } from '../faults.js'
import { readJson } from '../http/body.js'
import { notFound } from '../http/errors.js'
import { sendJson } from '../http/send.js'
import type { FaultSpec, ModelSummary, RecordedRequest, ScriptSummary } from '../types.js'

export const CONTROL_PREFIX = '/__emulator/'

export interface Controlled {
  requests: RecordedRequest[]
  faults: FaultBook
  summaries(): ScriptSummary[]
  models(): ModelSummary[]
}

export async function control(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  { requests, faults, summaries, models }: Controlled
): Promise<void> {
  const action = `${req.method} ${pathname.slice(CONTROL_PREFIX.length)}`
  switch (action) {
    case 'GET requests':
      return sendJson(res, 200, requests)
    case 'GET scripts':
      return sendJson(res, 200, summaries())
    case 'GET models':
      return sendJson(res, 200, models())
    case 'POST faults':
      return sendJson(res, 201, { id: faults.add((await readJson(req)) as FaultSpec) })
    case 'DELETE faults':
      faults.clear()
      return sendJson(res, 200, { Message: 'Faults cleared' })
    case 'POST reset':
      faults.clear()
      requests.length = 0
      return sendJson(res, 200, { Message: 'Faults and recorded requests cleared' })
    default:
      throw notFound(`No emulator control '${action}'`)
  }
}
