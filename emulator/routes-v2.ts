/** The v2 preprocessing routes (mlops-current-api.md §5, §9), all under /v2/preprocessing, all with the user token. */
import { readFile } from 'node:fs/promises'
import type { Dataset, ExecutionV2, PreprocessingV2, ScriptV2 } from './preprocessing-v2.js'
import { ok, parseDay, route, SEGMENT, type Route } from './routes.js'
import { timestamp, type State } from './state.js'

const ROOT = '/v2/preprocessing'
const DAY_MS = 24 * 3600 * 1000

const datasetRef = (d: Dataset): { DatasetHash: string; DatasetName: string } => ({
  DatasetHash: d.hash,
  DatasetName: d.name
})

/** Describe (GET /{h}) and each list entry: top-level State, plus the keys the client reads from the list. */
const describeScript = (s: ScriptV2): Record<string, unknown> => ({
  ScriptHash: s.hash,
  Name: s.name,
  ScriptGroupName: s.group,
  Operation: 'Async',
  PythonVersion: s.pythonVersion ?? null,
  PreprocessReference: s.reference ?? null,
  State: s.status,
  Message: s.message,
  UploadedAt: timestamp(s.uploadedAt),
  UploadedDatasets: [...s.schemas.values()].map(datasetRef),
  GeneratedDatasets: s.generated ? [datasetRef(s.generated)] : []
})

const describeExecution = (s: ScriptV2, e: ExecutionV2): Record<string, unknown> => ({
  ExecutionId: e.id,
  ScriptHash: s.hash,
  Status: e.status,
  Message: e.message,
  CreatedAt: timestamp(e.createdAt),
  InputDatasets: [...e.inputs.values()].map(datasetRef),
  OutputDatasetHash: e.output?.hash ?? null,
  Rows: e.rows ?? null,
  Columns: e.columns ?? null
})

/** The list's optional start/end, as dd-mm-YYYY UTC days, both inclusive. */
function uploadWindow(query: URLSearchParams): { from?: Date; to?: Date } {
  const start = query.get('start')
  const end = query.get('end')
  return {
    from: start ? parseDay(start, 'start') : undefined,
    to: end ? new Date(parseDay(end, 'end').getTime() + DAY_MS - 1) : undefined
  }
}

export function apiRoutesV2(v2: PreprocessingV2, state: State): Route[] {
  const created = (json: unknown): { status: number; json: unknown } => ({ status: 201, json })
  const script = `${ROOT}/${SEGMENT}`
  const execution = `${script}/execution/${SEGMENT}`
  return [
    route('GET', ROOT, 'user', ({ query }) =>
      ok({
        Result: v2
          .list({
            state: query.get('state') || undefined,
            group: query.get('group') || undefined,
            ...uploadWindow(query)
          })
          .map(describeScript)
      })
    ),
    route('POST', script, 'user', async ({ params: [group], body }) =>
      created({ PreprocessHash: (await v2.register(group, body.raw)).hash })
    ),
    route('GET', script, 'user', ({ params: [hash] }) => ok(describeScript(v2.getScript(hash)))),
    route('PATCH', `${script}/schema`, 'user', async ({ params: [hash], body }) =>
      created(datasetRef(await v2.uploadSchema(hash, body.form, body.files)))
    ),
    route('PATCH', `${script}/script-file`, 'user', async ({ params: [hash], body }) => {
      await v2.uploadScript(hash, body.form, body.files)
      return created({ Message: 'Script file uploaded' })
    }),
    route('PATCH', `${script}/requirements-file`, 'user', async ({ params: [hash], body }) => {
      await v2.uploadFile(hash, 'requirements', body.form, body.files)
      return created({ Message: 'Requirements file uploaded' })
    }),
    route('PATCH', `${script}/env-file`, 'user', async ({ params: [hash], body }) => {
      await v2.uploadFile(hash, 'env', body.form, body.files)
      return created({ Message: 'Env file uploaded' })
    }),
    route('PATCH', `${script}/extra-file`, 'user', async ({ params: [hash], body }) =>
      created({ Message: `Extra file '${await v2.uploadFile(hash, 'extra', body.form, body.files)}' uploaded` })
    ),
    route(
      'PATCH',
      `${script}/status`,
      'user',
      ({ params: [hash], hangBuild }) => {
        v2.host(hash, hangBuild, state.buildSeconds, state.buildFails)
        return { status: 202, json: { Message: `Hosting preprocessing '${hash}'` } }
      },
      true
    ),
    route('GET', `${script}/status`, 'user', ({ params: [hash] }) => {
      const s = v2.getScript(hash)
      return ok(
        s.status === 'Deployed'
          ? { Status: s.status, Message: s.message, DatasetHash: s.generated?.hash }
          : { Status: s.status, Message: s.message }
      )
    }),
    route('POST', `${script}/execution`, 'user', ({ params: [hash] }) =>
      created({ Message: `Preprocess Execution '${v2.createExecution(hash).id}' created` })
    ),
    route('GET', execution, 'user', ({ params: [hash, id] }) => {
      const found = v2.getExecution(hash, id)
      return ok(describeExecution(found.script, found.execution))
    }),
    route('PATCH', `${execution}/input`, 'user', async ({ params: [hash, id], body }) =>
      created(datasetRef(await v2.uploadInput(hash, id, body.form, body.files)))
    ),
    route('PATCH', `${execution}/run`, 'user', async ({ params: [hash, id] }) => {
      await v2.run(hash, id)
      return created({ Message: `Execution '${id}' is running` })
    }),
    route('GET', `${execution}/status`, 'user', ({ params: [hash, id] }) => {
      const { execution: e } = v2.getExecution(hash, id)
      return ok(
        e.status === 'Succeeded'
          ? { Status: e.status, Message: e.message, OutputDatasetHash: e.output?.hash }
          : { Status: e.status, Message: e.message }
      )
    }),
    route('GET', `${execution}/result`, 'user', async ({ params: [hash, id] }) => ({
      status: 200,
      bytes: await readFile(v2.resultFile(hash, id)),
      contentType: 'application/vnd.apache.parquet',
      filename: 'preprocessed_data.parquet'
    }))
  ]
}
