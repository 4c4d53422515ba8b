export const id = 545;
export const ids = [545];
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

/***/ 82150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ openGitHub)
});

// EXTERNAL MODULE: ./src/github/port.ts
var port = __webpack_require__(1763);
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
    const { getOctokit } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.bind(__webpack_require__, 51193));
    const octokit = getOctokit(settings.token, { baseUrl: settings.apiUrl.replace(/\/+$/, '') });
    const [owner = '', repo = ''] = settings.repository.split('/');
    const call = async (name, send) => {
        try {
            return await send(AbortSignal.timeout(CALL_TIMEOUT_MS));
        }
        catch (error) {
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

/***/ 74854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ gitHubWarning)
/* harmony export */ });
/* harmony import */ var _port_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1763);

/**
 * The one warning for a GitHub call that failed, whoever made it (the deploy records, the
 * plan's read of them, the pull-request comment). When GitHub refused (HTTP 403, or 404 as
 * it answers a token that may not see the resource) it names the permission the job lacks
 * and the workflow line that grants it; otherwise GitHub's answer. `consequence` says what
 * the run goes without; a GitHub problem never fails a run.
 */
function gitHubWarning(error, permission, consequence) {
    const refused = error instanceof _port_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubCallError */ ._ && (error.status === 403 || error.status === 404);
    const why = error instanceof Error ? error.message : String(error);
    return refused
        ? `The GitHub token lacks the ${permission} permission (${why}): ${consequence}. ` +
            `Grant it in the workflow: permissions: with ${permission} (beside contents: read).`
        : `GitHub did not answer as expected (${why}): ${consequence}. The run itself is unaffected.`;
}


/***/ }),

/***/ 1763:
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

/***/ 36501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ digestOf),
/* harmony export */   u: () => (/* binding */ buildManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _steps_register_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2955);
/* harmony import */ var _api_api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93459);
/* harmony import */ var _shared_api_choice_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(606);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76763);
/* harmony import */ var _shared_requirements_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(84438);








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
