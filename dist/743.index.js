export const id = 743;
export const ids = [743];
export const modules = {

/***/ 11751:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ sendWrite),
/* harmony export */   EO: () => (/* binding */ checkedHash),
/* harmony export */   G$: () => (/* binding */ RUN_ANSWERS),
/* harmony export */   lL: () => (/* binding */ hostVerified)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _http_failure_kinds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12821);
/* harmony import */ var _http_failures_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87670);
/* harmony import */ var _http_server_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(35756);
/* harmony import */ var _shared_hashes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81149);





/** What the v1 and v2 calls share: v1.ts and v2.ts never import each other, both import this. */
/**
 * A Sync run's answer is judged by the smoke test, errors included (a raising entrypoint,
 * or a model run whose preprocessing or model fails, answers 500); only "busy, come back"
 * answers go through the retry path. The v1 run and the model's Sync run share it.
 */
const RUN_ANSWERS = Array.from({ length: 500 }, (_, i) => i + 100).filter((status) => status !== 429 && status !== 503 && status !== 401);
/**
 * Sends a write and reads its JSON answer, its failures explained: a 404 with what it
 * means for this call, and a failure after which the write may have acted with what
 * to look for (it is never sent again then).
 */
async function sendWrite(transport, call, hints) {
    try {
        return await transport.json(call);
    }
    catch (error) {
        if (hints.notFound && error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD && error.status === 404)
            throw (0,_http_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .withHint */ .mu)(error, hints.notFound);
        if ((0,_http_failure_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .isAmbiguous */ .X2)(error) && !(0,_http_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .wasRefused */ .GD)(error))
            throw (0,_http_failures_js__WEBPACK_IMPORTED_MODULE_2__/* .withHint */ .mu)(error, hints.mayHaveActed);
        throw error;
    }
}
const UNKNOWN_HASH = 'the script may have been registered, but its hash is unknown. Look for it in Neomaril before deploying again.';
/**
 * A script hash from a register answer: only the contract's shape goes into paths,
 * the log and the step's outputs. Both APIs answer the same 'S…' hash.
 */
function checkedHash(hash, method, path, transport) {
    if (typeof hash !== 'string' || !hash) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(method, path, 201, `the answer holds no Hash: ${UNKNOWN_HASH}`);
    }
    if (!_shared_hashes_js__WEBPACK_IMPORTED_MODULE_4__/* .SCRIPT_HASH */ .j_.test(hash)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(method, path, 201, `the answer's hash is malformed (${transport.text(hash, 80)}; expected S and 63 hex digits): ${UNKNOWN_HASH}`);
    }
    return hash;
}
/**
 * A host call (v1 GET …/host, v2 PATCH …/status), sent again after an ambiguous
 * failure only when the status proves it did not act: a hosted script is never
 * 'Ready' again, so 'Ready' means "send it again" and anything else "the build started".
 */
async function hostVerified(transport, call, status) {
    for (let sent = 1;; sent++) {
        try {
            await transport.send(call);
            return;
        }
        catch (error) {
            if (!(0,_http_failure_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .isAmbiguous */ .X2)(error) || sent >= transport.policy.attempts)
                throw error;
            const { status: now } = await status();
            if (now !== 'Ready') {
                transport.logger.info(`${call.method} ${call.path}: ${(0,_http_server_text_js__WEBPACK_IMPORTED_MODULE_3__/* .describeFailure */ .Ic)(error)}, ` +
                    `but the script is now '${transport.line(now)}': the build started.`);
                return;
            }
            const delay = transport.backoff(sent);
            transport.stats.retries++;
            transport.logger.info(`${call.method} ${call.path}: ${(0,_http_server_text_js__WEBPACK_IMPORTED_MODULE_3__/* .describeFailure */ .Ic)(error)} and the script is still 'Ready': ` +
                `the call did not act; sending it again in ${(delay / 1000).toFixed(1)}s ` +
                `(send ${sent + 1} of ${transport.policy.attempts}).`);
            await transport.pause(delay);
        }
    }
}


/***/ }),

/***/ 28845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J9: () => (/* binding */ jsonBody),
/* harmony export */   aJ: () => (/* binding */ seg),
/* harmony export */   fo: () => (/* binding */ multipart)
/* harmony export */ });
/* harmony import */ var form_data__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96454);
/* harmony import */ var form_data__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(form_data__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38590);


/** A multipart form body: the fields, then the files, each streamed from disk only when its part is sent. */
function multipart(fields, files) {
    const form = new (form_data__WEBPACK_IMPORTED_MODULE_0___default())();
    const open = new Set();
    for (const [name, value] of Object.entries(fields))
        form.append(name, value);
    for (const file of files) {
        // knownLength lets form-data compute Content-Length without reading the files.
        const options = { filename: file.filename, knownLength: file.size, contentType: 'application/octet-stream' };
        if (file.inline)
            form.append(file.part, file.inline, options);
        // form-data takes a knownLength of 0 for "unknown" and would measure a stream: an empty file is an empty part.
        else if (file.size === 0)
            form.append(file.part, Buffer.alloc(0), options);
        else {
            // Opened only when form-data reaches this part (combined-stream calls the function then),
            // so thousands of extra files never hold thousands of descriptors at once.
            const path = file.localPath;
            const lazy = (next) => {
                const stream = (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_1__/* .streamFile */ .Pq)(path);
                open.add(stream);
                stream.once('close', () => open.delete(stream));
                next(stream);
            };
            form.append(file.part, lazy, options);
        }
    }
    const sent = new Promise((resolve) => form.once('end', () => resolve()));
    return {
        body: form,
        headers: { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()) },
        sent,
        onData: (listener) => form.on('data', listener),
        // An attempt that failed mid-upload leaves the file being read open: close it.
        dispose: () => {
            for (const stream of open)
                stream.destroy();
        }
    };
}
/** A JSON request body. */
function jsonBody(value) {
    const text = JSON.stringify(value);
    return () => ({ body: text, headers: { 'Content-Type': 'application/json' } });
}
/** A path segment, escaped for the URL. */
function seg(value) {
    return encodeURIComponent(value);
}


/***/ }),

/***/ 12821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OL: () => (/* binding */ PROXY_TUNNEL_CODE),
/* harmony export */   WY: () => (/* binding */ AttemptFailure),
/* harmony export */   X2: () => (/* binding */ isAmbiguous),
/* harmony export */   iB: () => (/* binding */ PROXY_AUTH_CODE),
/* harmony export */   k5: () => (/* binding */ refusedBeforeActing),
/* harmony export */   lE: () => (/* binding */ isPermanent),
/* harmony export */   my: () => (/* binding */ NOT_SENT_CODES)
/* harmony export */ });
/* unused harmony exports PERMANENT_CODES, codeOf */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);

/**
 * What a failed attempt proves about the server (docs/retries-and-timeouts.md): whether
 * the request never left, whether no retry can mend it, whether a write may have acted.
 */
/** A proxy refused the tunnel to an https server (src/api/proxy.ts): it asked for credentials, or would not. */
const PROXY_AUTH_CODE = 'ERR_PROXY_AUTH';
const PROXY_TUNNEL_CODE = 'ERR_PROXY_TUNNEL';
/** Node error codes that prove the request never left this machine (or never left the proxy). */
const NOT_SENT_CODES = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    PROXY_AUTH_CODE,
    PROXY_TUNNEL_CODE
]);
/** Failures no retry can mend: the name does not resolve, the certificate is wrong. */
const PERMANENT_CODES = new Set([
    'ENOTFOUND',
    PROXY_AUTH_CODE,
    'CERT_NOT_YET_VALID',
    'CERT_REVOKED',
    'UNABLE_TO_GET_ISSUER_CERT',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
]);
/** One attempt's failure, with what the retry policy needs to judge it. */
class AttemptFailure extends Error {
    error;
    retryAfterMs;
    garbled;
    silent;
    midUpload;
    constructor(error, 
    /** The server asked to wait this long (Retry-After), if it said. */
    retryAfterMs, 
    /**
     * A success status whose body is not JSON. Truncated JSON (a dropped connection,
     * a proxy cutting the answer) is worth another try; an HTML page or plain text is
     * a wrong URL or a portal, which no retry mends.
     */
    garbled, 
    /** The server took the request and sent nothing back within the attempt's timeout. */
    silent = false, 
    /** The attempt ended (an answer, a broken connection) before the whole request body was sent. */
    midUpload = false) {
        super(error.message);
        this.error = error;
        this.retryAfterMs = retryAfterMs;
        this.garbled = garbled;
        this.silent = silent;
        this.midUpload = midUpload;
    }
}
/** The Node error code inside a network reason, e.g. ECONNREFUSED. */
function codeOf(reason) {
    return /\(([A-Z][A-Z0-9_]{3,})\)/.exec(reason)?.[1] ?? /\b([A-Z][A-Z_]{3,})\b/.exec(reason)?.[1] ?? '';
}
/** True for a network failure no retry can mend. */
function isPermanent(error) {
    return PERMANENT_CODES.has(codeOf(error.reason));
}
/** The server provably did not act: it said "come back later", or the request never left. */
function refusedBeforeActing(failure) {
    const error = failure.error;
    if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr)
        return error.notSent && !isPermanent(error);
    return error.status === 429 || (error.status === 503 && failure.retryAfterMs !== undefined);
}
/** A failure after which a write may or may not have acted on the server. */
function isAmbiguous(error) {
    if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr)
        return !error.notSent && !isPermanent(error);
    return error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD && (error.status >= 500 || error.status === 429);
}


/***/ }),

/***/ 87670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GD: () => (/* binding */ wasRefused),
/* harmony export */   Tu: () => (/* binding */ authFailure),
/* harmony export */   U4: () => (/* binding */ loginRefused),
/* harmony export */   bo: () => (/* binding */ finalError),
/* harmony export */   mu: () => (/* binding */ withHint),
/* harmony export */   pb: () => (/* binding */ apiError)
/* harmony export */ });
/* harmony import */ var _shared_error_envelope_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(16552);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _failure_kinds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12821);
/* harmony import */ var _server_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35756);




/** The errors a call ends with, in words (docs/retries-and-timeouts.md). */
/** Errors of writes the server provably never acted on (refused until the budget ran out). */
const REFUSED = new WeakSet();
/** True when the write provably did not act: the server refused it every time. */
function wasRefused(error) {
    return error instanceof Error && REFUSED.has(error);
}
/**
 * The error a call ends with once it is not retried. A write the server refused
 * before acting says so, with the count; one that may have acted says that instead.
 */
function finalError(call, failure, attempts) {
    const error = failure.error;
    if (call.safety !== 'write' || !call.effect)
        return error;
    if ((0,_failure_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .refusedBeforeActing */ .k5)(failure)) {
        const refused = withHint(error, `the server refused the ${call.effect.what} ${attempts} time${attempts === 1 ? '' : 's'} (${call.effect.undone})`);
        REFUSED.add(refused);
        return refused;
    }
    if ((0,_failure_kinds_js__WEBPACK_IMPORTED_MODULE_1__/* .isAmbiguous */ .X2)(error)) {
        // An answer or a break before the last byte went out: only part of the body reached the server.
        const when = failure.midUpload ? 'while the body was being sent' : 'after the body was sent';
        const broke = error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr
            ? `the connection broke ${when}`
            : `the server failed (HTTP ${error.status}) ${when}`;
        return withHint(error, `${broke} (it may exist)`);
    }
    return error;
}
function withHint(error, hint) {
    return error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr
        ? new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr(error.method, error.path, `${error.reason}; ${hint}`, error.notSent, error.proxy)
        : new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(error.method, error.path, error.status, `${error.serverMessage}; ${hint}`, error.errorType, error.proxy);
}
function authFailure(call, error) {
    const which = call.auth === 'group'
        ? "the group token was refused: check the 'group-token' input (or NEOMARIL_GROUP_TOKEN) belongs to this group"
        : 'the user token was refused even after logging in again: check the account can use this group';
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`${call.method} ${call.path}: ${which} (HTTP 401: ${error.serverMessage}).`);
}
/**
 * A refused answer: the error envelope's message and type when it has one, else the body itself.
 * `proxy` names the forward proxy it came through, whose own answer it may be.
 */
function apiError(call, status, text, redact, proxy) {
    const envelope = (0,_shared_error_envelope_js__WEBPACK_IMPORTED_MODULE_3__/* .envelopeError */ .j)(text);
    const message = envelope ? redact(envelope.message) : (0,_server_text_js__WEBPACK_IMPORTED_MODULE_2__/* .describeText */ .ld)(text, redact);
    const type = envelope?.type === undefined ? undefined : redact(envelope.type);
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD(call.method, call.path, status, message, type, proxy);
}
/** Refused credentials: who was refused, and which inputs to check. */
function loginRefused(login, tenant, error) {
    const who = tenant === undefined ? `'${login}'` : `'${login}' in tenant '${tenant}'`;
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AuthError */ .lR(`Login as ${who} was refused (HTTP ${error.status}: ${error.serverMessage}). ${loginFix(tenant)}`);
}
function loginFix(tenant) {
    return tenant === undefined
        ? "Check the 'login' and 'password' inputs (or NEOMARIL_USER / NEOMARIL_PASSWORD); a server with several " +
            "tenants may also need the 'tenant' input (or MLOPS_TENANT)."
        : "Check the 'login' and 'password' inputs (or NEOMARIL_USER / NEOMARIL_PASSWORD) and that the account " +
            "belongs to that tenant (the 'tenant' input, MLOPS_TENANT or NEOMARIL_TENANT).";
}


/***/ }),

/***/ 35756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   gs: () => (/* binding */ oneLineText),
/* harmony export */   ld: () => (/* binding */ describeText)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24646);


/** On one line: a lone \r ends a line for the runner too, so nothing in it can start a workflow command. */
function oneLine(text) {
    return (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .foldLines */ .r7)(text, ' ');
}
/**
 * A failure for a progress line; its texts were redacted when the error was made. A refusal
 * that may be a forward proxy's own names the proxy (a network failure at the proxy names it
 * in its reason already).
 */
function describeFailure(error) {
    if (!(error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ApiError */ .hD))
        return oneLine(error.reason);
    if (error.errorType)
        return `HTTP ${error.status} ${oneLine(error.errorType).slice(0, 100)}`;
    const proxy = error.proxyMayHaveAnswered;
    return `HTTP ${error.status}${proxy ? ` through ${proxy}` : ''}`;
}
/** Server text in a progress line: redacted, then on one line and cut short. */
function oneLineText(text, redact) {
    return oneLine(redact(text)).slice(0, 100);
}
/** Server text for messages: redacted first (a secret must not straddle the cut), then on one line and cut short. */
function describeText(text, redact, max = 300) {
    const flat = redact(text).replace(/\s+/g, ' ').trim();
    if (!flat)
        return 'empty body';
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}


/***/ }),

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

/***/ 61235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FG: () => (/* binding */ logCall),
/* harmony export */   OI: () => (/* binding */ logPoll),
/* harmony export */   ko: () => (/* binding */ logOutage)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77094);
/* harmony import */ var _shared_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85497);
/* harmony import */ var _shared_inert_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94105);



/** A check of a wait, as a progress line. */
function logPoll(what) {
    return (poll) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`[${(0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(poll.elapsedMs).padStart(6)}] ${what} ${poll.check}: ${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(poll.status)}`);
}
/** A status check that failed even after its retries: the wait goes on for a while. */
function logOutage(error, outageMs) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`A status check failed (${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(error.message)}); still waiting` +
        `${outageMs > 0 ? `, the server has not answered for ${(0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(outageMs)}` : ''}.`);
}
/** An API call as it is made, for the log (v2 makes one per file). */
function logCall(call) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(call)}`);
}


/***/ }),

/***/ 47021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ checkPipelineModel),
  a: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/api/http/bodies.ts
var bodies = __webpack_require__(28845);
// EXTERNAL MODULE: ./src/api/common-calls.ts
var common_calls = __webpack_require__(11751);
;// CONCATENATED MODULE: ./src/api/models.ts



/**
 * The model calls a pipeline smoke test makes, each one `Call` through the same transport
 * as the preprocessing calls: status and describe with the user token, the runs, the
 * execution's status and its result with the group token. Reads are retried; a run is a
 * write, sent again only when the server provably did not act.
 */
class ModelsApi {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** The model's state and operation: its status, then its description. */
    async info(group, model, options = {}) {
        const where = `${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(model)}`;
        const status = await this.transport.json({
            method: 'GET',
            path: `/model/status/${where}`,
            auth: 'user',
            safety: 'read',
            ok: [200],
            ...options
        });
        if (typeof status.Status !== 'string')
            throw new errors/* ApiError */.hD('GET', `/model/status/${group}/${model}`, 200, 'the answer holds no Status');
        const described = await this.transport.json({
            method: 'GET',
            path: `/model/describe/${where}`,
            auth: 'user',
            safety: 'read',
            ok: [200],
            ...options
        });
        const operation = described.Description?.Operation;
        return {
            status: status.Status,
            message: typeof status.Message === 'string' ? status.Message : null,
            operation: typeof operation === 'string' ? operation : undefined
        };
    }
    /** The Sync run with a preprocessing: `{"Input", "ScriptHash"}`; answers the raw response for the caller to judge. */
    async runSync(group, model, input, scriptHash) {
        const { response, text } = await this.transport.send({
            method: 'POST',
            path: `/model/sync/run/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(model)}`,
            auth: 'group',
            safety: 'write',
            ok: common_calls/* RUN_ANSWERS */.G$,
            read: 'text',
            body: (0,bodies/* jsonBody */.J9)({ Input: input, ScriptHash: scriptHash }),
            effect: { what: 'model run', undone: 'it did not run' }
        });
        return { status: response.status, body: text ?? '' };
    }
    /** The Async run on a file (the preprocessing's result) sent as the part `input`; answers the execution id. */
    async runAsync(group, model, input) {
        const path = `/model/async/run/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(model)}`;
        const body = await this.transport.json({
            method: 'POST',
            path,
            auth: 'group',
            safety: 'write',
            ok: [202, 200],
            body: () => (0,bodies/* multipart */.fo)({}, [{ ...input, part: 'input' }]),
            effect: { what: 'model run', undone: 'no model execution was started' }
        });
        const id = body.ExecutionId;
        if ((typeof id !== 'string' && typeof id !== 'number') || id === '')
            throw new errors/* ApiError */.hD('POST', `/model/async/run/${group}/${model}`, 202, 'the answer holds no ExecutionId');
        return String(id);
    }
    /** A model execution's state. */
    async executionStatus(group, executionId, options = {}) {
        const path = `/model/async/status/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(executionId)}`;
        const body = await this.transport.json({
            method: 'GET',
            path,
            auth: 'group',
            safety: 'read',
            ok: [200],
            deadline: options.deadline
        });
        if (typeof body.Status !== 'string')
            throw new errors/* ApiError */.hD('GET', path, 200, 'the answer holds no Status');
        return { status: body.Status, message: typeof body.Message === 'string' ? body.Message : null };
    }
    /** Streams a model execution's result (a zip) to a file; answers its size. */
    async downloadResult(group, executionId, destination) {
        const { size } = await this.transport.send({
            method: 'GET',
            path: `/model/async/result/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(executionId)}`,
            auth: 'group',
            safety: 'read',
            ok: [200, 410],
            read: { file: destination }
        });
        return size ?? 0;
    }
}

// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(85497);
// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(94105);
// EXTERNAL MODULE: ./src/steps/register.ts
var register = __webpack_require__(7042);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/api/wire.ts
var wire = __webpack_require__(95847);
// EXTERNAL MODULE: ./src/shared/error-envelope.ts
var error_envelope = __webpack_require__(16552);
// EXTERNAL MODULE: ./src/steps/logs.ts
var logs = __webpack_require__(6904);
;// CONCATENATED MODULE: ./src/steps/pipeline-reasons.ts
/**
 * How a pipeline smoke test's model stage says it could not score, when the cause is not
 * the model's answer: the model gone since it was checked, or smoke-test-timeout spent.
 */

/** A model run answered 404 or 409, though the model was Deployed at this run's start: it is gone since. */
function modelGone(hash, status, detail) {
    const answer = `its run answered HTTP ${status} (${status === 404 ? 'not found' : 'not Deployed'})`;
    const fix = 'Redeploy it, or set smoke-test-model to the model now deployed.';
    const since = `${hash} was Deployed when this run checked it: it was removed or undeployed since`;
    return `the model could not run: ${answer}, but ${since}. ${fix} (${detail})`;
}
const goneStatus = (status) => status === 404 || status === 409;
/** How smoke-test-timeout was shared between the stages, for a reason. */
function split(timeoutMs, preprocessingMs) {
    const took = (0,duration/* formatDuration */.a3)(preprocessingMs);
    return `smoke-test-timeout is ${(0,duration/* formatDuration */.a3)(timeoutMs)}, and the preprocessing took ${took}`;
}
/** The preprocessing used all of smoke-test-timeout: the model's execution is not started. */
function noTimeLeft(timeoutMs, preprocessingMs) {
    return (`no time was left for the model: ${split(timeoutMs, preprocessingMs)}, so the model's execution ` +
        'was not started. Raise smoke-test-timeout to cover both stages.');
}
/** The model's execution outlived what was left of smoke-test-timeout. */
function modelTimedOut(id, status, timeoutMs, preprocessingMs, modelMs) {
    return (`the model's execution ${id} was still '${status}' after ${(0,duration/* formatDuration */.a3)(modelMs)}, when smoke-test-timeout ` +
        `ran out (${split(timeoutMs, preprocessingMs)}). Raise smoke-test-timeout, or check why the model is slow.`);
}

// EXTERNAL MODULE: ./src/steps/server-smoke-test.ts
var server_smoke_test = __webpack_require__(14433);
// EXTERNAL MODULE: ./src/steps/wait.ts
var wait = __webpack_require__(11934);
;// CONCATENATED MODULE: ./src/steps/pipeline-smoke-test.ts









const PREPROCESSING_FAILED = 'the preprocessing failed';
const MODEL_REJECTED = 'the model rejected what the preprocessing produced';
const MODEL_RUN_FAILED = 'the model run failed';
/** A call that failed outright (no answer, or one the call refused): a stage's failure, unless cancelled. */
function callFailure(error, describe) {
    if (error instanceof errors/* CancelledError */.cc || !describe)
        throw error;
    return describe(error);
}
const FIX_MODEL = 'Set smoke-test-model to the hash of a deployed model this script feeds (and smoke-test-model-group).';
/**
 * Before anything is uploaded: the model exists in its group, is Deployed, and takes what
 * the script gives (an Async model an Async script's result; a Sync model a Sync script's
 * answer). Any of them wrong is an input error naming smoke-test-model.
 */
async function checkModel(models, target, scriptOperation, options = {}) {
    let info;
    try {
        info = await models.info(target.group, target.hash, options);
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD && error.status === 404)
            throw refused(`${target.hash} is not a model in group '${target.group}' (its status answered 404).`);
        throw error;
    }
    if (info.status !== 'Deployed') {
        const why = info.message ? ` (${(0,inert/* oneLine */.TN)((0,logs/* lastLine */.fM)(info.message))})` : '';
        throw refused(`${target.hash} is '${(0,inert/* oneLine */.TN)(info.status)}', not Deployed${why}: it cannot score the sample.`);
    }
    if (info.operation && info.operation !== scriptOperation)
        throw refused(`${target.hash} is ${/^[aeiou]/i.test(info.operation) ? 'an' : 'a'} ${(0,inert/* oneLine */.TN)(info.operation).slice(0, 40)} ` +
            `model, but the script is ${scriptOperation}: ` +
            'an Async model takes an Async script, a Sync model a Sync script.');
    return info;
}
function refused(problem) {
    return new errors/* InputError */.dz([{ input: 'smoke-test-model', problem, fix: FIX_MODEL }]);
}
/**
 * Sync pipeline: one call, the model's run with the sample as Input and the script's hash
 * as ScriptHash; the server runs the script, then the model on its answer. The model's
 * answer is the smoke test's answer. Which stage failed comes from the error envelope: a
 * 'PreprocessingError' (or a message about the preprocessing) is the script's, anything
 * else the model's (docs/platform-contract.md: inferred, the platform does not document it).
 */
async function pipelineSync(models, target, scriptHash, input, expected, describeError) {
    const runSync = (hash, sample) => models.runSync(target.group, target.hash, sample, hash);
    const request = { Input: input, ScriptHash: scriptHash };
    const stages = newStages(target);
    const started = Date.now();
    let result;
    try {
        result = await (0,server_smoke_test/* smokeTestSync */.P9)({ runSync }, scriptHash, input, expected);
    }
    catch (error) {
        // One call for both stages: which one it reached is not known, so the model's (the call's) fails.
        const reason = `${MODEL_RUN_FAILED}: ${callFailure(error, describeError)}`;
        stages.model = { outcome: 'failed', elapsedMs: Date.now() - started, reason };
        return { outcome: 'failed', reason, elapsedMs: Date.now() - started, pipeline: stages };
    }
    result.request = request;
    result.pipeline = stages;
    const envelope = (0,error_envelope/* envelopeError */.j)(result.responseBody);
    const preprocessingFailed = result.outcome === 'failed' &&
        envelope !== undefined &&
        (envelope.type === 'PreprocessingError' || /^the preprocessing\b/i.test(envelope.message));
    if (result.outcome === 'passed') {
        stages.preprocessing.outcome = 'passed';
        stages.model = { outcome: 'passed', elapsedMs: result.elapsedMs };
    }
    else if (preprocessingFailed) {
        result.reason = `${PREPROCESSING_FAILED}: ${result.reason}`;
        stages.preprocessing = { outcome: 'failed', elapsedMs: result.elapsedMs, reason: result.reason };
    }
    else if (goneStatus(result.responseStatus)) {
        // Whether the preprocessing ran is not known: it stays skipped.
        result.reason = modelGone(target.hash, result.responseStatus, result.reason ?? '');
        stages.model = { outcome: 'failed', elapsedMs: result.elapsedMs, reason: result.reason };
    }
    else {
        // The model scored only on a 2xx JSON answer; past the script only when that, or the model's own error.
        const scored = !envelope &&
            isJson(result.responseBody) &&
            (result.responseStatus ?? 0) >= 200 &&
            (result.responseStatus ?? 0) <= 299;
        if (envelope || scored)
            stages.preprocessing.outcome = 'passed';
        const stage = envelope ? MODEL_REJECTED : scored ? 'the model scored, but' : `${MODEL_RUN_FAILED}:`;
        result.reason = `${stage === MODEL_REJECTED ? `${stage}:` : stage} ${result.reason}`;
        stages.model = { outcome: 'failed', elapsedMs: result.elapsedMs, reason: result.reason };
    }
    return result;
}
function isJson(body) {
    try {
        JSON.parse(body ?? '');
        return true;
    }
    catch {
        return false;
    }
}
function newStages(target) {
    return {
        modelHash: target.hash,
        modelGroup: target.group,
        preprocessing: { outcome: 'skipped' },
        model: { outcome: 'skipped' }
    };
}
/**
 * Async pipeline: the script's execution on the sample (as a plain smoke test), its result handed to the
 * model's async run as the part `input` (a v1 zip as downloaded, named `result_preprocessing` as 2.1.1 does;
 * a v2 parquet as `preprocessed_data.parquet`, as 4.0.2 does), the model's execution waited for within what
 * is left of smoke-test-timeout, its result zip downloaded and checked as the script's is (the smoke test's output).
 */
async function pipelineAsync(api, models, target, scriptHash, datasets, options) {
    const started = Date.now();
    const stages = newStages(target);
    let result;
    try {
        result = await (0,server_smoke_test/* smokeTestAsync */.so)(api, scriptHash, datasets, {
            timeoutMs: options.timeoutMs,
            pollIntervalMs: options.pollIntervalMs,
            resultPath: options.preprocessingResultPath,
            signal: options.signal,
            onPoll: options.onPoll?.('preprocessing'),
            onCall: options.onCall,
            onTransientFailure: options.onTransientFailure
        });
    }
    catch (error) {
        const reason = `${PREPROCESSING_FAILED}: ${callFailure(error, options.describeError)}`;
        stages.preprocessing = { outcome: 'failed', elapsedMs: Date.now() - started, reason };
        return { outcome: 'failed', reason, elapsedMs: Date.now() - started, pipeline: stages };
    }
    result.pipeline = stages;
    stages.preprocessing = {
        outcome: result.outcome,
        elapsedMs: result.elapsedMs,
        executionId: result.executionId,
        resultFile: result.resultFile
    };
    if (result.outcome !== 'passed') {
        result.reason = `${PREPROCESSING_FAILED}: ${result.reason}`;
        stages.preprocessing.reason = result.reason;
        return result;
    }
    const modelStarted = Date.now();
    const stage = { outcome: 'failed' };
    stages.model = stage;
    const fail = (reason) => {
        result.outcome = 'failed';
        result.reason = reason;
        stage.reason = reason;
        stage.elapsedMs = Date.now() - modelStarted;
        result.elapsedMs = Date.now() - started;
        return result;
    };
    const path = options.preprocessingResultPath;
    const input = {
        part: 'input',
        filename: api.resultFormat === 'parquet' ? 'preprocessed_data.parquet' : 'result_preprocessing',
        localPath: path,
        size: (0,external_node_fs_.statSync)(path).size
    };
    const preprocessingMs = modelStarted - started;
    const leftMs = options.timeoutMs - preprocessingMs;
    if (leftMs <= 0) {
        // The model is not reached: its stage stays skipped, and the smoke test fails on the time.
        fail(noTimeLeft(options.timeoutMs, preprocessingMs));
        stages.model = { outcome: 'skipped', reason: result.reason };
        return result;
    }
    options.onCall?.(`POST /model/async/run/${target.group}/${target.hash} (input ${input.filename})`);
    let id;
    let outcome;
    try {
        id = await models.runAsync(target.group, target.hash, input);
    }
    catch (error) {
        const described = callFailure(error, options.describeError);
        const status = error instanceof errors/* ApiError */.hD ? error.status : undefined;
        return fail(goneStatus(status) ? modelGone(target.hash, status, described) : `${MODEL_RUN_FAILED}: ${described}`);
    }
    try {
        stage.executionId = id;
        outcome = await (0,wait/* waitWhilePending */.cB)((limits) => models.executionStatus(target.group, id, limits), {
            timeoutMs: leftMs,
            pollIntervalMs: options.pollIntervalMs,
            pendingStates: wire/* EXECUTION_RUNNING_STATES */.Ex,
            signal: options.signal,
            onPoll: options.onPoll?.('model'),
            onTransientFailure: options.onTransientFailure
        });
    }
    catch (error) {
        return fail(`${MODEL_RUN_FAILED}: ${callFailure(error, options.describeError)}`);
    }
    stage.executionStatus = outcome.last.status;
    stage.executionMessage = outcome.last.message;
    if (outcome.kind === 'timed-out')
        return fail(modelTimedOut(id, outcome.last.status, options.timeoutMs, preprocessingMs, Date.now() - modelStarted));
    if (outcome.last.status !== 'Succeeded') {
        const message = outcome.last.message ? `: ${(0,logs/* lastLine */.fM)(outcome.last.message)}` : '';
        return fail(`${MODEL_REJECTED}: the model's execution ${id} ended as '${outcome.last.status}'${message}`);
    }
    try {
        await models.downloadResult(target.group, id, options.modelResultPath);
    }
    catch (error) {
        return fail(`${MODEL_RUN_FAILED}: ${callFailure(error, options.describeError)}`);
    }
    // The model's result goes through the same check as the script's, smoke-test-expect included.
    const checked = { outcome: 'failed', executionId: id };
    const label = `the model's result (execution ${id})`;
    const problem = await (0,server_smoke_test/* checkResultFile */.AT)(checked, options.modelResultPath, 'zip', options.expectation, label);
    result.resultFile = options.modelResultPath;
    result.resultEntries = checked.resultEntries;
    if (checked.expectation) {
        // The table smoke-test-expect was checked on is the model's; without one, the preprocessing's shape stays.
        result.resultTable = checked.resultTable;
        result.resultRows = checked.resultRows;
        result.resultColumns = checked.resultColumns;
        result.resultTypes = checked.resultTypes;
        result.expectation = checked.expectation;
    }
    if (problem)
        return fail(checked.expectation?.met === false ? `the model scored, but ${problem}` : problem);
    stage.outcome = 'passed';
    stage.elapsedMs = Date.now() - modelStarted;
    result.elapsedMs = Date.now() - started;
    return result;
}

// EXTERNAL MODULE: ./src/modes/context.ts
var context = __webpack_require__(61235);
// EXTERNAL MODULE: ./src/modes/messages.ts
var messages = __webpack_require__(85698);
;// CONCATENATED MODULE: ./src/modes/pipeline-phase.ts
// Plumbing shared by deploy and smoke-test modes (not a mode): the pipeline smoke test's model,
// checked before anything is uploaded, then run after Deployed. The calls are steps/pipeline-smoke-test.ts.










/** How long the model's status and description may take before the upload. */
const MODEL_CHECK_MS = 60_000;
/**
 * smoke-test-model: the model exists in its group, is Deployed and fits the script's operation,
 * before the register call (deploy mode) or the run (smoke-test mode). Keeps what the run needs on ctx.
 */
async function checkPipelineModel(ctx, session, operation) {
    const model = ctx.spec.smokeTest.model;
    if (!model)
        return;
    const target = { hash: model.hash, group: model.group ?? session.group };
    const models = new ModelsApi(session.transport);
    await core/* group */.Os('Check the model', async () => {
        try {
            const info = await checkModel(models, target, operation, { deadline: Date.now() + MODEL_CHECK_MS });
            core/* info */.pq(`Model ${target.hash} in group '${(0,inert/* oneLine */.TN)(target.group)}' is Deployed ` +
                `(${(0,inert/* oneLine */.TN)(info.operation ?? 'operation not described')}): the smoke test runs the pipeline.`);
        }
        catch (error) {
            if (error instanceof errors/* InputError */.dz && ctx.spec.mode === 'deploy')
                ctx.result.status = 'invalid-input';
            throw error;
        }
    });
    ctx.pipeline = { models, target };
}
/** The pipeline smoke test, Sync or Async; the caller (smoke-test-phase.ts) judges and logs the result. */
async function runPipeline(ctx, api, spec, hash) {
    const { models, target } = ctx.pipeline;
    const { result } = ctx;
    if (spec.script.operation === 'Sync') {
        core/* info */.pq(`Running the model ${target.hash} on the sample, with ${hash} as its preprocessing (sync model run).`);
        return pipelineSync(models, target, hash, spec.smokeTest.syncInput, spec.smokeTest.expect, messages/* messageFor */.X);
    }
    const datasets = (0,register/* smokeTestDatasets */.rs)(spec);
    core/* info */.pq(`Uploading ${datasets.map((d) => (0,inert/* oneLine */.TN)(`${d.name} (${d.file.filename})`)).join(', ')} ` +
        `as the input of an async execution (${api.version}); its result then goes to the model ${target.hash}.`);
    const dir = result.recordsDir;
    const smoke = await pipelineAsync(api, models, target, hash, datasets, {
        timeoutMs: spec.smokeTest.timeoutMs,
        pollIntervalMs: spec.wait.pollIntervalMs,
        preprocessingResultPath: (0,external_node_path_.join)(dir, api.resultFormat === 'parquet' ? 'smoke-test-preprocessing.parquet' : 'smoke-test-preprocessing.zip'),
        modelResultPath: (0,external_node_path_.join)(dir, 'smoke-test-result.zip'),
        expectation: spec.smokeTest.asyncExpect,
        signal: ctx.signal,
        onPoll: (stage) => (0,context/* logPoll */.OI)(stage === 'model' ? 'model execution check' : 'execution check'),
        onCall: context/* logCall */.FG,
        onTransientFailure: context/* logOutage */.ko,
        describeError: messages/* messageFor */.X
    });
    const stages = smoke.pipeline;
    if (stages)
        for (const [name, stage] of [
            ['Preprocessing', stages.preprocessing],
            ['Model', stages.model]
        ])
            core/* info */.pq(`${name}: ${stage.outcome}${stage.elapsedMs === undefined ? '' : ` in ${(0,duration/* formatDuration */.a3)(stage.elapsedMs)}`}` +
                `${stage.executionId ? ` (execution ${(0,inert/* oneLine */.TN)(stage.executionId)})` : ''}.`);
    return smoke;
}


/***/ }),

/***/ 58044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ir: () => (/* binding */ apiOf),
  dy: () => (/* binding */ chooseDeployApi),
  Ng: () => (/* binding */ connect),
  OV: () => (/* binding */ newTransport)
});

// UNUSED EXPORTS: chooseGroup

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/inputs/api-fit.ts
var api_fit = __webpack_require__(84535);
// EXTERNAL MODULE: ./src/api/api.ts
var api = __webpack_require__(23632);
// EXTERNAL MODULE: ./src/shared/sleep.ts
var sleep = __webpack_require__(47362);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/node-fetch/src/index.js + 12 modules
var src = __webpack_require__(70816);
// EXTERNAL MODULE: ./src/api/http/failure-kinds.ts
var failure_kinds = __webpack_require__(12821);
// EXTERNAL MODULE: ./src/api/http/failures.ts
var failures = __webpack_require__(87670);
;// CONCATENATED MODULE: ./src/api/http/network-reasons.ts


/** A timeout in words, naming the input that sets it. */
function timeoutReason(phase, timeoutMs, clipped, bound = 'request-timeout') {
    const seconds = `${(timeoutMs / 1000).toFixed(timeoutMs < 10_000 ? 1 : 0)}s`;
    const input = `${bound}${clipped ? ', cut short by the wait deadline' : ''}`;
    switch (phase) {
        case 'upload':
            return (`the upload stalled: the server took no data for ${seconds} ` +
                `while the request body was being sent (${input})`);
        case 'body':
            return `the answer began but was not complete within ${seconds} (${input})`;
        case 'download':
            return `the download stalled: no data arrived for ${seconds} (${input})`;
        default:
            return `no answer within ${seconds} (${input})`;
    }
}
/** Node's error codes, said in words; the code stays in parentheses for searching. */
const NETWORK_REASONS = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by the server',
    EPIPE: 'connection closed by the server while the request was being sent',
    ETIMEDOUT: 'connection timed out',
    ENOTFOUND: 'host name not found',
    EAI_AGAIN: 'host name lookup failed for now (DNS)',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ECONNABORTED: 'connection aborted',
    CERT_HAS_EXPIRED: "TLS: the server's certificate has expired",
    CERT_NOT_YET_VALID: "TLS: the server's certificate is not valid yet (check the runner's clock)",
    DEPTH_ZERO_SELF_SIGNED_CERT: "TLS: the server's certificate is self-signed, so it is not trusted (add its CA with NODE_EXTRA_CA_CERTS)",
    SELF_SIGNED_CERT_IN_CHAIN: "TLS: the server's certificate chain ends in a self-signed certificate that is not trusted " +
        '(a TLS-inspecting proxy? add its CA with NODE_EXTRA_CA_CERTS)',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS: the server's certificate cannot be verified " +
        '(an incomplete chain, or a CA this runner does not trust; NODE_EXTRA_CA_CERTS)',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "TLS: the issuer of the server's certificate is not trusted on this runner (add it with NODE_EXTRA_CA_CERTS)",
    UNABLE_TO_GET_ISSUER_CERT: "TLS: the issuer of the server's certificate cannot be found",
    ERR_TLS_CERT_ALTNAME_INVALID: "TLS: the server's certificate is not for this host name",
    CERT_REVOKED: "TLS: the server's certificate was revoked",
    ERR_SSL_WRONG_VERSION_NUMBER: 'TLS handshake failed: the port may speak plain http (try http://, or the right port)',
    EPROTO: 'TLS handshake failed'
};
/** Codes of the first connection: through a proxy, that connection is to the proxy, so the proxy failed. */
const CONNECTION_CODES = new Set([...failure_kinds/* NOT_SENT_CODES */.my, 'ETIMEDOUT']);
function networkError(call, error, url, redact, proxy) {
    const cause = error ?? {};
    const code = cause.code ?? cause.cause?.code ?? '';
    const message = redact(error?.message ?? String(error));
    const atProxy = proxy !== undefined && CONNECTION_CODES.has(code);
    const where = atProxy ? proxy : url.host;
    return new errors/* NetworkError */.Dr(call.method, call.path, networkReason(code, message, where), failure_kinds/* NOT_SENT_CODES */.my.has(code), atProxy ? proxy : undefined);
}
/** A network failure in words: `connection refused (ECONNREFUSED) at host:port`. */
function networkReason(code, message, host) {
    // The proxy's refusal of a tunnel (src/api/proxy.ts) is worded there, with the proxy's status.
    if (code === failure_kinds/* PROXY_AUTH_CODE */.iB || code === failure_kinds/* PROXY_TUNNEL_CODE */.OL)
        return `${message.replace(/^.*, reason: /, '')} (${code}) at ${host}`;
    const words = NETWORK_REASONS[code];
    if (words)
        return `${words} (${code}) at ${host}`;
    return code ? `${message} (${code})` : message;
}

;// CONCATENATED MODULE: ./src/api/http/retry.ts


/** The numbers every run uses (the write budget is further cut to wait-timeout by modes/session.ts). */
const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    maxRetryAfterMs: 30_000,
    writeBudgetMs: 120_000,
    probeTimeoutMs: 15_000,
    silentProbeAttempts: 3
};
const RETRYABLE_READ_STATUSES = new Set([429, 500, 502, 503, 504]);
/**
 * Whether a failed attempt may be sent again: a read on any transient failure, a write
 * only when the server refused it before acting.
 */
function mayRetry(safety, failure) {
    const error = failure.error;
    if (error instanceof errors/* NetworkError */.Dr && (0,failure_kinds/* isPermanent */.lE)(error))
        return false;
    if (safety === 'write')
        return (0,failure_kinds/* refusedBeforeActing */.k5)(failure);
    if (error instanceof errors/* NetworkError */.Dr)
        return true;
    return RETRYABLE_READ_STATUSES.has(error.status) || failure.garbled === 'truncated';
}
/**
 * Exponential backoff with jitter: half the step fixed, half random, so runners that
 * failed together do not retry together.
 */
function backoff(policy, attempt, random) {
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 20));
    return step / 2 + random() * (step / 2);
}
/** A Retry-After header in ms: seconds or an HTTP date. */
function retryAfterMs(header) {
    if (!header)
        return undefined;
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0)
        return seconds * 1000;
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

// EXTERNAL MODULE: ./src/api/http/server-text.ts
var server_text = __webpack_require__(35756);
;// CONCATENATED MODULE: ./src/api/http/attempt.ts









/**
 * One request, its answer read as the call asks, under one timer re-armed as the
 * request moves on (docs/retries-and-timeouts.md):
 * - upload: while a streamed body is sent, re-armed on every chunk that goes out,
 *   so a server that stops taking the body fails the attempt;
 * - answer: from the end of the body (or the start, without one) until the answer
 *   has been read in full, body included;
 * - download: re-armed on every chunk of the answer streamed to the file.
 * Every failure is thrown as an AttemptFailure for the retry policy to judge.
 */
async function attempt(call, setup) {
    const { url, made, timeoutMs, redact } = setup;
    const timeout = new AbortController();
    let timer;
    let settled = false;
    let phase = made?.sent ? 'upload' : 'answer';
    let timedOutIn;
    let answeredMidUpload = false;
    const arm = () => {
        if (settled)
            return;
        clearTimeout(timer);
        timer = setTimeout(() => {
            timedOutIn = phase;
            timeout.abort();
        }, timeoutMs);
    };
    arm();
    if (made?.sent) {
        made.onData?.(() => {
            if (phase === 'upload')
                arm();
        });
        const bodySent = () => {
            if (phase !== 'upload')
                return;
            phase = 'answer';
            arm();
        };
        made.sent.then(bodySent, bodySent);
    }
    const signal = AbortSignal.any([setup.signal, timeout.signal].filter((s) => s !== undefined));
    let response;
    try {
        response = await (0,src/* default */.Ay)(url, {
            method: call.method,
            headers: setup.headers,
            body: made?.body,
            signal,
            agent: setup.agent,
            redirect: 'manual'
        });
        // The answer has begun (maybe before the whole upload was taken): its body is read under the same timer.
        answeredMidUpload = phase === 'upload';
        phase = 'body';
        if (call.ok.includes(response.status)) {
            if (call.read === 'json')
                return { response, json: await readJson(call, response, redact) };
            if (call.read === 'text')
                return { response, text: await response.text() };
            if (call.read) {
                phase = 'download';
                arm();
                let size = 0;
                const count = async function* (source) {
                    for await (const chunk of source) {
                        size += Buffer.byteLength(chunk);
                        arm();
                        yield chunk;
                    }
                };
                await (0,promises_.pipeline)(response.body, count, (0,external_node_fs_.createWriteStream)(call.read.file), { signal });
                return { response, size };
            }
            return { response };
        }
        const text = await response.text();
        // An http:// request goes to the proxy as it is, so its answer may be the proxy's own (a 502…).
        const forwardedBy = url.protocol === 'http:' ? setup.proxy : undefined;
        throw new failure_kinds/* AttemptFailure */.WY((0,failures/* apiError */.pb)(call, response.status, text, redact, forwardedBy), retryAfterMs(response.headers.get('retry-after')), undefined, false, answeredMidUpload);
    }
    catch (error) {
        if (error instanceof failure_kinds/* AttemptFailure */.WY)
            throw error;
        setup.throwIfStopped();
        if (timeout.signal.aborted) {
            const where = timedOutIn ?? phase;
            const reason = timeoutReason(where, timeoutMs, setup.clipped, setup.bound);
            throw new failure_kinds/* AttemptFailure */.WY(new errors/* NetworkError */.Dr(call.method, call.path, reason, false), undefined, undefined, where === 'answer');
        }
        throw new failure_kinds/* AttemptFailure */.WY(networkError(call, error, url, redact, setup.proxy), undefined, undefined, false, phase === 'upload');
    }
    finally {
        settled = true;
        clearTimeout(timer);
        made?.dispose?.();
    }
}
/** A success answer's JSON; a body that is not JSON fails the attempt, cut-off JSON so that a read is retried. */
async function readJson(call, response, redact) {
    const text = await response.text();
    try {
        return JSON.parse(text);
    }
    catch {
        const truncated = /^\s*[[{]/.test(text) || text.trim() === '';
        const what = truncated
            ? 'is cut-off or garbled JSON'
            : `is not JSON (${(0,server_text/* oneLineText */.gs)(response.headers.get('content-type') ?? 'no Content-Type', redact)})`;
        throw new failure_kinds/* AttemptFailure */.WY(new errors/* ApiError */.hD(call.method, call.path, response.status, `the answer ${what}: ${(0,server_text/* describeText */.ld)(text, redact)}. Is 'url' the Neomaril server's root?`), undefined, truncated ? 'truncated' : 'not-json');
    }
}

;// CONCATENATED MODULE: ./src/api/http/login.ts


/** The server version; also proves the URL points at a Neomaril API. Read-only, sends nothing secret. */
async function serverVersion(sender) {
    const body = await sender.json({
        method: 'GET',
        path: '/health',
        auth: 'none',
        safety: 'read',
        ok: [200],
        probe: true
    });
    return typeof body.Version === 'string' ? body.Version : 'unknown';
}
/** A user token. Logging in has no lasting effect, so it is retried like a read. */
async function userToken(sender, { login, password, tenant }) {
    // No tenant field at all when none is set: a 2.x-era server never sees one (docs/platform-contract.md).
    const fields = tenant === undefined ? { user: login, password } : { user: login, password, tenant };
    const form = new URLSearchParams(fields).toString();
    let body;
    try {
        body = await sender.json({
            method: 'POST',
            path: '/login',
            auth: 'none',
            safety: 'read',
            fewSilentTries: true,
            ok: [200],
            body: () => ({ body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
        });
    }
    catch (error) {
        if (error instanceof errors/* ApiError */.hD && error.status >= 400 && error.status < 500 && error.status !== 429) {
            throw (0,failures/* loginRefused */.U4)(login, tenant, error);
        }
        throw error;
    }
    if (typeof body.Token !== 'string' || body.Token === '')
        throw new errors/* ApiError */.hD('POST', '/login', 200, 'the answer holds no Token');
    return body.Token;
}

;// CONCATENATED MODULE: ./src/api/http/transport.ts








/**
 * The one request path under both APIs (v1 and v2): auth, retries, timeouts,
 * redaction and errors. It knows no endpoint but health and login (auth needs them);
 * src/api/v1.ts and src/api/v2.ts describe their calls as `Call`s and send them here.
 */
/** How long an attempt made near a deadline may still take to answer, past that deadline. */
const DEADLINE_GRACE_MS = 2000;
/**
 * Sends calls: sets the auth header, classifies the answer, retries what is safe to
 * retry, logs in again once on a 401, and never prints a token.
 */
class Transport {
    options;
    userToken;
    retry;
    sleep;
    random;
    now;
    redact;
    /** Requests sent, for the benchmark and the job summary. */
    stats = { requests: 0, retries: 0, logins: 0 };
    warnedSilent = false;
    constructor(options) {
        this.options = options;
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
        this.sleep = options.sleep ?? sleep/* abortableSleep */.M;
        this.random = options.random ?? Math.random;
        this.now = options.now ?? Date.now;
        this.redact = options.redact ?? ((text) => text);
    }
    /** Server text for the API modules' own messages: redacted, on one line, cut short. */
    text(raw, max = 300) {
        return (0,server_text/* describeText */.ld)(raw, this.redact, max);
    }
    /** Server text for a progress line: redacted, on one line, cut at 100 characters. */
    line(raw) {
        return (0,server_text/* oneLineText */.gs)(raw, this.redact);
    }
    get logger() {
        return this.options.logger;
    }
    get policy() {
        return this.retry;
    }
    /** Sleeps as the transport does between retries (cancellable). */
    pause(ms) {
        return this.sleep(ms, this.options.signal);
    }
    /** The pause before retry number `attempt` (docs/retries-and-timeouts.md). */
    backoff(attempt) {
        return backoff(this.retry, attempt, this.random);
    }
    /** H: the server version; also proves the URL points at a Neomaril API. Read-only, sends nothing secret. */
    health() {
        return serverVersion(this);
    }
    /** L: a user token, masked (onToken) before anything can print it. */
    async logIn() {
        const token = await userToken(this, this.options);
        this.options.onToken?.(token);
        this.userToken = token;
        this.stats.logins++;
    }
    async json(call) {
        return (await this.send({ ...call, read: 'json' })).json;
    }
    /**
     * Sends a call with retries. The answer's body is read inside each attempt
     * (`Call.read`), so a garbled JSON answer to a read is retried too, and the
     * request's timeout holds until the body has been read.
     */
    async send(call) {
        if (call.auth === 'user' && !this.userToken)
            await this.logIn();
        let reauthenticated = false;
        // A write's budget counts the time since it was first sent, or the pauses between
        // its attempts when they add up to more (an injected sleep takes no clock time).
        const firstSent = this.now();
        let paused = 0;
        for (let attempt = 1;; attempt++) {
            this.throwIfCancelled(call);
            try {
                return await this.attempt(call);
            }
            catch (failure) {
                if (!(failure instanceof failure_kinds/* AttemptFailure */.WY))
                    throw failure;
                const error = failure.error;
                const refused = error instanceof errors/* ApiError */.hD && error.status === 401;
                // A token can expire during a long build: log in again once, then retry. Not for a
                // call that may be abandoned (an optional lookup): its login could outlive it, and
                // the run's own next call logs in anyway.
                if (refused && call.auth === 'user' && !reauthenticated && !call.signal) {
                    this.options.logger.info(`${call.method} ${call.path}: the user token was refused; logging in again.`);
                    reauthenticated = true;
                    await this.logIn();
                    attempt--;
                    continue;
                }
                if (refused && call.auth !== 'none')
                    throw (0,failures/* authFailure */.Tu)(call, error);
                const delay = this.retryDelay(call, failure, attempt, Math.max(this.now() - firstSent, paused));
                if (delay === undefined)
                    throw (0,failures/* finalError */.bo)(call, failure, attempt);
                if (failure.silent && !this.warnedSilent)
                    this.warnSilent(call, error, attempt);
                this.stats.retries++;
                const left = call.safety === 'read'
                    ? `attempt ${attempt + 1} of ${this.attemptsFor(call, failure)}`
                    : `attempt ${attempt + 1}; the server refused it before acting, ` +
                        `so it is sent again for up to ${Math.round(this.retry.writeBudgetMs / 1000)}s`;
                this.options.logger.info(`${call.method} ${call.path}: ${(0,server_text/* describeFailure */.Ic)(error)}; retrying in ${(delay / 1000).toFixed(1)}s (${left}).`);
                paused += delay;
                await this.sleep(delay, this.signalOf(call)).catch((error) => {
                    // Say which signal stopped the sleep: the run's (cancelled) or the call's (abandoned).
                    this.throwIfCancelled(call);
                    throw error;
                });
            }
        }
    }
    /**
     * Once a run: a host that said nothing to a request is named at once, with how
     * long it was given, that it is asked again, and what bounds the wait.
     */
    warnSilent(call, error, attempt) {
        this.warnedSilent = true;
        const host = new URL(this.options.apiUrl).host;
        const left = this.attemptsFor(call, { silent: true }) - attempt;
        const bound = call.probe && this.retry.probeTimeoutMs < this.options.requestTimeoutMs
            ? `this first request is bounded at ${this.retry.probeTimeoutMs / 1000}s a try, later ones by 'request-timeout'`
            : "'request-timeout' bounds each try";
        this.options.logger.warning(`No answer from ${host} to ${call.method} ${call.path} (${(0,server_text/* describeFailure */.Ic)(error)}). ` +
            `Asking again up to ${left} more time${left === 1 ? '' : 's'} (${bound}). ` +
            "A server that stays silent is usually a wrong host or port in 'url', or a firewall or proxy holding " +
            'the connection.');
    }
    /** Attempts in all for a read: fewer for the first request while the host stays silent. */
    attemptsFor(call, failure) {
        return (call.probe || call.fewSilentTries) && failure.silent ? this.retry.silentProbeAttempts : this.retry.attempts;
    }
    /** How long to wait before the next attempt, or undefined when it must not be retried. */
    retryDelay(call, failure, attempt, spentMs) {
        if (!mayRetry(call.safety, failure))
            return undefined;
        // Reads get a count of attempts; writes refused before acting get a time budget.
        if (call.safety === 'read' && attempt >= this.attemptsFor(call, failure))
            return undefined;
        let delay = this.backoff(attempt);
        if (failure.retryAfterMs !== undefined)
            delay = Math.min(Math.max(delay, failure.retryAfterMs), this.retry.maxRetryAfterMs);
        if (call.safety === 'write' && spentMs + delay > this.retry.writeBudgetMs)
            return undefined;
        const deadline = this.deadlineOf(call);
        if (deadline !== undefined && this.now() + delay > deadline)
            return undefined;
        return delay;
    }
    deadlineOf(call) {
        const global = this.options.deadline?.();
        if (call.deadline === undefined)
            return global;
        return global === undefined ? call.deadline : Math.min(global, call.deadline);
    }
    /** One attempt: the auth header, a timeout clipped to the deadline (plus a grace), then attempt.ts. */
    attempt(call) {
        const url = new URL(this.options.apiUrl + call.path);
        const headers = { Accept: 'application/json' };
        const token = call.auth === 'user' ? this.userToken : call.auth === 'group' ? this.options.groupToken : undefined;
        if (call.auth !== 'none') {
            if (!token)
                throw new errors/* AuthError */.lR(`${call.method} ${call.path} needs the group token: set the 'group-token' input (or NEOMARIL_GROUP_TOKEN).`);
            headers.Authorization = `Bearer ${token}`;
        }
        const made = call.body?.();
        Object.assign(headers, made?.headers);
        const deadline = this.deadlineOf(call);
        const probeBound = call.probe && this.retry.probeTimeoutMs < this.options.requestTimeoutMs;
        const requestTimeoutMs = probeBound ? this.retry.probeTimeoutMs : this.options.requestTimeoutMs;
        const timeoutMs = deadline === undefined
            ? requestTimeoutMs
            : Math.min(requestTimeoutMs, Math.max(0, deadline - Date.now()) + DEADLINE_GRACE_MS);
        this.stats.requests++;
        this.options.logger.debug(`${call.method} ${url.pathname}`);
        return attempt(call, {
            url,
            headers,
            made,
            timeoutMs,
            clipped: timeoutMs < requestTimeoutMs,
            bound: probeBound ? "the first request's bound; later ones: request-timeout" : undefined,
            signal: this.signalOf(call),
            agent: this.options.agent?.(url),
            proxy: this.options.proxyOf?.(url),
            redact: this.redact,
            throwIfStopped: () => this.throwIfCancelled(call)
        });
    }
    throwIfCancelled(call) {
        if (this.options.signal?.aborted)
            throw new errors/* CancelledError */.cc(String(this.options.signal.reason ?? 'cancellation'));
        if (call?.signal?.aborted)
            throw new errors/* AbandonedError */.TK(`${call.method} ${call.path}`);
    }
    /** What stops a call: the run's signal, the call's own, or both. */
    signalOf(call) {
        if (!call.signal)
            return this.options.signal;
        return this.options.signal ? AbortSignal.any([this.options.signal, call.signal]) : call.signal;
    }
}

// EXTERNAL MODULE: ./src/shared/api-choice.ts
var api_choice = __webpack_require__(38077);
// EXTERNAL MODULE: ./src/api/http/bodies.ts
var bodies = __webpack_require__(28845);
// EXTERNAL MODULE: ./src/api/common-calls.ts
var common_calls = __webpack_require__(11751);
// EXTERNAL MODULE: ./src/shared/hashes.ts
var hashes = __webpack_require__(81149);
;// CONCATENATED MODULE: ./src/api/v1.ts




/** The v1 calls (docs/platform-contract.md), each one `Call` sent through the transport. */
class V1Api {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /** G1: the names of the groups this user can see (the same call on current servers). */
    async listGroups() {
        const body = await this.transport.json({
            method: 'GET',
            path: '/groups',
            auth: 'user',
            safety: 'read',
            ok: [200]
        });
        return (body.Results ?? []).map((group) => group.Name).filter((name) => typeof name === 'string');
    }
    /** P1: registers the script and returns its hash. Sent again only while the server refuses it before acting. */
    async register(group, fields, files) {
        const path = `/preprocessing/register/${(0,bodies/* seg */.aJ)(group)}`;
        // Sent once and maybe acted on: never sent again, so say what to look for.
        const body = await (0,common_calls/* sendWrite */.As)(this.transport, {
            method: 'POST',
            path,
            auth: 'user',
            safety: 'write',
            ok: [201, 200],
            body: () => (0,bodies/* multipart */.fo)(fields, files),
            effect: { what: 'register', undone: 'not registered' }
        }, {
            mayHaveActed: `the script '${fields.name ?? ''}' may have been registered all the same: ` +
                'look for it in Neomaril before deploying again'
        });
        return (0,common_calls/* checkedHash */.EO)(body.Hash, 'POST', `/preprocessing/register/${group}`, this.transport);
    }
    /**
     * P2: starts the build. A GET on the wire, but it acts, so it is a write: the
     * client sends it again on its own only when the server provably did not act. After
     * an ambiguous failure (a reset, a timeout, a 5xx) the status says what happened:
     * once P2 has answered 202 the script is never 'Ready' again (docs/platform-contract.md), so
     * 'Ready' means the call did not act and may be sent again, and anything else means
     * the build started and the deploy goes on.
     */
    async host(operation, group, hash) {
        const call = {
            method: 'GET',
            path: `/preprocessing/${operation.toLowerCase()}/host/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(hash)}`,
            auth: 'user',
            safety: 'write',
            ok: [202, 200],
            effect: { what: 'host call', undone: 'the build did not start' }
        };
        await (0,common_calls/* hostVerified */.lL)(this.transport, call, () => this.status(group, hash));
    }
    /** P3: the script's state. 410 carries the same body (docs/platform-contract.md). */
    async status(group, hash, options = {}) {
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/status/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(hash)}`,
            auth: 'user',
            safety: 'read',
            ok: [200, 410],
            deadline: options.deadline
        });
        if (typeof body.Status !== 'string')
            throw new errors/* ApiError */.hD('GET', `/preprocessing/status/${group}/${hash}`, 200, 'the answer holds no Status');
        return { status: body.Status, message: typeof body.Message === 'string' ? body.Message : null };
    }
    /** P4: the script's description. */
    async describe(group, hash) {
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/describe/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(hash)}`,
            auth: 'user',
            safety: 'read',
            ok: [200]
        });
        return body.Description ?? {};
    }
    /**
     * P5: the group's scripts whose name matches `name` (the server's LIKE filter, over its
     * default span of days). Only well-formed hashes are kept: they go into later paths.
     */
    async search(group, name, options = {}) {
        const query = new URLSearchParams({ name, group });
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/search?${query}`,
            auth: 'user',
            safety: 'read',
            ok: [200],
            ...options
        });
        return (Array.isArray(body.Results) ? body.Results : []).flatMap((entry) => {
            if (typeof entry?.Hash !== 'string' ||
                !hashes/* SCRIPT_HASH */.j_.test(entry.Hash) ||
                (typeof entry.Group === 'string' && entry.Group !== group))
                return [];
            const uploadedAt = typeof entry.UploadedAt === 'string' ? Date.parse(entry.UploadedAt) : NaN;
            return [
                {
                    hash: entry.Hash,
                    status: typeof entry.Status === 'string' ? entry.Status : '',
                    uploadedAt: Number.isFinite(uploadedAt) ? uploadedAt : undefined
                }
            ];
        });
    }
    /** P6: log entries, filtered by routine and type, over the given days (dd-mm-YYYY). */
    async logs(group, hash, query = {}, options = {}) {
        const params = new URLSearchParams();
        if (query.start)
            params.set('start', ddmmyyyy(query.start));
        if (query.end)
            params.set('end', ddmmyyyy(query.end));
        if (query.routine)
            params.set('routine', query.routine);
        if (query.type)
            params.set('type', query.type);
        const suffix = params.size > 0 ? `?${params}` : '';
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/logs/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(hash)}${suffix}`,
            auth: 'user',
            safety: 'read',
            ok: [200],
            ...options
        });
        return Array.isArray(body.Results) ? body.Results : [];
    }
    /** R1: runs a Sync script; answers the raw response so the caller can judge it. */
    async runSync(group, hash, input) {
        const payload = JSON.stringify({ Input: input });
        const { response, text } = await this.transport.send({
            method: 'POST',
            path: `/preprocessing/sync/run/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(hash)}`,
            auth: 'group',
            safety: 'write',
            ok: common_calls/* RUN_ANSWERS */.G$,
            read: 'text',
            body: () => ({ body: payload, headers: { 'Content-Type': 'application/json' } }),
            effect: { what: 'run', undone: 'it did not run' }
        });
        return { status: response.status, body: text ?? '' };
    }
    /** R2: starts an Async execution on the uploaded dataset; answers its id. */
    async runAsync(group, hash, dataset) {
        const body = await this.transport.json({
            method: 'POST',
            path: `/preprocessing/async/run/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(hash)}`,
            auth: 'group',
            safety: 'write',
            ok: [202, 200],
            body: () => (0,bodies/* multipart */.fo)({}, [dataset]),
            effect: { what: 'run', undone: 'no execution was started' }
        });
        if (body.ExecutionId === undefined || body.ExecutionId === null || body.ExecutionId === '')
            throw new errors/* ApiError */.hD('POST', `/preprocessing/async/run/${group}/${hash}`, 202, 'the answer holds no ExecutionId');
        return String(body.ExecutionId);
    }
    /** E1: an execution's state. */
    async executionStatus(group, executionId, options = {}) {
        const body = await this.transport.json({
            method: 'GET',
            path: `/preprocessing/async/status/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(executionId)}`,
            auth: 'group',
            safety: 'read',
            ok: [200, 410],
            deadline: options.deadline
        });
        if (typeof body.Status !== 'string')
            throw new errors/* ApiError */.hD('GET', `/preprocessing/async/status/${group}/${executionId}`, 200, 'the answer holds no Status');
        return { status: body.Status, message: typeof body.Message === 'string' ? body.Message : null };
    }
    /** E2: streams the execution's result (a zip) to a file; answers its size. */
    async downloadResult(group, executionId, destination) {
        const { size } = await this.transport.send({
            method: 'GET',
            path: `/preprocessing/async/result/${(0,bodies/* seg */.aJ)(group)}/${(0,bodies/* seg */.aJ)(executionId)}`,
            auth: 'group',
            safety: 'read',
            ok: [200, 410],
            read: { file: destination }
        });
        return size ?? 0;
    }
}
function ddmmyyyy(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`;
}

// EXTERNAL MODULE: ./src/api/wire.ts
var wire = __webpack_require__(95847);
;// CONCATENATED MODULE: ./src/api/v2.ts





const ROOT = '/v2/preprocessing';
/**
 * The v2 Async calls (docs/platform-contract.md), every one with the user token, each
 * a `Call` sent through the same transport as v1, so retries follow the same rules:
 * a PATCH upload is a write.
 */
class V2Api {
    transport;
    constructor(transport) {
        this.transport = transport;
    }
    /**
     * Whether the server serves the v2 routes at all, asked before anything is uploaded:
     * `GET /v2/preprocessing` (the list, read-only). A route that exists answers 200
     * with JSON whatever the scripts; an older server has no such route and answers 404.
     * A status of a made-up hash would answer 404 on both, so it cannot tell them apart.
     */
    async served(group) {
        const path = `${ROOT}?group=${(0,bodies/* seg */.aJ)(group)}`;
        try {
            await this.transport.json({ method: 'GET', path, auth: 'user', safety: 'read', ok: [200] });
            return true;
        }
        catch (error) {
            if (error instanceof errors/* ApiError */.hD && error.status === 404)
                return false;
            throw error;
        }
    }
    /** R: registers an Async script; answers its hash. */
    async register(group, name) {
        const path = `${ROOT}/${(0,bodies/* seg */.aJ)(group)}`;
        const body = await this.write({
            method: 'POST',
            path,
            auth: 'user',
            safety: 'write',
            ok: [201, 200],
            body: (0,bodies/* jsonBody */.J9)({ Name: name, Operation: 'Async' }),
            effect: { what: 'register', undone: 'not registered' }
        }, `the group '${group}' is unknown to the v2 API`, `the script '${name}' may have been registered all the same: look for it in MLOps before deploying again`);
        return (0,common_calls/* checkedHash */.EO)(body.PreprocessHash, 'POST', path, this.transport);
    }
    /** S: one named dataset of the schema; answers its DatasetHash. */
    async uploadSchema(hash, dataset) {
        const path = `${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/schema`;
        const body = await this.upload(path, { dataset_name: dataset.name }, { ...dataset.file, part: 'schema_file' }, `schema dataset '${dataset.name}'`);
        return checkedDataset(body.DatasetHash, path, this.transport);
    }
    /** F: the source file, with its entrypoint and Python ('Python310'). */
    async uploadScript(hash, file, entrypoint, pythonVersion) {
        await this.upload(`${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/script-file`, { preprocess_reference: entrypoint, python_version: pythonVersion }, { ...file, part: 'script' }, 'script file');
    }
    /** Q: the requirements file. */
    async uploadRequirements(hash, file) {
        await this.upload(`${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/requirements-file`, {}, { ...file, part: 'requirements' }, 'requirements file');
    }
    /** V: the .env file (its content is never printed). */
    async uploadEnv(hash, file) {
        await this.upload(`${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/env-file`, {}, { ...file, part: 'env' }, 'env file');
    }
    /** X: one extra file, under its upload name. */
    async uploadExtra(hash, file) {
        await this.upload(`${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/extra-file`, { extra_file_name: file.filename }, { ...file, part: 'extra_file' }, `extra file '${file.filename}'`);
    }
    /** H: starts the build; after an ambiguous failure the status decides whether to send it again (as v1's host). */
    async host(hash) {
        const call = {
            method: 'PATCH',
            path: `${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/status`,
            auth: 'user',
            safety: 'write',
            ok: [202, 200, 201],
            effect: { what: 'host call', undone: 'the build did not start' }
        };
        await (0,common_calls/* hostVerified */.lL)(this.transport, call, () => this.status(hash));
    }
    /** T: the script's state; `DatasetHash` once Deployed. */
    async status(hash, options = {}) {
        const { body, status, message } = await this.state(`${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/status`, options);
        return { status, message, datasetHash: datasetHashIn(body.DatasetHash) };
    }
    /**
     * Whether `hash` is a v2 script on this server: its v2 status answers. A v1 hash
     * answers 404 there (docs/platform-contract.md), as does any hash on an older server.
     */
    async locate(hash) {
        try {
            return await this.status(hash);
        }
        catch (error) {
            if (error instanceof errors/* ApiError */.hD && error.status === 404)
                return undefined;
            throw error;
        }
    }
    /** The v2 describe: `State`, and whatever else the server says. */
    async describe(hash) {
        return this.transport.json({
            method: 'GET',
            path: `${ROOT}/${(0,bodies/* seg */.aJ)(hash)}`,
            auth: 'user',
            safety: 'read',
            ok: [200]
        });
    }
    /** E1: a new execution; answers its id (the integer quoted in the answer's Message). */
    async createExecution(hash) {
        const path = `${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/execution`;
        const body = await this.write({
            method: 'POST',
            path,
            auth: 'user',
            safety: 'write',
            ok: [201, 200],
            effect: { what: 'execution create', undone: 'no execution was created' }
        }, `${hash} is not a v2 script on this server`, 'an execution may have been created all the same');
        const id = typeof body.Message === 'string' ? wire/* EXECUTION_ID_IN_MESSAGE */.R5.exec(body.Message)?.[1] : undefined;
        if (!id)
            throw new errors/* ApiError */.hD('POST', path, 201, `the answer holds no execution id (Message: ${this.transport.text(String(body.Message ?? ''), 120)})`);
        return id;
    }
    /** E2: one input dataset of an execution; answers its DatasetHash. */
    async uploadInput(hash, executionId, dataset) {
        const path = `${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/execution/${(0,bodies/* seg */.aJ)(executionId)}/input`;
        const body = await this.upload(path, { dataset_name: dataset.name }, { ...dataset.file, part: 'input' }, `input dataset '${dataset.name}'`);
        return checkedDataset(body.DatasetHash, path, this.transport);
    }
    /** E3: runs the execution. */
    async runExecution(hash, executionId) {
        await this.write({
            method: 'PATCH',
            path: `${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/execution/${(0,bodies/* seg */.aJ)(executionId)}/run`,
            auth: 'user',
            safety: 'write',
            ok: [201, 200, 202],
            effect: { what: 'run', undone: 'it did not run' }
        }, `execution ${executionId} of ${hash} is unknown to the server`, 'the execution may have started all the same');
    }
    /** E4: the execution's state; `OutputDatasetHash` once Succeeded. */
    async executionStatus(hash, executionId, options = {}) {
        const path = `${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/execution/${(0,bodies/* seg */.aJ)(executionId)}/status`;
        const { body, status, message } = await this.state(path, options);
        return { status, message, outputDatasetHash: datasetHashIn(body.OutputDatasetHash) };
    }
    /** E5: streams the result (parquet) to a file; answers its size. */
    async downloadResult(hash, executionId, destination) {
        const { size } = await this.transport.send({
            method: 'GET',
            path: `${ROOT}/${(0,bodies/* seg */.aJ)(hash)}/execution/${(0,bodies/* seg */.aJ)(executionId)}/result`,
            auth: 'user',
            safety: 'read',
            ok: [200],
            read: { file: destination }
        });
        return size ?? 0;
    }
    upload(path, fields, file, what) {
        return this.write({
            method: 'PATCH',
            path,
            auth: 'user',
            safety: 'write',
            ok: [201, 200],
            body: () => (0,bodies/* multipart */.fo)(fields, [file]),
            effect: { what: `upload of the ${what}`, undone: 'not uploaded' }
        }, 'the script hash is unknown to the v2 API', `the ${what} may have been uploaded all the same`);
    }
    /** A state read (T, E4): the answer, which must hold a Status, and its Message. */
    async state(path, options) {
        const call = { method: 'GET', path, auth: 'user', safety: 'read', ok: [200], deadline: options.deadline };
        const body = await this.transport.json(call);
        if (typeof body.Status !== 'string')
            throw new errors/* ApiError */.hD('GET', path, 200, 'the answer holds no Status');
        return { body, status: body.Status, message: typeof body.Message === 'string' ? body.Message : null };
    }
    write(call, notFound, mayHaveActed) {
        return (0,common_calls/* sendWrite */.As)(this.transport, call, { notFound, mayHaveActed });
    }
}
/** A dataset hash the answer holds, when it has the right form. */
function datasetHashIn(value) {
    return typeof value === 'string' && hashes/* DATASET_HASH */.wr.test(value) ? value : undefined;
}
function checkedDataset(hash, path, transport) {
    const checked = datasetHashIn(hash);
    if (checked)
        return checked;
    throw new errors/* ApiError */.hD('PATCH', path, 201, `the answer holds no DatasetHash (D and 63 hex digits) but ${transport.text(JSON.stringify(hash ?? null), 80)}`);
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./node_modules/http-proxy-agent/dist/index.js
var dist = __webpack_require__(28947);
// EXTERNAL MODULE: ./node_modules/https-proxy-agent/dist/index.js + 1 modules
var https_proxy_agent_dist = __webpack_require__(71566);
// EXTERNAL MODULE: ./node_modules/proxy-from-env/index.js
var proxy_from_env = __webpack_require__(98182);
;// CONCATENATED MODULE: ./src/api/proxy.ts






/**
 * The agent for a URL, honouring HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case,
 * read from the environment by proxy-from-env), as self-hosted runners behind
 * corporate proxies need. Undefined means "connect directly". One agent per proxy,
 * so connections are reused across calls.
 */
function proxyAgents() {
    const agents = new Map();
    return (url) => {
        const proxy = (0,proxy_from_env/* getProxyForUrl */.T)(url.toString());
        if (!proxy)
            return undefined;
        const key = `${url.protocol}${proxy}`;
        let agent = agents.get(key);
        if (!agent) {
            agent =
                url.protocol === 'https:'
                    ? new TunnelAgent(proxy, { keepAlive: true })
                    : new dist/* HttpProxyAgent */.s(proxy, { keepAlive: true });
            agents.set(key, agent);
        }
        return agent;
    };
}
/**
 * The proxy a URL goes through, for messages: its address (never its credentials) and
 * the variable that set it, read as proxy-from-env reads them (lower case first, then
 * upper case, then ALL_PROXY). Undefined when the URL is reached directly.
 */
function proxyOf(url) {
    const proxy = (0,proxy_from_env/* getProxyForUrl */.T)(url.toString());
    if (!proxy)
        return undefined;
    const scheme = url.protocol.replace(/:$/, '');
    const names = [`${scheme}_proxy`, 'all_proxy'].flatMap((name) => [name, name.toUpperCase()]);
    const variable = names.find((name) => process.env[name]) ?? `${scheme.toUpperCase()}_PROXY`;
    let address;
    try {
        address = new URL(proxy.includes('://') ? proxy : `${scheme}://${proxy}`).host;
    }
    catch {
        address = 'an address that is not a URL';
    }
    return `the proxy ${address} (${variable})`;
}
/**
 * https-proxy-agent starts TLS over the tunnel without the host when the host is an
 * IP address (no SNI for IPs), so Node checks the certificate against 'localhost' and
 * an https://10.0.0.5 server with a certificate for 10.0.0.5 fails as
 * ERR_TLS_CERT_ALTNAME_INVALID. Checking against the URL's own host mends that. And a
 * tunnel the proxy refuses (407, 502…) fails as the proxy's refusal, never as the server's answer.
 */
class TunnelAgent extends https_proxy_agent_dist/* HttpsProxyAgent */.b {
    async connect(req, opts) {
        let status;
        req.once('proxyConnect', (answer) => (status = answer.statusCode));
        const host = opts.host;
        const socket = opts.secureEndpoint && host && (0,external_node_net_.isIP)(host) && !('checkServerIdentity' in opts && opts.checkServerIdentity)
            ? await super.connect(req, {
                ...opts,
                checkServerIdentity: (_name, cert) => (0,external_node_tls_.checkServerIdentity)(host, cert)
            })
            : await super.connect(req, opts);
        if (status === undefined || status === 200)
            return socket;
        // https-proxy-agent would replay the proxy's refusal as the server's own answer.
        socket.destroy();
        throw tunnelRefused(status, `${host ?? ''}:${opts.port}`);
    }
}
/**
 * The proxy answered the tunnel request (CONNECT) with something other than 200: the
 * request never reached the server, and the answer is the proxy's, not the server's.
 */
function tunnelRefused(status, target) {
    const [code, words] = status === 407
        ? [
            failure_kinds/* PROXY_AUTH_CODE */.iB,
            'the proxy asked for credentials (HTTP 407): give the right ones in the proxy URL ' +
                '(http://user:password@host:port, the password URL-encoded)'
        ]
        : [failure_kinds/* PROXY_TUNNEL_CODE */.OL, `the proxy would not open a tunnel to ${target} (HTTP ${status})`];
    return Object.assign(new Error(words), { code });
}

// EXTERNAL MODULE: ./src/shared/inert.ts
var inert = __webpack_require__(94105);
// EXTERNAL MODULE: ./src/shared/secrets.ts
var secrets = __webpack_require__(33260);
;// CONCATENATED MODULE: ./src/modes/session.ts
// Plumbing shared by deploy and smoke-test modes (not a mode): the transport, the login,
// the group and the API choice. It logs and fills the RunResult, so it lives with the modes.












function newTransport(spec, signal, deadline) {
    return new Transport({
        ...spec.connection,
        // A write the server refuses before acting is sent again no longer than the wait itself may take.
        retry: { ...DEFAULT_RETRY, writeBudgetMs: Math.min(DEFAULT_RETRY.writeBudgetMs, spec.wait.timeoutMs) },
        deadline: () => deadline.at,
        // Server text reaches these lines; one line each, so none can start a workflow command.
        logger: {
            debug: (message) => core/* debug */.Yz((0,inert/* oneLine */.TN)(message)),
            info: (message) => core/* info */.pq((0,inert/* oneLine */.TN)(message)),
            warning: (message) => core/* warning */.$e((0,inert/* oneLine */.TN)(message))
        },
        signal,
        onToken: secrets/* addSecret */.Ck,
        redact: secrets/* redact */.E$,
        agent: proxyAgents(),
        proxyOf: proxyOf
    });
}
/**
 * Health (read-only, nothing secret) runs beside the local checks; the login waits
 * for both, so no password leaves the runner before every local check has passed.
 */
async function connect(transport, spec, result, localChecks) {
    return core/* group */.Os('Connect', async () => {
        // Both settle before anything is judged: a local problem is reported first, whatever health said.
        const [health, local] = await Promise.allSettled([transport.health(), localChecks]);
        if (local.status === 'rejected')
            throw local.reason;
        if (health.status === 'rejected')
            throw health.reason;
        const version = health.value;
        result.serverVersion = version;
        core/* info */.pq(`Server ${spec.connection.apiUrl} answers, version ${(0,inert/* oneLine */.TN)(version)}.`);
        await transport.logIn();
        const tenant = spec.connection.tenant;
        core/* info */.pq(`Logged in as ${(0,inert/* oneLine */.TN)(spec.connection.login)}${tenant === undefined ? '' : ` (tenant ${(0,inert/* oneLine */.TN)(tenant)})`}.`);
        const v1 = new V1Api(transport);
        const group = chooseGroup(await v1.listGroups(), spec.group, spec.groupNormalised);
        result.group = group;
        return { transport, v1, v2: new V2Api(transport), group };
    });
}
/**
 * The group as /groups spells it: the name as given when it is there (current
 * servers match exactly), else the 2.1.1 normalisation with a notice naming both.
 */
function chooseGroup(visible, given, normalised) {
    if (visible.includes(given)) {
        core/* info */.pq(`Group '${(0,inert/* oneLine */.TN)(given)}' exists.`);
        return given;
    }
    if (normalised !== given && visible.includes(normalised)) {
        core/* notice */.lm(`Group '${(0,inert/* oneLine */.TN)(given)}' is not on the server, but '${(0,inert/* oneLine */.TN)(normalised)}' (its 2.1.1 normalisation) is: ` +
            `using '${(0,inert/* oneLine */.TN)(normalised)}'. Write it that way to silence this notice; ` +
            'servers since 2.2.1 match names exactly.');
        return normalised;
    }
    throw new errors/* InputError */.dz([
        {
            input: 'group',
            problem: `'${given}'${normalised !== given ? ` (or '${normalised}')` : ''} is not a group this user can see ` +
                `(visible: ${visible.length > 0 ? visible.join(', ') : 'none'}).`,
            fix: 'Use one of those, exactly as spelled, or create the group first.'
        }
    ]);
}
/**
 * The API a deploy uses: v1 for Sync (the platform has no v2 Sync), the one asked
 * for, or with `auto` v2 when the read-only probe finds its routes (v2.served).
 */
async function chooseDeployApi(session, spec, result) {
    const { apiVersion } = spec;
    const { datasets } = spec.script;
    const [only, ...others] = (0,api_choice/* apiCandidates */.xs)(spec.script.operation, apiVersion);
    let version;
    if (only && others.length === 0) {
        version = only;
        result.apiProbe = (0,api_choice/* apiReasonWithoutProbe */.hg)(spec.script.operation, apiVersion);
        // A forced v2 on a server without v2 routes would fail at the register, as an unknown group.
        if (version === 'v2' && !(await session.v2.served(session.group)))
            throw noV2(session.group, result);
    }
    else {
        const served = await session.v2.served(session.group);
        version = served ? 'v2' : 'v1';
        result.apiProbe =
            `GET /v2/preprocessing?group=${session.group} answered ` +
                (served ? '200: the server serves v2' : '404: no v2 routes (an older server)');
    }
    core/* info */.pq(`API: ${version} (${(0,inert/* oneLine */.TN)(result.apiProbe)}).`);
    // What the inputs need from this API (the group token on v1, the datasets' names on v2), before any upload.
    const unfit = (0,api_fit/* problemsOnApi */.Sc)(spec, version, result.apiProbe);
    if (unfit.length > 0)
        throw new errors/* InputError */.dz(unfit);
    if (version === 'v1' && datasets.length > 1) {
        throw new errors/* InputError */.dz([
            {
                input: 'schema',
                problem: `names ${datasets.length} datasets, but this deploy goes through v1 (${result.apiProbe}), ` +
                    'which takes one schema file.',
                fix: 'Give one schema file, or deploy to a server with the v2 API (api-version: auto or v2).'
            }
        ]);
    }
    result.apiVersion = version;
    return apiOf(session, version);
}
/** api-version: v2 on a server that serves no v2 routes: which api-version to use instead. */
function noV2(group, result) {
    return new errors/* InputError */.dz([
        {
            input: 'api-version',
            problem: `is v2, but this server (version ${result.serverVersion ?? 'unknown'}) serves no v2 API: ` +
                `GET /v2/preprocessing?group=${group} answered 404, as a v1-only server does. Nothing was uploaded.`,
            fix: 'Use api-version: v1 (or auto, which takes v1 on this server); the entrypoint check then says whether ' +
                "the script fits v1's calling contract."
        }
    ]);
}
function apiOf(session, version) {
    return version === 'v2'
        ? (0,api/* v2Preprocessing */.HF)(session.v2, session.v1, session.group)
        : (0,api/* v1Preprocessing */.S3)(session.v1, session.group);
}


/***/ }),

/***/ 95156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ runSmokeTest)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77094);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_duration_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(85497);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _steps_register_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7042);
/* harmony import */ var _steps_server_smoke_test_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14433);
/* harmony import */ var _shared_inert_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(94105);
/* harmony import */ var _inputs_async_expect_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(20075);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(61235);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(85698);
/* harmony import */ var _pipeline_phase_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(47021);
// Plumbing shared by deploy and smoke-test modes (not a mode): the smoke test once the
// script is Deployed, logged and recorded in the RunResult. The calls are steps/server-smoke-test.ts.











/** The smoke test after Deployed, in deploy and smoke-test modes; its own deadline (smoke-test-timeout). */
async function runSmokeTest(ctx, api, spec) {
    const { result } = ctx;
    if (result.status !== 'deployed' && result.status !== 'unchanged') {
        result.smokeTest = { outcome: 'skipped', reason: `the script is not deployed (status ${result.status})` };
        return;
    }
    ctx.deadline.at = Date.now() + spec.smokeTest.timeoutMs;
    const hash = result.hash;
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Smoke test', async () => {
        try {
            if (ctx.pipeline)
                result.smokeTest = await (0,_pipeline_phase_js__WEBPACK_IMPORTED_MODULE_8__/* .runPipeline */ .a)(ctx, api, spec, hash);
            else if (spec.script.operation === 'Sync') {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Running ${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(spec.script.entrypoint)} on the sample (sync run).`);
                result.smokeTest = await (0,_steps_server_smoke_test_js__WEBPACK_IMPORTED_MODULE_3__/* .smokeTestSync */ .P9)(api, hash, spec.smokeTest.syncInput, spec.smokeTest.expect);
            }
            else {
                const datasets = (0,_steps_register_js__WEBPACK_IMPORTED_MODULE_9__/* .smokeTestDatasets */ .rs)(spec);
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Uploading ${datasets.map((d) => (0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(`${d.name} (${d.file.filename})`)).join(', ')} ` +
                    `as the input of an async execution (${api.version}).`);
                result.smokeTest = await (0,_steps_server_smoke_test_js__WEBPACK_IMPORTED_MODULE_3__/* .smokeTestAsync */ .so)(api, hash, datasets, {
                    timeoutMs: spec.smokeTest.timeoutMs,
                    pollIntervalMs: spec.wait.pollIntervalMs,
                    resultPath: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(result.recordsDir, api.resultFormat === 'parquet' ? 'smoke-test-result.parquet' : 'smoke-test-result.zip'),
                    expectation: spec.smokeTest.asyncExpect,
                    signal: ctx.signal,
                    onPoll: (0,_context_js__WEBPACK_IMPORTED_MODULE_6__/* .logPoll */ .OI)('execution check'),
                    onCall: _context_js__WEBPACK_IMPORTED_MODULE_6__/* .logCall */ .FG,
                    onTransientFailure: _context_js__WEBPACK_IMPORTED_MODULE_6__/* .logOutage */ .ko
                });
            }
        }
        catch (error) {
            if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc)
                throw error;
            result.smokeTest = { ...result.smokeTest, outcome: 'failed', reason: `the run call failed: ${(0,_messages_js__WEBPACK_IMPORTED_MODULE_7__/* .messageFor */ .X)(error)}` };
        }
        const smoke = result.smokeTest;
        // In a pipeline the table read is the model's when smoke-test-expect was checked on it, else the script's.
        const whose = !smoke.pipeline ? 'Result' : smoke.expectation ? "The model's result" : "The preprocessing's result";
        if (smoke.resultRows !== undefined)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${whose}${smoke.resultTable ? ` (${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)(smoke.resultTable)})` : ''}: ${smoke.resultRows} rows; ` +
                `columns ${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)((0,_steps_server_smoke_test_js__WEBPACK_IMPORTED_MODULE_3__/* .typedColumns */ .A8)(smoke))}.`);
        if (spec.smokeTest.asyncExpect && smoke.expectation?.met)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`smoke-test-expect met: ${(0,_shared_inert_js__WEBPACK_IMPORTED_MODULE_4__/* .oneLine */ .TN)((0,_inputs_async_expect_js__WEBPACK_IMPORTED_MODULE_5__/* .describeExpectation */ .uN)(spec.smokeTest.asyncExpect))}.`);
        if (smoke.outcome === 'passed') {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Smoke test passed in ${(0,_shared_duration_js__WEBPACK_IMPORTED_MODULE_10__/* .formatDuration */ .a3)(smoke.elapsedMs ?? 0)}.`);
            return;
        }
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SmokeTestFailedError */ .t$(`Smoke test failed: ${smoke.reason}.`);
    });
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
