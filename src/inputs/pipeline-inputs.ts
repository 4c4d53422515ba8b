import { apiCandidates } from '../shared/api-choice.js'
import { normaliseGroup } from './connection.js'
import type { InputReader } from './reader.js'
import type { ApiVersion, Mode, Operation, PipelineModel } from './spec.js'
import { MODEL_HASH, SCRIPT_HASH } from '../shared/hashes.js'

/**
 * smoke-test-model and smoke-test-model-group: the model the smoke test runs the script
 * through. Undefined when no model is given, or when no server smoke test runs (validate
 * mode, smoke-test: false; unused-inputs.ts warns about those). The model's run calls
 * authenticate with the group token, whichever API serves the script, so it is needed here.
 */
export function parsePipelineModel(
  reader: InputReader,
  context: {
    readonly mode: Mode
    readonly smokeTest: boolean
    readonly groupToken: string | undefined
    /** The script's group (normalised), its operation (undefined: the server says) and the API asked for. */
    readonly group: string
    readonly operation: Operation | undefined
    readonly apiVersion: ApiVersion
  }
): PipelineModel | undefined {
  const hash = reader.get('smoke-test-model')
  const group = reader.get('smoke-test-model-group')
  if (!hash || context.mode === 'validate' || !context.smokeTest) return undefined
  if (!MODEL_HASH.test(hash)) {
    const script = SCRIPT_HASH.test(hash)
    reader.fail(
      'smoke-test-model',
      script ? `'${hash}' is a script hash (S…), not a model's.` : `'${hash}' is not a model hash.`,
      "Give the hash of the deployed model this script feeds: 'M' and 63 hex characters, as MLOps shows it."
    )
    return undefined
  }
  if (group && /\s/.test(group))
    reader.fail('smoke-test-model-group', `'${group}' holds a space.`, 'Give the group name as MLOps spells it.')
  if (!context.groupToken && !reader.problems.some((problem) => problem.input === 'group-token'))
    reader.fail(
      'group-token',
      'is empty, but smoke-test-model is set: the model run calls need the group token ' +
        '(and neither MLOPS_GROUP_TOKEN nor NEOMARIL_GROUP_TOKEN is set).',
      'Pass it from a secret: group-token: ${{ secrets.MLOPS_GROUP_TOKEN }}.'
    )
  // A v1 Async execution runs with group-token too: one token cannot serve two groups.
  const otherGroup = group !== '' && normaliseGroup(group) !== context.group
  if (otherGroup && context.operation !== 'Sync' && apiCandidates(context.operation, context.apiVersion).includes('v1'))
    reader.warnings.push(
      `smoke-test-model-group '${group}' is not the script's group '${context.group}': if the script runs on v1 ` +
        "(an Async script's execution on a v1 server), that execution and the model's run both send group-token, " +
        "which is one group's token, so one of them will be refused. Use a model in the script's group, " +
        'or api-version: v2 (its executions use the user token).'
    )
  return { hash, group: group || undefined }
}
