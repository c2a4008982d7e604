"use strict";
exports.id = 661;
exports.ids = [661];
exports.modules = {

/***/ 86661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



/** Whether upload would find files, by upload's own rules (hidden files and folders skipped). */
async function hasFiles(directory) {
    const { listPackageFiles } = await __webpack_require__.e(/* import() */ 355).then(__webpack_require__.bind(__webpack_require__, 54355));
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
    const { writeSummaryMarkdown } = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.bind(__webpack_require__, 57994));
    const { text } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 49997));
    await writeSummaryMarkdown(`### S3 Asset Manager \u2014 upload (post step)\n\n${text(sentence)}\n`);
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
            await postSummary(`\u26a0\ufe0f Nothing was uploaded. ${message}`);
            return;
        }
        const { runUploadAfterAuto } = await Promise.all(/* import() */[__webpack_require__.e(994), __webpack_require__.e(437)]).then(__webpack_require__.bind(__webpack_require__, 71437));
        await runUploadAfterAuto(state);
    }
    catch (error) {
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
    }
}


/***/ })

};
;
//# sourceMappingURL=661.index.js.map