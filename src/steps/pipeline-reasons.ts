/**
 * How a pipeline smoke test's model stage says it could not score, when the cause is not
 * the model's answer: the model gone since it was checked, or smoke-test-timeout spent.
 */
import { formatDuration } from '../shared/duration.js'

/** A model run answered 404 or 409, though the model was Deployed at this run's start: it is gone since. */
export function modelGone(hash: string, status: number, detail: string): string {
  const answer = `its run answered HTTP ${status} (${status === 404 ? 'not found' : 'not Deployed'})`
  const fix = 'Redeploy it, or set smoke-test-model to the model now deployed.'
  const since = `${hash} was Deployed when this run checked it: it was removed or undeployed since`
  return `the model could not run: ${answer}, but ${since}. ${fix} (${detail})`
}

export const goneStatus = (status: number | undefined): status is 404 | 409 => status === 404 || status === 409

/** How smoke-test-timeout was shared between the stages, for a reason. */
function split(timeoutMs: number, preprocessingMs: number): string {
  const took = formatDuration(preprocessingMs)
  return `smoke-test-timeout is ${formatDuration(timeoutMs)}, and the preprocessing took ${took}`
}

/** The preprocessing used all of smoke-test-timeout: the model's execution is not started. */
export function noTimeLeft(timeoutMs: number, preprocessingMs: number): string {
  return (
    `no time was left for the model: ${split(timeoutMs, preprocessingMs)}, so the model's execution ` +
    'was not started. Raise smoke-test-timeout to cover both stages.'
  )
}

/** The model's execution outlived what was left of smoke-test-timeout. */
export function modelTimedOut(id: string, status: string, timeoutMs: number, preprocessingMs: number, modelMs: number) {
  return (
    `the model's execution ${id} was still '${status}' after ${formatDuration(modelMs)}, when smoke-test-timeout ` +
    `ran out (${split(timeoutMs, preprocessingMs)}). Raise smoke-test-timeout, or check why the model is slow.`
  )
}
