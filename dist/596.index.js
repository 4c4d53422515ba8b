export const id = 596;
export const ids = [596,470];
export const modules = {

/***/ 61235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FG: () => (/* binding */ logCall),
/* harmony export */   OI: () => (/* binding */ logPoll),
/* harmony export */   ko: () => (/* binding */ logOutage)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77094);
/* harmony import */ var _shared_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85497);
/* harmony import */ var _shared_inert_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94105);



/** A check of a wait, as a progress line. */
function logPoll(what) {
    return (poll) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`[${(0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(poll.elapsedMs).padStart(6)}] ${what} ${poll.check}: ${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .T)(poll.status)}`);
}
/** A status check that failed even after its retries: the wait goes on for a while. */
function logOutage(error, outageMs) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`A status check failed (${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .T)(error.message)}); still waiting${outageMs > 0 ? `, the server has not answered for ${(0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(outageMs)}` : ''}.`);
}
/** An API call as it is made, for the log (v2 makes one per file). */
function logCall(call) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .T)(call)}`);
}


/***/ }),

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
 *   a few seconds of lag (README "The poll schedule").
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

// EXTERNAL MODULE: ./src/steps/wait.ts + 1 modules
var wait = __webpack_require__(19455);
// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(94105);
// EXTERNAL MODULE: ./src/steps/connect.ts + 3 modules
var connect = __webpack_require__(17960);
// EXTERNAL MODULE: ./src/modes/context.ts
var context = __webpack_require__(61235);
// EXTERNAL MODULE: ./src/modes/smoke-test.ts
var smoke_test = __webpack_require__(72470);
;// CONCATENATED MODULE: ./src/modes/deploy.ts











/** deploy mode: connect → pick the API → register (+ uploads) → host → wait → smoke test. */
async function deployMode(ctx) {
    const { spec, result } = ctx;
    const session = await (0,connect/* connect */.Ng)((0,connect/* newTransport */.OV)(spec, ctx.signal, ctx.deadline), spec, result, ctx.localChecks);
    const api = await (0,connect/* chooseDeployApi */.dy)(session, spec, result);
    ctx.api = api;
    await registerAndHost(ctx, api);
    if (spec.wait.enabled) {
        ctx.deadline.at = Date.now() + spec.wait.timeoutMs;
        await waitForBuild(ctx, api);
    }
    else
        core/* notice */.lm(`Not waiting for the build of ${result.hash} (wait: false).`);
    if (spec.smokeTest.enabled)
        await (0,smoke_test.runSmokeTest)(ctx, api, spec);
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
            Object.assign(result.datasetHashes, registered.datasetHashes);
        }
        catch (error) {
            // Stopped mid-upload, the server may still have registered the script.
            if (error instanceof errors/* CancelledError */.cc)
                throw new errors/* CancelledError */.cc(signalOf(error), `during the register call: the script '${spec.script.name}' may have been registered all the same; look for it in Neomaril before deploying again`);
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
 * Starts looking up how long the script's previous build took (deploy/history.ts), for
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


/***/ }),

/***/ 72470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runSmokeTest: () => (/* binding */ runSmokeTest),
/* harmony export */   smokeTestMode: () => (/* binding */ smokeTestMode)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77094);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_duration_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(85497);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57381);
/* harmony import */ var _steps_register_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7042);
/* harmony import */ var _steps_smoke_test_run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65313);
/* harmony import */ var _shared_inert_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(94105);
/* harmony import */ var _steps_connect_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17960);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(61235);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(85698);











/** smoke-test mode: the script given by preprocessing-id must be Deployed; its API, operation and Python come from the server. */
async function smokeTestMode(ctx) {
    const session = await (0,_steps_connect_js__WEBPACK_IMPORTED_MODULE_6__/* .connect */ .Ng)((0,_steps_connect_js__WEBPACK_IMPORTED_MODULE_6__/* .newTransport */ .OV)(ctx.spec, ctx.signal, ctx.deadline), ctx.spec, ctx.result, ctx.localChecks);
    const { api, deployed } = await findDeployed(ctx, session);
    ctx.api = api;
    if (deployed.smokeTest.enabled)
        await runSmokeTest(ctx, api, deployed);
}
/**
 * Where the hash lives, by the same probe as a deploy: its v2 status answers for a v2
 * script, and 404 for a v1 one (or on a server without v2); then the v1 status.
 */
async function locate(session, hash, asked) {
    if (asked === 'v1')
        return { version: 'v1', state: await session.v1.status(session.group, hash), probe: 'api-version: v1' };
    const v2 = await session.v2.locate(hash);
    if (v2)
        return { version: 'v2', state: v2, probe: `GET /v2/preprocessing/${hash}/status answered 200` };
    if (asked === 'v2')
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz([
            {
                input: 'preprocessing-id',
                problem: `${hash} is not a v2 script on this server (its v2 status answered 404).`,
                fix: 'Check the hash, or set api-version: auto or v1 for a v1 script.'
            }
        ]);
    try {
        return {
            version: 'v1',
            state: await session.v1.status(session.group, hash),
            probe: `GET /v2/preprocessing/${hash}/status answered 404, the v1 status answered`
        };
    }
    catch (error) {
        if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ApiError */ .hD && error.status === 404) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz([
                {
                    input: 'preprocessing-id',
                    problem: `${hash} is neither a v2 nor a v1 script in group '${session.group}' (both status calls answered 404).`,
                    fix: 'Use the preprocessing-id output of the deploy, and the same group.'
                }
            ]);
        }
        throw error;
    }
}
async function findDeployed(ctx, session) {
    const { spec, result } = ctx;
    const hash = spec.preprocessingId;
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Find the deployed script', async () => {
        const { version, state, probe } = await locate(session, hash, spec.apiVersion);
        result.hash = hash;
        result.apiVersion = version;
        result.apiProbe = probe;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`API: ${version} (${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .T)(probe)}).`);
        const api = (0,_steps_connect_js__WEBPACK_IMPORTED_MODULE_6__/* .apiOf */ .ir)(session, version);
        if (state.status !== 'Deployed') {
            result.status = state.status === 'Failed' ? 'failed' : 'unavailable';
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DeployFailedError */ .P2(state.status, state.message, hash);
        }
        result.status = 'deployed';
        if (state.datasetHash)
            result.datasetHashes.deployed = state.datasetHash;
        const described = await api.describe(hash);
        const operation = described.operation === 'Async' ? 'Async' : described.operation === 'Sync' ? 'Sync' : spec.script.operation;
        if (spec.script.operationGiven && operation !== spec.script.operation) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz([
                {
                    input: 'operation',
                    problem: `is '${spec.script.operation}', but ${hash} is an ${operation} script.`,
                    fix: 'Remove the operation input, or fix it.'
                }
            ]);
        }
        if (operation === 'Sync' && spec.smokeTest.syncInput === undefined) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz([
                {
                    input: 'smoke-test-input',
                    problem: `${hash} is a Sync script, but the sample is not JSON.`,
                    fix: 'Give a JSON sample (inline or a .json file).'
                }
            ]);
        }
        if (operation === 'Async' && (0,_steps_register_js__WEBPACK_IMPORTED_MODULE_9__/* .smokeTestDatasets */ .rs)(spec).length === 0) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz([
                {
                    input: 'smoke-test-input',
                    problem: `${hash} is an Async script, but the sample is not a file.`,
                    fix: 'Point smoke-test-input (or schema) at a dataset file.'
                }
            ]);
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${hash} is Deployed (${operation}, ${version}).`);
        // PythonVersion is 'Python310' on the wire; the output says '3.10'.
        const python = /^Python3(\d+)$/.exec(described.pythonVersion ?? '')?.[1];
        const pythonVersion = python && _inputs_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .PYTHON_VERSIONS */ .fN.includes(`3.${python}`)
            ? `3.${python}`
            : spec.script.pythonVersion;
        const deployed = { ...spec, script: { ...spec.script, operation, pythonVersion } };
        result.spec = deployed;
        return { api, deployed };
    });
}
/** The smoke test after Deployed, in deploy and smoke-test modes; its own deadline (smoke-test-timeout). */
async function runSmokeTest(ctx, api, spec) {
    const { result } = ctx;
    if (result.status !== 'deployed') {
        result.smokeTest = { outcome: 'skipped', reason: `the script is not deployed (status ${result.status})` };
        return;
    }
    ctx.deadline.at = Date.now() + spec.smokeTest.timeoutMs;
    const hash = result.hash;
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Smoke test', async () => {
        try {
            if (spec.script.operation === 'Sync') {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Running ${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .T)(spec.script.entrypoint)} on the sample (sync run).`);
                result.smokeTest = await (0,_steps_smoke_test_run_js__WEBPACK_IMPORTED_MODULE_4__/* .smokeTestSync */ .P9)(api, hash, spec.smokeTest.syncInput, spec.smokeTest.expect);
            }
            else {
                const datasets = (0,_steps_register_js__WEBPACK_IMPORTED_MODULE_9__/* .smokeTestDatasets */ .rs)(spec);
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Uploading ${datasets.map((d) => (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .T)(`${d.name} (${d.file.filename})`)).join(', ')} as the input of an async execution (${api.version}).`);
                result.smokeTest = await (0,_steps_smoke_test_run_js__WEBPACK_IMPORTED_MODULE_4__/* .smokeTestAsync */ .so)(api, hash, datasets, {
                    timeoutMs: spec.smokeTest.timeoutMs,
                    pollIntervalMs: spec.wait.pollIntervalMs,
                    resultPath: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(result.recordsDir, api.resultFormat === 'parquet' ? 'smoke-test-result.parquet' : 'smoke-test-result.zip'),
                    signal: ctx.signal,
                    onPoll: (0,_context_js__WEBPACK_IMPORTED_MODULE_7__/* .logPoll */ .OI)('execution check'),
                    onCall: _context_js__WEBPACK_IMPORTED_MODULE_7__/* .logCall */ .FG,
                    onTransientFailure: _context_js__WEBPACK_IMPORTED_MODULE_7__/* .logOutage */ .ko
                });
            }
        }
        catch (error) {
            if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc)
                throw error;
            result.smokeTest = { ...result.smokeTest, outcome: 'failed', reason: `the run call failed: ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_8__/* .messageFor */ .X)(error)}` };
        }
        const smoke = result.smokeTest;
        if (smoke.resultRows !== undefined)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Result: ${smoke.resultRows} rows; columns ${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .T)((smoke.resultColumns ?? []).join(', '))}.`);
        if (smoke.outcome === 'passed') {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Smoke test passed in ${(0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_10__/* .formatDuration */ .a3)(smoke.elapsedMs ?? 0)}.`);
            return;
        }
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SmokeTestFailedError */ .t$(`Smoke test failed: ${smoke.reason}.`);
    });
}


/***/ }),

/***/ 17960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ir: () => (/* binding */ apiOf),
  dy: () => (/* binding */ chooseDeployApi),
  Ng: () => (/* binding */ connect),
  OV: () => (/* binding */ newTransport)
});

// UNUSED EXPORTS: chooseGroup

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/api/api.ts
var api = __webpack_require__(23632);
// EXTERNAL MODULE: ./src/api/transport.ts
var api_transport = __webpack_require__(53841);
// EXTERNAL MODULE: ./src/api/wire.ts
var wire = __webpack_require__(95847);
;// CONCATENATED MODULE: ./src/api/v1.ts



/**
 * A sync run's answer is judged by the smoke test, errors included (a raising
 * entrypoint answers 500); only "busy, come back" answers go through the retry path.
 */
const RUN_ANSWERS = Array.from({ length: 500 }, (_, i) => i + 100).filter((status) => status !== 429 && status !== 503 && status !== 401);
/** The v1 calls (neomaril-api.md §2), each one `Call` sent through the transport. */
class V1Api {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** G1: the names of the groups this user can see (the same call on current servers). */
    async listGroups() {
        const body = await this.transport.json({
            method: 'GET',
            path: '/groups',
            auth: 'user',
            safety: 'read',
            ok: [200]
        });
        return (body.Results ?? []).map((group) => group.Name).filter((name) => typeof name === 'string');
    }
    /** P1: registers the script and returns its hash. Sent again only while the server refuses it before acting. */
    async register(group, fields, files) {
        const path = `/preprocessing/register/${(0,api_transport/* seg */.aJ)(group)}`;
        // Sent once and maybe acted on: never sent again, so say what to look for.
        const body = await (0,api_transport/* sendWrite */.As)(this.transport, {
            method: 'POST',
            path,
            auth: 'user',
            safety: 'write',
            ok: [201, 200],
            body: () => (0,api_transport/* multipart */.fo)(fields, files),
            effect: { what: 'register', undone: 'not registered' }
        }, {
            mayHaveActed: `the script '${fields.name ?? ''}' may have been registered all the same: look for it in Neomaril before deploying again`
        });
        return checkedHash(body.Hash, 'POST', `/preprocessing/register/${group}`, this.transport);
    }
    /**
     * P2: starts the build. A GET on the wire, but it acts, so it is a write: the
     * client sends it again on its own only when the server provably did not act. After
     * an ambiguous failure (a reset, a timeout, a 5xx) the status says what happened:
     * once P2 has answered 202 the script is never 'Ready' again (contract §4), so
     * 'Ready' means the call did not act and may be sent again, and anything else means
     * the build started and the deploy goes on.
     */
    async host(operation, group, hash) {
        const call = {
            method: 'GET',
            path: `/preprocessing/${operation.toLowerCase()}/host/${(0,api_transport/* seg */.aJ)(group)}/${(0,api_transport/* seg */.aJ)(hash)}`,
            auth: 'user',
            safety: 'write',
            ok: [202, 200],
            effect: { what: 'host call', undone: 'the build did not start' }
        };
        await hostVerified(this.transport, call, () => this.status(group, hash));
    }
    /** P3: the script's state. 410 carries the same body (contract §4). */
    async status(group, hash, options = {}) {
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/status/${(0,api_transport/* seg */.aJ)(group)}/${(0,api_transport/* seg */.aJ)(hash)}`,
            auth: 'user',
            safety: 'read',
            ok: [200, 410],
            deadline: options.deadline
        });
        if (typeof body.Status !== 'string')
            throw new errors/* ApiError */.hD('GET', `/preprocessing/status/${group}/${hash}`, 200, 'the answer holds no Status');
        return { status: body.Status, message: typeof body.Message === 'string' ? body.Message : null };
    }
    /** P4: the script's description. */
    async describe(group, hash) {
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/describe/${(0,api_transport/* seg */.aJ)(group)}/${(0,api_transport/* seg */.aJ)(hash)}`,
            auth: 'user',
            safety: 'read',
            ok: [200]
        });
        return body.Description ?? {};
    }
    /**
     * P5: the group's scripts whose name matches `name` (the server's LIKE filter, over its
     * default span of days). Only well-formed hashes are kept: they go into later paths.
     */
    async search(group, name, options = {}) {
        const query = new URLSearchParams({ name, group });
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/search?${query}`,
            auth: 'user',
            safety: 'read',
            ok: [200],
            ...options
        });
        return (Array.isArray(body.Results) ? body.Results : []).flatMap((entry) => {
            if (typeof entry?.Hash !== 'string' ||
                !wire/* SCRIPT_HASH */.j_.test(entry.Hash) ||
                (typeof entry.Group === 'string' && entry.Group !== group))
                return [];
            const uploadedAt = typeof entry.UploadedAt === 'string' ? Date.parse(entry.UploadedAt) : NaN;
            return [
                {
                    hash: entry.Hash,
                    status: typeof entry.Status === 'string' ? entry.Status : '',
                    uploadedAt: Number.isFinite(uploadedAt) ? uploadedAt : undefined
                }
            ];
        });
    }
    /** P6: log entries, filtered by routine and type, over the given days (dd-mm-YYYY). */
    async logs(group, hash, query = {}, options = {}) {
        const params = new URLSearchParams();
        if (query.start)
            params.set('start', ddmmyyyy(query.start));
        if (query.end)
            params.set('end', ddmmyyyy(query.end));
        if (query.routine)
            params.set('routine', query.routine);
        if (query.type)
            params.set('type', query.type);
        const suffix = params.size > 0 ? `?${params}` : '';
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/logs/${(0,api_transport/* seg */.aJ)(group)}/${(0,api_transport/* seg */.aJ)(hash)}${suffix}`,
            auth: 'user',
            safety: 'read',
            ok: [200],
            ...options
        });
        return Array.isArray(body.Results) ? body.Results : [];
    }
    /** R1: runs a Sync script; answers the raw response so the caller can judge it. */
    async runSync(group, hash, input) {
        const payload = JSON.stringify({ Input: input });
        const { response, text } = await this.transport.send({
            method: 'POST',
            path: `/preprocessing/sync/run/${(0,api_transport/* seg */.aJ)(group)}/${(0,api_transport/* seg */.aJ)(hash)}`,
            auth: 'group',
            safety: 'write',
            ok: RUN_ANSWERS,
            read: 'text',
            body: () => ({ body: payload, headers: { 'Content-Type': 'application/json' } }),
            effect: { what: 'run', undone: 'it did not run' }
        });
        return { status: response.status, body: text ?? '' };
    }
    /** R2: starts an Async execution on the uploaded dataset; answers its id. */
    async runAsync(group, hash, dataset) {
        const body = await this.transport.json({
            method: 'POST',
            path: `/preprocessing/async/run/${(0,api_transport/* seg */.aJ)(group)}/${(0,api_transport/* seg */.aJ)(hash)}`,
            auth: 'group',
            safety: 'write',
            ok: [202, 200],
            body: () => (0,api_transport/* multipart */.fo)({}, [dataset]),
            effect: { what: 'run', undone: 'no execution was started' }
        });
        if (body.ExecutionId === undefined || body.ExecutionId === null || body.ExecutionId === '')
            throw new errors/* ApiError */.hD('POST', `/preprocessing/async/run/${group}/${hash}`, 202, 'the answer holds no ExecutionId');
        return String(body.ExecutionId);
    }
    /** E1: an execution's state. */
    async executionStatus(group, executionId, options = {}) {
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/async/status/${(0,api_transport/* seg */.aJ)(group)}/${(0,api_transport/* seg */.aJ)(executionId)}`,
            auth: 'group',
            safety: 'read',
            ok: [200, 410],
            deadline: options.deadline
        });
        if (typeof body.Status !== 'string')
            throw new errors/* ApiError */.hD('GET', `/preprocessing/async/status/${group}/${executionId}`, 200, 'the answer holds no Status');
        return { status: body.Status, message: typeof body.Message === 'string' ? body.Message : null };
    }
    /** E2: streams the execution's result (a zip) to a file; answers its size. */
    async downloadResult(group, executionId, destination) {
        const { size } = await this.transport.send({
            method: 'GET',
            path: `/preprocessing/async/result/${(0,api_transport/* seg */.aJ)(group)}/${(0,api_transport/* seg */.aJ)(executionId)}`,
            auth: 'group',
            safety: 'read',
            ok: [200, 410],
            read: { file: destination }
        });
        return size ?? 0;
    }
}
/**
 * A script hash from a register answer: only the contract's shape goes into paths,
 * the log and the step's outputs. Both APIs answer the same 'S…' hash.
 */
function checkedHash(hash, method, path, transport) {
    if (typeof hash !== 'string' || !hash) {
        throw new errors/* ApiError */.hD(method, path, 201, 'the answer holds no Hash: the script may have been registered, but its hash is unknown. Look for it in Neomaril before deploying again.');
    }
    if (!wire/* SCRIPT_HASH */.j_.test(hash)) {
        throw new errors/* ApiError */.hD(method, path, 201, `the answer's hash is malformed (${transport.text(hash, 80)}; expected S and 63 hex digits): the script may have been registered, but its hash is unknown. Look for it in Neomaril before deploying again.`);
    }
    return hash;
}
/**
 * A host call (v1 GET …/host, v2 PATCH …/status), sent again after an ambiguous
 * failure only when the status proves it did not act: a hosted script is never
 * 'Ready' again, so 'Ready' means "send it again" and anything else "the build started".
 */
async function hostVerified(transport, call, status) {
    for (let sent = 1;; sent++) {
        try {
            await transport.send(call);
            return;
        }
        catch (error) {
            if (!(0,api_transport/* isAmbiguous */.X2)(error) || sent >= transport.policy.attempts)
                throw error;
            const { status: now } = await status();
            if (now !== 'Ready') {
                transport.logger.info(`${call.method} ${call.path}: ${(0,api_transport/* describeFailure */.Ic)(error)}, but the script is now '${transport.line(now)}': the build started.`);
                return;
            }
            const delay = transport.backoff(sent);
            transport.stats.retries++;
            transport.logger.info(`${call.method} ${call.path}: ${(0,api_transport/* describeFailure */.Ic)(error)} and the script is still 'Ready': the call did not act; sending it again in ${(delay / 1000).toFixed(1)}s (send ${sent + 1} of ${transport.policy.attempts}).`);
            await transport.pause(delay);
        }
    }
}
function ddmmyyyy(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`;
}

;// CONCATENATED MODULE: ./src/api/v2.ts




const ROOT = '/v2/preprocessing';
/**
 * The v2 Async calls (mlops-current-api §5), every one with the user token, each
 * a `Call` sent through the same transport as v1, so retries follow the same rules:
 * a PATCH upload is a write.
 */
class V2Api {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /**
     * Whether the server serves the v2 routes at all, asked before anything is uploaded:
     * `GET /v2/preprocessing` (the list, read-only). A route that exists answers 200
     * with JSON whatever the scripts; an older server has no such route and answers 404.
     * A status of a made-up hash would answer 404 on both, so it cannot tell them apart.
     */
    async served(group) {
        const path = `${ROOT}?group=${(0,api_transport/* seg */.aJ)(group)}`;
        try {
            await this.transport.json({ method: 'GET', path, auth: 'user', safety: 'read', ok: [200] });
            return true;
        }
        catch (error) {
            if (error instanceof errors/* ApiError */.hD && error.status === 404)
                return false;
            throw error;
        }
    }
    /** R: registers an Async script; answers its hash. */
    async register(group, name) {
        const path = `${ROOT}/${(0,api_transport/* seg */.aJ)(group)}`;
        const body = await this.write({
            method: 'POST',
            path,
            auth: 'user',
            safety: 'write',
            ok: [201, 200],
            body: (0,api_transport/* jsonBody */.J9)({ Name: name, Operation: 'Async' }),
            effect: { what: 'register', undone: 'not registered' }
        }, `the group '${group}' is unknown to the v2 API`, `the script '${name}' may have been registered all the same: look for it in MLOps before deploying again`);
        return checkedHash(body.PreprocessHash, 'POST', path, this.transport);
    }
    /** S: one named dataset of the schema; answers its DatasetHash. */
    async uploadSchema(hash, dataset) {
        const path = `${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/schema`;
        const body = await this.upload(path, { dataset_name: dataset.name }, { ...dataset.file, part: 'schema_file' }, `schema dataset '${dataset.name}'`);
        return checkedDataset(body.DatasetHash, path, this.transport);
    }
    /** F: the source file, with its entrypoint and Python ('Python310'). */
    async uploadScript(hash, file, entrypoint, pythonVersion) {
        await this.upload(`${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/script-file`, { preprocess_reference: entrypoint, python_version: pythonVersion }, { ...file, part: 'script' }, 'script file');
    }
    /** Q: the requirements file. */
    async uploadRequirements(hash, file) {
        await this.upload(`${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/requirements-file`, {}, { ...file, part: 'requirements' }, 'requirements file');
    }
    /** V: the .env file (its content is never printed). */
    async uploadEnv(hash, file) {
        await this.upload(`${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/env-file`, {}, { ...file, part: 'env' }, 'env file');
    }
    /** X: one extra file, under its upload name. */
    async uploadExtra(hash, file) {
        await this.upload(`${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/extra-file`, { extra_file_name: file.filename }, { ...file, part: 'extra_file' }, `extra file '${file.filename}'`);
    }
    /** H: starts the build; after an ambiguous failure the status decides whether to send it again (as v1's host). */
    async host(hash) {
        const call = {
            method: 'PATCH',
            path: `${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/status`,
            auth: 'user',
            safety: 'write',
            ok: [202, 200, 201],
            effect: { what: 'host call', undone: 'the build did not start' }
        };
        await hostVerified(this.transport, call, () => this.status(hash));
    }
    /** T: the script's state; `DatasetHash` once Deployed. */
    async status(hash, options = {}) {
        const path = `${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/status`;
        const body = await this.transport.json({
            method: 'GET',
            path,
            auth: 'user',
            safety: 'read',
            ok: [200],
            deadline: options.deadline
        });
        if (typeof body.Status !== 'string')
            throw new errors/* ApiError */.hD('GET', path, 200, 'the answer holds no Status');
        const datasetHash = typeof body.DatasetHash === 'string' && wire/* DATASET_HASH */.wr.test(body.DatasetHash) ? body.DatasetHash : undefined;
        return { status: body.Status, message: typeof body.Message === 'string' ? body.Message : null, datasetHash };
    }
    /**
     * Whether `hash` is a v2 script on this server: its v2 status answers. A v1 hash
     * answers 404 there (mlops-current-api §6), as does any hash on an older server.
     */
    async locate(hash) {
        try {
            return await this.status(hash);
        }
        catch (error) {
            if (error instanceof errors/* ApiError */.hD && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** The v2 describe: `State`, and whatever else the server says. */
    async describe(hash) {
        return this.transport.json({
            method: 'GET',
            path: `${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}`,
            auth: 'user',
            safety: 'read',
            ok: [200]
        });
    }
    /** E1: a new execution; answers its id (the integer quoted in the answer's Message). */
    async createExecution(hash) {
        const path = `${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/execution`;
        const body = await this.write({
            method: 'POST',
            path,
            auth: 'user',
            safety: 'write',
            ok: [201, 200],
            effect: { what: 'execution create', undone: 'no execution was created' }
        }, `${hash} is not a v2 script on this server`, 'an execution may have been created all the same');
        const id = typeof body.Message === 'string' ? wire/* EXECUTION_ID_IN_MESSAGE */.R5.exec(body.Message)?.[1] : undefined;
        if (!id)
            throw new errors/* ApiError */.hD('POST', path, 201, `the answer holds no execution id (Message: ${this.transport.text(String(body.Message ?? ''), 120)})`);
        return id;
    }
    /** E2: one input dataset of an execution; answers its DatasetHash. */
    async uploadInput(hash, executionId, dataset) {
        const path = `${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/execution/${(0,api_transport/* seg */.aJ)(executionId)}/input`;
        const body = await this.upload(path, { dataset_name: dataset.name }, { ...dataset.file, part: 'input' }, `input dataset '${dataset.name}'`);
        return checkedDataset(body.DatasetHash, path, this.transport);
    }
    /** E3: runs the execution. */
    async runExecution(hash, executionId) {
        await this.write({
            method: 'PATCH',
            path: `${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/execution/${(0,api_transport/* seg */.aJ)(executionId)}/run`,
            auth: 'user',
            safety: 'write',
            ok: [201, 200, 202],
            effect: { what: 'run', undone: 'it did not run' }
        }, `execution ${executionId} of ${hash} is unknown to the server`, 'the execution may have started all the same');
    }
    /** E4: the execution's state; `OutputDatasetHash` once Succeeded. */
    async executionStatus(hash, executionId, options = {}) {
        const path = `${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/execution/${(0,api_transport/* seg */.aJ)(executionId)}/status`;
        const body = await this.transport.json({
            method: 'GET',
            path,
            auth: 'user',
            safety: 'read',
            ok: [200],
            deadline: options.deadline
        });
        if (typeof body.Status !== 'string')
            throw new errors/* ApiError */.hD('GET', path, 200, 'the answer holds no Status');
        const output = typeof body.OutputDatasetHash === 'string' && wire/* DATASET_HASH */.wr.test(body.OutputDatasetHash)
            ? body.OutputDatasetHash
            : undefined;
        return {
            status: body.Status,
            message: typeof body.Message === 'string' ? body.Message : null,
            outputDatasetHash: output
        };
    }
    /** E5: streams the result (parquet) to a file; answers its size. */
    async downloadResult(hash, executionId, destination) {
        const { size } = await this.transport.send({
            method: 'GET',
            path: `${ROOT}/${(0,api_transport/* seg */.aJ)(hash)}/execution/${(0,api_transport/* seg */.aJ)(executionId)}/result`,
            auth: 'user',
            safety: 'read',
            ok: [200],
            read: { file: destination }
        });
        return size ?? 0;
    }
    upload(path, fields, file, what) {
        return this.write({
            method: 'PATCH',
            path,
            auth: 'user',
            safety: 'write',
            ok: [201, 200],
            body: () => (0,api_transport/* multipart */.fo)(fields, [file]),
            effect: { what: `upload of the ${what}`, undone: 'not uploaded' }
        }, 'the script hash is unknown to the v2 API', `the ${what} may have been uploaded all the same`);
    }
    write(call, notFound, mayHaveActed) {
        return (0,api_transport/* sendWrite */.As)(this.transport, call, { notFound, mayHaveActed });
    }
}
function checkedDataset(hash, path, transport) {
    if (typeof hash === 'string' && wire/* DATASET_HASH */.wr.test(hash))
        return hash;
    throw new errors/* ApiError */.hD('PATCH', path, 201, `the answer holds no DatasetHash (D and 63 hex digits) but ${transport.text(JSON.stringify(hash ?? null), 80)}`);
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./node_modules/http-proxy-agent/dist/index.js
var dist = __webpack_require__(28947);
// EXTERNAL MODULE: ./node_modules/https-proxy-agent/dist/index.js + 1 modules
var https_proxy_agent_dist = __webpack_require__(71566);
// EXTERNAL MODULE: ./node_modules/proxy-from-env/index.js
var proxy_from_env = __webpack_require__(98182);
;// CONCATENATED MODULE: ./src/api/proxy.ts





/**
 * The agent for a URL, honouring HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case,
 * read from the environment by proxy-from-env), as self-hosted runners behind
 * corporate proxies need. Undefined means "connect directly". One agent per proxy,
 * so connections are reused across calls.
 */
function proxyAgents() {
    const agents = new Map();
    return (url) => {
        const proxy = (0,proxy_from_env/* getProxyForUrl */.T)(url.toString());
        if (!proxy)
            return undefined;
        const key = `${url.protocol}${proxy}`;
        let agent = agents.get(key);
        if (!agent) {
            agent =
                url.protocol === 'https:'
                    ? new TunnelAgent(proxy, { keepAlive: true })
                    : new dist/* HttpProxyAgent */.s(proxy, { keepAlive: true });
            agents.set(key, agent);
        }
        return agent;
    };
}
/**
 * https-proxy-agent starts TLS over the tunnel without the host when the host is an
 * IP address (no SNI for IPs), so Node checks the certificate against 'localhost' and
 * an https://10.0.0.5 server with a certificate for 10.0.0.5 fails as
 * ERR_TLS_CERT_ALTNAME_INVALID. Checking against the URL's own host mends that.
 */
class TunnelAgent extends https_proxy_agent_dist/* HttpsProxyAgent */.b {
    async connect(req, opts) {
        const host = opts.host;
        if (opts.secureEndpoint && host && (0,external_node_net_.isIP)(host) && !('checkServerIdentity' in opts && opts.checkServerIdentity)) {
            return super.connect(req, {
                ...opts,
                checkServerIdentity: (_name, cert) => (0,external_node_tls_.checkServerIdentity)(host, cert)
            });
        }
        return super.connect(req, opts);
    }
}

// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(94105);
// EXTERNAL MODULE: ./src/shared/secrets.ts
var secrets = __webpack_require__(33260);
;// CONCATENATED MODULE: ./src/steps/connect.ts









/** The longest a write the server refuses before acting is sent again (README "Retries"), inside wait-timeout. */
const WRITE_BUDGET_MS = 120_000;
function newTransport(spec, signal, deadline) {
    return new api_transport/* Transport */.oK({
        ...spec.connection,
        retry: {
            attempts: 5,
            baseDelayMs: 500,
            maxDelayMs: 8000,
            maxRetryAfterMs: 30_000,
            writeBudgetMs: Math.min(WRITE_BUDGET_MS, spec.wait.timeoutMs)
        },
        deadline: () => deadline.at,
        // Server text reaches these lines; one line each, so none can start a workflow command.
        logger: {
            debug: (message) => core/* debug */.Yz((0,inert/* oneLine */.T)(message)),
            info: (message) => core/* info */.pq((0,inert/* oneLine */.T)(message)),
            warning: (message) => core/* warning */.$e((0,inert/* oneLine */.T)(message))
        },
        signal,
        onToken: secrets/* addSecret */.Ck,
        redact: secrets/* redact */.E$,
        agent: proxyAgents()
    });
}
/**
 * Health (read-only, nothing secret) runs beside the local checks; the login waits
 * for both, so no password leaves the runner before every local check has passed.
 */
async function connect(transport, spec, result, localChecks) {
    return core/* group */.Os('Connect', async () => {
        // Both settle before anything is judged: a local problem is reported first, whatever health said.
        const [health, local] = await Promise.allSettled([transport.health(), localChecks]);
        if (local.status === 'rejected')
            throw local.reason;
        if (health.status === 'rejected')
            throw health.reason;
        const version = health.value;
        result.serverVersion = version;
        core/* info */.pq(`Server ${spec.connection.apiUrl} answers, version ${(0,inert/* oneLine */.T)(version)}.`);
        await transport.logIn();
        const tenant = spec.connection.tenant;
        core/* info */.pq(`Logged in as ${(0,inert/* oneLine */.T)(spec.connection.login)}${tenant === undefined ? '' : ` (tenant ${(0,inert/* oneLine */.T)(tenant)})`}.`);
        const v1 = new V1Api(transport);
        const group = chooseGroup(await v1.listGroups(), spec.group, spec.groupNormalised);
        result.group = group;
        return { transport, v1, v2: new V2Api(transport), group };
    });
}
/**
 * The group as /groups spells it: the name as given when it is there (current
 * servers match exactly), else the 2.1.1 normalisation with a notice naming both.
 */
function chooseGroup(visible, given, normalised) {
    if (visible.includes(given)) {
        core/* info */.pq(`Group '${(0,inert/* oneLine */.T)(given)}' exists.`);
        return given;
    }
    if (normalised !== given && visible.includes(normalised)) {
        core/* notice */.lm(`Group '${(0,inert/* oneLine */.T)(given)}' is not on the server, but '${(0,inert/* oneLine */.T)(normalised)}' (its 2.1.1 normalisation) is: using '${(0,inert/* oneLine */.T)(normalised)}'. Write it that way to silence this notice; servers since 2.2.1 match names exactly.`);
        return normalised;
    }
    throw new errors/* InputError */.dz([
        {
            input: 'group',
            problem: `'${given}'${normalised !== given ? ` (or '${normalised}')` : ''} is not a group this user can see (visible: ${visible.length > 0 ? visible.join(', ') : 'none'}).`,
            fix: 'Use one of those, exactly as spelled, or create the group first.'
        }
    ]);
}
/**
 * The API a deploy uses: v1 for Sync (the platform has no v2 Sync), the one asked
 * for, or with `auto` v2 when the read-only probe finds its routes (v2.served).
 */
async function chooseDeployApi(session, spec, result) {
    const { apiVersion } = spec;
    const { datasets } = spec.script;
    let version;
    if (spec.script.operation === 'Sync') {
        version = 'v1';
        result.apiProbe = 'Sync scripts use v1';
    }
    else if (apiVersion !== 'auto') {
        version = apiVersion;
        result.apiProbe = `api-version: ${apiVersion}`;
    }
    else {
        const served = await session.v2.served(session.group);
        version = served ? 'v2' : 'v1';
        result.apiProbe = `GET /v2/preprocessing?group=${session.group} answered ${served ? '200: the server serves v2' : '404: no v2 routes (an older server)'}`;
    }
    core/* info */.pq(`API: ${version} (${(0,inert/* oneLine */.T)(result.apiProbe)}).`);
    if (version === 'v1' && datasets.length > 1) {
        throw new errors/* InputError */.dz([
            {
                input: 'schema',
                problem: `names ${datasets.length} datasets, but this deploy goes through v1 (${result.apiProbe}), which takes one schema file.`,
                fix: 'Give one schema file, or deploy to a server with the v2 API (api-version: auto or v2).'
            }
        ]);
    }
    result.apiVersion = version;
    return apiOf(session, version);
}
function apiOf(session, version) {
    return version === 'v2'
        ? (0,api/* v2Preprocessing */.HF)(session.v2, session.v1, session.group)
        : (0,api/* v1Preprocessing */.S3)(session.v1, session.group);
}


/***/ })

};
