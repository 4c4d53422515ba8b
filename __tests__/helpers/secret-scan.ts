/**
 * Looks for secret values everywhere a run leaves text: stdout (except the
 * `::add-mask::` lines that register them with the runner), stderr, the outputs, the
 * job summary, the result file and every file of the records folder (the folder of
 * the result file), every other file the run left under its runner folder
 * (RUNNER_TEMP, GITHUB_OUTPUT, …) and every file of the workspace written while it ran.
 * Values the run itself masked (the user token) are looked for too. Answers one line
 * per leak, naming the secret by label only.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { ActionRun } from './action-runner.js'

export type Secrets = readonly string[] | Readonly<Record<string, string>>

export function findSecretLeaks(run: ActionRun, secrets: Secrets): string[] {
  // The run started elapsedMs before it ended (and it ended before this scan). Node needs
  // far more than 50 ms to start, so a file written in the first 50 ms is the test's own.
  const writtenByRunAfter = Date.now() - run.elapsedMs + 50
  const labelled: [string, string][] = Array.isArray(secrets)
    ? (secrets as readonly string[]).map((value, i) => [
        `secret #${i + 1} (${value.slice(0, 2)}…, ${value.length} chars)`,
        value
      ])
    : Object.entries(secrets as Record<string, string>)
  // Whatever the run masked must stay masked everywhere else. An `::add-mask::` line
  // inside a `::stop-commands::` block is server text shown inert, not a mask.
  const { masks, rest } = splitMasks(run.stdout)
  for (const value of masks) {
    if (value.length >= 3 && !labelled.some(([, known]) => known === value))
      labelled.push([`a value the run masked (${value.length} chars)`, value])
  }
  const places: [string, string][] = [
    ['stdout', rest],
    ['stderr', run.stderr],
    ['outputs', JSON.stringify(run.outputs)],
    ['summary', run.summary]
  ]
  const files = new Set<string>()
  const resultFile = run.outputs['result-file']
  if (resultFile) {
    if (!existsSync(resultFile)) places.push(['result-file output', `(missing file ${resultFile})`])
    for (const file of walk(dirname(resultFile))) files.add(file)
  }
  for (const file of walk(run.runnerDir)) files.add(file)
  // The workspace holds the test's own inputs (a .env with its secret): only what the run wrote counts.
  for (const file of walk(run.workspace)) if (statSync(file).mtimeMs >= writtenByRunAfter) files.add(file)
  for (const file of files)
    places.push([
      file.startsWith(run.runnerDir)
        ? `file ${relative(run.runnerDir, file)}`
        : `file ${relative(run.workspace, file)} in the workspace`,
      readFileSync(file).toString('latin1') + '\n' + readFileSync(file, 'utf8')
    ])

  // @actions/artifact masks its signed URLs and then logs them in its ::debug:: lines:
  // the runner hides both. Values the run masked are looked for outside those lines.
  const withoutLibraryDebug = rest
    .split(RUNNER_LINE_BREAK)
    .filter((line) => !line.startsWith('::debug::'))
    .join('\n')
  const leaks: string[] = []
  for (const [place, text] of places) {
    for (const [label, value] of labelled) {
      const explicit = !label.startsWith('a value the run masked')
      if (!explicit && place === 'stdout' && !withoutLibraryDebug.includes(value)) continue
      // Also the forms a value takes inside JSON text and URL-encoded bodies.
      const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)])
      for (const form of forms) {
        if (form.length >= 3 && text.includes(form)) {
          leaks.push(`${label}${form === value ? '' : ' (escaped)'} appears in ${place}`)
          break
        }
      }
    }
  }
  return leaks
}

/** Throws (with where, never what) when any secret leaked. */
export function expectNoSecretLeaks(run: ActionRun, secrets: Secrets): void {
  const leaks = findSecretLeaks(run, secrets)
  if (leaks.length > 0) throw new Error(`Secrets leaked:\n  ${leaks.join('\n  ')}`)
}

export const RUNNER_LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/

/** The values of the `::add-mask::` commands the runner would obey, and stdout without those lines. */
function splitMasks(stdout: string): { masks: string[]; rest: string } {
  const masks: string[] = []
  const kept: string[] = []
  let stopped: string | undefined
  // Lines as the runner reads them: a lone \r and the Unicode separators end a line too.
  for (const line of stdout.split(RUNNER_LINE_BREAK)) {
    const text = line
    if (stopped !== undefined) {
      if (text === `::${stopped}::`) stopped = undefined
      kept.push(line)
      continue
    }
    const stop = /^::stop-commands::(.+)$/.exec(text)
    if (stop) stopped = stop[1]
    const mask = /^::add-mask::(.*)$/.exec(text)
    if (mask) masks.push((mask[1] ?? '').trim())
    else kept.push(line)
  }
  return { masks, rest: kept.join('\n') }
}

/** Every regular file under `dir`; symlinks are not followed (a link may lead anywhere, or loop). */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return []
  const found: string[] = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    const stat = lstatSync(full)
    if (stat.isDirectory()) found.push(...walk(full))
    else if (stat.isFile()) found.push(full)
  }
  return found
}
