/** Login (user, password, tenant), user tokens with a lifetime, and the check of each route's token. */
import { randomBytes } from 'node:crypto'
import { ApiError, badInput } from '../http/errors.js'
import type { AuthKind } from '../types.js'
import type { Groups } from './groups.js'

export interface AuthOptions {
  /** login -> password. */
  users: Record<string, string>
  /** The one tenant this server serves. */
  tenant: string
  /** Refuse a login whose form has no (or an empty) tenant field. */
  requireTenant: boolean
  tokenLifetimeSeconds: number
}

export class Auth {
  private readonly users: Map<string, string>
  private readonly userTokens = new Map<string, { user: string; expiresAt: number }>()

  constructor(
    private readonly options: AuthOptions,
    readonly groups: Groups
  ) {
    this.users = new Map(Object.entries(options.users))
  }

  /** L: an absent or empty tenant means the default one, unless requireTenant. */
  login(user: string | undefined, password: string | undefined, tenant: string | undefined): string {
    if (!user || !password) throw badInput("Form fields 'user' and 'password' are required")
    if (!tenant && this.options.requireTenant)
      throw new ApiError(401, 'InvalidCredentials', "This server needs the login form field 'tenant'")
    if (tenant && tenant !== this.options.tenant)
      throw new ApiError(401, 'InvalidCredentials', `Unknown tenant '${tenant}'`)
    if (this.users.get(user) !== password) throw new ApiError(401, 'InvalidCredentials', 'Invalid user or password')
    const token = randomBytes(36).toString('base64url')
    this.userTokens.set(token, { user, expiresAt: Date.now() + this.options.tokenLifetimeSeconds * 1000 })
    return token
  }

  /** Throws the 401 a management call answers unless `token` is a live user token. */
  checkUserToken(token: string | undefined): void {
    if (!token) throw new ApiError(401, 'InvalidBearerToken', 'Missing bearer token: log in first')
    const session = this.userTokens.get(token)
    if (!session) throw new ApiError(401, 'InvalidBearerToken', 'Unknown bearer token')
    if (session.expiresAt <= Date.now())
      throw new ApiError(401, 'InvalidBearerToken', 'The bearer token has expired: log in again')
  }

  /** Throws the 401 a run call answers unless `token` is the group's token. */
  checkGroupToken(group: string, token: string | undefined): void {
    if (!token) throw new ApiError(401, 'InvalidBearerToken', `Missing bearer token: send group '${group}''s token`)
    if (this.groups.tokenOf(group) !== token)
      throw new ApiError(401, 'InvalidBearerToken', `The bearer token is not the token of group '${group}'`)
  }

  /** What kind of token this is, without an endpoint in mind (for the request record). */
  tokenKind(token: string | undefined): AuthKind {
    if (!token) return 'none'
    const session = this.userTokens.get(token)
    if (session && session.expiresAt > Date.now()) return 'user'
    return this.groups.isGroupToken(token) ? 'group' : 'invalid'
  }
}
