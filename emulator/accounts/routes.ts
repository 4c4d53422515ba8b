/** The routes every server has, whichever API it speaks: health, login and groups. */
import { ok, route, type Route } from '../http/route.js'
import type { Auth } from './auth.js'

export function accountRoutes(auth: Auth, version: string): Route[] {
  return [
    route('GET', '/health', 'none', () => ok({ Version: version })),
    route('POST', '/login', 'none', ({ body }) =>
      ok({ Token: auth.login(body.form.user, body.form.password, body.form.tenant) })
    ),
    route('GET', '/groups', 'user', () => ok({ Results: auth.groups.list() })),
    route('POST', '/groups', 'user', ({ body }) => ({
      status: 201,
      json: { Token: auth.groups.create(body.form.name, body.form.description) }
    }))
  ]
}
