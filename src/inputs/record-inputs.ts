import type { InputReader } from './reader.js'
import type { DeploySpec, Mode } from './spec.js'

/** What the runner passes for github-token's default when no runner expanded it (a local run, a test). */
const UNEXPANDED_TOKEN = /^\$\{\{\s*github\.token\s*\}\}$/

/**
 * github-token, read and masked before anything else could print it. Its default is the
 * job's own token; a default the runner did not expand is no token.
 */
export function parseGitHubToken(reader: InputReader): string {
  const raw = reader.source.get('github-token').trim()
  const token = UNEXPANDED_TOKEN.test(raw) ? '' : raw
  if (token) reader.source.mask(token)
  return token
}

/** environment and skip-unchanged: where the run is recorded, and whether an unchanged script is kept. */
export function parseRecords(reader: InputReader, mode: Mode, token: string): DeploySpec['records'] {
  const environment = reader.get('environment').trim() || undefined
  const skipUnchanged = reader.boolean('skip-unchanged')
  if (environment && environment.length > 255)
    reader.fail('environment', `is ${environment.length} characters long; GitHub takes at most 255.`)
  if (skipUnchanged && !environment && mode === 'deploy')
    reader.fail(
      'skip-unchanged',
      'is true, but environment is empty: the record an unchanged script is recognised by lives in a ' +
        'GitHub environment.',
      'Set environment (e.g. environment: staging), or remove skip-unchanged.'
    )
  if (environment && !token && mode === 'deploy')
    reader.warnings.push(
      `environment is '${environment}', but github-token is empty: this deploy is not recorded on GitHub` +
        `${skipUnchanged ? ' and nothing is skipped' : ''}. Leave github-token at its default (the job's token).`
    )
  return { environment, token, skipUnchanged }
}
