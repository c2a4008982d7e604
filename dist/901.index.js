"use strict";
exports.id = 901;
exports.ids = [901];
exports.modules = {

/***/ 47901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pruneMarkdown: () => (/* binding */ pruneMarkdown)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54285);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49997);
/* harmony import */ var _util_progress_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65365);



/** Rows of deleted sets shown in a summary; the rest are counted. */
const LISTED = 50;
function ageDays(age, now) {
    return `${Math.floor((now - age.getTime()) / 86_400_000)} d`;
}
/** prune's job summary: the totals, then what went (or would go) and why. */
function pruneMarkdown(outcome, heading, now = Date.now()) {
    const verb = outcome.planOnly ? 'Would delete' : 'Deleted';
    const doomed = outcome.decisions.filter((decision) => decision.delete);
    const parts = [
        heading,
        (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__.text)(outcome.message),
        `In ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(outcome.storeName)}:`,
        (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)([`${verb} sets`, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .groupDigits */ .K)(outcome.prunedSets)], [
            [`${verb}, left without a manifest`, (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(outcome.prunedOrphans, 'group')],
            [`${verb} objects`, `${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .groupDigits */ .K)(outcome.prunedObjects)} (${(0,_util_progress_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(outcome.prunedBytes)})`],
            ['Kept sets', (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .groupDigits */ .K)(outcome.keptSets)],
            ['Time', (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .seconds */ .YA)(outcome.elapsedMs)]
        ])
    ];
    if (doomed.length > 0) {
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(['Set', 'Age', 'Objects', 'Size', 'Why'], doomed.slice(0, LISTED).map((decision) => [
            // Keys relative to the store prefix named above: the full URL in every row pushed "Why" off the page.
            (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .code */ .aY)(decision.set.root.slice(outcome.prefix.length)),
            ageDays(decision.age, now),
            (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .groupDigits */ .K)(decision.set.objects.length),
            (0,_util_progress_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(decision.set.bytes),
            (0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__.text)(decision.reason)
        ])));
        if (doomed.length > LISTED)
            parts.push(`\u2026and ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(doomed.length - LISTED, 'more set')}; the log lists every one.`);
    }
    return `${parts.join('\n\n')}\n`;
}


/***/ })

};
;
//# sourceMappingURL=901.index.js.map