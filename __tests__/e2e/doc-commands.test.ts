/**
 * Every command the documentation shows (README.md, CONTRIBUTING.md, BENCHMARKS.md,
 * docs/*.md, emulator/README.md) runs as written, from where a user would run it: the commands are read from
 * the pages themselves (__tests__/helpers/doc-commands.ts), so one added later is run
 * too, unless __tests__/helpers/doc-command-plans.ts excludes it with a reason. A server
 * (`npm run emulator`) is started, must print its "listening" line, and is stopped; a
 * command shown beside one (local-action, curl) runs with an emulator on that port.
 */
import { jest } from '@jest/globals'
import { createServer } from 'node:net'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { hasPandas, defaultEmulatorPython } from '../../src/harness/interpreter.js'
import { REPO_ROOT } from '../helpers/action-runner.js'
import { documentedCommands } from '../helpers/doc-commands.js'
import { planFor } from '../helpers/doc-command-plans.js'
import {
  liveProcessesOf,
  runOnNode24Instead,
  runShell,
  startShell,
  userEnv,
  waitForOutput
} from '../helpers/user-shell.js'

jest.setTimeout(180_000)

const shown = new Map<string, string[]>()
for (const { command, where } of documentedCommands(REPO_ROOT))
  shown.set(command, [...(shown.get(command) ?? []), where])
const plans = [...shown].map(([command, where]) => ({
  command,
  where: where.join(', '),
  plan: planFor(command, REPO_ROOT)
}))
const runs = plans.flatMap((p) => (p.plan.kind === 'run' ? [{ ...p, plan: p.plan }] : []))
const servers = plans.flatMap((p) => (p.plan.kind === 'server' ? [{ ...p, plan: p.plan }] : []))
const withPandas = await hasPandas(await defaultEmulatorPython())

const suite = runOnNode24Instead ? describe.skip : describe

suite('documented commands', () => {
  test('the pages show the commands a newcomer starts with, and every exclusion says why', () => {
    const commands = [...shown.keys()]
    expect(commands).toEqual(expect.arrayContaining(['npm start', 'npm ci', 'npm test', 'npm start -- --help']))
    expect(commands.some((c) => c.startsWith('npm --prefix /path/to/neomaril-deploy-action start -- '))).toBe(true)
    expect(servers.map((s) => s.command)).toContain('npm run emulator -- --port 8800 --build-seconds 5')
    for (const { plan } of plans) if (plan.kind === 'excluded') expect(plan.reason.length).toBeGreaterThan(20)
    // What is run and what is not, for the test log.
    console.log(
      plans
        .map(
          ({ command, where, plan }) =>
            `${plan.kind === 'excluded' ? `excluded (${plan.reason})` : plan.kind}: ${command}  [${where}]`
        )
        .join('\n')
    )
  })

  test('a command the pages do not yet know is run, not passed over', () => {
    expect(planFor('npm run no-such-script', REPO_ROOT)).toEqual({
      kind: 'run',
      command: 'npm run no-such-script',
      cwd: REPO_ROOT
    })
  })

  test.each(runs)('$where: $command', async ({ command, plan }) => {
    if (plan.needs === 'pandas' && !withPandas) {
      console.warn(`not run here, for want of pandas for python3 (CI installs it): ${command}`)
      return
    }
    const emulator = plan.emulatorPort === undefined ? undefined : await emulatorOn(plan.emulatorPort)
    const run = await runShell(plan.command, plan.cwd, { env: userEnv(plan.env) }).finally(() => emulator?.close())
    if (run.code !== 0) throw new Error(`'${command}' exited with ${run.code}:\n${run.output.slice(-4000)}`)
    // npm start ends by naming the action's exit code: the run must have succeeded, not only npm.
    if (/\bstart\b/.test(command) && !/--help/.test(command)) expect(run.output).toMatch(/The action exited with 0\./)
    // local-action ends 0 whatever the action did: its outputs table must say the deploy worked.
    if (/^npx local-action\b/.test(command)) expect(run.output).toMatch(/'status'\s+│ 'deployed'/)
    expect(run.output).not.toMatch(/: not found|ERR_|npm error|Failed to connect/)
    // A control route answers JSON, not an error.
    if (/^curl\b/.test(command)) expect(run.output).not.toMatch(/"error"|not found/i)
  })

  test.each(servers)('$where: $command starts, says where it listens, and stops', async ({ plan }) => {
    await expectFree(plan.port, plan.command)
    const server = startShell(plan.command, plan.cwd)
    try {
      const output = await waitForOutput(server, /listening on http:\/\/127\.0\.0\.1:\d+/)
      expect(output).toContain(`http://127.0.0.1:${plan.port}`)
    } finally {
      await server.stop()
    }
    // Stopped cleanly (SIGTERM reached the emulator through npm), every process of it gone, the port free.
    expect(server.output()).toMatch(/SIGTERM: stopping/)
    expect(liveProcessesOf(server.child.pid ?? 0)).toEqual([])
    expect(await portIsFree(plan.port)).toBe(true)
  })
})

/** An emulator on the port the page's own `npm run emulator` would take. */
async function emulatorOn(port: number): Promise<Emulator> {
  await expectFree(port, `npm run emulator (port ${port})`)
  return startEmulator({ port, buildSeconds: 3 })
}

async function expectFree(port: number, command: string): Promise<void> {
  if (!(await portIsFree(port)))
    throw new Error(`port ${port} is taken on this machine: stop what holds it to run '${command}'`)
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}
