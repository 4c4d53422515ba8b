import { apiCandidates, likelyApi, type ApiVersion, type AskedApi } from '../shared/api-choice.js'
import type { InputProblem } from '../shared/errors.js'
import type { DeploySpec, Mode, NamedDataset, Operation, SmokeTestSpec } from './spec.js'

/**
 * What the inputs need from the API the script goes through (src/shared/api-choice.ts),
 * checked as soon as that API is known: at input time when every API the script may take
 * agrees, else right after `api-version: auto`'s read-only probe, before anything is
 * uploaded (src/modes/session.ts, which says why: `why`). Either way it is an input error.
 * - v1: the smoke test's run calls authenticate with the group token;
 * - v2: an execution takes one input per schema dataset, under the schema's names, and no
 *   other: the server refuses an unknown name (400 on the input upload) and a missing one
 *   (400 on the run), after a full deploy.
 */
export function problemsOnApi(spec: DeploySpec, version: ApiVersion, why?: string): InputProblem[] {
  // Validate mode calls no server; smoke-test mode's schema is the deployed script's, on the server.
  if (!spec.smokeTest.enabled || spec.mode === 'validate') return []
  let problem: InputProblem | undefined
  if (version === 'v1') problem = missingGroupToken(spec.mode, spec.connection.groupToken)
  else if (spec.mode === 'deploy') problem = datasetMismatch(spec.script.datasets, spec.smokeTest.datasets ?? [])
  if (!problem) return []
  return [why ? { ...problem, problem: `${problem.problem} This deploy goes through ${version} (${why}).` } : problem]
}

/**
 * At input time, the dataset names matter for certain when no API but v2 can take the
 * script: api-version v2, validate mode's likely API (it tests that contract), or more
 * than one dataset (v1 takes one file, whatever its name). Smoke-test mode has no schema
 * of its own to compare with: the deployed script's is on the server.
 */
export function datasetMismatchBeforeProbe(context: {
  readonly mode: Mode
  readonly operation: Operation | undefined
  readonly apiVersion: AskedApi
  readonly smokeTest: SmokeTestSpec
  readonly schema: readonly NamedDataset[]
}): InputProblem | undefined {
  const { mode, operation, apiVersion, smokeTest, schema } = context
  if (mode === 'smoke-test' || !smokeTest.enabled || operation !== 'Async') return undefined
  const sample = smokeTest.datasets ?? []
  const apis = mode === 'validate' ? [likelyApi(operation, apiVersion)] : apiCandidates(operation, apiVersion)
  // Under api-version v1 the names never matter (and more than one dataset is refused on its own).
  const onlyV2 =
    apis.includes('v2') && (apis.every((api) => api === 'v2') || Math.max(sample.length, schema.length) > 1)
  return onlyV2 ? datasetMismatch(schema, sample) : undefined
}

/** The group token is missing for the v1 run calls of a smoke test. */
export function missingGroupToken(mode: Mode, groupToken: string | undefined): InputProblem | undefined {
  if (groupToken) return undefined
  return {
    input: 'group-token',
    problem:
      'is empty, but the smoke test needs it for the run calls ' +
      '(and neither MLOPS_GROUP_TOKEN nor NEOMARIL_GROUP_TOKEN is set).',
    fix:
      mode === 'deploy'
        ? 'Pass it from a secret: group-token: ${{ secrets.MLOPS_GROUP_TOKEN }}, or set smoke-test: false.'
        : 'Pass it from a secret: group-token: ${{ secrets.MLOPS_GROUP_TOKEN }}.'
  }
}

/**
 * smoke-test-input's datasets against the schema's, by name (a v2 execution's inputs).
 * Undefined when they match, or when either side is empty (nothing to compare).
 */
export function datasetMismatch(
  schema: readonly NamedDataset[],
  sample: readonly NamedDataset[]
): InputProblem | undefined {
  if (schema.length === 0 || sample.length === 0) return undefined
  const schemaNames = schema.map((d) => d.name)
  const sampleNames = sample.map((d) => d.name)
  const missing = schemaNames.filter((name) => !sampleNames.includes(name))
  const extra = sampleNames.filter((name) => !schemaNames.includes(name))
  if (missing.length === 0 && extra.length === 0) return undefined
  const list = (names: string[]) => names.map((name) => `'${name}'`).join(', ')
  const parts = [
    missing.length > 0 ? `has no line for the schema's dataset${missing.length > 1 ? 's' : ''} ${list(missing)}` : '',
    extra.length > 0 ? `names ${list(extra)}, which the schema does not` : ''
  ].filter(Boolean)
  return {
    input: 'smoke-test-input',
    problem:
      `${parts.join(' and ')} (the schema's datasets: ${list(schemaNames)}); ` +
      'a v2 execution takes one input per schema dataset, under its name, and the server would refuse it ' +
      'after the deploy.',
    fix: `Write one name=path line per schema dataset (${schemaNames.map((name) => `${name}=…`).join(', ')}).`
  }
}
