#!/usr/bin/env node
/**
 * `npm start`: the main job on this machine. Starts the Neomaril emulator on loopback,
 * runs the bundled action (dist/index.js) as a runner would (INPUT_* variables, the
 * runner's files, the workspace as working directory) on your script or the project's
 * sample, prints its log as a runner's log reads, then the step's outputs.
 *
 *   npm start                                       deploy samples/sync and smoke-test it
 *   npm start -- --source-file x.py --entrypoint f --schema s.json   your own script
 *   npm start -- --help                             every option (the action's inputs included)
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { BUNDLE, REPO_ROOT, createRunnerFiles, parseOutputFile, runnerEnv } from '../build/helpers/action-runner.js'
import { startEmulator, DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_GROUP_TOKEN } from '../build/emulator/index.js'
import { UsageError, actionInputs, parseLocalRunArgs, usage } from './lib/local-run-options.mjs'
import { createRunnerLog, outputLines } from './lib/runner-log.mjs'
import { newRunFolder, rebasePaths } from './lib/local-run-folders.mjs'

const inputs = actionInputs(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'))
let parsed
try {
  parsed = parseLocalRunArgs(process.argv.slice(2), inputs)
} catch (error) {
  if (!(error instanceof UsageError)) throw error
  console.error(`npm start: ${error.message}`)
  process.exit(2)
}
const { run } = parsed
if (run.help) {
  console.log(usage(inputs))
  process.exit(0)
}

// Without a script of the user's, the project's sample; paths are relative to the workspace.
const ownScript = parsed.inputs['source-file'] !== undefined
// npm runs scripts in the package's folder; INIT_CWD is where `npm start` was typed.
const invokedFrom = process.env.INIT_CWD ?? process.cwd()
const workspace =
  run.workspace !== undefined ? resolve(invokedFrom, run.workspace) : ownScript ? invokedFrom : REPO_ROOT
if (!existsSync(workspace) || !statSync(workspace).isDirectory()) {
  console.error(`npm start: --workspace: '${workspace}' is not a directory`)
  process.exit(2)
}
const SAMPLE = {
  name: 'sample loan features',
  entrypoint: 'process',
  'source-file': 'samples/sync/score.py',
  'requirements-file': 'samples/sync/requirements.txt',
  schema: 'samples/sync/schema.json',
  'extra-files': 'samples/sync/limits.json',
  // Only deploy mode reads smoke-test (the other modes always run the sample).
  ...((parsed.inputs.mode ?? 'deploy') === 'deploy' ? { 'smoke-test': 'true' } : {})
}
let emulator
try {
  emulator = await startEmulator({ buildSeconds: run.buildSeconds })
} catch (error) {
  console.error(`npm start: the Neomaril emulator did not start: ${error.message}`)
  process.exit(2)
}
// The sample's workspace is this repository: a path of the user's is still relative to where they ran npm start.
const userInputs = run.workspace === undefined ? rebasePaths(parsed.inputs, invokedFrom, workspace) : parsed.inputs
const stepInputs = { ...(ownScript ? {} : SAMPLE), ...userInputs }
// The emulator's connection comes through the inputs' environment fallbacks, as a job's `env:` would
// give it: set as inputs, the action would rightly warn that validate mode (or a run without a smoke
// test) does not use them (src/inputs/unused-inputs.ts). An option (--url, --group-token…) still wins.
const emulatorConnection = {
  MLOPS_URL: emulator.url,
  MLOPS_USER: DEFAULT_USER,
  MLOPS_PASSWORD: DEFAULT_PASSWORD,
  MLOPS_GROUP_TOKEN: DEFAULT_GROUP_TOKEN
}

// One folder per run (.local-run/<time>-<pid>/, .local-run/latest the newest), so runs at the same time keep apart.
const runnerDir = newRunFolder(join(REPO_ROOT, '.local-run'))
const files = createRunnerFiles(runnerDir)
const env = runnerEnv({
  workspace,
  runnerDir,
  files,
  inputs: stepInputs,
  env: { GITHUB_REPOSITORY: 'local/run', GITHUB_WORKFLOW: 'npm start', ...emulatorConnection }
})

console.log(`Neomaril emulator at ${emulator.url} (build time ${run.buildSeconds} s); workspace ${workspace}`)
const log = createRunnerLog({ write: (text) => process.stdout.write(text), debug: run.debug })
// Its own process group, so it gets one signal, from here: Ctrl-C reaches npm, the shell and
// this script at once (and npm passes it on again). The action then stops as on a runner
// (it publishes what it knows) and the emulator closes, removing its temp folder; a signal
// more than 2 s after the first ends npm start at once.
const child = spawn(process.execPath, [BUNDLE], {
  cwd: workspace,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true
})
let stopping = 0
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    if (stopping === 0) {
      stopping = Date.now()
      child.kill(signal)
    } else if (Date.now() - stopping > 2000) {
      child.kill('SIGKILL')
      process.exit(130)
    }
  })
child.stdout.setEncoding('utf8')
child.stdout.on('data', (chunk) => (run.raw ? process.stdout.write(chunk) : log.chunk(chunk)))
// The runner masks stderr too (it reads no commands there).
child.stderr.setEncoding('utf8')
child.stderr.on('data', (chunk) => process.stderr.write(run.raw ? chunk : log.mask(chunk)))
const code = await new Promise((done) => child.on('close', done))
log.end()
await emulator.close()

console.log(`\nThe action exited with ${code}. Outputs (${files.GITHUB_OUTPUT}):`)
for (const line of outputLines(parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')), log.mask)) console.log(line)
console.log(`Job summary: ${files.GITHUB_STEP_SUMMARY}`)
process.exit(code ?? 1)
