export const id = 478;
export const ids = [478];
export const modules = {

/***/ 93459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HF: () => (/* binding */ v2Preprocessing),
/* harmony export */   MJ: () => (/* binding */ v1RegisterFields),
/* harmony export */   Px: () => (/* binding */ v2Uploads),
/* harmony export */   S3: () => (/* binding */ v1Preprocessing),
/* harmony export */   Z$: () => (/* binding */ hostCall),
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
            return { operation: stringOr(described.Operation), pythonVersion: stringOr(described.PythonVersion) };
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
            return { operation: stringOr(described.Operation) ?? 'Async', pythonVersion: stringOr(described.PythonVersion) };
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
/* harmony export */   u: () => (/* binding */ buildManifest)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _steps_register_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2955);
/* harmony import */ var _api_api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93459);
/* harmony import */ var _shared_api_choice_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(606);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76763);





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
            sha256: file.part === 'env' || !options.hashFiles ? undefined : await (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Of */ .Bj)(file),
            dataset: datasetOf.get(file)
        });
    }
    const api = (0,_shared_api_choice_js__WEBPACK_IMPORTED_MODULE_3__/* .likelyApi */ .zY)(spec.script.operation, spec.apiVersion);
    const uploadCalls = api === 'v2' ? (0,_api_api_js__WEBPACK_IMPORTED_MODULE_1__/* .v2Uploads */ .Px)((0,_steps_register_js__WEBPACK_IMPORTED_MODULE_4__/* .scriptPackage */ ["if"])(spec)).map((upload) => upload.call('{hash}')) : [];
    const calls = [
        (0,_api_api_js__WEBPACK_IMPORTED_MODULE_1__/* .registerCall */ .uA)(api, spec.group),
        ...uploadCalls,
        (0,_api_api_js__WEBPACK_IMPORTED_MODULE_1__/* .hostCall */ .Z$)(api, spec.script.operation, spec.group, '{hash}')
    ];
    return { group: spec.group, api, calls, fields: (0,_api_api_js__WEBPACK_IMPORTED_MODULE_1__/* .v1RegisterFields */ .MJ)(spec.script), files };
}


/***/ }),

/***/ 99478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ../../main/node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(48848);
// EXTERNAL MODULE: ./src/steps/logs.ts
var logs = __webpack_require__(60517);
// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(24568);
// EXTERNAL MODULE: ./src/shared/secrets.ts
var secrets = __webpack_require__(84553);
;// CONCATENATED MODULE: ./src/publish/outputs.ts


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
        operation: result.operation ?? '',
        group: result.group ?? spec?.group ?? '',
        'python-version': spec?.script.pythonVersion ?? '',
        'server-version': (0,secrets/* redact */.E$)(result.serverVersion ?? ''),
        'api-version': result.apiVersion ?? '',
        'build-seconds': result.buildSeconds === undefined ? '' : String(result.buildSeconds),
        'smoke-test': result.smokeTest.outcome,
        'smoke-test-output': result.smokeTestOutput ?? '',
        'execution-id': result.smokeTest.executionId ?? '',
        'logs-file': result.logsFile ?? '',
        'artifact-id': result.artifact?.id === undefined ? '' : String(result.artifact.id),
        'artifact-url': result.artifact?.url ?? '',
        'result-file': result.resultFile ?? '',
        manifest: result.manifest ? JSON.stringify(result.manifest) : ''
    };
}
function writeOutputs(result) {
    for (const [name, value] of Object.entries(outputsOf(result)))
        core/* setOutput */.uH(name, value);
}

// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(18470);
;// CONCATENATED MODULE: ./src/publish/summary.ts




const STATUS_ICON = {
    deployed: '✅',
    validated: '✅',
    building: '⏳',
    'timed-out': '⌛',
    cancelled: '🛑',
    registered: '❌',
    failed: '❌',
    unavailable: '❌',
    'invalid-input': '❌',
    error: '❌'
};
const SMOKE_TEST_ICON = { passed: '✅', skipped: '➖', failed: '❌' };
const EXCERPT_CHARS = 1500;
/**
 * A job summary a reviewer can read at a glance. Everything is escaped; text from outside
 * (server text, run answers, errors) is redacted (`outside`), the action's own values
 * (name, group, operation…) are shown as they are (docs/security.md).
 */
async function writeSummary(result, where) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const spec = result.spec;
    const smoke = result.smokeTest;
    const code = (text) => `<code>${escapeHtml(text)}</code>`;
    const outside = (text) => escapeHtml((0,secrets/* redact */.E$)(text));
    const artifact = result.artifact;
    const rows = [
        ['Status', `${STATUS_ICON[result.status]} ${result.status}`],
        ['Script hash', result.hash ? code(result.hash) : '—'],
        ['Group', spec ? code(result.group ?? spec.group) : '—'],
        ['Operation', spec?.script.operation ?? '—'],
        ['Python', spec?.script.pythonVersion ?? '—'],
        [
            'Build time',
            result.buildSeconds === undefined
                ? '—'
                : `${(0,duration/* formatDuration */.a3)(result.buildSeconds * 1000)} (${result.statusChecks} status checks` +
                    (result.previousBuild
                        ? `; the previous build took ${(0,duration/* formatDuration */.a3)(result.previousBuild.seconds * 1000)})`
                        : ')')
        ],
        [
            smoke.where === 'local' ? 'Local run' : 'Smoke test',
            `${SMOKE_TEST_ICON[smoke.outcome]} ${smoke.outcome}${smoke.reason ? ` — ${outside(smoke.reason)}` : ''}`
        ],
        ...(smoke.interpreter
            ? [
                [
                    'Local Python',
                    `${code(smoke.interpreter.command)} — ${escapeHtml(smoke.interpreter.version)} ` +
                        `at ${code(smoke.interpreter.path)}`
                ]
            ]
            : []),
        ['Server version', result.serverVersion ? outside(result.serverVersion) : '—'],
        ['API', result.apiVersion ? `${result.apiVersion}${result.apiProbe ? ` — ${outside(result.apiProbe)}` : ''}` : '—'],
        ...(result.contract
            ? [
                [
                    spec?.mode === 'validate' ? 'Contract tested' : 'Contract',
                    `${code(result.contract.calledAs ?? result.contract.contract)} — ${escapeHtml(result.contract.why)}`
                ]
            ]
            : []),
        [
            'Artifact',
            artifact?.url
                ? `<a href="${escapeHtml(artifact.url)}">${escapeHtml(artifact.name)}</a>`
                : artifact?.localOnly
                    ? `not uploaded (no artifact service); files in ${code(result.recordsDir ?? '')}`
                    : '—'
        ],
        [
            'Workflow run',
            where.runUrl
                ? `<a href="${escapeHtml(where.runUrl)}">${escapeHtml(where.workflow ?? 'run')} #${where.runId}</a>`
                : '—'
        ],
        [
            'Commit',
            where.commit
                ? `${code(where.commit.slice(0, 12))} on ${code(where.ref ?? '')} by ${escapeHtml(where.actor ?? '')}`
                : '—'
        ]
    ];
    // The heading says how the step ended, whichever phase failed (a failed smoke test after Deployed too).
    const what = spec?.mode === 'validate' ? 'validation' : spec?.mode === 'smoke-test' ? 'smoke test' : 'deploy';
    const heading = result.error ? `✗ Neomaril ${what} failed` : `${STATUS_ICON[result.status]} Neomaril ${what}`;
    const summary = core/* summary */.z
        .addHeading(`${heading}: ${escapeHtml(spec?.script.name || result.hash || '(inputs not read)')}`, 3)
        .addRaw(`${table(rows)}\n\n`);
    if (result.error)
        summary.addRaw(`<p><strong>Error</strong></p>\n`).addRaw(pre((0,secrets/* redact */.E$)(result.error)));
    if (result.apiCalls.length > 0) {
        summary.addRaw(details(`API calls (${result.apiVersion}): ${result.apiCalls.length}`, pre(result.apiCalls.join('\n'))));
    }
    const datasets = Object.entries(result.datasetHashes);
    if (datasets.length > 0) {
        summary.addRaw(`<p><strong>Datasets</strong></p>\n${table(datasets.map(([name, hash]) => [escapeHtml(name), code(hash)]))}\n\n`);
    }
    if (smoke.request) {
        summary
            .addRaw(`<p><strong>Smoke test</strong>: HTTP ${smoke.responseStatus}, ${smoke.elapsedMs} ms. Response:</p>\n`)
            .addRaw(pre(pretty(smoke.responseBody ?? '')));
    }
    else if (smoke.executionId) {
        const entries = smoke.resultEntries?.map((e) => `${e.name} (${e.size} B)`).join(', ');
        const parquet = smoke.resultRows === undefined
            ? ''
            : `; result parquet: ${smoke.resultRows} rows, ` +
                `columns ${outside((smoke.resultColumns ?? []).join(', ') || 'none')}`;
        const inputs = Object.entries(smoke.inputHashes ?? {})
            .map(([name, hash]) => `${name} ${hash}`)
            .join(', ');
        summary.addRaw(`<p><strong>Smoke test</strong>: execution ${escapeHtml(smoke.executionId)} ` +
            `ended as ${outside(smoke.executionStatus ?? '?')}` +
            `${smoke.executionMessage ? ` (${outside(smoke.executionMessage)})` : ''}` +
            `${entries ? `; result zip holds ${outside(entries)}` : ''}${parquet}` +
            `${inputs ? `; inputs ${escapeHtml(inputs)}` : ''}.</p>\n`);
    }
    for (const [title, entries] of [
        ['Build log', result.hostLogs],
        ['Run log', result.runLogs]
    ]) {
        if (entries.length === 0)
            continue;
        const tail = (0,logs/* logTail */.RB)(title, entries, logs/* LOG_TAIL_LINES */.A5);
        summary.addRaw(details(tail.heading, pre((0,secrets/* redact */.E$)(tail.text))));
    }
    for (const warning of result.publishWarnings)
        summary.addRaw(`<p>⚠️ ${outside(warning)}</p>\n`);
    await summary.write();
}
/** Rows of a two-column table: a heading cell, then the value (both already escaped). */
function table(rows) {
    return `<table>${rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}
/** A folded section; `body` is already escaped (pre). */
function details(title, body) {
    return `<details><summary>${title}</summary>\n\n${body}</details>\n\n`;
}
/** A run's answer (outside text): JSON laid out and redacted value by value; anything else redacted as it came. */
function pretty(body) {
    try {
        return (0,secrets/* redactedJson */.Rh)(JSON.parse(body));
    }
    catch {
        return (0,secrets/* redact */.E$)(body);
    }
}
/** A preformatted block. Outside text is redacted by the caller, before the cut: no secret is left half-shown. */
function pre(text) {
    const cut = text.length > EXCERPT_CHARS
        ? `${text.slice(0, EXCERPT_CHARS)}\n… (${text.length - EXCERPT_CHARS} more characters in the artifact)`
        : text;
    return `<pre>${escapeHtml(cut)}</pre>\n\n`;
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/local-checks/manifest.ts
var manifest = __webpack_require__(36501);
;// CONCATENATED MODULE: ./src/publish/records.ts






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
    const path = (0,external_node_path_.join)(dir, name);
    (0,external_node_fs_.writeFileSync)(path, content);
    return path;
}
/** JSON text, laid out for reading; always valid JSON (nothing rewrites the text after it is made). */
const json = (value) => JSON.stringify(value, undefined, 2) + '\n';
/** A value that came from outside (server text, a run's answer), its strings redacted one by one. */
const outside = secrets/* redactValue */.FI;
/**
 * The run's records: deployment.json (what was deployed, from where), the logs as
 * JSON and text, the smoke test's request and response (the async result zip is
 * downloaded here directly). The .env file's content and every secret stay out.
 */
async function writeRecords(result, where, cwd, options) {
    const dir = result.recordsDir;
    const spec = result.spec;
    const files = spec ? (await (0,manifest/* buildManifest */.u)(spec, cwd, options)).files : [];
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
        (0,logs/* formatLogEntries */.cP)(result.hostLogs),
        `# Run log: ${result.runLogs.length} entries`,
        (0,logs/* formatLogEntries */.cP)(result.runLogs)
    ].join('\n');
    result.logsFile = writeRecord(dir, 'logs.txt', (0,secrets/* redact */.E$)(text) + '\n');
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
    const path = (0,external_node_path_.join)(result.recordsDir, 'result.json');
    // Its own path is one of the outputs it lists.
    result.resultFile = path;
    const { spec, ...rest } = result;
    (0,external_node_fs_.writeFileSync)(path, json({
        outputs: outputsOf(result),
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
    return (0,external_node_fs_.readdirSync)(dir).map((name) => (0,external_node_path_.join)(dir, name));
}

;// CONCATENATED MODULE: ./src/publish/artifact.ts

/** `neomaril-<script name>-<short hash>`, with only the characters artifact names allow. */
function defaultArtifactName(result) {
    const name = (result.spec?.script.name ?? 'script')
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    const suffix = result.hash ? result.hash.slice(1, 9) : result.spec?.mode === 'validate' ? 'validate' : 'no-hash';
    return `neomaril-${name || 'script'}-${suffix}`;
}
/**
 * Uploads the records folder as one artifact through the runner's artifact service.
 * Without one (a local run: no ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL) the
 * files stay in the records folder, and the caller says where.
 */
async function uploadRecords(result) {
    const spec = result.spec;
    const name = spec?.artifact.name ?? defaultArtifactName(result);
    if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL)
        return { name, localOnly: true };
    // Loaded only when used: the artifact client is the largest part of the bundle.
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(447), __webpack_require__.e(193), __webpack_require__.e(86)]).then(__webpack_require__.bind(__webpack_require__, 68086));
    const dir = result.recordsDir;
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, recordFiles(dir), dir, {
        retentionDays: spec?.artifact.retentionDays
    });
    const repository = process.env.GITHUB_REPOSITORY;
    const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
    const url = id !== undefined && repository && process.env.GITHUB_RUN_ID
        ? `${server}/${repository}/actions/runs/${process.env.GITHUB_RUN_ID}/artifacts/${id}`
        : undefined;
    return { name, id, url };
}

;// CONCATENATED MODULE: ./src/publish/notebook-lines.ts

/** The place of line `joinedLine` of the notebook at `path`; undefined when the file cannot be read or is shorter. */
function notebookPlace(path, joinedLine) {
    let raw;
    let cells;
    try {
        raw = (0,external_node_fs_.readFileSync)(path, 'utf8');
        cells = JSON.parse(raw).cells;
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(cells))
        return undefined;
    let before = 0;
    for (const [index, cell] of cells.entries()) {
        if (!cell || typeof cell !== 'object' || cell.cell_type !== 'code')
            continue;
        const lines = sourceOf(cell).split('\n');
        if (joinedLine <= before + lines.length) {
            const lineInCell = joinedLine - before;
            return { cell: index + 1, lineInCell, fileLine: fileLineOf(raw, index, lineInCell, lines[lineInCell - 1] ?? '') };
        }
        before += lines.length;
    }
    return undefined;
}
function sourceOf(cell) {
    return Array.isArray(cell.source) ? cell.source.map(String).join('') : String(cell.source ?? '');
}
/**
 * The file's line for a cell's line: the cell's `"source": [` line (the cell-th one: every
 * cell has one), then one line per string, checked against the code. Undefined when the
 * file is laid out otherwise (minified, or a source written as one string).
 */
function fileLineOf(raw, cellIndex, lineInCell, code) {
    const lines = raw.split('\n');
    let seen = -1;
    const sourceAt = lines.findIndex((line) => /^\s*"source"\s*:\s*\[\s*$/.test(line) && ++seen === cellIndex);
    if (sourceAt < 0)
        return undefined;
    const candidate = lines[sourceAt + lineInCell]?.trim().replace(/,$/, '');
    try {
        const text = JSON.parse(candidate ?? '');
        if (typeof text === 'string' && text.replace(/\n$/, '') === code)
            return sourceAt + lineInCell + 1;
    }
    catch {
        // not one JSON string a line
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/publish/annotations.ts


/**
 * Finds, in Python tracebacks (from the server or a local run), the innermost frame in a
 * file the action uploaded and maps it back to the user's file and line. A frame counts
 * only when its path, relative to the script's folder, is an uploaded file's name: a
 * library file that merely shares a base name with one never does. The script's folder
 * is where the outermost frame of the source file (script.py) sits — the server enters
 * the user's code through it, so library frames come deeper. A notebook's line numbers
 * count its joined code cells: they are mapped to the cell, and to the .ipynb file's line
 * (notebook-lines.ts).
 */
function tracebackAnnotations(entries, uploads, workspace) {
    const source = uploads.find((f) => f.part === 'source');
    if (!source)
        return [];
    if (source.uploadName.endsWith('.ipynb'))
        return notebookAnnotations(entries, source, workspace);
    const byUploadName = new Map(uploads
        .filter((f) => f.localPath && (f.part === 'source' || f.part === 'extra') && !f.uploadName.endsWith('.ipynb'))
        .map((f) => [f.uploadName, f.localPath]));
    const annotations = [];
    const seen = new Set();
    for (const entry of entries) {
        if (entry.OutputType !== 'Error')
            continue;
        const text = entry.OutputData ?? '';
        const frames = [...text.matchAll(/File "([^"]+)", line (\d+)/g)].map(([, path = '', line]) => ({
            path: path.replace(/\\/g, '/'),
            line: Number(line)
        }));
        const folder = frames
            .find((f) => f.path.endsWith(`/${source.uploadName}`))
            ?.path.slice(0, -source.uploadName.length);
        if (folder === undefined)
            continue;
        let innermost;
        for (const frame of frames) {
            const local = frame.path.startsWith(folder) ? byUploadName.get(frame.path.slice(folder.length)) : undefined;
            if (local)
                innermost = { file: (0,external_node_path_.relative)(workspace, local), line: frame.line };
        }
        if (!innermost)
            continue;
        const lines = text.trim().split('\n');
        const message = (lines.at(-1) ?? '').trim();
        const key = `${innermost.file}:${innermost.line}:${message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        annotations.push({ ...innermost, message });
    }
    return annotations;
}
/** The innermost frame in the uploaded notebook of each error entry, as the notebook's cell and file line. */
function notebookAnnotations(entries, source, workspace) {
    if (!source.localPath)
        return [];
    const annotations = [];
    const seen = new Set();
    for (const entry of entries) {
        if (entry.OutputType !== 'Error')
            continue;
        const text = entry.OutputData ?? '';
        const frames = [...text.matchAll(/File "([^"]+)", line (\d+)/g)]
            .filter(([, path = '']) => path.replace(/\\/g, '/').endsWith(`/${source.uploadName}`))
            .map(([, , line]) => Number(line));
        const joinedLine = frames.at(-1);
        const place = joinedLine === undefined ? undefined : notebookPlace(source.localPath, joinedLine);
        if (!place)
            continue;
        const exception = (text.trim().split('\n').at(-1) ?? '').trim();
        const message = `${exception} (notebook cell ${place.cell}, line ${place.lineInCell})`;
        if (seen.has(message))
            continue;
        seen.add(message);
        annotations.push({ file: (0,external_node_path_.relative)(workspace, source.localPath), line: place.fileLine, message });
    }
    return annotations;
}

// EXTERNAL MODULE: ./src/shared/error-envelope.ts
var error_envelope = __webpack_require__(37491);
;// CONCATENATED MODULE: ./src/publish/index.ts









/**
 * Everything a person or a later step needs, each part on its own so one failing
 * does not lose the others. When cancelled, only what is fast and local is done.
 */
async function publish(result, cancelled) {
    const spec = result.spec;
    for (const [title, entries] of [
        ['Build log (Host)', result.hostLogs],
        ['Run log', result.runLogs]
    ]) {
        if (entries.length === 0)
            continue;
        const tail = (0,logs/* logTail */.RB)(title, entries, logs/* LOG_TAIL_LINES */.A5);
        core/* startGroup */.Oh(tail.heading);
        (0,inert/* printInert */.C)(tail.text);
        core/* endGroup */.N4();
    }
    if (spec)
        annotate(result, spec);
    let where = {};
    try {
        where = await provenance();
    }
    catch (error) {
        result.publishWarnings.push(`Could not read the workflow context: ${error.message}`);
    }
    if (result.recordsDir) {
        try {
            await writeRecords(result, where, spec?.workspace ?? process.cwd(), { hashFiles: !cancelled });
            if (spec?.artifact.upload && !cancelled) {
                // Archived as it stands now; rewritten below once the artifact's id is known.
                writeResultFile(result);
                result.artifact = await uploadRecords(result);
                if (result.artifact.localOnly)
                    core/* notice */.lm(`No artifact service here (a local run?): the records are in ${result.recordsDir}.`);
                else
                    core/* info */.pq((0,inert/* oneLine */.T)(`Uploaded artifact '${result.artifact.name}' (id ${result.artifact.id}).`));
            }
        }
        catch (error) {
            result.publishWarnings.push(`Could not publish the records: ${error.message}. They are in ${result.recordsDir}.`);
        }
        try {
            result.resultFile = writeResultFile(result);
        }
        catch (error) {
            result.publishWarnings.push(`Could not write result.json: ${error.message}`);
        }
    }
    for (const warning of result.publishWarnings)
        core/* warning */.$e((0,inert/* oneLine */.T)(warning));
    try {
        writeOutputs(result);
    }
    catch (error) {
        core/* warning */.$e((0,inert/* oneLine */.T)(`Could not write the step outputs: ${error.message}`));
    }
    try {
        await writeSummary(result, where);
    }
    catch (error) {
        core/* warning */.$e((0,inert/* oneLine */.T)(`Could not write the job summary: ${error.message}`));
    }
}
/** Errors on the user's own source lines, when a traceback points into an uploaded file. */
function annotate(result, spec) {
    const texts = [...result.hostLogs, ...result.runLogs];
    // A raising sync entrypoint's traceback comes back in the run's answer, not only in the logs.
    if (result.localTraceback)
        texts.push({ RegisteredAt: '', OutputType: 'Error', Routine: 'Run', OutputData: result.localTraceback });
    const envelope = (0,error_envelope/* envelopeError */.j)(result.smokeTest.responseBody)?.message;
    if (envelope)
        texts.push({ RegisteredAt: '', OutputType: 'Error', Routine: 'Run', OutputData: envelope });
    for (const annotation of tracebackAnnotations(texts, spec.script.files, spec.workspace)) {
        core/* error */.z3((0,inert/* oneLine */.T)(annotation.message), {
            title: 'Error in the deployed script',
            file: annotation.file,
            startLine: annotation.line
        });
    }
}


/***/ }),

/***/ 37491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ envelopeError)
/* harmony export */ });
/** The envelope's error when `body` (parsed JSON, or its text) is one; undefined otherwise. */
function envelopeError(body) {
    const parsed = typeof body === 'string' ? parseJson(body) : body;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        return undefined;
    const record = parsed;
    const inner = record.Error ?? record.error;
    if (!inner || typeof inner !== 'object' || Array.isArray(inner) || Object.keys(record).length !== 1)
        return undefined;
    const fields = inner;
    const message = fields.Message ?? fields.message;
    const type = fields.Type ?? fields.type;
    return {
        message: typeof message === 'string' ? message : JSON.stringify(inner),
        ...(typeof type === 'string' ? { type } : {})
    };
}
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
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
