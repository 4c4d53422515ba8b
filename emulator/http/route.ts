/** A route: method, path pattern, the token it needs, and its handler. The server matches them in order. */
import type { ParsedBody } from './body.js'
import type { Reply } from './send.js'

/** Decoded path parameters in pattern order; a route reads only those its pattern captures (the rest are ''). */
export type PathParams = readonly [string, string, string]

export interface RouteContext {
  params: PathParams
  query: URLSearchParams
  body: ParsedBody
  /** The 'hang-build' fault fired for this (host) request. */
  hangBuild: boolean
}

export interface Route {
  method: string
  /** Matched against the path after '/api'. */
  pattern: RegExp
  /** 'group': the group token of the group named by the first path parameter. */
  auth: 'none' | 'user' | 'group'
  /** Host calls are the only ones a 'hang-build' fault concerns. */
  isHost?: boolean
  handle(ctx: RouteContext): Promise<Reply> | Reply
}

/** One path segment, captured as a parameter. */
export const SEGMENT = '([^/]+)'

export const route = (
  method: string,
  pattern: string,
  auth: Route['auth'],
  handle: Route['handle'],
  isHost = false
): Route => ({
  method,
  pattern: new RegExp(`^${pattern}$`),
  auth,
  handle,
  isHost
})

export const ok = (json: unknown): Reply => ({ status: 200, json })
export const created = (json: unknown): Reply => ({ status: 201, json })
export const accepted = (json: unknown): Reply => ({ status: 202, json })
