/**
 * Checks how workflows use this action: every `with:` key of a step that runs it must be an
 * input in action.yml (and every required input must be given), and every
 * `steps.<id>.outputs.<name>` read from such a step must be an output in action.yml.
 * actionlint cannot do this for a local (`./`) or unpublished action: it types their
 * inputs and outputs as "anything".
 *
 * Works on whole workflows and on fragments (a README's list of steps).
 */
import YAML from 'yaml'

/** The action's own references: `./` (this repository) and the published name at any ref. */
export const ACTION_USES = /^(?:\.\/?|datarisk-io\/neomaril-deploy-action@.+)$/i

/**
 * @typedef {{ line: number, col: number, message: string }} UsageProblem
 * @typedef {{ inputs: Map<string, { name: string, required: boolean }>, outputs: Map<string, string> }} ActionSpec
 *   keys are lower-cased: GitHub matches input and output names without regard to case
 */

/** @param {any} action the parsed action.yml @returns {ActionSpec} */
export function actionSpec(action) {
  const inputs = new Map()
  for (const [name, spec] of Object.entries(action?.inputs ?? {})) {
    const required = spec?.required === true || spec?.required === 'true'
    const hasDefault = spec?.default !== undefined && spec?.default !== null
    inputs.set(name.toLowerCase(), { name, required: required && !hasDefault })
  }
  const outputs = new Map(Object.keys(action?.outputs ?? {}).map((name) => [name.toLowerCase(), name]))
  return { inputs, outputs }
}

const STEP_OUTPUT = /\bsteps\s*\.\s*([A-Za-z_][\w-]*)\s*\.\s*outputs\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\])/g

/** Closest names, for "did you mean". */
export function suggest(name, names) {
  const distance = (a, b) => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
    for (let j = 1; j <= b.length; j++) d[0][j] = j
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    return d[a.length][b.length]
  }
  const best = [...names].map((n) => [n, distance(name.toLowerCase(), n.toLowerCase())]).sort((x, y) => x[1] - y[1])[0]
  return best && best[1] <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean '${best[0]}'?` : ''
}

/**
 * @param {string} text YAML source
 * @param {ActionSpec} spec
 * @returns {UsageProblem[]} with 1-based line and column within `text`
 */
export function checkActionUsage(text, spec) {
  const lineCounter = new YAML.LineCounter()
  const doc = YAML.parseDocument(text, { lineCounter })
  if (doc.errors.length) return [] // syntax errors are the parsers' business
  /** @type {UsageProblem[]} */
  const problems = []
  const at = (offset, message) => {
    const { line, col } = lineCounter.linePos(offset)
    problems.push({ line, col, message })
  }

  /** step id (lower-case) → true, per scope node (the job, or the document for a fragment) */
  const scopes = new Map()

  YAML.visit(doc, {
    Map(_, node, path) {
      const uses = node.get('uses', true)
      if (!YAML.isScalar(uses) || typeof uses.value !== 'string' || !ACTION_USES.test(uses.value.trim())) return
      const usesText = uses.value.trim()
      const withNode = node.get('with', true)
      const given = new Set()
      if (YAML.isMap(withNode)) {
        for (const pair of withNode.items) {
          const key = YAML.isScalar(pair.key) ? String(pair.key.value) : undefined
          if (key === undefined) continue
          given.add(key.toLowerCase())
          if (!spec.inputs.has(key.toLowerCase())) {
            const names = [...spec.inputs.values()].map((input) => input.name)
            at(
              pair.key.range[0],
              `'${usesText}' has no input '${key}'${suggest(key, names)} (inputs are listed in action.yml)`
            )
          }
        }
      } else if (withNode !== undefined && !(YAML.isScalar(withNode) && withNode.value === null)) {
        at(withNode.range?.[0] ?? uses.range[0], `'with' of '${usesText}' must be a mapping of inputs`)
      }
      const missing = [...spec.inputs]
        .filter(([key, input]) => input.required && !given.has(key))
        .map(([, input]) => `'${input.name}'`)
      if (missing.length) {
        at(
          uses.range[0],
          `'${usesText}' needs input${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
            '(required, no default, in action.yml)'
        )
      }

      const id = node.get('id', true)
      if (!YAML.isScalar(id) || typeof id.value !== 'string') return
      // steps live in <job>.steps: path ends with … job Map, Pair(steps), Seq
      const pair = path[path.length - 2]
      const scope =
        YAML.isPair(pair) && YAML.isScalar(pair.key) && pair.key.value === 'steps'
          ? path[path.length - 3]
          : doc.contents
      if (!scopes.has(scope)) scopes.set(scope, new Set())
      scopes.get(scope).add(id.value.toLowerCase())
    }
  })

  for (const [scope, ids] of scopes) {
    YAML.visit(scope, {
      Scalar(_, node) {
        if (typeof node.value !== 'string' || !node.range) return
        const source = text.slice(node.range[0], node.range[1])
        for (const match of node.value.matchAll(STEP_OUTPUT)) {
          const [whole, stepId, dotted, quoted] = match
          const output = dotted ?? quoted
          if (!ids.has(stepId.toLowerCase()) || spec.outputs.has(output.toLowerCase())) continue
          const where = source.indexOf(whole)
          at(
            node.range[0] + (where < 0 ? 0 : where),
            `step '${stepId}' (this action) has no output '${output}'${suggest(output, spec.outputs.values())} ` +
              '(outputs are listed in action.yml)'
          )
        }
      }
    })
  }
  return problems.sort((a, b) => a.line - b.line || a.col - b.col)
}
