import {
  startEmulator,
  DEFAULT_GROUP_TOKEN,
  DEFAULT_PASSWORD,
  DEFAULT_USER,
  type Emulator,
  type EmulatorOptions
} from '../../emulator/index.js'

/**
 * One emulator for a test file: started before its tests, closed after them, and
 * reset before each (no faults, no recorded requests, the file's build settings).
 * The object stands for the emulator once started, so tests use it directly.
 */
export function useEmulator(options: EmulatorOptions = {}): Emulator {
  let instance: Emulator | undefined
  beforeAll(async () => {
    instance = await startEmulator(options)
  })
  afterAll(() => instance?.close())
  beforeEach(() => {
    const emulator = started()
    emulator.clearFaults()
    emulator.clearRequests()
    emulator.setBuildSeconds(options.buildSeconds ?? 2)
    emulator.setBuildFails(options.buildFails ?? false)
  })
  const started = (): Emulator => {
    if (!instance) throw new Error('the emulator starts in beforeAll: use it inside tests and hooks')
    return instance
  }
  return new Proxy({} as Emulator, {
    get: (_target, property) => {
      const value = Reflect.get(started(), property) as unknown
      return typeof value === 'function' ? value.bind(started()) : value
    }
  })
}

/** Inputs that deploy the project's samples/sync (in a workspace copy) to the emulator, as its default user. */
export function syncSampleInputs(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    url,
    login: DEFAULT_USER,
    password: DEFAULT_PASSWORD,
    'group-token': DEFAULT_GROUP_TOKEN,
    name: 'loan features',
    entrypoint: 'process',
    'source-file': 'score.py',
    'requirements-file': 'requirements.txt',
    schema: 'schema.json',
    'extra-files': 'limits.json',
    ...extra
  }
}
