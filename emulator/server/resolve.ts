/** Routing: which route answers a request path, or the 404/405 to answer instead. */
import { ApiError, badInput, notFound } from '../http/errors.js'
import type { PathParams, Route } from '../http/route.js'

export interface Resolved {
  route: Route
  params: PathParams
}

export function resolveRoute(routes: Route[], method: string, pathname: string, v1Only: boolean): Resolved | ApiError {
  if (pathname !== '/api' && !pathname.startsWith('/api/'))
    return notFound(`No such path '${pathname}': the API is under /api`)
  const apiPath = pathname.slice('/api'.length)
  if (v1Only && /^\/v2(\/|$)/.test(apiPath))
    return notFound(`'${pathname}' is an API v2 path; this server speaks v1 only`)
  let pathMatched = false
  for (const route of routes) {
    const match = route.pattern.exec(apiPath)
    if (!match) continue
    pathMatched = true
    if (route.method !== method) continue
    try {
      const [a = '', b = '', c = ''] = match.slice(1).map((p) => decodeURIComponent(p))
      return { route, params: [a, b, c] }
    } catch {
      return badInput(`Malformed percent-encoding in '${pathname}'`)
    }
  }
  return pathMatched
    ? new ApiError(405, 'MethodNotAllowed', `${method} is not allowed on '${pathname}'`)
    : notFound(`No such path '${pathname}'`)
}
