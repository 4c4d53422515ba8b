/**
 * Turns a step's stdout into what a runner's log shows: workflow commands are read, not
 * printed. `::group::` becomes a heading, `::add-mask::` values are shown as ***
 * from then on, `::error`/`::warning`/`::notice` read as "Error: …" with their file and
 * line, `::debug::` lines show only when asked for, and text between `::stop-commands::`
 * and its token is printed as it is (masked all the same).
 * Command syntax: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
 */

/** The runner's escaping of command data and properties. */
const unescapeData = (text) => text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
const unescapeProperty = (text) => unescapeData(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',')

export function createRunnerLog({ write, debug = false }) {
  const masks = new Set()
  let stopToken
  let pending = ''
  const mask = (text) =>
    [...masks].sort((a, b) => b.length - a.length).reduce((out, secret) => out.split(secret).join('***'), text)
  const print = (text) => write(`${mask(text)}\n`)

  function line(text) {
    if (stopToken !== undefined) {
      if (text === `::${stopToken}::`) stopToken = undefined
      else print(text)
      return
    }
    const command = /^::([a-z-]+)(?: ([^:]*))?::([^]*)$/.exec(text)
    if (!command) return print(text)
    const [, name, props = '', data] = command
    const message = unescapeData(data)
    switch (name) {
      case 'add-mask':
        if (message.trim()) masks.add(message)
        return
      case 'group':
        return print(`\n▼ ${message}`)
      case 'endgroup':
        return
      case 'debug':
        if (debug) print(`debug: ${message}`)
        return
      case 'error':
      case 'warning':
      case 'notice': {
        const where = Object.fromEntries(
          props
            .split(',')
            .filter(Boolean)
            .map((p) => p.split('='))
            .map(([k, v]) => [k, unescapeProperty(v ?? '')])
        )
        const place = where.file ? ` (${where.file}${where.line ? `:${where.line}` : ''})` : ''
        const title = where.title ? ` ${where.title}:` : ''
        return print(`${name[0].toUpperCase()}${name.slice(1)}${place}:${title} ${message}`)
      }
      case 'stop-commands':
        stopToken = message
        return
      default:
        // Not a command the runner knows: it prints the line as it is.
        return print(text)
    }
  }

  return {
    /** A chunk of stdout; lines are handled once complete. */
    chunk(text) {
      pending += text
      const lines = pending.split('\n')
      pending = lines.pop()
      for (const l of lines) line(l.replace(/\r$/, ''))
    },
    end() {
      if (pending) line(pending)
      pending = ''
    },
    mask
  }
}

/**
 * The step's outputs as `npm start` lists them after the run: one name a line, the values in
 * one column (the longest name sets it), a value's further lines indented to that column.
 */
export function outputLines(outputs, mask = (value) => value) {
  const width = Math.max(0, ...Object.keys(outputs).map((name) => name.length))
  return Object.entries(outputs).map(
    ([name, value]) =>
      `  ${name.padEnd(width)} ${mask(value)
        .split('\n')
        .join(`\n${' '.repeat(width + 3)}`)}`
  )
}
