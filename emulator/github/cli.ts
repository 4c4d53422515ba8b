/** Command line: `npm run github-stand-in -- --port 8801 --token t0` (emulator/README.md, "The GitHub stand-in"). */
import { parseArgs } from 'node:util'
import { stopOnSignals } from '../server/stop.js'
import { DEFAULT_GITHUB_TOKEN, DEFAULT_REPOSITORY, parseToken, startGitHubStandIn } from './index.js'

const FLAGS = {
  port: { type: 'string', default: '8801', help: 'port on 127.0.0.1 (0 = any free port)' },
  'base-path': { type: 'string', default: '', help: "'' (api.github.com) or '/api/v3' (GitHub Enterprise Server)" },
  repository: {
    type: 'string',
    multiple: true,
    default: [] as string[],
    help: `an owner/repo that exists (repeatable; default ${DEFAULT_REPOSITORY})`
  },
  token: {
    type: 'string',
    multiple: true,
    default: [] as string[],
    help:
      'a token with every permission, or <token>:<permission>=<read|write>,... e.g. ' +
      `ro:deployments=read (repeatable; default ${DEFAULT_GITHUB_TOKEN})`
  },
  'pending-checks': { type: 'string', multiple: true, default: [] as string[], help: 'a SHA whose checks pend' },
  behind: { type: 'string', multiple: true, default: [] as string[], help: 'a ref behind the default branch' },
  'merge-conflict': { type: 'string', multiple: true, default: [] as string[], help: 'a ref whose merge conflicts' },
  quiet: { type: 'boolean', default: false, help: 'do not log each request' },
  help: { type: 'boolean', default: false, help: 'print this help' }
} as const

function usage(): string {
  const lines = Object.entries(FLAGS).map(([name, flag]) => `  --${name}`.padEnd(22) + flag.help)
  return ['Usage: npm run github-stand-in -- [flags]', '', "A local stand-in of GitHub's REST API.", '', ...lines].join(
    '\n'
  )
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: FLAGS, strict: true, allowPositionals: false })
  if (values.help) {
    console.log(usage())
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, not '${values.port}'`)
  const basePath = values['base-path']
  if (basePath !== '' && basePath !== '/api/v3') throw new Error(`--base-path must be '' or '/api/v3'`)
  const tokens = Object.fromEntries((values.token.length > 0 ? values.token : [DEFAULT_GITHUB_TOKEN]).map(parseToken))
  const quiet = values.quiet
  const standIn = await startGitHubStandIn({
    port,
    basePath,
    repositories: values.repository.length > 0 ? values.repository : undefined,
    tokens,
    pendingChecks: values['pending-checks'],
    behindDefaultBranch: values.behind,
    mergeConflicts: values['merge-conflict'],
    log: quiet ? undefined : (line) => console.log(`${new Date().toISOString()} ${line}`)
  })
  // Ready to stop cleanly (its violations printed) before the banner tells anyone it is up.
  stopOnSignals(
    async () => {
      if (standIn.violations.length > 0) console.log(`violations:\n  ${standIn.violations.join('\n  ')}`)
      await standIn.close()
    },
    quiet ? undefined : (line) => console.log(line)
  )

  // Local, fake tokens: printing them is the point. One write, so a reader gets the banner whole.
  const banner = [
    `GitHub stand-in listening on ${standIn.url}`,
    `  GITHUB_API_URL=${standIn.url}`,
    `  repositories: ${(values.repository.length > 0 ? values.repository : [DEFAULT_REPOSITORY]).join(', ')}`,
    ...Object.entries(tokens).map(
      ([token, granted]) =>
        `  token:        ${token} (${Object.entries(granted)
          .map(([name, access]) => `${name}: ${access}`)
          .join(', ')})`
    )
  ]
  console.log(banner.join('\n'))
}

main().catch((error: unknown) => {
  console.error(`github stand-in: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
})
