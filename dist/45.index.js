"use strict";
exports.id = 45;
exports.ids = [45];
exports.modules = {

/***/ 73045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ku: () => (/* binding */ LockError),
/* harmony export */   qq: () => (/* binding */ StateError),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/** A problem in the apply config: names the file and what to change. */
class ConfigError extends Error {
    /** Nothing was done: the README's exit code for bad input or config. */
    stepExitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'ConfigError';
    }
}
/** The state file exists but cannot be used, or was changed by someone else meanwhile. */
class StateError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'StateError';
    }
}
/** Another run holds the state lock. */
class LockError extends Error {
    constructor(message) {
        super(message);
        this.name = 'LockError';
    }
}


/***/ })

};
;
//# sourceMappingURL=45.index.js.map