/**
 * The rows of __tests__/e2e/bad-input.test.ts: one bad input each, the input its message
 * must name and the words it must say. The tables are split by topic beside this file.
 */
import { join, relative } from 'node:path'

/** A forged workflow command some inputs carry: no line the runner reads may start with it. */
export const HOSTILE = '::warning::forged'

/** The folders the cases point at, set by the suite's beforeAll before any case runs. */
export const world = {
  /** One workspace, only read by the runs: the sync sample plus the files the cases point at. */
  workspace: '',
  /** A folder outside the workspace, reached through links from inside it. */
  outside: ''
}

export const asyncScript = {
  operation: 'async',
  entrypoint: 'build_features',
  'source-file': 'features.py',
  schema: 'schema.csv',
  'extra-files': ''
}
export const smokeTest = { 'smoke-test': 'true' }

export interface Case {
  /** What is wrong. */
  readonly label: string
  /** The input the message must name. */
  readonly input: string
  /** The inputs changed; a function when they name paths known only once the folders exist. */
  readonly inputs: Record<string, string> | (() => Record<string, string>)
  /** What the message must say: the problem, and the words of its fix. */
  readonly message: RegExp
  /** Found by the Python entrypoint check, which overlaps the read-only health request. */
  readonly byPython?: boolean
  readonly env?: Record<string, string>
}

export const row = (
  label: string,
  input: string,
  inputs: Case['inputs'],
  message: RegExp,
  env?: Record<string, string>
): Case => ({ label, input, inputs, message, env })
export const pythonRow = (label: string, inputs: Case['inputs'], message: RegExp): Case => ({
  ...row(label, 'entrypoint', inputs, message),
  byPython: true
})
/** The path of a file of the canary folder as seen from the workspace (`../canary-…`). */
export const up = (file: string): string => relative(world.workspace, join(world.outside, file))
