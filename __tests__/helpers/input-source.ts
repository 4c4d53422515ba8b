/**
 * Unit-test inputs: a workspace holding a valid sync script (each case changes what
 * it needs), the inputs that deploy it, and an InputSource recording what was masked.
 */
import { mkdtempSync, writeFileSync, mkdirSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseInputs, type InputSource } from '../../src/inputs/parse.js'
import { InputError } from '../../src/shared/errors.js'

/** A workspace with a valid sync script; each case changes what it needs. */
export function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inputs-'))
  writeFileSync(join(dir, 'score.py'), 'import json\n\ndef process(data, base_path):\n    return json.loads(data)\n')
  writeFileSync(join(dir, 'batch.py'), 'def build(data_path, extra_path=None):\n    return data_path\n')
  writeFileSync(join(dir, 'requirements.txt'), 'pandas==2.2.2\n')
  writeFileSync(join(dir, 'schema.json'), '{"a": 1}')
  writeFileSync(join(dir, 'data.csv'), 'a,b\n1,2\n')
  mkdirSync(join(dir, 'extras/nested'), { recursive: true })
  writeFileSync(join(dir, 'extras/one.txt'), '1')
  writeFileSync(join(dir, 'extras/two.txt'), '2')
  writeFileSync(join(dir, 'extras/nested/one.txt'), 'dup')
  writeFileSync(join(dir, '.env'), '# comment\nAPI_KEY=abc123secret\nexport OTHER="quoted value"\nEMPTY=\n')
  return dir
}

export const VALID = {
  url: 'https://neomaril.example.com',
  login: 'me@example.com',
  password: 'pw-secret',
  name: 'loan features',
  entrypoint: 'process',
  'source-file': 'score.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.json'
} satisfies Record<string, string>

/** What turns VALID into an Async script with a csv sample (batch.py's build, data.csv). */
export const ASYNC_SCRIPT = {
  operation: 'Async',
  entrypoint: 'build',
  'source-file': 'batch.py',
  schema: 'data.csv'
} satisfies Record<string, string>

export function source(
  cwd: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): InputSource & { masked: string[] } {
  const masked: string[] = []
  return { get: (name) => (inputs[name] ?? '').trim(), env, cwd, mask: (value) => masked.push(value), masked }
}

export function problemsOf(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  prepare?: (dir: string) => void
): { input: string; text: string }[] {
  const dir = workspace()
  prepare?.(dir)
  return problemsAt(dir, inputs, env)
}

/** The problems parseInputs finds with these inputs in workspace `dir` ([] when it accepts them). */
export function problemsAt(
  dir: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): { input: string; text: string }[] {
  try {
    parseInputs(source(dir, inputs, env))
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return error.problems.map((p) => ({ input: p.input, text: `${p.problem} ${p.fix ?? ''}` }))
  }
  return []
}

/** A folder beside the workspace holding a secret-looking file. */
export function outsideFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outside-'))
  writeFileSync(join(dir, 'secret.json'), '{"stolen": true}')
  return realpathSync(dir)
}

/** The extra-files problem parseInputs finds with VALID changed by `change` (undefined when none). */
export const extraFilesProblem = (
  change: Record<string, string>,
  prepare?: (dir: string) => void
): string | undefined => problemsOf({ ...VALID, ...change }, {}, prepare).find((p) => p.input === 'extra-files')?.text
