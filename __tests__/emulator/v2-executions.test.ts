/**
 * v2 executions for real: the entrypoint gets a dict of DataFrames built from the uploaded
 * datasets (csv, json, parquet) and its DataFrame comes back as a real parquet file.
 * Needs pandas (Debian python3-pandas); without it the DataFrame tests are skipped, saying so.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { defaultEmulatorPython, hasPandas } from '../../src/harness/interpreter.js'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { V2_CLIENTS_CSV, V2_JOIN, V2_LOANS_JSON, V2_RAISES } from './fixtures.js'
import { deployV2, filePart, userToken, v2Call, waitFor, type Json, type UploadV2 } from './helpers.js'

const D_HASH = /^D[0-9a-f]{63}$/
const pandasPython = await defaultEmulatorPython()
const withPandas = await hasPandas(pandasPython)
if (!withPandas)
  console.warn(
    'v2 DataFrame executions SKIPPED: no interpreter with pandas (tried python3, /usr/bin/python3); ' +
      'install python3-pandas'
  )

const UPLOAD: UploadV2 = {
  name: 'joiner',
  source: V2_JOIN,
  datasets: [
    { name: 'clients', filename: 'clients.csv', content: V2_CLIENTS_CSV },
    { name: 'loans', filename: 'loans.json', content: V2_LOANS_JSON }
  ]
}

/** The loans dataset as a parquet file, written by hyparquet-writer (not by the emulator). */
const LOANS_PARQUET = new Uint8Array(
  parquetWriteBuffer({
    columnData: [
      { name: 'id', data: [1, 2, 3], type: 'INT32' },
      { name: 'amount', data: [250, 750, 2000], type: 'DOUBLE' }
    ]
  })
)

const readParquet = async (bytes: ArrayBuffer): Promise<Record<string, unknown>[]> =>
  parquetReadObjects({ file: bytes })

type Call = { status: number; body: Json }

async function execute(
  emu: Emulator,
  token: string,
  hash: string,
  inputs: { name: string; filename: string; content: string | Uint8Array }[]
): Promise<{ id: string; final: Call }> {
  const created = await v2Call(emu, token, 'POST', `/${hash}/execution`)
  expect(created.status).toBe(201)
  const id = /'(\d+)'/.exec(created.body.Message)![1]!
  for (const input of inputs) {
    const res = await v2Call(
      emu,
      token,
      'PATCH',
      `/${hash}/execution/${id}/input`,
      filePart('input', input.content, input.filename, { dataset_name: input.name })
    )
    expect(res).toEqual({ status: 201, body: { DatasetHash: expect.stringMatching(D_HASH), DatasetName: input.name } })
  }
  expect((await v2Call(emu, token, 'PATCH', `/${hash}/execution/${id}/run`)).status).toBe(201)
  const final = await waitFor(
    () => v2Call(emu, token, 'GET', `/${hash}/execution/${id}/status`),
    (s) => s.body.Status !== 'Running'
  )
  return { id, final }
}

describe(withPandas ? 'with pandas' : 'with pandas (SKIPPED: no interpreter has pandas)', () => {
  const maybe = withPandas ? test : test.skip
  let emu: Emulator
  let token: string
  beforeAll(async () => {
    emu = await startEmulator({ buildSeconds: 0 })
    token = await userToken(emu)
  })
  afterAll(() => emu?.close())

  maybe(
    'csv + json inputs: Succeeded with OutputDatasetHash; the result is the joined DataFrame as parquet',
    async () => {
      const hash = await deployV2(emu, token, UPLOAD)
      const { id, final } = await execute(emu, token, hash, UPLOAD.datasets)
      expect(final).toEqual({
        status: 200,
        body: { Status: 'Succeeded', Message: null, OutputDatasetHash: expect.stringMatching(D_HASH) }
      })
      const res = await fetch(`${emu.url}/api/v2/preprocessing/${hash}/execution/${id}/result`, {
        headers: { Authorization: `Bearer ${token}` }
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="preprocessed_data.parquet"')
      const bytes = await res.arrayBuffer()
      expect(Buffer.from(bytes.slice(0, 4)).toString()).toBe('PAR1')
      const rows = await readParquet(bytes)
      expect(rows.map((r) => [Number(r.id), Number(r.income), Number(r.amount), r.ratio])).toEqual([
        [1, 1000, 500, 0.5],
        [2, 2500, 500, 0.2],
        [3, 4000, 1000, 0.25]
      ])
      const described = await v2Call(emu, token, 'GET', `/${hash}/execution/${id}`)
      expect(described.body).toMatchObject({
        Status: 'Succeeded',
        Rows: 3,
        Columns: ['id', 'income', 'amount', 'ratio'],
        OutputDatasetHash: final.body.OutputDatasetHash
      })
    }
  )

  maybe('a parquet input is read as a DataFrame too', async () => {
    const hash = await deployV2(emu, token, UPLOAD)
    const { id, final } = await execute(emu, token, hash, [
      UPLOAD.datasets[0]!,
      { name: 'loans', filename: 'loans.parquet', content: LOANS_PARQUET }
    ])
    expect(final.body.Status).toBe('Succeeded')
    const res = await fetch(`${emu.url}/api/v2/preprocessing/${hash}/execution/${id}/result`, {
      headers: { Authorization: `Bearer ${token}` }
    })
    expect((await readParquet(await res.arrayBuffer())).map((r) => r.ratio)).toEqual([0.25, 0.3, 0.5])
  })

  maybe('an entrypoint that raises fails the execution with its traceback as Message; no result', async () => {
    const hash = await deployV2(emu, token, { ...UPLOAD, source: V2_RAISES })
    const { id, final } = await execute(emu, token, hash, UPLOAD.datasets)
    expect(final).toEqual({
      status: 200,
      body: {
        Status: 'Failed',
        Message: expect.stringMatching(/Traceback[\s\S]*RuntimeError: cannot merge the datasets/)
      }
    })
    expect((await v2Call(emu, token, 'GET', `/${hash}/execution/${id}/result`)).status).toBe(400)
  })

  maybe('a second run of one execution is 409; a new execution runs again', async () => {
    const hash = await deployV2(emu, token, UPLOAD)
    const { id } = await execute(emu, token, hash, UPLOAD.datasets)
    expect((await v2Call(emu, token, 'PATCH', `/${hash}/execution/${id}/run`)).status).toBe(409)
    expect((await execute(emu, token, hash, UPLOAD.datasets)).final.body.Status).toBe('Succeeded')
  })
})

test('without pandas, a v2 execution fails with a Message saying so (the emulator keeps serving)', async () => {
  // A Python that cannot see any site-packages (-S), so pandas cannot be imported.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'no-pandas-'))
  const python = path.join(dir, 'python-without-pandas')
  await writeFile(python, '#!/bin/sh\nexec python3 -S "$@"\n')
  await chmod(python, 0o755)
  const emu = await startEmulator({ buildSeconds: 0, python })
  try {
    const token = await userToken(emu)
    const hash = await deployV2(emu, token, UPLOAD)
    const { final } = await execute(emu, token, hash, UPLOAD.datasets)
    expect(final.body).toEqual({
      Status: 'Failed',
      Message: expect.stringMatching(
        /cannot run DataFrame entrypoints: pandas is not installed for .*apt-get install python3-pandas.*--python/
      )
    })
    expect((await v2Call(emu, token, 'GET', '')).status).toBe(200)
  } finally {
    await emu.close()
    await rm(dir, { recursive: true, force: true })
  }
})
