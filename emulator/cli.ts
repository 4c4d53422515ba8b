/** Command line: `npm run emulator -- --port 8800 ...` (see emulator/README.md). */
import { GROUP_TOKEN } from '../src/shared/hashes.js'
import { parseArgs } from 'node:util'
import { validateFault } from './faults.js'
import { readModelSeeds } from './models/seed-file.js'
import { stopOnSignals } from './server/stop.js'
import {
  DEFAULT_GROUP,
  DEFAULT_GROUP_TOKEN,
  DEFAULT_PASSWORD,
  DEFAULT_TENANT,
  DEFAULT_USER,
  startEmulator,
  type FaultSpec
} from './index.js'

const FLAGS = {
  port: { type: 'string', default: '8800', help: 'port to listen on (0 = any free port)' },
  'build-seconds': { type: 'string', default: '3', help: 'seconds a build stays Building at least' },
  user: { type: 'string', default: DEFAULT_USER, help: 'login accepted by POST /api/login' },
  password: { type: 'string', default: DEFAULT_PASSWORD, help: "that login's password" },
  tenant: { type: 'string', default: DEFAULT_TENANT, help: 'the tenant the login accepts (another one is 401)' },
  'require-tenant': { type: 'boolean', default: false, help: 'refuse (401) a login without a tenant field' },
  api: {
    type: 'string',
    default: 'v2',
    help: "'v2': today's server (v1 and v2 routes); 'v1': an older one (every /api/v2/... is 404)"
  },
  group: { type: 'string', default: DEFAULT_GROUP, help: 'group that exists from the start' },
  'group-token': { type: 'string', default: DEFAULT_GROUP_TOKEN, help: "that group's token (32 hex)" },
  'token-lifetime': { type: 'string', default: '3600', help: 'seconds a user token stays valid' },
  'run-timeout': { type: 'string', default: '60', help: 'time limit in seconds of a run and of a build check' },
  'data-dir': { type: 'string', default: '', help: 'where uploads are stored' },
  python: { type: 'string', default: '', help: 'Python interpreter that builds and runs scripts' },
  fault: { type: 'string', multiple: true, default: [] as string[], help: 'a JSON FaultSpec to inject (repeatable)' },
  model: {
    type: 'string',
    multiple: true,
    default: [] as string[],
    help: 'a JSON file seeding a model or an array of models (repeatable)'
  },
  'build-fails': { type: 'boolean', default: false, help: 'make every build fail' },
  quiet: { type: 'boolean', default: false, help: 'do not log each request' },
  help: { type: 'boolean', default: false, help: 'print this help' }
} as const

/** What an empty string default means, for --help. */
const EMPTY_DEFAULTS: Record<string, string> = {
  'data-dir': 'a temp dir, removed on exit',
  python: 'the first of python3 and /usr/bin/python3 that has pandas, else python3'
}

function usage(): string {
  const lines = Object.entries(FLAGS).map(([name, flag]) => {
    const value = flag.type === 'string' ? ` <${{ fault: 'json', model: 'file.json' }[name] ?? 'value'}>` : ''
    const shown = Array.isArray(flag.default)
      ? 'none'
      : flag.default === ''
        ? EMPTY_DEFAULTS[name]
        : String(flag.default)
    return `  --${name}${value}`.padEnd(30) + `${flag.help} (default: ${shown})`
  })
  return [
    'Usage: npm run emulator -- [flags]',
    '',
    'A local Neomaril API emulator listening on 127.0.0.1.',
    '',
    ...lines
  ].join('\n')
}

function seconds(name: string, text: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new Error(`--${name} must be a number >= 0, not '${text}'`)
  return value
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: FLAGS, strict: true, allowPositionals: false })
  if (values.help) {
    console.log(usage())
    return
  }
  const faults: FaultSpec[] = values.fault.map((text) => {
    try {
      return validateFault(JSON.parse(text))
    } catch (error) {
      throw new Error(`--fault '${text}': ${(error as Error).message}`)
    }
  })
  if (!GROUP_TOKEN.test(values['group-token'])) throw new Error('--group-token must be 32 hex characters')
  if (values.api !== 'v1' && values.api !== 'v2') throw new Error(`--api must be v1 or v2, not '${values.api}'`)
  if (!values.tenant.trim()) throw new Error('--tenant must not be empty')
  const models = (await Promise.all(values.model.map(readModelSeeds))).flat()
  const quiet = values.quiet
  const emulator = await startEmulator({
    port: seconds('port', values.port),
    buildSeconds: seconds('build-seconds', values['build-seconds']),
    buildFails: values['build-fails'],
    users: { [values.user]: values.password },
    tenant: values.tenant,
    requireTenant: values['require-tenant'],
    api: values.api,
    groups: { [values.group]: values['group-token'] },
    tokenLifetimeSeconds: seconds('token-lifetime', values['token-lifetime']),
    runTimeoutSeconds: seconds('run-timeout', values['run-timeout']),
    dataDir: values['data-dir'] || undefined,
    python: values.python || undefined,
    models,
    log: quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`)
  })
  for (const fault of faults) emulator.addFault(fault)

  // Ready to stop cleanly (temp folder removed) before the banner tells anyone it is up.
  stopOnSignals(() => emulator.close(), quiet ? undefined : (line) => console.log(line))

  // A local test server: printing its fake credentials is the point. One write, so a
  // process reading the banner gets it whole.
  const banner = [
    `Neomaril emulator listening on ${emulator.url} (API: ${emulator.url}/api)`,
    `  user:        ${values.user}`,
    `  password:    ${values.password}`,
    `  tenant:      ${values.tenant}${values['require-tenant'] ? ' (required)' : ' (a login without one means it)'}`,
    `  api:         ${values.api === 'v1' ? 'v1 only (an older server)' : 'v1 and v2'}`,
    `  group:       ${values.group}`,
    `  group token: ${values['group-token']}`
  ]
  if (faults.length > 0) banner.push(`  faults:      ${faults.length} injected`)
  for (const m of emulator.models()) banner.push(`  model:       ${m.hash} (${m.group}, ${m.operation}, ${m.status})`)
  console.log(banner.join('\n'))
}

main().catch((error: unknown) => {
  console.error(`neomaril emulator: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
})
