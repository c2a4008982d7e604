"use strict";
exports.id = 507;
exports.ids = [507];
exports.modules = {

/***/ 28554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ UPLOAD_PART_SIZE),
/* harmony export */   k: () => (/* binding */ MAX_PARTS)
/* harmony export */ });
// S3's multipart sizes, in a module of their own: download and doctor name them without loading the upload's code.
/** The part size of a multipart upload, unless the object needs larger parts to fit in MAX_PARTS. */
const UPLOAD_PART_SIZE = 8 * 1024 ** 2;
/** S3's limit on the parts of one multipart upload. */
const MAX_PARTS = 10_000;


/***/ }),

/***/ 71507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S3Store: () => (/* binding */ S3Store)
});

// UNUSED EXPORTS: MAX_SINGLE_COPY, addErrorBodyMiddleware, checkCredentials, clientConfig, copyRanges, copySource, fullObjectSha256, lostCondition, notS3Answer, plainEtag

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(70370);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/util/capped-read.ts
var capped_read = __webpack_require__(48724);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/stores/s3-errors.ts

/**
 * Whether a response came from an S3 server: it carries an S3 request id (x-amz-request-id, x-amzn-requestid,
 * x-amz-id-2) or Google's (x-goog-*). A plain web server, a proxy's error page or a captive portal has none.
 */
function speaksS3(headers) {
    return Object.keys(headers ?? {}).some((name) => /^x-amz(n)?-(request-?id|id-2)$|^x-goog-/i.test(name));
}
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const PERMISSIONS = {
    GetObject: 's3:GetObject (and s3:ListBucket, without which S3 answers 403 instead of 404 for a missing object)',
    PutObject: 's3:PutObject',
    CopyObject: 's3:GetObject on the source and s3:PutObject on the target',
    ListObjectsV2: 's3:ListBucket',
    DeleteObject: 's3:DeleteObject (apply needs it for the state lock and the object plugin only)'
};
/**
 * Only a missing key is a miss, and only when S3 says so: NoSuchKey in an S3 error body, or a bodiless 404
 * (NotFound) with S3's headers. A missing bucket (also a 404) is an error, and so is a 404 from something
 * that is not S3 (a web server at the endpoint): treating it as a miss would make every build run in silence.
 */
function isNotFound(error) {
    const shape = error;
    if (shape?.name === 'NoSuchKey')
        return true;
    return shape?.name === 'NotFound' && speaksS3(shape.$response?.headers);
}
/** What came back from something that is not S3, for a message: status, content type, the first bytes. */
function whatCameBack(status, headers, firstBytes) {
    const type = headers?.['content-type'] ?? 'no content type';
    const start = firstBytes && firstBytes.length > 0 ? `, starting ${JSON.stringify(firstBytes.toString('utf8').replace(/\s+/g, ' ').slice(0, 80))}` : '';
    return `HTTP ${status ?? '?'} (${type})${start}`;
}
function where(context) {
    return context.endpoint ? `at endpoint ${context.endpoint}` : `in AWS region ${context.region}`;
}
function bucketRegion(error) {
    const fromHeader = error.$response?.headers?.['x-amz-bucket-region'];
    if (fromHeader)
        return fromHeader;
    if (error.Region)
        return error.Region;
    return /expecting '([a-z0-9-]+)'/.exec(error.message ?? '')?.[1];
}
function isTlsCode(code) {
    return code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code.startsWith('ERR_SSL');
}
/** Turns an SDK failure into a StoreError saying what was wrong and what to check. */
function describeS3Error(raw, context) {
    const error = (raw ?? {});
    const name = error.name ?? '';
    // Under some runtimes (jest's VM realms) the SDK wraps socket errors and only the message keeps the code.
    const code = error.code ?? error.Code ?? /\b(E[A-Z]{4,}|ERR_TLS_[A-Z_]+|CERT_[A-Z_]+)\b/.exec(error.message ?? '')?.[1] ?? '';
    const status = error.$metadata?.httpStatusCode ?? error.$response?.statusCode;
    const target = `s3://${context.bucket}/${context.key}`;
    const detail = error.message ? ` (${name || code}: ${error.message})` : '';
    const make = (message, problem) => new src_errors/* StoreError */.AD(message, { cause: raw, ...(problem ? { problem } : {}) });
    // Not S3: no S3 request id, no S3 error code, and either a bare status the SDK could not name or a body it
    // could not parse as S3's XML (a web server's 404 page, a proxy's error page, a text answer).
    const unparsed = /XML parse error|Deserialization error|Unexpected token|Expected closing tag|Invalid character/i.test(error.message ?? '');
    if (!speaksS3(error.$response?.headers) &&
        !error.Code &&
        (name === 'NotFound' || name === 'UnknownError' || error.message === 'UnknownError' || unparsed)) {
        return make(`${context.endpoint ?? `The S3 endpoint of region ${context.region}`} answered ${context.operation} on ${target} with ` +
            `${whatCameBack(status, error.$response?.headers, error.$response?.firstBytes)}: that is not an S3 server speaking (no S3 error, no S3 request id). ` +
            `Check the 'endpoint' input: it must be the S3 API's URL, not a web page or a proxy's.`, 'endpoint');
    }
    if (name === 'NoSuchBucket') {
        return make(`Bucket '${context.bucket}' does not exist ${where(context)}. Check the 'bucket' input (PACKAGE_ASSETS_BUCKET)` +
            `${context.endpoint ? " and 'endpoint'" : " and 'region'"}; this action never creates buckets.`, 'bucket');
    }
    if (name === 'PermanentRedirect' ||
        name === 'AuthorizationHeaderMalformed' ||
        name === 'IllegalLocationConstraintException' ||
        status === 301) {
        const actual = bucketRegion(error);
        return make(`Bucket '${context.bucket}' is not in region '${context.region}'` +
            (actual
                ? `: it is in '${actual}'. Set the 'region' input (or AWS_REGION) to '${actual}'.`
                : `. Set the 'region' input (or AWS_REGION) to the bucket's region.`), 'region');
    }
    if (name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || name === 'ExpiredToken' || name === 'InvalidToken') {
        return make(`The store ${where(context)} rejected the credentials for ${context.operation} on ${target}${detail}. ` +
            `Check 'access-key-id', 'secret-access-key' and 'session-token' (or the profile / environment they come from).`, 'credentials');
    }
    if (name === 'AccessDenied' || name === 'Forbidden' || status === 403) {
        const permission = PERMISSIONS[context.operation] ?? `the permission for ${context.operation}`;
        return make(`Access denied: ${context.operation} on ${target} ${where(context)}. The credentials need ${permission} ` +
            `on arn:aws:s3:::${context.bucket}${context.operation === 'ListObjectsV2' ? '' : '/*'}; see "IAM policy" in the README.`, 'permission');
    }
    if (name === 'CredentialsProviderError' || /could not load credentials/i.test(error.message ?? '')) {
        return make(`No credentials for bucket '${context.bucket}' were found: set 'access-key-id' and 'secret-access-key', a 'profile', ` +
            `or run aws-actions/configure-aws-credentials before this step (see "Credentials" in the README).`, 'credentials');
    }
    if (isTlsCode(code) || /certificate|\bSSL\b|\bTLS\b/i.test(error.message ?? '')) {
        return make(`TLS with ${context.endpoint ?? `the S3 endpoint of region ${context.region}`} failed for ${context.operation} on ${target}: ${code || error.message}. ` +
            `The server's certificate is not trusted here: for a private CA set NODE_EXTRA_CA_CERTS to its PEM file, or check the 'endpoint' host name.`, 'endpoint');
    }
    if (NETWORK_CODES.has(code) || name === 'TimeoutError') {
        const host = context.endpoint ?? `the S3 endpoint of region ${context.region}`;
        return make(`Could not reach ${host} for ${context.operation} on ${target}: ${code || name}${error.message ? ` (${error.message})` : ''}. ` +
            `Check the 'endpoint' input, that the server is running, and the network/TLS setup.`, 'endpoint');
    }
    if (name === 'SlowDown' || name === 'ThrottlingException' || status === 503) {
        return make(`The store kept throttling ${context.operation} on ${target} after retries${detail}. Try again later or lower 'concurrency'.`);
    }
    return make(`${context.operation} on ${target} ${where(context)} failed${detail || ` with HTTP ${status ?? 'error'}`}.`);
}

// EXTERNAL MODULE: ./src/stores/part-sizes.ts
var part_sizes = __webpack_require__(28554);
// EXTERNAL MODULE: ./src/stores/store.ts
var store = __webpack_require__(34703);
;// CONCATENATED MODULE: ./src/stores/multipart.ts



/** Parts of 8 MiB, or of whole MiB large enough that `size` bytes take at most MAX_PARTS of them. */
function multipartPartSize(size) {
    const mib = 1024 ** 2;
    return Math.max(part_sizes/* UPLOAD_PART_SIZE */.a, Math.ceil(size / part_sizes/* MAX_PARTS */.k / mib) * mib);
}
/**
 * Cuts a stream into parts of `partSize` and sends each through `sendPart`, `parallel` at a time; a stream that ends
 * before its first part is full is handed back whole instead, for a single PutObject. Each part is held in one of at
 * most `parallel + 1` buffers, each used again once its part is sent: a stream's chunks are copied into it (never
 * gathered into a fresh buffer a part), a pull body reads straight into it. Reading waits while every buffer is out.
 * A failed part stops the reading; every part in flight settles before `send` rejects, so nothing is still being
 * sent when the caller aborts the upload.
 */
class PartSender {
    partSize;
    parallel;
    sendPart;
    free = [];
    inFlight = new Set();
    sent = [];
    failure;
    buffers = 0;
    constructor(partSize, parallel, sendPart) {
        this.partSize = partSize;
        this.parallel = parallel;
        this.sendPart = sendPart;
    }
    /** Sends every part of `body`; the parts in order, as CompleteMultipartUpload takes them. */
    async send(body) {
        let part = this.take();
        let filled = 0;
        let partNumber = 1;
        const partFull = async () => {
            await this.dispatch(part, filled, partNumber++);
            part = await this.nextBuffer();
            filled = 0;
        };
        try {
            if ((0,store/* isPullBody */.A)(body)) {
                for (;;) {
                    const read = await body.readInto(part.subarray(filled));
                    if (read === 0)
                        break;
                    filled += read;
                    if (filled === this.partSize)
                        await partFull();
                }
            }
            else {
                for await (const chunk of body) {
                    for (let at = 0; at < chunk.length;) {
                        const copied = chunk.copy(part, filled, at);
                        at += copied;
                        filled += copied;
                        if (filled === this.partSize)
                            await partFull();
                    }
                }
            }
            if (partNumber === 1)
                return { whole: part.subarray(0, filled) };
            // The last part, short.
            if (filled > 0)
                await this.dispatch(part, filled, partNumber);
            await this.settle();
        }
        catch (error) {
            this.failure ??= { error };
            await this.settle();
        }
        if (this.failure)
            throw this.failure.error;
        return { parts: this.sent.sort((a, b) => a.PartNumber - b.PartNumber) };
    }
    take() {
        this.buffers++;
        return Buffer.allocUnsafe(this.partSize);
    }
    /** A buffer for the next part: a free one, a new one while fewer than parallel + 1 exist, or the first one freed. */
    async nextBuffer() {
        for (;;) {
            this.throwIfFailed();
            const free = this.free.pop();
            if (free)
                return free;
            if (this.buffers <= this.parallel)
                return this.take();
            await Promise.race(this.inFlight);
        }
    }
    async dispatch(buffer, length, partNumber) {
        // A full part past the limit, or the short last one: the body is longer than the size the parts were cut for.
        if (partNumber > part_sizes/* MAX_PARTS */.k)
            throw new src_errors/* StoreError */.AD(`A multipart upload took more than ${part_sizes/* MAX_PARTS */.k} parts: the body is larger than it said.`);
        while (this.inFlight.size >= this.parallel) {
            this.throwIfFailed();
            await Promise.race(this.inFlight);
        }
        this.throwIfFailed();
        const sending = this.sendPart(buffer.subarray(0, length), partNumber).then((part) => {
            this.sent.push(part);
            this.free.push(buffer);
        }, (error) => {
            this.failure ??= { error };
        });
        this.inFlight.add(sending);
        void sending.finally(() => this.inFlight.delete(sending));
    }
    throwIfFailed() {
        if (this.failure)
            throw this.failure.error;
    }
    async settle() {
        while (this.inFlight.size > 0)
            await Promise.race(this.inFlight);
    }
}

// EXTERNAL MODULE: ./src/util/cancellation.ts
var cancellation = __webpack_require__(76601);
// EXTERNAL MODULE: ./src/util/stdio.ts
var stdio = __webpack_require__(92493);
;// CONCATENATED MODULE: ./src/stores/s3.ts











/** Objects above this are copied part by part: CopyObject's limit is 5 GiB. */
const MAX_SINGLE_COPY = 5 * 1024 ** 3;
const COPY_PART_SIZE = 512 * 1024 ** 2;
const UPLOAD_QUEUE = 4;
/** DeleteObjects takes at most this many keys a request. */
const DELETE_BATCH = 1000;
/** Single deletes in flight where there is no batch delete (GCS's XML API has none). */
const DELETES_IN_FLIGHT = 16;
/** Reads of a small object's body before giving up (each after a fresh request). */
const BODY_ATTEMPTS = 3;
/** The byte ranges of a multipart copy, as UploadPartCopy's CopySourceRange takes them. */
function copyRanges(size, partSize = COPY_PART_SIZE) {
    const ranges = [];
    for (let start = 0, partNumber = 1; start < size; start += partSize, partNumber++) {
        ranges.push({ partNumber, range: `bytes=${start}-${Math.min(start + partSize, size) - 1}` });
    }
    return ranges;
}
/** A base64 SHA-256 as S3 reports it, in hex; undefined when absent or a multipart composite (`\u2026-N`). */
function fullObjectSha256(reported) {
    if (!reported || reported.includes('-'))
        return undefined;
    const bytes = Buffer.from(reported, 'base64');
    return bytes.length === 32 ? bytes.toString('hex') : undefined;
}
/** An ETag as S3 sends it, without its quotes. */
function plainEtag(etag) {
    return etag ? etag.replace(/^W\//, '').replace(/^"|"$/g, '') : undefined;
}
/** A conditional write the store refused: 412 Precondition Failed, or 409 when another conditional write was under way. */
function lostCondition(error) {
    const shape = error;
    const status = shape.$metadata?.httpStatusCode;
    return shape.name === 'PreconditionFailed' || shape.name === 'ConditionalRequestConflict' || status === 412 || status === 409;
}
/**
 * What a request a cancel must not stop is sent with (cleanup: aborting a multipart upload, releasing a claim;
 * and the rarer requests that were never cut short): a signal of its own that never aborts. Every other request
 * of a cancellable store takes the step's cancel signal from abortOnCancel.
 */
const STEADY = (() => {
    const signal = new AbortController().signal;
    (0,external_node_events_.setMaxListeners)(0, signal);
    return { abortSignal: signal };
})();
/**
 * Makes every request of `client` sent without an abortSignal of its own stop when the step is cancelled: given to
 * the request handler (and to the retry loop, whose back-off waits on it) rather than to each send(). A send()
 * with options resolves its middleware stack again, which cacheMiddleware otherwise does once per command class:
 * passing the signal with each send() kept the cache from ever working (8% of a 1,001-object restore).
 */
function abortOnCancel(client) {
    const handler = client.config.requestHandler;
    const handle = handler.handle.bind(handler);
    handler.handle = (request, options) => handle(request, options?.abortSignal ? options : { ...options, abortSignal: cancellation/* cancelSignal */.Bj });
    client.middlewareStack.add((next, context) => (args) => {
        const smithy = context.__smithy_context;
        if (smithy && !smithy.abortSignal)
            smithy.abortSignal = cancellation/* cancelSignal */.Bj;
        return next(args);
    }, { step: 'initialize', name: 'abortOnCancel' });
}
/** An error that says the store does not take a checksum request (not one about the copy itself). */
function refusesChecksumRequest(error) {
    const shape = error;
    const status = shape.$metadata?.httpStatusCode;
    return ((status === 400 || status === 501) &&
        ['InvalidArgument', 'InvalidRequest', 'NotImplemented', 'UnsupportedHeader'].includes(shape.name ?? ''));
}
/** CopySource is `bucket/key`, URL-encoded per segment. */
function copySource(bucket, key) {
    return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}
/**
 * Digests of bodies we hashed already, keyed by the body itself (the SDK copies command inputs). A build-step middleware
 * hands them to SigV4 as x-amz-content-sha256, which it then uses instead of hashing the body again.
 */
const knownDigests = new WeakMap();
/**
 * Keeps the first bytes of an error answer that is not S3's (a web page, a proxy's error), so the message can
 * say what came back: the SDK parses error bodies and keeps nothing of one it cannot read. Runs inside the
 * deserializer (low priority in its step), on the raw response.
 */
function addErrorBodyMiddleware(client) {
    client.middlewareStack.add((next, context) => async (args) => {
        const result = await next(args);
        const response = result.response;
        // An error answer, or a web page where S3 answers with XML (a listing, a copy): never an object's own body.
        const page = (response.statusCode ?? 200) >= 300 ||
            (context.commandName !== 'GetObjectCommand' && /^text\/(html|plain)/i.test(response.headers?.['content-type'] ?? ''));
        if (page && !speaksS3(response.headers) && response.body instanceof external_node_stream_.Readable) {
            const bytes = await (0,capped_read/* firstBytes */.mI)(response.body, 4096);
            response.firstBytes = bytes.subarray(0, 200);
            response.body = external_node_stream_.Readable.from([bytes]);
        }
        return result;
    }, { step: 'deserialize', priority: 'low', name: 'keepNonS3ErrorBody' });
}
/**
 * A 200 that is not S3 speaking: a web page where an object was asked for (an endpoint pointing at a web
 * server answers every path). It must not be read as a manifest ("not valid JSON, delete it") or a state.
 */
function notS3Answer(response) {
    return /^text\/html/i.test(response.ContentType ?? '') && !response.$metadata.requestId && !response.$metadata.extendedRequestId;
}
function addKnownDigestMiddleware(client) {
    client.middlewareStack.add((next) => async (args) => {
        const body = args.input.Body;
        const digest = typeof body === 'object' && body !== null ? knownDigests.get(body) : undefined;
        const request = args.request;
        if (digest && request.headers)
            request.headers['x-amz-content-sha256'] = digest;
        return next(args);
    }, { step: 'build', name: 'knownPayloadDigest' });
}
/** The original tool's sessions last 20 minutes; the client asks for new ones before they expire. */
const ROLE_SESSION_SECONDS = 20 * 60;
/**
 * Credentials of `settings.role`, assumed through STS with the configured keys, profile or default chain.
 * The SDK's own provider, loaded on first use; the client calls it again shortly before expiry, so a long
 * upload never runs on expired keys. STS is reached at its usual endpoint, or AWS_ENDPOINT_URL_STS.
 */
function assumedRole(settings, role) {
    let provider;
    return async () => {
        provider ??= __webpack_require__.e(/* import() */ 719).then(__webpack_require__.t.bind(__webpack_require__, 29719, 19)).then(({ fromIni, fromTemporaryCredentials }) => fromTemporaryCredentials({
            params: { RoleArn: role.arn, RoleSessionName: role.sessionName, DurationSeconds: ROLE_SESSION_SECONDS },
            masterCredentials: settings.credentials ?? (settings.profile ? fromIni({ profile: settings.profile }) : undefined),
            clientConfig: { region: settings.region === 'auto' ? 'us-east-1' : settings.region }
        }));
        return (await provider)();
    };
}
let nodeNoted = false;
/**
 * On Node.js < 22 the SDK prints a nine-line notice on every run that it will stop supporting it: one line of
 * ours instead, once (the action runs on node24 on GitHub; only the bundle run by hand on Node 20 sees it).
 */
function noteOldNode() {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    const major = Number(process.versions.node.split('.')[0]);
    if (nodeNoted || major >= 22)
        return;
    nodeNoted = true;
    (0,stdio/* writeStderr */._e)(`note: Node.js ${process.versions.node}: AWS SDK releases after January 2027 need Node.js 22 or later (the action itself runs on node24).\n`);
}
function clientConfig(settings, concurrency) {
    noteOldNode();
    // Non-AWS endpoints (GCS, MinIO, R2, s3rver) reject or mangle the SDK's default flexible checksums
    // (CRC32 headers, aws-chunked bodies with trailers): send them only when an operation requires one.
    const checksums = settings.flavor === 'aws' ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED';
    return {
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        credentials: settings.role ? assumedRole(settings, settings.role) : settings.credentials,
        profile: settings.role ? undefined : settings.profile,
        requestChecksumCalculation: checksums,
        responseChecksumValidation: checksums,
        maxAttempts: 5,
        // Resolve the middleware stack once per command class instead of on every one of thousands of requests.
        cacheMiddleware: true,
        requestHandler: {
            connectionTimeout: settings.connectTimeoutMs,
            requestTimeout: settings.requestTimeoutMs,
            httpAgent: { keepAlive: true, maxSockets: concurrency * UPLOAD_QUEUE },
            httpsAgent: { keepAlive: true, maxSockets: concurrency * UPLOAD_QUEUE }
        }
    };
}
/**
 * Resolves credentials before the first request, so "none found" is said as such (and early) rather than
 * as a failed request. Order: explicit keys, then `profile`, then the SDK's default chain (environment,
 * web identity / OIDC as configure-aws-credentials sets it up, shared files, container and instance roles).
 */
async function checkCredentials(client, settings) {
    try {
        await client.config.credentials();
    }
    catch (error) {
        if (settings.role)
            throw roleError(settings, settings.role, error);
        const source = settings.profile ? `the profile '${settings.profile}'` : 'the AWS default credential chain';
        throw new src_errors/* StoreError */.AD(`No credentials for ${settings.endpoint ?? 'AWS'} were found in ${source} (${error.message}). ` +
            `Set 'access-key-id' and 'secret-access-key', a 'profile', or run aws-actions/configure-aws-credentials before this step; see "Credentials" in the README.`, { cause: error, problem: 'credentials' });
    }
}
/** Why assuming the role failed, in words: STS unreachable, STS refusing, or no credentials to ask it with. */
function roleError(settings, role, error) {
    const shape = error;
    const sts = process.env.AWS_ENDPOINT_URL_STS || `the STS endpoint of ${settings.region === 'auto' ? 'us-east-1' : settings.region}`;
    const code = shape.code ?? /\b(E[A-Z]{4,})\b/.exec(shape.message ?? '')?.[1];
    if (code || shape.name === 'TimeoutError') {
        return new src_errors/* StoreError */.AD(`Could not reach ${sts} to assume the role ${role.arn}: ${code ?? shape.name} (${shape.message}). ` +
            `Check the network and AWS_ENDPOINT_URL_STS; the keys were not the problem.`, { cause: error });
    }
    if (shape.$metadata?.httpStatusCode) {
        return new src_errors/* StoreError */.AD(`${sts} refused to let these credentials assume the role ${role.arn}: ${shape.name} (${shape.message}). ` +
            `The role's trust policy must allow them (sts:AssumeRole), and the keys must be valid.`, { cause: error });
    }
    const source = settings.credentials
        ? 'the keys given'
        : settings.profile
            ? `the profile '${settings.profile}'`
            : 'the AWS default credential chain';
    return new src_errors/* StoreError */.AD(`Could not assume the role ${role.arn} with ${source}: ${shape.message}. See "Credentials" in the README.`, {
        cause: error
    });
}
class S3Store {
    settings;
    name;
    client;
    bucket;
    /** `cancellable: false`: this store's work must finish (apply's state), so no request of it takes the cancel signal. */
    constructor(settings, concurrency, options = {}) {
        this.settings = settings;
        this.bucket = settings.bucket;
        this.name = settings.endpoint ? `s3://${settings.bucket} at ${settings.endpoint}` : `s3://${settings.bucket}`;
        this.client = new dist_cjs/* S3Client */.YxF(clientConfig(settings, concurrency));
        // The SDK's logger step filters every request's input and answer for a log line its default logger drops (~0.1
        // ms a request); we give it no logger, so the step goes.
        this.client.middlewareStack.remove('loggerMiddleware');
        addKnownDigestMiddleware(this.client);
        addErrorBodyMiddleware(this.client);
        if (options.cancellable !== false)
            abortOnCancel(this.client);
    }
    url(key) {
        return `${this.settings.flavor === 'gcs' ? 'gs' : 's3'}://${this.bucket}/${key}`;
    }
    checkCredentials() {
        return checkCredentials(this.client, this.settings);
    }
    /**
     * One GetObject, whole or of `range`. A range that starts past the object's end (416) is an IntegrityError: the
     * object is shorter than the manifest that asked for it says, so the set does not match it.
     */
    async getObject(key, range) {
        try {
            return await this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: key, ...(range ? { Range: range } : {}) }));
        }
        catch (error) {
            if (isNotFound(error))
                throw new src_errors/* MissingObjectError */.S3(`${this.url(key)} is missing from the store.`, { cause: error });
            if (range && error.$metadata?.httpStatusCode === 416)
                throw new src_errors/* IntegrityError */.cs(`${this.url(key)} is shorter than its manifest says: it has no ${range.replace('=', ' ')}.`);
            this.fail('GetObject', key, error);
        }
    }
    fail(operation, key, error) {
        throw describeS3Error(error, { operation, bucket: this.bucket, key, endpoint: this.settings.endpoint, region: this.settings.region });
    }
    async readText(key, maxBytes) {
        return (await this.readVersioned(key, maxBytes))?.text;
    }
    async readVersioned(key, maxBytes) {
        // The SDK retries a request until its headers arrive; a body cut short after that (a reset, a proxy
        // timeout) is retried here, so a manifest read never fails on one dropped connection.
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: key }));
            }
            catch (error) {
                if (isNotFound(error))
                    return undefined;
                this.fail('GetObject', key, error);
            }
            if (notS3Answer(response)) {
                const start = await (0,capped_read/* firstBytes */.mI)(response.Body, 200);
                throw new src_errors/* StoreError */.AD(`${this.settings.endpoint ?? 'The S3 endpoint'} answered GetObject on ${this.url(key)} with ${whatCameBack(200, { 'content-type': response.ContentType }, start)}: ` +
                    `that is not an S3 server speaking (no S3 request id). Check the 'endpoint' input: it must be the S3 API's URL, not a web page.`, { problem: 'endpoint' });
            }
            try {
                const bytes = await (0,capped_read/* readCapped */.EF)(response.Body, maxBytes, response.ContentLength, this.url(key));
                return { text: bytes.toString('utf8'), etag: plainEtag(response.ETag) };
            }
            catch (error) {
                if (error instanceof src_errors/* OversizedError */.wF)
                    throw error;
                if (attempt >= BODY_ATTEMPTS)
                    this.fail('GetObject', key, error);
            }
        }
    }
    async get(key) {
        return (await this.getObject(key)).Body;
    }
    async getRange(key, offset, length) {
        const last = offset + length - 1;
        const response = await this.getObject(key, `bytes=${offset}-${last}`);
        const body = response.Body;
        if (!response.ContentRange?.startsWith(`bytes ${offset}-${last}/`) || response.ContentLength !== length) {
            body.destroy();
            throw new src_errors/* RangeIgnoredError */.kK(`${this.url(key)} was asked for bytes ${offset}-${last} and answered with ${response.ContentRange ? `'${response.ContentRange}'` : 'the whole object'}.`);
        }
        return body;
    }
    async put(key, body, options) {
        if (!options.evenIfCancelled)
            (0,cancellation/* throwIfCancelled */.dZ)();
        try {
            if (Buffer.isBuffer(body)) {
                const input = {
                    Bucket: this.bucket,
                    Key: key,
                    Body: body,
                    ContentLength: options.size,
                    ContentType: options.contentType,
                    Metadata: options.metadata,
                    ...(options.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
                    ...(options.ifMatch ? { IfMatch: `"${options.ifMatch}"` } : {})
                };
                if (options.sha256) {
                    knownDigests.set(body, options.sha256);
                    // AWS verifies this checksum on arrival; other S3-compatible servers may reject the header.
                    if (this.settings.flavor === 'aws')
                        input.ChecksumSHA256 = Buffer.from(options.sha256, 'hex').toString('base64');
                }
                const response = await this.client.send(new dist_cjs/* PutObjectCommand */.wKZ(input), options.evenIfCancelled ? STEADY : undefined);
                return { etag: plainEtag(response.ETag) };
            }
            if (options.ifNoneMatch || options.ifMatch)
                throw new src_errors/* StoreError */.AD(`A conditional write of ${this.url(key)} needs its bytes in memory.`);
            return await this.putStream(key, body, options);
        }
        catch (error) {
            if (lostCondition(error)) {
                throw new src_errors/* PreconditionFailedError */.k9(`${this.url(key)} ${options.ifNoneMatch ? 'exists already' : 'is not the version expected'} (another run wrote it).`, { cause: error });
            }
            if (error instanceof src_errors/* StoreError */.AD || error instanceof cancellation/* CancelledError */.cc)
                throw error;
            this.fail('PutObject', key, error);
        }
    }
    /**
     * A stream or pull body goes up as a multipart upload, part by part, so a large file never sits whole in memory;
     * UPLOAD_QUEUE parts in flight. Each part is copied from the stream, or read from the pull body, into one of a few
     * buffers that are used again once their part is sent. lib-storage's Upload gathered every part into a fresh
     * buffer (Buffer.concat in its getChunkStream): a third of an upload's page faults, which are dear on a VM. On
     * failure or cancel the multipart upload is aborted before the step exits.
     */
    async putStream(key, body, options) {
        // Where the SDK adds CRC32 checksums to what it sends (AWS), the upload is opened for them and completed with
        // each part's, as lib-storage did: S3 refuses part checksums of an upload opened without an algorithm.
        const crc32 = (await this.client.config.requestChecksumCalculation()) === 'WHEN_SUPPORTED';
        // Opened when the first part is full, not cut short by a cancel: an upload the server opened is always known,
        // so it can be aborted. A stream shorter than one part goes up as one PutObject instead.
        let opened;
        const uploadId = () => (opened ??= this.client
            .send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({
            Bucket: this.bucket,
            Key: key,
            ContentType: options.contentType,
            Metadata: options.metadata,
            ...(crc32 ? { ChecksumAlgorithm: 'CRC32' } : {})
        }), STEADY)
            .then(({ UploadId }) => {
            if (!UploadId)
                throw new src_errors/* StoreError */.AD(`${this.url(key)}: CreateMultipartUpload answered without an upload id.`);
            return UploadId;
        }));
        const steady = options.evenIfCancelled ? STEADY : undefined;
        const parts = new PartSender(multipartPartSize(options.size), UPLOAD_QUEUE, async (buffer, PartNumber) => {
            // Checked before the upload is opened (a step cancelled while reading its first part opens none) and again after.
            if (!steady)
                (0,cancellation/* throwIfCancelled */.dZ)();
            const UploadId = await uploadId();
            if (!steady)
                (0,cancellation/* throwIfCancelled */.dZ)();
            const answer = await this.client.send(new dist_cjs/* UploadPartCommand */.iVK({ Bucket: this.bucket, Key: key, UploadId, PartNumber, Body: buffer, ContentLength: buffer.length }), steady);
            if (!answer.ETag)
                throw new src_errors/* StoreError */.AD(`${this.url(key)}: UploadPart ${PartNumber} answered without an ETag.`);
            return { PartNumber, ETag: answer.ETag, ...(answer.ChecksumCRC32 ? { ChecksumCRC32: answer.ChecksumCRC32 } : {}) };
        });
        const started = Date.now();
        try {
            const sent = await parts.send(body);
            if ('whole' in sent)
                return await this.put(key, sent.whole, { ...options, size: sent.whole.length });
            const UploadId = await uploadId();
            const completed = await this.client
                .send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({ Bucket: this.bucket, Key: key, UploadId, MultipartUpload: { Parts: sent.parts } }), steady)
                .catch(async (error) => {
                // A CompleteMultipartUpload whose answer was lost is retried by the SDK, and the retry finds no upload
                // (NoSuchUpload, or a server's internal error): the object is there all the same, whole, written now.
                const written = await this.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: this.bucket, Key: key }), STEADY).catch(() => undefined);
                if (written?.ContentLength === options.size && (written.LastModified?.getTime() ?? 0) >= started - 2000)
                    return written;
                throw error;
            });
            return { etag: plainEtag(completed.ETag) };
        }
        catch (error) {
            if (!(0,store/* isPullBody */.A)(body))
                body.destroy();
            const UploadId = await opened?.catch(() => undefined);
            if (UploadId) {
                await this.client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: this.bucket, Key: key, UploadId }), STEADY).catch(() => undefined);
            }
            if (cancellation/* cancelSignal */.Bj.aborted && !steady)
                throw new cancellation/* CancelledError */.cc((0,cancellation/* cancelledBy */.tK)());
            throw error;
        }
    }
    /** Set when the store refused CopyObject's checksum request: copies are then asked for without it. */
    copyChecksumsRefused = false;
    /**
     * Server-side copy. Every store is asked to compute the copy's SHA-256 (x-amz-checksum-algorithm): AWS,
     * MinIO, moto and others answer with it, and promotion checks it against the manifest; a store that
     * rejects the request is asked without it from then on (its copies are verified by reading them back).
     */
    async copy(sourceKey, targetKey, size, replace) {
        (0,cancellation/* throwIfCancelled */.dZ)();
        try {
            if (size > MAX_SINGLE_COPY)
                return { etag: await this.copyInParts(sourceKey, targetKey, size, replace) };
            const send = (withChecksum) => this.client.send(new dist_cjs/* CopyObjectCommand */.s9Z({
                Bucket: this.bucket,
                Key: targetKey,
                CopySource: copySource(this.bucket, sourceKey),
                ...(replace
                    ? { MetadataDirective: 'REPLACE', ContentType: replace.contentType, Metadata: { ...replace.metadata } }
                    : { MetadataDirective: 'COPY' }),
                ...(withChecksum ? { ChecksumAlgorithm: 'SHA256' } : {})
            }));
            let response;
            try {
                response = await send(!this.copyChecksumsRefused);
            }
            catch (error) {
                if (this.copyChecksumsRefused || !refusesChecksumRequest(error))
                    throw error;
                this.copyChecksumsRefused = true;
                response = await send(false);
            }
            return { sha256: fullObjectSha256(response.CopyObjectResult?.ChecksumSHA256), etag: plainEtag(response.CopyObjectResult?.ETag) };
        }
        catch (error) {
            if (isNotFound(error)) {
                throw new src_errors/* MissingObjectError */.S3(`Cannot copy ${this.url(sourceKey)}: the object is missing.`, { cause: error });
            }
            this.fail('CopyObject', targetKey, error);
        }
    }
    /** Multipart copy for objects over 5 GiB: ranges of COPY_PART_SIZE, aborted on failure. */
    async copyInParts(sourceKey, targetKey, size, replace) {
        // Unlike CopyObject, a multipart copy starts a new object: its metadata and type are carried over by hand.
        const source = replace
            ? { Metadata: replace.metadata && { ...replace.metadata }, ContentType: replace.contentType }
            : await this.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: this.bucket, Key: sourceKey }), STEADY);
        const created = await this.client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({ Bucket: this.bucket, Key: targetKey, Metadata: source.Metadata, ContentType: source.ContentType }), STEADY);
        const uploadId = created.UploadId;
        if (!uploadId)
            throw new src_errors/* StoreError */.AD(`CreateMultipartUpload for ${this.url(targetKey)} returned no upload id.`);
        try {
            const parts = [];
            for (const { partNumber, range } of copyRanges(size)) {
                (0,cancellation/* throwIfCancelled */.dZ)();
                const part = await this.client.send(new dist_cjs/* UploadPartCopyCommand */.Xp2({
                    Bucket: this.bucket,
                    Key: targetKey,
                    UploadId: uploadId,
                    PartNumber: partNumber,
                    CopySource: copySource(this.bucket, sourceKey),
                    CopySourceRange: range
                }), STEADY);
                parts.push({ ETag: part.CopyPartResult?.ETag, PartNumber: partNumber });
            }
            const completed = await this.client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({ Bucket: this.bucket, Key: targetKey, UploadId: uploadId, MultipartUpload: { Parts: parts } }), STEADY);
            return plainEtag(completed.ETag);
        }
        catch (error) {
            await this.client
                .send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: this.bucket, Key: targetKey, UploadId: uploadId }), STEADY)
                .catch(() => undefined);
            throw error;
        }
    }
    async list(prefix, onPage) {
        const found = [];
        let token;
        try {
            do {
                const page = await this.client.send(new dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
                for (const object of page.Contents ?? []) {
                    if (!object.Key)
                        continue;
                    const etag = plainEtag(object.ETag);
                    found.push({
                        key: object.Key,
                        size: object.Size ?? 0,
                        lastModified: object.LastModified ?? new Date(0),
                        ...(etag ? { etag } : {})
                    });
                }
                token = page.IsTruncated ? page.NextContinuationToken : undefined;
                onPage?.(found.length);
            } while (token);
        }
        catch (error) {
            this.fail('ListObjectsV2', prefix, error);
        }
        return found;
    }
    async delete(key) {
        try {
            await this.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: this.bucket, Key: key }), STEADY);
        }
        catch (error) {
            this.fail('DeleteObject', key, error);
        }
    }
    async deleteMany(keys, onBatch) {
        if (this.settings.flavor === 'gcs') {
            // Google's S3 interop has no multi-object delete: one request per object, several at once.
            const limit = (0,p_limit/* default */.A)(DELETES_IN_FLIGHT);
            let deleted = 0;
            await Promise.all(keys.map((key) => limit(async () => {
                await this.delete(key);
                if (++deleted % DELETE_BATCH === 0 || deleted === keys.length)
                    onBatch?.(deleted);
            })));
            return;
        }
        for (let start = 0; start < keys.length; start += DELETE_BATCH) {
            const batch = keys.slice(start, start + DELETE_BATCH);
            let errors;
            try {
                const result = await this.client.send(new dist_cjs/* DeleteObjectsCommand */.xvx({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }), STEADY);
                errors = result.Errors ?? [];
            }
            catch (error) {
                this.fail('DeleteObjects', batch[0], error);
            }
            if (errors.length > 0) {
                const first = errors[0];
                throw new src_errors/* StoreError */.AD(`DeleteObjects could not delete ${errors.length} of ${batch.length} object(s) in ${this.name}, first ${this.url(first.Key ?? '')}: ` +
                    `${first.Code ?? 'error'} ${first.Message ?? ''}`.trim() +
                    (first.Code === 'AccessDenied' ? '. Deleting needs s3:DeleteObject on the prefix (see the README, "IAM policy").' : '.'));
            }
            onBatch?.(start + batch.length);
        }
    }
    async probe(scratch) {
        const key = `${scratch}probe`;
        const create = () => this.client.send(new dist_cjs/* PutObjectCommand */.wKZ({ Bucket: this.bucket, Key: key, Body: 'doctor', ContentType: 'text/plain', IfNoneMatch: '*' }), STEADY);
        const found = {};
        try {
            await create().catch((error) => this.fail('PutObject', key, error));
            try {
                await create();
                found.conditionalWrites = false;
            }
            catch (error) {
                const status = error.$metadata?.httpStatusCode;
                found.conditionalWrites = status === 412 || status === 409 ? true : undefined;
            }
            // Informational only (apply's lock asks this probe about conditional writes): a failure leaves them unknown.
            try {
                const ranged = await this.client.send(new dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: key, Range: 'bytes=0-1' }), STEADY);
                const body = await ranged.Body?.transformToString('utf-8');
                found.rangedReads = ranged.$metadata.httpStatusCode === 206 && body === 'do';
                if (ranged.LastModified)
                    found.clockSkewSeconds = Math.round((ranged.LastModified.getTime() - Date.now()) / 1000);
            }
            catch {
                // rangedReads and clockSkewSeconds stay undefined: doctor reports them as unknown.
            }
        }
        finally {
            await this.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: this.bucket, Key: key }), STEADY).catch(() => undefined);
        }
        return found;
    }
    close() {
        this.client.destroy();
    }
}


/***/ })

};
;
//# sourceMappingURL=507.index.js.map