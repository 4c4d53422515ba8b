export const id = 291;
export const ids = [291];
export const modules = {

/***/ 22276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eC: () => (/* binding */ createRecord),
  Gq: () => (/* binding */ findLatestRecord),
  gP: () => (/* binding */ findRecords),
  rQ: () => (/* binding */ liveRecords),
  oO: () => (/* binding */ recordPayload)
});

// UNUSED EXPORTS: taskOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/shared/hashes.ts
var hashes = __webpack_require__(81149);
;// CONCATENATED MODULE: ./src/shared/manifest.ts
/** The `digest` output's form: `sha256:` and 64 lower-case hex digits (src/local-checks/manifest.ts, digestOf). */
const DIGEST = /^sha256:[0-9a-f]{64}$/;

;// CONCATENATED MODULE: ./src/github/records.ts



/** Marks the action's records among an environment's deployments (GitHub's own, other tools'). */
const TOOL = 'neomaril-deploy';
/** How many of the newest deployments of a script are read; older ones only matter once these all failed. */
const LOOK_BACK = 20;
const FINAL_STATES = new Set(['success', 'failure', 'error']);
/**
 * The deployment `task` of a script's records: one fixed word and a digest of (server,
 * group, name), so GitHub's exact `task` filter lists this script's records and no
 * other's. A LIKE match is never involved; the payload is compared exactly as well.
 */
function taskOf(key) {
    const id = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([key.server, key.group, key.name]))
        .digest('hex');
    return `neomaril:${id.slice(0, 24)}`;
}
/** The newest successful record of the script in the environment, if any. */
async function findLatestRecord(client, key) {
    return (await findRecords(client, key)).latestSuccessful;
}
/**
 * The script's newest record (whatever its outcome) and its newest successful one. A
 * record is successful when its newest final status is `success`; an `inactive` that
 * came later (this action's own supersession, or GitHub's for a job's deployment) does
 * not change that.
 */
async function findRecords(client, key) {
    const listed = await client.list({ environment: key.environment, task: taskOf(key), perPage: LOOK_BACK });
    const mine = listed.filter((d) => d.environment === key.environment && isPayloadOf(d.payload, key));
    mine.sort((a, b) => b.id - a.id);
    let latest;
    for (const deployment of mine) {
        const record = await withOutcome(client, deployment);
        latest ??= record;
        if (record.outcome === 'success')
            return { latest, latestSuccessful: record };
    }
    return { latest };
}
async function withOutcome(client, deployment) {
    const statuses = await client.statuses(deployment.id);
    const final = newestFirst(statuses).find((status) => FINAL_STATES.has(status.state));
    const payload = deployment.payload;
    return {
        deploymentId: deployment.id,
        sha: deployment.sha,
        createdAt: deployment.createdAt,
        payload,
        digest: payload.digest,
        scriptHash: payload.scriptHash,
        buildSeconds: typeof payload.buildSeconds === 'number' ? payload.buildSeconds : undefined,
        outcome: final?.state
    };
}
/**
 * The payload is one of this action's, for exactly this (server, group, name), and the
 * facts the run prints and goes by have their own shapes: anyone who may write deployments
 * can write a payload, and a hash or digest holding a line break or a workflow command must
 * not reach the log. A payload that does not fit is not a record (the run deploys).
 */
function isPayloadOf(payload, key) {
    if (!payload || typeof payload !== 'object')
        return false;
    const p = payload;
    return (p.tool === TOOL &&
        p.server === key.server &&
        p.group === key.group &&
        p.name === key.name &&
        typeof p.digest === 'string' &&
        DIGEST.test(p.digest) &&
        typeof p.scriptHash === 'string' &&
        hashes/* SCRIPT_HASH */.j_.test(p.scriptHash) &&
        (p.operation === 'Sync' || p.operation === 'Async') &&
        (p.apiVersion === 'v1' || p.apiVersion === 'v2'));
}
/** The payload of a run's record, `tool` and the key's fields filled in. */
function recordPayload(key, facts) {
    return { tool: TOOL, server: key.server, group: key.group, name: key.name, ...facts };
}
/**
 * Creates the run's record: the deployment (with the whole payload: GitHub never lets a
 * payload change, so the record is made once the run knows its facts), `in_progress`, then
 * the final state, then `inactive` on the script's superseded records. Answers the
 * deployment's id; a failing call comes through as a GitHubCallError.
 */
async function createRecord(client, record) {
    const id = await client.create({
        sha: record.sha,
        task: taskOf(record.key),
        environment: record.key.environment,
        description: record.description,
        payload: record.payload
    });
    await client.addStatus(id, record.inProgress);
    if (record.final)
        await client.addStatus(id, record.final);
    if (record.final?.state === 'success') {
        for (const older of record.supersedes.filter((other) => other !== id))
            await client.addStatus(older, {
                state: 'inactive',
                description: `Superseded by deployment ${id}.`,
                logUrl: record.final.logUrl
            });
    }
    return id;
}
/**
 * The script's records still shown as live (newest state success), older than the one
 * this run makes: they are superseded once it succeeds.
 */
async function liveRecords(client, key) {
    const listed = await client.list({ environment: key.environment, task: taskOf(key), perPage: LOOK_BACK });
    const live = [];
    for (const deployment of listed.filter((d) => isPayloadOf(d.payload, key))) {
        const statuses = await client.statuses(deployment.id);
        const newest = newestFirst(statuses)[0];
        if (newest?.state === 'success')
            live.push(deployment.id);
    }
    return live;
}
/** Statuses by id, newest first (two made in the same second share a created_at). */
function newestFirst(statuses) {
    return [...statuses].sort((a, b) => b.id - a.id);
}


/***/ }),

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
// EXTERNAL MODULE: ./src/modes/pipeline-phase.ts + 3 modules
var pipeline_phase = __webpack_require__(47021);
// EXTERNAL MODULE: ./src/local-checks/manifest.ts
var local_checks_manifest = __webpack_require__(61102);
// EXTERNAL MODULE: ./src/modes/github-record.ts
var github_record = __webpack_require__(50607);
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
    const why = found
        ? await reasonToDeploy(ctx, api, found.latest, record)
        : "the environment's records could not be read (the warning at the end says why)";
    if (why || !record) {
        core/* info */.pq(`Deploying: ${why ?? 'no record'} (skip-unchanged).`);
        result.recordNote = `deployed: ${why ?? 'no record'}`;
        return false;
    }
    result.hash = record.scriptHash;
    // Found on the server, with the operation the record and this deploy share.
    result.operation = spec.script.operation;
    result.status = 'unchanged';
    result.url = (0,api_api/* runEndpoint */.h5)(spec.connection.apiUrl, api.version, spec.script.operation, result.group ?? spec.group, record.scriptHash);
    result.recordNote =
        `unchanged since deployment ${record.deploymentId} (commit ${record.sha.slice(0, 12)}): ` +
            `same digest, and ${record.scriptHash} is still Deployed`;
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

// EXTERNAL MODULE: ./src/modes/plan-phase.ts + 1 modules
var plan_phase = __webpack_require__(32042);
;// CONCATENATED MODULE: ./src/modes/deploy.ts


















/** deploy mode: connect → API → contract → register (+ uploads) → host → wait → smoke test. */
async function deployMode(ctx) {
    const { spec, result } = ctx;
    // Both run beside the login: the environment's records (GitHub), and the files' hashes.
    ctx.github = (0,github_record.startGitHubRecord)(spec, result);
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
    // The plan, when the records could be read (local-checks/plan.ts).
    if (await ctx.github?.earlier)
        (0,plan_phase/* showPlan */.t)(ctx, recorded, manifest);
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


/***/ }),

/***/ 50607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recordRun: () => (/* binding */ recordRun),
/* harmony export */   startGitHubRecord: () => (/* binding */ startGitHubRecord)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77094);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36536);
/* harmony import */ var _github_records_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22276);
/* harmony import */ var _shared_inert_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94105);
/* harmony import */ var _publish_records_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(13805);
/* harmony import */ var _publish_github_client_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(67426);
// The run's record on GitHub (docs/deploy-records.md): the environment's earlier records,
// read while the deploy connects, and this run's record, made once its facts are known.
// Every GitHub problem is one warning; none fails a deploy.






const connections = new WeakMap();
/** Starts the look-up of the environment's records, when the run records one (environment and a token). */
function startGitHubRecord(spec, result) {
    const { environment, token } = spec.records;
    if (!environment || !token || spec.mode !== 'deploy')
        return undefined;
    const settings = (0,_publish_github_client_js__WEBPACK_IMPORTED_MODULE_5__/* .gitHubSettings */ .b)(token);
    if (!settings) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('environment is set, but GITHUB_REPOSITORY is not (not on a runner?): no record on GitHub.');
        return undefined;
    }
    const key = { environment, server: spec.connection.apiUrl, group: spec.group, name: spec.script.name };
    const connection = { port: (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .openGitHub */ .o)(settings), result, warned: false };
    const record = {
        key,
        earlier: withinLookupTime(connection.port.then((port) => (0,_github_records_js__WEBPACK_IMPORTED_MODULE_2__/* .findRecords */ .gP)(port, key))).catch((error) => {
            warnOnce(record, connection, 'read', error);
            return undefined;
        })
    };
    connections.set(record, connection);
    return record;
}
/** How long reading the earlier records may take in all (each call has 10 s); a slow GitHub costs no more. */
const LOOKUP_MS = 20_000;
function withinLookupTime(lookup) {
    let timer;
    const late = new Promise((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${LOOKUP_MS / 1000} s`)), LOOKUP_MS);
        timer.unref();
    });
    return Promise.race([lookup, late]).finally(() => clearTimeout(timer));
}
/** The final state of a run's record, by its status. */
const FINAL = {
    deployed: 'success',
    unchanged: 'success',
    // Not waited for: the record stays in progress, and is never taken for a success.
    building: undefined,
    failed: 'failure',
    unavailable: 'failure',
    registered: 'failure',
    'timed-out': 'error',
    error: 'error',
    cancelled: 'error',
    validated: undefined,
    'invalid-input': 'error'
};
/**
 * This run's record: a deployment for the commit in the environment with the whole
 * payload, `in_progress`, then its final state, and `inactive` on this script's superseded
 * records. Only for a run that has a script hash; a GitHub problem is one warning.
 */
async function recordRun(record, result) {
    const connection = connections.get(record);
    const spec = result.spec;
    if (!connection || connection.warned || !spec || !result.hash || !result.apiVersion || !record.manifest)
        return;
    try {
        const where = await (0,_publish_records_js__WEBPACK_IMPORTED_MODULE_4__/* .provenance */ .aH)();
        const port = await connection.port;
        const failed = Boolean(result.error);
        const state = failed
            ? FINAL[result.status] === 'success'
                ? 'failure'
                : FINAL[result.status]
            : FINAL[result.status];
        const earlier = await record.earlier;
        const payload = (0,_github_records_js__WEBPACK_IMPORTED_MODULE_2__/* .recordPayload */ .oO)(record.key, {
            operation: spec.script.operation,
            apiVersion: result.apiVersion,
            scriptHash: result.hash,
            digest: result.digest ?? '',
            manifest: record.manifest,
            // An unchanged run keeps the build time of the script it kept: the next wait's hint.
            buildSeconds: result.buildSeconds ?? (result.status === 'unchanged' ? earlier?.latestSuccessful?.buildSeconds : undefined),
            smokeTest: result.smokeTest.outcome,
            status: result.status,
            url: result.url
        });
        const logUrl = where.runUrl;
        const what = `${spec.script.name} ${result.hash.slice(0, 12)}`;
        const id = await (0,_github_records_js__WEBPACK_IMPORTED_MODULE_2__/* .createRecord */ .eC)(port, {
            key: record.key,
            sha: where.commit ?? process.env.GITHUB_SHA ?? '',
            payload,
            description: (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_3__/* .plainInert */ .V8)(`Neomaril ${spec.script.operation} script ${what} (${result.status})`),
            inProgress: { state: 'in_progress', description: (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_3__/* .plainInert */ .V8)(`Deploying ${what}`), logUrl },
            final: state && {
                state,
                description: (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_3__/* .plainInert */ .V8)(`${result.status}: ${what}; smoke test ${result.smokeTest.outcome}`),
                environmentUrl: state === 'success' ? result.url : undefined,
                logUrl
            },
            supersedes: state === 'success' ? await (0,_github_records_js__WEBPACK_IMPORTED_MODULE_2__/* .liveRecords */ .rQ)(port, record.key) : []
        });
        result.deploymentId = id;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Recorded as deployment ${id} in environment '${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(record.key.environment)}' (${state ?? 'in progress'}).`);
    }
    catch (error) {
        warnOnce(record, connection, 'write', error);
    }
}
/**
 * The run's one GitHub problem with its records (the first: the others follow from it),
 * for the warning at the end of the step that names a missing permission with the
 * workflow line that grants it.
 */
function warnOnce(record, connection, access, error) {
    if (connection.warned)
        return;
    connection.warned = true;
    const environment = (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(record.key.environment);
    // Writing the record needs write; reading the earlier ones needs read, which write includes.
    const permission = 'deployments: write';
    const consequence = access === 'write'
        ? `this deploy is not recorded in environment '${environment}'`
        : `the records of environment '${environment}' cannot be read, so nothing is skipped and none is made`;
    (connection.result.gitHubProblems ??= []).push({ error, permission, consequence });
}


/***/ }),

/***/ 32042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ planAgainstRecord),
  t: () => (/* binding */ showPlan)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: ./src/github/records.ts + 1 modules
var records = __webpack_require__(22276);
// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(94105);
// EXTERNAL MODULE: ./src/shared/python-version.ts
var python_version = __webpack_require__(6950);
;// CONCATENATED MODULE: ./src/local-checks/plan.ts


/** The register form's fields the plan names; any other field that differs is listed by its own name. */
const FIELD_LABELS = {
    python_version: 'Python',
    script_reference: 'Entrypoint',
    operation: 'Operation'
};
const NO_RECORD = 'No earlier deploy of this script is recorded in this environment: there is nothing to compare with.';
/**
 * The plan: what changes from the `previous` manifest (the newest successful record's) to
 * the `current` one — files added, removed and changed (by sha256, or by size where a side
 * has no hash: the .env file is never hashed), with sizes before → after; the Python
 * version, entrypoint, operation, API and any other register field; the requirement lines
 * added and removed. What the plan cannot know is said, never counted as a change: the
 * .env file's values without digests, the API under `apiUndecided`. Pure: no file or network
 * is read. The previous manifest came from a record on GitHub, so every part of it is read
 * as possibly missing.
 */
function planChanges(previous, current, options = {}) {
    if (!previous)
        return { hasChanges: undefined, markdown: NO_RECORD };
    const { digests } = options;
    const lines = [
        ...fileLines(previous, current),
        ...settingLines(previous, current, options),
        ...requirementLines(previous, current)
    ];
    // What the manifests cannot show (the .env file's values), the digests do: deploy mode passes them.
    if (lines.length === 0 && digests && digests.recorded !== digests.current)
        lines.push(unlistedChange(current));
    const notes = unknowns(previous, current, options);
    if (lines.length === 0)
        return {
            hasChanges: false,
            markdown: ['No changes: the same files and settings as the last recorded deploy.', ...notes].join('\n\n')
        };
    return { hasChanges: true, markdown: [lines.join('\n').trimEnd(), ...notes].join('\n\n') };
}
/** What the plan cannot compare, in words: the API a deploy would take, the .env file's values. */
function unknowns(previous, current, options) {
    const notes = [];
    if (options.apiUndecided && previous.api !== current.api)
        notes.push(`*API: the last deploy went through ${(0,inert/* markdownCode */.D9)(String(previous.api ?? '?'))}; under \`api-version: auto\` ` +
            'a deploy takes `v2` on a current server and `v1` on a v1-only one, and validate mode does not ask the ' +
            'server, so this is not counted as a change.*');
    if (!options.digests && current.files.some((file) => file.part === 'env'))
        notes.push("*The `.env` file's values are not compared: they are compared keyed by the password, which only a " +
            'deploy has.*');
    return notes;
}
/**
 * The line for a digest that changed while the manifests look the same: the .env file's
 * values (hashed into the digest keyed by the password, never into the manifest), or the
 * password itself; with no .env file, something outside what the plan lists.
 */
function unlistedChange(current) {
    return current.files.some((file) => file.part === 'env')
        ? "- The `.env` file's values changed, at the same size (or the password changed): the digest, which " +
            "holds them keyed by the password, differs from the record's."
        : "- The digest differs from the record's, though no file or setting the plan lists did.";
}
function keyOf(file) {
    return `${file.part}/${file.name}`;
}
function filesOf(manifest) {
    const files = Array.isArray(manifest.files) ? manifest.files : [];
    return new Map(files.filter((file) => file && typeof file.name === 'string').map((file) => [keyOf(file), file]));
}
/** A part's name as the manifest spells them (source, requirements, …); anything else from a record is not shown. */
function partOf(file) {
    return /^[a-z]{1,20}$/.test(String(file.part)) ? file.part : '?';
}
function changed(before, after) {
    if (before.sha256 && after.sha256)
        return before.sha256 !== after.sha256;
    return before.size !== after.size;
}
/** A size for a table cell: bytes, with KiB or MiB beside them when large. */
function formatSize(bytes) {
    if (typeof bytes !== 'number' || !Number.isFinite(bytes))
        return '?';
    const exact = `${bytes.toLocaleString('en-US')} B`;
    if (bytes < 1024)
        return exact;
    const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / 1024 / 1024, 'MiB'];
    return `${value.toFixed(1)} ${unit} (${exact})`;
}
function fileLines(previous, current) {
    const before = filesOf(previous);
    const after = filesOf(current);
    const rows = [];
    const row = (file, change, from, to) => rows.push(`| ${(0,inert/* markdownCode */.D9)(file.name, { table: true })} | ${partOf(file)} | ${change} | ${from} | ${to} |`);
    for (const [key, file] of after) {
        const old = before.get(key);
        if (!old)
            row(file, 'added', '—', formatSize(file.size));
        else if (changed(old, file))
            row(file, 'changed', formatSize(old.size), formatSize(file.size));
    }
    for (const [key, file] of before)
        if (!after.has(key))
            row(file, 'removed', formatSize(file.size), '—');
    if (rows.length === 0)
        return [];
    return ['| file | part | change | before | after |', '|---|---|---|---:|---:|', ...rows, ''];
}
function settingLines(previous, current, options) {
    const lines = [];
    const before = previous.fields ?? {};
    const after = current.fields ?? {};
    const keys = [...new Set([...Object.keys(FIELD_LABELS), ...Object.keys(after), ...Object.keys(before)])];
    for (const key of keys) {
        const from = before[key] === undefined ? undefined : String(before[key]);
        const to = after[key] === undefined ? undefined : String(after[key]);
        if (from === to)
            continue;
        const shown = (value) => value === undefined
            ? '*(none)*'
            : (0,inert/* markdownCode */.D9)(key === 'python_version' ? ((0,python_version/* pythonFromWire */.Ot)(value) ?? value) : value);
        lines.push(`- ${FIELD_LABELS[key] ?? (0,inert/* markdownCode */.D9)(key)}: ${shown(from)} → ${shown(to)}`);
    }
    if (previous.api !== current.api && !options.apiUndecided)
        lines.push(`- API: ${(0,inert/* markdownCode */.D9)(String(previous.api ?? '?'))} → ${(0,inert/* markdownCode */.D9)(current.api)}`);
    return lines;
}
function requirementLines(previous, current) {
    const before = Array.isArray(previous.requirements) ? previous.requirements.map(String) : undefined;
    const after = current.requirements ?? [];
    if (!before) {
        const file = current.files.find((entry) => entry.part === 'requirements');
        const old = file && filesOf(previous).get(keyOf(file));
        return file && old && changed(old, file)
            ? ['- Requirements: the file changed; the last record does not list its lines.']
            : [];
    }
    const added = without(after, before);
    const removed = without(before, after);
    if (added.length === 0 && removed.length === 0)
        return [];
    return [
        '- Requirements:',
        ...added.map((line) => `  - added ${(0,inert/* markdownCode */.D9)(line)}`),
        ...removed.map((line) => `  - removed ${(0,inert/* markdownCode */.D9)(line)}`)
    ];
}
/** The lines of `lines` not in `other`, counting repeats (a multiset difference), in their order. */
function without(lines, other) {
    const left = new Map();
    for (const line of other)
        left.set(line, (left.get(line) ?? 0) + 1);
    return lines.filter((line) => {
        const count = left.get(line) ?? 0;
        if (count > 0)
            left.set(line, count - 1);
        return count === 0;
    });
}

// EXTERNAL MODULE: ./src/publish/github-client.ts
var github_client = __webpack_require__(67426);
;// CONCATENATED MODULE: ./src/modes/plan-phase.ts





/** The permission reading the records needs, for the warning. */
const READ_PERMISSION = 'deployments: read';
/**
 * The plan (local-checks/plan.ts): the upload's manifest against the one of the newest
 * successful record of this script (server, group, name) in the `environment`. Needs the
 * GitHub token only, no MLOps secret, so it works on a fork's pull request. Without an
 * environment there is nothing to compare with; a GitHub problem is one warning.
 */
async function planAgainstRecord(ctx, manifest) {
    const { spec, result } = ctx;
    const environment = spec.records.environment;
    if (!environment)
        return;
    if (!spec.connection.apiUrl) {
        core/* notice */.lm(`environment is '${(0,inert/* oneLine */.TN)(environment)}', but url is empty: records are kept per server, so there is ` +
            'no plan. Set url (not a secret) to the server the script is deployed to.');
        return;
    }
    const client = await (0,github_client/* gitHubClient */.X)(spec.records.token);
    if (!client) {
        core/* notice */.lm(`No plan: there is no github-token or GITHUB_REPOSITORY to read the records of '${(0,inert/* oneLine */.TN)(environment)}'.`);
        return;
    }
    await core/* group */.Os(`Plan against the last deploy in '${(0,inert/* oneLine */.TN)(environment)}'`, async () => {
        try {
            const record = await (0,records/* findLatestRecord */.Gq)(client, {
                environment,
                server: spec.connection.apiUrl,
                group: spec.group,
                name: spec.script.name
            });
            if (record)
                result.previousHash ??= { hash: record.scriptHash, from: 'record' };
            showPlan(ctx, record, manifest);
        }
        catch (error) {
            const consequence = `the records of environment '${(0,inert/* oneLine */.TN)(environment)}' cannot be read, so there is no plan`;
            (result.gitHubProblems ??= []).push({ error, permission: READ_PERMISSION, consequence });
            core/* info */.pq('No plan: GitHub did not answer (the warning at the end says why).');
        }
    });
}
/**
 * Sets and prints the plan against `record` (undefined: the environment has no record of
 * the script yet). Deploy mode calls it once the records were read (modes/github-record.ts).
 */
function showPlan(ctx, record, manifest) {
    // A deploy's digest holds the .env file's values keyed by the password: it settles what the manifests cannot.
    const { digest } = ctx.result;
    const digests = record && digest && ctx.spec.mode === 'deploy' ? { recorded: record.digest, current: digest } : undefined;
    // Validate mode sends no probe: under api-version auto, an Async script's API is the server's to decide.
    const { operation } = ctx.spec.script;
    const apiUndecided = ctx.spec.mode !== 'deploy' && operation === 'Async' && ctx.spec.apiVersion === 'auto';
    ctx.result.plan = planChanges(record?.payload.manifest, manifest, { digests, apiUndecided });
    if (record)
        core/* info */.pq(`The last recorded deploy: ${record.scriptHash} (deployment ${record.deploymentId}).`);
    (0,inert/* printInert */.C6)(ctx.result.plan.markdown);
}


/***/ })

};
