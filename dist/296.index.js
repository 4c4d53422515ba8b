export const id = 296;
export const ids = [296];
export const modules = {

/***/ 48808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ findLatestRecord),
/* harmony export */   eC: () => (/* binding */ createRecord),
/* harmony export */   gP: () => (/* binding */ findRecords),
/* harmony export */   oO: () => (/* binding */ recordPayload),
/* harmony export */   rQ: () => (/* binding */ liveRecords)
/* harmony export */ });
/* unused harmony export taskOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

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
    const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
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
/** The payload is one of this action's, for exactly this (server, group, name). */
function isPayloadOf(payload, key) {
    if (!payload || typeof payload !== 'object')
        return false;
    const p = payload;
    return (p.tool === TOOL &&
        p.server === key.server &&
        p.group === key.group &&
        p.name === key.name &&
        typeof p.digest === 'string' &&
        typeof p.scriptHash === 'string');
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

/***/ 46296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recordRun: () => (/* binding */ recordRun),
/* harmony export */   startGitHubRecord: () => (/* binding */ startGitHubRecord)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48848);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82150);
/* harmony import */ var _github_permissions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74854);
/* harmony import */ var _github_records_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48808);
/* harmony import */ var _shared_inert_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24568);
/* harmony import */ var _publish_records_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(41682);
// The run's record on GitHub (docs/deploy-records.md): the environment's earlier records,
// read while the deploy connects, and this run's record, made once its facts are known.
// Every GitHub problem is one warning; none fails a deploy.






const connections = new WeakMap();
/** Starts the look-up of the environment's records, when the run records one (environment and a token). */
function startGitHubRecord(spec) {
    const { environment, token } = spec.records;
    if (!environment || !token || spec.mode !== 'deploy')
        return undefined;
    const repository = process.env.GITHUB_REPOSITORY;
    if (!repository) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('environment is set, but GITHUB_REPOSITORY is not (not on a runner?): no record on GitHub.');
        return undefined;
    }
    const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
    const key = { environment, server: spec.connection.apiUrl, group: spec.group, name: spec.script.name };
    const connection = { port: (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_1__/* .openGitHub */ .o)({ token, apiUrl, repository }), warned: false };
    const record = {
        key,
        earlier: withinLookupTime(connection.port.then((port) => (0,_github_records_js__WEBPACK_IMPORTED_MODULE_3__/* .findRecords */ .gP)(port, key))).catch((error) => {
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
        const where = await (0,_publish_records_js__WEBPACK_IMPORTED_MODULE_5__/* .provenance */ .aH)();
        const port = await connection.port;
        const failed = Boolean(result.error);
        const state = failed
            ? FINAL[result.status] === 'success'
                ? 'failure'
                : FINAL[result.status]
            : FINAL[result.status];
        const earlier = await record.earlier;
        const payload = (0,_github_records_js__WEBPACK_IMPORTED_MODULE_3__/* .recordPayload */ .oO)(record.key, {
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
        const id = await (0,_github_records_js__WEBPACK_IMPORTED_MODULE_3__/* .createRecord */ .eC)(port, {
            key: record.key,
            sha: where.commit ?? process.env.GITHUB_SHA ?? '',
            payload,
            description: (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .plainInert */ .V8)(`Neomaril ${spec.script.operation} script ${what} (${result.status})`),
            inProgress: { state: 'in_progress', description: (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .plainInert */ .V8)(`Deploying ${what}`), logUrl },
            final: state && {
                state,
                description: (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .plainInert */ .V8)(`${result.status}: ${what}; smoke test ${result.smokeTest.outcome}`),
                environmentUrl: state === 'success' ? result.url : undefined,
                logUrl
            },
            supersedes: state === 'success' ? await (0,_github_records_js__WEBPACK_IMPORTED_MODULE_3__/* .liveRecords */ .rQ)(port, record.key) : []
        });
        result.deploymentId = id;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Recorded as deployment ${id} in environment '${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(record.key.environment)}' (${state ?? 'in progress'}).`);
    }
    catch (error) {
        warnOnce(record, connection, 'write', error);
    }
}
/**
 * One warning per run for whatever GitHub refused; a missing permission is named with the
 * workflow line that grants it.
 */
function warnOnce(record, connection, access, error) {
    if (connection.warned)
        return;
    connection.warned = true;
    const environment = (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(record.key.environment);
    // Writing the record needs write; reading the earlier ones needs read, which write includes.
    const permission = 'deployments: write';
    const consequence = access === 'write'
        ? `this deploy is not recorded in environment '${environment}'`
        : `the records of environment '${environment}' cannot be read, so nothing is skipped and none is made`;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)((0,_github_permissions_js__WEBPACK_IMPORTED_MODULE_2__/* .gitHubWarning */ .e)(error, permission, consequence)));
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
        'deployment-id': result.deploymentId === undefined ? '' : String(result.deploymentId),
        // Empty when there was no record to compare with (hasChanges undefined).
        'has-changes': result.plan?.hasChanges === undefined ? '' : String(result.plan.hasChanges),
        'changes-markdown': result.plan?.hasChanges === undefined ? '' : result.plan.markdown
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


/***/ })

};
