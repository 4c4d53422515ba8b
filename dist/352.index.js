export const id = 352;
export const ids = [352];
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

/***/ 32042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ planAgainstRecord),
  t: () => (/* binding */ showPlan)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: ./src/github/records.ts + 1 modules
var records = __webpack_require__(22276);
// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(94105);
// EXTERNAL MODULE: ./src/shared/python-version.ts
var python_version = __webpack_require__(6950);
;// CONCATENATED MODULE: ./src/local-checks/plan.ts


/** The register form's fields the plan names; any other field that differs is listed by its own name. */
const FIELD_LABELS = {
    python_version: 'Python',
    script_reference: 'Entrypoint',
    operation: 'Operation'
};
const NO_RECORD = 'No earlier deploy of this script is recorded in this environment: there is nothing to compare with.';
/**
 * The plan: what changes from the `previous` manifest (the newest successful record's) to
 * the `current` one — files added, removed and changed (by sha256, or by size where a side
 * has no hash: the .env file is never hashed), with sizes before → after; the Python
 * version, entrypoint, operation, API and any other register field; the requirement lines
 * added and removed. What the plan cannot know is said, never counted as a change: the
 * .env file's values without digests, the API under `apiUndecided`. Pure: no file or network
 * is read. The previous manifest came from a record on GitHub, so every part of it is read
 * as possibly missing.
 */
function planChanges(previous, current, options = {}) {
    if (!previous)
        return { hasChanges: undefined, markdown: NO_RECORD };
    const { digests } = options;
    const lines = [
        ...fileLines(previous, current),
        ...settingLines(previous, current, options),
        ...requirementLines(previous, current)
    ];
    // What the manifests cannot show (the .env file's values), the digests do: deploy mode passes them.
    if (lines.length === 0 && digests && digests.recorded !== digests.current)
        lines.push(unlistedChange(current));
    const notes = unknowns(previous, current, options);
    if (lines.length === 0)
        return {
            hasChanges: false,
            markdown: ['No changes: the same files and settings as the last recorded deploy.', ...notes].join('\n\n')
        };
    return { hasChanges: true, markdown: [lines.join('\n').trimEnd(), ...notes].join('\n\n') };
}
/** What the plan cannot compare, in words: the API a deploy would take, the .env file's values. */
function unknowns(previous, current, options) {
    const notes = [];
    if (options.apiUndecided && previous.api !== current.api)
        notes.push(`*API: the last deploy went through ${(0,inert/* markdownCode */.D9)(String(previous.api ?? '?'))}; under \`api-version: auto\` ` +
            'a deploy takes `v2` on a current server and `v1` on a v1-only one, and validate mode does not ask the ' +
            'server, so this is not counted as a change.*');
    if (!options.digests && current.files.some((file) => file.part === 'env'))
        notes.push("*The `.env` file's values are not compared: they are compared keyed by the password, which only a " +
            'deploy has.*');
    return notes;
}
/**
 * The line for a digest that changed while the manifests look the same: the .env file's
 * values (hashed into the digest keyed by the password, never into the manifest), or the
 * password itself; with no .env file, something outside what the plan lists.
 */
function unlistedChange(current) {
    return current.files.some((file) => file.part === 'env')
        ? "- The `.env` file's values changed, at the same size (or the password changed): the digest, which " +
            "holds them keyed by the password, differs from the record's."
        : "- The digest differs from the record's, though no file or setting the plan lists did.";
}
function keyOf(file) {
    return `${file.part}/${file.name}`;
}
function filesOf(manifest) {
    const files = Array.isArray(manifest.files) ? manifest.files : [];
    return new Map(files.filter((file) => file && typeof file.name === 'string').map((file) => [keyOf(file), file]));
}
/** A part's name as the manifest spells them (source, requirements, …); anything else from a record is not shown. */
function partOf(file) {
    return /^[a-z]{1,20}$/.test(String(file.part)) ? file.part : '?';
}
function changed(before, after) {
    if (before.sha256 && after.sha256)
        return before.sha256 !== after.sha256;
    return before.size !== after.size;
}
/** A size for a table cell: bytes, with KiB or MiB beside them when large. */
function formatSize(bytes) {
    if (typeof bytes !== 'number' || !Number.isFinite(bytes))
        return '?';
    const exact = `${bytes.toLocaleString('en-US')} B`;
    if (bytes < 1024)
        return exact;
    const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / 1024 / 1024, 'MiB'];
    return `${value.toFixed(1)} ${unit} (${exact})`;
}
function fileLines(previous, current) {
    const before = filesOf(previous);
    const after = filesOf(current);
    const rows = [];
    const row = (file, change, from, to) => rows.push(`| ${(0,inert/* markdownCode */.D9)(file.name, { table: true })} | ${partOf(file)} | ${change} | ${from} | ${to} |`);
    for (const [key, file] of after) {
        const old = before.get(key);
        if (!old)
            row(file, 'added', '—', formatSize(file.size));
        else if (changed(old, file))
            row(file, 'changed', formatSize(old.size), formatSize(file.size));
    }
    for (const [key, file] of before)
        if (!after.has(key))
            row(file, 'removed', formatSize(file.size), '—');
    if (rows.length === 0)
        return [];
    return ['| file | part | change | before | after |', '|---|---|---|---:|---:|', ...rows, ''];
}
function settingLines(previous, current, options) {
    const lines = [];
    const before = previous.fields ?? {};
    const after = current.fields ?? {};
    const keys = [...new Set([...Object.keys(FIELD_LABELS), ...Object.keys(after), ...Object.keys(before)])];
    for (const key of keys) {
        const from = before[key] === undefined ? undefined : String(before[key]);
        const to = after[key] === undefined ? undefined : String(after[key]);
        if (from === to)
            continue;
        const shown = (value) => value === undefined
            ? '*(none)*'
            : (0,inert/* markdownCode */.D9)(key === 'python_version' ? ((0,python_version/* pythonFromWire */.Ot)(value) ?? value) : value);
        lines.push(`- ${FIELD_LABELS[key] ?? (0,inert/* markdownCode */.D9)(key)}: ${shown(from)} → ${shown(to)}`);
    }
    if (previous.api !== current.api && !options.apiUndecided)
        lines.push(`- API: ${(0,inert/* markdownCode */.D9)(String(previous.api ?? '?'))} → ${(0,inert/* markdownCode */.D9)(current.api)}`);
    return lines;
}
function requirementLines(previous, current) {
    const before = Array.isArray(previous.requirements) ? previous.requirements.map(String) : undefined;
    const after = current.requirements ?? [];
    if (!before) {
        const file = current.files.find((entry) => entry.part === 'requirements');
        const old = file && filesOf(previous).get(keyOf(file));
        return file && old && changed(old, file)
            ? ['- Requirements: the file changed; the last record does not list its lines.']
            : [];
    }
    const added = without(after, before);
    const removed = without(before, after);
    if (added.length === 0 && removed.length === 0)
        return [];
    return [
        '- Requirements:',
        ...added.map((line) => `  - added ${(0,inert/* markdownCode */.D9)(line)}`),
        ...removed.map((line) => `  - removed ${(0,inert/* markdownCode */.D9)(line)}`)
    ];
}
/** The lines of `lines` not in `other`, counting repeats (a multiset difference), in their order. */
function without(lines, other) {
    const left = new Map();
    for (const line of other)
        left.set(line, (left.get(line) ?? 0) + 1);
    return lines.filter((line) => {
        const count = left.get(line) ?? 0;
        if (count > 0)
            left.set(line, count - 1);
        return count === 0;
    });
}

// EXTERNAL MODULE: ./src/publish/github-client.ts
var github_client = __webpack_require__(67426);
;// CONCATENATED MODULE: ./src/modes/plan-phase.ts





/** The permission reading the records needs, for the warning. */
const READ_PERMISSION = 'deployments: read';
/**
 * The plan (local-checks/plan.ts): the upload's manifest against the one of the newest
 * successful record of this script (server, group, name) in the `environment`. Needs the
 * GitHub token only, no MLOps secret, so it works on a fork's pull request. Without an
 * environment there is nothing to compare with; a GitHub problem is one warning.
 */
async function planAgainstRecord(ctx, manifest) {
    const { spec, result } = ctx;
    const environment = spec.records.environment;
    if (!environment)
        return;
    if (!spec.connection.apiUrl) {
        core/* notice */.lm(`environment is '${(0,inert/* oneLine */.TN)(environment)}', but url is empty: records are kept per server, so there is ` +
            'no plan. Set url (not a secret) to the server the script is deployed to.');
        return;
    }
    const client = await (0,github_client/* gitHubClient */.X)(spec.records.token);
    if (!client) {
        core/* notice */.lm(`No plan: there is no github-token or GITHUB_REPOSITORY to read the records of '${(0,inert/* oneLine */.TN)(environment)}'.`);
        return;
    }
    await core/* group */.Os(`Plan against the last deploy in '${(0,inert/* oneLine */.TN)(environment)}'`, async () => {
        try {
            const record = await (0,records/* findLatestRecord */.Gq)(client, {
                environment,
                server: spec.connection.apiUrl,
                group: spec.group,
                name: spec.script.name
            });
            if (record)
                result.previousHash ??= { hash: record.scriptHash, from: 'record' };
            showPlan(ctx, record, manifest);
        }
        catch (error) {
            const consequence = `the records of environment '${(0,inert/* oneLine */.TN)(environment)}' cannot be read, so there is no plan`;
            (result.gitHubProblems ??= []).push({ error, permission: READ_PERMISSION, consequence });
            core/* info */.pq('No plan: GitHub did not answer (the warning at the end says why).');
        }
    });
}
/**
 * Sets and prints the plan against `record` (undefined: the environment has no record of
 * the script yet). Deploy mode calls it once the records were read (modes/github-record.ts).
 */
function showPlan(ctx, record, manifest) {
    // A deploy's digest holds the .env file's values keyed by the password: it settles what the manifests cannot.
    const { digest } = ctx.result;
    const digests = record && digest && ctx.spec.mode === 'deploy' ? { recorded: record.digest, current: digest } : undefined;
    // Validate mode sends no probe: under api-version auto, an Async script's API is the server's to decide.
    const { operation } = ctx.spec.script;
    const apiUndecided = ctx.spec.mode !== 'deploy' && operation === 'Async' && ctx.spec.apiVersion === 'auto';
    ctx.result.plan = planChanges(record?.payload.manifest, manifest, { digests, apiUndecided });
    if (record)
        core/* info */.pq(`The last recorded deploy: ${record.scriptHash} (deployment ${record.deploymentId}).`);
    (0,inert/* printInert */.C6)(ctx.result.plan.markdown);
}


/***/ }),

/***/ 64352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  validateMode: () => (/* binding */ validateMode)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(85497);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/local-checks/manifest.ts
var manifest = __webpack_require__(61102);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/shared/json-subset.ts
var json_subset = __webpack_require__(77642);
// EXTERNAL MODULE: ./src/shared/api-choice.ts
var api_choice = __webpack_require__(38077);
// EXTERNAL MODULE: ./src/shared/dotenv.ts
var dotenv = __webpack_require__(66459);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/hyparquet/src/read.js + 17 modules
var read = __webpack_require__(42123);
// EXTERNAL MODULE: ./node_modules/hyparquet-writer/src/write.js + 26 modules
var write = __webpack_require__(25498);
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
var harness_process = __webpack_require__(99693);
// EXTERNAL MODULE: ./src/harness/contract.ts
var contract = __webpack_require__(41848);
;// CONCATENATED MODULE: ./src/harness/index.ts
/**
 * The TypeScript side of python/harness/, the one place that loads and calls an
 * entrypoint the way the server does. Validate mode (src/local-checks) and the emulator
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
var embedded = __webpack_require__(79412);
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

// EXTERNAL MODULE: ./src/steps/async-result.ts + 2 modules
var async_result = __webpack_require__(44838);
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
 * harness, python/harness/, decides how), with python<python-version> when it is on
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
    const output = { ...done, outputFile: run.outputFile, rows: run.rows, columns: run.columns };
    const expectation = smokeTest.asyncExpect;
    if (!expectation || !run.outputFile)
        return { ...output, outcome: 'passed' };
    // The same check as on the server's result, on the file the entrypoint wrote (or its DataFrame's parquet).
    const format = (0,async_result/* tableFormatOf */.$r)(run.outputFile);
    const label = `the entrypoint's output (${(0,external_node_path_.basename)(run.outputFile)})`;
    if (!format) {
        const problem = 'it is not a table smoke-test-expect can be checked on (a .csv or .parquet file)';
        return { ...output, outcome: 'failed', reason: `${label} cannot be checked: ${problem}` };
    }
    const check = await (0,async_result/* checkAsyncResult */.m6)(run.outputFile, format, expectation, label);
    return {
        ...output,
        outcome: check.reason ? 'failed' : 'passed',
        reason: check.reason,
        expectation: check.expectation
    };
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
var inert = __webpack_require__(94105);
// EXTERNAL MODULE: ./src/modes/plan-phase.ts + 1 modules
var plan_phase = __webpack_require__(32042);
// EXTERNAL MODULE: ./src/local-checks/contract-fit.ts
var contract_fit = __webpack_require__(85291);
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
        result.contract = (0,contract_fit/* checkContractFit */.i)(spec, api, why, signals, core/* notice */.lm);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            result.status = 'invalid-input';
        throw error;
    }
    core/* info */.pq(`Contract tested: ${(0,inert/* oneLine */.TN)(result.contract.calledAs ?? '')} (${(0,inert/* oneLine */.TN)(why)}).`);
    await core/* group */.Os('Manifest', async () => {
        result.manifest = await (0,manifest/* buildManifest */.u)(spec, spec.workspace);
        result.operation = operation;
        (0,inert/* printInert */.C6)(JSON.stringify(result.manifest, null, 2));
    });
    // Before the local run, which may fail: a pull request sees what would change either way.
    await (0,plan_phase/* planAgainstRecord */.C)(ctx, result.manifest);
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
            interpreter: local.interpreter,
            expectation: local.expectation
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


/***/ })

};
