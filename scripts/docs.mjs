#!/usr/bin/env node
/**
 * Writes the generated parts of README.md: the inputs and outputs tables (from action.yml)
 * and the example workflows (from examples/*.yml), each between its marker comments
 *
 *   <!-- inputs-table:start --> … <!-- inputs-table:end -->
 *   <!-- outputs-table:start --> … <!-- outputs-table:end -->
 *   <!-- examples:start --> … <!-- examples:end -->
 *
 * Text outside the markers is never touched.
 *
 *   node scripts/docs.mjs            rewrite README.md
 *   node scripts/docs.mjs --check    exit 1, naming each drifted section, when README.md
 *                                    differs from what the script would write
 *   --readme <path>  --action <path>  --examples <dir>   other files (tests use copies)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
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
    return `| ${cell(code(name))} | ${required} | ${hasDefault ? cell(code(spec.default)) : '—'} | ${cell(description)} |`
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

/** @param {string} dir the examples folder */
export function examplesSection(dir) {
  const blocks = exampleFiles(dir).map((file) => {
    const text = readFileSync(file, 'utf8').replace(/\s+$/, '')
    let doc
    try {
      doc = YAML.parse(text)
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : error}`)
    }
    const title = typeof doc?.name === 'string' && doc.name.trim() ? doc.name.trim() : basename(file)
    // The link is the same whatever the cwd, so a README copy in a temp folder checks alike.
    const link = `examples/${basename(file)}`
    const fence = text.includes('```') ? '````' : '```'
    return `### ${title}\n\n[\`${link}\`](${link})\n\n${fence}yaml\n${text}\n${fence}`
  })
  return blocks.join('\n\n')
}

// ---------------------------------------------------------------------------------------
// README surgery

function markers(name) {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` }
}

/** The text between a section's markers (without the newlines next to them). */
export function readSection(readme, name) {
  const { start, end } = markers(name)
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < 0 || to < from) return undefined
  return readme
    .slice(from + start.length, to)
    .replace(/^\r?\n/, '')
    .replace(/\r?\n$/, '')
}

export function writeSection(readme, name, body) {
  const { start, end } = markers(name)
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  return readme.slice(0, from + start.length) + '\n' + body + '\n' + readme.slice(to)
}

/**
 * @param {{ readme: string, action: string, examples: string }} paths
 * @returns {{ sections: Record<string, string> }} what each section should hold
 */
export function generate(paths) {
  const action = YAML.parse(readFileSync(paths.action, 'utf8'))
  return {
    sections: {
      'inputs-table': inputsTable(action),
      'outputs-table': outputsTable(action),
      examples: examplesSection(paths.examples)
    }
  }
}

/** Where the first difference is, as "line N: expected … / found …". */
function firstDifference(expected, actual) {
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

function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      readme: { type: 'string', default: 'README.md' },
      action: { type: 'string', default: 'action.yml' },
      examples: { type: 'string', default: 'examples' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) {
    console.log(
      'usage: node scripts/docs.mjs [--check] [--readme README.md] [--action action.yml] [--examples examples]'
    )
    return 0
  }
  const readme = readFileSync(values.readme, 'utf8')
  const missing = SECTIONS.filter((name) => readSection(readme, name) === undefined)
  if (missing.length) {
    for (const name of missing) {
      const { start, end } = markers(name)
      console.error(
        `${values.readme}: section '${name}' has no ${start} … ${end} markers (in that order); add them where the section belongs.`
      )
    }
    return 1
  }
  const { sections } = generate(values)

  if (values.check) {
    const drifted = SECTIONS.filter((name) => readSection(readme, name) !== sections[name])
    if (!drifted.length) {
      console.log(`${values.readme} is up to date (${SECTIONS.join(', ')}).`)
      return 0
    }
    const source = { 'inputs-table': values.action, 'outputs-table': values.action, examples: `${values.examples}/` }
    for (const name of drifted) {
      console.error(
        `${values.readme}: section '${name}' is out of date with ${source[name]} — ${firstDifference(sections[name], readSection(readme, name))}`
      )
    }
    console.error(`Run \`npm run docs\` and commit ${values.readme}.`)
    return 1
  }

  let next = readme
  for (const name of SECTIONS) next = writeSection(next, name, sections[name])
  if (next === readme) {
    console.log(`${values.readme} already up to date.`)
  } else {
    writeFileSync(values.readme, next)
    const changed = SECTIONS.filter((name) => readSection(readme, name) !== sections[name])
    console.log(`${values.readme}: rewrote ${changed.join(', ')}.`)
  }
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main()
  } catch (error) {
    console.error(`docs: ${error instanceof Error ? error.message : error}`)
    process.exitCode = 2
  }
}
