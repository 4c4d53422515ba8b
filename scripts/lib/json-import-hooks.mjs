/**
 * Module-loader hooks that let @actions/workflow-parser load on Node 20+.
 *
 * The parser's build does `import Schema from "../workflow-v1.0.min.json"` without
 * `with { type: "json" }`; Node refuses that (ERR_IMPORT_ASSERTION_TYPE_MISSING on 20,
 * ERR_IMPORT_ATTRIBUTE_MISSING on 22+). These hooks serve such a JSON file — only when the
 * import carries no type attribute — as an ES module whose default export is the parsed
 * JSON, which is exactly what the parser expects. Imports that do say `type: "json"` are
 * left to Node.
 *
 * Used in two ways: `module.registerHooks({ resolve, load })` in-thread where Node has it
 * (22.15+/23.5+), otherwise `module.register(<this file>)` (Node 20.6+), which runs the
 * async `load` below on the loader thread.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** @param {string} url @param {{ importAttributes?: Record<string, string> }} context */
function wantsJsonAsModule(url, context) {
  return url.startsWith('file:') && url.endsWith('.json') && !context.importAttributes?.type
}

/** @param {string} url */
function jsonModule(url) {
  const text = readFileSync(fileURLToPath(url), 'utf8')
  JSON.parse(text) // fail here, naming the file, rather than with a JavaScript syntax error
  return { format: 'module', source: `export default ${text};\n`, shortCircuit: true }
}

/** Synchronous form, for module.registerHooks. */
export function loadSync(url, context, nextLoad) {
  return wantsJsonAsModule(url, context) ? jsonModule(url) : nextLoad(url, context)
}

/** Asynchronous form, for module.register (the name Node looks for). */
export async function load(url, context, nextLoad) {
  return wantsJsonAsModule(url, context) ? jsonModule(url) : nextLoad(url, context)
}
