/**
 * The generated parts of the documentation, each between its marker comments (each
 * marker a line of its own):
 *
 *   <!-- inputs-table:start --> … <!-- inputs-table:end -->      from action.yml's inputs
 *   <!-- outputs-table:start --> … <!-- outputs-table:end -->    from action.yml's outputs
 *   <!-- examples:start --> … <!-- examples:end -->              from examples/*.yml
 *
 * Text outside the markers is never touched. scripts/docs.mjs writes and checks them.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import YAML from 'yaml'

export const SECTIONS = ['inputs-table', 'outputs-table', 'examples']

// ---------------------------------------------------------------------------------------
// Markdown helpers

/** Escapes `<`, `>` and `&` outside code spans, so `neomaril-<script name>` is not read as HTML. */
function escapeHtmlOutsideCode(text) {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/&(?![a-z]+;|#\d+;)/gi, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
    )
    .join('')
}

/** Makes any text safe in a table cell: one line, pipes escaped (also inside code spans, as GFM wants). */
export function cell(text) {
  return escapeHtmlOutsideCode(
    String(text)
      .replace(/\s*\r?\n\s*/g, ' ')
      .trim()
  ).replace(/\|/g, '\\|')
}

/** A value as a code span, with a longer fence when the value holds backticks. */
function code(value) {
  const text = String(value)
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

// ---------------------------------------------------------------------------------------
// Sections

/** @param {any} action the parsed action.yml */
export function inputsTable(action) {
  const rows = Object.entries(action.inputs ?? {}).map(([name, spec = {}]) => {
    const hasDefault = spec.default !== undefined && spec.default !== null && String(spec.default) !== ''
    const required = spec.required === true || spec.required === 'true' ? 'yes' : 'no'
    let description = spec.description ?? ''
    if (spec.deprecationMessage) description = `**Deprecated:** ${spec.deprecationMessage} ${description}`
    const shownDefault = hasDefault ? cell(code(spec.default)) : '—'
    return `| ${cell(code(name))} | ${required} | ${shownDefault} | ${cell(description)} |`
  })
  return ['| input | required | default | description |', '|---|---|---|---|', ...rows].join('\n')
}

/** @param {any} action the parsed action.yml */
export function outputsTable(action) {
  const rows = Object.entries(action.outputs ?? {}).map(
    ([name, spec = {}]) => `| ${cell(code(name))} | ${cell(spec.description ?? '')} |`
  )
  return ['| output | description |', '|---|---|', ...rows].join('\n')
}

/** @param {string} dir the examples folder */
export function exampleFiles(dir) {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name))
}

/**
 * @param {string} dir the examples folder
 * @param {string} [linkTo] the folder as the document holding the section links to it
 *   (`../examples` from docs/); the same wherever the files are read from, so a copy in a
 *   temp folder checks alike
 */
export function examplesSection(dir, linkTo = 'examples') {
  const blocks = exampleFiles(dir).map((file) => {
    const text = readFileSync(file, 'utf8').replace(/\s+$/, '')
    let doc
    try {
      doc = YAML.parse(text)
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : error}`)
    }
    const title = typeof doc?.name === 'string' && doc.name.trim() ? doc.name.trim() : basename(file)
    const shown = `examples/${basename(file)}`
    const link = `${linkTo}/${basename(file)}`
    const fence = text.includes('```') ? '````' : '```'
    return `### ${title}\n\n[\`${shown}\`](${link})\n\n${fence}yaml\n${text}\n${fence}`
  })
  return blocks.join('\n\n')
}

// ---------------------------------------------------------------------------------------
// Finding and replacing a section

/** Where a section's markers are: each must be a whole line, so a marker quoted in prose or code is not one. */
function markerLines(text, name) {
  const at = (marker) => {
    const match = new RegExp(`^${marker}[ \\t]*\\r?$`, 'm').exec(text)
    return match ? { index: match.index, length: marker.length } : undefined
  }
  const { start, end } = markers(name)
  return { start: at(start), end: at(end) }
}

export function markers(name) {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` }
}

/** Whether `text` holds the section's markers, in order. */
export function hasSection(text, name) {
  return readSection(text, name) !== undefined
}

/** Whether `text` holds either marker of the section (so a half-marked section is reported, not skipped). */
export function mentionsSection(text, name) {
  const { start, end } = markerLines(text, name)
  return start !== undefined || end !== undefined
}

/** The text between a section's markers (without the newlines next to them). */
export function readSection(text, name) {
  const { start, end } = markerLines(text, name)
  if (!start || !end || end.index < start.index) return undefined
  return text
    .slice(start.index + start.length, end.index)
    .replace(/^\r?\n/, '')
    .replace(/\r?\n$/, '')
}

export function writeSection(text, name, body) {
  const { start, end } = markerLines(text, name)
  if (!start || !end) throw new Error(`no ${markers(name).start} … ${markers(name).end} markers`)
  return text.slice(0, start.index + start.length) + '\n' + body + '\n' + text.slice(end.index)
}

/** Where the first difference is, as "line N of the section: expected … / found …". */
export function firstDifference(expected, actual) {
  const a = expected.split('\n')
  const b = actual.split('\n')
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (line) =>
        line === undefined ? '(nothing)' : JSON.stringify(line.length > 110 ? line.slice(0, 110) + '…' : line)
      return `line ${i + 1} of the section: expected ${show(a[i])}, found ${show(b[i])}`
    }
  }
  return 'whitespace only'
}
