export const id = 291;
export const ids = [291];
export const modules = {

/***/ 25291:
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
/** How many of the search's answers are described to find one of exactly this name. */
const DESCRIBED_AT_MOST = 3;
/** Spans shorter than this say more about the logging than about the build. */
const SHORTEST_MS = 1000;
/**
 * How long the script's previous build took, as the server remembers it: the wait's hint
 * (deploy/wait.ts), so a build that takes as long as the last one is seen within a second.
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
async function previousBuild(api, name, currentHash, options = {}) {
    if (!api.findByName)
        return { none: `the ${api.version} API finds no script by name` };
    const newest = await namedExactly(api, name, deployedNewestFirst(await api.findByName(name, options), currentHash));
    if (!newest)
        return { none: 'no earlier script of this name in the group was deployed' };
    const ms = hostLogSpan(await api.logs(newest.hash, 'Host', options));
    return ms === undefined
        ? { none: `the build log of the previous one (${newest.hash}) gives no length` }
        : { hash: newest.hash, ms };
}
/** The most recently uploaded Deployed script other than this one; without dates, the last listed. */
function newestDeployed(scripts, currentHash) {
    return deployedNewestFirst(scripts, currentHash)[0];
}
/** The Deployed scripts other than this one, newest first (without dates, the last listed first). */
function deployedNewestFirst(scripts, currentHash) {
    return scripts
        .map((script, index) => ({ script, index }))
        .filter(({ script }) => script.status === 'Deployed' && script.hash !== currentHash)
        .sort((a, b) => (b.script.uploadedAt ?? -Infinity) - (a.script.uploadedAt ?? -Infinity) || b.index - a.index)
        .map(({ script }) => script);
}
/**
 * The first of the newest few whose description names exactly this script: the search's
 * LIKE filter also finds names that merely contain this one, and its answers carry no name.
 */
async function namedExactly(api, name, newestFirst) {
    for (const script of newestFirst.slice(0, DESCRIBED_AT_MOST))
        if ((await api.describe(script.hash)).name === name)
            return script;
    return undefined;
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
// EXTERNAL MODULE: ./src/local-checks/manifest.ts
var local_checks_manifest = __webpack_require__(61102);
// EXTERNAL MODULE: ./src/modes/github-record.ts + 3 modules
var github_record = __webpack_require__(39980);
;// CONCATENATED MODULE: ./src/modes/unchanged.ts
// skip-unchanged (docs/deploy-records.md): keep the script the environment's record names
// when nothing changed and it is still Deployed. Never based on git diffs.



/**
 * The environment's newest successful record of this script, for previous-preprocessing-id,
 * the wait's hint and the skip; undefined without a record (or when GitHub could not say).
 */
async function recordedBefore(ctx) {
    const found = await ctx.github?.earlier;
    const record = found?.latestSuccessful;
    if (record)
        ctx.result.previousHash = { hash: record.scriptHash, from: 'record' };
    return record;
}
/**
 * True when the run keeps the recorded script: skip-unchanged, the environment's newest
 * record succeeded, has this digest, went through this API with this operation, and its
 * script is still Deployed on the server (asked now). Otherwise says why it deploys.
 */
async function keepUnchanged(ctx, api) {
    const { spec, result } = ctx;
    if (!spec.records.skipUnchanged || !ctx.github)
        return false;
    const found = await ctx.github.earlier;
    const record = found?.latestSuccessful;
    const environment = (0,inert/* oneLine */.TN)(ctx.github.key.environment);
    const why = await reasonToDeploy(ctx, api, found?.latest, record);
    if (why || !record) {
        core/* info */.pq(`Deploying: ${why ?? 'no record'} (skip-unchanged).`);
        result.recordNote = `deployed: ${why ?? 'no record'}`;
        return false;
    }
    result.hash = record.scriptHash;
    result.status = 'unchanged';
    result.url = (0,api_api/* runEndpoint */.h5)(spec.connection.apiUrl, api.version, spec.script.operation, result.group ?? spec.group, record.scriptHash);
    result.recordNote =
        `unchanged since deployment ${record.deploymentId} (commit ${record.sha.slice(0, 12)}): ` +
            `same digest, and ${record.scriptHash} is still Deployed; nothing was uploaded`;
    core/* notice */.lm(`Unchanged: the record of environment '${environment}' (deployment ${record.deploymentId}, commit ` +
        `${record.sha.slice(0, 12)}) has the same digest, and its script ${record.scriptHash} is still Deployed. ` +
        'Nothing was uploaded (skip-unchanged).');
    return true;
}
async function reasonToDeploy(ctx, api, latest, record) {
    const { spec, result } = ctx;
    if (!record)
        return latest ? `the last record (${latest.deploymentId}) did not succeed` : 'no successful record';
    if (latest && latest.deploymentId !== record.deploymentId)
        return `the last deploy (deployment ${latest.deploymentId}) did not succeed`;
    if (record.digest !== result.digest)
        return `the digest changed (recorded ${record.digest})`;
    if (record.payload.apiVersion !== api.version)
        return `the recorded script went through ${record.payload.apiVersion}, this deploy goes through ${api.version}`;
    if (record.payload.operation !== spec.script.operation)
        return `the recorded script is ${record.payload.operation}, this one ${spec.script.operation}`;
    try {
        const state = await api.status(record.scriptHash);
        if (state.status !== 'Deployed')
            return `the recorded script ${record.scriptHash} is ${(0,inert/* oneLine */.TN)(state.status)} now`;
        const described = await api.describe(record.scriptHash);
        if (described.operation && described.operation !== spec.script.operation)
            return `the server describes ${record.scriptHash} as ${(0,inert/* oneLine */.TN)(described.operation)}`;
    }
    catch (error) {
        return `the recorded script ${record.scriptHash} could not be checked (${(0,inert/* oneLine */.TN)(error.message)})`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/modes/deploy.ts

















/** deploy mode: connect → API → contract → register (+ uploads) → host → wait → smoke test. */
async function deployMode(ctx) {
    const { spec, result } = ctx;
    // Both run beside the login: the environment's records (GitHub), and the files' hashes.
    ctx.github = (0,github_record.startGitHubRecord)(spec);
    const hashed = (0,local_checks_manifest/* buildManifest */.u)(spec, spec.workspace);
    hashed.catch(() => undefined);
    const session = await (0,modes_session/* connect */.Ng)((0,modes_session/* newTransport */.OV)(spec, ctx.signal, ctx.deadline), spec, result, ctx.localChecks);
    const api = await (0,modes_session/* chooseDeployApi */.dy)(session, spec, result);
    await keepContract(ctx, session, api.version);
    ctx.api = api;
    const manifest = await manifestFor(spec, api.version, await hashed);
    result.digest = await (0,local_checks_manifest/* digestOf */.o)(manifest, spec);
    if (ctx.github)
        ctx.github.manifest = manifest;
    const recorded = await recordedBefore(ctx);
    if (spec.smokeTest.enabled)
        await (0,pipeline_phase/* checkPipelineModel */.U)(ctx, session, spec.script.operation);
    if (!(await keepUnchanged(ctx, api))) {
        await registerAndHost(ctx, api);
        result.url = (0,api_api/* runEndpoint */.h5)(spec.connection.apiUrl, api.version, spec.script.operation, session.group, result.hash ?? '');
        if (spec.wait.enabled) {
            ctx.deadline.at = Date.now() + spec.wait.timeoutMs;
            await waitForBuild(ctx, api, recorded);
        }
        else
            core/* notice */.lm(`Not waiting for the build of ${result.hash} (wait: false).`);
    }
    if (spec.smokeTest.enabled)
        await (0,smoke_test_phase/* runSmokeTest */.p)(ctx, api, spec);
}
/** The manifest as this deploy sends it: the calls of the API chosen (auto assumed v2 before the probe). */
async function manifestFor(spec, version, hashed) {
    if (hashed.api === version)
        return hashed;
    const { calls } = await (0,local_checks_manifest/* buildManifest */.u)({ ...spec, apiVersion: version }, spec.workspace, { hashFiles: false });
    return { ...hashed, api: version, calls };
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
    core/* info */.pq(`Contract: ${result.contract.calledAs} (${(0,inert/* oneLine */.TN)(why)}).`);
}
/** A v1 Async script of this name in the group (steps/history.ts); a failed look-up is no signal. */
async function earlierV1Deploy(session, name) {
    try {
        const found = await earlierV1Async(session.v1, session.group, name, { deadline: Date.now() + EARLIER_LOOKUP_MS });
        return found && { hash: found.hash, api: 'v1' };
    }
    catch (error) {
        core/* info */.pq(`Could not look for an earlier v1 deploy of this script (${(0,inert/* oneLine */.TN)(error.message)}).`);
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
        core/* info */.pq(`Registered '${(0,inert/* oneLine */.TN)(spec.script.name)}' as ${result.hash} (${api.version}).`);
        for (const [name, hash] of Object.entries(result.datasetHashes))
            core/* info */.pq(`  dataset ${(0,inert/* oneLine */.TN)(name)}: ${hash}`);
    });
    await core/* group */.Os('Host', async () => {
        const hash = result.hash;
        result.apiCalls.push((0,api_api/* hostCall */.Z$)(api.version, spec.script.operation, result.group ?? spec.group, hash));
        await api.host(spec.script.operation, hash);
        result.status = 'building';
        core/* info */.pq(`Build started (${spec.script.operation.toLowerCase()} host, ${api.version}).`);
    });
}
async function waitForBuild(ctx, api, recorded) {
    const { spec, result } = ctx;
    const hash = result.hash;
    await core/* group */.Os('Wait for Deployed', async () => {
        const hint = learnBuildLength(ctx, api, hash, recorded);
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
            core/* warning */.$e(`${(0,inert/* oneLine */.TN)(error.message)} Not failing the step (fail-on-timeout: false).`);
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
 * How long the script's previous build took, for the wait's hint: the environment's record
 * says it at once (v2 included) when it went through this API; else the lookup on the
 * server (steps/history.ts) starts. `expectedMs` answers once it is known; `stop` abandons
 * the lookup when the wait ends first, so it never holds up the run.
 */
function learnBuildLength(ctx, api, hash, recorded) {
    const { spec, result } = ctx;
    const abandon = new AbortController();
    let expectedMs;
    const name = (0,inert/* oneLine */.TN)(spec.script.name);
    const seconds = recorded?.buildSeconds;
    if (recorded && seconds && seconds > 0 && recorded.payload.apiVersion === api.version) {
        result.previousBuild = { hash: recorded.scriptHash, seconds };
        core/* info */.pq(`The previous build of '${name}' (${recorded.scriptHash}) took ${seconds} s, says its record ` +
            `(deployment ${recorded.deploymentId}): ${(0,wait/* describeHint */.lS)(seconds * 1000)}.`);
        return { expectedMs: () => seconds * 1000, stop: () => undefined };
    }
    previousBuild(api, spec.script.name, hash, { deadline: Date.now() + HINT_LOOKUP_MS, signal: abandon.signal }).then((found) => {
        if (abandon.signal.aborted)
            return;
        if ('none' in found)
            return core/* info */.pq(`No previous build to go by (${(0,inert/* oneLine */.TN)(found.none)}): checking every 2 s.`);
        result.previousBuild = { hash: found.hash, seconds: (0,duration/* inTenths */.kG)(found.ms) };
        result.previousHash ??= { hash: found.hash, from: 'search' };
        expectedMs = found.ms;
        core/* info */.pq(`The previous build of '${name}' (${found.hash}) took ${(0,duration/* inTenths */.kG)(found.ms)} s: ${(0,wait/* describeHint */.lS)(found.ms)}.`);
    }, (error) => {
        if (!abandon.signal.aborted)
            core/* info */.pq(`Could not look up the previous build (${(0,inert/* oneLine */.TN)(error.message)}): checking every 2 s.`);
    });
    return { expectedMs: () => expectedMs, stop: () => abandon.abort() };
}
function signalOf(error) {
    return /^Cancelled by (\S+)/.exec(error.message)?.[1] ?? 'cancellation';
}


/***/ })

};
