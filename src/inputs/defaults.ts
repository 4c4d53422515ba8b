/**
 * Every input of action.yml and its default, in one table. The runner passes each default
 * itself; the parser falls back to the same value when an input is empty (a step's
 * `with: x: ''`, the unit tests, a runner-less call). __tests__/inputs/defaults.test.ts
 * checks the table against action.yml, so the two cannot drift apart.
 */
export const INPUT_DEFAULTS = {
  mode: 'deploy',
  'preprocessing-id': '',
  url: '',
  login: '',
  password: '',
  group: 'datarisk',
  'group-token': '',
  tenant: '',
  'api-version': 'auto',
  'request-timeout': '60s',
  'allow-insecure-http': 'false',
  name: '',
  entrypoint: '',
  'source-file': '',
  'requirements-file': '',
  schema: '',
  'extra-files': '',
  'env-file': '',
  'allow-outside-workspace': 'false',
  'python-version': '3.10',
  // Empty, not Sync: in smoke-test mode an operation the workflow did not give is the server's to say.
  operation: '',
  'input-type': '',
  wait: 'true',
  'wait-timeout': '30m',
  'poll-interval': '10s',
  'fail-on-timeout': 'true',
  'smoke-test': 'false',
  'smoke-test-input': '',
  'smoke-test-expect': '',
  'smoke-test-timeout': '10m',
  'smoke-test-model': '',
  'smoke-test-model-group': '',
  'upload-artifact': 'true',
  'artifact-name': '',
  'artifact-retention-days': '',
  environment: '',
  'github-token': '${{ github.token }}',
  'skip-unchanged': 'false',
  'pr-comment': 'false'
} as const

/** The name of an action input. */
export type InputName = keyof typeof INPUT_DEFAULTS
