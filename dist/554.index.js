"use strict";
exports.id = 554;
exports.ids = [554];
exports.modules = {

/***/ 14554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   doctorMarkdown: () => (/* binding */ doctorMarkdown)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54285);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49997);


const RESULT = { ok: '\u2705 ok', missing: '\u274c missing', limited: '\u26a0\ufe0f limited', info: '\u2139\ufe0f info' };
/** doctor's summary: one row per capability, with what to do about it. */
function doctorMarkdown(outcome, heading) {
    const rows = outcome.findings.map((finding) => [
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__.text)(finding.capability),
        RESULT[finding.result],
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__.text)(finding.todo ?? finding.detail),
        finding.neededBy.length > 0 ? finding.neededBy.map(_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY).join(' ') : '\u2014'
    ]);
    return `${heading}\n\n${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_0__.text)(outcome.message)}\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(['Capability', 'Result', 'What to do', 'Needed by'], rows)}\n`;
}


/***/ })

};
;
//# sourceMappingURL=554.index.js.map