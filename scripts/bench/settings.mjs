/**
 * The bench's command line. Every value is checked: a malformed one is an error naming
 * the option, what is wrong and the form it takes.
 */
import { parseArgs } from 'node:util'

export const USAGE = `npm run bench [-- options]   measure the bundled action against the emulator;
                             rewrites BENCHMARKS.md

  --quick                 a developer's loop (under 2 minutes): fewer runs, a 256 MiB file,
                          BENCHMARKS.md untouched
  --builds 5=5,60=3,120=3 build lengths in seconds and repeat deploys of each, after a first
                          deploy of each with no earlier build (default; --quick: 5=3,30=1)
  --execution-runs N      Async smoke-test runs for the execution wait (default 5; --quick: 2)
  --startup-runs N        runs for start-up (default 7; --quick: 3)
  --publishing-runs N     runs with and without an artifact (default 5; --quick: 2)
  --memory-mib N          size of the large upload, 0 to skip (default 1024; --quick: 256)
  --records-runs N        unchanged re-deploys and v2 repeats with a record (default 5; --quick: 2)
  --node PATH             the Node that runs the action (default: the one running the bench)
  --other-nodes           also measure start-up and memory on the other Node versions found
                          (default on a full run)
  --no-other-nodes        do not
  --write / --no-write    rewrite BENCHMARKS.md or not (default: write on a full run only)
  --json FILE             every figure as JSON
  -h, --help              this text

It is a measurement, not a test: it exits 0 when a target is missed (and says MISSED).
Progress goes to stderr, the tables to stdout.`

class UsageError extends Error {}

const count = (flag, text) => {
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag}: '${text}' is not a whole number (e.g. --${flag} 5)`)
  return Number(text)
}

function parseBuilds(text) {
  return text.split(',').map((pair) => {
    const match = /^(\d+(?:\.\d+)?)=(\d+)$/.exec(pair.trim())
    if (!match || Number(match[2]) < 1)
      throw new UsageError(`--builds: '${pair}' is not <build seconds>=<runs> (e.g. --builds 5=5,60=3,120=3)`)
    return { seconds: Number(match[1]), count: Number(match[2]) }
  })
}

export function readSettings(argv) {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        quick: { type: 'boolean', default: false },
        builds: { type: 'string' },
        'execution-runs': { type: 'string' },
        'startup-runs': { type: 'string' },
        'publishing-runs': { type: 'string' },
        'memory-mib': { type: 'string' },
        'records-runs': { type: 'string' },
        node: { type: 'string' },
        'other-nodes': { type: 'boolean' },
        'no-other-nodes': { type: 'boolean' },
        write: { type: 'boolean' },
        'no-write': { type: 'boolean' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    }))
  } catch (error) {
    return { error: `${error.message}\n\n${USAGE}` }
  }
  if (values.help) return { help: USAGE }
  const quick = values.quick
  try {
    return {
      quick,
      buildRuns: parseBuilds(values.builds ?? (quick ? '5=3,30=1' : '5=5,60=3,120=3')),
      executionRuns: count('execution-runs', values['execution-runs'] ?? (quick ? '2' : '5')),
      startupRuns: count('startup-runs', values['startup-runs'] ?? (quick ? '3' : '7')),
      publishingRuns: count('publishing-runs', values['publishing-runs'] ?? (quick ? '2' : '5')),
      memoryMiB: count('memory-mib', values['memory-mib'] ?? (quick ? '256' : '1024')),
      recordsRuns: count('records-runs', values['records-runs'] ?? (quick ? '2' : '5')),
      node: values.node ?? process.execPath,
      otherNodes: values['no-other-nodes'] ? false : (values['other-nodes'] ?? !quick),
      write: values['no-write'] ? false : (values.write ?? !quick),
      json: values.json
    }
  } catch (error) {
    if (error instanceof UsageError) return { error: error.message }
    throw error
  }
}
