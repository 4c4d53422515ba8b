/** The model routes a preprocessing script's pipeline needs: status, describe, runs, executions, results. */
import { accepted, ok, route, SEGMENT, type Route } from '../http/route.js'
import { timestamp } from '../wire.js'
import type { Model, Models } from './models.js'
import type { ModelRuns } from './runs.js'

const describeModel = (m: Model): Record<string, unknown> => ({
  ModelHash: m.hash,
  Name: m.name,
  Group: m.group,
  Operation: m.operation,
  PythonVersion: m.pythonVersion,
  ScoreFunction: m.entrypoint,
  Status: m.status,
  UploadedAt: timestamp(m.uploadedAt)
})

export function modelRoutes(models: Models, runs: ModelRuns): Route[] {
  const M = '/model'
  return [
    route('GET', `${M}/status/${SEGMENT}/${SEGMENT}`, 'user', ({ params: [group, hash] }) => {
      const model = models.get(group, hash)
      return ok({ Status: model.status, Message: model.status === 'Deployed' ? null : `Model is ${model.status}` })
    }),
    route('GET', `${M}/describe/${SEGMENT}/${SEGMENT}`, 'user', ({ params: [group, hash] }) =>
      ok({ Description: describeModel(models.get(group, hash)) })
    ),
    route('GET', `${M}/describe/${SEGMENT}/${SEGMENT}/${SEGMENT}`, 'user', ({ params: [group, hash, id] }) => {
      const e = runs.executionOf(group, hash, id)
      return ok({
        Description: {
          ExecutionId: e.id,
          ModelHash: e.hash,
          Group: e.group,
          ExecutionState: e.status,
          Message: e.message,
          RequestedAt: timestamp(e.createdAt)
        }
      })
    }),
    route('POST', `${M}/sync/run/${SEGMENT}/${SEGMENT}`, 'group', async ({ params: [group, hash], body }) =>
      ok(await runs.runSync(group, hash, body.raw))
    ),
    route('POST', `${M}/async/run/${SEGMENT}/${SEGMENT}`, 'group', async ({ params: [group, hash], body }) => {
      const execution = await runs.runAsync(group, hash, body)
      return accepted({
        Message: `Model execution '${execution.id}' started. Use the id to check its status.`,
        ExecutionId: execution.id
      })
    }),
    route('GET', `${M}/async/status/${SEGMENT}/${SEGMENT}`, 'group', ({ params: [group, id] }) => {
      const execution = runs.getExecution(group, id)
      return ok({ ExecutionId: execution.id, Status: execution.status, Message: execution.message })
    }),
    route('GET', `${M}/async/result/${SEGMENT}/${SEGMENT}`, 'group', async ({ params: [group, id] }) => ({
      status: 200,
      bytes: await runs.result(group, id),
      contentType: 'application/zip',
      filename: `model-execution-${id}.zip`
    }))
  ]
}
