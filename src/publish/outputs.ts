import * as core from '@actions/core'
import type { RunResult } from './result.js'
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
    operation: spec?.script.operation ?? '',
    group: result.group ?? spec?.group ?? '',
    'python-version': spec?.script.pythonVersion ?? '',
    'server-version': redact(result.serverVersion ?? ''),
    'api-version': result.apiVersion ?? '',
    'build-seconds': result.buildSeconds === undefined ? '' : String(result.buildSeconds),
    'smoke-test': result.smokeTest.outcome,
    'smoke-test-output': result.smokeTestOutput ?? '',
    'execution-id': result.smokeTest.executionId ?? '',
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

export function writeOutputs(result: RunResult): void {
  for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value)
}
