import { createRecord, findLatestRecord, findRecords, recordPayload, taskOf } from '../../src/github/records.js'
import type { RecordKey } from '../../src/github/records.js'
import type { NewStatus } from '../../src/github/port.js'
import { fakePort } from './fake-port.js'

const key: RecordKey = { environment: 'staging', server: 'https://mlops.example/api', group: 'credit', name: 'loan' }
const manifest = { group: 'credit', api: 'v1' as const, calls: [], fields: {}, files: [] }
/** A script hash as register answers it: S and 63 hex digits, the last ones `n`. */
const S = (n: number): string => `S${String(n).padStart(63, '0')}`
const DIGEST_AA = `sha256:${'a'.repeat(64)}`
const payload = (k: RecordKey, hash: string, digest = DIGEST_AA) =>
  recordPayload(k, {
    operation: 'Sync',
    apiVersion: 'v1',
    scriptHash: hash,
    digest,
    manifest,
    buildSeconds: 42.5,
    smokeTest: 'passed',
    status: 'deployed'
  })
const success = { state: 'success' as const, description: 'Deployed.', logUrl: 'https://github.com/run/1' }
const failure = { state: 'failure' as const, description: 'Failed.' }
const inProgress = { state: 'in_progress' as const, description: 'Recording.' }
const record = (k: RecordKey, hash: string, final: NewStatus = success, supersedes: number[] = []) => ({
  key: k,
  sha: 'c0ffee',
  payload: payload(k, hash),
  description: 'loan',
  inProgress,
  final,
  supersedes
})

describe('deploy records', () => {
  test('the task is exact per (server, group, name): a longer name is another script', () => {
    expect(taskOf(key)).toMatch(/^neomaril:[0-9a-f]{24}$/)
    expect(taskOf({ ...key, name: 'loan features' })).not.toBe(taskOf(key))
    expect(taskOf({ ...key, group: 'credit2' })).not.toBe(taskOf(key))
  })

  test('finds the newest successful record of exactly this script, skipping failures and other scripts', async () => {
    const github = fakePort()
    await createRecord(github, record(key, S(1)))
    await createRecord(github, record({ ...key, name: 'loan features' }, S(9)))
    await createRecord(github, record({ ...key, environment: 'production' }, S(8)))
    await createRecord(github, record(key, S(2), failure))
    const found = await findLatestRecord(github, key)
    expect(found?.scriptHash).toBe(S(1))
    expect(found?.digest).toBe(DIGEST_AA)
    expect(found?.buildSeconds).toBe(42.5)
    expect(found?.payload.manifest).toEqual(manifest)
    const both = await findRecords(github, key)
    expect(both.latest?.scriptHash).toBe(S(2))
    expect(both.latest?.outcome).toBe('failure')
  })

  test('in_progress, then the final state; a success retires the superseded records and stays found', async () => {
    const github = fakePort()
    const first = await createRecord(github, record(key, S(1)))
    const second = await createRecord(github, record(key, S(2), success, [first]))
    expect(github.statusesOf.get(second)?.map((s) => s.state)).toEqual(['in_progress', 'success'])
    expect(github.statusesOf.get(first)?.map((s) => s.state)).toEqual(['in_progress', 'success', 'inactive'])
    expect((await findLatestRecord(github, key))?.scriptHash).toBe(S(2))
    // GitHub's own auto_inactive (a job's deployment) does not unmake a success.
    await github.addStatus(second, { state: 'inactive', description: 'by GitHub' })
    expect((await findLatestRecord(github, key))?.deploymentId).toBe(second)
  })

  test('a payload that only looks like this script (another tool, another server) is not a record', async () => {
    const github = fakePort()
    const id = await github.create({
      sha: 'c0ffee',
      task: taskOf(key),
      environment: 'staging',
      description: '',
      payload: { ...payload(key, S(1)), tool: 'other' }
    })
    await github.addStatus(id, success)
    expect(await findLatestRecord(github, key)).toBeUndefined()
  })

  test('a payload whose hash, digest, operation or API has another shape is not a record', async () => {
    for (const odd of [
      { scriptHash: `${S(1)}\n::error::injected` },
      { scriptHash: 'S1' },
      { scriptHash: `${S(1)}0` },
      { digest: `${DIGEST_AA}\n::add-mask::x` },
      { digest: 'sha256:aa' },
      { operation: 'Sync <b>' },
      { apiVersion: 'v3' }
    ]) {
      const github = fakePort()
      const id = await github.create({
        sha: 'c0ffee',
        task: taskOf(key),
        environment: 'staging',
        description: '',
        payload: { ...payload(key, S(1)), ...odd }
      })
      await github.addStatus(id, success)
      expect(await findLatestRecord(github, key)).toBeUndefined()
    }
  })
})
