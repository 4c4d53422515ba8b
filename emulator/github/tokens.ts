/** The command line's `--token` values: 't0' (every permission) or 't1:deployments=read,issues=write'. */
import type { TokenPermissions } from './types.js'

export const ALL_PERMISSIONS: TokenPermissions = { deployments: 'write', pull_requests: 'write', issues: 'write' }

const PERMISSIONS = new Set(['deployments', 'pull_requests', 'issues'])

/** 't0' → every permission; 'ro:deployments=read,issues=write' → those. */
export function parseToken(text: string): [string, TokenPermissions] {
  const colon = text.indexOf(':')
  if (colon < 0) return [text, ALL_PERMISSIONS]
  const token = text.slice(0, colon)
  if (token === '') throw new Error(`--token '${text}': the token before ':' is empty`)
  const granted: TokenPermissions = {}
  const parts = text.slice(colon + 1).split(',')
  for (const part of parts.filter(Boolean)) {
    const [name = '', access = ''] = part.split('=')
    if (!PERMISSIONS.has(name) || (access !== 'read' && access !== 'write'))
      throw new Error(`--token '${text}': '${part}' is not <deployments|pull_requests|issues>=<read|write>`)
    granted[name as keyof TokenPermissions] = access
  }
  return [token, granted]
}
