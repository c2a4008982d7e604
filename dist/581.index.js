"use strict";
exports.id = 581;
exports.ids = [581];
exports.modules = {

/***/ 95581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runProcess: () => (/* binding */ runProcess)
/* harmony export */ });
/* unused harmony exports USAGE, answerFlags, plainLine, plainText, usePlainConsole, runStep */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71243);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50767);
/* harmony import */ var _util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76601);
/* harmony import */ var _util_stdio_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92493);






// How the bundle is entered: one step, from the runner or from a command line (Concourse tasks, a shell). On a
// command line it answers --help and --version, and prints plain `error:` / `warning:` lines instead of the
// runner's workflow commands.
const USAGE = `S3 Asset Manager ${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .VERSION */ .xv}: skip CI work whose results already exist.

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
function answerFlags(argv, write = _util_stdio_js__WEBPACK_IMPORTED_MODULE_5__/* .writeStdout */ .jQ) {
    const flag = argv[2];
    if (flag === '--help' || flag === '-h' || flag === 'help') {
        write(USAGE);
        return true;
    }
    if (flag === '--version' || flag === '-v') {
        write(`${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .VERSION */ .xv}\n`);
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
/** Text bound for stdout with the workflow commands in it as a person reads them (errors and warnings on stderr). */
function plainText(text, debug = false) {
    if (!text.includes('::'))
        return { stdout: text, stderr: '' };
    const out = [];
    const err = [];
    const lines = text.split('\n');
    const last = lines.pop() ?? '';
    for (const line of lines) {
        const plain = plainLine(line, debug);
        if (plain)
            (plain.stream === 'stdout' ? out : err).push(`${plain.text}\n`);
    }
    return { stdout: out.join('') + last, stderr: err.join('') };
}
/** Outside a runner, rewrites the workflow commands we and @actions/core print into plain lines. */
function usePlainConsole() {
    const debug = process.env.RUNNER_DEBUG === '1';
    _util_stdio_js__WEBPACK_IMPORTED_MODULE_5__/* .stdio */ .iz.filterStdout((text) => plainText(text, debug));
}
/**
 * One step of the action in this process, from its command line (`argv`, as process.argv) and environment:
 * false when it only answered --help or --version. index.ts runs one per process; the tests run many in theirs,
 * so a step starts with nothing remembered from an earlier one (the event payload, registered secrets).
 */
async function runStep(argv) {
    (0,_git_js__WEBPACK_IMPORTED_MODULE_2__/* .forgetEventPayload */ .g)();
    (0,_util_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .forgetSecrets */ .DL)();
    if (process.env.GITHUB_ACTIONS !== 'true') {
        if (answerFlags(argv))
            return false;
        usePlainConsole();
    }
    // The runner runs the bundle twice when action.yml has a post step: the main step saves isPost, so the
    // second run (the post step) knows it is one. Only the post step of `mode: auto` does any work.
    if (_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.IsPost) === 'true') {
        const { runPost } = await __webpack_require__.e(/* import() */ 661).then(__webpack_require__.bind(__webpack_require__, 86661));
        await runPost();
    }
    else {
        if (process.env.GITHUB_STATE)
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.IsPost, 'true');
        const { run } = await Promise.all(/* import() */[__webpack_require__.e(994), __webpack_require__.e(437)]).then(__webpack_require__.bind(__webpack_require__, 71437));
        await run();
    }
    return true;
}
/** The process's one step (index.ts): a cancelled job stops, releases what it holds and says what was left (main.ts). */
async function runProcess() {
    // A second signal exits at once.
    (0,_util_cancellation_js__WEBPACK_IMPORTED_MODULE_4__/* .handleSignals */ .yK)((signal) => _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(`Cancelled again by ${signal} while cleaning up: exiting now; a claim or lock may stay until it ages out.`));
    await runStep(process.argv);
}


/***/ }),

/***/ 27242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/* harmony export */   zN: () => (/* binding */ CLAIMS_FOLDER),
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
    PackCompression: 'pack-compression',
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
/** Under a set: the claims of runs writing it (sets/claims.ts). */
const CLAIMS_FOLDER = '.claims/';
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

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ StoreError),
/* harmony export */   EmptyPackageError: () => (/* binding */ EmptyPackageError),
/* harmony export */   FO: () => (/* binding */ exitCodeOf),
/* harmony export */   Ir: () => (/* binding */ UnreadableSetError),
/* harmony export */   S3: () => (/* binding */ MissingObjectError),
/* harmony export */   cs: () => (/* binding */ IntegrityError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   k9: () => (/* binding */ PreconditionFailedError),
/* harmony export */   kK: () => (/* binding */ RangeIgnoredError),
/* harmony export */   wF: () => (/* binding */ OversizedError),
/* harmony export */   yN: () => (/* binding */ FilesError),
/* harmony export */   zx: () => (/* binding */ MissingBucketError)
/* harmony export */ });
/**
 * The exit code a step ends with when `error` stops it, as the README's table lists them: an error that
 * decides its own carries `stepExitCode` (2 for bad input or config, nothing done; 100 for the seed's missing
 * bucket; 130/143 for a cancelled step); any other error exits 1.
 */
function exitCodeOf(error) {
    const code = error?.stepExitCode;
    return typeof code === 'number' ? code : 1;
}
/** A bad input value: names the input, the value and what is allowed. */
class InputError extends Error {
    stepExitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}
/**
 * A seed-style job (the original tool's environment names are set) without a bucket. The original exited
 * with 100 here; so do we, so pipelines that test for it keep working.
 */
class MissingBucketError extends InputError {
    stepExitCode = 100;
    constructor(message) {
        super(message);
        this.name = 'MissingBucketError';
    }
}
/** A store could not do what was asked (missing bucket, access denied, unreachable endpoint...). */
class StoreError extends Error {
    problem;
    constructor(message, options) {
        super(message, options);
        this.name = 'StoreError';
        if (options?.problem)
            this.problem = options.problem;
    }
}
/** The package directory, the repository or the files in it are not as expected. */
class FilesError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FilesError';
    }
}
/** The package directory is missing or holds no file to upload (the build produced nothing). */
class EmptyPackageError extends FilesError {
    constructor(message) {
        super(message);
        this.name = 'EmptyPackageError';
    }
}
/** A stored asset set whose manifest is malformed or whose bytes do not match it. */
class IntegrityError extends Error {
    constructor(message) {
        super(message);
        this.name = 'IntegrityError';
    }
}
/** A stored set this runtime cannot read (packs in an encoding its Node.js lacks): a miss with a warning, never a failed step. */
class UnreadableSetError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnreadableSetError';
    }
}
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}
/** An object a manifest lists is not in the store (a copy's source, a download). */
class MissingObjectError extends StoreError {
    constructor(message, options) {
        super(message, options);
        this.name = 'MissingObjectError';
    }
}
/** A stored object (manifest, state, record) is larger than this action reads: treated as untrusted, never parsed. */
class OversizedError extends IntegrityError {
    where;
    limit;
    constructor(where, limit) {
        super(`${where} is larger than ${Math.round(limit / 1024 / 1024)} MiB, the most this action reads of such a file`);
        this.where = where;
        this.limit = limit;
        this.name = 'OversizedError';
    }
}
/** A ranged read came back as something else (the whole object, another range): read the object whole instead. */
class RangeIgnoredError extends StoreError {
    constructor(message) {
        super(message);
        this.name = 'RangeIgnoredError';
    }
}
/** A conditional write lost: the object exists (If-None-Match) or is not the version expected (If-Match). */
class PreconditionFailedError extends StoreError {
    constructor(message, options) {
        super(message, options);
        this.name = 'PreconditionFailedError';
    }
}


/***/ }),

/***/ 71243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ plainGitDirectory),
/* harmony export */   EX: () => (/* binding */ isCommitHash),
/* harmony export */   GN: () => (/* binding */ commitSources),
/* harmony export */   N5: () => (/* binding */ readEventPayload),
/* harmony export */   WL: () => (/* binding */ resolveCommit),
/* harmony export */   YB: () => (/* binding */ eventHeadCommit),
/* harmony export */   g: () => (/* binding */ forgetEventPayload)
/* harmony export */ });
/* unused harmony exports eventCommits, headFromGitDirectory, headCommit */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_capped_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48724);
/* harmony import */ var _util_fs_calls_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62001);
/* harmony import */ var _util_node_builtins_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(53115);






/** The event payload is small; anything larger is not the runner's and is not read. */
const EVENT_PAYLOAD_LIMIT = 16 * 1024 * 1024;
/** A full commit hash: 40 hex characters, or 64 in a SHA-256 repository (either case). */
function isCommitHash(text) {
    return typeof text === 'string' && /^([0-9a-f]{40}|[0-9a-f]{64})$/i.test(text);
}
function shaAt(payload, ...path) {
    let value = payload;
    for (const key of path)
        value = value !== null && typeof value === 'object' ? value[key] : undefined;
    return isCommitHash(value) ? value.toLowerCase() : undefined;
}
let payloadRead;
/**
 * The runner's event payload (GITHUB_EVENT_PATH) parsed, read bounded and never through a symlink; undefined
 * when unreadable. Read once per step, on first use \u2014 before apply runs any build \u2014 and kept: what a build
 * writes into the file later is never seen.
 */
function readEventPayload() {
    payloadRead ??= (async () => {
        const file = process.env.GITHUB_EVENT_PATH;
        const bytes = file ? await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunnerFile */ .Lh)(file, EVENT_PAYLOAD_LIMIT) : undefined;
        try {
            return bytes ? JSON.parse(bytes.toString('utf8')) : undefined;
        }
        catch {
            return undefined;
        }
    })();
    return payloadRead;
}
/** Starts a new step in this process: its payload is read afresh (the tests run many steps in one process). */
function forgetEventPayload() {
    payloadRead = undefined;
}
/** The pull request's head commit as the payload names it. */
function eventHeadCommit(payload) {
    return shaAt(payload, 'pull_request', 'head', 'sha');
}
/**
 * The commits a runner's event names. GITHUB_SHA always: no step can change it (GITHUB_ENV cannot overwrite
 * GITHUB_* variables). From the event payload the pull request's head and merge commits, a workflow_run's
 * and a merge group's head \u2014 but only when `payload` is given, which a step may do only when it reads the
 * payload before any build ran (check, apply, auto's main step): the payload is a file any step of the job
 * can rewrite, so an upload step, which runs after the build, takes none of it. Undefined outside GitHub
 * Actions (no GITHUB_SHA).
 */
function eventCommits(env, payload) {
    const githubSha = env.GITHUB_SHA?.trim().toLowerCase();
    if (env.GITHUB_ACTIONS !== 'true' || !githubSha)
        return undefined;
    const named = [{ sha: githubSha, source: 'GITHUB_SHA' }];
    const add = (sha, source) => {
        if (sha && !named.some((commit) => commit.sha === sha))
            named.push({ sha, source });
    };
    add(shaAt(payload, 'pull_request', 'head', 'sha'), "the pull request's head");
    add(shaAt(payload, 'pull_request', 'merge_commit_sha'), "the pull request's merge commit");
    add(shaAt(payload, 'workflow_run', 'head_sha'), "the workflow run's head");
    add(shaAt(payload, 'merge_group', 'head_sha'), "the merge group's head");
    return { event: env.GITHUB_EVENT_NAME ?? 'unknown', commits: named, payloadRead: payload !== undefined };
}
/** Variables with which git would find another repository, or other refs, than repoPath's own .git: git is asked then. */
const GIT_REPOSITORY_VARIABLES = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_COMMON_DIR',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_NAMESPACE',
    'GIT_CEILING_DIRECTORIES',
    'GIT_DISCOVERY_ACROSS_FILESYSTEM'
];
const REF_FILE_LIMIT = 4096;
/** A larger packed-refs (a repository with very many tags) is left to git: reading it would cost more than git does. */
const PACKED_REFS_LIMIT = 1024 * 1024;
/**
 * repoPath/.git when the layout is the plain one git needs no discovery for: repoPath is the top of a work tree whose
 * .git is a directory of its own (not a linked worktree's: no commondir), and no GIT_* variable points git at
 * another repository, index or object store. Undefined otherwise: ask git.
 */
function plainGitDirectory(repoPath, env = process.env) {
    if (GIT_REPOSITORY_VARIABLES.some((name) => env[name] !== undefined))
        return undefined;
    const gitDir = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(repoPath, '.git');
    if (!(0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_4__/* .lstatNow */ .JH)(gitDir)?.isDirectory())
        return undefined;
    if ((0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_4__/* .lstatNow */ .JH)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(gitDir, 'commondir')))
        return undefined;
    return gitDir;
}
/** What lstat says of a loose ref: null when there is none (packed-refs may have it), undefined when it cannot tell. */
function looseRef(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file);
    }
    catch (error) {
        const code = error.code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? null : undefined;
    }
}
/** A branch name as git writes one into HEAD; anything else (and any path trick) is left to git. */
function plainBranchRef(ref) {
    return (/^refs\/heads\/[\x21-\x7e]+$/.test(ref) &&
        !/[\\~^:?*[]|@\{/.test(ref) &&
        ref.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock')));
}
/**
 * HEAD's commit read from repoPath/.git itself, as git would resolve it, without starting git (a process is about
 * 10 ms of a step's start, and a check or upload needs nothing else from git). Only the plain layout: repoPath the
 * top of a work tree whose .git is a directory, HEAD a commit or a branch whose ref is a loose file or a line of
 * packed-refs, read without following symlinks, and no GIT_* variable pointing git elsewhere. Anything else (a
 * linked worktree or submodule, an unborn branch, reftable, a huge packed-refs) is undefined, and git is asked.
 * Like `git rev-parse --verify HEAD`, it does not check that the commit's object exists. A build can rewrite
 * .git either way: on a runner, resolveCommit accepts only a commit the event names.
 */
async function headFromGitDirectory(repoPath, env = process.env) {
    const gitDir = plainGitDirectory(repoPath, env);
    if (!gitDir)
        return undefined;
    const text = async (file, limit) => (await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readRunnerFile */ .Lh)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(gitDir, file), limit).catch(() => undefined))?.toString('utf8');
    const head = (await text('HEAD', REF_FILE_LIMIT))?.trim();
    if (!head)
        return undefined;
    if (!head.startsWith('ref: '))
        return isCommitHash(head) ? head.toLowerCase() : undefined;
    const ref = head.slice(5).trim();
    if (!plainBranchRef(ref))
        return undefined;
    // A loose ref wins over packed-refs; one that is there but not a plain file (a symlink, a directory) is git's to read.
    const loose = looseRef(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(gitDir, ref));
    if (loose === undefined || (loose && !loose.isFile()))
        return undefined;
    if (loose) {
        const sha = (await text(ref, REF_FILE_LIMIT))?.trim();
        return sha && isCommitHash(sha) ? sha.toLowerCase() : undefined;
    }
    const packed = await text('packed-refs', PACKED_REFS_LIMIT);
    for (const line of packed?.split('\n') ?? []) {
        const [sha, name] = line.trim().split(' ');
        if (name === ref && sha && isCommitHash(sha))
            return sha.toLowerCase();
    }
    return undefined;
}
/** HEAD's commit in repoPath (read from .git, else `git rev-parse HEAD`); undefined with git's complaint when it is not a repository. */
async function headCommit(repoPath) {
    const read = await headFromGitDirectory(repoPath);
    if (read)
        return { commit: read };
    try {
        const { stdout } = await (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_5__/* .execFileText */ .zp)('git', ['rev-parse', '--verify', 'HEAD'], { cwd: repoPath });
        return { commit: stdout.trim().toLowerCase() };
    }
    catch (error) {
        const err = error;
        if (err.code === 'ENOENT') {
            return { problem: `'${repoPath}' does not exist or git is not installed` };
        }
        return { problem: (err.stderr ?? err.message).trim().split('\n')[0] ?? 'git failed' };
    }
}
/**
 * The commit the assets are keyed by: the `commit` input, else git HEAD, else what check recorded, else
 * GITHUB_SHA. On a runner, without the input, it must be a commit the event names: HEAD and check's
 * record are in the hands of any earlier step of the job (a build can rewrite .git/HEAD), so anything
 * else is an error naming both rather than a set stored, and signed, under a commit the build chose.
 */
async function resolveCommit(sources) {
    if (sources.override)
        return sources.override;
    const head = await headCommit(sources.repoPath);
    const candidate = head.commit
        ? { sha: head.commit, source: `git HEAD in '${sources.repoPath}'` }
        : sources.recorded
            ? { sha: sources.recorded.toLowerCase(), source: "check's record in the package directory" }
            : (sources.event?.commits[0] ?? (sources.githubSha ? { sha: sources.githubSha.toLowerCase(), source: 'GITHUB_SHA' } : undefined));
    if (!candidate) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .FilesError */ .yN(`Could not work out the commit hash: git rev-parse HEAD in '${sources.repoPath}' failed (${head.problem}) ` +
            `and GITHUB_SHA is not set. Point 'repo-path' (GIT_REPO_PATH) at a git checkout, or set the 'commit' input.`);
    }
    const event = sources.event;
    if (event && !event.commits.some((commit) => commit.sha === candidate.sha)) {
        const named = event.commits.map((commit) => `${commit.sha} (${commit.source})`).join(', ');
        const why = event.payloadRead
            ? 'A step before this one moved HEAD, or the job checked out another ref.'
            : 'An upload runs after the build, so it takes no commit from the event payload file (a build can rewrite it): only GITHUB_SHA.';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .FilesError */ .yN(`The commit to key the assets by would be ${candidate.sha} (${candidate.source}), but this '${event.event}' run names ${named}. ` +
            `${why} Set the 'commit' input to the commit you built ` +
            `(for example commit: \${{ github.event.pull_request.head.sha || github.sha }}, which the runner fills from the event it received), ` +
            `or use mode: auto, whose post step uploads under the commit its main step checked; so no build can choose the commit its output is stored and signed under.`);
    }
    return candidate.sha;
}
/**
 * The commit sources every mode uses: the input, the repository, and on a runner the event's commits. An
 * upload step reads nothing from the event payload (see eventCommits).
 */
async function commitSources(settings, recorded) {
    const payload = settings.mode === 'upload' || settings.commit ? undefined : await readEventPayload();
    return {
        override: settings.commit,
        repoPath: settings.repoPath,
        recorded,
        event: eventCommits(process.env, payload),
        githubSha: process.env.GITHUB_SHA
    };
}


/***/ }),

/***/ 74813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31245);
/* harmony import */ var _util_stdio_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(92493);




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
    (0,_util_stdio_js__WEBPACK_IMPORTED_MODULE_3__/* .writeStdout */ .jQ)(`::${command}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
/** Appends `name<<delimiter \u2026 delimiter` to the runner's file command file (GITHUB_OUTPUT, GITHUB_STATE). */
function issueFileCommand(file, name, value) {
    const filePath = process.env[`GITHUB_${file}`];
    if (!filePath)
        throw new Error(`Unable to find environment variable for file command ${file}`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    const delimiter = `ghadelimiter_${(0,_util_random_js__WEBPACK_IMPORTED_MODULE_2__/* .randomUuid */ .b)()}`;
    const converted = commandValue(value);
    if (name.includes(delimiter) || converted.includes(delimiter))
        throw new Error(`Unexpected input: it contains the delimiter "${delimiter}"`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(filePath, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${converted}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`, { encoding: 'utf8' });
}
/** `INPUT_<NAME>` (spaces as `_`, upper case), trimmed unless asked not to. */
function getInput(name, options = {}) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return options.trimWhitespace === false ? value : value.trim();
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT)
        return issueFileCommand('OUTPUT', name, value);
    (0,_util_stdio_js__WEBPACK_IMPORTED_MODULE_3__/* .writeStdout */ .jQ)(node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
    (0,_util_stdio_js__WEBPACK_IMPORTED_MODULE_3__/* .writeStdout */ .jQ)(`::set-output name=${name}::${escapeData(value)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
function saveState(name, value) {
    if (process.env.GITHUB_STATE)
        return issueFileCommand('STATE', name, value);
    (0,_util_stdio_js__WEBPACK_IMPORTED_MODULE_3__/* .writeStdout */ .jQ)(`::save-state name=${name}::${escapeData(value)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
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
    (0,_util_stdio_js__WEBPACK_IMPORTED_MODULE_3__/* .writeStdout */ .jQ)(message.replace(/^(\s*):(?=:)/gm, '$1:\u200b') + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
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
/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY), as core.summary.addRaw(\u2026, true).write() does. */
function appendSummary(markdown) {
    const filePath = process.env.GITHUB_STEP_SUMMARY;
    if (!filePath)
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(filePath, markdown + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL, { encoding: 'utf8' });
}


/***/ }),

/***/ 76601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bj: () => (/* binding */ cancelSignal),
/* harmony export */   Cz: () => (/* binding */ asCancellation),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled),
/* harmony export */   tK: () => (/* binding */ cancelledBy),
/* harmony export */   yK: () => (/* binding */ handleSignals)
/* harmony export */ });
/* unused harmony exports CANCEL_EXIT_CODES, isCancellation, cancel */
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A cancelled job: the runner sends SIGINT, then SIGTERM about 7.5 s later, then kills the process. On the
 * first signal the step stops starting work, aborts requests in flight (uploads abort their multipart
 * uploads), and lets each `finally` release what it holds \u2014 a set's claim, apply's lock \u2014 before it exits
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
// Every request in flight listens on the signal (the AWS SDK's retry middleware adds a listener a request and
// removes it when the request ends), so more than Node's default of 10 at once is the concurrency, not a leak:
// without this, a download of a packed set printed a MaxListenersExceededWarning in the step's log.
(0,node_events__WEBPACK_IMPORTED_MODULE_0__.setMaxListeners)(0, controller.signal);
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
 * The error to report for a failure during a cancellation \u2014 a CancelledError saying what was left, whatever
 * the abort looked like (an aborted request, a killed build) \u2014 or `error` as it is otherwise.
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

/***/ 48724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $O: () => (/* binding */ readOpenedText),
/* harmony export */   B5: () => (/* binding */ READ_NO_WAIT),
/* harmony export */   EF: () => (/* binding */ readCapped),
/* harmony export */   IK: () => (/* binding */ readListedFile),
/* harmony export */   Lh: () => (/* binding */ readRunnerFile),
/* harmony export */   Mx: () => (/* binding */ readListedFileInto),
/* harmony export */   mI: () => (/* binding */ firstBytes),
/* harmony export */   qT: () => (/* binding */ openListedFile),
/* harmony export */   xZ: () => (/* binding */ READ_NO_FOLLOW)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _fs_calls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62001);



/**
 * Opens for reading without following a symlink at the last component (O_NOFOLLOW: not on Windows), and without
 * waiting (O_NONBLOCK): a FIFO planted where a file should be would otherwise hold open() until something writes
 * to it, and the step with it; opened at once, it is then found not to be a regular file. Regular files ignore
 * O_NONBLOCK.
 */
const READ_NO_FOLLOW = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0);
/**
 * Opens for reading without waiting on a FIFO, following symlinks: for files listed as regular files a moment
 * earlier (a package's, a code hash's), so one swapped for a FIFO since reads as empty and fails its size check
 * instead of holding the step.
 */
const READ_NO_WAIT = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0);
/** A descriptor (close it with closeFd) of a file listed as a regular file a moment ago, opened with READ_NO_WAIT. */
function openListedFile(file) {
    return (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_2__/* .openFd */ .df)(file, READ_NO_WAIT);
}
/** The bytes of a file listed as a regular file a moment ago (READ_NO_WAIT: a FIFO swapped in since reads as empty). */
async function readListedFile(file) {
    const fd = await openListedFile(file);
    try {
        // The callback form's readFile: less CPU per file than fs/promises', which reads in chunked round trips.
        return await (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_2__/* .readFile */ .TA)(fd);
    }
    finally {
        await (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_2__/* .closeFd */ .zF)(fd);
    }
}
/**
 * Reads a file listed as a regular file a moment ago straight into `target`, which has room for the size it was
 * listed with; returns how many bytes the file held: `target.length` when it still has that size, fewer when it
 * shrank, one more when it grew (what did not fit is not read).
 */
async function readListedFileInto(file, target) {
    const fd = await openListedFile(file);
    // One byte past the end tells a file that grew, in the same call.
    const past = Buffer.alloc(1);
    try {
        let filled = 0;
        for (;;) {
            const { bytesRead } = await (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_2__/* .readv */ .NE)(fd, [target.subarray(filled), past]);
            filled += bytesRead;
            if (bytesRead === 0 || filled > target.length)
                return filled;
        }
    }
    finally {
        await (0,_fs_calls_js__WEBPACK_IMPORTED_MODULE_2__/* .closeFd */ .zF)(fd);
    }
}
/**
 * The bytes of an opened file; undefined when it is not a regular file; OversizedError past `maxBytes`. At most
 * `maxBytes + 1` bytes are ever read, so a file that grows while it is read cannot fill memory either.
 *
 * Synchronous inside: the files read here are capped and mostly small (a ref, a record, a config, a manifest of the
 * local store: a few KB, at most the READ_LIMITS), and a synchronous call costs ~20 \u00b5s where a trip through the
 * thread pool costs ~100 \u00b5s and the pool's first use ~0.5 ms. With the package directory's and .git's calls made
 * the same way (package-directory.ts, git.ts), a local check that finds nothing starts 2.4-3.1 ms sooner (of ~40).
 * What waits on the network or reads a build's files stays asynchronous.
 */
function readOpenedBytes(fd, maxBytes, where) {
    const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
    if (!info.isFile())
        return undefined;
    if (info.size > maxBytes)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OversizedError */ .wF(where, maxBytes);
    const buffer = Buffer.alloc(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    for (;;) {
        const bytesRead = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, length);
        if (bytesRead === 0)
            break;
        length += bytesRead;
        if (length === buffer.length) {
            if (length > maxBytes)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OversizedError */ .wF(where, maxBytes);
            break; // the file grew past its stated size: what it held when opened is all that is read
        }
    }
    return buffer.subarray(0, length);
}
/** The text of an opened file; undefined when it is not a regular file; OversizedError past `maxBytes`. */
async function readOpenedText(fd, maxBytes, where) {
    return readOpenedBytes(fd, maxBytes, where)?.toString('utf8');
}
/**
 * A runner file's bytes (the event payload, a file a step before us may have written), at most `maxBytes`,
 * never through a symlink: undefined when it is missing, not a regular file or larger than that.
 */
async function readRunnerFile(file, maxBytes) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, READ_NO_FOLLOW);
    }
    catch {
        return undefined;
    }
    try {
        return readOpenedBytes(fd, maxBytes, file);
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OversizedError */ .wF)
            return undefined;
        throw error;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * A body's bytes, refusing (unread) one larger than `maxBytes`: by its declared length when the server sends
 * one, else as the bytes arrive, so a hostile object never fills memory.
 */
async function readCapped(body, maxBytes, declared, where) {
    if (!body)
        return Buffer.alloc(0);
    const stop = () => {
        ;
        body.destroy?.();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OversizedError */ .wF(where, maxBytes);
    };
    if (declared !== undefined && declared > maxBytes)
        stop();
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > maxBytes)
            stop();
        chunks.push(chunk);
    }
    return Buffer.concat(chunks, size);
}
/** The first `count` bytes of a body, for a message; the rest is not read (a web page may be endless). */
async function firstBytes(body, count) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of (body ?? [])) {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= count)
                break;
        }
    }
    catch {
        // what arrived before the failure is all there is to show
    }
    ;
    body?.destroy?.();
    return Buffer.concat(chunks).subarray(0, count);
}


/***/ }),

/***/ 62001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ lstat),
/* harmony export */   $w: () => (/* binding */ rename),
/* harmony export */   Ck: () => (/* binding */ mkdir),
/* harmony export */   Cy: () => (/* binding */ readdir),
/* harmony export */   DE: () => (/* binding */ fstat),
/* harmony export */   Ek: () => (/* binding */ utimes),
/* harmony export */   JH: () => (/* binding */ lstatNow),
/* harmony export */   LF: () => (/* binding */ read),
/* harmony export */   NE: () => (/* binding */ readv),
/* harmony export */   Nr: () => (/* binding */ rmdir),
/* harmony export */   TA: () => (/* binding */ readFile),
/* harmony export */   df: () => (/* binding */ openFd),
/* harmony export */   f4: () => (/* binding */ writeAll),
/* harmony export */   jV: () => (/* binding */ mkdtemp),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   rm: () => (/* binding */ rm),
/* harmony export */   writeFile: () => (/* binding */ writeFile),
/* harmony export */   y1: () => (/* binding */ unlink),
/* harmony export */   zF: () => (/* binding */ closeFd)
/* harmony export */ });
/* unused harmony export realpath */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
// Promise forms of the node:fs calls made on the path every check takes, built from the callback API. On Node.js 24,
// `node:fs/promises` (and `fs.promises`, the same module) loads readline, the REPL's history and the fs watchers with
// it: 3-5 ms of every step's start on node24 (0.5-2.5 ms on Node.js 20), for calls the callback API makes as well.
// Modules a check that finds nothing loads take their fs calls from here; the others import node:fs/promises as
// usual. e2e.test.ts checks that such a check starts without it.


const closeFd = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.close);
const fstat = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.fstat);
const link = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.link);
const lstat = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.lstat);
const mkdir = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdir);
const mkdtemp = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtemp);
/** A file descriptor: close it with closeFd. */
const openFd = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.open);
const read = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.read);
const readdir = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.readdir);
const readFile = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.readFile);
const readv = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.readv);
const realpath = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.realpath);
const rename = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.rename);
const rm = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.rm);
const rmdir = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.rmdir);
const unlink = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.unlink);
const utimes = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.utimes);
const writeFile = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFile);
const writeSome = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_fs__WEBPACK_IMPORTED_MODULE_0__.write);
/**
 * lstat at once, without a trip through the thread pool (~20 \u00b5s against ~100 \u00b5s, and ~0.5 ms for the pool's first
 * use): for the few paths a step's start looks at (.git, the package directory). Undefined when it fails.
 */
function lstatNow(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file);
    }
    catch {
        return undefined;
    }
}
/**
 * Writes all of `bytes` to `fd` at its current position (a write may take fewer bytes than it was given). A write
 * that takes none fails rather than being tried forever: a step would otherwise hang until the job's timeout.
 */
async function writeAll(fd, bytes) {
    for (let offset = 0; offset < bytes.length;) {
        const { bytesWritten } = await writeSome(fd, bytes, offset, bytes.length - offset);
        if (bytesWritten === 0)
            throw new Error(`a write took none of ${bytes.length - offset} bytes`);
        offset += bytesWritten;
    }
}


/***/ }),

/***/ 53115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dh: () => (/* binding */ nodeStream),
/* harmony export */   SI: () => (/* binding */ nodeCrypto),
/* harmony export */   Zv: () => (/* binding */ nodeStreamPromises),
/* harmony export */   eq: () => (/* binding */ nodeZlib),
/* harmony export */   zp: () => (/* binding */ execFileText)
/* harmony export */ });
/* unused harmony export childProcess */
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);


const load = (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(require("url").pathToFileURL(__filename).href);
const nodeCrypto = () => load('node:crypto');
const childProcess = () => load('node:child_process');
/** child_process.execFile as a promise of its output as text, node:child_process loaded on the first call. */
const execFileText = (file, args, options) => (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(childProcess().execFile)(file, args, { ...options, encoding: 'utf8' });
const nodeStream = () => load('node:stream');
const nodeStreamPromises = () => load('node:stream/promises');
const nodeZlib = () => load('node:zlib');


/***/ }),

/***/ 31245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ randomUuid),
/* harmony export */   randomHex: () => (/* binding */ randomHex)
/* harmony export */ });
/* unused harmony export randomBytes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _node_builtins_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53115);


/**
 * `size` random bytes from the kernel's /dev/urandom, the source node:crypto draws from, without loading
 * node:crypto (~10 ms of a step's start on node24, node-builtins.ts); from node:crypto on Windows (where the
 * path would name a file anyone could write) or where /dev/urandom is not the kernel's device.
 */
function randomBytes(size) {
    if (process.platform === 'win32')
        return (0,_node_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeCrypto */ .SI)().randomBytes(size);
    const bytes = Buffer.alloc(size);
    try {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)('/dev/urandom', 'r');
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).isCharacterDevice())
                throw new Error('/dev/urandom is not a device');
            for (let filled = 0; filled < size;) {
                const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, bytes, filled, size - filled, null);
                if (read <= 0)
                    throw new Error('/dev/urandom ended');
                filled += read;
            }
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
        return bytes;
    }
    catch {
        return (0,_node_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .nodeCrypto */ .SI)().randomBytes(size);
    }
}
const randomHex = (size) => randomBytes(size).toString('hex');
/** A random (version 4) UUID, as crypto.randomUUID writes it. */
function randomUuid() {
    const bytes = randomBytes(16);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}


/***/ }),

/***/ 50767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DL: () => (/* binding */ forgetSecrets),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* unused harmony export MIN_MASKED_LENGTH */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);


/**
 * Values that must never be shown: the runner masks them in the log once `core.setSecret` has named them,
 * but not in what this action sends elsewhere (the job summary file, commit statuses, pull-request
 * comments). Everything sent there goes through `redact`.
 *
 * Values shorter than this are not masked: masking `1` or `on` would garble every log line that holds them
 * (google-github-actions' secret actions draw the same line), and they are not secrets anyone can use.
 */
const MIN_MASKED_LENGTH = 4;
const secrets = new Set();
/** Every form a registered secret can take in what this action writes, longest first. */
let forms = [];
/**
 * The forms a secret takes in the text this action produces itself: as written; markdown-escaped (`text`);
 * percent-encoded (links, file URLs, either case of hex); JSON-escaped (outputs, API bodies); HTML-escaped.
 */
function encodings(secret) {
    const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const linkHref = secret.replace(/[()\s]/g, (char) => encodeURIComponent(char));
    const percent = (encode) => {
        try {
            const encoded = encode(secret);
            return [encoded, encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())];
        }
        catch {
            return []; // a lone surrogate cannot be percent-encoded: then it never is
        }
    };
    const fileUrl = (value) => encodeURI(value).replace(/[#?]/g, (char) => encodeURIComponent(char));
    return [
        secret,
        (0,_text_js__WEBPACK_IMPORTED_MODULE_1__.text)(secret),
        html,
        linkHref,
        JSON.stringify(secret).slice(1, -1),
        ...percent(encodeURIComponent),
        ...percent(encodeURI),
        ...percent(fileUrl)
    ];
}
/** Masks `value` in the log from now on (core.setSecret) and in everything `redact` cleans. */
/** Starts a new step in this process with no secrets registered (the tests run many steps in one process). */
function forgetSecrets() {
    secrets.clear();
    forms = [];
}
function registerSecret(value) {
    if (!value || value.length < MIN_MASKED_LENGTH || secrets.has(value))
        return;
    secrets.add(value);
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
    forms = [...new Set([...forms, ...encodings(value)])].sort((a, b) => b.length - a.length);
}
/** `text` with every registered secret, in each form it can take here, replaced by `***` (longest first). */
function redact(text) {
    let result = text;
    for (const form of forms)
        result = result.split(form).join('***');
    return result;
}


/***/ }),

/***/ 49997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ groupDigits),
/* harmony export */   L: () => (/* binding */ plural),
/* harmony export */   text: () => (/* binding */ text)
/* harmony export */ });
// Text helpers every layer uses: counts as people read them, and text made inert in markdown.
/** `10000` as `10,000`, without Intl: loading ICU's data to group digits cost every step ~90 ms. */
function groupDigits(count) {
    const [whole = '', fraction] = String(count).split('.');
    const sign = whole.startsWith('-') ? '-' : '';
    const digits = sign ? whole.slice(1) : whole;
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}
/** "1 file", "2 files"; `plural` for irregular nouns. */
function plural(count, noun, pluralNoun = `${noun}s`) {
    return `${groupDigits(count)} ${count === 1 ? noun : pluralNoun}`;
}
/**
 * Plain text made inert: the characters that start emphasis, code, links, HTML or strike-through are
 * escaped, and so is a line start that would open a heading, quote or list; newlines become spaces.
 */
function text(value) {
    return value
        .replace(/\r?\n/g, ' ')
        .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/^(\s*)([#+-]|\d+[.)])/, '$1\\$2');
}


/***/ })

};
;
//# sourceMappingURL=581.index.js.map