/** Bad-input rows: how the run behaves (wait, smoke test, expectations) (__tests__/e2e/bad-input.test.ts runs them). */
import { asyncScript, row, smokeTest, type Case } from './table.js'

export const BEHAVIOUR_CASES: Case[] = [
  // behaviour
  row('wait not a boolean', 'wait', { wait: 'sometimes' }, /not a boolean\. Use true or false/),
  row('wait-timeout not a duration', 'wait-timeout', { 'wait-timeout': 'forever' }, /not a duration\. Write it like/),
  row('poll-interval too short', 'poll-interval', { 'poll-interval': '200ms' }, /too short\. Use at least/),
  row('fail-on-timeout not a boolean', 'fail-on-timeout', { 'fail-on-timeout': 'perhaps' }, /not a boolean/),
  row('smoke-test not a boolean', 'smoke-test', { 'smoke-test': 'yes please' }, /not a boolean/),
  row(
    'a smoke test without the group token',
    'group-token',
    { ...smokeTest, 'group-token': '' },
    /the smoke test needs it for the run calls.*Pass it from a secret.*or set smoke-test: false/
  ),
  row(
    'a smoke test without waiting',
    'smoke-test',
    { ...smokeTest, wait: 'false' },
    /needs a deployed script, but wait is false\. Set wait: true/
  ),
  row(
    'smoke-test-input JSON that does not parse',
    'smoke-test-input',
    { ...smokeTest, 'smoke-test-input': '{"age":' },
    /is inline JSON that does not parse.*Give valid JSON/
  ),
  row(
    'a smoke-test-input file that does not exist',
    'smoke-test-input',
    { ...smokeTest, 'smoke-test-input': 'sample-request.json' },
    /does not exist.*Check the path/
  ),
  row(
    'smoke-test-timeout not a duration',
    'smoke-test-timeout',
    { 'smoke-test-timeout': 'ten minutes' },
    /not a duration/
  ),
  row(
    'smoke-test-expect for an Async script with a type outside the list',
    'smoke-test-expect',
    { ...asyncScript, ...smokeTest, 'smoke-test-expect': '{"columns": {"score": "float"}}' },
    /the type "float", which is not one of string, integer, number, boolean, datetime or any.*Write "number"/
  ),
  row('upload-artifact not a boolean', 'upload-artifact', { 'upload-artifact': 'nah' }, /not a boolean/),
  row(
    'an artifact name with a slash',
    'artifact-name',
    { 'artifact-name': 'deploy/loan' },
    /holds a character artifact names cannot have.*Use letters, digits/
  ),
  row(
    'a retention of 0 days',
    'artifact-retention-days',
    { 'artifact-retention-days': '0' },
    /not a whole number of days from 1 to 400/
  ),
  row(
    'a retention that is not a number',
    'artifact-retention-days',
    { 'artifact-retention-days': 'ten' },
    /not a whole number of days/
  )
]
