export const id = 916;
export const ids = [916];
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


/***/ })

};

//# sourceMappingURL=916.index.js.map