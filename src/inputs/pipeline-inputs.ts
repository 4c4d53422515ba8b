import type { InputReader } from './reader.js'
import type { Mode, PipelineModel } from './spec.js'
import { MODEL_HASH, SCRIPT_HASH } from '../shared/hashes.js'

/**
 * smoke-test-model and smoke-test-model-group: the model the smoke test runs the script
 * through. Undefined when no model is given, or when no server smoke test runs (validate
 * mode, smoke-test: false; unused-inputs.ts warns about those). The model's run calls
 * authenticate with the group token, whichever API serves the script, so it is needed here.
 */
export function parsePipelineModel(
  reader: InputReader,
  context: { readonly mode: Mode; readonly smokeTest: boolean; readonly groupToken: string | undefined }
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
  return { hash, group: group || undefined }
}
