/** The emulator's door to python/harness/ (through src/harness, as validate mode uses it). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  buildCheck,
  runAsyncV1,
  runDataFrames,
  runSync,
  type FrameOutcome,
  type HarnessCall,
  type HarnessOutcome
} from '../src/harness/index.js'
import { defaultEmulatorPython, describePython } from '../src/harness/interpreter.js'

/**
 * Rejects, saying why and what to do, when the emulator has no Python to build and run
 * scripts with: `python` when given, else python3 on PATH or /usr/bin/python3.
 */
export async function requirePython(python?: string): Promise<void> {
  const candidates = python === undefined ? ['python3', '/usr/bin/python3'] : [python]
  for (const candidate of candidates) if (await describePython(candidate)) return
  throw new Error(
    python === undefined
      ? 'no Python to build and run the uploaded scripts with: ' +
          'python3 is not on PATH, nor is /usr/bin/python3 there. ' +
          'Install Python 3 (e.g. apt-get install python3), or name an interpreter with --python <exe>.'
      : `the Python '${python}' does not run (not found, or not an interpreter): ` +
          'name one that does with --python <exe>, or leave it out to use python3.'
  )
}

/** A harness call without the interpreter and the kill switch, which the runner holds. */
export type EmulatorCall = Omit<HarnessCall, 'python' | 'signal'>

export interface PythonRunner {
  /** The interpreter in use (resolved on first use when none was given). */
  python(): Promise<string>
  buildCheck(call: EmulatorCall): Promise<HarnessOutcome>
  /** `input` is the request's Input as JSON text; it reaches Python through a file. */
  runSync(call: EmulatorCall & { input: string }): Promise<HarnessOutcome & { response?: unknown }>
  runAsyncV1(
    call: EmulatorCall & { dataPath: string; inputFileName: string }
  ): Promise<FrameOutcome & { outputFile?: string }>
  runDataFrames(
    call: EmulatorCall & { datasets: { name: string; path: string }[]; outputParquet: string }
  ): Promise<FrameOutcome>
  /** Kills every script still running (on close). */
  killAll(): void
}

/**
 * `python` undefined: the first of python3 on PATH and /usr/bin/python3 that can import
 * pandas (v2 executions need it), else python3 — see src/harness/interpreter.ts. The
 * command is resolved once to the executable it runs (sys.executable), so a version
 * manager's shim (pyenv's is a shell script) is not paid on every build and run.
 */
export function pythonRunner(python?: string): PythonRunner {
  let chosen: Promise<string> | undefined
  const resolve = async (): Promise<string> => {
    const command = python ?? (await defaultEmulatorPython())
    return (await describePython(command))?.path ?? command
  }
  const interpreter = (): Promise<string> => (chosen ??= resolve())
  // One controller per generation: killAll aborts every run started before it.
  let controller = new AbortController()
  const full = async <T extends EmulatorCall>(call: T): Promise<T & { python: string; signal: AbortSignal }> => ({
    ...call,
    python: await interpreter(),
    signal: controller.signal
  })
  return {
    python: interpreter,
    buildCheck: async (call) => buildCheck(await full(call)),
    async runSync(call) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'neomaril-emu-input-'))
      try {
        const inputJsonFile = path.join(dir, 'input.json')
        await writeFile(inputJsonFile, call.input)
        return await runSync({ ...(await full(call)), inputJsonFile })
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    runAsyncV1: async (call) => runAsyncV1(await full(call)),
    runDataFrames: async (call) => runDataFrames(await full(call)),
    killAll() {
      controller.abort()
      controller = new AbortController()
    }
  }
}
