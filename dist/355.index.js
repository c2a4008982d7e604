export const id = 355;
export const ids = [355];
export const modules = {

/***/ 8431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   T0: () => (/* binding */ toPosixRelative),
/* harmony export */   g3: () => (/* binding */ windowsNameProblem),
/* harmony export */   yK: () => (/* binding */ fromPosixRelative)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
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
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
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
    if (WINDOWS_RESERVED.test(segment))
        return 'is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9)';
    if (/[. ]$/.test(segment))
        return 'ends with a dot or a space, which Windows drops';
    return undefined;
}


/***/ }),

/***/ 4355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listPackageFiles: () => (/* binding */ listPackageFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8431);




function isHidden(name) {
    return name.startsWith('.');
}
/**
 * Every non-hidden regular file under `directory`, recursively, sorted by relative path. A symlink is
 * followed only when it points inside the directory; one that leaves it is refused.
 */
async function listPackageFiles(directory, inputName = 'package-directory') {
    let root;
    try {
        root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(directory);
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(root)).isDirectory())
            throw new Error('not a directory');
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EmptyPackageError */ .uM(`The package directory '${directory}' does not exist or is not a directory: build the assets into it first, or set '${inputName}' (PACKAGE_DIRECTORY).`);
    }
    const files = [];
    const visit = async (dir, relativeDir, ancestors) => {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true });
        for (const entry of entries) {
            if (isHidden(entry.name))
                continue;
            const absolute = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, entry.name);
            const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
            let target = absolute;
            if (entry.isSymbolicLink()) {
                target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(absolute).catch(() => '');
                if (!target || !(0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .isInside */ .FK)(root, target)) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .FilesError */ .yN(`Refusing to upload '${relative}': it is a symlink that points outside the package directory '${directory}' (or nowhere).`);
                }
            }
            const info = entry.isSymbolicLink() ? await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target) : await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(absolute);
            if (info.isDirectory()) {
                if (ancestors.has(target))
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .FilesError */ .yN(`Refusing to upload '${relative}': a symlink loop in '${directory}'.`);
                await visit(absolute, relative, new Set([...ancestors, target]));
            }
            else if (info.isFile()) {
                files.push({ relative, absolute, size: info.size });
            }
        }
    };
    await visit(root, '', new Set([root]));
    if (files.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EmptyPackageError */ .uM(`The package directory '${directory}' holds no files to upload (hidden files are skipped). Build the assets into it first.`);
    }
    return files.sort((a, b) => Buffer.compare(Buffer.from(a.relative), Buffer.from(b.relative)));
}


/***/ })

};

//# sourceMappingURL=355.index.js.map