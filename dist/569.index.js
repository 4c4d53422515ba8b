export const id = 569;
export const ids = [569];
export const modules = {

/***/ 23632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HF: () => (/* binding */ v2Preprocessing),
/* harmony export */   MJ: () => (/* binding */ v1RegisterFields),
/* harmony export */   Px: () => (/* binding */ v2Uploads),
/* harmony export */   S3: () => (/* binding */ v1Preprocessing),
/* harmony export */   Z$: () => (/* binding */ hostCall),
/* harmony export */   uA: () => (/* binding */ registerCall)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);

const wirePython = (version) => `Python${version.replace('.', '')}`;
/** The form fields of the v1 register call (contract §3); the manifest shows them. */
function v1RegisterFields(script) {
    return {
        name: script.name,
        script_reference: script.entrypoint,
        operation: script.operation,
        python_version: wirePython(script.pythonVersion)
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
 * The v2 uploads after the register, in the contract's order (mlops-current-api §5):
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
            send: (v2, hash) => v2.uploadScript(hash, file, script.entrypoint, wirePython(script.pythonVersion))
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
            return { operation: stringOr(described.Operation), pythonVersion: stringOr(described.PythonVersion) };
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
/** Async scripts on current servers (mlops-current-api §5); logs through the v1 URL, the only one there is (§8). */
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
            return { operation: stringOr(described.Operation) ?? 'Async', pythonVersion: stringOr(described.PythonVersion) };
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
        // No findByName: the v2 list has no name filter and its entries' names are unknown (mlops-current-api §9).
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

/***/ 53841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ sendWrite),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   J9: () => (/* binding */ jsonBody),
/* harmony export */   Mf: () => (/* binding */ abortableSleep),
/* harmony export */   X2: () => (/* binding */ isAmbiguous),
/* harmony export */   aJ: () => (/* binding */ seg),
/* harmony export */   fo: () => (/* binding */ multipart),
/* harmony export */   oK: () => (/* binding */ Transport)
/* harmony export */ });
/* unused harmony exports DEFAULT_RETRY, wasRefused, withHint, networkReason, oneLineText, describeText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fetch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(70816);
/* harmony import */ var form_data__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96454);
/* harmony import */ var form_data__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(form_data__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _shared_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38590);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58382);






const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    maxRetryAfterMs: 30_000,
    writeBudgetMs: 120_000
};
/** Node error codes that prove the request never left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Failures no retry can mend: the name does not resolve, the certificate is wrong. */
const PERMANENT_CODES = new Set([
    'ENOTFOUND',
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
const RETRYABLE_READ_STATUSES = new Set([429, 500, 502, 503, 504]);
class AttemptFailure extends Error {
    error;
    retryAfterMs;
    garbled;
    constructor(error, 
    /** The server asked to wait this long (Retry-After), if it said. */
    retryAfterMs, 
    /**
     * A success status whose body is not JSON. Truncated JSON (a dropped connection,
     * a proxy cutting the answer) is worth another try; an HTML page or plain text is
     * a wrong URL or a portal, which no retry mends.
     */
    garbled) {
        super(error.message);
        this.error = error;
        this.retryAfterMs = retryAfterMs;
        this.garbled = garbled;
    }
}
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
    constructor(options) {
        this.options = options;
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
        this.sleep = options.sleep ?? abortableSleep;
        this.random = options.random ?? Math.random;
        this.now = options.now ?? Date.now;
        this.redact = options.redact ?? ((text) => text);
    }
    /** Server text for the API modules' own messages: redacted, on one line, cut short. */
    text(raw, max = 300) {
        return describeText(raw, this.redact, max);
    }
    /** Server text for a progress line: redacted, on one line, cut at 100 characters. */
    line(raw) {
        return oneLineText(raw, this.redact);
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
    /** H: the server version; also proves the URL points at a Neomaril API. Read-only, sends nothing secret. */
    async health() {
        const body = await this.json({
            method: 'GET',
            path: '/health',
            auth: 'none',
            safety: 'read',
            ok: [200]
        });
        return typeof body.Version === 'string' ? body.Version : 'unknown';
    }
    /** L: a user token. Logging in has no lasting effect, so it is retried like a read. */
    async logIn() {
        const { login, password, tenant } = this.options;
        // No tenant field at all when none is set: a 2.x-era server never sees one (mlops-current-api §2).
        const fields = tenant === undefined ? { user: login, password } : { user: login, password, tenant };
        const form = new URLSearchParams(fields).toString();
        let body;
        try {
            body = await this.json({
                method: 'POST',
                path: '/login',
                auth: 'none',
                safety: 'read',
                ok: [200],
                body: () => ({ body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })
            });
        }
        catch (error) {
            if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD && error.status >= 400 && error.status < 500 && error.status !== 429) {
                const who = tenant === undefined ? `'${login}'` : `'${login}' in tenant '${tenant}'`;
                const fix = tenant === undefined
                    ? "Check the 'login' and 'password' inputs (or NEOMARIL_USER / NEOMARIL_PASSWORD); a server with several tenants may also need the 'tenant' input (or MLOPS_TENANT)."
                    : "Check the 'login' and 'password' inputs (or NEOMARIL_USER / NEOMARIL_PASSWORD) and that the account belongs to that tenant (the 'tenant' input, MLOPS_TENANT or NEOMARIL_TENANT).";
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuthError */ .lR(`Login as ${who} was refused (HTTP ${error.status}: ${error.serverMessage}). ${fix}`);
            }
            throw error;
        }
        if (typeof body.Token !== 'string' || body.Token === '')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD('POST', '/login', 200, 'the answer holds no Token');
        this.options.onToken?.(body.Token);
        this.userToken = body.Token;
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
                if (!(failure instanceof AttemptFailure))
                    throw failure;
                const error = failure.error;
                // A token can expire during a long build: log in again once, then retry. Not for a
                // call that may be abandoned (an optional lookup): its login could outlive it, and
                // the run's own next call logs in anyway.
                if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD &&
                    error.status === 401 &&
                    call.auth === 'user' &&
                    !reauthenticated &&
                    !call.signal) {
                    this.options.logger.info(`${call.method} ${call.path}: the user token was refused; logging in again.`);
                    reauthenticated = true;
                    await this.logIn();
                    attempt--;
                    continue;
                }
                if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD && error.status === 401 && call.auth !== 'none')
                    throw authFailure(call, error);
                const delay = this.retryDelay(call, failure, attempt, Math.max(this.now() - firstSent, paused));
                if (delay === undefined)
                    throw finalError(call, failure, attempt);
                this.stats.retries++;
                const left = call.safety === 'read'
                    ? `attempt ${attempt + 1} of ${this.retry.attempts}`
                    : `attempt ${attempt + 1}; the server refused it before acting, so it is sent again for up to ${Math.round(this.retry.writeBudgetMs / 1000)}s`;
                this.options.logger.info(`${call.method} ${call.path}: ${describeFailure(error)}; retrying in ${(delay / 1000).toFixed(1)}s (${left}).`);
                paused += delay;
                await this.sleep(delay, this.signalOf(call)).catch((error) => {
                    // Say which signal stopped the sleep: the run's (cancelled) or the call's (abandoned).
                    this.throwIfCancelled(call);
                    throw error;
                });
            }
        }
    }
    /** How long to wait before the next attempt, or undefined when it must not be retried. */
    retryDelay(call, failure, attempt, spentMs) {
        if (!mayRetry(call.safety, failure))
            return undefined;
        // Reads get a count of attempts; writes refused before acting get a time budget.
        if (call.safety === 'read' && attempt >= this.retry.attempts)
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
    /** Exponential backoff with jitter: half the step fixed, half random, so runners that failed together do not retry together. */
    backoff(attempt) {
        const step = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** Math.min(attempt - 1, 20));
        return step / 2 + this.random() * (step / 2);
    }
    deadlineOf(call) {
        const global = this.options.deadline?.();
        if (call.deadline === undefined)
            return global;
        return global === undefined ? call.deadline : Math.min(global, call.deadline);
    }
    async attempt(call) {
        const url = new URL(this.options.apiUrl + call.path);
        const headers = { Accept: 'application/json' };
        const token = call.auth === 'user' ? this.userToken : call.auth === 'group' ? this.options.groupToken : undefined;
        if (call.auth !== 'none') {
            if (!token)
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuthError */ .lR(`${call.method} ${call.path} needs the group token: set the 'group-token' input (or NEOMARIL_GROUP_TOKEN).`);
            headers.Authorization = `Bearer ${token}`;
        }
        const made = call.body?.();
        Object.assign(headers, made?.headers);
        // One timer, re-armed as the request moves on (README "Retries and timeouts"):
        // - upload: while a streamed body is sent, re-armed on every chunk that goes out,
        //   so a server that stops taking the body fails the attempt;
        // - answer: from the end of the body (or the start, without one) until the answer
        //   has been read in full, body included;
        // - download: re-armed on every chunk of the answer streamed to the file.
        // Near a deadline an attempt gets only a short grace past it.
        const deadline = this.deadlineOf(call);
        const timeoutMs = deadline === undefined
            ? this.options.requestTimeoutMs
            : Math.min(this.options.requestTimeoutMs, Math.max(0, deadline - Date.now()) + DEADLINE_GRACE_MS);
        const timeout = new AbortController();
        let timer;
        let settled = false;
        let phase = made?.sent ? 'upload' : 'answer';
        let timedOutIn;
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
        const signal = AbortSignal.any([this.signalOf(call), timeout.signal].filter((s) => s !== undefined));
        this.stats.requests++;
        this.options.logger.debug(`${call.method} ${url.pathname}`);
        let response;
        try {
            response = await (0,node_fetch__WEBPACK_IMPORTED_MODULE_5__/* ["default"] */ .Ay)(url, {
                method: call.method,
                headers,
                body: made?.body,
                signal,
                agent: this.options.agent?.(url),
                redirect: 'manual'
            });
            // The answer has begun (maybe before the whole upload was taken): its body is read under the same timer.
            phase = 'body';
            if (call.ok.includes(response.status)) {
                if (call.read === 'json') {
                    const text = await response.text();
                    try {
                        return { response, json: JSON.parse(text) };
                    }
                    catch {
                        const truncated = /^\s*[[{]/.test(text) || text.trim() === '';
                        const what = truncated
                            ? 'is cut-off or garbled JSON'
                            : `is not JSON (${oneLineText(response.headers.get('content-type') ?? 'no Content-Type', this.redact)})`;
                        throw new AttemptFailure(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD(call.method, call.path, response.status, `the answer ${what}: ${describeText(text, this.redact)}. Is 'url' the Neomaril server's root?`), undefined, truncated ? 'truncated' : 'not-json');
                    }
                }
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
                    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(response.body, count, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(call.read.file), { signal });
                    return { response, size };
                }
                return { response };
            }
            const text = await response.text();
            throw new AttemptFailure(apiError(call, response.status, text, this.redact), retryAfterMs(response.headers.get('retry-after')));
        }
        catch (error) {
            if (error instanceof AttemptFailure)
                throw error;
            this.throwIfCancelled(call);
            if (timeout.signal.aborted) {
                throw new AttemptFailure(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NetworkError */ .Dr(call.method, call.path, timeoutReason(timedOutIn ?? phase, timeoutMs, timeoutMs < this.options.requestTimeoutMs), false));
            }
            throw new AttemptFailure(networkError(call, error, url, this.redact));
        }
        finally {
            settled = true;
            clearTimeout(timer);
            made?.dispose?.();
        }
    }
    throwIfCancelled(call) {
        if (this.options.signal?.aborted)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancelledError */ .cc(String(this.options.signal.reason ?? 'cancellation'));
        if (call?.signal?.aborted)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AbandonedError */ .TK(`${call.method} ${call.path}`);
    }
    /** What stops a call: the run's signal, the call's own, or both. */
    signalOf(call) {
        if (!call.signal)
            return this.options.signal;
        return this.options.signal ? AbortSignal.any([this.options.signal, call.signal]) : call.signal;
    }
}
/** Errors of writes the server provably never acted on (refused until the budget ran out). */
const REFUSED = new WeakSet();
/** True when the write provably did not act: the server refused it every time. */
function wasRefused(error) {
    return error instanceof Error && REFUSED.has(error);
}
/**
 * The error a call ends with once it is not retried. A write the server refused
 * before acting says so, with the count; one that may have acted says that instead
 * (README "Retries and timeouts").
 */
function finalError(call, failure, attempts) {
    const error = failure.error;
    if (call.safety !== 'write' || !call.effect)
        return error;
    if (refusedBeforeActing(failure)) {
        const refused = withHint(error, `the server refused the ${call.effect.what} ${attempts} time${attempts === 1 ? '' : 's'} (${call.effect.undone})`);
        REFUSED.add(refused);
        return refused;
    }
    if (isAmbiguous(error)) {
        const broke = error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NetworkError */ .Dr
            ? 'the connection broke after the body was sent'
            : `the server failed (HTTP ${error.status}) after the body was sent`;
        return withHint(error, `${broke} (it may exist)`);
    }
    return error;
}
/** The retry policy, in one place (README "Retries"). */
function mayRetry(safety, failure) {
    const error = failure.error;
    if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NetworkError */ .Dr && PERMANENT_CODES.has(codeOf(error.reason)))
        return false;
    if (safety === 'write')
        return refusedBeforeActing(failure);
    if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NetworkError */ .Dr)
        return true;
    return RETRYABLE_READ_STATUSES.has(error.status) || failure.garbled === 'truncated';
}
/** The server provably did not act: it said "come back later", or the request never left. */
function refusedBeforeActing(failure) {
    const error = failure.error;
    if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NetworkError */ .Dr)
        return error.notSent && !PERMANENT_CODES.has(codeOf(error.reason));
    return error.status === 429 || (error.status === 503 && failure.retryAfterMs !== undefined);
}
function codeOf(reason) {
    return /\(([A-Z][A-Z0-9_]{3,})\)/.exec(reason)?.[1] ?? /\b([A-Z][A-Z_]{3,})\b/.exec(reason)?.[1] ?? '';
}
/** A failure after which a write may or may not have acted on the server. */
function isAmbiguous(error) {
    if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NetworkError */ .Dr)
        return !error.notSent && !PERMANENT_CODES.has(codeOf(error.reason));
    return error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD && (error.status >= 500 || error.status === 429);
}
function withHint(error, hint) {
    return error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NetworkError */ .Dr
        ? new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NetworkError */ .Dr(error.method, error.path, `${error.reason}; ${hint}`, error.notSent)
        : new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD(error.method, error.path, error.status, `${error.serverMessage}; ${hint}`, error.errorType);
}
function authFailure(call, error) {
    const which = call.auth === 'group'
        ? "the group token was refused: check the 'group-token' input (or NEOMARIL_GROUP_TOKEN) belongs to this group"
        : 'the user token was refused even after logging in again: check the account can use this group';
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AuthError */ .lR(`${call.method} ${call.path}: ${which} (HTTP 401: ${error.serverMessage}).`);
}
function apiError(call, status, text, redact) {
    let message = describeText(text, redact);
    let type;
    try {
        const envelope = JSON.parse(text);
        const inner = envelope.Error ?? envelope.error;
        if (inner) {
            const own = inner.Message ?? inner.message;
            if (own !== undefined && own !== null)
                message = redact(String(own));
            const kind = inner.Type ?? inner.type;
            if (kind !== undefined && kind !== null)
                type = redact(String(kind));
        }
    }
    catch {
        // not JSON: the text itself is the best explanation there is
    }
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD(call.method, call.path, status, message, type);
}
/** A timeout in words, naming the input that sets it. */
function timeoutReason(phase, timeoutMs, clipped) {
    const seconds = `${(timeoutMs / 1000).toFixed(timeoutMs < 10_000 ? 1 : 0)}s`;
    const input = `request-timeout${clipped ? ', cut short by the wait deadline' : ''}`;
    switch (phase) {
        case 'upload':
            return `the upload stalled: the server took no data for ${seconds} while the request body was being sent (${input})`;
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
    SELF_SIGNED_CERT_IN_CHAIN: "TLS: the server's certificate chain ends in a self-signed certificate that is not trusted (a TLS-inspecting proxy? add its CA with NODE_EXTRA_CA_CERTS)",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS: the server's certificate cannot be verified (an incomplete chain, or a CA this runner does not trust; NODE_EXTRA_CA_CERTS)",
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "TLS: the issuer of the server's certificate is not trusted on this runner (add it with NODE_EXTRA_CA_CERTS)",
    UNABLE_TO_GET_ISSUER_CERT: "TLS: the issuer of the server's certificate cannot be found",
    ERR_TLS_CERT_ALTNAME_INVALID: "TLS: the server's certificate is not for this host name",
    CERT_REVOKED: "TLS: the server's certificate was revoked",
    ERR_SSL_WRONG_VERSION_NUMBER: 'TLS handshake failed: the port may speak plain http (try http://, or the right port)',
    EPROTO: 'TLS handshake failed'
};
function networkError(call, error, url, redact) {
    const cause = error ?? {};
    const code = cause.code ?? cause.cause?.code ?? '';
    const message = redact(error?.message ?? String(error));
    return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .NetworkError */ .Dr(call.method, call.path, networkReason(code, message, url.host), NOT_SENT_CODES.has(code));
}
/** A network failure in words: `connection refused (ECONNREFUSED) at host:port`. */
function networkReason(code, message, host) {
    const words = NETWORK_REASONS[code];
    if (words)
        return `${words} (${code}) at ${host}`;
    return code ? `${message} (${code})` : message;
}
/** A failure for a progress line; its texts were redacted when the error was made. */
function describeFailure(error) {
    return error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD
        ? `HTTP ${error.status}${error.errorType ? ` ${oneLine(error.errorType).slice(0, 100)}` : ''}`
        : oneLine(error.reason);
}
/** On one line: a lone \r ends a line for the runner too, so nothing in it can start a workflow command. */
function oneLine(text) {
    return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
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
function retryAfterMs(header) {
    if (!header)
        return undefined;
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0)
        return seconds * 1000;
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
function multipart(fields, files) {
    const form = new (form_data__WEBPACK_IMPORTED_MODULE_2___default())();
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
                const stream = (0,_shared_files_js__WEBPACK_IMPORTED_MODULE_3__/* .streamFile */ .Pq)(path);
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
function seg(value) {
    return encodeURIComponent(value);
}
function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancelledError */ .cc(String(signal.reason ?? 'cancellation')));
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .CancelledError */ .cc(String(signal?.reason ?? 'cancellation')));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** A JSON request body. */
function jsonBody(value) {
    const text = JSON.stringify(value);
    return () => ({ body: text, headers: { 'Content-Type': 'application/json' } });
}
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
        if (hints.notFound && error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ApiError */ .hD && error.status === 404)
            throw withHint(error, hints.notFound);
        if (isAmbiguous(error) && !wasRefused(error))
            throw withHint(error, hints.mayHaveActed);
        throw error;
    }
}


/***/ }),

/***/ 95847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ex: () => (/* binding */ EXECUTION_RUNNING_STATES),
/* harmony export */   Gq: () => (/* binding */ BUILDING_STATES),
/* harmony export */   R5: () => (/* binding */ EXECUTION_ID_IN_MESSAGE),
/* harmony export */   j_: () => (/* binding */ SCRIPT_HASH),
/* harmony export */   wr: () => (/* binding */ DATASET_HASH)
/* harmony export */ });
/** The raw shapes exactly as the Neomaril v1 API sends them (contract §2, §5). */
/** A script's hash as register answers it: 'S' and 63 hex digits. Nothing else is taken into paths, logs or outputs. */
const SCRIPT_HASH = /^S[0-9a-f]{63}$/i;
/** States a build passes through on its way to Deployed. */
const BUILDING_STATES = ['Building', 'Recovering'];
/** Execution states (contract §4). */
const EXECUTION_RUNNING_STATES = ['Requested', 'Running'];
/** A dataset's hash as the v2 calls answer it: 'D' and 63 hex digits (mlops-current-api §5). */
const DATASET_HASH = /^D[0-9a-f]{63}$/i;
/** The execution id inside E1's message (the 4.x client's regex). */
const EXECUTION_ID_IN_MESSAGE = /'(\d+)'/;


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


/***/ }),

/***/ 65313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O3: () => (/* binding */ containsDeep),
  so: () => (/* binding */ smokeTestAsync),
  P9: () => (/* binding */ smokeTestSync)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/api/wire.ts
var wire = __webpack_require__(95847);
;// CONCATENATED MODULE: ./src/steps/parquet.ts
/** Rows decoded to prove the data pages read, not only the footer. */
const ROWS_DECODED = 100;
async function readParquetSummary(path) {
    const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } = await Promise.all(/* import() */[__webpack_require__.e(123), __webpack_require__.e(523)]).then(__webpack_require__.bind(__webpack_require__, 47523));
    const file = await asyncBufferFromFile(path);
    const metadata = await parquetMetadataAsync(file);
    const columns = parquetSchema(metadata).children.map((child) => child.element.name);
    const rows = Number(metadata.num_rows);
    if (rows > 0)
        await parquetReadObjects({ file, metadata, rowStart: 0, rowEnd: Math.min(rows, ROWS_DECODED) });
    return { rows, columns };
}

// EXTERNAL MODULE: ./src/steps/logs.ts
var logs = __webpack_require__(6904);
// EXTERNAL MODULE: ./src/steps/wait.ts + 1 modules
var wait = __webpack_require__(19455);
;// CONCATENATED MODULE: ./src/steps/smoke-test-run.ts





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
    const envelope = errorEnvelope(parsed);
    if (status < 200 || status > 299 || envelope) {
        // The reason is one line (the exception); the whole traceback stays in responseBody.
        result.reason = `the run answered HTTP ${status}${envelope ? `: ${(0,logs/* lastLine */.fM)(envelope)}` : ''}`;
        return result;
    }
    if (expected !== undefined && !containsDeep(parsed, expected)) {
        result.reason = `the answer does not contain smoke-test-expect (first difference: ${firstDifference(parsed, expected, '$')})`;
        return result;
    }
    result.outcome = 'passed';
    return result;
}
/** v2 executions may also sit in 'Uploaded' (inputs in, not run yet) before Running. */
const EXECUTION_PENDING_STATES = [...wire/* EXECUTION_RUNNING_STATES */.Ex, 'Uploaded'];
/**
 * Async smoke test: starts an execution on the datasets (v1: one file; v2: create,
 * one upload per dataset, run), waits for it with its own deadline, downloads the
 * result and checks it: v1 a readable, non-empty zip; v2 a readable, non-empty parquet file.
 */
async function smokeTestAsync(api, hash, datasets, options) {
    const started = Date.now();
    const execution = await api.startExecution(hash, datasets, options.onCall);
    const executionId = execution.id;
    const result = { outcome: 'failed', executionId };
    if (api.version === 'v2')
        result.inputHashes = execution.inputHashes;
    let outputDatasetHash;
    const outcome = await (0,wait/* waitWhilePending */.cB)(async (limits) => {
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
        result.reason = `execution ${executionId} was still '${outcome.last.status}' after ${Math.round(outcome.elapsedMs / 1000)}s (smoke-test-timeout)`;
        return result;
    }
    if (outcome.last.status !== 'Succeeded') {
        result.reason = `execution ${executionId} ended as '${outcome.last.status}'${outcome.last.message ? `: ${(0,logs/* lastLine */.fM)(outcome.last.message)}` : ''}`;
        return result;
    }
    await api.downloadResult(hash, executionId, options.resultPath);
    result.resultFile = options.resultPath;
    result.reason =
        api.resultFormat === 'parquet'
            ? await checkParquet(result, options.resultPath)
            : await checkZip(result, options.resultPath);
    if (result.reason === undefined)
        result.outcome = 'passed';
    return result;
}
/** Why the v1 result is no good, or undefined when it is a readable zip holding something. */
async function checkZip(result, path) {
    // Loaded only when a v1 Async smoke test gets this far.
    const { unzipSync } = await __webpack_require__.e(/* import() */ 306).then(__webpack_require__.bind(__webpack_require__, 51306));
    try {
        const entries = unzipSync(new Uint8Array((0,external_node_fs_.readFileSync)(path)));
        result.resultEntries = Object.entries(entries).map(([name, bytes]) => ({ name, size: bytes.length }));
    }
    catch (error) {
        return `the result of execution ${result.executionId} is not a readable zip (${error.message})`;
    }
    return result.resultEntries.some((entry) => entry.size > 0)
        ? undefined
        : `the result of execution ${result.executionId} is an empty zip`;
}
/** Why the v2 result is no good, or undefined when it is a readable parquet file with rows. */
async function checkParquet(result, path) {
    try {
        const { rows, columns } = await readParquetSummary(path);
        result.resultRows = rows;
        result.resultColumns = columns;
    }
    catch (error) {
        return `the result of execution ${result.executionId} is not a readable parquet file (${error.message})`;
    }
    return result.resultRows > 0
        ? undefined
        : `the result of execution ${result.executionId} is a parquet file with no rows (columns: ${result.resultColumns?.join(', ') || 'none'})`;
}
/** The message of an error envelope ({"Error":{…}} or {"error":{…}}), if the body is one. */
function errorEnvelope(body) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
        return undefined;
    const record = body;
    const inner = (record.Error ?? record.error);
    if (!inner || typeof inner !== 'object' || Object.keys(record).length !== 1)
        return undefined;
    return String(inner.Message ?? inner.message ?? JSON.stringify(inner));
}
/**
 * Deep subset: every key of an expected object is in the actual one with a matching
 * value; every element of an expected array matches some element of the actual array;
 * anything else is compared as JSON values.
 */
function containsDeep(actual, expected) {
    return firstDifference(actual, expected, '$') === undefined;
}
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

/***/ 19455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lS: () => (/* binding */ describeHint),
  cB: () => (/* binding */ waitWhilePending)
});

// UNUSED EXPORTS: BUDGET_GAP_MS, DENSE_GAP_MS, DENSE_UNTIL_MS, FIRST_CHECK_MS, MAX_HINT_MS, SAVING_GAP_MS, WINDOW_FROM, WINDOW_UNTIL, nextDueAt

// EXTERNAL MODULE: ./src/api/wire.ts
var wire = __webpack_require__(95847);
// EXTERNAL MODULE: ./src/api/transport.ts
var transport = __webpack_require__(53841);
;// CONCATENATED MODULE: ./src/api/client.ts
/**
 * The API layer's entry points: the transport (transport.ts) under the v1 (v1.ts) and
 * v2 (v2.ts) calls, behind the one interface the deploy steps use (api.ts).
 * `abortableSleep` stays exported here for src/deploy/wait.ts (interfaces §6).
 */


// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(85497);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
;// CONCATENATED MODULE: ./src/steps/wait.ts




/**
 * The schedule (README "The poll schedule"). Times are counted from the start of the
 * wait, i.e. right after the host or run call was answered.
 *
 * - The first check comes after a second: right after a host or run call the server
 *   answers Building/Running anyway, and a quick execution (about 0.6 s on the emulator)
 *   is over by then.
 * - The budget: from the second on, check n is never due before n × 2 s, so there is
 *   never more than one check per 2 s averaged over the wait, whatever else the schedule does.
 * - Without a hint, check n is due at n × 2 s + a phase (0–2 s, random per wait): a
 *   build is seen at most 2 s (on average 1 s) after it ends, the least any schedule
 *   can promise at that budget without knowing when the build ends. The random phase
 *   keeps the checks out of step with a build that started when the wait did, so a
 *   build of a round length is not always seen late.
 * - With a hint (the expected length E, from the script's previous build, up to 5
 *   minutes): a check every 4 s until 0.9 E saves budget, which then buys a check every
 *   second for as long as the budget allows (until about 1.3 E for E of 30 s or more;
 *   then the budget's own 2 s steps), so a build that takes about as long as the last
 *   one is seen within a second (on average half a second). From 1.5 E on, the schedule
 *   is the one without a hint.
 * - Builds on the platform take 90–250 s (neomaril-api.md §4), so the dense rhythm holds
 *   through 4 minutes; after that each gap grows by a fifth of the time past 4 minutes,
 *   up to poll-interval (the longest gap, 10 s by default): 30 minutes cost about 280
 *   checks.
 * - The last check falls on the deadline.
 */
const FIRST_CHECK_MS = 1000;
const BUDGET_GAP_MS = 2000;
const DENSE_UNTIL_MS = 240_000;
const RAMP_DIVISOR = 5;
/** With a hint E: a check every SAVING_GAP_MS before WINDOW_FROM × E, one every DENSE_GAP_MS (budget allowing) until WINDOW_UNTIL × E. */
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
    // Check n no earlier than n × 2 s: the request budget.
    const budget = attempt * BUDGET_GAP_MS;
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
        due = Math.max(budget + phaseMs, previousDueMs + BUDGET_GAP_MS + ramp);
    }
    return Math.min(previousDueMs + pollIntervalMs, due);
}
/** The window a hint opens, or none: a hint past 5 minutes is no use, as by then the gaps have grown to poll-interval. */
function usableHint(expectedMs) {
    if (expectedMs === undefined || expectedMs > MAX_HINT_MS)
        return undefined;
    return { from: expectedMs * WINDOW_FROM, until: expectedMs * WINDOW_UNTIL };
}
/** What a hint does to the schedule, in words, for the log. */
function describeHint(expectedMs) {
    if (!usableHint(expectedMs))
        return `longer than ${MAX_HINT_MS / 60_000} minutes, so it changes nothing`;
    return `checking every ${SAVING_GAP_MS / 1000} s until about ${(0,duration/* formatDuration */.a3)(expectedMs * WINDOW_FROM)}, then every second while the request budget allows`;
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
    const sleep = options.sleep ?? transport/* abortableSleep */.Mf;
    const pending = options.pendingStates ?? wire/* BUILDING_STATES */.Gq;
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
    return error instanceof errors/* NetworkError */.Dr || (error instanceof errors/* ApiError */.hD && (error.status === 429 || error.status >= 500));
}


/***/ })

};
