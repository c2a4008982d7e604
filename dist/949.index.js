"use strict";
exports.id = 949;
exports.ids = [949,45];
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


/***/ }),

/***/ 63949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OJ: () => (/* binding */ PreconditionFailed),
/* harmony export */   stateStorageFor: () => (/* binding */ stateStorageFor)
/* harmony export */ });
/* unused harmony exports LocalStateStorage, StoreStateStorage */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _settings_values_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(535);
/* harmony import */ var _util_capped_read_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(48724);
/* harmony import */ var _util_fs_calls_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(62001);
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(89587);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(24964);
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(31245);
/* harmony import */ var _stores_index_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(92826);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(73045);












/** A conditional write lost: the object is not what the writer expected. */
class PreconditionFailed extends Error {
    constructor(message) {
        super(message);
        this.name = 'PreconditionFailed';
    }
}
/** What each state location's store answered to the probe, for the rest of the run. */
const conditionalWriteSupport = new Map();
/** A state file on disk: temp file + rename; the lock is an exclusive create. */
class LocalStateStorage {
    file;
    description;
    /**
     * `local:<path>`: the file's path relative to the repository (absolute when outside it), so a signed state
     * copied to another path, or from another config's state, is refused, as an S3 state copied to another key is.
     */
    location;
    constructor(file, repoPath) {
        this.file = file;
        this.description = `local file ${file}`;
        this.location = `local:${repoPath && (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .isInside */ .FK)(repoPath, file) ? (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .toPosixRelative */ .T0)(repoPath, file) : file}`;
    }
    pathOf(object) {
        return object === 'state' ? this.file : `${this.file}.lock`;
    }
    async get(object) {
        try {
            const fd = await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_6__/* .openFd */ .df)(this.pathOf(object), 'r');
            let body;
            try {
                body = await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_5__/* .readOpenedText */ .$O)(fd, _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .READ_LIMITS */ .Cl.state, this.pathOf(object));
            }
            finally {
                await (0,_util_fs_calls_js__WEBPACK_IMPORTED_MODULE_6__/* .closeFd */ .zF)(fd);
            }
            if (body === undefined)
                throw new Error('not a regular file');
            return { body, version: (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_7__.sha256Hex)(body) };
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return undefined;
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OversizedError */ .wF)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .StateError */ .qq(`The state ${error.message}: it is not read.`, { cause: error });
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .StateError */ .qq(`Cannot read ${this.pathOf(object)}: ${error.message}`, { cause: error });
        }
    }
    async put(object, body, condition) {
        const target = this.pathOf(object);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), { recursive: true });
        if (condition.ifNoneMatch) {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(target, body, { flag: 'wx' });
                return (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_7__.sha256Hex)(body);
            }
            catch (error) {
                if (error.code === 'EEXIST')
                    throw new PreconditionFailed(`${target} already exists.`);
                throw error;
            }
        }
        if (condition.ifMatch !== undefined) {
            const current = await this.get(object);
            if (current?.version !== condition.ifMatch)
                throw new PreconditionFailed(`${target} changed since it was read.`);
        }
        const temp = `${target}.tmp-${(0,_util_random_js__WEBPACK_IMPORTED_MODULE_9__.randomHex)(6)}`;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temp, body);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temp, target);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temp, { force: true });
        }
        return (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_7__.sha256Hex)(body);
    }
    async remove(object) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(this.pathOf(object), { force: true });
    }
    close() { }
}
/**
 * The state as an object in a store (S3, GCS, any S3-compatible server), through the same Store the asset sets
 * use: one client, one credential check, one "not an S3 server" check, one conditional-write probe. Writes are
 * conditional (If-Match / If-None-Match), and because some S3-compatible servers ignore those headers,
 * callers also read back what they wrote. The store is made uncancellable: a cancelled apply still saves
 * the state of every tool that completed and releases its lock.
 */
class StoreStateStorage {
    store;
    key;
    location;
    description;
    constructor(store, key, location, description) {
        this.store = store;
        this.key = key;
        this.location = location;
        this.description = description;
    }
    keyOf(object) {
        return object === 'state' ? this.key : `${this.key}.lock`;
    }
    fail(error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OversizedError */ .wF)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .StateError */ .qq(`The state ${error.message}: it is not read.`, { cause: error });
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .StateError */ .qq(`State backend: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`, { cause: error });
    }
    async get(object) {
        try {
            const read = await this.store.readVersioned(this.keyOf(object), _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .READ_LIMITS */ .Cl.state);
            return read && { body: read.text, version: read.etag ?? (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_7__.sha256Hex)(read.text) };
        }
        catch (error) {
            this.fail(error);
        }
    }
    async put(object, body, condition) {
        const bytes = Buffer.from(body, 'utf8');
        try {
            const written = await this.store.put(this.keyOf(object), bytes, {
                size: bytes.length,
                contentType: object === 'state' ? 'application/yaml' : 'application/json',
                ...(condition.ifNoneMatch ? { ifNoneMatch: true } : {}),
                ...(condition.ifMatch ? { ifMatch: condition.ifMatch } : {}),
                evenIfCancelled: true
            });
            return written.etag ?? (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_7__.sha256Hex)(body);
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PreconditionFailedError */ .k9)
                throw new PreconditionFailed(`${this.store.url(this.keyOf(object))} changed since it was read.`);
            this.fail(error);
        }
    }
    async remove(object) {
        try {
            await this.store.delete(this.keyOf(object));
        }
        catch (error) {
            this.fail(error);
        }
    }
    /** The store's own probe (the one doctor runs), on a scratch key beside the lock; its answer is kept for the run. */
    honoursConditionalWrites() {
        const known = conditionalWriteSupport.get(this.location);
        if (known)
            return known;
        const answer = (async () => {
            try {
                return (await this.store.probe?.(`${this.key}.probe-${(0,_util_random_js__WEBPACK_IMPORTED_MODULE_9__.randomHex)(6)}/`))?.conditionalWrites === true;
            }
            catch (error) {
                this.fail(error);
            }
        })();
        conditionalWriteSupport.set(this.location, answer);
        return answer;
    }
    close() {
        this.store.close();
    }
}
/** The storage the config names; S3 credentials and endpoint defaults come from the action's store inputs. */
async function stateStorageFor(config, store, repoPath) {
    if (config.kind === 'local')
        return new LocalStateStorage(config.file, repoPath);
    const settings = (0,_settings_values_js__WEBPACK_IMPORTED_MODULE_4__/* .deriveS3Settings */ .LX)(store, config);
    const location = `s3://${config.bucket}/${config.key}`;
    const description = `${location}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`;
    try {
        return new StoreStateStorage(await (0,_stores_index_js__WEBPACK_IMPORTED_MODULE_10__.createStore)(settings, 2, { cancellable: false }), config.key, location, description);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .StateError */ .qq(`State backend: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`, { cause: error });
    }
}


/***/ })

};
;
//# sourceMappingURL=949.index.js.map