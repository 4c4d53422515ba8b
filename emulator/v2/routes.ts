/** The v2 preprocessing routes, all under /v2/preprocessing, all with the user token. */
import { readFile } from 'node:fs/promises'
import { accepted, created, ok, route, SEGMENT, type Route } from '../http/route.js'
import { DAY_MS, parseDay } from '../wire.js'
import type { BuildsV2 } from './build.js'
import { datasetRef, describeExecution, describeScript } from './describe.js'
import { OUTPUT_FILE, type ExecutionsV2 } from './executions.js'
import type { ScriptsV2 } from './scripts.js'
import type { Uploads } from './uploads.js'

export interface V2 {
  scripts: ScriptsV2
  uploads: Uploads
  builds: BuildsV2
  executions: ExecutionsV2
}

const ROOT = '/v2/preprocessing'

/** The list's optional start/end, as dd-mm-YYYY UTC days, both inclusive. */
function uploadWindow(query: URLSearchParams): { from?: Date; to?: Date } {
  const start = query.get('start')
  const end = query.get('end')
  return {
    from: start ? parseDay(start, 'start') : undefined,
    to: end ? new Date(parseDay(end, 'end').getTime() + DAY_MS - 1) : undefined
  }
}

export function v2Routes({ scripts, uploads, builds, executions }: V2): Route[] {
  const script = `${ROOT}/${SEGMENT}`
  const execution = `${script}/execution/${SEGMENT}`
  return [
    route('GET', ROOT, 'user', ({ query }) =>
      ok({
        Result: scripts
          .list({
            state: query.get('state') || undefined,
            group: query.get('group') || undefined,
            ...uploadWindow(query)
          })
          .map(describeScript)
      })
    ),
    route('POST', script, 'user', async ({ params: [group], body }) =>
      created({ PreprocessHash: (await scripts.register(group, body.raw)).hash })
    ),
    route('GET', script, 'user', ({ params: [hash] }) => ok(describeScript(scripts.get(hash)))),
    route('PATCH', `${script}/schema`, 'user', async ({ params: [hash], body }) =>
      created(datasetRef(await uploads.schema(hash, body.form, body.files)))
    ),
    route('PATCH', `${script}/script-file`, 'user', async ({ params: [hash], body }) => {
      await uploads.script(hash, body.form, body.files)
      return created({ Message: 'Script file uploaded' })
    }),
    route('PATCH', `${script}/requirements-file`, 'user', async ({ params: [hash], body }) => {
      await uploads.file(hash, 'requirements', body.form, body.files)
      return created({ Message: 'Requirements file uploaded' })
    }),
    route('PATCH', `${script}/env-file`, 'user', async ({ params: [hash], body }) => {
      await uploads.file(hash, 'env', body.form, body.files)
      return created({ Message: 'Env file uploaded' })
    }),
    route('PATCH', `${script}/extra-file`, 'user', async ({ params: [hash], body }) =>
      created({ Message: `Extra file '${await uploads.file(hash, 'extra', body.form, body.files)}' uploaded` })
    ),
    route(
      'PATCH',
      `${script}/status`,
      'user',
      ({ params: [hash], hangBuild }) => {
        builds.host(hash, hangBuild)
        return accepted({ Message: `Hosting preprocessing '${hash}'` })
      },
      true
    ),
    route('GET', `${script}/status`, 'user', ({ params: [hash] }) => {
      const s = scripts.get(hash)
      return ok(
        s.status === 'Deployed'
          ? { Status: s.status, Message: s.message, DatasetHash: s.generated?.hash }
          : { Status: s.status, Message: s.message }
      )
    }),
    route('POST', `${script}/execution`, 'user', ({ params: [hash] }) =>
      created({ Message: `Preprocess Execution '${executions.create(hash).id}' created` })
    ),
    route('GET', execution, 'user', ({ params: [hash, id] }) => {
      const found = executions.get(hash, id)
      return ok(describeExecution(found.script, found.execution))
    }),
    route('PATCH', `${execution}/input`, 'user', async ({ params: [hash, id], body }) =>
      created(datasetRef(await executions.uploadInput(hash, id, body.form, body.files)))
    ),
    route('PATCH', `${execution}/run`, 'user', async ({ params: [hash, id] }) => {
      await executions.run(hash, id)
      return created({ Message: `Execution '${id}' is running` })
    }),
    route('GET', `${execution}/status`, 'user', ({ params: [hash, id] }) => {
      const { execution: e } = executions.get(hash, id)
      return ok(
        e.status === 'Succeeded'
          ? { Status: e.status, Message: e.message, OutputDatasetHash: e.output?.hash }
          : { Status: e.status, Message: e.message }
      )
    }),
    route('GET', `${execution}/result`, 'user', async ({ params: [hash, id] }) => ({
      status: 200,
      bytes: await readFile(executions.resultFile(hash, id)),
      contentType: 'application/vnd.apache.parquet',
      filename: OUTPUT_FILE
    }))
  ]
}
