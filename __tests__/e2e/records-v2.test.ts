/**
 * The learned wait from a deploy record (docs/deploy-records.md): a v2 script has no search
 * by name, so before records its wait had no hint; the record's build time gives it one.
 * Also: the description GitHub shows holds the user's text inert.
 */
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD, DEFAULT_USER } from '../../emulator/index.js'
import { startGitHubStandIn } from '../../emulator/github/index.js'
import { useEmulator } from '../helpers/e2e.js'
import { outputOf, runAction } from '../helpers/action-runner.js'
import { expectNoSecretLeaks } from '../helpers/secret-scan.js'
import { V2_LIGHT_INPUTS, v2LightWorkspace } from '../helpers/v2-light.js'

const emulator = useEmulator({ buildSeconds: 3 })
const REPOSITORY = 'acme/credit-scripts'
const TOKEN = 'ghs_v2StandInToken0123456789abcdef'

test('a v2 build goes by the build time of its record; the description is inert', async () => {
  const github = await startGitHubStandIn({ repositories: [REPOSITORY], tokens: { [TOKEN]: { deployments: 'write' } } })
  try {
    const name = '@octocat <b>v2</b> http://x.io'
    const inputs = (python: string) => ({
      url: emulator.url,
      login: DEFAULT_USER,
      password: DEFAULT_PASSWORD,
      'group-token': DEFAULT_GROUP_TOKEN,
      ...V2_LIGHT_INPUTS,
      name,
      'python-version': python,
      'upload-artifact': 'false',
      environment: 'production',
      'github-token': TOKEN
    })
    const env = { GITHUB_API_URL: github.url }
    const first = await runAction(inputs('3.10'), { workspace: v2LightWorkspace(), env, killAfterMs: 60_000 })
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('No previous build to go by (the v2 API finds no script by name)')
    const seconds = (github.deployments[0]!.payload as { buildSeconds: number }).buildSeconds
    expect(seconds).toBeGreaterThanOrEqual(3)
    const second = await runAction(inputs('3.9'), { workspace: v2LightWorkspace(), env, killAfterMs: 60_000 })
    expect(second.code).toBe(0)
    expect(second.stdout).toContain(
      `took ${seconds} s, says its record (deployment ${github.deployments[0]!.id}): checking every 4 s`
    )
    expect(outputOf(second, 'previous-preprocessing-id')).toBe(outputOf(first, 'preprocessing-id'))
    expect(outputOf(second, 'url')).toMatch(/\/api\/v2\/preprocessing\/S[0-9a-f]{63}\/execution$/)
    // The user's text in what GitHub shows: no live mention, no HTML, no link of its own.
    const descriptions = [
      ...github.deployments.map((d) => d.description ?? ''),
      ...github.statuses.map((s) => s.description)
    ]
    for (const text of descriptions) {
      expect(text).not.toMatch(/@octocat|<b>|http:\/\/x/)
      expect(text.length).toBeLessThanOrEqual(140)
    }
    expect(descriptions.join('\n')).toContain('‹b›v2‹/b›')
    for (const run of [first, second]) expectNoSecretLeaks(run, { password: DEFAULT_PASSWORD, token: TOKEN })
    expect(github.violations).toEqual([])
  } finally {
    await github.close()
  }
}, 120_000)
