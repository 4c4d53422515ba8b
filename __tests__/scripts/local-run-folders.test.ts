/**
 * `npm start`'s records folders (one per run, `latest` the newest, old ones pruned) and
 * its paths (relative to where it was run, even when the workspace is the sample's).
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
// @ts-expect-error plain ESM script without types
import { newRunFolder, rebasePaths } from '../../scripts/lib/local-run-folders.mjs'

let runs: string
beforeEach(() => {
  runs = mkdtempSync(join(os.tmpdir(), 'runs-'))
})
afterEach(() => rmSync(runs, { recursive: true, force: true }))

test('each run gets its own folder; latest points at the newest; only the newest 21 are kept', () => {
  const start = Date.UTC(2026, 0, 1)
  const made: string[] = []
  for (let i = 0; i < 23; i++) made.push(newRunFolder(runs, new Date(start + i * 1000), 4000 + i) as string)
  expect(new Set(made).size).toBe(23)
  expect(made[0]).toBe(join(runs, '2026-01-01T00-00-00-000Z-4000'))
  expect(readlinkSync(join(runs, 'latest'))).toBe('2026-01-01T00-00-22-000Z-4022')
  const left = readdirSync(runs).filter((name) => name !== 'latest')
  expect(left).toHaveLength(21)
  expect(left).not.toContain('2026-01-01T00-00-01-000Z-4001')
})

test('two runs in the same millisecond differ by pid', () => {
  const now = new Date()
  expect(newRunFolder(runs, now, 1)).not.toBe(newRunFolder(runs, now, 2))
})

describe('paths relative to where npm start was run', () => {
  const repo = '/clone'
  const from = '/clone/work/team'

  test('path inputs move to the workspace; lines, !patterns and name=path lines keep their form', () => {
    expect(
      rebasePaths(
        {
          'env-file': 'dev.env',
          'requirements-file': '../reqs.txt',
          'extra-files': 'data/*.csv\n!data/big.csv',
          schema: 'customers=customers.csv\nloans.csv',
          name: 'keep me'
        },
        from,
        repo
      )
    ).toEqual({
      'env-file': 'work/team/dev.env',
      'requirements-file': 'work/reqs.txt',
      'extra-files': 'work/team/data/*.csv\n!work/team/data/big.csv',
      schema: 'customers=work/team/customers.csv\nwork/team/loans.csv',
      name: 'keep me'
    })
  })

  test('inline JSON, absolute paths and a path outside the workspace (made absolute) are left to the action', () => {
    expect(
      rebasePaths(
        { schema: '{"a": 1}', 'smoke-test-input': '2', 'env-file': '/etc/x.env', 'requirements-file': '../../r.txt' },
        '/clone/sub',
        repo
      )
    ).toEqual({ schema: '{"a": 1}', 'smoke-test-input': '2', 'env-file': '/etc/x.env', 'requirements-file': '/r.txt' })
  })

  test('run from the workspace itself, nothing changes', () => {
    const inputs = { 'env-file': 'dev.env' }
    expect(rebasePaths(inputs, repo, repo)).toBe(inputs)
  })
})
