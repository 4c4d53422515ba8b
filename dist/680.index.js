export const id = 680;
export const ids = [680];
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

/***/ 21680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateMode: () => (/* binding */ validateMode)
});

// EXTERNAL MODULE: ../../main/node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(48848);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(18470);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(26289);
// EXTERNAL MODULE: ./src/local-checks/manifest.ts
var manifest = __webpack_require__(36501);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/shared/json-subset.ts
var json_subset = __webpack_require__(68463);
// EXTERNAL MODULE: ./src/shared/api-choice.ts
var api_choice = __webpack_require__(606);
// EXTERNAL MODULE: ./src/shared/dotenv.ts
var dotenv = __webpack_require__(88160);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ../../main/node_modules/hyparquet/src/read.js + 17 modules
var read = __webpack_require__(43273);
// EXTERNAL MODULE: ../../main/node_modules/hyparquet-writer/src/write.js + 26 modules
var write = __webpack_require__(50764);
;// CONCATENATED MODULE: ./src/harness/frames.ts
/**
 * Parquet at the harness's edge, in Node (there is no pyarrow for pandas here): datasets
 * in parquet are read with hyparquet and handed to Python as JSON columns, and the
 * DataFrame an entrypoint returns comes back as typed columns that hyparquet-writer
 * writes as a real parquet file.
 */




function isParquet(path) {
    return (0,external_node_path_.extname)(path).toLowerCase() === '.parquet';
}
function formOf(path) {
    return (0,external_node_path_.extname)(path).toLowerCase() === '.json' ? 'json' : 'csv';
}
/** A parquet file as the JSON object {column: [values]} pandas.DataFrame() takes. */
async function parquetToColumnsJson(path, target) {
    const bytes = await (0,promises_.readFile)(path);
    const rows = await (0,read/* parquetReadObjects */.pS)({
        file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
    });
    const columns = {};
    for (const name of Object.keys(rows[0] ?? {}))
        columns[name] = [];
    for (const row of rows)
        for (const [name, values] of Object.entries(columns))
            values.push(jsonable(row[name]));
    await (0,promises_.writeFile)(target, JSON.stringify(columns));
}
/** JSON has no bigint or Date: big integers travel as text, dates as ISO text. */
function jsonable(value) {
    if (typeof value === 'bigint')
        return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    if (value instanceof Date)
        return value.toISOString();
    if (value instanceof Uint8Array)
        return Buffer.from(value).toString('base64');
    return value;
}
const NON_FINITE = { inf: Infinity, '-inf': -Infinity, nan: NaN };
function columnData(column) {
    switch (column.type) {
        case 'INT64':
            return column.values.map((v) => (v === null ? null : BigInt(v)));
        case 'DOUBLE':
            return column.values.map((v) => (typeof v === 'string' ? NON_FINITE[v] : v));
        case 'TIMESTAMP':
            return column.values.map((v) => (v === null ? null : new Date(v)));
        default:
            return column.values;
    }
}
/** Writes the returned DataFrame as a parquet file. */
async function writeFrameParquet(frame, target) {
    const buffer = (0,write/* parquetWriteBuffer */.G)({
        columnData: frame.columns.map((column) => ({ name: column.name, type: column.type, data: columnData(column) }))
    });
    await (0,promises_.writeFile)(target, new Uint8Array(buffer));
}

// EXTERNAL MODULE: ./src/harness/process.ts + 1 modules
var harness_process = __webpack_require__(93115);
// EXTERNAL MODULE: ./src/harness/contract.ts
var contract = __webpack_require__(54761);
;// CONCATENATED MODULE: ./src/harness/index.ts
/**
 * The TypeScript side of python/harness.py, the one place that loads and calls an
 * entrypoint the way the server does. Validate mode (src/validate) and the emulator
 * (emulator/python.ts) both go through these functions, so they give the same verdicts.
 */






async function call(request, c) {
    const run = await (0,harness_process/* runHarness */.w8)({
        ...request,
        source: (0,external_node_path_.join)(c.folder, c.sourceFile),
        entrypoint: c.entrypoint,
        contract: c.contract,
        minor: minorOf(c.pythonVersion)
    }, { python: c.python, cwd: c.folder, timeoutMs: c.timeoutMs, signal: c.signal, env: scriptEnvironment(c) });
    return { outcome: outcomeOf(run, c.python), verdict: run.verdict };
}
/** The variables the script's process gets on top of the inherited ones: the .env's, then the caller's. */
function scriptEnvironment(c) {
    if (!c.envFile)
        return c.env;
    return { ...(0,dotenv/* envFileVariables */.Hc)((0,external_node_fs_.readFileSync)(c.envFile, 'utf8')), ...c.env };
}
function minorOf(version) {
    const minor = /^3\.(\d+)$/.exec(version ?? '')?.[1];
    return minor === undefined ? undefined : Number(minor);
}
function outcomeOf(run, python) {
    const base = { output: run.output, timedOut: run.timedOut };
    if (run.spawnError) {
        const skipped = run.spawnError.code === 'ENOENT'
            ? `${python} is not on this machine`
            : `${python} cannot be started: ${run.spawnError.message}`;
        return { ...base, ok: false, skipped, problem: skipped };
    }
    if (run.timedOut)
        return { ...base, ok: false };
    const verdict = run.verdict;
    if (!verdict) {
        const last = run.output.split('\n').pop() ?? '';
        return {
            ...base,
            ok: false,
            problem: `Python ended (exit code ${run.exitCode}) without a verdict${last ? `: ${last}` : ''}`
        };
    }
    if (verdict.skipped)
        return { ...base, ok: false, skipped: verdict.skipped, problem: verdict.skipped };
    if (!verdict.ok)
        return { ...base, ok: false, problem: verdict.error, traceback: verdict.traceback };
    return { ...base, ok: true };
}
/** The build: imports the script and checks that the entrypoint can be called. */
async function buildCheck(c) {
    return (await call({ mode: 'build' }, c)).outcome;
}
/** Sync: fn(data, base_path) with data the text of `inputJsonFile` (the request's Input). */
async function runSync(c) {
    const { outcome, verdict } = await call({ mode: 'sync', input: c.inputJsonFile }, c);
    return outcome.ok ? { ...outcome, response: verdict?.value } : outcome;
}
/**
 * v1 Async on `dataPath/inputFileName`: the 2.1.1 form returns the file it wrote; the
 * DataFrame form's result is written as `dataPath/processed_data.parquet` (the name the
 * current server gives it).
 */
async function runAsyncV1(c) {
    const { outcome, verdict } = await call({ mode: 'async-v1', data_path: c.dataPath, input_file_name: c.inputFileName }, c);
    if (!outcome.ok || !verdict)
        return outcome;
    if (verdict.output)
        return { ...outcome, outputFile: verdict.output };
    const outputFile = (0,external_node_path_.join)(c.dataPath, 'processed_data.parquet');
    await writeFrameParquet(verdict.frame, outputFile);
    return { ...outcome, outputFile, rows: verdict.rows, columns: verdict.columns };
}
/** v2 Async: fn(dfs, extra_path) on the named datasets; the DataFrame returned becomes `outputParquet`. */
async function runDataFrames(c) {
    const scratch = (0,harness_process/* runFolder */.kQ)();
    try {
        const datasets = [];
        for (const [index, dataset] of c.datasets.entries()) {
            if (!isParquet(dataset.path)) {
                datasets.push({ ...dataset, form: formOf(dataset.path) });
                continue;
            }
            const columns = (0,external_node_path_.join)(scratch.dir, `${index}.json`);
            await parquetToColumnsJson(dataset.path, columns);
            datasets.push({ name: dataset.name, path: columns, form: 'columns' });
        }
        const { outcome, verdict } = await call({ mode: 'dataframes', datasets }, c);
        if (!outcome.ok || !verdict)
            return outcome;
        await writeFrameParquet(verdict.frame, c.outputParquet);
        return { ...outcome, rows: verdict.rows, columns: verdict.columns };
    }
    finally {
        await scratch.cleanup();
    }
}

// EXTERNAL MODULE: ./src/harness/embedded.ts
var embedded = __webpack_require__(68385);
;// CONCATENATED MODULE: ./src/harness/imports.ts
/**
 * Whose fault is a ModuleNotFoundError: the runner's (the requirements list the package,
 * it is just not installed here) or the requirements' (nothing there provides it)? Import
 * names that differ from distribution names go through pipreqs' mapping; when neither is
 * certain the hint says it may be either.
 */

/** PEP 503 normalisation: PyYAML, pyyaml and py_yaml are one distribution. */
function normaliseDistribution(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
let mapping;
/** The distributions known to provide top-level module `module` (empty when unknown). */
function distributionsProviding(module) {
    if (!mapping) {
        mapping = new Map();
        for (const line of embedded/* PIPREQS_MAPPING */.a.split('\n')) {
            const [importName, distribution] = line.trim().split(':');
            if (!importName || !distribution)
                continue;
            mapping.set(importName, [...(mapping.get(importName) ?? []), distribution]);
        }
    }
    return mapping.get(module) ?? [];
}
/** The distribution names a requirements file lists (options, URLs and comments left out). */
function requirementNames(text) {
    const names = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (!line || line.startsWith('-'))
            continue;
        const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)?.[1];
        if (name)
            names.push(normaliseDistribution(name));
    }
    return names;
}
/**
 * `listed`: a requirement provides the module (so the runner lacks it); `not-listed`: the
 * module's distribution is known and absent, or there are no requirements at all (the
 * server's build would fail too); `uncertain` otherwise.
 */
function whoseMissingImport(module, requirementsText) {
    const listed = requirementNames(requirementsText ?? '');
    const known = distributionsProviding(module);
    const candidates = known.length > 0 ? known : [module];
    const match = candidates.find((name) => listed.includes(normaliseDistribution(name)));
    if (match)
        return { kind: 'listed', distribution: match };
    if (known.length > 0 || listed.length === 0)
        return { kind: 'not-listed', distribution: candidates[0] ?? '' };
    return { kind: 'uncertain' };
}

;// CONCATENATED MODULE: ./src/harness/interpreter.ts

const DESCRIBE = "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])";
async function describePython(command, env = process.env) {
    const out = await (0,harness_process/* probePython */.fc)(command, DESCRIBE, env);
    if (out === undefined)
        return undefined;
    const [path = '', version = ''] = out.split('\n').map((line) => line.trim());
    return { command, path, version };
}
/**
 * Validate mode's interpreter: python<version> (e.g. python3.10) when it is on PATH,
 * else python3 with a warning naming both versions; none when neither runs.
 * `override` (a caller's interpreter) is used as it is; `env` holds the PATH searched.
 */
async function pythonFor(version, override, env = process.env) {
    if (override)
        return { interpreter: await describePython(override, env) };
    const exact = await describePython(`python${version}`, env);
    if (exact)
        return { interpreter: exact };
    const fallback = await describePython('python3', env);
    if (!fallback)
        return {};
    const warning = fallback.version.startsWith(`${version}.`)
        ? undefined
        : `python${version} is not on PATH, so the entrypoint ran with python3 (Python ${fallback.version}) ` +
            `although python-version is ${version}; add actions/setup-python with python-version: '${version}' ` +
            "before this step to check with the server's version";
    return { interpreter: fallback, warning };
}
/** True when `python` can import pandas (the DataFrame contracts need it). */
async function hasPandas(python) {
    return (await probePython(python, 'import pandas')) !== undefined;
}
/**
 * The emulator's default interpreter: the first of python3 on PATH and /usr/bin/python3
 * that can import pandas (so v2 executions work), else python3.
 */
async function defaultEmulatorPython() {
    for (const candidate of ['python3', '/usr/bin/python3']) {
        if (await hasPandas(candidate))
            return candidate;
    }
    return 'python3';
}
/** An interpreter with pandas, for tests and tools; undefined when there is none. */
async function pandasPython() {
    const found = await defaultEmulatorPython();
    return (await hasPandas(found)) ? found : undefined;
}

;// CONCATENATED MODULE: ./src/local-checks/local-run.ts









/**
 * The contract the local run uses. With api-version auto an Async script is run as v2,
 * as a deploy to a current server would create it; set api-version: v1 for a v1 server.
 */
function localContract(spec) {
    return (0,contract/* contractOf */.Qu)(spec.script.operation, (0,api_choice/* likelyApi */.zY)(spec.script.operation, spec.apiVersion));
}
/**
 * Runs the entrypoint on the sample on this machine, the way the server would (one
 * harness, python/harness.py, decides how), with python<python-version> when it is on
 * PATH. The env-file's variables are in the script's environment, as the emulator and
 * (as far as known) the server give them: the harness applies them (src/harness/index.ts).
 * The .env is read where it is, never copied.
 */
async function runLocally(spec, options) {
    const started = Date.now();
    const { script, smokeTest } = spec;
    const choice = await pythonFor(script.pythonVersion, options.python);
    const base = { interpreter: choice.interpreter, interpreterWarning: choice.warning };
    const skip = (reason) => ({
        ...base,
        outcome: 'skipped',
        reason,
        elapsedMs: Date.now() - started
    });
    if (!choice.interpreter)
        return skip(`${options.python ?? 'python3'} is not on this runner`);
    const contract = localContract(spec);
    const folder = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(options.workDir ?? (0,external_node_os_.tmpdir)(), 'neomaril-local-'));
    const scriptDir = (0,external_node_path_.join)(folder, 'script');
    (0,external_node_fs_.mkdirSync)(scriptDir);
    for (const file of script.files) {
        if (file.part === 'env')
            continue;
        if (file.localPath)
            (0,external_node_fs_.copyFileSync)(file.localPath, (0,external_node_path_.join)(scriptDir, file.uploadName));
    }
    const source = script.files.find((f) => f.part === 'source');
    // sys.executable, not the command: a version manager's shim is not paid twice.
    const call = {
        python: choice.interpreter.path,
        folder: scriptDir,
        sourceFile: source.uploadName,
        entrypoint: script.entrypoint,
        contract,
        pythonVersion: script.pythonVersion,
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        envFile: script.files.find((f) => f.part === 'env')?.localPath
    };
    let run;
    if (contract === 'sync') {
        if (smokeTest.syncInput === undefined)
            return skip('no JSON sample to run on');
        const inputJsonFile = (0,external_node_path_.join)(folder, 'input.json');
        (0,external_node_fs_.writeFileSync)(inputJsonFile, JSON.stringify(smokeTest.syncInput));
        run = await runSync({ ...call, inputJsonFile });
    }
    else if (contract === 'async-v1') {
        if (!smokeTest.dataset?.localPath)
            return skip('no sample file to run on');
        const dataDir = (0,external_node_path_.join)(folder, 'data');
        (0,external_node_fs_.mkdirSync)(dataDir);
        (0,external_node_fs_.copyFileSync)(smokeTest.dataset.localPath, (0,external_node_path_.join)(dataDir, smokeTest.dataset.uploadName));
        run = await runAsyncV1({ ...call, dataPath: dataDir, inputFileName: smokeTest.dataset.uploadName });
    }
    else {
        const datasets = datasetsToRun(spec);
        if (datasets.length === 0)
            return skip('no dataset to run on');
        run = await runDataFrames({ ...call, datasets, outputParquet: (0,external_node_path_.join)(folder, 'preprocessed_data.parquet') });
        if (run.ok)
            run.outputFile = (0,external_node_path_.join)(folder, 'preprocessed_data.parquet');
    }
    const elapsedMs = Date.now() - started;
    const done = { ...base, elapsedMs };
    if (options.signal?.aborted)
        throw new errors/* CancelledError */.cc(String(options.signal.reason ?? 'cancellation'), 'while the entrypoint ran locally');
    if (run.skipped)
        return {
            ...done,
            outcome: 'skipped',
            reason: run.skipped.startsWith('pandas')
                ? `${run.skipped}, which the DataFrame contract needs (install pandas on the runner to run it)`
                : run.skipped
        };
    if (run.timedOut)
        return {
            ...done,
            outcome: 'failed',
            reason: `the entrypoint did not return within ${Math.round(options.timeoutMs / 1000)}s (smoke-test-timeout)`
        };
    if (!run.ok) {
        const problem = run.problem ?? 'it failed without a reason';
        const reason = run.traceback ? `the entrypoint raised ${problem}${missingImportHint(problem, spec)}` : problem;
        return { ...done, outcome: 'failed', reason, traceback: run.traceback };
    }
    if (contract === 'sync') {
        const response = JSON.stringify(run.response);
        if (smokeTest.expect !== undefined && !(0,json_subset/* containsDeep */.O)(run.response, smokeTest.expect)) {
            return { ...done, outcome: 'failed', reason: 'the answer does not contain smoke-test-expect', response };
        }
        return { ...done, outcome: 'passed', response };
    }
    return { ...done, outcome: 'passed', outputFile: run.outputFile, rows: run.rows, columns: run.columns };
}
/** v2's datasets: the smoke test's, else the schema's, else the schema file under its stem. */
function datasetsToRun(spec) {
    const named = spec.smokeTest.datasets ?? spec.script.datasets;
    const schema = spec.script.files.find((f) => f.part === 'schema');
    const fallback = schema?.localPath
        ? [{ name: (0,external_node_path_.basename)(schema.uploadName, (0,external_node_path_.extname)(schema.uploadName)), file: schema }]
        : [];
    return (named.length > 0 ? named : fallback)
        .filter((d) => d.file.localPath)
        .map((d) => ({ name: d.name, path: d.file.localPath }));
}
/** Whose fault a ModuleNotFoundError is, said only as far as it is certain. */
function missingImportHint(problem, spec) {
    const module = /^ModuleNotFoundError: No module named '([^'.]+)/.exec(problem)?.[1];
    if (!module)
        return '';
    const requirements = spec.script.files.find((f) => f.part === 'requirements')?.localPath;
    const verdict = whoseMissingImport(module, requirements ? (0,external_node_fs_.readFileSync)(requirements, 'utf8') : undefined);
    switch (verdict.kind) {
        case 'listed':
            return (` — '${module}' comes from ${verdict.distribution}, which is in the requirements, ` +
                'so install them on the runner before validating (actions/setup-python, then pip install -r requirements.txt)');
        case 'not-listed':
            return (` — '${module}' comes from ${verdict.distribution}, which is not in the requirements file: ` +
                "the server's build would fail the same way; add it there");
        default:
            return (` — '${module}' is not in the requirements under that name: either add the package that provides it, ` +
                'or, if a listed package does, install the requirements on the runner (pip install -r requirements.txt)');
    }
}

// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(24568);
// EXTERNAL MODULE: ./src/local-checks/contract-fit.ts
var contract_fit = __webpack_require__(19424);
;// CONCATENATED MODULE: ./src/modes/validate.ts











/**
 * validate mode: no network. Prints and outputs the manifest of what a deploy would
 * upload, then runs the entrypoint on the sample on this machine as the server would.
 * The status says validated only once the local run passed (or could not run).
 */
async function validateMode(ctx) {
    const { spec, result } = ctx;
    const { signals } = await ctx.localChecks;
    // The contract a deploy would call the entrypoint with, judged as a deploy judges it.
    const { operation } = spec.script;
    const why = (0,api_choice/* apiReasonWithoutProbe */.hg)(operation, spec.apiVersion);
    const api = (0,api_choice/* likelyApi */.zY)(operation, spec.apiVersion);
    result.contract = { contract: (0,contract/* contractOf */.Qu)(operation, api), why };
    try {
        result.contract = (0,contract_fit/* checkContractFit */.i)(spec, api, why, signals);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            result.status = 'invalid-input';
        throw error;
    }
    core/* info */.pq(`Contract tested: ${(0,inert/* oneLine */.TN)(result.contract.calledAs ?? '')} (${(0,inert/* oneLine */.TN)(why)}).`);
    await core/* group */.Os('Manifest', async () => {
        result.manifest = await (0,manifest/* buildManifest */.u)(spec, spec.workspace);
        (0,inert/* printInert */.C6)(JSON.stringify(result.manifest, null, 2));
    });
    await core/* group */.Os('Run the entrypoint locally', async () => {
        const local = await runLocally(spec, { timeoutMs: spec.smokeTest.timeoutMs, signal: ctx.signal });
        if (local.interpreterWarning)
            core/* warning */.$e((0,inert/* oneLine */.TN)(local.interpreterWarning));
        if (local.interpreter)
            core/* info */.pq(`Python: ${(0,inert/* oneLine */.TN)(local.interpreter.command)} ` +
                `(${(0,inert/* oneLine */.TN)(local.interpreter.path)}, ${(0,inert/* oneLine */.TN)(local.interpreter.version)}).`);
        const smoke = {
            outcome: local.outcome,
            reason: local.reason,
            elapsedMs: local.elapsedMs,
            where: 'local',
            interpreter: local.interpreter
        };
        if (spec.script.operation === 'Sync' && local.outcome !== 'skipped') {
            smoke.request = { Input: spec.smokeTest.syncInput };
            smoke.responseStatus = local.response === undefined ? undefined : 200;
            smoke.responseBody = local.response ?? local.traceback;
        }
        if (local.outputFile) {
            smoke.resultFile = (0,external_node_path_.join)(result.recordsDir, `local-output-${(0,external_node_path_.basename)(local.outputFile)}`);
            (0,external_node_fs_.copyFileSync)(local.outputFile, smoke.resultFile);
        }
        if (local.traceback)
            result.localTraceback = local.traceback;
        result.smokeTest = smoke;
        if (local.outcome === 'skipped')
            core/* notice */.lm(`The entrypoint was not run locally: ${(0,inert/* oneLine */.TN)(local.reason ?? '')}.`);
        else if (local.outcome === 'passed')
            core/* info */.pq(`${(0,inert/* oneLine */.TN)(spec.script.entrypoint)} ran on the sample in ${(0,duration/* formatDuration */.a3)(local.elapsedMs)}` +
                `${local.response ? ` and returned ${(0,inert/* oneLine */.TN)(local.response).slice(0, 500)}` : ''}.`);
        else {
            result.status = 'failed';
            if (local.traceback)
                (0,inert/* printInert */.C6)(local.traceback);
            throw new errors/* SmokeTestFailedError */.t$(`The entrypoint failed on the sample, run locally as the server would: ${local.reason}.`);
        }
        result.status = 'validated';
    });
}


/***/ }),

/***/ 68463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ containsDeep),
/* harmony export */   a: () => (/* binding */ firstDifference)
/* harmony export */ });
/** smoke-test-expect's deep subset, for the server's answer and validate mode's local run alike. */
/**
 * Deep subset: every key of an expected object is in the actual one with a matching
 * value; every element of an expected array matches some element of the actual array;
 * anything else is compared as JSON values.
 */
function containsDeep(actual, expected) {
    return firstDifference(actual, expected, '$') === undefined;
}
/** Where `actual` first fails to contain `expected`, as a path (`$.a[0]`), or undefined when it does. */
function firstDifference(actual, expected, at) {
    if (Array.isArray(expected)) {
        if (!Array.isArray(actual))
            return `${at} is not an array`;
        const missing = expected.findIndex((item) => !actual.some((candidate) => containsDeep(candidate, item)));
        return missing === -1 ? undefined : `${at} has no element matching ${at}[${missing}]`;
    }
    if (expected !== null && typeof expected === 'object') {
        if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
            return `${at} is not an object`;
        for (const [key, value] of Object.entries(expected)) {
            if (!(key in actual))
                return `${at}.${key} is missing`;
            const difference = firstDifference(actual[key], value, `${at}.${key}`);
            if (difference)
                return difference;
        }
        return undefined;
    }
    return actual === expected ? undefined : `${at} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
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
