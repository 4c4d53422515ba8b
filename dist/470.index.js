export const id = 470;
export const ids = [470];
export const modules = {

/***/ 72470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   smokeTestMode: () => (/* binding */ smokeTestMode)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77094);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _api_wire_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(95847);
/* harmony import */ var _inputs_api_fit_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(84535);
/* harmony import */ var _shared_python_version_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6950);
/* harmony import */ var _steps_register_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(7042);
/* harmony import */ var _inputs_async_expect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20075);
/* harmony import */ var _shared_inert_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94105);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(24646);
/* harmony import */ var _shared_api_choice_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(38077);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58044);
/* harmony import */ var _smoke_test_phase_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(95156);
/* harmony import */ var _pipeline_phase_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(47021);













/**
 * smoke-test mode: the script given by preprocessing-id must be Deployed; its API,
 * operation and Python come from the server.
 */
async function smokeTestMode(ctx) {
    const session = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .connect */ .Ng)((0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .newTransport */ .OV)(ctx.spec, ctx.signal, ctx.deadline), ctx.spec, ctx.result, ctx.localChecks);
    const { api, deployed } = await findDeployed(ctx, session);
    ctx.api = api;
    if (deployed.smokeTest.enabled) {
        await (0,_pipeline_phase_js__WEBPACK_IMPORTED_MODULE_6__/* .checkPipelineModel */ .U)(ctx, session, deployed.script.operation);
        await (0,_smoke_test_phase_js__WEBPACK_IMPORTED_MODULE_5__/* .runSmokeTest */ .p)(ctx, api, deployed);
    }
}
/**
 * Where the hash lives, by the same probe as a deploy: its v2 status answers for a v2
 * script, and 404 for a v1 one (or on a server without v2); then the v1 status.
 */
async function locate(session, hash, asked) {
    const candidates = (0,_shared_api_choice_js__WEBPACK_IMPORTED_MODULE_7__/* .apiCandidates */ .xs)(undefined, asked);
    if (!candidates.includes('v2'))
        return { version: 'v1', state: await session.v1.status(session.group, hash), probe: 'api-version: v1' };
    const v2 = await session.v2.locate(hash);
    if (v2)
        return { version: 'v2', state: v2, probe: `GET /v2/preprocessing/${hash}/status answered 200` };
    if (!candidates.includes('v1'))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([
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
        if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD && error.status === 404) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([
                {
                    input: 'preprocessing-id',
                    problem: `${hash} is neither a v2 nor a v1 script in group '${session.group}' ` +
                        '(both status calls answered 404).',
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
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`API: ${version} (${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(probe)}).`);
        // Known only now: a v1 script's run calls need the group token (v2 runs use the user's).
        const unfit = (0,_inputs_api_fit_js__WEBPACK_IMPORTED_MODULE_8__/* .problemsOnApi */ .Sc)(spec, version, probe);
        if (unfit.length > 0)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(unfit);
        const api = (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .apiOf */ .ir)(session, version);
        if (_api_wire_js__WEBPACK_IMPORTED_MODULE_9__/* .BUILDING_STATES */ .Gq.includes(state.status)) {
            result.status = 'building';
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SmokeTestFailedError */ .t$(`${hash} is still '${state.status}': its build has not ended, so there is no deployed script to test yet. ` +
                'Run smoke-test mode once the build is Deployed, e.g. after a deploy step that waits for it ' +
                "(wait: true, with a 'wait-timeout' longer than the build).");
        }
        if (state.status !== 'Deployed') {
            result.status = state.status === 'Failed' ? 'failed' : 'unavailable';
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DeployFailedError */ .P2(state.status, state.message, hash);
        }
        result.status = 'deployed';
        if (state.datasetHash)
            result.datasetHashes.deployed = state.datasetHash;
        const described = await api.describe(hash);
        const operation = described.operation === 'Async' ? 'Async' : described.operation === 'Sync' ? 'Sync' : spec.script.operation;
        if (spec.script.operationGiven && operation !== spec.script.operation) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([
                {
                    input: 'operation',
                    problem: `is '${spec.script.operation}', but ${hash} is ${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_10__/* .withArticle */ .vJ)(operation)} script.`,
                    fix: 'Remove the operation input, or fix it.'
                }
            ]);
        }
        if (operation === 'Sync' && spec.smokeTest.syncInput === undefined) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([
                {
                    input: 'smoke-test-input',
                    problem: `${hash} is a Sync script, but the sample is not JSON.`,
                    fix: 'Give a JSON sample (inline or a .json file).'
                }
            ]);
        }
        // Known only now: smoke-test-expect is read as an Async expectation, before any execution.
        const asyncExpect = operation === 'Async' && spec.smokeTest.expect !== undefined ? asyncExpectation(spec.smokeTest.expect) : undefined;
        if (operation === 'Async' && (0,_steps_register_js__WEBPACK_IMPORTED_MODULE_11__/* .smokeTestDatasets */ .rs)(spec).length === 0) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([
                {
                    input: 'smoke-test-input',
                    problem: `${hash} is an Async script, but the sample is not a file.`,
                    fix: 'Point smoke-test-input (or schema) at a dataset file.'
                }
            ]);
        }
        result.operation = operation;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${hash} is Deployed (${operation}, ${version}).`);
        // PythonVersion is 'Python310' on the wire; the output says '3.10'.
        const pythonVersion = (0,_shared_python_version_js__WEBPACK_IMPORTED_MODULE_12__/* .pythonFromWire */ .Ot)(described.pythonVersion) ?? spec.script.pythonVersion;
        const deployed = {
            ...spec,
            script: { ...spec.script, operation, pythonVersion },
            smokeTest: { ...spec.smokeTest, asyncExpect }
        };
        result.spec = deployed;
        return { api, deployed };
    });
}
/** smoke-test-expect read for a script the server says is Async; an input error when it does not fit. */
function asyncExpectation(value) {
    const parsed = (0,_inputs_async_expect_js__WEBPACK_IMPORTED_MODULE_2__/* .parseAsyncExpectation */ ._d)(value);
    if ('problem' in parsed)
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([{ input: 'smoke-test-expect', ...parsed }]);
    return parsed.expectation;
}


/***/ })

};
