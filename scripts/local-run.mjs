#!/usr/bin/env node
/**
 * `npm start`: the main job on this machine. Starts the Neomaril emulator, runs the
 * bundled action (dist/index.js) on the project's sample script exactly as a runner
 * would (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the repository
 * as workspace), then prints the step's outputs.
 *
 *   npm start                 deploy samples/sync and smoke-test it
 *   npm start -- --async      deploy samples/async and smoke-test it
 *   npm start -- --build-seconds 10 --no-smoke-test
 */
import { spawn } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createRunnerFiles } from './lib/runner-files.mjs'
import { startEmulator, DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN } from '../build/emulator/index.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values: flags } = parseArgs({
  options: {
    async: { type: 'boolean', default: false },
    'build-seconds': { type: 'string', default: '3' },
    'no-smoke-test': { type: 'boolean', default: false }
  }
})

const emulator = await startEmulator({ buildSeconds: Number(flags['build-seconds']) })
console.log(`Neomaril emulator at ${emulator.url} (build time ${flags['build-seconds']}s)\n`)

const runnerDir = join(root, '.local-run')
rmSync(runnerDir, { recursive: true, force: true })
const runnerFiles = createRunnerFiles(runnerDir)

const sample = flags.async
  ? { name: 'sample async features', entrypoint: 'build_features', 'source-file': 'samples/async/features.py', 'requirements-file': 'samples/async/requirements.txt', schema: 'samples/async/schema.csv', operation: 'Async' }
  : { name: 'sample loan features', entrypoint: 'process', 'source-file': 'samples/sync/score.py', 'requirements-file': 'samples/sync/requirements.txt', schema: 'samples/sync/schema.json', 'extra-files': 'samples/sync/limits.json', operation: 'Sync' }
const inputs = {
  url: emulator.url,
  login: DEFAULT_USER,
  password: DEFAULT_PASSWORD,
  'group-token': DEFAULT_GROUP_TOKEN,
  ...sample,
  'smoke-test': flags['no-smoke-test'] ? 'false' : 'true'
}

const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  GITHUB_WORKSPACE: root,
  RUNNER_TEMP: runnerDir,
  NO_PROXY: '127.0.0.1,localhost',
  ...runnerFiles
}
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value

const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], { cwd: root, env, stdio: 'inherit' })
const code = await new Promise(done => child.on('close', done))
await emulator.close()

console.log(`\nThe action exited with ${code}. Outputs (${runnerFiles.GITHUB_OUTPUT}):`)
const output = readFileSync(runnerFiles.GITHUB_OUTPUT, 'utf8')
for (const match of output.matchAll(/^([^<\n]+)<<(.+)\n([^]*?)\n\2$/gm)) console.log(`  ${match[1].padEnd(18)} ${match[3]}`)
console.log(`Job summary: ${runnerFiles.GITHUB_STEP_SUMMARY}`)
process.exit(code ?? 1)
