import { parseDuration } from '../shared/duration.js'
import { apiCandidates } from '../shared/api-choice.js'
import { INPUT_DEFAULTS, type InputName } from './defaults.js'
import type { InputReader } from './reader.js'
import type { ApiVersion, Mode, Operation } from './spec.js'

/** What decides whether an input has an effect: the mode, the operation, the API and a few other inputs. */
export interface Use {
  readonly mode: Mode
  /** Undefined in smoke-test mode without an operation input: the server tells it later. */
  readonly knownOperation: Operation | undefined
  readonly apiVersion: ApiVersion
  /** Whether a smoke test (or validate mode's local run) runs. */
  readonly smokeTest: boolean
  readonly wait: boolean
  readonly artifact: { readonly upload: boolean }
}

/** The run, and which other inputs the user set. */
type Run = Use & { readonly given: (input: InputName) => boolean }

/** Why an input has no effect in this run, or undefined when it has one (or may have). */
type Effect = (run: Run) => string | undefined

const serverInputs: Effect = ({ mode }) => (mode === 'validate' ? 'validate mode sends nothing to a server' : undefined)
const uploadInputs: Effect = ({ mode }) =>
  mode === 'smoke-test' ? "smoke-test mode uploads nothing: the deployed script's own files and Python run" : undefined
const deployOnly: Effect = ({ mode }) =>
  mode === 'deploy' ? undefined : `${mode} mode neither uploads nor waits for a build`
const buildWait: Effect = (use) =>
  deployOnly(use) ?? (use.wait ? undefined : 'wait is false, so the build is not waited for')
const smokeTestOnly: Effect = ({ mode, smokeTest }) =>
  mode === 'deploy' && !smokeTest ? 'smoke-test is false, so no smoke test runs (set smoke-test: true)' : undefined
const artifactOnly: Effect = ({ artifact }) =>
  artifact.upload ? undefined : 'upload-artifact is false, so no artifact is made'

/**
 * Where each input has an effect: the one table behind rule "no input is silently
 * ignored" (docs/how-it-works.md shows it). An input missing here has an effect in
 * every mode, operation and API.
 */
export const INPUT_EFFECTS = {
  'preprocessing-id': ({ mode }) => (mode === 'smoke-test' ? undefined : `${mode} mode deploys the script it is given`),
  // validate mode reads no server, but finds the environment's record of the script by its url.
  url: (use) => (use.given('environment') ? undefined : serverInputs(use)),
  login: serverInputs,
  password: serverInputs,
  tenant: serverInputs,
  'request-timeout': serverInputs,
  'allow-insecure-http': serverInputs,
  'group-token': (use) =>
    serverInputs(use) ??
    smokeTestOnly(use) ??
    (apiCandidates(use.knownOperation, use.apiVersion).includes('v1') || use.given('smoke-test-model')
      ? undefined
      : "only v1 run calls use it, and api-version v2 runs use the user's token"),
  schema: ({ mode, given }) =>
    mode === 'smoke-test' && given('smoke-test-input')
      ? 'smoke-test mode uploads nothing, and smoke-test-input is the sample it tests with'
      : undefined,
  // It checks the schema's datasets (and is recorded with the upload); nothing sends it.
  'input-type': ({ mode, given }) =>
    mode === 'smoke-test' && !given('schema') ? 'smoke-test mode has no schema for it to check' : undefined,
  'api-version': ({ knownOperation, apiVersion }) =>
    knownOperation === 'Sync' && apiVersion === 'v1' ? 'Sync scripts go through v1 whatever it says' : undefined,
  entrypoint: uploadInputs,
  'source-file': uploadInputs,
  'requirements-file': uploadInputs,
  'extra-files': uploadInputs,
  'env-file': uploadInputs,
  'python-version': uploadInputs,
  wait: deployOnly,
  'wait-timeout': buildWait,
  'fail-on-timeout': buildWait,
  // It also spaces an Async smoke test's execution checks.
  'poll-interval': (use) =>
    use.mode === 'validate'
      ? 'validate mode waits for no server'
      : use.mode === 'smoke-test'
        ? use.knownOperation === 'Sync'
          ? 'a Sync smoke test is one call, with nothing to wait for'
          : undefined
        : buildWait(use),
  'smoke-test': ({ mode }) => (mode === 'deploy' ? undefined : `${mode} mode always runs the entrypoint on the sample`),
  'smoke-test-input': smokeTestOnly,
  'smoke-test-expect': smokeTestOnly,
  'smoke-test-timeout': smokeTestOnly,
  'smoke-test-model': (use) => serverInputs(use) ?? smokeTestOnly(use),
  'smoke-test-model-group': (use) =>
    serverInputs(use) ??
    smokeTestOnly(use) ??
    (use.given('smoke-test-model') ? undefined : 'smoke-test-model is empty, so no model is called'),
  'artifact-name': artifactOnly,
  'artifact-retention-days': artifactOnly,
  'pr-comment': ({ mode }) =>
    mode === 'smoke-test' ? 'smoke-test mode has no upload to plan and no script name to comment under' : undefined,
  // validate mode compares with the environment's record; smoke-test mode records nothing.
  environment: ({ mode }) => (mode === 'smoke-test' ? 'smoke-test mode deploys nothing to record' : undefined),
  'skip-unchanged': deployOnly
} satisfies Partial<Record<InputName, Effect>>

/**
 * The inputs with an effect in every mode, operation and API, each with where. With
 * INPUT_EFFECTS it classifies every input of action.yml, once (a test checks it), so a new
 * input cannot be left out of the rule.
 */
export const ALWAYS_IN_EFFECT: Readonly<Record<Exclude<InputName, keyof typeof INPUT_EFFECTS>, string>> = {
  mode: 'chooses the mode',
  group: "names the script's group: the call's, or the record's in validate mode",
  name: "the summary's heading and the artifact's name in every mode, and the registered name",
  operation: "Sync or Async: sent, run locally, or checked against the server's in smoke-test mode",
  'allow-outside-workspace': 'bounds every file read, the smoke test sample included',
  'upload-artifact': "every mode keeps the run's records",
  // Never reported: the runner always passes the job's token as its default.
  'github-token': "the records, the pull-request comment and the artifact's upload"
}

/**
 * Warns about every input the user set (to something other than its default: the runner
 * passes every default) that has no effect in this run, naming it and why.
 */
export function reportUnusedInputs(reader: InputReader, use: Use): void {
  const run: Run = { ...use, given: (input) => isSet(reader, input) }
  for (const [input, effect] of Object.entries(INPUT_EFFECTS) as [InputName, Effect][]) {
    if (!run.given(input)) continue
    const why = effect(run)
    if (why) reader.warnings.push(`${input} is set, but has no effect in this run: ${why}. Remove it from this step.`)
  }
}

/** Set by the user: not empty, and not the default however it is spelled (True, 30m, V1). */
function isSet(reader: InputReader, input: InputName): boolean {
  const value = reader.source.get(input).trim()
  if (value === '') return false
  const fallback = INPUT_DEFAULTS[input]
  const booleans = [/^(true|yes|on|1)$/i, /^(false|no|off|0)$/i]
  if (booleans.some((pattern) => pattern.test(fallback)))
    return !booleans.some((pattern) => pattern.test(fallback) && pattern.test(value))
  const ms = parseDuration(value)
  if (ms !== undefined && fallback !== '' && ms === parseDuration(fallback)) return false
  return value.toLowerCase() !== fallback.toLowerCase()
}
