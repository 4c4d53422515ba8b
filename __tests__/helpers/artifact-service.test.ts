/**
 * The fake results service driven by the REAL @actions/artifact client, in-process.
 * The client reads its env (token, results URL) at call time, so setting process.env
 * in beforeAll is enough; only ACTIONS_ARTIFACT_MAX_ARTIFACT_COUNT is read at import.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals'
import { DefaultArtifactClient } from '@actions/artifact'
import { startArtifactService, type ArtifactService } from './artifact-service.js'

let service: ArtifactService
let tmp: string
const savedEnv = { ...process.env }

/**
 * Name → sha256 of the bytes: jest's toEqual walks a Buffer byte by byte (seconds for a
 * few MB), and a digest mismatch reads better than a 3 MB diff.
 */
function digests(files: Record<string, Buffer>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([name, bytes]) => [name, createHash('sha256').update(bytes).digest('hex')])
  )
}

/** Writes files under a fresh folder; returns the folder and the absolute paths. */
function writeTree(files: Record<string, Buffer>): { root: string; paths: string[] } {
  const root = mkdtempSync(join(tmp, 'src-'))
  const paths = Object.entries(files).map(([name, bytes]) => {
    const path = join(root, name)
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, bytes)
    return path
  })
  return { root, paths }
}

beforeAll(async () => {
  service = await startArtifactService({ runId: 'run-1', jobId: 'job-1' })
  Object.assign(process.env, service.env)
  // A GHES server URL makes the client refuse; a repo retention cap would alter retentionDays.
  delete process.env.GITHUB_SERVER_URL
  delete process.env.GITHUB_RETENTION_DAYS
  tmp = mkdtempSync(join(tmpdir(), 'artifact-service-'))
  // The client logs through @actions/core, i.e. straight to stdout: keep the test output readable.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

afterAll(async () => {
  jest.restoreAllMocks()
  // Restore in place: replacing process.env would drop its string-coercing behaviour.
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key]
  Object.assign(process.env, savedEnv)
  await service.close()
  rmSync(tmp, { recursive: true, force: true })
})

describe('the fake results service with the real @actions/artifact client', () => {
  const client = new DefaultArtifactClient()
  const files = {
    'report.md': Buffer.from('# Deploy report\n'),
    'logs/build.log': Buffer.from('line 1\nline 2\n'),
    'model.bin': randomBytes(3 * 1024 * 1024)
  }

  test('upload, list, get and download round-trip the same bytes', async () => {
    const { root, paths } = writeTree(files)

    const uploaded = await client.uploadArtifact('deploy-report', paths, root, { retentionDays: 3 })

    expect(uploaded.id).toBeGreaterThan(0)
    const id = uploaded.id as number
    expect(uploaded.size).toBeGreaterThan(3 * 1024 * 1024)
    const stored = service.artifacts().find((a) => a.id === uploaded.id)
    expect(stored).toMatchObject({ name: 'deploy-report', finalized: true, retentionDays: 3, size: uploaded.size })
    expect(stored?.zip.length).toBe(uploaded.size)
    expect(digests(stored?.files() ?? {})).toEqual(digests(files))
    // uploadStream always stages blocks and commits a block list, each answered 201.
    const blobPuts = service.requests.filter((r) => r.method === 'PUT')
    expect(blobPuts.map((r) => new URL(r.path, service.url).searchParams.get('comp'))).toEqual(['block', 'blocklist'])
    expect(blobPuts.every((r) => r.status === 201)).toBe(true)

    const listed = await client.listArtifacts()
    expect(listed.artifacts).toEqual([
      expect.objectContaining({ id: uploaded.id, name: 'deploy-report', size: uploaded.size })
    ])
    const found = await client.getArtifact('deploy-report')
    expect(found.artifact).toMatchObject({ id: uploaded.id, digest: `sha256:${uploaded.digest}` })

    const target = join(tmp, 'download')
    const downloaded = await client.downloadArtifact(id, { path: target })
    expect(downloaded.downloadPath).toBe(target)
    const written = Object.fromEntries(Object.keys(files).map((name) => [name, readFileSync(join(target, name))]))
    expect(digests(written)).toEqual(digests(files))
  })

  test('a zip larger than one 8 MB upload buffer is reassembled in block-list order', async () => {
    const big = { 'big.bin': randomBytes(9 * 1024 * 1024) }
    const { root, paths } = writeTree(big)
    const before = service.requests.length

    // Level 0: the random bytes are incompressible anyway, so skip deflate's effort.
    const uploaded = await client.uploadArtifact('big', paths, root, { compressionLevel: 0 })

    const blocks = service.requests.slice(before).filter((r) => r.path.includes('comp=block&'))
    expect(blocks).toHaveLength(2)
    expect(
      digests(
        service
          .artifacts()
          .find((a) => a.id === uploaded.id)
          ?.files() ?? {}
      )
    ).toEqual(digests(big))
  })

  test('a second upload under a finalized name is refused with 409 already_exists', async () => {
    const { root, paths } = writeTree({ 'a.txt': Buffer.from('first') })
    await client.uploadArtifact('twice', paths, root)

    await expect(client.uploadArtifact('twice', paths, root)).rejects.toThrow(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: ' +
        'an artifact with this name already exists on the workflow run: twice'
    )

    expect(service.artifacts().filter((a) => a.name === 'twice')).toHaveLength(1)
    expect(service.requests.at(-1)).toMatchObject({ path: expect.stringContaining('/CreateArtifact'), status: 409 })
  })

  test('delete removes an artifact from later lists', async () => {
    const { root, paths } = writeTree({ 'gone.txt': Buffer.from('bye') })
    const { id } = await client.uploadArtifact('to-delete', paths, root)

    await expect(client.deleteArtifact('to-delete')).resolves.toEqual({ id })

    const { artifacts } = await client.listArtifacts()
    expect(artifacts.map((a) => a.name)).not.toContain('to-delete')
  })

  test('unknown routes answer 404 JSON', async () => {
    const response = await fetch(new URL('/nowhere', service.url))
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ code: 'not_found' })
  })
})
