export const id = 511;
export const ids = [511];
export const modules = {

/***/ 26511:
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
// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(77607);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/validate/manifest.ts
var manifest = __webpack_require__(50913);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/deploy/smoke-test.ts + 1 modules
var smoke_test = __webpack_require__(79472);
;// CONCATENATED MODULE: ./src/validate/local-run.ts






// Loads the source from a folder laid out as the server lays it out, calls the
// entrypoint as the server calls it, and writes {ok, value|path|error} to a file
// (the entrypoint may print whatever it likes on stdout).
const HARNESS = String.raw `
import importlib.util, json, os, sys, traceback, types
folder, source_name, entrypoint, operation, argument, out_path = sys.argv[1:7]
sys.path.insert(0, folder)
os.chdir(folder)
def finish(**result):
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    sys.exit(0)
try:
    path = os.path.join(folder, source_name)
    if source_name.endswith(".ipynb"):
        with open(path, encoding="utf-8") as handle:
            cells = json.load(handle).get("cells", [])
        code = []
        for cell in cells:
            if cell.get("cell_type") == "code":
                text = cell.get("source", "")
                text = "".join(text) if isinstance(text, list) else text
                code.append("\n".join("" if l.lstrip().startswith(("%", "!")) else l for l in text.split("\n")))
        module = types.ModuleType("script")
        module.__file__ = path
        exec(compile("\n".join(code), path, "exec"), module.__dict__)
    else:
        spec = importlib.util.spec_from_file_location("script", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    fn = getattr(module, entrypoint)
    if operation == "Sync":
        value = fn(argument, folder)
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                finish(ok=False, error="the entrypoint returned a string that is not JSON: %r" % value[:200])
        try:
            finish(ok=True, value=json.dumps(value))
        except (TypeError, ValueError) as e:
            finish(ok=False, error="the entrypoint returned a value that is not JSON-serialisable: %s" % e)
    else:
        os.environ["inputFileName"] = os.path.basename(argument)
        written = fn(os.path.dirname(argument), folder)
        finish(ok=True, path=str(written) if written is not None else None)
except SystemExit:
    raise
except BaseException:
    finish(ok=False, error=traceback.format_exc())
`;
/**
 * Runs the entrypoint on the sample on this machine, the way the server would
 * (Sync: fn(json_string, folder); Async: fn(data_path, extra_path) with
 * inputFileName set). The .env file is not loaded: a pull request from a fork has
 * no secrets, and the check must not need them.
 */
async function runLocally(spec, options) {
    const started = Date.now();
    const { script, smokeTest } = spec;
    const folder = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(options.workDir ?? (0,external_node_os_.tmpdir)(), 'neomaril-local-'));
    const scriptDir = (0,external_node_path_.join)(folder, 'script');
    (0,external_node_fs_.mkdirSync)(scriptDir);
    for (const file of script.files) {
        if (file.part === 'env')
            continue;
        if (file.localPath)
            (0,external_node_fs_.copyFileSync)(file.localPath, (0,external_node_path_.join)(scriptDir, file.uploadName));
    }
    let argument;
    if (script.operation === 'Sync') {
        if (smokeTest.syncInput === undefined)
            return { outcome: 'skipped', reason: 'no JSON sample to run on', elapsedMs: 0 };
        argument = JSON.stringify(smokeTest.syncInput);
    }
    else {
        if (!smokeTest.dataset?.localPath)
            return { outcome: 'skipped', reason: 'no sample file to run on', elapsedMs: 0 };
        const dataDir = (0,external_node_path_.join)(folder, 'data');
        (0,external_node_fs_.mkdirSync)(dataDir);
        argument = (0,external_node_path_.join)(dataDir, smokeTest.dataset.uploadName);
        (0,external_node_fs_.copyFileSync)(smokeTest.dataset.localPath, argument);
    }
    const source = script.files.find(f => f.part === 'source');
    const outPath = (0,external_node_path_.join)(folder, 'result.json');
    const run = await runPython(options.python ?? 'python3', ['-c', HARNESS, scriptDir, source.uploadName, script.entrypoint, script.operation, argument, outPath], options.timeoutMs, options.signal);
    const elapsedMs = Date.now() - started;
    if (run.cancelled)
        throw new errors/* CancelledError */.cc(String(options.signal?.reason ?? 'cancellation'), 'while the entrypoint ran locally');
    if (run.missingPython)
        return { outcome: 'skipped', reason: 'python3 is not on this runner', elapsedMs };
    if (run.timedOut)
        return { outcome: 'failed', reason: `the entrypoint did not return within ${Math.round(options.timeoutMs / 1000)}s (smoke-test-timeout)`, elapsedMs };
    let verdict;
    try {
        verdict = JSON.parse((0,external_node_fs_.readFileSync)(outPath, 'utf8'));
    }
    catch {
        return { outcome: 'failed', reason: `python3 ended (exit ${run.code}) without a result: ${run.stderr.trim().split('\n').pop() ?? ''}`, elapsedMs };
    }
    if (!verdict.ok) {
        const error = verdict.error ?? 'unknown error';
        const last = error.trim().split('\n').pop();
        return { outcome: 'failed', reason: `the entrypoint raised ${last}${missingRequirementHint(last, spec)}`, traceback: error, elapsedMs };
    }
    if (script.operation === 'Sync') {
        const response = verdict.value;
        if (smokeTest.expect !== undefined && !(0,smoke_test/* containsDeep */.O3)(JSON.parse(response), smokeTest.expect)) {
            return { outcome: 'failed', reason: 'the answer does not contain smoke-test-expect', response, elapsedMs };
        }
        return { outcome: 'passed', response, elapsedMs };
    }
    const written = verdict.path ? (verdict.path.startsWith('/') ? verdict.path : (0,external_node_path_.join)(scriptDir, verdict.path)) : undefined;
    let size = -1;
    try {
        size = written ? (0,external_node_fs_.statSync)(written).size : -1;
    }
    catch {
        // reported below
    }
    if (!written || size < 0)
        return { outcome: 'failed', reason: `the entrypoint returned ${JSON.stringify(verdict.path)}, which is not a file it wrote`, elapsedMs };
    if (size === 0)
        return { outcome: 'failed', reason: `the entrypoint wrote an empty file (${(0,external_node_path_.basename)(written)})`, outputFile: written, elapsedMs };
    return { outcome: 'passed', outputFile: written, elapsedMs };
}
/** A ModuleNotFoundError for a listed requirement is the runner's, not the script's. */
function missingRequirementHint(error, spec) {
    const module = /ModuleNotFoundError: No module named '([^'.]+)/.exec(error)?.[1];
    if (!module)
        return '';
    const requirements = spec.script.files.find(f => f.part === 'requirements')?.localPath;
    const listed = requirements ? (0,external_node_fs_.readFileSync)(requirements, 'utf8').toLowerCase().includes(module.toLowerCase()) : false;
    return listed
        ? ` — '${module}' is in the requirements, so install them on the runner before validating (actions/setup-python, then pip install -r requirements.txt)`
        : ` — '${module}' is not in the requirements file either: the server's build would fail the same way`;
}
function runPython(python, args, timeoutMs, signal) {
    return new Promise(resolve => {
        const child = (0,external_node_child_process_.spawn)(python, args, { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        let timedOut = false;
        // The runner's cancel must not wait for the user's code to finish.
        const onAbort = () => child.kill('SIGKILL');
        signal?.addEventListener('abort', onAbort, { once: true });
        child.stderr.on('data', chunk => (stderr = (stderr + chunk).slice(-20_000)));
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.on('error', error => {
            clearTimeout(timer);
            resolve({ code: null, stderr: String(error), timedOut: false, missingPython: error.code === 'ENOENT' });
        });
        child.on('close', code => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve({ code, stderr, timedOut, missingPython: false, cancelled: signal?.aborted });
        });
    });
}

// EXTERNAL MODULE: ./src/publish/inert.ts
var inert = __webpack_require__(93703);
// EXTERNAL MODULE: ./src/modes/spec.ts
var modes_spec = __webpack_require__(71717);
;// CONCATENATED MODULE: ./src/modes/validate.ts









/**
 * validate mode: no network. Prints and outputs the manifest of what a deploy would
 * upload, then runs the entrypoint on the sample on this machine as the server would.
 * The status says validated only once the local run passed (or could not run).
 */
async function validateMode(ctx) {
    const { spec, result } = ctx;
    await ctx.localChecks;
    await core/* group */.Os('Manifest', async () => {
        result.manifest = await (0,manifest/* buildManifest */.u)(spec, (0,modes_spec/* planned */.l)(spec).workspace);
        (0,inert/* printInert */.C)(JSON.stringify(result.manifest, null, 2));
    });
    await core/* group */.Os('Run the entrypoint locally', async () => {
        const local = await runLocally(spec, { timeoutMs: spec.smokeTest.timeoutMs, signal: ctx.signal });
        const smoke = { outcome: local.outcome, reason: local.reason, elapsedMs: local.elapsedMs, where: 'local' };
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
            core/* notice */.lm(`The entrypoint was not run locally: ${(0,inert/* oneLine */.T)(local.reason ?? '')}.`);
        else if (local.outcome === 'passed')
            core/* info */.pq(`${(0,inert/* oneLine */.T)(spec.script.entrypoint)} ran on the sample in ${(0,duration/* formatDuration */.a)(local.elapsedMs)}${local.response ? ` and returned ${(0,inert/* oneLine */.T)(local.response).slice(0, 500)}` : ''}.`);
        else {
            result.status = 'failed';
            if (local.traceback)
                (0,inert/* printInert */.C)(local.traceback);
            throw new errors/* SmokeTestFailedError */.t$(`The entrypoint failed on the sample, run locally as the server would: ${local.reason}.`);
        }
        result.status = 'validated';
    });
}


/***/ }),

/***/ 50913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ buildManifest)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deploy_register_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57450);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59148);



/**
 * The manifest of an upload. The .env file is listed by name only: a hash of a small
 * secrets file could be brute-forced. Hashing streams the files, so a large extra
 * file costs time, not memory; `hashFiles: false` skips it when time is short.
 */
async function buildManifest(spec, cwd, options = { hashFiles: true }) {
    // One file at a time: thousands of extra files must not open thousands of descriptors.
    const files = [];
    for (const file of spec.script.files) {
        files.push({
            part: file.part,
            name: file.uploadName,
            path: file.localPath ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(cwd, file.localPath) : '(inline)',
            size: file.size,
            sha256: file.part === 'env' || !options.hashFiles ? undefined : await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Of */ .Bj)(file)
        });
    }
    return { group: spec.group, fields: (0,_deploy_register_js__WEBPACK_IMPORTED_MODULE_1__/* .registerFields */ .hG)(spec.script), files };
}


/***/ })

};
