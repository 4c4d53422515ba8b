/**
 * The pipeline smoke tests' world (e2e/pipeline-*.test.ts): seeded models, workspaces holding
 * the preprocessing scripts that feed them (__tests__/emulator/model-fixtures.ts), and the inputs that
 * deploy such a script with smoke-test-model.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_GROUP_TOKEN, DEFAULT_PASSWORD, DEFAULT_USER, type ModelSeed } from '../../emulator/index.js'
import { FEED_ASYNC, FEED_BROKEN, FEED_OK, FEED_RENAMED, MODEL_ASYNC, MODEL_SYNC } from '../emulator/model-fixtures.js'
import type { ActionRun } from './action-runner.js'

export const SYNC_MODEL = `M${'1'.repeat(63)}`
export const ASYNC_MODEL = `M${'2'.repeat(63)}`
export const DISABLED_MODEL = `M${'3'.repeat(63)}`
export const UNKNOWN_MODEL = `M${'4'.repeat(63)}`

export const MODELS: ModelSeed[] = [
  { hash: SYNC_MODEL, operation: 'Sync', code: MODEL_SYNC },
  { hash: ASYNC_MODEL, operation: 'Async', code: MODEL_ASYNC },
  { hash: DISABLED_MODEL, operation: 'Sync', code: MODEL_SYNC, status: 'Disabled' }
]

/** v1 Async preprocessing whose output names the column 'salary': the model needs 'income'. */
export const FEED_ASYNC_DROPS = FEED_ASYNC.replace('dst.write("income\\n")', 'dst.write("salary\\n")')

export const FEED_ASYNC_BROKEN = `
def build_df(data_path, extra_path=None):
    raise KeyError("income_total")
`

/** v2 preprocessing (DataFrames): keeps the income column of the 'loans' dataset. */
export const FEED_V2 = `
def build_df(dfs, extra_path=None):
    return dfs["loans"][["income"]]
`

const SYNC_FEEDS = { ok: FEED_OK, renamed: FEED_RENAMED, broken: FEED_BROKEN }
const ASYNC_FEEDS = { ok: FEED_ASYNC, drops: FEED_ASYNC_DROPS, broken: FEED_ASYNC_BROKEN, v2: FEED_V2 }

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-pipeline-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

const REQUIREMENTS = '# the standard library only\n'

/** A workspace with a Sync preprocessing (feed.py, entrypoint process) and its JSON sample. */
export function syncWorkspace(feed: keyof typeof SYNC_FEEDS): string {
  return folder({
    'feed.py': SYNC_FEEDS[feed],
    'requirements.txt': REQUIREMENTS,
    'schema.json': JSON.stringify([
      { income: 5000, age: 30 },
      { income: 2000, age: 50 }
    ])
  })
}

/** A workspace with an Async preprocessing (feed.py, entrypoint build_df) and its CSV sample, named loans. */
export function asyncWorkspace(feed: keyof typeof ASYNC_FEEDS): string {
  return folder({
    'feed.py': ASYNC_FEEDS[feed],
    'requirements.txt': REQUIREMENTS,
    'loans.csv': 'id,income\n1,5000\n2,2000\n'
  })
}

export function credentials(url: string): Record<string, string> {
  return { url, login: DEFAULT_USER, password: DEFAULT_PASSWORD, 'group-token': DEFAULT_GROUP_TOKEN }
}

/** A deploy of the Sync feed with the pipeline smoke test through `model`. */
export function syncPipelineInputs(url: string, model: string, extra: Record<string, string> = {}) {
  return {
    ...credentials(url),
    name: 'loan features',
    entrypoint: 'process',
    'source-file': 'feed.py',
    'requirements-file': 'requirements.txt',
    schema: 'schema.json',
    'smoke-test': 'true',
    'smoke-test-model': model,
    ...extra
  }
}

/** A deploy of the Async feed (v1 unless `api-version` says otherwise) with the pipeline smoke test. */
export function asyncPipelineInputs(url: string, model: string, extra: Record<string, string> = {}) {
  return {
    ...credentials(url),
    name: 'loan batch',
    entrypoint: 'build_df',
    'source-file': 'feed.py',
    'requirements-file': 'requirements.txt',
    schema: 'loans.csv',
    operation: 'Async',
    'api-version': 'v1',
    'smoke-test': 'true',
    'smoke-test-model': model,
    ...extra
  }
}

/** The smoke-test-stages output, parsed. */
export function stagesOf(run: ActionRun): Record<'preprocessing' | 'model', { outcome: string; ms: number | null }> {
  return JSON.parse(run.outputs['smoke-test-stages'] ?? 'null')
}
