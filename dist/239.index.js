export const id = 239;
export const ids = [239];
export const modules = {

/***/ 65239:
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
