#!/usr/bin/env node
/**
 * `npm run docs`: writes the generated sections of the documentation (the inputs and
 * outputs tables from action.yml, the example workflows from examples/*.yml; see
 * scripts/lib/doc-sections.mjs) into whichever file holds their markers — README.md,
 * CONTRIBUTING.md or a docs/*.md file, each section in exactly one of them — then checks
 * every relative link (scripts/lib/markdown-links.mjs).
 *
 *   node scripts/docs.mjs            rewrite the sections that drifted, then check the links
 *   node scripts/docs.mjs --check    exit 1, naming each drifted section and each broken link
 *   --root <dir>                     the repository (default: the working directory)
 *   --readme <path>  --action <path>  --examples <dir>   other files (tests use copies); the
 *                                    --readme file is read as if it were the root README.md
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'
import {
  SECTIONS,
  examplesSection,
  firstDifference,
  hasSection,
  inputsTable,
  markers,
  mentionsSection,
  outputsTable,
  readSection,
  writeSection
} from './lib/doc-sections.mjs'
import { checkLinks } from './lib/markdown-links.mjs'

/** Files whose links are checked beside the ones that may hold generated sections. */
const LINKED_ONLY = ['emulator/README.md', 'BENCHMARKS.md']

const posix = (path) => path.split(sep).join('/')

/**
 * The documentation files: `path` is where each is read, `place` the repository path it
 * stands for. `generated` files may hold sections; the others only have their links checked.
 */
export function docFiles({ root, readme }) {
  const docsDir = join(root, 'docs')
  const docs = existsSync(docsDir)
    ? readdirSync(docsDir)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`)
    : []
  const generated = ['README.md', 'CONTRIBUTING.md', ...docs]
    .map((place) => ({ place, path: place === 'README.md' && readme ? resolve(readme) : join(root, place) }))
    .filter((file) => existsSync(file.path))
  const linked = LINKED_ONLY.map((place) => ({ place, path: join(root, place) })).filter((f) => existsSync(f.path))
  return { generated, linked }
}

/**
 * What each section should hold, and the file that holds it.
 * @returns {{ homes: Map<string, { place: string, path: string }>, problems: string[] }}
 */
export function sectionHomes(files, texts) {
  const homes = new Map()
  const problems = []
  for (const name of SECTIONS) {
    const { start, end } = markers(name)
    const holding = files.filter((file) => mentionsSection(texts.get(file.path), name))
    const broken = holding.filter((file) => !hasSection(texts.get(file.path), name))
    for (const file of broken)
      problems.push(
        `${file.place}: section '${name}' needs both ${start} and ${end}, each on a line of its own, in order.`
      )
    if (holding.length > 1)
      problems.push(
        `section '${name}' is marked in ${holding.map((f) => f.place).join(' and ')}: keep it in one file (one home).`
      )
    if (!holding.length)
      problems.push(
        `section '${name}' has no ${start} … ${end} markers in ${files.map((f) => f.place).join(', ')}; ` +
          'add them where the section belongs.'
      )
    if (holding.length === 1 && !broken.length) homes.set(name, holding[0])
  }
  return { homes, problems }
}

/** The section as its home should hold it (links relative to that file). */
function sectionBody(name, home, { root, action, examples }) {
  if (name === 'inputs-table') return inputsTable(action)
  if (name === 'outputs-table') return outputsTable(action)
  const examplesPlace = posix(relative(root, resolve(examples)))
  return examplesSection(examples, posix(relative(dirname(home.place), examplesPlace)) || '.')
}

function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      root: { type: 'string', default: '.' },
      readme: { type: 'string' },
      action: { type: 'string', default: 'action.yml' },
      examples: { type: 'string', default: 'examples' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) {
    console.log(
      'usage: node scripts/docs.mjs [--check] [--root .] [--readme README.md] [--action action.yml] ' +
        '[--examples examples]'
    )
    return 0
  }
  const root = resolve(values.root)
  const { generated, linked } = docFiles({ root, readme: values.readme })
  const texts = new Map(generated.map((file) => [file.path, readFileSync(file.path, 'utf8')]))
  const { homes, problems } = sectionHomes(generated, texts)
  for (const problem of problems) console.error(problem)
  if (problems.length) return 1

  const action = YAML.parse(readFileSync(values.action, 'utf8'))
  const source = { 'inputs-table': values.action, 'outputs-table': values.action, examples: `${values.examples}/` }
  const drifted = []
  for (const [name, home] of homes) {
    const body = sectionBody(name, home, { root, action, examples: values.examples })
    const text = texts.get(home.path)
    const current = readSection(text, name)
    if (current === body) continue
    drifted.push({ name, home })
    if (values.check) {
      const where = `${show(home.path)}: section '${name}' is out of date with ${source[name]}`
      console.error(`${where} — ${firstDifference(body, current ?? '')}`)
    } else texts.set(home.path, writeSection(text, name, body))
  }
  if (values.check && drifted.length) {
    const files = [...new Set(drifted.map(({ home }) => show(home.path)))]
    console.error(`Run \`npm run docs\` and commit ${files.join(' and ')}.`)
  }
  if (!values.check) {
    for (const path of new Set(drifted.map(({ home }) => home.path))) {
      writeFileSync(path, texts.get(path))
      const names = drifted.filter(({ home }) => home.path === path).map(({ name }) => name)
      console.log(`${show(path)}: rewrote ${names.join(', ')}.`)
    }
  }

  const broken = checkLinks([...generated, ...linked], { root })
  for (const link of broken) console.error(`${link.file}:${link.line}: ${link.message}`)
  if (broken.length) console.error(`${broken.length} broken link(s): fix them by hand.`)

  if ((values.check && drifted.length) || broken.length) return 1
  const checked = `${generated.length + linked.length} files`
  if (values.check) console.log(`Documentation is up to date (${SECTIONS.join(', ')}; links in ${checked}).`)
  else if (!drifted.length) console.log(`Documentation already up to date (links in ${checked} checked).`)
  return 0
}

/** A path as the user would type it: relative to the working directory when inside it. */
function show(path) {
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') ? posix(rel) : path
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exitCode = main()
  } catch (error) {
    console.error(`docs: ${error instanceof Error ? error.message : error}`)
    process.exitCode = 2
  }
}
