export const id = 903;
export const ids = [903];
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

/***/ 77642:
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

/***/ 44838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m6: () => (/* binding */ checkAsyncResult),
  $r: () => (/* binding */ tableFormatOf)
});

// UNUSED EXPORTS: tableProblems

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/steps/csv-table.ts
/**
 * A CSV file in an Async result (the file a v1 script wrote), read for smoke-test-expect:
 * its header, row count and each column's type as pandas.read_csv infers it with no
 * options — integer, number, boolean, else string (a date in a CSV is a string). pandas'
 * default missing values are skipped; a column with one is no longer integer but number
 * (NaN is a float), and a column of missing values only is number too.
 */
/** pandas.read_csv's default na_values. */
const MISSING = new Set([
    '',
    '#N/A',
    '#N/A N/A',
    '#NA',
    '-1.#IND',
    '-1.#QNAN',
    '-NaN',
    '-nan',
    '1.#IND',
    '1.#QNAN',
    '<NA>',
    'N/A',
    'NA'
].concat(['NULL', 'NaN', 'None', 'n/a', 'nan', 'null']));
const BOOLEAN = new Set(['True', 'TRUE', 'true', 'False', 'FALSE', 'false']);
const INTEGER = /^\s*[-+]?\d+\s*$/;
const NUMBER = /^\s*[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|inf|infinity)\s*$/i;
function readCsvSummary(text) {
    const records = parseCsv(text.replace(/^\uFEFF/, '')).filter((record) => !isBlank(record));
    const [header, ...rows] = records;
    if (!header)
        throw new Error('it is empty: no header line');
    const columns = header;
    const types = columns.map((_, index) => inferType(rows.map((row) => row[index] ?? '')));
    return { rows: rows.length, columns, types, csv: true };
}
function inferType(cells) {
    const present = cells.filter((cell) => !MISSING.has(cell));
    if (present.length === 0)
        return 'number';
    if (present.every((cell) => INTEGER.test(cell)))
        return present.length === cells.length ? 'integer' : 'number';
    if (present.every((cell) => NUMBER.test(cell)))
        return 'number';
    if (present.every((cell) => BOOLEAN.has(cell.trim())))
        return present.length === cells.length ? 'boolean' : 'string';
    return 'string';
}
/** pandas skips blank lines. */
function isBlank(record) {
    return record.length === 1 && record[0] === '';
}
/** RFC 4180 records: comma-separated, double quotes around a field, "" inside one; CRLF or LF. */
function parseCsv(text) {
    const records = [];
    let record = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (quoted) {
            if (char !== '"')
                field += char;
            else if (text[i + 1] === '"') {
                field += '"';
                i++;
            }
            else
                quoted = false;
        }
        else if (char === '"')
            quoted = true;
        else if (char === ',') {
            record.push(field);
            field = '';
        }
        else if (char === '\n' || char === '\r') {
            if (char === '\r' && text[i + 1] === '\n')
                i++;
            record.push(field);
            records.push(record);
            record = [];
            field = '';
        }
        else
            field += char;
    }
    if (quoted)
        throw new Error('a quoted field is never closed');
    if (field !== '' || record.length > 0) {
        record.push(field);
        records.push(record);
    }
    return records;
}

;// CONCATENATED MODULE: ./src/steps/parquet.ts
/** Rows decoded to prove the data pages read, not only the footer. */
const ROWS_DECODED = 100;
/** A file on disk (a path), or its bytes (a table inside a result zip). */
async function readParquetSummary(source) {
    const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } = await Promise.all(/* import() */[__webpack_require__.e(123), __webpack_require__.e(523)]).then(__webpack_require__.bind(__webpack_require__, 47523));
    const file = typeof source === 'string' ? await asyncBufferFromFile(source) : source;
    const metadata = await parquetMetadataAsync(file);
    const children = parquetSchema(metadata).children;
    const columns = children.map((child) => child.element.name);
    const types = children.map((child) => (child.children.length > 0 ? 'nested' : columnType(child.element)));
    const rows = Number(metadata.num_rows);
    if (rows > 0)
        await parquetReadObjects({ file, metadata, rowStart: 0, rowEnd: Math.min(rows, ROWS_DECODED) });
    return { rows, columns, types };
}
/**
 * A parquet column's type: integer (INT32/INT64 without a date or time annotation),
 * number (FLOAT, DOUBLE, DECIMAL), boolean, string (UTF8/STRING, ENUM, JSON), datetime
 * (DATE, TIME, TIMESTAMP, INT96); anything else by its physical type, lower-cased.
 */
function columnType(element) {
    const logical = element.logical_type?.type;
    const converted = element.converted_type ?? '';
    if (logical === 'DECIMAL' || converted === 'DECIMAL' || logical === 'FLOAT16')
        return 'number';
    if (['DATE', 'TIME', 'TIMESTAMP'].includes(logical ?? '') || /^(DATE|TIME_|TIMESTAMP_)/.test(converted))
        return 'datetime';
    if (['STRING', 'ENUM', 'JSON', 'UUID'].includes(logical ?? '') || ['UTF8', 'ENUM', 'JSON'].includes(converted))
        return 'string';
    switch (element.type) {
        case 'BOOLEAN':
            return 'boolean';
        case 'INT32':
        case 'INT64':
            return 'integer';
        case 'FLOAT':
        case 'DOUBLE':
            return 'number';
        case 'INT96':
            return 'datetime';
        default:
            return (element.type ?? 'nested').toLowerCase();
    }
}

;// CONCATENATED MODULE: ./src/steps/async-result.ts
/**
 * An Async result, checked: a v1 zip (readable, holding something) or a v2 parquet file
 * (readable, with rows), and smoke-test-expect on its table when one is given. Knows
 * nothing of scripts or executions: the caller names the result (`label`) for the messages,
 * so a model's Async result is checked the same way.
 */




/** Reads `path` as `format` and checks it (and `expectation`, if any); `label` names it in messages. */
async function checkAsyncResult(path, format, expectation, label = 'the result') {
    const check = {};
    const kind = format === 'parquet' ? 'a parquet file' : 'a CSV file';
    if (format === 'zip') {
        const table = await zipTable(path, label, check, expectation !== undefined);
        if (check.reason !== undefined || !expectation)
            return check;
        if (!table)
            return unmet(check, label, []);
        check.table = table;
    }
    else {
        try {
            check.table = format === 'parquet' ? await readParquetSummary(path) : readCsvSummary((0,external_node_fs_.readFileSync)(path, 'utf8'));
        }
        catch (error) {
            check.reason = `${label} is not a readable ${kind.slice(2)} (${error.message})`;
            return check;
        }
    }
    // No rows fails, the result's table or the one inside its zip alike (min-rows is 1 or more).
    if (check.table.rows === 0) {
        const what = check.table.file ? `holds ${check.table.file}, a table` : `is ${kind}`;
        check.reason = `${label} ${what} with no rows (columns: ${namesOf(check.table.columns) || 'none'})`;
        return check;
    }
    if (!expectation)
        return check;
    const problems = tableProblems(check.table, expectation);
    check.expectation = { met: problems.length === 0, problems };
    if (problems.length > 0)
        check.reason = `${label} does not meet smoke-test-expect: ${problems.join('; ')}`;
    return check;
}
/** The format of a file an entrypoint wrote, by its extension; undefined when not a table this reads. */
function tableFormatOf(path) {
    const extension = (0,external_node_path_.extname)(path).toLowerCase();
    return extension === '.parquet' ? 'parquet' : extension === '.csv' ? 'csv' : undefined;
}
/** An expectation that cannot be checked is a failure, never a pass. */
function unmet(check, label, found) {
    const what = check.entries?.map((e) => `${e.name} (${e.size} B)`).join(', ') || 'nothing';
    const problem = found.length > 1
        ? `it holds ${found.length} tables (${found.join(', ')}), and smoke-test-expect is checked on one`
        : `it holds no table smoke-test-expect can be checked on (a .csv or .parquet file), only ${what}`;
    check.expectation = { met: false, problems: [problem] };
    check.reason = `${label} cannot be checked against smoke-test-expect: ${problem}`;
    return check;
}
/**
 * Reads the zip into `check` (entries, or the reason it is no good); with `wanted`, also its
 * one table (a .csv or .parquet entry), undefined when there is not exactly one.
 */
async function zipTable(path, label, check, wanted) {
    // Loaded only when an Async result zip gets this far.
    const { unzipSync } = await __webpack_require__.e(/* import() */ 306).then(__webpack_require__.bind(__webpack_require__, 51306));
    let files;
    try {
        files = unzipSync(new Uint8Array((0,external_node_fs_.readFileSync)(path)));
    }
    catch (error) {
        check.reason = `${label} is not a readable zip (${error.message})`;
        return undefined;
    }
    check.entries = Object.entries(files).map(([name, bytes]) => ({ name, size: bytes.length }));
    if (!check.entries.some((entry) => entry.size > 0)) {
        check.reason = `${label} is an empty zip`;
        return undefined;
    }
    if (!wanted)
        return undefined;
    const tables = Object.keys(files).filter((name) => !name.endsWith('/') && tableFormatOf(name));
    const [only] = tables;
    if (tables.length !== 1 || only === undefined) {
        if (tables.length > 1)
            unmet(check, label, tables);
        return undefined;
    }
    const bytes = files[only];
    try {
        const summary = tableFormatOf(only) === 'parquet'
            ? await readParquetSummary(bytes.slice().buffer)
            : readCsvSummary(new TextDecoder().decode(bytes));
        return { file: only, ...summary };
    }
    catch (error) {
        check.reason = `${label}: ${only} in the zip is not a readable table (${error.message})`;
        check.expectation = { met: false, problems: [`${only} is not a readable table`] };
        return undefined;
    }
}
/** What the table lacks against the expectation, one line each: missing columns, types, rows. */
function tableProblems(table, expectation) {
    const problems = [];
    const missing = [];
    for (const column of expectation.columns) {
        const index = table.columns.indexOf(column.name);
        if (index < 0) {
            const near = table.columns.find((name) => name.toLowerCase() === column.name.toLowerCase());
            missing.push(near ? `'${column.name}' (there is '${near}': names are case-sensitive)` : `'${column.name}'`);
            continue;
        }
        const found = table.types[index] ?? 'unknown';
        if (column.type !== 'any' && !typeFits(column.type, found))
            problems.push(`column '${column.name}' is ${found}, expected ${column.type}${csvDateHint(table, column.type)}`);
    }
    if (missing.length > 0)
        problems.unshift(`${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} missing ` +
            `(${table.file ? `${table.file} has` : 'it has'} ${namesOf(table.columns) || 'no columns'})`);
    if (expectation.minRows !== undefined && table.rows < expectation.minRows)
        problems.push(`${table.rows} row${table.rows === 1 ? '' : 's'}, expected at least ${expectation.minRows}`);
    return problems;
}
/** A CSV has no date type: pandas reads a date there as a string, so say what to do instead. */
function csvDateHint(table, expected) {
    if (!table.csv || expected !== 'datetime')
        return '';
    return ` (a CSV has no date type: its dates read as strings; expect "string", or write the result as parquet)`;
}
/** An integer column is a number too; every other type matches only itself. */
function typeFits(expected, found) {
    return expected === found || (expected === 'number' && found === 'integer');
}
/** Column names for a message: the first 30, then how many more (a wide table stays one readable line). */
function namesOf(columns) {
    const shown = columns.slice(0, 30).join(', ');
    return columns.length > 30 ? `${shown} and ${columns.length - 30} more` : shown;
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
