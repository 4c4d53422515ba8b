export const id = 843;
export const ids = [843];
export const modules = {

/***/ 53097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ gitHubClient)
/* harmony export */ });
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82150);

/**
 * A client for the job's repository with the github-token input, at GITHUB_API_URL (a
 * GitHub Enterprise Server's API too); undefined when there is no token or no repository
 * (a run outside Actions).
 */
async function gitHubClient(token) {
    const repository = process.env.GITHUB_REPOSITORY;
    if (!token || !repository)
        return undefined;
    return (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_0__/* .openGitHub */ .o)({ token, apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com', repository });
}


/***/ }),

/***/ 76843:
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
// EXTERNAL MODULE: ./src/publish/outputs.ts
var outputs = __webpack_require__(16934);
// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(18470);
// EXTERNAL MODULE: ./src/shared/secrets.ts
var secrets = __webpack_require__(84553);
;// CONCATENATED MODULE: ./src/publish/summary.ts




const STATUS_ICON = {
    deployed: '✅',
    validated: '✅',
    unchanged: '✅',
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
        ...recordRows(result, code),
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
    // The plan is Markdown whose server and user text is in code spans already (src/shared/inert.ts).
    if (result.plan)
        summary.addRaw(`<p><strong>Changes</strong></p>\n\n${result.plan.markdown}\n\n`);
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
        summary.addRaw(details(`${title}: last ${Math.min(logs/* LOG_TAIL_LINES */.A5, entries.length)} of ${entries.length} entries`, pre((0,secrets/* redact */.E$)((0,logs/* logTail */.RB)(entries, logs/* LOG_TAIL_LINES */.A5)))));
    }
    for (const warning of result.publishWarnings)
        summary.addRaw(`<p>⚠️ ${outside(warning)}</p>\n`);
    await summary.write();
}
/** The deploy record's rows, when the run has a digest (deploy mode) or a record. */
function recordRows(result, code) {
    const rows = [];
    if (result.status === 'unchanged')
        rows.push(['Unchanged', `nothing was uploaded: ${escapeHtml(result.recordNote ?? 'the recorded script was kept')}`]);
    if (result.digest)
        rows.push(['Digest', code(result.digest)]);
    const environment = result.spec?.records.environment;
    if (environment && result.spec?.mode === 'deploy')
        rows.push([
            'Record',
            result.deploymentId === undefined
                ? `none made in environment ${code(environment)}`
                : `deployment ${result.deploymentId} in environment ${code(environment)}` +
                    (result.previousHash ? `; previous script ${code(result.previousHash.hash)}` : '')
        ]);
    return rows;
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

// EXTERNAL MODULE: ./src/publish/records.ts
var records = __webpack_require__(41682);
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
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, (0,records/* recordFiles */.B5)(dir), dir, {
        retentionDays: spec?.artifact.retentionDays
    });
    const repository = process.env.GITHUB_REPOSITORY;
    const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
    const url = id !== undefined && repository && process.env.GITHUB_RUN_ID
        ? `${server}/${repository}/actions/runs/${process.env.GITHUB_RUN_ID}/artifacts/${id}`
        : undefined;
    return { name, id, url };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/publish/annotations.ts

/**
 * Finds, in Python tracebacks (from the server or a local run), the innermost frame in a
 * file the action uploaded and maps it back to the user's file and line. A frame counts
 * only when its path, relative to the script's folder, is an uploaded file's name: a
 * library file that merely shares a base name with one never does. The script's folder
 * is where the outermost frame of the source file (script.py) sits — the server enters
 * the user's code through it, so library frames come deeper. Notebooks are skipped:
 * their line numbers do not match the .ipynb file.
 */
function tracebackAnnotations(entries, uploads, workspace) {
    const source = uploads.find((f) => f.part === 'source');
    if (!source || source.uploadName.endsWith('.ipynb'))
        return [];
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

// EXTERNAL MODULE: ./src/shared/error-envelope.ts
var error_envelope = __webpack_require__(37491);
;// CONCATENATED MODULE: ./src/github/pr-comment.ts
/** GitHub refuses a comment body longer than this many characters. */
const COMMENT_MAX_CHARS = 65_536;
/**
 * The hidden marker that starts the comment: an HTML comment GitHub does not show. Every
 * part is percent-encoded, so a name holding `-->` (or a line break) cannot end it early
 * and no two scripts share a marker.
 */
function commentMarker(key) {
    const parts = [key.environment || '-', key.server, key.group, key.name].map(encodeURIComponent);
    return `<!-- neomaril-deploy: ${parts.join('/')} -->`;
}
/**
 * Creates the comment, or updates the one that starts with the marker (the oldest, if a
 * person copied the marker into another). A body that did not change is not sent again.
 */
async function upsertComment(port, issue, marker, body) {
    const text = `${marker}\n${body}`;
    const existing = (await port.listComments(issue)).find((comment) => comment.body.startsWith(marker));
    if (!existing)
        return { action: 'created', id: await port.createComment(issue, text) };
    if (existing.body === text)
        return { action: 'unchanged', id: existing.id };
    await port.updateComment(existing.id, text);
    return { action: 'updated', id: existing.id };
}

// EXTERNAL MODULE: ./src/github/permissions.ts
var permissions = __webpack_require__(74854);
// EXTERNAL MODULE: ./src/publish/github-client.ts
var github_client = __webpack_require__(53097);
;// CONCATENATED MODULE: ./src/publish/pr-comment.ts






const OUTCOME_ICON = { passed: '✅', failed: '❌', skipped: '➖' };
/** The plan's share of a comment; a longer plan is cut at a line (the changes-markdown output has it all). */
const PLAN_MAX_CHARS = 50_000;
const pr_comment_EXCERPT_CHARS = 2000;
/** The events whose run has a pull request to comment on. */
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/**
 * The comment's Markdown (without the marker): the plan, the local run or smoke test, and
 * in deploy mode the hash. Server and user text is in code spans or blocks
 * (src/shared/inert.ts): no @-mention, HTML, link or table the text made; secrets redacted.
 */
function commentBody(result, facts) {
    const { key, plan } = facts;
    const mode = result.spec?.mode ?? 'deploy';
    const where = key.environment ? ` in ${(0,inert/* markdownCode */.D9)(key.environment)}` : '';
    const lines = [
        `### Neomaril: ${(0,inert/* markdownCode */.D9)(key.name)}${where}`,
        '',
        `**${mode}** · status **${result.status}** · group ${(0,inert/* markdownCode */.D9)(key.group)}` +
            (facts.commit ? ` · commit ${(0,inert/* markdownCode */.D9)(facts.commit.slice(0, 12))}` : ''),
        '',
        '#### Changes',
        '',
        planSection(plan, facts.recordHash, key.environment),
        '',
        ...runSection(result)
    ];
    if (facts.runUrl && /^https?:\/\/[^\s)]+$/.test(facts.runUrl))
        lines.push('', `[The workflow run](${facts.runUrl})`);
    return lines.join('\n');
}
function planSection(plan, recordHash, environment) {
    if (!plan)
        return environment
            ? "No plan: the environment's records could not be read (the step's warnings say why)."
            : 'No plan: set `environment` (where the deploys are recorded) so the run can compare with the last one.';
    const against = recordHash ? `Against the last recorded deploy, ${(0,inert/* markdownCode */.D9)(recordHash)}:\n\n` : '';
    if (plan.markdown.length <= PLAN_MAX_CHARS)
        return against + plan.markdown;
    const cut = plan.markdown.slice(0, plan.markdown.lastIndexOf('\n', PLAN_MAX_CHARS));
    const left = plan.markdown.slice(cut.length).split('\n').length - 1;
    return `${against}${cut}\n\n*(${left} more lines: the step's \`changes-markdown\` output has them all.)*`;
}
function runSection(result) {
    const smoke = result.smokeTest;
    const title = smoke.where === 'local' ? 'Local run' : 'Smoke test';
    const lines = [`#### ${title}`, ''];
    lines.push(`${OUTCOME_ICON[smoke.outcome]} ${smoke.outcome}` +
        (smoke.elapsedMs === undefined || smoke.outcome === 'skipped' ? '' : ` in ${(0,duration/* formatDuration */.a3)(smoke.elapsedMs)}`) +
        (smoke.reason ? ` — ${(0,inert/* markdownCode */.D9)(smoke.reason)}` : ''));
    const excerpt = result.localTraceback ?? (smoke.outcome === 'failed' ? smoke.executionMessage : undefined);
    if (excerpt)
        lines.push('', (0,inert/* markdownBlock */.dI)(excerpt.slice(-pr_comment_EXCERPT_CHARS)));
    if (result.spec?.mode === 'deploy' && result.hash) {
        const built = result.buildSeconds === undefined ? '' : `, built in ${(0,duration/* formatDuration */.a3)(result.buildSeconds * 1000)}`;
        lines.push('', '#### Deploy', '', `Script hash ${(0,inert/* markdownCode */.D9)(result.hash)}${built}`);
    }
    if (result.error)
        lines.push('', '**The step failed:**', '', (0,inert/* markdownBlock */.dI)(result.error.slice(0, pr_comment_EXCERPT_CHARS)));
    return lines;
}
/** The pull request a run is for, from the event (undefined for any other event). */
async function pullRequestNumber(eventName) {
    if (!PULL_REQUEST_EVENTS.includes(eventName ?? ''))
        return undefined;
    const { context } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.bind(__webpack_require__, 51193));
    const number = context.payload.pull_request?.number ?? context.payload.number;
    return typeof number === 'number' ? number : undefined;
}
/** The workflow line that grants what commenting needs, for the warning. */
const COMMENT_PERMISSION = 'pull-requests: write';
/** Posts or updates the comment. Never fails the run: a GitHub problem is one warning naming the permission. */
async function postComment(port, issue, result, facts) {
    const marker = commentMarker(facts.key);
    let body = commentBody(result, facts);
    if (body.length + marker.length + 1 > COMMENT_MAX_CHARS)
        body = body.slice(0, COMMENT_MAX_CHARS - marker.length - 40);
    try {
        const outcome = await upsertComment(port, issue, marker, body);
        core/* info */.pq(`Pull request #${issue}: comment ${outcome.id} ${outcome.action}.`);
    }
    catch (error) {
        const consequence = `no comment on pull request #${issue} (a pull request from a fork gets a read-only token ` +
            'whatever the workflow asks); the plan is in the changes-markdown output and the job summary';
        core/* warning */.$e((0,inert/* oneLine */.TN)((0,permissions/* gitHubWarning */.e)(error, COMMENT_PERMISSION, consequence)), { title: 'pr-comment' });
    }
}
/**
 * pr-comment: on a pull-request event, the one comment of this script and environment,
 * created or updated; on any other event a notice. Never fails the run.
 */
async function commentOnPullRequest(result, where) {
    const spec = result.spec;
    if (!spec || spec.mode === 'smoke-test')
        return;
    const event = process.env.GITHUB_EVENT_NAME;
    const issue = await pullRequestNumber(event);
    if (issue === undefined) {
        core/* notice */.lm(`pr-comment is true, but this run is for ${event ? `a ${(0,inert/* oneLine */.TN)(event)} event` : 'no GitHub event'}, ` +
            'not a pull request: there is nothing to comment on.');
        return;
    }
    const client = await (0,github_client/* gitHubClient */.X)(spec.records.token);
    if (!client) {
        core/* warning */.$e('pr-comment is true, but github-token is empty: no comment. Leave github-token at its default.');
        return;
    }
    const key = {
        environment: spec.records.environment ?? '',
        server: spec.connection.apiUrl,
        group: spec.group,
        name: spec.script.name
    };
    const recordHash = result.previousHash?.from === 'record' ? result.previousHash.hash : undefined;
    await postComment(client, issue, result, {
        key,
        plan: result.plan,
        recordHash,
        commit: where.commit,
        runUrl: where.runUrl
    });
}

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
        core/* startGroup */.Oh(`${title}: last ${Math.min(logs/* LOG_TAIL_LINES */.A5, entries.length)} of ${entries.length} entries`);
        (0,inert/* printInert */.C6)((0,logs/* logTail */.RB)(entries, logs/* LOG_TAIL_LINES */.A5));
        core/* endGroup */.N4();
    }
    if (spec)
        annotate(result, spec);
    let where = {};
    try {
        where = await (0,records/* provenance */.aH)();
    }
    catch (error) {
        result.publishWarnings.push(`Could not read the workflow context: ${error.message}`);
    }
    if (result.recordsDir) {
        try {
            await (0,records/* writeRecords */.Wh)(result, where, spec?.workspace ?? process.cwd(), { hashFiles: !cancelled });
            if (spec?.artifact.upload && !cancelled) {
                // Archived as it stands now; rewritten below once the artifact's id is known.
                (0,records/* writeResultFile */.tH)(result);
                result.artifact = await uploadRecords(result);
                if (result.artifact.localOnly)
                    core/* notice */.lm(`No artifact service here (a local run?): the records are in ${result.recordsDir}.`);
                else
                    core/* info */.pq((0,inert/* oneLine */.TN)(`Uploaded artifact '${result.artifact.name}' (id ${result.artifact.id}).`));
            }
        }
        catch (error) {
            result.publishWarnings.push(`Could not publish the records: ${error.message}. They are in ${result.recordsDir}.`);
        }
        try {
            result.resultFile = (0,records/* writeResultFile */.tH)(result);
        }
        catch (error) {
            result.publishWarnings.push(`Could not write result.json: ${error.message}`);
        }
    }
    for (const warning of result.publishWarnings)
        core/* warning */.$e((0,inert/* oneLine */.TN)(warning));
    try {
        (0,outputs/* writeOutputs */.K)(result);
    }
    catch (error) {
        core/* warning */.$e((0,inert/* oneLine */.TN)(`Could not write the step outputs: ${error.message}`));
    }
    // After the outputs: a slow or refused GitHub call must not hold them up.
    if (spec?.prComment && !cancelled)
        await commentOnPullRequest(result, where);
    try {
        await writeSummary(result, where);
    }
    catch (error) {
        core/* warning */.$e((0,inert/* oneLine */.TN)(`Could not write the job summary: ${error.message}`));
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
        core/* error */.z3((0,inert/* oneLine */.TN)(annotation.message), {
            title: 'Error in the deployed script',
            file: annotation.file,
            startLine: annotation.line
        });
    }
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


/***/ })

};
