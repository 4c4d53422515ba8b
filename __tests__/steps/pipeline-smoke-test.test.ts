/**
 * The Async pipeline's hand-off on a v2 server, where the e2e tests need pandas on the
 * emulator: here the script's v2 execution is a stand-in that answers a parquet result,
 * and the model calls go over a real transport to the emulator's model routes. The
 * parquet result is uploaded as the model's `input` (preprocessed_data.parquet, as 4.0.2
 * sends it) and the model's result zip is checked as the script's would be.
 */
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { parquetWriteBuffer } from 'hyparquet-writer'
import {
  DEFAULT_GROUP_TOKEN,
  DEFAULT_PASSWORD,
  DEFAULT_USER,
  startEmulator,
  type Emulator
} from '../../emulator/index.js'
import { Transport } from '../../src/api/http/transport.js'
import { ModelsApi } from '../../src/api/models.js'
import type { PreprocessingApi } from '../../src/api/api.js'
import { pipelineAsync } from '../../src/steps/pipeline-smoke-test.js'
import { MODEL_ASYNC } from '../emulator/model-fixtures.js'

const MODEL = `M${'5'.repeat(63)}`
const SCRIPT = `S${'6'.repeat(63)}`
let emu: Emulator
let models: ModelsApi

beforeAll(async () => {
  emu = await startEmulator({
    buildSeconds: 0,
    models: [{ hash: MODEL, operation: 'Async', code: MODEL_ASYNC }]
  })
  const transport = new Transport({
    apiUrl: `${emu.url}/api`,
    login: DEFAULT_USER,
    password: DEFAULT_PASSWORD,
    groupToken: DEFAULT_GROUP_TOKEN,
    requestTimeoutMs: 5000,
    logger: { debug: () => {}, info: () => {}, warning: () => {} }
  })
  await transport.logIn()
  models = new ModelsApi(transport)
}, 30_000)
afterAll(() => emu.close())

/** A v2 script whose execution succeeds at once and answers `columns` as its parquet result. */
function v2Script(columns: { name: string; type: 'DOUBLE'; data: number[] }[]): PreprocessingApi {
  return {
    version: 'v2',
    resultFormat: 'parquet',
    startExecution: async () => ({ id: '7', inputHashes: { loans: `D${'7'.repeat(63)}` } }),
    executionStatus: async () => ({ status: 'Succeeded', message: null }),
    downloadResult: async (_hash, _id, destination) => {
      const bytes = new Uint8Array(parquetWriteBuffer({ columnData: columns }))
      writeFileSync(destination, bytes)
      return bytes.length
    }
  } as Partial<PreprocessingApi> as PreprocessingApi
}

async function run(api: PreprocessingApi) {
  const dir = mkdtempSync(join(tmpdir(), 'pipeline-'))
  const calls: string[] = []
  const result = await pipelineAsync(
    api,
    models,
    { hash: MODEL, group: 'datarisk' },
    SCRIPT,
    [{ name: 'loans', file: { part: 'dataset', filename: 'loans.csv', inline: Buffer.from('income\n1\n'), size: 9 } }],
    {
      timeoutMs: 20_000,
      pollIntervalMs: 1000,
      preprocessingResultPath: join(dir, 'pre.parquet'),
      modelResultPath: join(dir, 'model.zip'),
      onCall: (call) => calls.push(call)
    }
  )
  return { result, calls }
}

test("v2: the script's parquet result is the model's input; the model's zip is the output", async () => {
  const { result, calls } = await run(v2Script([{ name: 'income', type: 'DOUBLE', data: [5000, 2000] }]))
  expect(result.reason).toBeUndefined()
  expect(result.outcome).toBe('passed')
  expect(calls).toContain(`POST /model/async/run/datarisk/${MODEL} (input preprocessed_data.parquet)`)
  // The preprocessing's result was checked as a parquet file; the model's as a zip.
  expect(result.resultRows).toBe(2)
  expect(result.resultEntries).toEqual([{ name: 'scores.csv', size: 14 }])
  const files = unzipSync(new Uint8Array(readFileSync(result.resultFile as string)))
  expect(strFromU8(files['scores.csv'] as Uint8Array)).toBe('score\n5.0\n2.0\n')
  expect(result.pipeline).toMatchObject({
    preprocessing: { outcome: 'passed', executionId: '7' },
    model: { outcome: 'passed', executionStatus: 'Succeeded' }
  })
})

test('v2: a result without the feature the model needs fails at the model stage', async () => {
  const { result } = await run(v2Script([{ name: 'salary', type: 'DOUBLE', data: [5000] }]))
  expect(result.outcome).toBe('failed')
  expect(result.reason).toMatch(
    new RegExp(
      /^the model rejected what the preprocessing produced: the model's execution \d+ ended as /.source +
        /'Failed': ValueError: missing feature: income$/.source
    )
  )
  expect(result.pipeline?.preprocessing.outcome).toBe('passed')
  expect(result.pipeline?.model.outcome).toBe('failed')
})
