/**
 * The env file through the bundle: its settings reach the script (deploy's smoke test,
 * validate's local run), redaction leaves the action's own values and JSON alone, values
 * too short or too common to mask are named by key in one warning, and real secrets never
 * show (docs/security.md#what-is-masked-and-how, docs/platform-contract.md#the-env-file).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD } from '../../emulator/index.js'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { type ActionRun, runAction, sampleWorkspace } from '../helpers/action-runner.js'
import { findSecretLeaks } from '../helpers/secret-scan.js'

const emulator = useEmulator({ buildSeconds: 0 })

const API_KEY = 'sk-live-4f9c1e7a2b8d6035-never-printed'
/** Short, but its key names it a secret: masked all the same. */
const DB_PASSWORD = 'Zq!'
const GROUP = 'datarisk'

/** An ordinary .env: settings that look like this step's own values, and two secrets. */
const ENV_FILE = [
  'DEBUG=true',
  `TEAM=${GROUP}`,
  'PY=3.10',
  'MAX_ROWS=100',
  'OP=Sync',
  `API_KEY=${API_KEY}`,
  `DB_PASSWORD=${DB_PASSWORD}`,
  ''
].join('\n')

/** Reads its settings the documented way (os.environ) at import time and in the call, and answers with them. */
const SCRIPT = `import os

MAX_ROWS = int(os.environ["MAX_ROWS"])


def answer(data, base_path):
    print("settings:", os.environ["API_KEY"], os.environ["DB_PASSWORD"], MAX_ROWS)
    return {
        "max_rows": MAX_ROWS,
        "team": os.environ["TEAM"],
        "debug": os.getenv("DEBUG"),
        "api_key": os.environ["API_KEY"],
        "db_password": os.environ["DB_PASSWORD"],
    }
`

function workspace(): string {
  const dir = sampleWorkspace('sync')
  writeFileSync(join(dir, '.env'), ENV_FILE)
  writeFileSync(join(dir, 'settings.py'), SCRIPT)
  return dir
}

function inputs(extra: Record<string, string>): Record<string, string> {
  return syncSampleInputs(emulator.url, {
    name: 'env settings',
    'source-file': 'settings.py',
    entrypoint: 'answer',
    'extra-files': '',
    'env-file': '.env',
    group: GROUP,
    operation: 'Sync',
    'python-version': '3.10',
    'smoke-test-expect': '{"max_rows": 100, "team": "datarisk", "debug": "true"}',
    ...extra
  })
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as never

/** The one env-file warning: names the keys left visible, never a value. */
function visibleWarning(run: ActionRun): string {
  const warnings = run.stdout.split('\n').filter((line) => line.startsWith("::warning::Input 'env-file':"))
  expect(warnings).toHaveLength(1)
  return warnings[0] as string
}

function expectOwnValuesIntact(run: ActionRun, heading: string): void {
  expect(run.outputs.group).toBe(GROUP)
  expect(run.outputs['python-version']).toBe('3.10')
  expect(run.outputs.operation).toBe('Sync')
  expect(run.summary).toContain(`${heading}: env settings</h3>`)
  expect(run.summary).toContain(`<th align="left">Group</th><td><code>${GROUP}</code></td>`)
  expect(run.summary).toContain('<th align="left">Python</th><td>3.10</td>')

  const result = readJson(run.outputs['result-file'] as string) as {
    outputs: Record<string, string>
    script: Record<string, string>
    artifact?: { localOnly?: boolean }
  }
  expect(result.outputs).toMatchObject({ group: GROUP, 'python-version': '3.10', operation: 'Sync' })
  expect(result.script).toEqual({ name: 'env settings', group: GROUP, operation: 'Sync' })
  expect(result.artifact?.localOnly).toBe(true)
  const deployment = readJson(join(dirname(run.outputs['result-file'] as string), 'deployment.json')) as {
    script: Record<string, string>
    settings: { smokeTest: { enabled: boolean } }
  }
  expect(deployment.script).toMatchObject({ group: GROUP, pythonVersion: '3.10', operation: 'Sync' })
  expect(deployment.settings.smokeTest.enabled).toBe(true)

  const warning = visibleWarning(run)
  for (const key of ['DEBUG', 'TEAM', 'PY', 'MAX_ROWS', 'OP']) expect(warning).toContain(key)
  const named = warning.slice(0, warning.indexOf(" in '.env'"))
  for (const key of ['API_KEY', 'DB_PASSWORD']) expect(named).not.toContain(key)
  for (const value of ['true', GROUP, '3.10', '100', 'Sync', API_KEY]) expect(warning).not.toContain(value)

  expect(
    findSecretLeaks(run, { API_KEY, DB_PASSWORD, password: DEFAULT_PASSWORD, token: DEFAULT_GROUP_TOKEN })
  ).toEqual([])
}

describe('env-file: settings reach the script; redaction keeps the action’s own data', () => {
  test('deploy: the smoke test answers with the .env settings; outputs, summary and records are intact', async () => {
    const run = await runAction(inputs({ 'smoke-test': 'true' }), { workspace: workspace() })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('deployed')
    expect(run.outputs['smoke-test']).toBe('passed')
    expectOwnValuesIntact(run, '✅ Neomaril deploy')
    // The answer is outside text: the settings show, the secrets it returned are redacted.
    const response = readJson(run.outputs['smoke-test-output'] as string) as { body: Record<string, unknown> }
    expect(response.body).toEqual({
      max_rows: 100,
      team: GROUP,
      debug: 'true',
      api_key: '***',
      db_password: '***'
    })
  }, 120_000)

  test('validate: the local run has the .env settings too, and the same records', async () => {
    const run = await runAction(inputs({ mode: 'validate' }), { workspace: workspace() })
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe('validated')
    expect(run.outputs['smoke-test']).toBe('passed')
    expectOwnValuesIntact(run, '✅ Neomaril validation')
    const answer = readFileSync(run.outputs['smoke-test-output'] as string, 'utf8')
    expect(answer).toContain('"max_rows": 100')
    expect(answer).not.toContain(API_KEY)
  }, 120_000)
})
