/** Bad-input rows: the mode, the connection, and single-line inputs (__tests__/e2e/bad-input.test.ts runs them). */
import { HOSTILE, row, type Case } from './table.js'

export const CONNECTION_CASES: Case[] = [
  // mode and the smoke-test-only mode
  row(
    'an unknown mode',
    'mode',
    { mode: 'upload' },
    /'upload' is not a mode\. Use one of deploy, validate, smoke-test/
  ),
  row(
    'smoke-test mode without a hash',
    'preprocessing-id',
    { mode: 'smoke-test' },
    /is required in smoke-test mode\. Pass the hash/
  ),
  row(
    'smoke-test mode with something that is not a hash',
    'preprocessing-id',
    { mode: 'smoke-test', 'preprocessing-id': 'S1234' },
    /not a script hash\. A hash is 'S' and 63 hex/
  ),
  // connection
  row(
    'no url anywhere (no implicit server)',
    'url',
    { url: '' },
    /is empty and neither MLOPS_URL nor NEOMARIL_URL is set; the action has no default server.*Set url:/
  ),
  row('a URL that is not one', 'url', { url: 'neomaril dot example' }, /is not a URL\. Use the server root/),
  row(
    'a URL that is not http(s)',
    'url',
    { url: 'ftp://neomaril.example.com' },
    /is not an http\(s\) URL\. Use the server root/
  ),
  row(
    'credentials in the URL',
    'url',
    { url: 'https://me:hunter2@neomaril.example.com' },
    /holds credentials\. Remove them from the URL/
  ),
  row(
    'plain http to a remote host',
    'url',
    { url: 'http://neomaril.example.com' },
    /uses plain http.*Use https, or set allow-insecure-http: true/
  ),
  row(
    'a URL with a query',
    'url',
    { url: 'https://neomaril.example.com/?tenant=1' },
    /has a query or fragment\. Use the server root only/
  ),
  row(
    'allow-insecure-http not a boolean',
    'allow-insecure-http',
    { 'allow-insecure-http': 'maybe' },
    /'maybe' is not a boolean\. Use true or false/
  ),
  row(
    'no login anywhere',
    'login',
    { login: '' },
    /is empty and neither MLOPS_USER nor NEOMARIL_USER is set\. Pass it from a secret/
  ),
  row(
    'no password anywhere',
    'password',
    { password: '' },
    /is empty and neither MLOPS_PASSWORD nor NEOMARIL_PASSWORD is set\. Pass it from a secret/
  ),
  row(
    'a group token with white space',
    'group-token',
    { 'group-token': '0123456789abcdef 0123456789abcdef' },
    /contains white space\. Copy the token exactly/
  ),
  row(
    'a tenant with white space',
    'tenant',
    { tenant: 'acme bank' },
    /'acme bank' contains white space\. Use the tenant name/
  ),
  row(
    'request-timeout not a duration',
    'request-timeout',
    { 'request-timeout': 'soon' },
    /'soon' is not a duration\. Write it like 90s/
  ),
  row(
    'request-timeout too short',
    'request-timeout',
    { 'request-timeout': '100ms' },
    /'100ms' is too short\. Use at least 1s/
  ),
  row(
    'a group name with a slash',
    'group',
    { group: 'risk/team' },
    /'risk\/team' is not a group name.*letters, digits and _ only/
  ),
  row(
    'an unknown api-version',
    'api-version',
    { 'api-version': 'v3' },
    /'v3' is not an API version\. Use one of auto, v1, v2/
  ),
  row(
    'api-version v2 for a Sync script',
    'api-version',
    { 'api-version': 'v2' },
    /no v2 Sync scripts\. Use auto or v1/
  ),
  // single-line inputs: a line break (of any kind the runner honours) is refused, the value not echoed
  ...(
    [
      'name',
      'entrypoint',
      'group',
      'tenant',
      'url',
      'login',
      'wait-timeout',
      'api-version',
      'mode',
      'artifact-name'
    ] as const
  ).map((input, i) =>
    row(
      `${input} with a line break`,
      input,
      { [input]: `x${['\n', '\r', '\u2028', '\u2029', '\u0085'][i % 5]}${HOSTILE}` },
      /holds a line break, but it takes a single line\. Write the value on one line/
    )
  ),
  row(
    'preprocessing-id with a line break',
    'preprocessing-id',
    { mode: 'smoke-test', 'preprocessing-id': `S${'a'.repeat(63)}\n${HOSTILE}` },
    /holds a line break/
  ),
  row(
    'a fallback variable with a line break',
    'url',
    { url: '' },
    /variable MLOPS_URL it falls back to holds a line break/,
    { MLOPS_URL: `https://neomaril.example.com\n${HOSTILE}` }
  )
]
