"use strict";
exports.id = 355;
exports.ids = [355,736];
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

/***/ 62139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ preparePackageDirectory),
/* harmony export */   Gy: () => (/* binding */ deepestExisting),
/* harmony export */   qI: () => (/* binding */ writeFileNoFollow),
/* harmony export */   tk: () => (/* binding */ readFileNoFollow)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _util_capped_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48724);
/* harmony import */ var _util_fs_calls_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62001);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(24964);
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(31245);







// The package directory sits in the checkout, which the code being built controls: a symlink planted there
// could make check write its files, a download its assets, or upload its listing somewhere else on the
// runner. Everything here refuses to be led out that way.
//
// The calls are synchronous: a few small files and directories on every check's path, where a trip through the
// thread pool costs five times the call (src/util/capped-read.ts, readOpenedBytes).
/** Where checked-out code lives: the runner's workspace, else the working directory. */
function workspaceRoot() {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(process.env.GITHUB_WORKSPACE || process.cwd());
}
/**
 * The deepest of `candidate` and the directories above it that exists, with what lstat says of it (a symlink is
 * reported as one, not followed): where a mkdir of `candidate` would start.
 */
async function deepestExisting(candidate) {
    let existing = candidate;
    for (;;) {
        const info = (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_4__/* .lstatNow */ .JH)(existing);
        if (info || node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(existing) === existing)
            return { existing, info };
        existing = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(existing);
    }
}
/**
 * The package directory's real path, created when `create` is set. A directory named inside the workspace
 * that a symlink leads outside it (to a runner's home, its temp files) is refused, naming both; a directory
 * named outside the workspace is the user's explicit choice and taken as it is.
 */
async function preparePackageDirectory(directory, options) {
    const resolved = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(directory);
    const workspace = workspaceRoot();
    if ((0,_util_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .isInside */ .FK)(workspace, resolved)) {
        const realWorkspace = realpathOr(workspace);
        const real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((await deepestExisting(resolved)).existing);
        if (!(0,_util_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .isInside */ .FK)(realWorkspace, real)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .FilesError */ .yN(`Refusing the package directory '${directory}': a symlink in it leads to ${real}, outside the workspace ${workspace}. ` +
                `Code in the checkout may have planted it; point '${options.inputName ?? 'package-directory'}' at a real directory.`);
        }
    }
    if (options.create)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(resolved, { recursive: true });
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(resolved);
}
function realpathOr(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
    }
    catch {
        return file;
    }
}
/**
 * Writes `name` in `directory` whole or not at all, without following a symlink at that name: the bytes go
 * to a temporary file that is renamed over it (replacing a planted link, never writing through it).
 */
async function writeFileNoFollow(directory, name, content) {
    const target = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(directory, name);
    const temp = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(directory, `.${name}.tmp-${(0,_util_random_js__WEBPACK_IMPORTED_MODULE_6__.randomHex)(6)}`);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, content, { flag: 'wx' });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, target);
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temp, { force: true });
        throw error;
    }
}
/** The text of `name` in `directory`; undefined when missing, a symlink or not a file; OversizedError beyond `maxBytes`. */
async function readFileNoFollow(directory, name, maxBytes) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(directory, name), _util_capped_read_js__WEBPACK_IMPORTED_MODULE_3__/* .READ_NO_FOLLOW */ .xZ);
    }
    catch {
        return undefined;
    }
    try {
        return await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readOpenedText */ .$O)(fd, maxBytes, node_path__WEBPACK_IMPORTED_MODULE_1___default().join(directory, name));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
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


/***/ }),

/***/ 24964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   T0: () => (/* binding */ toPosixRelative),
/* harmony export */   g3: () => (/* binding */ windowsNameProblem),
/* harmony export */   yK: () => (/* binding */ fromPosixRelative),
/* harmony export */   ys: () => (/* binding */ sameFileKey)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

// Manifests, store keys and code-hash entries always use '/'; the file system uses the runner's separator.
// Every conversion between the two goes through here, with the path module as a parameter so the Windows
// rules are tested with path.win32 on any machine.
/** Whether `candidate` is `root` or below it (on Windows: case-insensitively, and never on another drive). */
function isInside(root, candidate, paths = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    const relative = paths.relative(root, candidate);
    if (relative === '')
        return true;
    return !paths.isAbsolute(relative) && relative.split(paths.sep)[0] !== '..';
}
/** `absolute` relative to `root` with '/' separators: a manifest path or a store key suffix. */
function toPosixRelative(root, absolute, paths = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    return paths.relative(root, absolute).split(paths.sep).join('/');
}
/** Where a '/'-separated relative path (already checked to stay inside) lands under `root`. */
function fromPosixRelative(root, relative, paths = (node_path__WEBPACK_IMPORTED_MODULE_0___default())) {
    return paths.join(root, ...relative.split('/').filter((segment) => segment !== ''));
}
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$|clock\$)(\..*)?$/i;
/**
 * Why a path segment cannot be a file name on Windows, or undefined. A name Linux allows (`a:b`, `nul.txt`,
 * `x.`) would on Windows open a drive-relative path, an alternate data stream or a device, or be silently
 * renamed: a download must refuse it rather than write somewhere else.
 */
function windowsNameProblem(segment) {
    if (/[<>:"|?*\\]/.test(segment))
        return `has a character Windows does not allow in file names (< > : " | ? * \\)`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(segment))
        return 'has a control character';
    if (WINDOWS_RESERVED.test(segment.replace(/[. ]+$/, '')))
        return 'is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, CONIN$, CONOUT$)';
    // GIT~1 is how Windows may also name .git (8.3 short names): writing through it would write into the repository.
    if (/~\d/.test(segment))
        return 'looks like an 8.3 short name (such as GIT~1 for .git), which Windows may resolve to another file';
    if (/[. ]$/.test(segment))
        return 'ends with a dot or a space, which Windows drops';
    return undefined;
}
/** Paths that are one file on this platform's usual file systems (case-insensitive on Windows and macOS). */
function sameFileKey(relative) {
    return process.platform === 'win32' || process.platform === 'darwin' ? relative.normalize('NFC').toLowerCase() : relative;
}


/***/ })

};
;
//# sourceMappingURL=355.index.js.map