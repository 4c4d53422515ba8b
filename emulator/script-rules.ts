/**
 * What v1 and v2 scripts have in common: the name and Python rules of a register, where
 * the source is stored, the build knobs, and how the harness is called.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pythonFromWire, pythonWireForm, PYTHON_VERSIONS } from '../src/shared/python-version.js'
import { badInput } from './http/errors.js'
import type { UploadedFile } from './http/body.js'
import type { EmulatorCall } from './python.js'
import type { Operation, ScriptSummary } from './types.js'

/** Shortest time an async execution stays Running, so a polling client can see it. */
export const MIN_RUNNING_MS = 600

/** Build knobs both APIs read at each host call (the Emulator's setters change them). */
export interface BuildSettings {
  buildSeconds: number
  buildFails: boolean
}

export const BUILD_FAILS_MESSAGE = 'Build failed: every build fails (emulator option buildFails)'

export function checkScriptName(name: string): void {
  if (name.length >= 32) throw badInput(`'name' must be under 32 characters; it has ${name.length}`)
}

/**
 * A python_version as sent ('Python310'), as the harness takes it ('3.10'); a 400 for any
 * other. Register and script-file uploads check with it; builds and runs convert with it.
 */
export function checkPythonVersion(wire: string): string {
  const version = pythonFromWire(wire)
  if (version === undefined)
    throw badInput(`'python_version' must be one of ${PYTHON_VERSIONS.map(pythonWireForm).join(', ')}, not '${wire}'`)
  return version
}

/** Where an uploaded script is stored: 'script.py' or 'notebook.ipynb', whatever it was called. */
export function sourceFileName(file: UploadedFile): string {
  if (file.filename.endsWith('.py')) return 'script.py'
  if (file.filename.endsWith('.ipynb')) return 'notebook.ipynb'
  throw badInput(`The '${file.part}' file must be a .py script or an .ipynb notebook, not '${file.filename}'`)
}

/** A script as Emulator.scripts() lists it. */
export function scriptSummary(
  api: ScriptSummary['api'],
  operation: Operation,
  s: { group: string; hash: string; name: string; status: string; dir: string; files: Iterable<string> }
): ScriptSummary {
  return {
    api,
    group: s.group,
    hash: s.hash,
    name: s.name,
    operation,
    status: s.status,
    dir: s.dir,
    files: [...s.files]
  }
}

/**
 * The parts of a harness call every build and run of a script shares. The `.env` the
 * script was sent with (stored beside the source) is handed to the harness, which puts
 * its variables in the script's environment before the import, as validate mode does.
 */
export function harnessCall(
  script: { dir: string; sourceFile: string; entrypoint: string; pythonVersion: string },
  runTimeoutSeconds: number
): Omit<EmulatorCall, 'contract'> {
  return {
    folder: script.dir,
    sourceFile: script.sourceFile,
    entrypoint: script.entrypoint,
    pythonVersion: checkPythonVersion(script.pythonVersion),
    timeoutMs: runTimeoutSeconds * 1000,
    envFile: existsSync(join(script.dir, '.env')) ? join(script.dir, '.env') : undefined
  }
}

export const buildTimedOut = (seconds: number): string => `Build check timed out after ${seconds} s`
export const runTimedOut = (seconds: number): string => `Execution timed out after ${seconds} s`
