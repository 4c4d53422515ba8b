/** Hostile text from the server (log lines, answers, import names) stays inert in the runner's log. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { RUNNER_LINE_BREAK } from '../../helpers/secret-scan.js'
import { deploy, lastError, workspace, ENV_SECRET, useReliabilityRig } from './rig.js'

const { inputs } = useReliabilityRig()

/** Lines that, if the runner obeyed them, would mask, annotate, set outputs or stop commands. */
const HOSTILE = [
  '::add-mask::PWNED-mask',
  '::error::PWNED-error',
  '::warning::PWNED-warning',
  '::set-output name=status::PWNED-output',
  '::stop-commands::PWNED-stop',
  '::notice file=score.py::PWNED-notice'
]

/** Lines outside every `::stop-commands::` block that would start a hostile command. */
function obeyedHostileLines(stdout: string): string[] {
  const obeyed: string[] = []
  let stopped: string | undefined
  for (const line of stdout.split(RUNNER_LINE_BREAK)) {
    if (stopped !== undefined) {
      if (line === `::${stopped}::`) stopped = undefined
      continue
    }
    const stopping = /^::stop-commands::(.+)$/.exec(line)?.[1]
    if (stopping !== undefined && !stopping.startsWith('PWNED')) {
      stopped = stopping
      continue
    }
    if (/^::[a-z-]+( [^:]*)?::PWNED/.test(line)) obeyed.push(line)
  }
  return obeyed
}

describe('hostile text from the server stays inert', () => {
  test('log lines of the build and of the run, and a smoke-test answer, cannot issue workflow commands', async () => {
    const dir = workspace()
    const print = HOSTILE.map((line) => `print(${JSON.stringify(line)})`).join('\n')
    writeFileSync(
      join(dir, 'score.py'),
      [
        'import json, os',
        print,
        '# The build log also gets the .env content: the action must redact it.',
        'print("env file:", open(".env").read())',
        '',
        'def process(data, base_path):',
        `    print(${JSON.stringify(HOSTILE.join('\n'))})`,
        `    return {"note": ${JSON.stringify(HOSTILE.join('\n'))}, "ok": True}`,
        ''
      ].join('\n')
    )
    const run = await deploy({ ...inputs(), 'extra-files': '', 'smoke-test': 'true' }, { workspace: dir })
    if (run.code !== 0) throw new Error(run.stdout)
    expect(run.outputs.status).toBe('deployed')
    expect(run.outputs['smoke-test']).toBe('passed')
    // The lines were printed (build log and run log), and every one inside a stop-commands block.
    for (const line of HOSTILE)
      expect(run.stdout.split('\n').filter((l) => l === line).length).toBeGreaterThanOrEqual(2)
    expect(obeyedHostileLines(run.stdout)).toEqual([])
    expect(run.stdout).toMatch(/env file: API_KEY=\*\*\*/)
    expect(run.outputs.status).not.toContain('PWNED')
  })

  const hostileImport =
    'an import that raises with hostile text: the failure, the annotation and the traceback stay inert'
  test(hostileImport, async () => {
    const dir = workspace()
    writeFileSync(
      join(dir, 'score.py'),
      [
        'import os',
        `raise RuntimeError(${JSON.stringify(`bad config\n${HOSTILE.join('\n')}\n${ENV_SECRET}`)})`,
        '',
        'def process(data, base_path):',
        '    return {}',
        ''
      ].join('\n')
    )
    const run = await deploy({ ...inputs(), 'extra-files': '' }, { workspace: dir })
    expect(run.code).not.toBe(0)
    expect(run.outputs.status).toBe('failed')
    expect(lastError(run)).toMatch(/ended as 'Failed'/)
    // Annotated on the user's line; its text is the exception's last line, here the .env value, redacted.
    expect(run.stdout).toMatch(/::error title=Error in the deployed script,file=score.py,line=2::\*\*\*/)
    expect(run.stdout).toMatch(
      /::stop-commands::[0-9a-f-]{36}\n[^]*RuntimeError: bad config\n::add-mask::PWNED-mask\n[^]*::[0-9a-f-]{36}::/
    )
    expect(obeyedHostileLines(run.stdout)).toEqual([])
  })
})

// --- cancellation and deadlines ----------------------------------------------------------
