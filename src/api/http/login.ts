import type { ConnectionSettings } from '../../shared/connection-settings.js'
import { ApiError } from '../../shared/errors.js'
import type { HealthResponse, LoginResponse } from '../wire.js'
import { loginRefused } from './failures.js'
import type { Call } from './types.js'

/** The two calls the transport makes on its own behalf: health (before login) and login (auth needs it). */
interface Sender {
  json<T>(call: Call): Promise<T>
}

/** The server version; also proves the URL points at a Neomaril API. Read-only, sends nothing secret. */
export async function serverVersion(sender: Sender): Promise<string> {
  const body = await sender.json<HealthResponse>({
    method: 'GET',
    path: '/health',
    auth: 'none',
    safety: 'read',
    ok: [200],
    probe: true
  })
  return typeof body.Version === 'string' ? body.Version : 'unknown'
}

/** A user token. Logging in has no lasting effect, so it is retried like a read. */
export async function userToken(
  sender: Sender,
  { login, password, tenant }: Pick<ConnectionSettings, 'login' | 'password' | 'tenant'>
): Promise<string> {
  // No tenant field at all when none is set: a 2.x-era server never sees one (docs/platform-contract.md).
  const fields: Record<string, string> =
    tenant === undefined ? { user: login, password } : { user: login, password, tenant }
  const form = new URLSearchParams(fields).toString()
  let body: LoginResponse
  try {
    body = await sender.json<LoginResponse>({
      method: 'POST',
      path: '/login',
      auth: 'none',
      safety: 'read',
      fewSilentTries: true,
      ok: [200],
      body: () => ({ body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
    })
  } catch (error) {
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      throw loginRefused(login, tenant, error)
    }
    throw error
  }
  if (typeof body.Token !== 'string' || body.Token === '')
    throw new ApiError('POST', '/login', 200, 'the answer holds no Token')
  return body.Token
}
