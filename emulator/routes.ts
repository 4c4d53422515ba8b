/** The API's routes (contract §2): path patterns, the auth each needs, and handlers. */
import { badInput, type ParsedBody } from './http.js'
import { OUTPUT_TYPES, ROUTINES, timestamp, type OutputType, type Routine, type Script, type State } from './state.js'

export type Reply =
  { status: number; json: unknown } | { status: number; bytes: Buffer; contentType: string; filename: string }

export interface RouteContext {
  /** Decoded path parameters, in pattern order. */
  params: string[]
  query: URLSearchParams
  body: ParsedBody
  /** The 'hang-build' fault fired for this (host) request. */
  hangBuild: boolean
}

export interface Route {
  method: string
  /** Matched against the path after '/api'. */
  pattern: RegExp
  /** 'group': the group token of the group named by the first path parameter. */
  auth: 'none' | 'user' | 'group'
  /** Host calls are the only ones a 'hang-build' fault concerns. */
  isHost?: boolean
  handle(ctx: RouteContext): Promise<Reply> | Reply
}

export const SEGMENT = '([^/]+)'

export const route = (
  method: string,
  pattern: string,
  auth: Route['auth'],
  handle: Route['handle'],
  isHost = false
): Route => ({
  method,
  pattern: new RegExp(`^${pattern}$`),
  auth,
  handle,
  isHost
})

export const ok = (json: unknown): Reply => ({ status: 200, json })

/** dd-mm-YYYY (UTC) → the first instant of that day. */
export function parseDay(value: string, field: string): Date {
  const match = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value)
  const date = match ? new Date(Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1]))) : undefined
  if (!match || !date || date.getUTCDate() !== Number(match[1]) || date.getUTCMonth() !== Number(match[2]) - 1) {
    throw badInput(`'${field}' must be a date as dd-mm-YYYY, not '${value}'`)
  }
  return date
}

const HOUR_MS = 3600 * 1000
const DAY_MS = 24 * HOUR_MS

/**
 * P6's query: start/end inclusive days (default the last 6 days), routine and type.
 *
 * The official client names the days in its own local time (`datetime.today()`), and the
 * server cannot know that zone. So a day counts as that date in *any* time zone, from
 * UTC+14 (which starts it 14 h before UTC) to UTC-12 (which ends it 12 h after UTC):
 * otherwise a client west of Greenwich asking for "today" after 00:00 UTC would get no
 * log at all.
 */
function logFilter(query: URLSearchParams): { from: Date; to: Date; routine?: Routine; type?: OutputType } {
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

const describeScript = (s: Script): Record<string, unknown> => ({
  Hash: s.hash,
  Name: s.name,
  Group: s.group,
  Operation: s.operation,
  PythonVersion: s.pythonVersion,
  ScriptReference: s.scriptReference,
  Status: s.status,
  UploadedAt: timestamp(s.uploadedAt)
})

export function apiRoutes(state: State, version: string): Route[] {
  return [
    route('GET', '/health', 'none', () => ok({ Version: version })),
    route('POST', '/login', 'none', ({ body }) =>
      ok({ Token: state.login(body.form.user, body.form.password, body.form.tenant) })
    ),
    route('GET', '/groups', 'user', () => ok({ Results: state.listGroups() })),
    route('POST', '/groups', 'user', ({ body }) => ({
      status: 201,
      json: { Token: state.createGroup(body.form.name, body.form.description) }
    })),
    route('POST', `/preprocessing/register/${SEGMENT}`, 'user', async ({ params: [group], body }) => {
      const script = await state.register(group, body.form, body.files)
      return { status: 201, json: { Hash: script.hash, Message: 'Script was registered!' } }
    }),
    route(
      'GET',
      `/preprocessing/(sync|async)/host/${SEGMENT}/${SEGMENT}`,
      'user',
      ({ params: [operation, group, hash], hangBuild }) => {
        state.host(group, hash, operation, hangBuild)
        return { status: 202, json: { Message: `Hosting script '${hash}'` } }
      },
      true
    ),
    route('GET', `/preprocessing/status/${SEGMENT}/${SEGMENT}`, 'user', ({ params: [group, hash] }) => {
      const script = state.getScript(group, hash)
      return ok({ Status: script.status, Message: script.message })
    }),
    route('GET', `/preprocessing/describe/${SEGMENT}/${SEGMENT}`, 'user', ({ params: [group, hash] }) =>
      ok({ Description: describeScript(state.getScript(group, hash)) })
    ),
    route('GET', '/preprocessing/search', 'user', ({ query }) => {
      const scripts = state.search({
        name: query.get('name') ?? undefined,
        state: query.get('state') ?? undefined,
        group: query.get('group') ?? undefined
      })
      // The real server's search results carry no Name.
      return ok({
        Results: scripts.map((s) => ({
          Hash: s.hash,
          Operation: s.operation,
          PythonVersion: s.pythonVersion,
          Status: s.status,
          Group: s.group,
          UploadedAt: timestamp(s.uploadedAt)
        }))
      })
    }),
    route('GET', `/preprocessing/logs/${SEGMENT}/${SEGMENT}`, 'user', ({ params: [group, hash], query }) =>
      ok({ Results: state.logsOf(state.getScript(group, hash).hash, logFilter(query)) })
    ),
    route('GET', `/preprocessing/logs/${SEGMENT}`, 'user', ({ params: [hash], query }) =>
      ok({ Results: state.logsOf(state.findScript(hash).hash, logFilter(query)) })
    ),
    route('POST', `/preprocessing/sync/run/${SEGMENT}/${SEGMENT}`, 'group', async ({ params: [group, hash], body }) =>
      ok(await state.runSync(group, hash, body.raw))
    ),
    route(
      'POST',
      `/preprocessing/async/run/${SEGMENT}/${SEGMENT}`,
      'group',
      async ({ params: [group, hash], body }) => {
        const execution = await state.runAsync(group, hash, body.files)
        return {
          status: 202,
          json: {
            Message: `Execution '${execution.id}' started to generate '${execution.datasetHash}'. Use the id to check its status.`,
            ExecutionId: execution.id
          }
        }
      }
    ),
    route('GET', `/preprocessing/async/status/${SEGMENT}/${SEGMENT}`, 'group', ({ params: [group, id] }) => {
      const execution = state.getExecution(group, id)
      return ok({ ExecutionId: execution.id, Status: execution.status, Message: execution.message })
    }),
    route('GET', `/preprocessing/async/result/${SEGMENT}/${SEGMENT}`, 'group', async ({ params: [group, id] }) => ({
      status: 200,
      bytes: await state.result(group, id),
      contentType: 'application/zip',
      filename: `execution-${id}.zip`
    }))
  ]
}
