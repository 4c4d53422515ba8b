export const id = 762;
export const ids = [762];
export const modules = {

/***/ 36536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ openGitHub)
});

// EXTERNAL MODULE: ./src/github/port.ts
var port = __webpack_require__(18212);
;// CONCATENATED MODULE: ./src/github/octokit-comments.ts
/** The most comments read to find the marker: 10 pages of 100. */
const MAX_PAGES = 10;
/** The issue-comment calls of the port, over the same octokit and wrapper as the deployment calls. */
function commentCalls(octokit, owner, repo, call) {
    return {
        async listComments(issue) {
            const comments = [];
            for (let page = 1; page <= MAX_PAGES; page++) {
                const data = await call('GET issue comments', async (signal) => {
                    const response = await octokit.rest.issues.listComments({
                        owner,
                        repo,
                        issue_number: issue,
                        per_page: 100,
                        page,
                        request: { signal }
                    });
                    return response.data;
                });
                comments.push(...data.map((c) => ({ id: c.id, body: c.body ?? '' })));
                if (data.length < 100)
                    break;
            }
            return comments;
        },
        createComment: (issue, body) => call('POST issue comment', async (signal) => {
            const { data } = await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: issue,
                body,
                request: { signal }
            });
            return data.id;
        }),
        updateComment: (commentId, body) => call('PATCH issue comment', async (signal) => {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body, request: { signal } });
        })
    };
}

;// CONCATENATED MODULE: ./src/github/octokit.ts


/** How long one GitHub call may take: a slow GitHub costs the deploy this much at most per call. */
const CALL_TIMEOUT_MS = 10_000;
/**
 * The deployments port over @actions/github's octokit (loaded when first needed: it is
 * heavy). The base URL comes from GITHUB_API_URL, so a GitHub Enterprise Server works.
 * Every failure comes out as a GitHubCallError carrying the status and GitHub's message,
 * never the token.
 */
async function openGitHub(settings) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    const octokit = getOctokit(settings.token, { baseUrl: settings.apiUrl.replace(/\/+$/, '') });
    const [owner = '', repo = ''] = settings.repository.split('/');
    const timeoutMs = settings.callTimeoutMs ?? CALL_TIMEOUT_MS;
    const call = async (name, send) => {
        const signal = AbortSignal.timeout(timeoutMs);
        try {
            return await send(signal);
        }
        catch (error) {
            // Octokit reports its aborted request as an HTTP 500 that GitHub never sent.
            if (signal.aborted)
                throw new port/* GitHubCallError */._(name, 0, `no answer within ${timeoutMs / 1000} s`);
            const status = error.status;
            const data = error.response?.data;
            const message = typeof data?.message === 'string' ? data.message : error.message;
            throw new port/* GitHubCallError */._(name, typeof status === 'number' ? status : 0, message);
        }
    };
    return {
        ...commentCalls(octokit, owner, repo, call),
        repository: settings.repository,
        list: ({ environment, task, perPage }) => call('GET deployments', async (signal) => {
            const { data } = await octokit.rest.repos.listDeployments({
                owner,
                repo,
                environment,
                task,
                per_page: perPage,
                request: { signal }
            });
            return data.map((d) => ({
                id: d.id,
                sha: d.sha,
                task: d.task,
                environment: d.environment ?? '',
                createdAt: d.created_at,
                payload: d.payload
            }));
        }),
        statuses: (id) => call('GET deployment statuses', async (signal) => {
            const { data } = await octokit.rest.repos.listDeploymentStatuses({
                owner,
                repo,
                deployment_id: id,
                per_page: 100,
                request: { signal }
            });
            return data.map((s) => ({ id: s.id, state: s.state, createdAt: s.created_at }));
        }),
        create: (deployment) => call('POST deployments', async (signal) => {
            const response = await octokit.rest.repos.createDeployment({
                owner,
                repo,
                ref: deployment.sha,
                task: deployment.task,
                environment: deployment.environment,
                description: deployment.description,
                payload: deployment.payload,
                // The two traps of a deployment made from a running workflow: GitHub would wait for
                // this commit's own checks (still pending: this job is one) and answer 409, and it
                // would try to merge the default branch into the ref first (202, no deployment).
                required_contexts: [],
                auto_merge: false,
                transient_environment: false,
                request: { signal }
            });
            if (response.status !== 201 || !('id' in response.data))
                throw new port/* GitHubCallError */._('POST deployments', response.status, 'message' in response.data ? String(response.data.message) : '');
            return response.data.id;
        }),
        addStatus: (id, status) => call('POST deployment status', async (signal) => {
            await octokit.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: id,
                state: status.state,
                description: status.description,
                environment_url: status.environmentUrl,
                log_url: status.logUrl,
                // Other scripts' records in this environment stay as they are; this script's
                // superseded ones are marked inactive by records.ts itself.
                auto_inactive: false,
                request: { signal }
            });
        })
    };
}


/***/ }),

/***/ 18212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ GitHubCallError)
/* harmony export */ });
/**
 * A GitHub call that did not do what was asked: the HTTP status (0 when none came) and
 * GitHub's message. Callers turn it into one warning; it never fails a deploy.
 */
class GitHubCallError extends Error {
    call;
    status;
    githubMessage;
    constructor(call, status, githubMessage) {
        super(`${call} answered ${status === 0 ? 'nothing' : `HTTP ${status}`}${githubMessage ? `: ${githubMessage}` : ''}`);
        this.call = call;
        this.status = status;
        this.githubMessage = githubMessage;
        this.name = 'GitHubCallError';
    }
}


/***/ }),

/***/ 61102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ digestOf),
/* harmony export */   u: () => (/* binding */ buildManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _steps_register_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7042);
/* harmony import */ var _api_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23632);
/* harmony import */ var _shared_api_choice_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38077);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38590);
/* harmony import */ var _shared_requirements_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(22785);








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
            path: file.localPath ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, file.localPath) : '(inline)',
            size: file.size,
            sha256: file.part === 'env' || !options.hashFiles ? undefined : await (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256Of */ .Bj)(file),
            dataset: datasetOf.get(file)
        });
    }
    const api = (0,_shared_api_choice_js__WEBPACK_IMPORTED_MODULE_5__/* .likelyApi */ .zY)(spec.script.operation, spec.apiVersion);
    const uploadCalls = api === 'v2' ? (0,_api_api_js__WEBPACK_IMPORTED_MODULE_2__/* .v2Uploads */ .Px)((0,_steps_register_js__WEBPACK_IMPORTED_MODULE_6__/* .scriptPackage */ ["if"])(spec)).map((upload) => upload.call('{hash}')) : [];
    const calls = [
        (0,_api_api_js__WEBPACK_IMPORTED_MODULE_2__/* .registerCall */ .uA)(api, spec.group),
        ...uploadCalls,
        (0,_api_api_js__WEBPACK_IMPORTED_MODULE_2__/* .hostCall */ .Z$)(api, spec.script.operation, spec.group, '{hash}')
    ];
    const requirements = await requirementsOf(spec.script.files.find((file) => file.part === 'requirements'));
    return { group: spec.group, api, calls, fields: (0,_api_api_js__WEBPACK_IMPORTED_MODULE_2__/* .v1RegisterFields */ .MJ)(spec.script), files, requirements };
}
async function requirementsOf(file) {
    if (!file)
        return undefined;
    const content = file.inline ?? (file.localPath ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file.localPath) : undefined);
    return content && (0,_shared_requirements_js__WEBPACK_IMPORTED_MODULE_7__/* .requirementTexts */ .qA)(content.toString('utf8'));
}
/**
 * The `digest` output: `sha256:` of what the manifest says reaches the server — the group,
 * the API, the register's form fields and every file's part, upload name, dataset name and
 * sha256, in a fixed order (not its path in the repository, nor the order extra-files lists
 * the files in: neither changes what is uploaded). The same content gives the same digest on
 * any runner, so a deploy record's digest says whether anything changed.
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
        // In a fixed order: the server keeps files, not the order extra-files lists (or a glob finds) them in.
        files: manifest.files.map((f) => JSON.stringify([f.part, f.name, f.dataset ?? null, f.sha256 ?? null])).sort(),
        env: envPart ?? null
    });
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_3__.createHash)('sha256').update(canonical).digest('hex')}`;
}
async function hmacOf(file, key) {
    const hmac = (0,node_crypto__WEBPACK_IMPORTED_MODULE_3__.createHmac)('sha256', key);
    if (file.inline)
        hmac.update(file.inline);
    else if (file.localPath)
        for await (const chunk of (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_4__/* .streamFile */ .Pq)(file.localPath))
            hmac.update(chunk);
    return hmac.digest('hex');
}


/***/ }),

/***/ 67426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ gitHubClient),
/* harmony export */   b: () => (/* binding */ gitHubSettings)
/* harmony export */ });
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(36536);

/**
 * Where the run's GitHub calls go, the one place that reads GITHUB_REPOSITORY and
 * GITHUB_API_URL (a GitHub Enterprise Server's …/api/v3 too): the job's repository with
 * the github-token input; undefined when there is no token or no repository (a run
 * outside Actions).
 */
function gitHubSettings(token) {
    const repository = process.env.GITHUB_REPOSITORY;
    if (!token || !repository)
        return undefined;
    return { token, apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com', repository };
}
/** A client for gitHubSettings(token); undefined when there are none. */
async function gitHubClient(token) {
    const settings = gitHubSettings(token);
    return settings && (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .openGitHub */ .o)(settings);
}


/***/ }),

/***/ 16689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ writeOutputs),
/* harmony export */   Y: () => (/* binding */ outputsOf)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77094);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5586);
/* harmony import */ var _shared_secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33260);



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
        'python-version': (0,_result_js__WEBPACK_IMPORTED_MODULE_2__/* .knownScript */ .h)(result).pythonVersion ?? '',
        'server-version': (0,_shared_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(result.serverVersion ?? ''),
        'api-version': result.apiVersion ?? '',
        'build-seconds': result.buildSeconds === undefined ? '' : String(result.buildSeconds),
        'smoke-test': result.smokeTest.outcome,
        'smoke-test-output': result.smokeTestOutput ?? '',
        'execution-id': result.smokeTest.executionId ?? '',
        'model-execution-id': result.smokeTest.pipeline?.model.executionId ?? '',
        'smoke-test-stages': stagesOf(result),
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
/** A pipeline smoke test's stages, each its outcome and time (ms), as JSON; '' without a model. */
function stagesOf(result) {
    const stages = result.smokeTest.pipeline;
    if (!stages)
        return '';
    const stage = ({ outcome, elapsedMs }) => ({
        outcome,
        ms: elapsedMs ?? null
    });
    return JSON.stringify({ preprocessing: stage(stages.preprocessing), model: stage(stages.model) });
}
function writeOutputs(result) {
    for (const [name, value] of Object.entries(outputsOf(result)))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
}


/***/ }),

/***/ 13805:
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
/* harmony import */ var _steps_logs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6904);
/* harmony import */ var _local_checks_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(61102);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5586);
/* harmony import */ var _shared_secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33260);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(16689);







async function provenance() {
    const { context } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
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
            operation: (0,_result_js__WEBPACK_IMPORTED_MODULE_5__/* .knownScript */ .h)(result).operation,
            pythonVersion: (0,_result_js__WEBPACK_IMPORTED_MODULE_5__/* .knownScript */ .h)(result).pythonVersion,
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
        digest: result.digest,
        // The GitHub deployment this run made (docs/deploy-records.md), and the script it followed.
        record: spec?.records.environment && {
            environment: spec.records.environment,
            deploymentId: result.deploymentId,
            previous: result.previousHash
        },
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
        (0,_steps_logs_js__WEBPACK_IMPORTED_MODULE_6__/* .formatLogEntries */ .cP)(result.hostLogs),
        `# Run log: ${result.runLogs.length} entries`,
        (0,_steps_logs_js__WEBPACK_IMPORTED_MODULE_6__/* .formatLogEntries */ .cP)(result.runLogs)
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
    // Its own path is one of the outputs it lists.
    result.resultFile = path;
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
        script: spec && { name: spec.script.name, group: spec.group, operation: (0,_result_js__WEBPACK_IMPORTED_MODULE_5__/* .knownScript */ .h)(result).operation }
    }));
    return path;
}
function recordFiles(dir) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name));
}


/***/ })

};
