import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5581:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   jJ: () => (/* binding */ usePlainConsole),
/* harmony export */   yN: () => (/* binding */ answerFlags)
/* harmony export */ });
/* unused harmony exports USAGE, plainLine */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);

// The bundle is also a command-line tool (Concourse tasks, a shell). There it answers --help and --version,
// and prints plain `error:` / `warning:` lines instead of the runner's workflow commands.
const USAGE = `S3 Asset Manager ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION */ .xv}: skip CI work whose results already exist.

Usage: node dist/index.js <mode>      (or: node dist/index.js --help | --version)

Modes:
  check    Are this commit's assets stored (by commit, or by code hash)? Prints found=true|false.
  upload   Store what was built (package-directory) under the commit and the code hash.
  apply    Plan and carry out a declarative config (the config input), DevStream-style.
  prune    Delete sets unused for keep-days.
  doctor   Check a store: credentials, permissions, what it supports.
  auto --run '<build command>'
           Check; on a miss run the build, then upload what it wrote (GitHub's auto runs
           the upload in its post step instead).
  A pattern in CODE_HASH_FIND_FILTER / INPUT_CODE_HASH_PATHS that may match nothing starts with '?'.

Inputs are environment variables INPUT_<NAME>, with - or _ (INPUT_BUCKET, INPUT_CODE_HASH_PATHS),
or the original tool's names: PACKAGE_ASSETS_BUCKET, GIT_REPO_PATH, PACKAGE_DIRECTORY,
CODE_HASH_FIND_FILTER, AWS_ROLE. With no bucket, the store is the local directory ./.asset-store.
Outputs are printed as name=value lines.

Exit codes: 0 done; 1 failed; 2 a bad input or config (nothing was done); 100 PACKAGE_ASSETS_BUCKET is
missing while the original tool's variables are set (as the original tool exited); 130 and 143
cancelled by SIGINT and SIGTERM (what was left is said in one line).

Documentation: README.md (inputs, outputs, stores, threat model).
`;
/** Answers --help and --version; true when it did (the caller then exits). */
function answerFlags(argv, write = (text) => process.stdout.write(text)) {
    const flag = argv[2];
    if (flag === '--help' || flag === '-h' || flag === 'help') {
        write(USAGE);
        return true;
    }
    if (flag === '--version' || flag === '-v') {
        write(`${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION */ .xv}\n`);
        return true;
    }
    return false;
}
/** A workflow command line as a person reads it, or undefined to drop it (masks, groups' ends, debug). */
function plainLine(line, debug = false) {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (!command)
        return { text: line, stream: 'stdout' };
    const message = command[2].replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    switch (command[1]) {
        case 'error':
        case 'warning':
            return { text: `${command[1]}: ${message}`, stream: 'stderr' };
        case 'notice':
            return { text: `notice: ${message}`, stream: 'stdout' };
        case 'group':
            return { text: message, stream: 'stdout' };
        case 'debug':
            return debug ? { text: `debug: ${message}`, stream: 'stderr' } : undefined;
        default:
            // add-mask (printing it would show the secret it hides), endgroup, and anything else meant for a runner.
            return undefined;
    }
}
/** Outside a runner, rewrites the workflow commands @actions/core prints into plain lines. */
function usePlainConsole() {
    const stdout = process.stdout.write.bind(process.stdout);
    const stderr = process.stderr.write.bind(process.stderr);
    const debug = process.env.RUNNER_DEBUG === '1';
    process.stdout.write = ((chunk, ...rest) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        if (!text.includes('::'))
            return stdout(chunk, ...rest);
        const out = [];
        const err = [];
        const lines = text.split('\n');
        const last = lines.pop() ?? '';
        for (const line of lines) {
            const plain = plainLine(line, debug);
            if (plain)
                (plain.stream === 'stdout' ? out : err).push(`${plain.text}\n`);
        }
        if (err.length > 0)
            stderr(err.join(''));
        return stdout(out.join('') + last);
    });
}


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A7: () => (/* binding */ BACKENDS),
/* harmony export */   Cl: () => (/* binding */ READ_LIMITS),
/* harmony export */   E1: () => (/* binding */ SEED_CODE_HASH_FILE),
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   JN: () => (/* binding */ ACTION_FILES),
/* harmony export */   LA: () => (/* binding */ SeedEnv),
/* harmony export */   LY: () => (/* binding */ SEED_COMMIT_FILE),
/* harmony export */   Ll: () => (/* binding */ CHECK_RECORD),
/* harmony export */   OX: () => (/* binding */ FOUND_MARKER),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   g$: () => (/* binding */ TRUSTED_EVENTS),
/* harmony export */   ir: () => (/* binding */ MANIFEST_NAME),
/* harmony export */   on: () => (/* binding */ SIGNING_KEY_ENV),
/* harmony export */   tY: () => (/* binding */ Outputs),
/* harmony export */   xv: () => (/* binding */ VERSION),
/* harmony export */   y: () => (/* binding */ CACHE_STAGE),
/* harmony export */   zw: () => (/* binding */ LAST_USED_NAME)
/* harmony export */ });
/** This action's version (package.json's; a test keeps them equal). */
const VERSION = '1.0.0';
/** Input and output names exactly as action.yml declares them. */
const Inputs = {
    Mode: 'mode',
    Backend: 'backend',
    Bucket: 'bucket',
    Prefix: 'prefix',
    Region: 'region',
    Endpoint: 'endpoint',
    ForcePathStyle: 'force-path-style',
    Profile: 'profile',
    AccessKeyId: 'access-key-id',
    SecretAccessKey: 'secret-access-key',
    SessionToken: 'session-token',
    LocalDir: 'local-dir',
    RepoPath: 'repo-path',
    Commit: 'commit',
    CodeHashPaths: 'code-hash-paths',
    PackageDirectory: 'package-directory',
    Download: 'download',
    Config: 'config',
    PlanOnly: 'plan-only',
    Concurrency: 'concurrency',
    PrComment: 'pr-comment',
    CommitStatus: 'commit-status',
    GitHubToken: 'github-token',
    InstanceName: 'instance-name',
    LockTimeout: 'lock-timeout',
    ConnectTimeout: 'connect-timeout',
    RequestTimeout: 'request-timeout',
    ForceUnlock: 'force-unlock',
    AllowDeleteAll: 'allow-delete-all',
    LegacySets: 'legacy-sets',
    SigningKey: 'signing-key',
    CacheWrite: 'cache-write',
    ResignState: 'resign-state',
    KeepDays: 'keep-days',
    RoleArn: 'role-arn',
    RoleSessionName: 'role-session-name',
    KeepLast: 'keep-last',
    PackBelow: 'pack-below',
    AllowUntrustedSigning: 'allow-untrusted-signing',
    CodeHashEnv: 'code-hash-env',
    CodeHashKey: 'code-hash-key',
    Variant: 'variant',
    CrossPlatform: 'cross-platform',
    DoctorModes: 'doctor-modes'
};
const Outputs = {
    Found: 'found',
    Source: 'source',
    CommitHash: 'commit-hash',
    CodeHash: 'code-hash',
    Location: 'location',
    Files: 'files',
    Bytes: 'bytes',
    Changes: 'changes',
    Plan: 'plan',
    ToolOutputs: 'outputs',
    PrunedSets: 'pruned-sets',
    PrunedObjects: 'pruned-objects',
    PrunedBytes: 'pruned-bytes',
    KeptSets: 'kept-sets',
    MissReason: 'miss-reason'
};
/** Environment names of the original tool, used when the matching input is empty. */
const SeedEnv = {
    Bucket: 'PACKAGE_ASSETS_BUCKET',
    RepoPath: 'GIT_REPO_PATH',
    PackageDirectory: 'PACKAGE_DIRECTORY',
    CodeHashFilter: 'CODE_HASH_FIND_FILTER',
    Role: 'AWS_ROLE'
};
const MODES = ['check', 'upload', 'apply', 'prune', 'auto', 'doctor'];
const BACKENDS = ['auto', 's3', 'gcs', 'local', 'actions-cache'];
/** Where the signing keys come from when the input is empty. */
const SIGNING_KEY_ENV = 'ASSETS_SIGNING_KEY';
/**
 * Events whose runs may write the shared code-hash tier under cache-write: auto, and sign with the signing
 * key. Everything else (pull requests, comments, check runs, forks' events) writes only its commit's set, and
 * unsigned: code from a pull request must not be served to other commits, nor signed as trusted.
 */
const TRUSTED_EVENTS = ['push', 'workflow_dispatch', 'schedule', 'release', 'merge_group', 'repository_dispatch'];
/** The seed's marker: check touches it on a hit, upload does nothing while it exists. */
const FOUND_MARKER = '.found';
/** Names saved by the main step for the post step (`core.saveState`). */
const State = { IsPost: 'isPost', Auto: 'auto' };
/** What check learned, left for an upload step that may run without the git repository (seed usage). */
const CHECK_RECORD = '.s3-asset-manager.json';
/** The Actions-cache backend stages entries in this folder of RUNNER_TEMP (or the working directory). */
const CACHE_STAGE = '.s3-asset-manager-stage';
/** The original tool's files, which its upload and downstream tasks read: plain text, no newline. */
const SEED_COMMIT_FILE = '.commit-hash';
const SEED_CODE_HASH_FILE = '.code-hash';
/** Every file this action writes into the package directory: never hashed, never uploaded. */
const ACTION_FILES = [CHECK_RECORD, FOUND_MARKER, SEED_COMMIT_FILE, SEED_CODE_HASH_FILE];
const MANIFEST_NAME = '.manifest.json';
/** Beside the manifest: when a check last used the set (prune keeps used sets). */
const LAST_USED_NAME = '.last-used';
/**
 * The most this action reads of a file that others can write (a store, a checkout): anything larger is
 * refused unread, so a hostile file cannot exhaust memory. A manifest of 32 MiB lists about 250,000 files.
 */
const READ_LIMITS = {
    manifest: 32 * 1024 * 1024,
    state: 8 * 1024 * 1024,
    checkRecord: 32 * 1024 * 1024,
    inputs: 32 * 1024 * 1024,
    /** An apply config, vars or tools file. */
    config: 8 * 1024 * 1024
};


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4813);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5581);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7242);
/* harmony import */ var _util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6601);





node_module__WEBPACK_IMPORTED_MODULE_0__.enableCompileCache?.();
if (process.env.GITHUB_ACTIONS !== 'true') {
    if ((0,_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .answerFlags */ .yN)(process.argv))
        process.exit(0);
    (0,_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .usePlainConsole */ .jJ)();
}
// A cancelled job: stop, release what is held, say what was left (main.ts); a second signal exits at once.
(0,_util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__/* .handleSignals */ .yK)((signal) => _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3(`Cancelled again by ${signal} while cleaning up: exiting now; a claim or lock may stay until it ages out.`));
// The runner runs this file twice when action.yml has a post step: the main step saves isPost, so the
// second run (the post step) knows it is one. Only the post step of `mode: auto` does any work.
if (_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .State */ .Uw.IsPost) === 'true') {
    const { runPost } = await __nccwpck_require__.e(/* import() */ 661).then(__nccwpck_require__.bind(__nccwpck_require__, 6661));
    await runPost();
}
else {
    if (process.env.GITHUB_STATE)
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .State */ .Uw.IsPost, 'true');
    const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(71), __nccwpck_require__.e(994), __nccwpck_require__.e(951), __nccwpck_require__.e(916)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9951));
    await run();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Gu: () => (/* binding */ getState),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   N4: () => (/* binding */ endGroup),
/* harmony export */   Oh: () => (/* binding */ startGroup),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



/**
 * The runner's interface, as much of @actions/core as this action uses: inputs and state from the
 * environment, outputs and state through the runner's files, log lines and workflow commands on stdout, the
 * job summary file. Written here, in the same formats, because @actions/core loads its HTTP client (and with
 * it undici, ~1 MB) at start-up for the OIDC token this action never asks for: every step paid ~40 ms to parse
 * it. @actions/core itself is still what @actions/cache and @actions/github use, in their lazily loaded chunks;
 * __tests__/runner-contract.test.ts drives both against the same files and requires the same bytes.
 */
/** How @actions/core writes a value into a command or a file: strings as they are, anything else as JSON. */
function commandValue(value) {
    if (value === null || value === undefined)
        return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function escapeData(value) {
    return commandValue(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function issue(command, message = '') {
    process.stdout.write(`::${command}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
/** Appends `name<<delimiter … delimiter` to the runner's file command file (GITHUB_OUTPUT, GITHUB_STATE). */
function issueFileCommand(file, name, value) {
    const filePath = process.env[`GITHUB_${file}`];
    if (!filePath)
        throw new Error(`Unable to find environment variable for file command ${file}`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    const converted = commandValue(value);
    if (name.includes(delimiter) || converted.includes(delimiter))
        throw new Error(`Unexpected input: it contains the delimiter "${delimiter}"`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(filePath, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${converted}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, { encoding: 'utf8' });
}
/** `INPUT_<NAME>` (spaces as `_`, upper case), trimmed unless asked not to. */
function getInput(name, options = {}) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return options.trimWhitespace === false ? value : value.trim();
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT)
        return issueFileCommand('OUTPUT', name, value);
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
    process.stdout.write(`::set-output name=${name}::${escapeData(value)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
function saveState(name, value) {
    if (process.env.GITHUB_STATE)
        return issueFileCommand('STATE', name, value);
    process.stdout.write(`::save-state name=${name}::${escapeData(value)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
/** Masks `secret` in the runner's log from now on. */
function setSecret(secret) {
    issue('add-mask', secret);
}
/**
 * A log line: text, never a command. Our messages carry what came from outside (paths from a checkout or a
 * store's records, an endpoint's answer), and the runner reads any line that starts with `::` as a workflow
 * command (`::set-output`, `::add-mask`, `::stop-commands`): such a line gets a zero-width space after its
 * first colon, which keeps it readable and inert. Commands go through the functions below, never through here.
 */
function info(message) {
    process.stdout.write(message.replace(/^(\s*):(?=:)/gm, '$1:\u200b') + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
}
function warning(message) {
    issue('warning', message instanceof Error ? message.toString() : message);
}
function error(message) {
    issue('error', message instanceof Error ? message.toString() : message);
}
function startGroup(name) {
    issue('group', name);
}
function endGroup() {
    issue('endgroup');
}
/** Logs the error and makes the step fail (exit code 1, which the caller may refine). */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY), as core.summary.addRaw(…, true).write() does. */
function appendSummary(markdown) {
    const filePath = process.env.GITHUB_STEP_SUMMARY;
    if (!filePath)
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(filePath, markdown + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL, { encoding: 'utf8' });
}


/***/ }),

/***/ 6601:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bj: () => (/* binding */ cancelSignal),
/* harmony export */   Cz: () => (/* binding */ asCancellation),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled),
/* harmony export */   tK: () => (/* binding */ cancelledBy),
/* harmony export */   yK: () => (/* binding */ handleSignals)
/* harmony export */ });
/* unused harmony exports CANCEL_EXIT_CODES, isCancellation, cancel */
/**
 * A cancelled job: the runner sends SIGINT, then SIGTERM about 7.5 s later, then kills the process. On the
 * first signal the step stops starting work, aborts requests in flight (uploads abort their multipart
 * uploads), and lets each `finally` release what it holds — a set's claim, apply's lock — before it exits
 * with 130 (SIGINT) or 143 (SIGTERM), saying in one line what it left. A second signal exits at once.
 */
/** Exit codes of a step cancelled by a signal, as shells report them (128 + the signal's number). */
const CANCEL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 };
/** Thrown where work stops because the step was cancelled; `left` says what the stop left behind, for the one line. */
class CancelledError extends Error {
    signal;
    left;
    stepExitCode;
    constructor(signal, left) {
        super(`Cancelled by ${signal}${left ? `: ${left}` : ''}.`);
        this.signal = signal;
        this.left = left;
        this.name = 'CancelledError';
        this.stepExitCode = CANCEL_EXIT_CODES[signal];
    }
}
const controller = new AbortController();
let received;
/** Aborted when the step is cancelled: pass it to requests and streams that may be stopped half way. */
const cancelSignal = controller.signal;
/** The signal that cancelled the step, if one did. */
function cancelledBy() {
    return received;
}
/** Throws CancelledError once the step was cancelled: call it before starting each piece of work. */
function throwIfCancelled() {
    if (received)
        throw new CancelledError(received);
}
/** Whether an error is the stop a cancellation caused (ours, or an aborted request or stream). */
function isCancellation(error) {
    if (error instanceof CancelledError)
        return true;
    return received !== undefined && error?.name === 'AbortError';
}
/**
 * The error to report for a failure during a cancellation — a CancelledError saying what was left, whatever
 * the abort looked like (an aborted request, a killed build) — or `error` as it is otherwise.
 */
function asCancellation(error, left) {
    if (received === undefined)
        return error;
    if (error instanceof CancelledError && error.left)
        return error;
    return new CancelledError(received, left);
}
/** Marks the step cancelled (what the signal handlers do; tests call it directly). */
function cancel(signal) {
    if (received)
        return;
    received = signal;
    controller.abort(new CancelledError(signal));
}
/**
 * Installs the handlers: the first SIGINT or SIGTERM cancels; a second one (the runner's SIGTERM after
 * SIGINT, while cleanup still runs) exits at once with its code, after `onForcedExit` wrote its line.
 */
function handleSignals(onForcedExit) {
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.on(signal, () => {
            if (!received) {
                cancel(signal);
                return;
            }
            onForcedExit(signal);
            process.exit(CANCEL_EXIT_CODES[signal]);
        });
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map