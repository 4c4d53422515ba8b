import type { CallOptions } from '../api/http/types.js'
import type { EarlierScript, PreprocessingApi } from '../api/api.js'
import type { LogEntry } from '../api/wire.js'
import type { V1Api } from '../api/v1.js'

/** The script's previous successful build: its hash, and how long it took. */
export interface PreviousBuild {
  readonly hash: string
  readonly ms: number
}

/** How many of the search's answers are described to find one of exactly this name. */
const DESCRIBED_AT_MOST = 3

/** Spans shorter than this say more about the logging than about the build. */
const SHORTEST_MS = 1000

/**
 * How long the script's previous build took, as the server remembers it: the wait's hint
 * (src/steps/wait.ts), so a build that takes as long as the last one is seen within a second.
 *
 * - The previous build is the newest other script that the group's search finds under this
 *   name and that reached `Deployed` (a failed build ends early and says nothing of the
 *   next one). The search is a LIKE filter and its answers carry no name, so the newest
 *   few are described and only one the server names exactly so counts: a longer name that
 *   contains this one is never taken for it. (A deploy record on GitHub, when there is
 *   one, gives the hint without any of this: modes/deploy.ts.)
 * - Its length is the span of its Host log: the emulator logs "Build started" at the host
 *   call and the outcome at the end; that a real server's first and last Host entries
 *   bracket the build the same way is inferred (emulator/README.md). A script hosted
 *   more than once (a failed build, then a fixed one) spans all its builds: the hint is
 *   then too long, which again costs only a few seconds.
 * - v2 scripts have no search by name (the API answers none): only a record gives them a hint.
 *
 * Without a hint, `none` says why, for the log.
 *
 * A few reads (the search, up to three descriptions, a log), sent while the build runs:
 * they cost the deploy no time. A failure comes through; the caller (modes/deploy.ts)
 * takes it as no hint, never as a failed deploy.
 */
export async function previousBuild(
  api: PreprocessingApi,
  name: string,
  currentHash: string,
  options: CallOptions = {}
): Promise<PreviousBuild | { readonly none: string }> {
  if (!api.findByName) return { none: `the ${api.version} API finds no script by name` }
  const newest = await namedExactly(api, name, deployedNewestFirst(await api.findByName(name, options), currentHash))
  if (!newest) return { none: 'no earlier script of this name in the group was deployed' }
  const ms = hostLogSpan(await api.logs(newest.hash, 'Host', options))
  return ms === undefined
    ? { none: `the build log of the previous one (${newest.hash}) gives no length` }
    : { hash: newest.hash, ms }
}

/** The most recently uploaded Deployed script other than this one; without dates, the last listed. */
export function newestDeployed(scripts: readonly EarlierScript[], currentHash: string): EarlierScript | undefined {
  return deployedNewestFirst(scripts, currentHash)[0]
}

/** The Deployed scripts other than this one, newest first (without dates, the last listed first). */
function deployedNewestFirst(scripts: readonly EarlierScript[], currentHash: string): EarlierScript[] {
  return scripts
    .map((script, index) => ({ script, index }))
    .filter(({ script }) => script.status === 'Deployed' && script.hash !== currentHash)
    .sort((a, b) => (b.script.uploadedAt ?? -Infinity) - (a.script.uploadedAt ?? -Infinity) || b.index - a.index)
    .map(({ script }) => script)
}

/**
 * The first of the newest few whose description names exactly this script: the search's
 * LIKE filter also finds names that merely contain this one, and its answers carry no name.
 */
async function namedExactly(
  api: PreprocessingApi,
  name: string,
  newestFirst: readonly EarlierScript[]
): Promise<EarlierScript | undefined> {
  for (const script of newestFirst.slice(0, DESCRIBED_AT_MOST))
    if ((await api.describe(script.hash)).name === name) return script
  return undefined
}

/** From the first Host entry to the last, when that is a second or more. */
export function hostLogSpan(entries: readonly LogEntry[]): number | undefined {
  const times = entries
    .filter((entry) => entry.Routine === undefined || entry.Routine === 'Host')
    .map((entry) => Date.parse(entry.RegisteredAt))
    .filter(Number.isFinite)
  if (times.length < 2) return undefined
  const span = Math.max(...times) - Math.min(...times)
  return span >= SHORTEST_MS ? span : undefined
}

/**
 * The newest v1 Async script of exactly this name in the group: its previous deploy went
 * through v1 (the rule that uses it is local-checks/contract-fit.ts). The v1 search is a
 * LIKE filter whose answers carry no name, so the newest few answers are described and
 * only one whose Name (and Operation) the server states and matches counts: a script
 * whose name merely contains this one is no signal. On a current server the v1 search
 * lists v1 scripts only (emulator/README.md); v2 scripts have no search by name.
 */
export async function earlierV1Async(
  v1: V1Api,
  group: string,
  name: string,
  options: CallOptions = {}
): Promise<EarlierScript | undefined> {
  const found = await v1.search(group, name, options)
  const newestFirst = [...found].sort((a, b) => (b.uploadedAt ?? -Infinity) - (a.uploadedAt ?? -Infinity))
  for (const script of newestFirst.slice(0, DESCRIBED_AT_MOST)) {
    const described = await v1.describe(group, script.hash)
    if (described.Name === name && described.Operation === 'Async') return script
  }
  return undefined
}
