/**
 * Loads @actions/workflow-parser (and its action-file parser) with the JSON-import hooks in
 * place, so `node scripts/check-workflows.mjs` works without any `--import` flag.
 */
import module from 'node:module'
import { loadSync } from './json-import-hooks.mjs'

let installed = false

function installJsonHooks() {
  if (installed) return
  installed = true
  if (typeof module.registerHooks === 'function') {
    module.registerHooks({ load: loadSync })
  } else if (typeof module.register === 'function') {
    module.register('./json-import-hooks.mjs', import.meta.url)
  } else {
    throw new Error(
      `Node ${process.version} has neither module.registerHooks nor module.register; use Node 20.6 or later`
    )
  }
}

/**
 * @returns {Promise<{
 *   parseWorkflow: Function,
 *   convertWorkflowTemplate: Function,
 *   parseAction: Function,
 *   convertActionTemplate: Function,
 *   NoOperationTraceWriter: new () => object
 * }>}
 */
export async function loadWorkflowParser() {
  installJsonHooks()
  const workflows = await import('@actions/workflow-parser')
  const actions = await import('@actions/workflow-parser/actions/index')
  return {
    parseWorkflow: workflows.parseWorkflow,
    convertWorkflowTemplate: workflows.convertWorkflowTemplate,
    NoOperationTraceWriter: workflows.NoOperationTraceWriter,
    parseAction: actions.parseAction,
    convertActionTemplate: actions.convertActionTemplate
  }
}
