export const id = 209;
export const ids = [209];
export const modules = {

/***/ 23632:
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
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _shared_python_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6950);


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

/***/ 7042:
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
