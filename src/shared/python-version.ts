/**
 * The Python versions the platform builds with, and how each is spelt on the wire.
 * Users write '3.10'; the server's forms and answers say 'Python310'. The action, validate
 * mode and the emulator all convert here, so the two spellings cannot drift apart.
 */
export const PYTHON_VERSIONS = ['3.8', '3.9', '3.10'] as const
export type PythonVersion = (typeof PYTHON_VERSIONS)[number]

export function isPythonVersion(value: string): value is PythonVersion {
  return (PYTHON_VERSIONS as readonly string[]).includes(value)
}

/** '3.10' -> 'Python310', the form the register and script-file calls send. */
export function pythonWireForm(version: PythonVersion): string {
  return `Python${version.replace('.', '')}`
}

/** 'Python310' -> '3.10'; undefined for anything that is not one of PYTHON_VERSIONS on the wire. */
export function pythonFromWire(wire: string | undefined): PythonVersion | undefined {
  const digits = /^Python3(\d+)$/.exec(wire ?? '')?.[1]
  const version = digits === undefined ? undefined : `3.${digits}`
  return version !== undefined && isPythonVersion(version) ? version : undefined
}
