import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The files a runner creates before a step runs (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_STATE, GITHUB_ENV, GITHUB_PATH), empty, in `dir`. Answers name → path, ready
 * to spread into the step's environment.
 */
export function createRunnerFiles(dir) {
  mkdirSync(dir, { recursive: true })
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  return files
}
