/**
 * smokeTestAsync with smoke-test-expect, over an in-test API that serves a finished
 * execution and its result (a v2 parquet file, a v1 zip): the expectation decides the
 * outcome and the SmokeTestResult carries what the summary and result.json show. Runs
 * without pandas, where the emulator's v2 executions cannot (e2e/async-expect.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { parquetWriteBuffer } from 'hyparquet-writer'
import type { PreprocessingApi } from '../../src/api/api.js'
import { parseAsyncExpectation, type AsyncExpectation } from '../../src/inputs/async-expect.js'
import { smokeTestAsync, typedColumns } from '../../src/steps/server-smoke-test.js'

const PARQUET = new Uint8Array(
  parquetWriteBuffer({
    columnData: [
      { name: 'id', data: [1n, 2n], type: 'INT64' },
      { name: 'score', data: [0.5, 0.75], type: 'DOUBLE' }
    ]
  })
)

/** Only what an Async smoke test calls: one execution that has Succeeded, and its result. */
function fakeApi(version: 'v1' | 'v2', result: Uint8Array): PreprocessingApi {
  const unused = () => Promise.reject(new Error('not called by an Async smoke test'))
  return {
    version,
    resultFormat: version === 'v2' ? 'parquet' : 'zip',
    register: unused,
    host: unused,
    status: unused,
    describe: unused,
    logs: unused,
    runSync: unused,
    startExecution: async () => ({ id: '7', inputHashes: {} }),
    executionStatus: async () => ({ status: 'Succeeded', message: null }),
    downloadResult: async (_hash, _id, destination) => {
      writeFileSync(destination, result)
      return result.length
    }
  }
}

const expectation = (value: unknown): AsyncExpectation => {
  const parsed = parseAsyncExpectation(value)
  if ('problem' in parsed) throw new Error(parsed.problem)
  return parsed.expectation
}

async function smokeTest(api: PreprocessingApi, expect?: AsyncExpectation) {
  const dir = mkdtempSync(join(tmpdir(), 'async-smoke-'))
  return smokeTestAsync(api, `S${'1'.repeat(63)}`, [], {
    timeoutMs: 5000,
    pollIntervalMs: 10,
    resultPath: join(dir, api.resultFormat === 'zip' ? 'result.zip' : 'result.parquet'),
    expectation: expect
  })
}

test('v2: an expectation met passes, with the table and its types recorded', async () => {
  const result = await smokeTest(fakeApi('v2', PARQUET), expectation({ columns: { score: 'number' }, 'min-rows': 2 }))
  expect(result).toMatchObject({
    outcome: 'passed',
    resultRows: 2,
    resultColumns: ['id', 'score'],
    resultTypes: ['integer', 'number'],
    expectation: { met: true, problems: [] }
  })
  expect(result.reason).toBeUndefined()
  expect(typedColumns(result)).toBe('id (integer), score (number)')
})

test('v2: an expectation not met fails the smoke test, naming the execution and what failed', async () => {
  const result = await smokeTest(fakeApi('v2', PARQUET), expectation({ columns: { id: 'string' }, 'min-rows': 3 }))
  expect(result.outcome).toBe('failed')
  expect(result.reason).toBe(
    "the result of execution 7 does not meet smoke-test-expect: column 'id' is integer, expected string; " +
      '2 rows, expected at least 3'
  )
})

test('v1: the table in the zip is named; without an expectation the zip alone decides, as before', async () => {
  const zip = zipSync({ 'scored.parquet': PARQUET })
  const met = await smokeTest(fakeApi('v1', zip), expectation({ columns: ['id'] }))
  expect(met).toMatchObject({ outcome: 'passed', resultTable: 'scored.parquet', resultRows: 2 })
  const plain = await smokeTest(fakeApi('v1', zip))
  expect(plain).toMatchObject({ outcome: 'passed', resultEntries: [{ name: 'scored.parquet', size: PARQUET.length }] })
  expect(plain.resultRows).toBeUndefined()
  expect(plain.expectation).toBeUndefined()
})
