/** src/harness over python/harness/: samples by file, the DataFrame contracts, parquet in and out. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { buildCheck, runAsyncV1, runDataFrames, runSync, type HarnessCall } from '../../src/harness/index.js'
import { interpreters, scriptFolder } from './helpers.js'

const found = await interpreters()
const withPandas = found.withPandas
const pandasTest = withPandas ? test : test.skip

function call(
  folder: string,
  contract: HarnessCall['contract'],
  python = 'python3',
  entrypoint = 'process'
): HarnessCall {
  return { python, folder, sourceFile: 'script.py', entrypoint, contract, timeoutMs: 30_000 }
}

/** A Sync run of `folder`'s script on the input {}. */
function runSyncOnEmpty(folder: string, timeoutMs?: number): ReturnType<typeof runSync> {
  writeFileSync(join(folder, 'in.json'), '{}')
  return runSync({
    ...call(folder, 'sync'),
    ...(timeoutMs ? { timeoutMs } : {}),
    inputJsonFile: join(folder, 'in.json')
  })
}

async function readParquet(path: string): Promise<Record<string, unknown>[]> {
  const bytes = readFileSync(path)
  return parquetReadObjects({
    file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  })
}

test('a 5 MB JSON sample reaches a Sync entrypoint through a file, whole', async () => {
  const folder = scriptFolder({
    'script.py':
      'import json\ndef process(data, base_path):\n' +
      '    rows = json.loads(data)\n' +
      '    return {"rows": len(rows), "chars": len(data)}\n'
  })
  const sample = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ id: i, text: 'x'.repeat(80) })))
  expect(sample.length).toBeGreaterThan(5_000_000)
  const input = join(folder, 'input.json')
  writeFileSync(input, sample)
  const run = await runSync({ ...call(folder, 'sync'), inputJsonFile: input })
  expect(run).toMatchObject({ ok: true, response: { rows: 50_000, chars: sample.length } })
})

test('what the entrypoint prints is output, never the answer', async () => {
  const folder = scriptFolder({
    'script.py': 'def process(data, base_path):\n    print("{not the answer}")\n    return "{\\"a\\": 1}"\n'
  })
  const run = await runSyncOnEmpty(folder)
  expect(run).toMatchObject({ ok: true, response: { a: 1 }, output: '{not the answer}' })
})

test("the script's own modules are its own, even when named like the harness's", async () => {
  const modules = ['harness', 'check', 'run', 'loader', 'frames']
  const files = Object.fromEntries(modules.map((name) => [`${name}.py`, `WHO = "${name}"\n`]))
  const names = modules.join(', ')
  const script = `import ${names}\ndef process(data, base_path):\n    return [m.WHO for m in (${names})]\n`
  const run = await runSyncOnEmpty(scriptFolder({ ...files, 'script.py': script }))
  expect(run).toMatchObject({ ok: true, response: modules })
})

test('a raising entrypoint gives its traceback without the harness frames', async () => {
  const folder = scriptFolder({ 'script.py': 'def process(data, base_path):\n    raise KeyError("price")\n' })
  const run = await runSyncOnEmpty(folder)
  expect(run.ok).toBe(false)
  expect(run.problem).toBe("KeyError: 'price'")
  expect(run.traceback).toMatch(/script\.py", line 2, in process\n[\s\S]*KeyError: 'price'$/)
  expect(run.traceback).not.toMatch(/neomaril-harness-/)
})

test('a timeout kills the script and says so', async () => {
  const folder = scriptFolder({ 'script.py': 'import time\ndef process(data, base_path):\n    time.sleep(60)\n' })
  const run = await runSyncOnEmpty(folder, 1500)
  expect(run).toMatchObject({ ok: false, timedOut: true })
})

test('a missing interpreter is a skip naming it, not a crash', async () => {
  const folder = scriptFolder({ 'script.py': 'def process(data, base_path):\n    return {}\n' })
  const run = await buildCheck(call(folder, 'sync', 'python-not-installed-here'))
  expect(run).toMatchObject({ ok: false, skipped: 'python-not-installed-here is not on this machine' })
})

test('v1 Async (2.1.1 form): the file the entrypoint wrote, with inputFileName set', async () => {
  const folder = scriptFolder({
    'script.py':
      'import os\ndef build_df(data_path, extra_path=None):\n' +
      '    out = os.path.join(data_path, "out.txt")\n' +
      '    open(out, "w").write(os.environ["inputFileName"] + ":" + str(extra_path == os.getcwd()))\n    return out\n',
    'data/in.csv': 'a\n1\n'
  })
  const run = await runAsyncV1({
    ...call(folder, 'async-v1', 'python3', 'build_df'),
    dataPath: join(folder, 'data'),
    inputFileName: 'in.csv'
  })
  expect(run).toMatchObject({ ok: true, outputFile: join(folder, 'data', 'out.txt') })
  expect(readFileSync(run.outputFile as string, 'utf8')).toBe('in.csv:True')
})

pandasTest(
  'v1 Async (DataFrame form): build_df(df, data_path, extra_path) returns a DataFrame, written as parquet',
  async () => {
    const folder = scriptFolder({
      'script.py': 'def build_df(df, data_path, extra_path=None):\n    df["double"] = df["a"] * 2\n    return df\n',
      'data/in.csv': 'a,name\n1,x\n2,y\n'
    })
    const run = await runAsyncV1({
      ...call(folder, 'async-v1', withPandas, 'build_df'),
      dataPath: join(folder, 'data'),
      inputFileName: 'in.csv'
    })
    expect(run).toMatchObject({
      ok: true,
      rows: 2,
      columns: ['a', 'name', 'double'],
      outputFile: join(folder, 'data', 'processed_data.parquet')
    })
    expect(await readParquet(run.outputFile as string)).toEqual([
      { a: 1n, name: 'x', double: 2n },
      { a: 2n, name: 'y', double: 4n }
    ])
  }
)

pandasTest(
  'v2: a dict of DataFrames from csv, json and parquet datasets; the result is a real parquet file',
  async () => {
    const folder = scriptFolder({
      'script.py': [
        'import pandas as pd',
        'def build_df(dfs, extra_path=None):',
        '    merged = dfs["clients"].merge(dfs["scores"], on="id").merge(dfs["regions"], on="id")',
        '    merged["ok"] = merged["score"] > 0.5',
        '    merged["when"] = pd.Timestamp("2024-01-02T03:04:05Z")',
        '    return merged',
        ''
      ].join('\n'),
      'clients.csv': 'id,name\n1,Ana\n2,Bia\n',
      'scores.json': JSON.stringify([
        { id: 1, score: 0.9 },
        { id: 2, score: 0.1 }
      ])
    })
    const regions = join(folder, 'regions.parquet')
    writeFileSync(
      regions,
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'id', type: 'INT64', data: [1n, 2n] },
            { name: 'region', type: 'STRING', data: ['N', 'S'] }
          ]
        })
      )
    )
    const output = join(folder, 'result.parquet')
    const run = await runDataFrames({
      ...call(folder, 'async-v2', withPandas, 'build_df'),
      datasets: [
        { name: 'clients', path: join(folder, 'clients.csv') },
        { name: 'scores', path: join(folder, 'scores.json') },
        { name: 'regions', path: regions }
      ],
      outputParquet: output
    })
    expect(run).toMatchObject({ ok: true, rows: 2, columns: ['id', 'name', 'score', 'region', 'ok', 'when'] })
    const when = new Date('2024-01-02T03:04:05Z')
    expect(await readParquet(output)).toEqual([
      { id: 1n, name: 'Ana', score: 0.9, region: 'N', ok: true, when },
      { id: 2n, name: 'Bia', score: 0.1, region: 'S', ok: false, when }
    ])
  }
)

pandasTest.each([
  ['a dict instead of a DataFrame', 'return {"a": 1}', 'the entrypoint returned dict, not a pandas DataFrame'],
  ['an empty DataFrame', 'return dfs["d"].iloc[0:0]', 'the entrypoint returned an empty DataFrame (0 rows)'],
  ['no columns', 'return dfs["d"][[]]', 'the entrypoint returned a DataFrame with no columns']
])('v2: %s is a failure with a clear reason', async (_label, body, problem) => {
  const folder = scriptFolder({ 'script.py': `def build_df(dfs, extra_path=None):\n    ${body}\n`, 'd.csv': 'a\n1\n' })
  const output = join(folder, 'out.parquet')
  const run = await runDataFrames({
    ...call(folder, 'async-v2', withPandas, 'build_df'),
    datasets: [{ name: 'd', path: join(folder, 'd.csv') }],
    outputParquet: output
  })
  expect(run).toMatchObject({ ok: false, problem })
})

;(found.withoutPandas ? test : test.skip)('v2 without pandas: skipped, naming the interpreter', async () => {
  const folder = scriptFolder({
    'script.py': 'def build_df(dfs, extra_path=None):\n    return dfs\n',
    'd.csv': 'a\n1\n'
  })
  const run = await runDataFrames({
    ...call(folder, 'async-v2', found.withoutPandas, 'build_df'),
    datasets: [{ name: 'd', path: join(folder, 'd.csv') }],
    outputParquet: join(folder, 'o.parquet')
  })
  expect(run.ok).toBe(false)
  expect(run.skipped).toMatch(/^pandas is not installed for \/.*python/)
})
