/** The secret scan finds a secret in each place a run can leave one, and only there. */
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionRun } from './action-runner.js'
import { findSecretLeaks } from './secret-scan.js'

const SECRET = 'scan-test-secret-3310'

function fakeRun(overrides: Partial<ActionRun> = {}): ActionRun {
  const workspace = mkdtempSync(join(tmpdir(), 'scan-ws-'))
  const runnerDir = mkdtempSync(join(tmpdir(), 'scan-runner-'))
  // The test's own input, written long before the run: not a leak.
  writeFileSync(join(workspace, '.env'), `KEY=${SECRET}\n`)
  const old = new Date(Date.now() - 3_600_000)
  utimesSync(join(workspace, '.env'), old, old)
  return {
    code: 1,
    signal: null,
    stdout: '',
    stderr: '',
    outputs: {},
    summary: '',
    workspace,
    runnerDir,
    elapsedMs: 60_000,
    ...overrides
  }
}

describe('findSecretLeaks', () => {
  test('a clean run has no leak, though the workspace holds the secret as an input', () => {
    expect(findSecretLeaks(fakeRun({ stdout: `::add-mask::${SECRET}\nok\n` }), { key: SECRET })).toEqual([])
  })

  test.each([
    ['stdout', (run: ActionRun) => ({ ...run, stdout: `value ${SECRET}` })],
    ['stderr', (run: ActionRun) => ({ ...run, stderr: SECRET })],
    ['outputs', (run: ActionRun) => ({ ...run, outputs: { x: SECRET } })],
    ['summary', (run: ActionRun) => ({ ...run, summary: `| ${SECRET} |` })],
    [
      'file records/deployment.json',
      (run: ActionRun) => {
        mkdirSync(join(run.runnerDir, 'records'))
        writeFileSync(join(run.runnerDir, 'records', 'deployment.json'), JSON.stringify({ s: SECRET }))
        return run
      }
    ],
    [
      'file out.txt in the workspace',
      (run: ActionRun) => {
        writeFileSync(join(run.workspace, 'out.txt'), SECRET)
        return run
      }
    ]
  ])('finds a secret in %s', (place, leak) => {
    expect(findSecretLeaks(leak(fakeRun()), { key: SECRET })).toEqual([`key appears in ${place}`])
  })

  test('finds the escaped forms and values the run masked itself', () => {
    expect(
      findSecretLeaks(fakeRun({ summary: JSON.stringify('a"b' + SECRET).slice(1, -1) }), { key: 'a"b' + SECRET })
    ).toEqual(['key (escaped) appears in summary'])
    expect(findSecretLeaks(fakeRun({ stdout: '::add-mask::user-token-77\nthe token is user-token-77\n' }), [])).toEqual(
      ['a value the run masked (13 chars) appears in stdout']
    )
  })
})
