"use strict";
exports.id = 736;
exports.ids = [736];
exports.modules = {

/***/ 75107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ temporaryName),
/* harmony export */   U: () => (/* binding */ isDownloadTemporary)
/* harmony export */ });
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31245);

let temporaryPart;
let temporaryCount = 0;
/**
 * Where a downloaded file is written until every file of the set has arrived intact: beside its target, under a
 * name no one can guess ahead (a random part drawn once a process; 6 random bytes a file cost 30 ms over a
 * 1,000-file set) and opened exclusively. A download cut short removes them; one killed outright cannot.
 */
function temporaryName(target) {
    temporaryPart ??= (0,_util_random_js__WEBPACK_IMPORTED_MODULE_0__.randomHex)(6);
    return `${target}.download-${temporaryPart}-${(temporaryCount++).toString(36)}`;
}
const TEMPORARY_SUFFIX = /\.download-[0-9a-f]{12}-[0-9a-z]+$/;
/**
 * Whether a file name is one `temporaryName` gives: what a download killed outright (SIGKILL, a runner's
 * timeout) left in the package directory. Never part of a build, and possibly cut short.
 */
function isDownloadTemporary(name) {
    return TEMPORARY_SUFFIX.test(name);
}


/***/ }),

/***/ 54355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listPackageFiles: () => (/* binding */ listPackageFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74813);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24964);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(49997);
/* harmony import */ var _download_temporaries_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(75107);
/* harmony import */ var _package_directory_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(62139);








/** How many entries of a directory are looked at at once. */
const STAT_BATCH = 64;
function isHidden(name) {
    return name.startsWith('.');
}
function warnOfLeftovers(directory, leftovers) {
    if (leftovers.length === 0)
        return;
    const named = leftovers
        .slice(0, 3)
        .map((file) => `'${file}'`)
        .join(', ');
    _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Not uploading ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(leftovers.length, 'file')} that a download killed part way left in '${directory}' (${named}${leftovers.length > 3 ? ', \u2026' : ''}): ` +
        `they are not the build's and may be cut short. Delete them; a download into this directory that completes removes them too.`);
}
/**
 * Every non-hidden regular file under `directory`, recursively, sorted by relative path. A symlink is
 * followed only when it points inside the directory; one that leaves it is refused. The temporary files of a
 * download killed part way (download-temporaries.ts) are left out; `warnOfLeftovers` names them in a warning
 * (the upload itself does; a look at whether there is anything to upload does not).
 */
async function listPackageFiles(directory, options = {}) {
    let root;
    try {
        root = await (0,_package_directory_js__WEBPACK_IMPORTED_MODULE_6__/* .preparePackageDirectory */ .Bd)(directory, { create: false });
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(root)).isDirectory())
            throw new Error('not a directory');
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FilesError */ .yN)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.EmptyPackageError(`The package directory '${directory}' does not exist or is not a directory: build the assets into it first, or set 'package-directory' (PACKAGE_DIRECTORY).`);
    }
    const files = [];
    const leftovers = [];
    /** What an entry is: its real target (a symlink's, checked to stay inside) and what stat says of that. */
    const inspect = async (absolute, entry, relative) => {
        if (!entry.isSymbolicLink())
            return { target: absolute, info: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(absolute) };
        const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(absolute).catch(() => '');
        if (!target || !(0,_util_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .isInside */ .FK)(root, target)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FilesError */ .yN(`Refusing to upload '${relative}': it is a symlink that points outside the package directory '${directory}' (or nowhere).`);
        }
        return { target, info: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target) };
    };
    const visit = async (dir, relativeDir, ancestors) => {
        const entries = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true }))
            .filter((entry) => !isHidden(entry.name))
            .map((entry) => ({
            entry,
            absolute: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, entry.name),
            relative: relativeDir ? `${relativeDir}/${entry.name}` : entry.name
        }));
        // A batch of entries is looked at at once: one after another, each lstat waited ~0.1 ms on libuv's thread pool
        // (~80 ms of a 1,000-file upload's start); batches keep what is in flight bounded in a huge directory.
        for (let start = 0; start < entries.length; start += STAT_BATCH) {
            const batch = entries.slice(start, start + STAT_BATCH);
            const looked = await Promise.allSettled(batch.map(({ entry, absolute, relative }) => inspect(absolute, entry, relative)));
            for (const [index, { entry, absolute, relative }] of batch.entries()) {
                const outcome = looked[index];
                // The first failure in the directory's order, whichever settled first.
                if (outcome.status === 'rejected')
                    throw outcome.reason;
                const { target, info } = outcome.value;
                if (info.isDirectory()) {
                    if (ancestors.has(target))
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FilesError */ .yN(`Refusing to upload '${relative}': a symlink loop in '${directory}'.`);
                    await visit(absolute, relative, new Set([...ancestors, target]));
                }
                else if (info.isFile()) {
                    if ((0,_download_temporaries_js__WEBPACK_IMPORTED_MODULE_5__/* .isDownloadTemporary */ .U)(entry.name))
                        leftovers.push(relative);
                    else
                        files.push({ relative, absolute, size: info.size });
                }
            }
        }
    };
    await visit(root, '', new Set([root]));
    if (options.warnOfLeftovers)
        warnOfLeftovers(directory, leftovers.sort());
    if (files.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.EmptyPackageError(`The package directory '${directory}' holds no files to upload (hidden files are skipped). Build the assets into it first.`);
    }
    return files.sort((a, b) => Buffer.compare(Buffer.from(a.relative), Buffer.from(b.relative)));
}


/***/ })

};
;
//# sourceMappingURL=736.index.js.map