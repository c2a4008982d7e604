export const id = 661;
export const ids = [661,916];
export const modules = {

/***/ 3916:
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
/** A conditional write lost: the object exists (If-None-Match) or is not the version expected (If-Match). */
class PreconditionFailedError extends StoreError {
    constructor(message, options) {
        super(message, options);
        this.name = 'PreconditionFailedError';
    }
}


/***/ }),

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



/** Whether upload would find files, by upload's own rules (hidden files and folders skipped). */
async function hasFiles(directory) {
    const { listPackageFiles } = await __webpack_require__.e(/* import() */ 355).then(__webpack_require__.bind(__webpack_require__, 4355));
    try {
        await listPackageFiles(directory);
        return true;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__.EmptyPackageError)
            return false;
        throw error;
    }
}
/** The post step's outcome in the job summary, under the main step's (which said "build needed"). */
async function postSummary(sentence) {
    const { writeSummaryMarkdown } = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.bind(__webpack_require__, 7994));
    const { text } = await __webpack_require__.e(/* import() */ 997).then(__webpack_require__.bind(__webpack_require__, 9997));
    await writeSummaryMarkdown(`### S3 Asset Manager — upload (post step)\n\n${text(sentence)}\n`);
}
/**
 * The post step (action.yml `post-if: success()`): in `mode: auto`, upload what the job built when check
 * missed. Any other mode returns at once, loading nothing heavy.
 */
async function runPost() {
    if (_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.Mode).toLowerCase() !== 'auto')
        return;
    try {
        const saved = _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.Auto);
        if (!saved) {
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('The main step did not finish its check, so there is nothing to upload.');
            return;
        }
        const state = JSON.parse(saved);
        if (state.found) {
            const message = `The assets of commit ${state.commit} were found by the main step: nothing to upload.`;
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message);
            await postSummary(message);
            return;
        }
        if (!(await hasFiles(state.packageDirectory))) {
            const message = `The job succeeded but ${state.packageDirectory} holds no files: the build produced nothing to upload. Check the build's output directory against 'package-directory'.`;
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message);
            await postSummary(`⚠️ Nothing was uploaded. ${message}`);
            return;
        }
        const { runUploadAfterAuto } = await Promise.all(/* import() */[__webpack_require__.e(71), __webpack_require__.e(994), __webpack_require__.e(951)]).then(__webpack_require__.bind(__webpack_require__, 9951));
        await runUploadAfterAuto(state);
    }
    catch (error) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
    }
}


/***/ })

};

//# sourceMappingURL=661.index.js.map