/**
 * Request and answer bodies on the wire: request-timeout while a body is sent or read (an
 * upload the server stops taking, an answer or a download that stalls, a slow download that
 * never stalls), and an empty file sent as an empty part.
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NetworkError } from '../../../src/shared/errors.js'
import {
  GROUP,
  HASH,
  REGISTER_FIELDS,
  settlesWithin,
  useScriptedServer,
  type Step
} from '../../helpers/scripted-server.js'

const { server, sleeps, client } = useScriptedServer()

describe('request-timeout while a body is sent or read', () => {
  test('an upload the server stops taking fails after request-timeout without data going out', async () => {
    // Far more than the connection's buffers hold, so the upload has to stall; sparse, so it costs no disk.
    const big = join(mkdtempSync(join(tmpdir(), 'upload-')), 'script.py')
    writeFileSync(big, '')
    const size = 256 * 1024 * 1024
    truncateSync(big, size)
    server.script('/preprocessing/register/', 'ignore-body')
    const started = Date.now()
    const error = await settlesWithin(
      client({ requestTimeoutMs: 500 })
        .register(GROUP, REGISTER_FIELDS, [{ part: 'source', filename: 'script.py', localPath: big, size }])
        .catch((e) => e),
      10_000
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(
      new RegExp(
        /the upload stalled: the server took no data for 0\.5s while the request body was being sent /.source +
          /\(request-timeout\); the connection broke after the body was sent \(it may exist\); the script /.source +
          /'loan features' may have been registered all the same/.source
      )
    )
    expect(Date.now() - started).toBeLessThan(5000)
    expect(server.count('/preprocessing/register/')).toBe(1)
  })

  test('an answer to a sync run that sends its headers, then stalls, fails after request-timeout', async () => {
    server.script('/preprocessing/sync/run/', { status: 200, stallAfter: '{"Output": {"score"' })
    const started = Date.now()
    const error = await settlesWithin(
      client({ requestTimeoutMs: 300 })
        .runSync(GROUP, HASH, { x: 1 })
        .catch((e) => e),
      10_000
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/the answer began but was not complete within 0\.3s \(request-timeout\)/)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  test('a result download that stalls fails after request-timeout without data, and is retried as a read', async () => {
    const destination = join(mkdtempSync(join(tmpdir(), 'result-')), 'result.zip')
    server.script('/preprocessing/async/result/', ...Array<Step>(5).fill({ status: 200, stallAfter: 'PK\u0003\u0004' }))
    const started = Date.now()
    const error = await settlesWithin(
      client({ requestTimeoutMs: 300 })
        .downloadResult(GROUP, '7', destination)
        .catch((e) => e),
      15_000
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect(error.message).toMatch(/the download stalled: no data arrived for 0\.3s \(request-timeout\)/)
    expect(server.count('/preprocessing/async/result/')).toBe(5)
    expect(Date.now() - started).toBeLessThan(5 * 300 + 3000)
  })

  test('a download slower in all than request-timeout, but never silent that long, completes', async () => {
    const destination = join(mkdtempSync(join(tmpdir(), 'result-')), 'result.zip')
    const chunks = Array.from({ length: 8 }, (_, i) => String(i).repeat(1000))
    server.script('/preprocessing/async/result/', { status: 200, drip: { chunks, everyMs: 100 } })
    await expect(client({ requestTimeoutMs: 400 }).downloadResult(GROUP, '7', destination)).resolves.toBe(8000)
    expect(readFileSync(destination, 'utf8')).toBe(chunks.join(''))
    expect(sleeps).toEqual([])
  })
})

describe('uploads', () => {
  test('an empty file is sent as an empty part', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'empty-')), 'requirements.txt')
    writeFileSync(empty, '')
    server.script('/preprocessing/register/', { status: 201, body: { Hash: HASH } })
    const files = [
      { part: 'source', filename: 'script.py', inline: Buffer.from('def process(a, b): return {}\n'), size: 29 },
      { part: 'requirements', filename: 'requirements.txt', localPath: empty, size: 0 }
    ]
    await expect(client().register(GROUP, REGISTER_FIELDS, files)).resolves.toBe(HASH)
  })
})
