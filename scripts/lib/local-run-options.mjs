/**
 * `npm start`'s command line: every input of action.yml as `--<input> <value>` (the
 * list follows action.yml, so a new input needs no change here), plus the options of
 * the local run itself. A bad option is an error naming it, what is wrong and the form
 * it takes, before anything starts.
 */
import YAML from 'yaml'
import { suggest } from './action-usage.mjs'

/** Options of the local run, not of the action. */
export const RUN_OPTIONS = {
  'build-seconds': { value: 'N', about: "the emulator's build time in seconds (default 3)" },
  workspace: {
    value: 'DIR',
    about: 'the workspace paths are relative to (default: the directory npm start was run from)'
  },
  debug: { about: 'also print the debug lines (::debug::), as a runner does with step debug logging' },
  raw: { about: "print the action's output exactly as the runner receives it (workflow commands and all)" },
  help: { about: 'this text' }
}

export class UsageError extends Error {}

/**
 * action.yml's inputs: name → { description, default, flag }
 * (flag: a 'true'/'false' input, so `--name` alone means true).
 */
export function actionInputs(actionYml) {
  const action = YAML.parse(actionYml)
  return new Map(
    Object.entries(action.inputs ?? {}).map(([name, spec]) => {
      const def = spec?.default === undefined ? '' : String(spec.default)
      return [
        name,
        { description: String(spec?.description ?? '').trim(), default: def, flag: def === 'true' || def === 'false' }
      ]
    })
  )
}

/**
 * argv → { inputs, run }. `--name value` and `--name=value`; an input given twice is one
 * line each (extra-files, schema lines); `--<flag input>` alone is 'true' and
 * `--no-<flag input>` is 'false'.
 */
export function parseLocalRunArgs(argv, inputs) {
  const given = {}
  const run = { buildSeconds: 3, workspace: undefined, debug: false, raw: false, help: false }
  const known = [...inputs.keys(), ...Object.keys(RUN_OPTIONS)]
  // package.json's start script ends in `--`, so Node never reads the options (it would take
  // `--env-file` as its own); npm puts the user's options after it.
  for (let i = argv[0] === '--' ? 1 : 0; i < argv.length; i++) {
    const arg = argv[i]
    const match = /^--([^=]+)(?:=([^]*))?$/.exec(arg)
    if (arg === '-h') {
      run.help = true
      continue
    }
    if (!match)
      throw new UsageError(
        `'${arg}' is not an option: options start with -- (e.g. --source-file score.py); see npm start -- --help`
      )
    const [, name, inline] = match
    const negated = /^no-(.+)$/.exec(name)?.[1]
    if (negated && inputs.get(negated)?.flag && inline === undefined) {
      given[negated] = ['false']
      continue
    }
    const input = inputs.get(name)
    const option = RUN_OPTIONS[name]
    if (!input && !option) {
      const hint = suggest(name, known).replace(/'([^']+)'/, "'--$1'")
      throw new UsageError(`--${name} is not an option of npm start${hint} (npm start -- --help lists them)`)
    }
    const next = argv[i + 1]
    const takesValue = input ? !input.flag || (next !== undefined && !next.startsWith('--')) : Boolean(option.value)
    let value = inline
    if (value === undefined && takesValue) {
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`--${name} needs a value: --${name} ${input ? '<value>' : option.value}`)
      value = argv[++i]
    }
    if (input) {
      if (input.flag && value !== undefined && !isFlagValue(value))
        throw new UsageError(
          `--${name}: '${value}' is not true or false (or give --${name} alone for true, --no-${name} for false)`
        )
      ;(given[name] ??= []).push(value ?? 'true')
      continue
    }
    if (!option.value && value !== undefined) throw new UsageError(`--${name} takes no value (got '${value}')`)
    if (name === 'build-seconds') {
      if (!/^\d+(\.\d+)?$/.test(value))
        throw new UsageError(`--build-seconds: '${value}' is not a number of seconds (e.g. --build-seconds 10)`)
      run.buildSeconds = Number(value)
    } else if (name === 'workspace') run.workspace = value
    else run[name] = true
  }
  return { inputs: Object.fromEntries(Object.entries(given).map(([name, values]) => [name, values.join('\n')])), run }
}

const isFlagValue = (text) => text === 'true' || text === 'false'

export function usage(inputs) {
  const line = (left, about) => `  ${left.padEnd(34)} ${about}`
  const oneLine = (text) => text.replace(/\s+/g, ' ')
  return [
    'npm start -- [options]   run the bundled action (dist/index.js) as a runner would, ' +
      'against a local Neomaril emulator',
    '',
    "With no --source-file it deploys the project's own samples/sync; give your script's inputs to deploy it instead:",
    '  npm start -- --name "loan features" --source-file score.py --entrypoint process ' +
      '--requirements-file requirements.txt --schema schema.json',
    "url, login, password and group-token default to the emulator's; " +
      'paths are relative to the directory npm start runs from.',
    '',
    'Local run:',
    ...Object.entries(RUN_OPTIONS).map(([name, o]) => line(`--${name}${o.value ? ` ${o.value}` : ''}`, o.about)),
    '',
    'Action inputs (action.yml; give an input twice for two lines; --<flag> alone is true, --no-<flag> false):',
    ...[...inputs].map(([name, i]) =>
      line(
        `--${name} ${i.flag ? '[true|false]' : '<value>'}`,
        `${oneLine(i.description)}${i.default ? ` (default ${i.default})` : ''}`
      )
    )
  ].join('\n')
}
