/**
 * Issue 17's extras, through the bundle: a notebook's build failure is annotated on the
 * .ipynb file and names the cell; the build-log tail starts at an entry boundary and says
 * what it left out; a 500 answered before the whole upload went out is not "after the body
 * was sent"; "a Sync script", not "an Sync". Unit tests: __tests__/publish/notebook-annotations
 * .test.ts, summary.test.ts.
 */
import { writeFileSync } from 'node:fs'
import http from 'node:http'
import { join } from 'node:path'
import { syncSampleInputs, useEmulator } from '../helpers/e2e.js'
import { errorsOf, outputOf, runAction, sampleWorkspace } from '../helpers/action-runner.js'
import { serveLoopback } from '../helpers/loopback-server.js'

const emulator = useEmulator({ buildSeconds: 0 })

test('a notebook build failure is annotated on the notebook, at the cell and its line', async () => {
  const workspace = sampleWorkspace('sync')
  const cell = (source: string[]) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source })
  const notebook = {
    cells: [
      cell(['import json\n', 'x = 1']),
      { cell_type: 'markdown', metadata: {}, source: ['# Scoring'] },
      cell(['def process(data, base_path):\n', '    return data\n', '\n', 'y = 1 / 0'])
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5
  }
  const text = JSON.stringify(notebook, null, 1)
  writeFileSync(join(workspace, 'scoring.ipynb'), text)
  const run = await runAction(syncSampleInputs(emulator.url, { 'source-file': 'scoring.ipynb' }), { workspace })
  expect(run.outputs.status).toBe('failed')
  const line = text.split('\n').findIndex((l) => l.trim() === '"y = 1 / 0"') + 1
  expect(run.stdout).toContain(
    `::error title=Error in the deployed script,file=scoring.ipynb,line=${line}::` +
      'ZeroDivisionError: division by zero (notebook cell 3, line 4)'
  )
})

test('the build-log tail starts at an entry and says how many entries and lines it left out', async () => {
  const at = (n: number) => `2026-12-01T10:00:${String(n).padStart(2, '0')}Z`
  const traceback = ['Traceback (most recent call last):', ...Array.from({ length: 18 }, (_, i) => `  frame ${i}`)]
  const entries = [
    { RegisteredAt: at(0), OutputType: 'Ok', Routine: 'Host', OutputData: 'Build started' },
    { RegisteredAt: at(1), OutputType: 'Error', Routine: 'Host', OutputData: `${traceback.join('\n')}\nOSError: x` },
    ...Array.from({ length: 30 }, (_, i) => ({
      RegisteredAt: at(i + 2),
      OutputType: 'Ok',
      Routine: 'Host',
      OutputData: `step ${i + 1}`
    }))
  ]
  const hash = 'S' + 'ab'.repeat(31) + 'c'
  const server = await serveLoopback((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    req.resume()
    const path = req.url ?? ''
    if (path === '/api/health') return reply(200, { Version: 'fake-1' })
    if (path === '/api/login') return reply(200, { Token: 'fake-user-token-123' })
    if (path === '/api/groups') return reply(200, { Results: [{ Name: 'datarisk' }] })
    if (path.startsWith('/api/preprocessing/register/')) return reply(201, { Hash: hash })
    if (path.includes('/host/')) return reply(202, {})
    if (path.startsWith('/api/preprocessing/status/')) return reply(200, { Status: 'Failed', Message: 'OSError: x' })
    if (path.startsWith('/api/preprocessing/logs/')) return reply(200, { Results: entries })
    reply(404, { Error: { Type: 'NotFound', Message: path } })
  })
  try {
    const run = await runAction({ ...syncSampleInputs(server.url), 'poll-interval': '1s' })
    expect(run.outputs.status).toBe('failed')
    const lines = run.stdout.split('\n')
    const start = lines.findIndex((l) => l.startsWith('::group::Build log (Host)'))
    expect(lines[start]).toBe(
      '::group::Build log (Host): the last 30 of 32 entries (2 entries, 21 lines left out; logs.txt has them all)'
    )
    const shown = lines.slice(start + 1, lines.indexOf('::endgroup::', start)).filter((l) => !l.startsWith('::'))
    expect(shown).toHaveLength(30)
    expect(shown[0]).toBe(`${at(2)} Host/Ok step 1`)
    expect(shown.join('\n')).not.toContain('frame')
  } finally {
    await server.close()
  }
})

test('a 500 answered before the whole upload went out says so, not "after the body was sent"', async () => {
  const upstream = new URL(emulator.url)
  const front = await serveLoopback((req, res) => {
    if (req.url?.includes('/preprocessing/register/')) {
      // Answered at once, the body (a large extra file) still coming.
      res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ Error: { Type: 'InternalError', Message: 'disk full' } }))
      return
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    req.pipe(forward)
  })
  try {
    const workspace = sampleWorkspace('sync')
    writeFileSync(join(workspace, 'big.bin'), Buffer.alloc(32 * 1024 * 1024, 7))
    const run = await runAction(syncSampleInputs(front.url, { 'extra-files': 'limits.json\nbig.bin' }), { workspace })
    expect(run.code).toBe(1)
    const error = errorsOf(run).pop() as string
    expect(error).toMatch(/while the body was being sent \(it may exist\)/)
    expect(error).not.toContain('after the body was sent')
  } finally {
    await front.close()
  }
})

test('"a Sync script": the article follows the operation', async () => {
  const deployed = await runAction(syncSampleInputs(emulator.url))
  const run = await runAction(
    syncSampleInputs(emulator.url, {
      mode: 'smoke-test',
      operation: 'Async',
      'preprocessing-id': outputOf(deployed, 'preprocessing-id'),
      'smoke-test-input': 'limits.json'
    })
  )
  expect(run.code).toBe(1)
  const error = errorsOf(run).pop() as string
  expect(error).toMatch(/^Input 'operation': is 'Async', but S[0-9a-f]{63} is a Sync script\./)
})
