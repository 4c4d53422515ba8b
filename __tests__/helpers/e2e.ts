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

/** The script inputs of samples/async: v1 Async, build_features writing features.csv (no connection inputs). */
export const ASYNC_SAMPLE_SCRIPT: Readonly<Record<string, string>> = {
  name: 'loan batch',
  entrypoint: 'build_features',
  'source-file': 'features.py',
  'requirements-file': 'requirements.txt',
  schema: 'schema.csv',
  operation: 'Async'
}

/** The script inputs of the v2 sample in __tests__/emulator/data/v2-join: build_df joining two datasets. */
export const V2_JOIN_SCRIPT: Readonly<Record<string, string>> = {
  name: 'loan pricing',
  entrypoint: 'build_df',
  'source-file': 'app.py',
  'requirements-file': 'requirements.txt',
  schema: 'clients=clients.csv\nloans=loans.json',
  'extra-files': 'rates.json',
  operation: 'Async'
}
