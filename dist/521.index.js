export const id = 521;
export const ids = [521];
export const modules = {

/***/ 93459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HF: () => (/* binding */ v2Preprocessing),
/* harmony export */   MJ: () => (/* binding */ v1RegisterFields),
/* harmony export */   Px: () => (/* binding */ v2Uploads),
/* harmony export */   S3: () => (/* binding */ v1Preprocessing),
/* harmony export */   Z$: () => (/* binding */ hostCall),
/* harmony export */   h5: () => (/* binding */ runEndpoint),
/* harmony export */   uA: () => (/* binding */ registerCall)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26289);
/* harmony import */ var _shared_python_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57277);


/** The form fields of the v1 register call (docs/platform-contract.md); the manifest shows them. */
function v1RegisterFields(script) {
    return {
        name: script.name,
        script_reference: script.entrypoint,
        operation: script.operation,
        python_version: (0,_shared_python_version_js__WEBPACK_IMPORTED_MODULE_1__/* .pythonWireForm */ .iY)(script.pythonVersion)
    };
}
/** The register call, as the log, the manifest and deployment.json name it. */
function registerCall(version, group) {
    return version === 'v2' ? `POST /v2/preprocessing/${group}` : `POST /preprocessing/register/${group}`;
}
/** The host call, named the same way. */
function hostCall(version, operation, group, hash) {
    return version === 'v2'
        ? `PATCH /v2/preprocessing/${hash}/status`
        : `GET /preprocessing/${operation.toLowerCase()}/host/${group}/${hash}`;
}
/**
 * Where the deployed script is called (the `url` output, for a workflow's environment.url):
 * v1's run call for its operation, or v2's execution call (an Async run starts there).
 */
function runEndpoint(apiUrl, version, operation, group, hash) {
    const base = apiUrl.replace(/\/+$/, '');
    return version === 'v2'
        ? `${base}/v2/preprocessing/${encodeURIComponent(hash)}/execution`
        : `${base}/preprocessing/${operation.toLowerCase()}/run/${encodeURIComponent(group)}/${encodeURIComponent(hash)}`;
}
/**
 * The v2 uploads after the register, in the order docs/platform-contract.md gives:
 * each schema dataset, script-file, requirements, env, extras; the host comes after.
 * The deploy sends them and validate mode's manifest lists them, from this one list.
 */
function v2Uploads(script) {
    const of = (part) => script.files.filter((file) => file.part === part);
    return [
        ...script.datasets.map((dataset) => ({
            call: (hash) => `PATCH /v2/preprocessing/${hash}/schema (${dataset.name})`,
            send: (v2, hash) => v2.uploadSchema(hash, dataset),
            dataset: dataset.name
        })),
        ...of('source').map((file) => ({
            call: (hash) => `PATCH /v2/preprocessing/${hash}/script-file`,
            send: (v2, hash) => v2.uploadScript(hash, file, script.entrypoint, (0,_shared_python_version_js__WEBPACK_IMPORTED_MODULE_1__/* .pythonWireForm */ .iY)(script.pythonVersion))
        })),
        ...of('requirements').map((file) => ({
            call: (hash) => `PATCH /v2/preprocessing/${hash}/requirements-file`,
            send: (v2, hash) => v2.uploadRequirements(hash, file)
        })),
        ...of('env').map((file) => ({
            call: (hash) => `PATCH /v2/preprocessing/${hash}/env-file`,
            send: (v2, hash) => v2.uploadEnv(hash, file)
        })),
        ...of('extra').map((file) => ({
            call: (hash) => `PATCH /v2/preprocessing/${hash}/extra-file (${file.filename})`,
            send: (v2, hash) => v2.uploadExtra(hash, file)
        }))
    ];
}
/** Sync scripts, and Async scripts on servers without v2. */
function v1Preprocessing(v1, group) {
    return {
        version: 'v1',
        resultFormat: 'zip',
        async register(script, onCall) {
            onCall?.(registerCall('v1', group));
            const hash = await v1.register(group, v1RegisterFields(script), script.files);
            return { hash, calls: [registerCall('v1', group)], datasetHashes: {} };
        },
        host: (operation, hash) => v1.host(operation, group, hash),
        status: (hash, options) => v1.status(group, hash, options),
        describe: async (hash) => {
            const described = await v1.describe(group, hash);
            return {
                name: stringOr(described.Name),
                operation: stringOr(described.Operation),
                pythonVersion: stringOr(described.PythonVersion)
            };
        },
        logs: (hash, routine, options) => v1.logs(group, hash, { routine }, options),
        findByName: (name, options) => v1.search(group, name, options),
        runSync: (hash, input) => v1.runSync(group, hash, input),
        async startExecution(hash, inputs) {
            // v1 takes one file, as the `dataset` part.
            const [first] = inputs;
            if (!first || inputs.length > 1)
                throw new Error(`a v1 Async run takes exactly one dataset, not ${inputs.length}`);
            return { id: await v1.runAsync(group, hash, { ...first.file, part: 'dataset' }), inputHashes: {} };
        },
        executionStatus: (_hash, id, options) => v1.executionStatus(group, id, options),
        downloadResult: (_hash, id, destination) => v1.downloadResult(group, id, destination)
    };
}
/** Async scripts on current servers (docs/platform-contract.md); logs through the v1 URL, the only one there is. */
function v2Preprocessing(v2, v1, group) {
    return {
        version: 'v2',
        resultFormat: 'parquet',
        async register(script, onCall) {
            const calls = [];
            const step = (call) => {
                calls.push(call);
                onCall?.(call);
            };
            step(registerCall('v2', group));
            const hash = await v2.register(group, script.name);
            const datasetHashes = {};
            for (const upload of v2Uploads(script)) {
                step(upload.call(hash));
                const datasetHash = await upload.send(v2, hash);
                if (upload.dataset && datasetHash)
                    datasetHashes[upload.dataset] = datasetHash;
            }
            return { hash, calls, datasetHashes };
        },
        host: (_operation, hash) => v2.host(hash),
        status: (hash, options) => v2.status(hash, options),
        describe: async (hash) => {
            const described = await v2.describe(hash);
            return {
                name: stringOr(described.Name),
                operation: stringOr(described.Operation) ?? 'Async',
                pythonVersion: stringOr(described.PythonVersion)
            };
        },
        async logs(hash, routine, options) {
            try {
                return await v1.logs(group, hash, { routine }, options);
            }
            catch (error) {
                // No client knows a v2 logs route; a server that keeps none for v2 scripts is no failure.
                if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD && error.status === 404)
                    return [];
                throw error;
            }
        },
        // No findByName: the v2 list has no name filter and its entries' names are unknown (docs/platform-contract.md).
        runSync: () => Promise.reject(new Error('the platform has no v2 Sync run')),
        async startExecution(hash, inputs, onCall) {
            onCall?.(`POST /v2/preprocessing/${hash}/execution`);
            const id = await v2.createExecution(hash);
            const inputHashes = {};
            for (const input of inputs) {
                onCall?.(`PATCH /v2/preprocessing/${hash}/execution/${id}/input (${input.name})`);
                inputHashes[input.name] = await v2.uploadInput(hash, id, input);
            }
            onCall?.(`PATCH /v2/preprocessing/${hash}/execution/${id}/run`);
            await v2.runExecution(hash, id);
            return { id, inputHashes };
        },
        executionStatus: (hash, id, options) => v2.executionStatus(hash, id, options),
        downloadResult: (hash, id, destination) => v2.downloadResult(hash, id, destination)
    };
}
function stringOr(value) {
    return typeof value === 'string' ? value : undefined;
}


/***/ }),

/***/ 9235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   smokeTestMode: () => (/* binding */ smokeTestMode)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48848);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(26289);
/* harmony import */ var _shared_python_version_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(57277);
/* harmony import */ var _steps_register_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2955);
/* harmony import */ var _inputs_unused_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(788);
/* harmony import */ var _shared_inert_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24568);
/* harmony import */ var _shared_api_choice_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(606);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(54532);
/* harmony import */ var _smoke_test_phase_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(14679);









/**
 * smoke-test mode: the script given by preprocessing-id must be Deployed; its API,
 * operation and Python come from the server.
 */
async function smokeTestMode(ctx) {
    const session = await (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .connect */ .Ng)((0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .newTransport */ .OV)(ctx.spec, ctx.signal, ctx.deadline), ctx.spec, ctx.result, ctx.localChecks);
    const { api, deployed } = await findDeployed(ctx, session);
    ctx.api = api;
    if (deployed.smokeTest.enabled)
        await (0,_smoke_test_phase_js__WEBPACK_IMPORTED_MODULE_5__/* .runSmokeTest */ .p)(ctx, api, deployed);
}
/**
 * Where the hash lives, by the same probe as a deploy: its v2 status answers for a v2
 * script, and 404 for a v1 one (or on a server without v2); then the v1 status.
 */
async function locate(session, hash, asked) {
    const candidates = (0,_shared_api_choice_js__WEBPACK_IMPORTED_MODULE_6__/* .apiCandidates */ .xs)(undefined, asked);
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
        const api = (0,_session_js__WEBPACK_IMPORTED_MODULE_4__/* .apiOf */ .ir)(session, version);
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
                    problem: `is '${spec.script.operation}', but ${hash} is an ${operation} script.`,
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
        // Known only now: the table's error for an expectation an Async result cannot meet (inputs/unused-inputs.ts).
        if (operation === 'Async' && spec.smokeTest.expect !== undefined)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([_inputs_unused_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .ASYNC_EXPECT */ .Vk]);
        if (operation === 'Async' && (0,_steps_register_js__WEBPACK_IMPORTED_MODULE_7__/* .smokeTestDatasets */ .rs)(spec).length === 0) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([
                {
                    input: 'smoke-test-input',
                    problem: `${hash} is an Async script, but the sample is not a file.`,
                    fix: 'Point smoke-test-input (or schema) at a dataset file.'
                }
            ]);
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${hash} is Deployed (${operation}, ${version}).`);
        // PythonVersion is 'Python310' on the wire; the output says '3.10'.
        const pythonVersion = (0,_shared_python_version_js__WEBPACK_IMPORTED_MODULE_8__/* .pythonFromWire */ .Ot)(described.pythonVersion) ?? spec.script.pythonVersion;
        const deployed = { ...spec, script: { ...spec.script, operation, pythonVersion } };
        result.spec = deployed;
        return { api, deployed };
    });
}


/***/ }),

/***/ 2955:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   "if": () => (/* binding */ scriptPackage),
/* harmony export */   rs: () => (/* binding */ smokeTestDatasets),
/* harmony export */   tX: () => (/* binding */ registerScript)
/* harmony export */ });
const partOf = (file) => ({
    part: file.part,
    filename: file.uploadName,
    localPath: file.localPath,
    inline: file.inline,
    size: file.size
});
/** What the deploy uploads, for whichever API takes it; files streamed from disk. */
function scriptPackage(spec) {
    const { script } = spec;
    return {
        name: script.name,
        entrypoint: script.entrypoint,
        operation: script.operation,
        pythonVersion: script.pythonVersion,
        files: script.files.map(partOf),
        datasets: spec.script.datasets.map((dataset) => ({ name: dataset.name, file: partOf(dataset.file) }))
    };
}
/** Registers the script (and, on v2, uploads each file); answers its hash and the calls made. */
function registerScript(api, spec, onCall) {
    return api.register(scriptPackage(spec), onCall);
}
/** The smoke test's datasets as parts: v1 uploads one as `dataset`, v2 each under its name. */
function smokeTestDatasets(spec) {
    return (spec.smokeTest.datasets ?? []).map((dataset) => ({ name: dataset.name, file: partOf(dataset.file) }));
}


/***/ })

};
