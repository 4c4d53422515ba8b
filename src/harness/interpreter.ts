import { probePython } from './process.js'

/** The interpreter a run used, for the summary and result.json. */
export interface Interpreter {
  /** The command that was run (python3.10, python3, /usr/bin/python3). */
  command: string
  /** sys.executable. */
  path: string
  /** e.g. 3.10.14 */
  version: string
}

export interface InterpreterChoice {
  interpreter?: Interpreter
  /** Set when the interpreter does not match the version asked for. */
  warning?: string
}

const DESCRIBE = "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])"

export async function describePython(
  command: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<Interpreter | undefined> {
  const out = await probePython(command, DESCRIBE, env)
  if (out === undefined) return undefined
  const [path = '', version = ''] = out.split('\n').map((line) => line.trim())
  return { command, path, version }
}

/**
 * Validate mode's interpreter: python<version> (e.g. python3.10) when it is on PATH,
 * else python3 with a warning naming both versions; none when neither runs.
 * `override` (a caller's interpreter) is used as it is; `env` holds the PATH searched.
 */
export async function pythonFor(
  version: string,
  override?: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<InterpreterChoice> {
  if (override) return { interpreter: await describePython(override, env) }
  const exact = await describePython(`python${version}`, env)
  if (exact) return { interpreter: exact }
  const fallback = await describePython('python3', env)
  if (!fallback) return {}
  const warning = fallback.version.startsWith(`${version}.`)
    ? undefined
    : `python${version} is not on PATH, so the entrypoint ran with python3 (Python ${fallback.version}) ` +
      `although python-version is ${version}; add actions/setup-python with python-version: '${version}' ` +
      "before this step to check with the server's version"
  return { interpreter: fallback, warning }
}

/** True when `python` can import pandas (the DataFrame contracts need it). */
export async function hasPandas(python: string): Promise<boolean> {
  return (await probePython(python, 'import pandas')) !== undefined
}

/**
 * The emulator's default interpreter: the first of python3 on PATH and /usr/bin/python3
 * that can import pandas (so v2 executions work), else python3.
 */
export async function defaultEmulatorPython(): Promise<string> {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (await hasPandas(candidate)) return candidate
  }
  return 'python3'
}

/** An interpreter with pandas, for tests and tools; undefined when there is none. */
export async function pandasPython(): Promise<string | undefined> {
  const found = await defaultEmulatorPython()
  return (await hasPandas(found)) ? found : undefined
}
