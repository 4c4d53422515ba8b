import * as core from '@actions/core'
import type { DeploySpec } from '../inputs/parse.js'
import type { LogEntry } from '../api/wire.js'
import { LOG_TAIL_LINES, logTail } from '../steps/logs.js'
import type { RunResult } from './result.js'
import { oneLine, printInert } from '../shared/inert.js'
import { writeOutputs } from './outputs.js'
import { writeSummary } from './summary.js'
import { provenance, writeRecords, writeResultFile, type Provenance } from './records.js'
import { uploadRecords } from './artifact.js'
import { tracebackAnnotations } from './annotations.js'
import { envelopeError } from '../shared/error-envelope.js'
import { commentOnPullRequest } from './pr-comment.js'
import { gitHubWarnings } from '../github/permissions.js'

/**
 * Everything a person or a later step needs, each part on its own so one failing
 * does not lose the others. When cancelled, only what is fast and local is done.
 */
export async function publish(result: RunResult, cancelled: boolean): Promise<void> {
  const spec = result.spec
  for (const [title, entries] of [
    ['Build log (Host)', result.hostLogs],
    ['Run log', result.runLogs]
  ] as const) {
    if (entries.length === 0) continue
    const tail = logTail(title, entries, LOG_TAIL_LINES)
    core.startGroup(tail.heading)
    printInert(tail.text)
    core.endGroup()
  }
  if (spec) annotate(result, spec)

  let where: Provenance = {}
  try {
    where = await provenance()
  } catch (error) {
    result.publishWarnings.push(`Could not read the workflow context: ${(error as Error).message}`)
  }
  if (result.recordsDir) {
    try {
      await writeRecords(result, where, spec?.workspace ?? process.cwd(), { hashFiles: !cancelled })
      if (spec?.artifact.upload && !cancelled) {
        // Archived as it stands now; rewritten below once the artifact's id is known.
        writeResultFile(result)
        result.artifact = await uploadRecords(result)
        if (result.artifact.localOnly)
          core.notice(`No artifact service here (a local run?): the records are in ${result.recordsDir}.`)
        else core.info(oneLine(`Uploaded artifact '${result.artifact.name}' (id ${result.artifact.id}).`))
      }
    } catch (error) {
      result.publishWarnings.push(
        `Could not publish the records: ${(error as Error).message}. They are in ${result.recordsDir}.`
      )
    }
    try {
      result.resultFile = writeResultFile(result)
    } catch (error) {
      result.publishWarnings.push(`Could not write result.json: ${(error as Error).message}`)
    }
  }
  for (const warning of result.publishWarnings) core.warning(oneLine(warning))
  try {
    writeOutputs(result)
  } catch (error) {
    core.warning(oneLine(`Could not write the step outputs: ${(error as Error).message}`))
  }
  // After the outputs: a slow or refused GitHub call must not hold them up.
  if (spec?.prComment && !cancelled) await commentOnPullRequest(result, where)
  // Every GitHub call that failed, in one warning per kind: a token lacking two permissions names both at once.
  for (const warning of gitHubWarnings(result.gitHubProblems ?? [])) core.warning(oneLine(warning), { title: 'GitHub' })
  try {
    await writeSummary(result, where)
  } catch (error) {
    core.warning(oneLine(`Could not write the job summary: ${(error as Error).message}`))
  }
}

/** Errors on the user's own source lines, when a traceback points into an uploaded file. */
function annotate(result: RunResult, spec: DeploySpec): void {
  const texts: LogEntry[] = [...result.hostLogs, ...result.runLogs]
  // A raising sync entrypoint's traceback comes back in the run's answer, not only in the logs.
  if (result.localTraceback)
    texts.push({ RegisteredAt: '', OutputType: 'Error', Routine: 'Run', OutputData: result.localTraceback })
  const envelope = envelopeError(result.smokeTest.responseBody)?.message
  // In a pipeline the answer's traceback is the script's only when the preprocessing failed; else it is the model's.
  const stages = result.smokeTest.pipeline
  if (envelope && (!stages || stages.preprocessing.outcome === 'failed'))
    texts.push({ RegisteredAt: '', OutputType: 'Error', Routine: 'Run', OutputData: envelope })
  for (const annotation of tracebackAnnotations(texts, spec.script.files, spec.workspace)) {
    core.error(oneLine(annotation.message), {
      title: 'Error in the deployed script',
      file: annotation.file,
      startLine: annotation.line
    })
  }
}
