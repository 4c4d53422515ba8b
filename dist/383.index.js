export const id = 383;
export const ids = [383];
export const modules = {

/***/ 95847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ex: () => (/* binding */ EXECUTION_RUNNING_STATES),
/* harmony export */   Gq: () => (/* binding */ BUILDING_STATES),
/* harmony export */   R5: () => (/* binding */ EXECUTION_ID_IN_MESSAGE)
/* harmony export */ });
/** The raw shapes exactly as the Neomaril v1 API sends them (docs/platform-contract.md). */
/** States a build passes through on its way to Deployed. */
const BUILDING_STATES = ['Building', 'Recovering'];
/** Execution states (docs/platform-contract.md). */
const EXECUTION_RUNNING_STATES = ['Requested', 'Running'];
/** The execution id inside E1's message (the 4.x client's regex). */
const EXECUTION_ID_IN_MESSAGE = /'(\d+)'/;


/***/ }),

/***/ 25383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: ./src/steps/logs.ts
var logs = __webpack_require__(6904);
// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(94105);
// EXTERNAL MODULE: ./src/publish/outputs.ts
var outputs = __webpack_require__(16689);
// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(85497);
// EXTERNAL MODULE: ./src/publish/result.ts
var publish_result = __webpack_require__(5586);
// EXTERNAL MODULE: ./src/steps/server-smoke-test.ts
var server_smoke_test = __webpack_require__(14433);
// EXTERNAL MODULE: ./src/shared/secrets.ts
var secrets = __webpack_require__(33260);
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
        ['Operation', (0,publish_result/* knownScript */.h)(result).operation ?? '—'],
        ['Python', (0,publish_result/* knownScript */.h)(result).pythonVersion ?? '—'],
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
        ...pipelineRows(smoke, code),
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
        const pipeline = smoke.pipeline;
        const entries = smoke.resultEntries?.map((e) => `${e.name} (${e.size} B)`).join(', ');
        // In a pipeline the entries are the model's once its result is in; until then, still the script's.
        const modelEntries = pipeline !== undefined && smoke.resultFile !== pipeline.preprocessing.resultFile;
        const shape = smoke.resultRows === undefined
            ? ''
            : `; result ${smoke.resultTable ? outside(smoke.resultTable) : 'parquet'}: ${smoke.resultRows} rows, ` +
                `columns ${outside((0,server_smoke_test/* typedColumns */.A8)(smoke) || 'none')}`;
        const expectation = !smoke.expectation
            ? ''
            : smoke.expectation.met
                ? '; smoke-test-expect met'
                : `; smoke-test-expect not met (${outside(smoke.expectation.problems.join('; '))})`;
        const inputs = Object.entries(smoke.inputHashes ?? {})
            .map(([name, hash]) => `${name} ${hash}`)
            .join(', ');
        summary.addRaw(`<p><strong>Smoke test</strong>: execution ${escapeHtml(smoke.executionId)} ` +
            `ended as ${outside(smoke.executionStatus ?? '?')}` +
            `${smoke.executionMessage ? ` (${outside(smoke.executionMessage)})` : ''}` +
            `${entries && !modelEntries ? `; result zip holds ${outside(entries)}` : ''}${shape}${expectation}` +
            `${inputs ? `; inputs ${escapeHtml(inputs)}` : ''}.</p>\n`);
        const model = pipeline?.model;
        if (model?.executionId)
            summary.addRaw(`<p><strong>Model</strong>: execution ${escapeHtml(model.executionId)} ` +
                `ended as ${outside(model.executionStatus ?? '?')}` +
                `${model.executionMessage ? ` (${outside(model.executionMessage)})` : ''}` +
                `${entries && modelEntries ? `; result zip holds ${outside(entries)}` : ''}.</p>\n`);
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
/** A pipeline smoke test's rows: the model, then each stage with its outcome and time. */
function pipelineRows(smoke, code) {
    const stages = smoke.pipeline;
    if (!stages)
        return [];
    const stage = (s) => `${SMOKE_TEST_ICON[s.outcome]} ${s.outcome}${s.elapsedMs === undefined ? '' : ` in ${(0,duration/* formatDuration */.a3)(s.elapsedMs)}`}`;
    return [
        ['Model', `${code(stages.modelHash)} in ${code(stages.modelGroup)}`],
        ['Pipeline', `preprocessing ${stage(stages.preprocessing)} → model ${stage(stages.model)}`]
    ];
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
var records = __webpack_require__(13805);
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
    const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(61), __webpack_require__.e(351), __webpack_require__.e(656)]).then(__webpack_require__.bind(__webpack_require__, 56656));
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
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
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
var error_envelope = __webpack_require__(16552);
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

// EXTERNAL MODULE: ./src/publish/github-client.ts
var github_client = __webpack_require__(67426);
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
    // A pipeline that failed at the model: the model's traceback, not the script's (empty) message.
    const failedMessage = smoke.pipeline?.model.outcome === 'failed' ? smoke.pipeline.model.executionMessage : undefined;
    const excerpt = result.localTraceback ?? (smoke.outcome === 'failed' ? (failedMessage ?? smoke.executionMessage) : undefined);
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
    const { context } = await __webpack_require__.e(/* import() */ 351).then(__webpack_require__.bind(__webpack_require__, 61351));
    const number = context.payload.pull_request?.number ?? context.payload.number;
    return typeof number === 'number' ? number : undefined;
}
/** The workflow line that grants what commenting needs, for the warning. */
const COMMENT_PERMISSION = 'pull-requests: write';
/**
 * Posts or updates the comment. Never fails the run: a GitHub problem joins the run's
 * others in one warning naming the permission (src/github/permissions.ts).
 */
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
        const planIsKept = 'the plan is in the changes-markdown output and the job summary';
        const consequence = `no comment on pull request #${issue}; ${planIsKept}`;
        const whenRefused = 'a pull request from a fork gets a read-only token whatever the workflow asks';
        (result.gitHubProblems ??= []).push({ error, permission: COMMENT_PERMISSION, consequence, whenRefused });
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

// EXTERNAL MODULE: ./src/github/port.ts
var port = __webpack_require__(18212);
;// CONCATENATED MODULE: ./src/github/permissions.ts

/** GitHub refused (HTTP 403, or 404 as it answers a token that may not see the resource). */
function refused(problem) {
    const { error } = problem;
    return error instanceof port/* GitHubCallError */._ && (error.status === 403 || error.status === 404);
}
function why(problem) {
    return problem.error instanceof Error ? problem.error.message : String(problem.error);
}
/** The consequence, with the remark that only a refusal earns. */
function refusalConsequence(problem) {
    return problem.whenRefused ? `${problem.consequence} (${problem.whenRefused})` : problem.consequence;
}
/** `a`, `a and b`, `a, b and c`. */
function listed(items) {
    return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
/**
 * The warnings for the GitHub calls that failed, whoever made them (the deploy records, the
 * plan's read of them, the pull-request comment): every refusal in ONE warning naming each
 * permission the job lacks and the workflow lines that grant them (`x: write` covers
 * `x: read`); every other failure (GitHub down, no answer in time) in one more, with
 * GitHub's answers. Each says what the run goes without; a GitHub problem never fails a run.
 */
function gitHubWarnings(problems) {
    const refusals = problems.filter(refused);
    const warnings = [];
    if (refusals.length > 0) {
        const wanted = [...new Set(refusals.map((problem) => problem.permission))];
        const permissions = wanted.filter((p) => !(p.endsWith(': read') && wanted.includes(p.replace(/read$/, 'write'))));
        const plural = permissions.length > 1;
        warnings.push(`The GitHub token lacks the ${listed(permissions)} permission${plural ? 's' : ''} ` +
            `(${refusals.map(why).join('; ')}): ${refusals.map(refusalConsequence).join('; ')}. ` +
            `Grant ${plural ? 'them' : 'it'} in the workflow: permissions: with ${listed(permissions)} ` +
            '(beside contents: read).');
    }
    const failures = problems.filter((other) => !refused(other));
    if (failures.length > 0)
        warnings.push(`GitHub did not answer as expected (${failures.map(why).join('; ')}): ` +
            `${failures.map((problem) => problem.consequence).join('; ')}. The run itself is unaffected.`);
    return warnings;
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
        const tail = (0,logs/* logTail */.RB)(title, entries, logs/* LOG_TAIL_LINES */.A5);
        core/* startGroup */.Oh(tail.heading);
        (0,inert/* printInert */.C6)(tail.text);
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
    // Every GitHub call that failed, in one warning per kind: a token lacking two permissions names both at once.
    for (const warning of gitHubWarnings(result.gitHubProblems ?? []))
        core/* warning */.$e((0,inert/* oneLine */.TN)(warning), { title: 'GitHub' });
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
    // In a pipeline the answer's traceback is the script's only when the preprocessing failed; else it is the model's.
    const stages = result.smokeTest.pipeline;
    if (envelope && (!stages || stages.preprocessing.outcome === 'failed'))
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

/***/ 16552:
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

/***/ 47362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ abortableSleep)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);

/** Waits `ms`, or ends early with CancelledError when `signal` aborts: the retries' and the wait's pauses. */
function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(String(signal.reason ?? 'cancellation')));
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(String(signal?.reason ?? 'cancellation')));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}


/***/ }),

/***/ 14433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A8: () => (/* binding */ typedColumns),
/* harmony export */   AT: () => (/* binding */ checkResultFile),
/* harmony export */   P9: () => (/* binding */ smokeTestSync),
/* harmony export */   so: () => (/* binding */ smokeTestAsync)
/* harmony export */ });
/* harmony import */ var _api_wire_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(95847);
/* harmony import */ var _async_result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44838);
/* harmony import */ var _logs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6904);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11934);
/* harmony import */ var _shared_json_subset_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(77642);
/* harmony import */ var _shared_error_envelope_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16552);






/**
 * Sync smoke test: sends {"Input": sample}. Passes on a 2xx JSON answer that is not an
 * error envelope and, when `expected` is given, contains it (deep subset).
 */
async function smokeTestSync(api, hash, input, expected) {
    const started = Date.now();
    const request = { Input: input };
    const { status, body } = await api.runSync(hash, input);
    const result = { outcome: 'failed', request, responseStatus: status, responseBody: body };
    result.elapsedMs = Date.now() - started;
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        result.reason = `the run answered HTTP ${status} with a body that is not JSON`;
        return result;
    }
    const envelope = (0,_shared_error_envelope_js__WEBPACK_IMPORTED_MODULE_2__/* .envelopeError */ .j)(parsed)?.message;
    if (status < 200 || status > 299 || envelope) {
        // The reason is one line (the exception); the whole traceback stays in responseBody.
        result.reason = `the run answered HTTP ${status}${envelope ? `: ${(0,_logs_js__WEBPACK_IMPORTED_MODULE_3__/* .lastLine */ .fM)(envelope)}` : ''}`;
        return result;
    }
    if (expected !== undefined && !(0,_shared_json_subset_js__WEBPACK_IMPORTED_MODULE_4__/* .containsDeep */ .O)(parsed, expected)) {
        result.reason =
            'the answer does not contain smoke-test-expect ' + `(first difference: ${(0,_shared_json_subset_js__WEBPACK_IMPORTED_MODULE_4__/* .firstDifference */ .a)(parsed, expected, '$')})`;
        return result;
    }
    result.outcome = 'passed';
    return result;
}
/** v2 executions may also sit in 'Uploaded' (inputs in, not run yet) before Running. */
const EXECUTION_PENDING_STATES = [..._api_wire_js__WEBPACK_IMPORTED_MODULE_5__/* .EXECUTION_RUNNING_STATES */ .Ex, 'Uploaded'];
/**
 * Async smoke test: starts an execution on the datasets (v1: one file; v2: create,
 * one upload per dataset, run), waits for it with its own deadline, downloads the
 * result and checks it (steps/async-result.ts): v1 a readable, non-empty zip; v2 a readable,
 * non-empty parquet file; and the expectation, if any, on the result's table.
 */
async function smokeTestAsync(api, hash, datasets, options) {
    const started = Date.now();
    const execution = await api.startExecution(hash, datasets, options.onCall);
    const executionId = execution.id;
    const result = { outcome: 'failed', executionId };
    if (api.version === 'v2')
        result.inputHashes = execution.inputHashes;
    let outputDatasetHash;
    const outcome = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .waitWhilePending */ .cB)(async (limits) => {
        const state = await api.executionStatus(hash, executionId, limits);
        outputDatasetHash = state.outputDatasetHash;
        return state;
    }, {
        timeoutMs: options.timeoutMs,
        pollIntervalMs: options.pollIntervalMs,
        pendingStates: EXECUTION_PENDING_STATES,
        signal: options.signal,
        onPoll: options.onPoll,
        onTransientFailure: options.onTransientFailure
    });
    result.executionStatus = outcome.last.status;
    result.executionMessage = outcome.last.message;
    result.outputDatasetHash = outputDatasetHash;
    result.elapsedMs = Date.now() - started;
    if (outcome.kind === 'timed-out') {
        result.reason =
            `execution ${executionId} was still '${outcome.last.status}' ` +
                `after ${Math.round(outcome.elapsedMs / 1000)}s (smoke-test-timeout)`;
        return result;
    }
    if (outcome.last.status !== 'Succeeded') {
        const message = outcome.last.message ? `: ${(0,_logs_js__WEBPACK_IMPORTED_MODULE_3__/* .lastLine */ .fM)(outcome.last.message)}` : '';
        result.reason = `execution ${executionId} ended as '${outcome.last.status}'${message}`;
        return result;
    }
    await api.downloadResult(hash, executionId, options.resultPath);
    result.resultFile = options.resultPath;
    result.reason = await checkResultFile(result, options.resultPath, api.resultFormat, options.expectation, `the result of execution ${executionId}`);
    if (result.reason === undefined)
        result.outcome = 'passed';
    return result;
}
/** "id (integer), score (number)": the result table's columns as read, with their types when known. */
function typedColumns(smoke) {
    return (smoke.resultColumns ?? [])
        .map((name, i) => (smoke.resultTypes?.[i] ? `${name} (${smoke.resultTypes[i]})` : name))
        .join(', ');
}
/**
 * Checks a downloaded Async result (the script's, or the model's in a pipeline) with
 * steps/async-result.ts, records what it found in `result`, and says why it is no good
 * (or does not meet `expectation`); undefined when it passes.
 */
async function checkResultFile(result, path, format, expectation, label) {
    const check = await (0,_async_result_js__WEBPACK_IMPORTED_MODULE_0__/* .checkAsyncResult */ .m6)(path, format, expectation, label);
    result.resultEntries = check.entries;
    if (check.table) {
        result.resultTable = check.table.file;
        result.resultRows = check.table.rows;
        result.resultColumns = check.table.columns;
        result.resultTypes = check.table.types;
    }
    result.expectation = check.expectation;
    return check.reason;
}


/***/ }),

/***/ 11934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cB: () => (/* binding */ waitWhilePending),
/* harmony export */   lS: () => (/* binding */ describeHint)
/* harmony export */ });
/* unused harmony exports FIRST_CHECK_MS, BUDGET_GAP_MS, DENSE_UNTIL_MS, SAVING_GAP_MS, DENSE_GAP_MS, WINDOW_FROM, WINDOW_UNTIL, MAX_HINT_MS, nextDueAt */
/* harmony import */ var _api_wire_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(95847);
/* harmony import */ var _shared_sleep_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47362);
/* harmony import */ var _shared_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85497);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);




/**
 * The schedule (docs/poll-schedule.md). Times are counted from the start of the
 * wait, i.e. right after the host or run call was answered.
 *
 * - The first check comes after a second: right after a host or run call the server
 *   answers Building/Running anyway, and a quick execution (about 0.6 s on the emulator)
 *   is over by then.
 * - The budget: after the first check, one per 2 s: check n (n ≥ 2) is never due before
 *   1 s + (n − 2) × 2 s, whatever else the schedule does.
 * - Without a hint, check n (n ≥ 3) is due at 1 s + (n − 2) × 2 s + a phase (0–2 s, random
 *   per wait), check 2 halfway between the first and the third, so no gap passes 2 s: a
 *   build is seen at most 2 s (on average 1 s) after it ends, the least any schedule
 *   can promise at that budget without knowing when the build ends. The random phase
 *   keeps the checks out of step with a build that started when the wait did, so a
 *   build of a round length is not always seen late.
 * - With a hint (the expected length E, from the script's previous build, up to 5
 *   minutes): a check every 4 s until 0.9 E saves budget, which then buys a check every
 *   second for as long as the budget allows (until about 1.35 E for E of 30 s or more;
 *   then the budget's own 2 s steps), so a build that takes about as long as the last
 *   one is seen within a second (on average half a second). From 1.5 E on, the schedule
 *   is the one without a hint.
 * - Builds on the platform take 90–250 s (docs/platform-contract.md), so the dense rhythm holds
 *   through 4 minutes; after that each gap grows by a fifth of the time past 4 minutes,
 *   up to poll-interval (the longest gap, 10 s by default): 30 minutes cost about 280
 *   checks.
 * - The last check falls on the deadline.
 */
const FIRST_CHECK_MS = 1000;
const BUDGET_GAP_MS = 2000;
const DENSE_UNTIL_MS = 240_000;
const RAMP_DIVISOR = 5;
/**
 * With a hint E: a check every SAVING_GAP_MS before WINDOW_FROM × E, one every
 * DENSE_GAP_MS (budget allowing) until WINDOW_UNTIL × E.
 */
const SAVING_GAP_MS = 4000;
const DENSE_GAP_MS = 1000;
const WINDOW_FROM = 0.9;
const WINDOW_UNTIL = 1.5;
/** Longer hints are ignored; with poll-interval 8 s or more a 30-minute wait then stays under 400 checks. */
const MAX_HINT_MS = 300_000;
/**
 * When check `attempt` (1, 2, …) is due, in ms since the wait began, given when the
 * previous one was due and the expected build length if known. Never later than the
 * previous due time plus poll-interval.
 */
function nextDueAt(attempt, previousDueMs, phaseMs, pollIntervalMs, expectedMs) {
    if (attempt <= 1)
        return Math.min(FIRST_CHECK_MS, pollIntervalMs);
    // The request budget: after the first check, one per 2 s (check n no earlier than 1 s + (n − 2) × 2 s).
    const budget = FIRST_CHECK_MS + (attempt - 2) * BUDGET_GAP_MS;
    const ramp = Math.max(0, previousDueMs - DENSE_UNTIL_MS) / RAMP_DIVISOR;
    const window = usableHint(expectedMs);
    let due;
    // Within a dense gap of the window's start counts as in it: no sliver of a gap before it.
    if (window && previousDueMs < window.from - DENSE_GAP_MS) {
        due = Math.max(budget, Math.min(previousDueMs + SAVING_GAP_MS + ramp, window.from));
    }
    else if (window && previousDueMs < window.until) {
        // Every second until the budget catches up, then the budget's own 2 s steps.
        due = Math.max(budget, previousDueMs + DENSE_GAP_MS);
    }
    else {
        // The grid starts at the first check: check 3 at 3 s + the phase, check 2 halfway there,
        // so no gap is over 2 s or under 1 s (a budget of n × 2 s held check 2 until 4–6 s).
        const grid = budget + phaseMs;
        due =
            attempt === 2
                ? FIRST_CHECK_MS + (BUDGET_GAP_MS + phaseMs) / 2
                : Math.max(grid, previousDueMs + (attempt === 3 ? DENSE_GAP_MS : BUDGET_GAP_MS) + ramp);
    }
    return Math.min(previousDueMs + pollIntervalMs, due);
}
/**
 * The window a hint opens, or none: a hint past 5 minutes is no use, as by then the gaps
 * have grown to poll-interval.
 */
function usableHint(expectedMs) {
    if (expectedMs === undefined || expectedMs > MAX_HINT_MS)
        return undefined;
    return { from: expectedMs * WINDOW_FROM, until: expectedMs * WINDOW_UNTIL };
}
/** What a hint does to the schedule, in words, for the log. */
function describeHint(expectedMs) {
    if (!usableHint(expectedMs))
        return `longer than ${MAX_HINT_MS / 60_000} minutes, so it changes nothing`;
    return (`checking every ${SAVING_GAP_MS / 1000} s until about ${(0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(expectedMs * WINDOW_FROM)}, ` +
        'then every second while the request budget allows');
}
/**
 * Checks a status until it leaves the pending states or the deadline passes, on the
 * schedule above. Due times are absolute (from the start), so slow checks or late
 * timers do not stretch the schedule, and the budget holds however long a check takes.
 * `now` is an epoch clock (Date.now by default): the deadline handed to `check` is an
 * absolute time the client compares with its own clock.
 */
async function waitWhilePending(check, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? _shared_sleep_js__WEBPACK_IMPORTED_MODULE_0__/* .abortableSleep */ .M;
    const pending = options.pendingStates ?? _api_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .BUILDING_STATES */ .Gq;
    const phaseMs = (options.random ?? Math.random)() * BUDGET_GAP_MS;
    const started = now();
    const deadline = started + options.timeoutMs;
    let previous;
    let outageSince;
    let dueMs = 0;
    // `attempt` counts every request (the budget), `checks` the ones that were answered.
    for (let attempt = 1, checks = 0;; attempt++) {
        dueMs = Math.min(nextDueAt(attempt, dueMs, phaseMs, options.pollIntervalMs, options.expectedMs?.()), options.timeoutMs);
        const wait = started + dueMs - now();
        if (wait > 0)
            await sleep(wait, options.signal);
        // The deadline goes to the check, so its retries stop there too (client CallOptions).
        let last;
        try {
            last = await check({ deadline });
        }
        catch (error) {
            if (!isTransient(error))
                throw error;
            // A transient failure once the deadline has passed is the deadline's doing: the
            // retries stopped there. Report the timeout with the last state seen, not the fault.
            if (now() >= deadline) {
                if (previous)
                    return { kind: 'timed-out', last: previous, elapsedMs: now() - started, checks };
                throw error;
            }
            // A server blip during a long build is no news: keep checking, for a while.
            outageSince ??= now();
            const outageMs = now() - outageSince;
            if (outageMs >= (options.maxOutageMs ?? 5 * 60_000))
                throw error;
            options.onTransientFailure?.(error, outageMs);
            continue;
        }
        checks++;
        outageSince = undefined;
        previous = last;
        const elapsedMs = now() - started;
        options.onPoll?.({ elapsedMs, status: last.status, check: checks });
        if (!pending.includes(last.status))
            return { kind: 'done', last, elapsedMs, checks };
        if (now() >= deadline)
            return { kind: 'timed-out', last, elapsedMs, checks };
    }
}
/** A failure a retry could have mended, had there been time. */
function isTransient(error) {
    return error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .NetworkError */ .Dr || (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiError */ .hD && (error.status === 429 || error.status >= 500));
}


/***/ })

};
