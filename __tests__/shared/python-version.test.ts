/** The Python version's two spellings, converted in one place for the action, validate mode and the emulator. */
import { isPythonVersion, pythonFromWire, pythonWireForm, PYTHON_VERSIONS } from '../../src/shared/python-version.js'

describe('the Python version on the wire', () => {
  test('each version the platform builds with goes to its wire form and back', () => {
    expect(PYTHON_VERSIONS.map(pythonWireForm)).toEqual(['Python38', 'Python39', 'Python310'])
    for (const version of PYTHON_VERSIONS) expect(pythonFromWire(pythonWireForm(version))).toBe(version)
  })

  test('anything else on the wire is no version, never a guess', () => {
    for (const wire of ['Python37', 'Python311', 'python310', 'Python3010', '3.10', 'Python310 ', '', undefined])
      expect(pythonFromWire(wire)).toBeUndefined()
  })

  test("what a user writes: '3.10', not 3.1 (YAML's reading of an unquoted 3.10)", () => {
    expect(isPythonVersion('3.10')).toBe(true)
    expect(isPythonVersion('3.1')).toBe(false)
    expect(isPythonVersion('Python310')).toBe(false)
  })
})
