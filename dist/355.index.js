export const id = 355;
export const ids = [355];
export const modules = {

/***/ 4355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ isInside),
/* harmony export */   listPackageFiles: () => (/* binding */ listPackageFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);



function isHidden(name) {
    return name.startsWith('.');
}
/** Whether `candidate` is `root` or below it. */
function isInside(root, candidate) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, candidate);
    return relative === '' || (!relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative));
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
                if (!target || !isInside(root, target)) {
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