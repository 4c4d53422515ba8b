/** The v1 preprocessing routes: register, host, status, describe, search, logs, runs and results. */
import { accepted, created, ok, route, SEGMENT, type Route } from '../http/route.js'
import { timestamp } from '../wire.js'
import type { Builds } from './build.js'
import { logFilter, type Logs } from './logs.js'
import type { Runs } from './runs.js'
import type { Script, Scripts } from './scripts.js'

export interface V1 {
  scripts: Scripts
  builds: Builds
  runs: Runs
  logs: Logs
}

const describeScript = (s: Script): Record<string, unknown> => ({
  Hash: s.hash,
  Name: s.name,
  Group: s.group,
  Operation: s.operation,
  PythonVersion: s.pythonVersion,
  ScriptReference: s.entrypoint,
  Status: s.status,
  UploadedAt: timestamp(s.uploadedAt)
})

/** The real server's search results carry no Name. */
const searchResult = (s: Script): Record<string, unknown> => ({
  Hash: s.hash,
  Operation: s.operation,
  PythonVersion: s.pythonVersion,
  Status: s.status,
  Group: s.group,
  UploadedAt: timestamp(s.uploadedAt)
})

export function v1Routes({ scripts, builds, runs, logs }: V1): Route[] {
  const P = '/preprocessing'
  return [
    route('POST', `${P}/register/${SEGMENT}`, 'user', async ({ params: [group], body }) => {
      const script = await scripts.register(group, body.form, body.files)
      return created({ Hash: script.hash, Message: 'Script was registered!' })
    }),
    route(
      'GET',
      `${P}/(sync|async)/host/${SEGMENT}/${SEGMENT}`,
      'user',
      ({ params: [operation, group, hash], hangBuild }) => {
        builds.host(group, hash, operation, hangBuild)
        return accepted({ Message: `Hosting script '${hash}'` })
      },
      true
    ),
    route('GET', `${P}/status/${SEGMENT}/${SEGMENT}`, 'user', ({ params: [group, hash] }) => {
      const script = scripts.get(group, hash)
      return ok({ Status: script.status, Message: script.message })
    }),
    route('GET', `${P}/describe/${SEGMENT}/${SEGMENT}`, 'user', ({ params: [group, hash] }) =>
      ok({ Description: describeScript(scripts.get(group, hash)) })
    ),
    route('GET', `${P}/search`, 'user', ({ query }) => {
      const found = scripts.search({
        name: query.get('name') ?? undefined,
        state: query.get('state') ?? undefined,
        group: query.get('group') ?? undefined
      })
      return ok({ Results: found.map(searchResult) })
    }),
    route('GET', `${P}/logs/${SEGMENT}/${SEGMENT}`, 'user', ({ params: [group, hash], query }) =>
      ok({ Results: logs.of(scripts.get(group, hash).hash, logFilter(query)) })
    ),
    route('GET', `${P}/logs/${SEGMENT}`, 'user', ({ params: [hash], query }) =>
      ok({ Results: logs.of(scripts.find(hash).hash, logFilter(query)) })
    ),
    route('POST', `${P}/sync/run/${SEGMENT}/${SEGMENT}`, 'group', async ({ params: [group, hash], body }) =>
      ok(await runs.runSync(group, hash, body.raw))
    ),
    route('POST', `${P}/async/run/${SEGMENT}/${SEGMENT}`, 'group', async ({ params: [group, hash], body }) => {
      const execution = await runs.runAsync(group, hash, body.files)
      return accepted({
        Message:
          `Execution '${execution.id}' started to generate '${execution.datasetHash}'. ` +
          'Use the id to check its status.',
        ExecutionId: execution.id
      })
    }),
    route('GET', `${P}/async/status/${SEGMENT}/${SEGMENT}`, 'group', ({ params: [group, id] }) => {
      const execution = runs.getExecution(group, id)
      return ok({ ExecutionId: execution.id, Status: execution.status, Message: execution.message })
    }),
    route('GET', `${P}/async/result/${SEGMENT}/${SEGMENT}`, 'group', async ({ params: [group, id] }) => ({
      status: 200,
      bytes: await runs.result(group, id),
      contentType: 'application/zip',
      filename: `execution-${id}.zip`
    }))
  ]
}
