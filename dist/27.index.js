export const id = 27;
export const ids = [27];
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
