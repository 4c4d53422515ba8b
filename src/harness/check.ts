/**
 * The entrypoint's static check through python/harness/ (mode "check"). Apart from
 * index.ts so that loading it does not load the parquet readers and writers: every deploy
 * runs it at start-up (src/local-checks/entrypoint.ts), and the bundle's first chunk stays small.
 */
import type { ContractSignal, EntrypointContract } from './contract.js'
import { runHarness } from './process.js'

/** The parser's verdict on a source (nothing of the user's code runs). */
export type StaticVerdict =
  { ok: true; line?: number; note?: string; signals?: ContractSignal[] } | { ok: false; problem: string; line?: number }

/**
 * Parses `sourcePath` for Python 3.`minor`. `unavailable` says why no verdict could be
 * had: the interpreter is missing or would not run the check.
 */
export async function checkStatically(
  python: string,
  sourcePath: string,
  entrypoint: string,
  minor: number,
  contract: EntrypointContract
): Promise<StaticVerdict | { unavailable: string }> {
  const run = await runHarness<StaticVerdict & { error?: string }>(
    { mode: 'check', source: sourcePath, entrypoint, contract, minor },
    { python, cwd: process.cwd(), timeoutMs: 30_000 }
  )
  if (run.spawnError)
    return {
      unavailable:
        run.spawnError.code === 'ENOENT'
          ? `${python} is not on this runner`
          : `${python} cannot be started (${run.spawnError.message})`
    }
  const verdict = run.verdict
  if (!verdict)
    return {
      unavailable: run.timedOut
        ? `${python} did not finish the check within 30 s`
        : `${python} ended (exit code ${run.exitCode}) without a verdict`
    }
  // A failure of the check itself (not a verdict on the script) is uncertainty, never a failed check.
  if (verdict.error !== undefined) return { ok: true, note: `the entrypoint could not be checked (${verdict.error})` }
  return verdict
}
