export const id = 682;
export const ids = [682];
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

/***/ 36501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ digestOf),
/* harmony export */   u: () => (/* binding */ buildManifest)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _steps_register_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2955);
/* harmony import */ var _api_api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93459);
/* harmony import */ var _shared_api_choice_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(606);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76763);






/**
 * The manifest of an upload. The .env file is listed by name only: a hash of a small
 * secrets file could be brute-forced. Hashing streams the files, so a large extra
 * file costs time, not memory; `hashFiles: false` skips it when time is short.
 * Paths are shown relative to `cwd` (the workspace: pass spec.workspace).
 */
async function buildManifest(spec, cwd, options = { hashFiles: true }) {
    // Datasets beyond the one v1 schema part (v2 named datasets) are uploaded too.
    const datasetOf = new Map(spec.script.datasets.map((d) => [d.file, d.name]));
    const uploads = [
        ...spec.script.files,
        ...spec.script.datasets.map((d) => d.file).filter((file) => !spec.script.files.includes(file))
    ];
    // One file at a time: thousands of extra files must not open thousands of descriptors.
    const files = [];
    for (const file of uploads) {
        files.push({
            part: file.part,
            name: file.uploadName,
            path: file.localPath ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(cwd, file.localPath) : '(inline)',
            size: file.size,
            sha256: file.part === 'env' || !options.hashFiles ? undefined : await (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_3__/* .sha256Of */ .Bj)(file),
            dataset: datasetOf.get(file)
        });
    }
    const api = (0,_shared_api_choice_js__WEBPACK_IMPORTED_MODULE_4__/* .likelyApi */ .zY)(spec.script.operation, spec.apiVersion);
    const uploadCalls = api === 'v2' ? (0,_api_api_js__WEBPACK_IMPORTED_MODULE_1__/* .v2Uploads */ .Px)((0,_steps_register_js__WEBPACK_IMPORTED_MODULE_5__/* .scriptPackage */ ["if"])(spec)).map((upload) => upload.call('{hash}')) : [];
    const calls = [
        (0,_api_api_js__WEBPACK_IMPORTED_MODULE_1__/* .registerCall */ .uA)(api, spec.group),
        ...uploadCalls,
        (0,_api_api_js__WEBPACK_IMPORTED_MODULE_1__/* .hostCall */ .Z$)(api, spec.script.operation, spec.group, '{hash}')
    ];
    return { group: spec.group, api, calls, fields: (0,_api_api_js__WEBPACK_IMPORTED_MODULE_1__/* .v1RegisterFields */ .MJ)(spec.script), files };
}
/**
 * The `digest` output: `sha256:` of what the manifest says reaches the server — the group,
 * the API, the register's form fields and every file's part, upload name, dataset name and
 * sha256 (not its path in the repository: moving a file changes nothing uploaded). The same
 * content gives the same digest on any runner, so a deploy record's digest says whether
 * anything changed.
 *
 * The .env file is in the manifest by name only (its hash could be brute-forced), yet a
 * changed value must change the digest: its content enters as an HMAC-SHA256 keyed by the
 * server password, which only who can deploy knows, so the digest reveals nothing of it.
 * A new password therefore changes the digest once (one deploy more); without a password
 * (validate mode) the .env's content is not in the digest, so such a digest never equals
 * a deploy's when there is a .env.
 */
async function digestOf(manifest, spec) {
    const env = spec.script.files.find((file) => file.part === 'env');
    const password = spec.connection.password;
    const envPart = !env ? undefined : password ? `hmac-sha256:${await hmacOf(env, password)}` : 'unkeyed';
    const canonical = JSON.stringify({
        group: manifest.group,
        api: manifest.api,
        fields: Object.entries(manifest.fields).sort(([a], [b]) => a.localeCompare(b)),
        files: manifest.files.map((f) => [f.part, f.name, f.dataset ?? null, f.sha256 ?? null]),
        env: envPart ?? null
    });
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.createHash)('sha256').update(canonical).digest('hex')}`;
}
async function hmacOf(file, key) {
    const hmac = (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.createHmac)('sha256', key);
    if (file.inline)
        hmac.update(file.inline);
    else if (file.localPath)
        for await (const chunk of (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_3__/* .streamFile */ .Pq)(file.localPath))
            hmac.update(chunk);
    return hmac.digest('hex');
}


/***/ }),

/***/ 16934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ writeOutputs),
/* harmony export */   Y: () => (/* binding */ outputsOf)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48848);
/* harmony import */ var _shared_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84553);


/**
 * The step outputs (action.yml); every one is written, empty when unknown. They are the
 * action's own values and are never rewritten by redaction (docs/security.md), except the
 * server's version, which is server text.
 */
function outputsOf(result) {
    const spec = result.spec;
    return {
        'preprocessing-id': result.hash ?? '',
        status: result.status,
        operation: spec?.script.operation ?? '',
        group: result.group ?? spec?.group ?? '',
        'python-version': spec?.script.pythonVersion ?? '',
        'server-version': (0,_shared_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(result.serverVersion ?? ''),
        'api-version': result.apiVersion ?? '',
        'build-seconds': result.buildSeconds === undefined ? '' : String(result.buildSeconds),
        'smoke-test': result.smokeTest.outcome,
        'smoke-test-output': result.smokeTestOutput ?? '',
        'execution-id': result.smokeTest.executionId ?? '',
        'logs-file': result.logsFile ?? '',
        'artifact-id': result.artifact?.id === undefined ? '' : String(result.artifact.id),
        'artifact-url': result.artifact?.url ?? '',
        'result-file': result.resultFile ?? '',
        manifest: result.manifest ? JSON.stringify(result.manifest) : '',
        url: result.url ?? '',
        digest: result.digest ?? '',
        'previous-preprocessing-id': result.previousHash?.hash ?? '',
        'deployment-id': result.deploymentId === undefined ? '' : String(result.deploymentId)
    };
}
function writeOutputs(result) {
    for (const [name, value] of Object.entries(outputsOf(result)))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
}


/***/ }),

/***/ 41682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ recordFiles),
/* harmony export */   Wh: () => (/* binding */ writeRecords),
/* harmony export */   aH: () => (/* binding */ provenance),
/* harmony export */   tH: () => (/* binding */ writeResultFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _steps_logs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60517);
/* harmony import */ var _local_checks_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(36501);
/* harmony import */ var _shared_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(84553);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(16934);






async function provenance() {
    const { context } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.bind(__webpack_require__, 51193));
    const repository = process.env.GITHUB_REPOSITORY || undefined;
    const runUrl = repository && context.runId ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}` : undefined;
    return {
        repository,
        commit: context.sha || undefined,
        ref: context.ref || undefined,
        actor: context.actor || undefined,
        workflow: context.workflow || undefined,
        runId: context.runId || undefined,
        runAttempt: context.runAttempt || undefined,
        runUrl
    };
}
/**
 * Writes a file into the records folder. The caller has redacted what came from outside
 * (`outside`); the action's own values are written as they are (docs/security.md).
 */
function writeRecord(dir, name, content) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, content);
    return path;
}
/** JSON text, laid out for reading; always valid JSON (nothing rewrites the text after it is made). */
const json = (value) => JSON.stringify(value, undefined, 2) + '\n';
/** A value that came from outside (server text, a run's answer), its strings redacted one by one. */
const outside = _shared_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redactValue */ .FI;
/**
 * The run's records: deployment.json (what was deployed, from where), the logs as
 * JSON and text, the smoke test's request and response (the async result zip is
 * downloaded here directly). The .env file's content and every secret stay out.
 */
async function writeRecords(result, where, cwd, options) {
    const dir = result.recordsDir;
    const spec = result.spec;
    const files = spec ? (await (0,_local_checks_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .buildManifest */ .u)(spec, cwd, options)).files : [];
    writeRecord(dir, 'deployment.json', json({
        script: spec && {
            name: spec.script.name,
            entrypoint: spec.script.entrypoint,
            operation: spec.script.operation,
            pythonVersion: spec.script.pythonVersion,
            inputType: spec.script.inputType,
            group: result.group ?? spec.group
        },
        server: spec && { apiUrl: spec.connection.apiUrl, version: outside(result.serverVersion) },
        api: result.apiVersion && {
            version: result.apiVersion,
            probe: outside(result.apiProbe),
            calls: result.apiCalls,
            datasetHashes: result.datasetHashes
        },
        files,
        hash: result.hash,
        status: result.status,
        smokeTest: result.smokeTest.outcome,
        timings: {
            startedAt: result.startedAt.toISOString(),
            finishedAt: result.finishedAt?.toISOString(),
            buildSeconds: result.buildSeconds,
            statusChecks: result.statusChecks,
            previousBuild: result.previousBuild
        },
        // The behaviour asked for (secrets and the .env content are not part of it).
        settings: spec && {
            mode: spec.mode,
            wait: spec.wait,
            requestTimeoutMs: spec.connection.requestTimeoutMs,
            smokeTest: {
                enabled: spec.smokeTest.enabled,
                timeoutMs: spec.smokeTest.timeoutMs,
                expect: spec.smokeTest.expect
            },
            artifact: spec.artifact
        },
        source: where
    }));
    if (result.manifest)
        writeRecord(dir, 'manifest.json', json(result.manifest));
    // validate mode talks to no server, so it has no logs to keep.
    if (spec?.mode === 'validate')
        return recordSmokeTest(result, dir);
    writeRecord(dir, 'logs.json', json(outside({ host: result.hostLogs, run: result.runLogs })));
    const text = [
        `# Build (Host) log: ${result.hostLogs.length} entries`,
        (0,_steps_logs_js__WEBPACK_IMPORTED_MODULE_5__/* .formatLogEntries */ .cP)(result.hostLogs),
        `# Run log: ${result.runLogs.length} entries`,
        (0,_steps_logs_js__WEBPACK_IMPORTED_MODULE_5__/* .formatLogEntries */ .cP)(result.runLogs)
    ].join('\n');
    result.logsFile = writeRecord(dir, 'logs.txt', (0,_shared_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(text) + '\n');
    recordSmokeTest(result, dir);
}
/** The smoke test's request and response (the async result zip is downloaded here directly). */
function recordSmokeTest(result, dir) {
    const smoke = result.smokeTest;
    if (smoke.request) {
        writeRecord(dir, 'smoke-test-request.json', json(smoke.request));
        let body = smoke.responseBody;
        try {
            body = JSON.parse(smoke.responseBody ?? '');
        }
        catch {
            // kept as text
        }
        result.smokeTestOutput = writeRecord(dir, 'smoke-test-response.json', json({ status: smoke.responseStatus, body: outside(body) }));
    }
    if (smoke.resultFile)
        result.smokeTestOutput = smoke.resultFile;
}
/** result.json: everything the run decided, for a later gate step to read. */
function writeResultFile(result) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(result.recordsDir, 'result.json');
    const { spec, ...rest } = result;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, json({
        outputs: (0,_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .outputsOf */ .Y)(result),
        error: outside(rest.error),
        smokeTest: outside({ ...rest.smokeTest, responseBody: undefined }),
        contract: rest.contract,
        artifact: rest.artifact,
        recordsDir: rest.recordsDir,
        publishWarnings: outside(rest.publishWarnings),
        startedAt: rest.startedAt,
        finishedAt: rest.finishedAt,
        script: spec && { name: spec.script.name, group: spec.group, operation: spec.script.operation }
    }));
    return path;
}
function recordFiles(dir) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name));
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
