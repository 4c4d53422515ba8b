import * as core from '@actions/core'
import { knownScript, type RunResult } from './result.js'
import { redact } from '../shared/secrets.js'

/**
 * The step outputs (action.yml); every one is written, empty when unknown. They are the
 * action's own values and are never rewritten by redaction (docs/security.md), except the
 * server's version, which is server text.
 */
export function outputsOf(result: RunResult): Record<string, string> {
  const spec = result.spec
  return {
    'preprocessing-id': result.hash ?? '',
    status: result.status,
    operation: result.operation ?? '',
    group: result.group ?? spec?.group ?? '',
    'python-version': knownScript(result).pythonVersion ?? '',
    'server-version': redact(result.serverVersion ?? ''),
    'api-version': result.apiVersion ?? '',
    'build-seconds': result.buildSeconds === undefined ? '' : String(result.buildSeconds),
    'smoke-test': result.smokeTest.outcome,
    'smoke-test-output': result.smokeTestOutput ?? '',
    'execution-id': result.smokeTest.executionId ?? '',
    'model-execution-id': result.smokeTest.pipeline?.model.executionId ?? '',
    'smoke-test-stages': stagesOf(result),
    'logs-file': result.logsFile ?? '',
    'artifact-id': result.artifact?.id === undefined ? '' : String(result.artifact.id),
    'artifact-url': result.artifact?.url ?? '',
    'result-file': result.resultFile ?? '',
    manifest: result.manifest ? JSON.stringify(result.manifest) : '',
    url: result.url ?? '',
    digest: result.digest ?? '',
    'previous-preprocessing-id': result.previousHash?.hash ?? '',
    'deployment-id': result.deploymentId === undefined ? '' : String(result.deploymentId),
    // Empty when there was no record to compare with (hasChanges undefined).
    'has-changes': result.plan?.hasChanges === undefined ? '' : String(result.plan.hasChanges),
    'changes-markdown': result.plan?.hasChanges === undefined ? '' : result.plan.markdown
  }
}

/** A pipeline smoke test's stages, each its outcome and time (ms), as JSON; '' without a model. */
function stagesOf(result: RunResult): string {
  const stages = result.smokeTest.pipeline
  if (!stages) return ''
  const stage = ({ outcome, elapsedMs }: { outcome: string; elapsedMs?: number }) => ({
    outcome,
    ms: elapsedMs ?? null
  })
  return JSON.stringify({ preprocessing: stage(stages.preprocessing), model: stage(stages.model) })
}

export function writeOutputs(result: RunResult): void {
  for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value)
}
