export const id = 517;
export const ids = [517];
export const modules = {

/***/ 2517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  recordRun: () => (/* binding */ recordRun),
  startGitHubRecord: () => (/* binding */ startGitHubRecord)
});

// EXTERNAL MODULE: ../../main/node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(48848);
;// CONCATENATED MODULE: ./src/github/port.ts
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
            throw new GitHubCallError(name, typeof status === 'number' ? status : 0, message);
        }
    };
    return {
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
                throw new GitHubCallError('POST deployments', response.status, 'message' in response.data ? String(response.data.message) : '');
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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

// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(24568);
// EXTERNAL MODULE: ./src/publish/records.ts
var records = __webpack_require__(41682);
;// CONCATENATED MODULE: ./src/modes/github-record.ts
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
        core/* warning */.$e('environment is set, but GITHUB_REPOSITORY is not (not on a runner?): no record on GitHub.');
        return undefined;
    }
    const apiUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
    const key = { environment, server: spec.connection.apiUrl, group: spec.group, name: spec.script.name };
    const connection = { port: openGitHub({ token, apiUrl, repository }), warned: false };
    const record = {
        key,
        earlier: withinLookupTime(connection.port.then((port) => findRecords(port, key))).catch((error) => {
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
        const where = await (0,records/* provenance */.aH)();
        const port = await connection.port;
        const failed = Boolean(result.error);
        const state = failed
            ? FINAL[result.status] === 'success'
                ? 'failure'
                : FINAL[result.status]
            : FINAL[result.status];
        const earlier = await record.earlier;
        const payload = recordPayload(record.key, {
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
        const id = await createRecord(port, {
            key: record.key,
            sha: where.commit ?? process.env.GITHUB_SHA ?? '',
            payload,
            description: (0,inert/* plainInert */.V8)(`Neomaril ${spec.script.operation} script ${what} (${result.status})`),
            inProgress: { state: 'in_progress', description: (0,inert/* plainInert */.V8)(`Deploying ${what}`), logUrl },
            final: state && {
                state,
                description: (0,inert/* plainInert */.V8)(`${result.status}: ${what}; smoke test ${result.smokeTest.outcome}`),
                environmentUrl: state === 'success' ? result.url : undefined,
                logUrl
            },
            supersedes: state === 'success' ? await liveRecords(port, record.key) : []
        });
        result.deploymentId = id;
        core/* info */.pq(`Recorded as deployment ${id} in environment '${(0,inert/* oneLine */.TN)(record.key.environment)}' (${state ?? 'in progress'}).`);
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
    const environment = (0,inert/* oneLine */.TN)(record.key.environment);
    // Writing the record needs write; reading the earlier ones needs read, which write includes.
    const permission = 'deployments: write';
    const refused = error instanceof GitHubCallError && (error.status === 403 || error.status === 404);
    const why = error instanceof GitHubCallError ? error.message : error.message;
    const consequence = access === 'write'
        ? `this deploy is not recorded in environment '${environment}'`
        : `the records of environment '${environment}' cannot be read, so nothing is skipped and none is made`;
    core/* warning */.$e((0,inert/* oneLine */.TN)(refused
        ? `The GitHub token lacks the ${permission} permission (${why}): ${consequence}. ` +
            `Grant it in the workflow: permissions: with ${permission} (beside contents: read).`
        : `GitHub did not answer as expected (${why}): ${consequence}. The deploy itself is unaffected.`));
}


/***/ })

};
