export const id = 596;
export const ids = [596];
export const modules = {

/***/ 5596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployMode: () => (/* binding */ deployMode),
  signalOf: () => (/* binding */ signalOf)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(85497);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/api/api.ts
var api_api = __webpack_require__(23632);
// EXTERNAL MODULE: ./src/harness/contract.ts
var harness_contract = __webpack_require__(41848);
// EXTERNAL MODULE: ./src/steps/register.ts
var register = __webpack_require__(7042);
;// CONCATENATED MODULE: ./src/steps/history.ts
/** Spans shorter than this say more about the logging than about the build. */
const SHORTEST_MS = 1000;
/**
 * How long the script's previous build took, as the server remembers it: the wait's hint
 * (deploy/wait.ts), so a build that takes as long as the last one is seen within a second.
 *
 * - The previous build is the newest other script that the group's search finds under this
 *   name and that reached `Deployed` (a failed build ends early and says nothing of the
 *   next one). The search is a LIKE filter and its answers carry no name, so a longer name
 *   that contains this one can be taken for it: the hint is then off, which costs at most
 *   a few seconds of lag (docs/poll-schedule.md).
 * - Its length is the span of its Host log: the emulator logs "Build started" at the host
 *   call and the outcome at the end; that a real server's first and last Host entries
 *   bracket the build the same way is inferred (emulator/README.md). A script hosted
 *   more than once (a failed build, then a fixed one) spans all its builds: the hint is
 *   then too long, which again costs only a few seconds.
 * - v2 scripts have no search by name (the API answers none), so they get no hint.
 *
 * Without a hint, `none` says why, for the log.
 *
 * Two reads, sent while the build runs: they cost the deploy no time. A failure comes
 * through; the caller (modes/deploy.ts) takes it as no hint, never as a failed deploy.
 */
async function previousBuild(api, name, currentHash, options = {}) {
    if (!api.findByName)
        return { none: `the ${api.version} API finds no script by name` };
    const newest = newestDeployed(await api.findByName(name, options), currentHash);
    if (!newest)
        return { none: 'no earlier script of this name in the group was deployed' };
    const ms = hostLogSpan(await api.logs(newest.hash, 'Host', options));
    return ms === undefined
        ? { none: `the build log of the previous one (${newest.hash}) gives no length` }
        : { hash: newest.hash, ms };
}
/** The most recently uploaded Deployed script other than this one; without dates, the last listed. */
function newestDeployed(scripts, currentHash) {
    const deployed = scripts.filter((script) => script.status === 'Deployed' && script.hash !== currentHash);
    return deployed.reduce((best, script) => (!best || (script.uploadedAt ?? -Infinity) >= (best.uploadedAt ?? -Infinity) ? script : best), undefined);
}
/** From the first Host entry to the last, when that is a second or more. */
function hostLogSpan(entries) {
    const times = entries
        .filter((entry) => entry.Routine === undefined || entry.Routine === 'Host')
        .map((entry) => Date.parse(entry.RegisteredAt))
        .filter(Number.isFinite);
    if (times.length < 2)
        return undefined;
    const span = Math.max(...times) - Math.min(...times);
    return span >= SHORTEST_MS ? span : undefined;
}
/** How many of the search's answers are described to find one of exactly this name. */
const DESCRIBED_AT_MOST = 3;
/**
 * The newest v1 Async script of exactly this name in the group: its previous deploy went
 * through v1 (the rule that uses it is local-checks/contract-fit.ts). The v1 search is a
 * LIKE filter whose answers carry no name, so the newest few answers are described and
 * only one whose Name (and Operation) the server states and matches counts: a script
 * whose name merely contains this one is no signal. On a current server the v1 search
 * lists v1 scripts only (emulator/README.md); v2 scripts have no search by name.
 */
async function earlierV1Async(v1, group, name, options = {}) {
    const found = await v1.search(group, name, options);
    const newestFirst = [...found].sort((a, b) => (b.uploadedAt ?? -Infinity) - (a.uploadedAt ?? -Infinity));
    for (const script of newestFirst.slice(0, DESCRIBED_AT_MOST)) {
        const described = await v1.describe(group, script.hash);
        if (described.Name === name && described.Operation === 'Async')
            return script;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/local-checks/contract-fit.ts
var contract_fit = __webpack_require__(85291);
// EXTERNAL MODULE: ./src/steps/wait.ts
var wait = __webpack_require__(11934);
// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(94105);
// EXTERNAL MODULE: ./src/modes/session.ts + 8 modules
var modes_session = __webpack_require__(58044);
// EXTERNAL MODULE: ./src/modes/context.ts
var context = __webpack_require__(61235);
// EXTERNAL MODULE: ./src/modes/smoke-test-phase.ts
var smoke_test_phase = __webpack_require__(95156);
// EXTERNAL MODULE: ./src/modes/pipeline-phase.ts + 2 modules
var pipeline_phase = __webpack_require__(47408);
;// CONCATENATED MODULE: ./src/modes/deploy.ts














/** deploy mode: connect → API → contract → register (+ uploads) → host → wait → smoke test. */
async function deployMode(ctx) {
    const { spec, result } = ctx;
    const session = await (0,modes_session/* connect */.Ng)((0,modes_session/* newTransport */.OV)(spec, ctx.signal, ctx.deadline), spec, result, ctx.localChecks);
    const api = await (0,modes_session/* chooseDeployApi */.dy)(session, spec, result);
    await keepContract(ctx, session, api.version);
    ctx.api = api;
    if (spec.smokeTest.enabled)
        await (0,pipeline_phase/* checkPipelineModel */.U)(ctx, session, spec.script.operation);
    await registerAndHost(ctx, api);
    if (spec.wait.enabled) {
        ctx.deadline.at = Date.now() + spec.wait.timeoutMs;
        await waitForBuild(ctx, api);
    }
    else
        core/* notice */.lm(`Not waiting for the build of ${result.hash} (wait: false).`);
    if (spec.smokeTest.enabled)
        await (0,smoke_test_phase/* runSmokeTest */.p)(ctx, api, spec);
}
/** How long the look-up of an earlier v1 deploy may hold up the upload. */
const EARLIER_LOOKUP_MS = 10_000;
/**
 * Before anything is uploaded: the contract the chosen API calls the entrypoint with must
 * be the one it was written for (local-checks/contract-fit.ts). Under auto the probe has
 * just chosen; an api-version given was judged by the local checks already.
 */
async function keepContract(ctx, session, version) {
    const { spec, result } = ctx;
    const why = result.apiProbe ?? '';
    const contract = (0,harness_contract/* contractOf */.Qu)(spec.script.operation, version);
    result.contract = { contract, calledAs: harness_contract/* CALLED_AS */.vV[contract], why };
    if (spec.apiVersion === 'auto' && spec.script.operation === 'Async') {
        const { signals } = await ctx.localChecks;
        const earlier = version === 'v2' ? await earlierV1Deploy(session, spec.script.name) : undefined;
        try {
            (0,contract_fit/* checkContractFit */.i)(spec, version, why, signals, core/* notice */.lm, earlier);
        }
        catch (error) {
            if (error instanceof errors/* InputError */.dz)
                result.status = 'invalid-input';
            throw error;
        }
    }
    core/* info */.pq(`Contract: ${result.contract.calledAs} (${(0,inert/* oneLine */.T)(why)}).`);
}
/** A v1 Async script of this name in the group (steps/history.ts); a failed look-up is no signal. */
async function earlierV1Deploy(session, name) {
    try {
        const found = await earlierV1Async(session.v1, session.group, name, { deadline: Date.now() + EARLIER_LOOKUP_MS });
        return found && { hash: found.hash, api: 'v1' };
    }
    catch (error) {
        core/* info */.pq(`Could not look for an earlier v1 deploy of this script (${(0,inert/* oneLine */.T)(error.message)}).`);
        return undefined;
    }
}
async function registerAndHost(ctx, api) {
    const { spec, result } = ctx;
    await core/* group */.Os('Register', async () => {
        try {
            const registered = await (0,register/* registerScript */.tX)(api, spec, (call) => {
                result.apiCalls.push(call);
                (0,context/* logCall */.FG)(call);
            });
            result.hash = registered.hash;
            result.operation = spec.script.operation;
            Object.assign(result.datasetHashes, registered.datasetHashes);
        }
        catch (error) {
            // Stopped mid-upload, the server may still have registered the script.
            if (error instanceof errors/* CancelledError */.cc)
                throw new errors/* CancelledError */.cc(signalOf(error), `during the register call: the script '${spec.script.name}' may have been registered all the same; ` +
                    'look for it in Neomaril before deploying again');
            throw error;
        }
        result.status = 'registered';
        core/* info */.pq(`Registered '${(0,inert/* oneLine */.T)(spec.script.name)}' as ${result.hash} (${api.version}).`);
        for (const [name, hash] of Object.entries(result.datasetHashes))
            core/* info */.pq(`  dataset ${(0,inert/* oneLine */.T)(name)}: ${hash}`);
    });
    await core/* group */.Os('Host', async () => {
        const hash = result.hash;
        result.apiCalls.push((0,api_api/* hostCall */.Z$)(api.version, spec.script.operation, result.group ?? spec.group, hash));
        await api.host(spec.script.operation, hash);
        result.status = 'building';
        core/* info */.pq(`Build started (${spec.script.operation.toLowerCase()} host, ${api.version}).`);
    });
}
async function waitForBuild(ctx, api) {
    const { spec, result } = ctx;
    const hash = result.hash;
    await core/* group */.Os('Wait for Deployed', async () => {
        const hint = learnBuildLength(ctx, api, hash);
        const outcome = await (0,wait/* waitWhilePending */.cB)(async (limits) => {
            const state = await api.status(hash, limits);
            if (state.datasetHash)
                result.datasetHashes.deployed = state.datasetHash;
            return state;
        }, {
            timeoutMs: spec.wait.timeoutMs,
            pollIntervalMs: spec.wait.pollIntervalMs,
            signal: ctx.signal,
            onPoll: (0,context/* logPoll */.OI)('check'),
            onTransientFailure: context/* logOutage */.ko,
            expectedMs: hint.expectedMs
        }).finally(hint.stop);
        // A build the wait did not see end has no build time (the build-seconds output stays empty).
        if (outcome.kind === 'done')
            result.buildSeconds = (0,duration/* inTenths */.kG)(outcome.elapsedMs);
        result.statusChecks = outcome.checks;
        if (outcome.kind === 'timed-out') {
            result.status = 'timed-out';
            const error = new errors/* WaitTimeoutError */.Do(outcome.last.status, outcome.elapsedMs, hash);
            if (spec.wait.failOnTimeout)
                throw error;
            core/* warning */.$e(`${(0,inert/* oneLine */.T)(error.message)} Not failing the step (fail-on-timeout: false).`);
            return;
        }
        if (outcome.last.status === 'Deployed') {
            result.status = 'deployed';
            core/* info */.pq(`Deployed in ${(0,duration/* formatDuration */.a3)(outcome.elapsedMs)} (${outcome.checks} status checks).`);
            return;
        }
        result.status = outcome.last.status === 'Failed' ? 'failed' : 'unavailable';
        throw new errors/* DeployFailedError */.P2(outcome.last.status, outcome.last.message, hash);
    });
}
/** How long the lookup of the previous build may take; it runs while the build does. */
const HINT_LOOKUP_MS = 5000;
/**
 * Starts looking up how long the script's previous build took (steps/history.ts), for
 * the wait's hint. `expectedMs` answers once it is known; `stop` abandons the lookup
 * when the wait ends first, so it never holds up the run.
 */
function learnBuildLength(ctx, api, hash) {
    const { spec, result } = ctx;
    const abandon = new AbortController();
    let expectedMs;
    const name = (0,inert/* oneLine */.T)(spec.script.name);
    previousBuild(api, spec.script.name, hash, { deadline: Date.now() + HINT_LOOKUP_MS, signal: abandon.signal }).then((found) => {
        if (abandon.signal.aborted)
            return;
        if ('none' in found)
            return core/* info */.pq(`No previous build to go by (${(0,inert/* oneLine */.T)(found.none)}): checking every 2 s.`);
        result.previousBuild = { hash: found.hash, seconds: (0,duration/* inTenths */.kG)(found.ms) };
        expectedMs = found.ms;
        core/* info */.pq(`The previous build of '${name}' (${found.hash}) took ${(0,duration/* inTenths */.kG)(found.ms)} s: ${(0,wait/* describeHint */.lS)(found.ms)}.`);
    }, (error) => {
        if (!abandon.signal.aborted)
            core/* info */.pq(`Could not look up the previous build (${(0,inert/* oneLine */.T)(error.message)}): checking every 2 s.`);
    });
    return { expectedMs: () => expectedMs, stop: () => abandon.abort() };
}
function signalOf(error) {
    return /^Cancelled by (\S+)/.exec(error.message)?.[1] ?? 'cancellation';
}


/***/ })

};
