import { GROUP_TOKEN } from '../shared/hashes.js'
import type { InputReader } from './reader.js'
import type { DeploySpec } from './spec.js'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * The variables each input falls back to: the current client's MLOPS_* first, then
 * the Neomaril-era names older workflows still set.
 */
export const FALLBACK_VARIABLES = {
  url: ['MLOPS_URL', 'NEOMARIL_URL'],
  login: ['MLOPS_USER', 'NEOMARIL_USER'],
  password: ['MLOPS_PASSWORD', 'NEOMARIL_PASSWORD'],
  'group-token': ['MLOPS_GROUP_TOKEN', 'NEOMARIL_GROUP_TOKEN'],
  tenant: ['MLOPS_TENANT', 'NEOMARIL_TENANT']
} as const

/**
 * Server, credentials and tenant. The secrets are masked before anything (even an
 * error message) could print them. There is no default server: the password goes
 * only to a host the workflow named.
 */
export function parseConnection(reader: InputReader, needsServer: boolean): DeploySpec['connection'] {
  const { fail } = reader
  const fallback = (input: keyof typeof FALLBACK_VARIABLES): string => reader.fromEnv(input, FALLBACK_VARIABLES[input])
  const neither = (input: keyof typeof FALLBACK_VARIABLES): string => FALLBACK_VARIABLES[input].join(' nor ')

  const password = fallback('password')
  const groupToken = fallback('group-token')
  if (password) reader.source.mask(password)
  if (groupToken) reader.source.mask(groupToken)

  const rawUrl = fallback('url')
  if (!rawUrl && needsServer)
    fail(
      'url',
      `is empty and neither ${neither('url')} is set; ` +
        'the action has no default server, so your password goes only where you point it.',
      'Set url: to the server root (e.g. https://neomaril.datarisk.net), or the MLOPS_URL variable.'
    )
  const allowInsecureHttp = reader.boolean('allow-insecure-http')
  const apiUrl = rawUrl ? parseServerUrl(rawUrl, allowInsecureHttp, reader) : undefined

  const login = fallback('login')
  if (!login && needsServer)
    fail(
      'login',
      `is empty and neither ${neither('login')} is set.`,
      'Pass it from a secret: login: ${{ secrets.MLOPS_USER }}.'
    )
  if (!password && needsServer)
    fail(
      'password',
      `is empty and neither ${neither('password')} is set.`,
      'Pass it from a secret: password: ${{ secrets.MLOPS_PASSWORD }}.'
    )
  if (groupToken && /\s/.test(groupToken))
    fail(
      'group-token',
      'contains white space.',
      'Copy the token exactly as the server returned it when the group was created.'
    )
  const tenant = fallback('tenant')
  if (tenant && /\s/.test(tenant))
    fail(
      'tenant',
      `'${tenant}' contains white space.`,
      'Use the tenant name your MLOps administrator gave you (e.g. datarisk).'
    )

  return {
    apiUrl: apiUrl ?? '',
    login,
    password,
    tenant: tenant || undefined,
    groupToken: groupToken || undefined,
    requestTimeoutMs: reader.duration('request-timeout', 1000)
  }
}

/** A warning when a smoke test will send a group token the platform would not have issued. */
export function groupTokenWarning(groupToken: string | undefined): string | undefined {
  if (!groupToken || GROUP_TOKEN.test(groupToken)) return undefined
  return (
    `Input 'group-token' does not look like a platform group token ` +
    `(32 hex characters; this one has ${groupToken.length} characters). ` +
    "The smoke test's run calls will likely be refused: copy the token the server returned when the group was created."
  )
}

/** The official client's rule (2.1.1): lower-case, trim, then space, `.` and `-` become `_`. */
export function normaliseGroup(group: string): string {
  return group.toLowerCase().trim().replace(/[ .-]/g, '_')
}

/**
 * The server root to the API's base (docs/platform-contract.md): drop one trailing `/`,
 * then append `/api` unless already there.
 */
export function apiBaseUrl(serverUrl: string): string {
  const trimmed = serverUrl.endsWith('/') ? serverUrl.slice(0, -1) : serverUrl
  return trimmed.endsWith('/api') ? trimmed : `${trimmed}/api`
}

function parseServerUrl(raw: string, allowInsecureHttp: boolean, { fail }: InputReader): string | undefined {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return fail('url', `'${raw}' is not a URL.`, 'Use the server root, e.g. https://neomaril.datarisk.net.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return fail('url', `'${raw}' is not an http(s) URL.`, 'Use the server root, e.g. https://neomaril.datarisk.net.')
  if (url.username || url.password)
    return fail('url', 'holds credentials.', "Remove them from the URL; use the 'login' and 'password' inputs.")
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname) && !allowInsecureHttp) {
    return fail(
      'url',
      `'${raw}' uses plain http, which would send the password unencrypted.`,
      'Use https, or set allow-insecure-http: true if the network is trusted.'
    )
  }
  if (url.search || url.hash) return fail('url', `'${raw}' has a query or fragment.`, 'Use the server root only.')
  return apiBaseUrl(url.toString())
}

/** The group as given and the 2.1.1 spelling; the server's /groups decides which is used. */
export function parseGroup(reader: InputReader): { group: string; groupNormalised: string } {
  const group = reader.orDefault('group')
  const groupNormalised = normaliseGroup(group)
  if (!/^[a-z0-9_]+$/.test(groupNormalised))
    reader.fail(
      'group',
      `'${group}' is not a group name (even as '${groupNormalised}').`,
      'Group names hold letters, digits and _ only; use the name shown by the MLOps server.'
    )
  return { group, groupNormalised }
}
