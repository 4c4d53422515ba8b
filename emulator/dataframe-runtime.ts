/** How v2 builds and executions reach Python (placeholder until the shared harness lands). */
import path from 'node:path'
import type { DataFrameRuntime } from './preprocessing-v2.js'
import type { PythonRunner } from './python.js'

export function dataFrameRuntime(python: PythonRunner): DataFrameRuntime {
  return {
    async buildCheck(call) {
      const run = await python.run<{ ok: boolean; error?: string; traceback?: string }>(
        'build_check.py',
        [path.join(call.folder, call.sourceFile), call.entrypoint, 'Async', path.join(call.folder, 'requirements.txt')],
        { cwd: call.folder, timeoutMs: call.timeoutMs }
      )
      return { ok: run.result?.ok === true, problem: run.result?.error, traceback: run.result?.traceback, output: run.output, timedOut: run.timedOut }
    },
    async runDataFrames() {
      return { ok: false, output: '', timedOut: false, skipped: 'DataFrame runs are not available in this build' }
    }
  }
}
