export const id = 949;
export const ids = [949,45];
export const modules = {

/***/ 3045:
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

/***/ 3949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OJ: () => (/* binding */ PreconditionFailed),
/* harmony export */   stateStorageFor: () => (/* binding */ stateStorageFor)
/* harmony export */ });
/* unused harmony exports LocalStateStorage, S3StateStorage */
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3711);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _settings_values_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(535);
/* harmony import */ var _util_capped_read_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8724);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4964);
/* harmony import */ var _stores_s3_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9714);
/* harmony import */ var _stores_s3_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9164);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3045);












/** A conditional write lost: the object is not what the writer expected. */
class PreconditionFailed extends Error {
    constructor(message) {
        super(message);
        this.name = 'PreconditionFailed';
    }
}
/** What each state location's store answered to the probe, for the rest of the run. */
const conditionalWriteSupport = new Map();
const digest = (body) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex');
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
        this.location = `local:${repoPath && (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_7__/* .isInside */ .FK)(repoPath, file) ? (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_7__/* .toPosixRelative */ .T0)(repoPath, file) : file}`;
    }
    pathOf(object) {
        return object === 'state' ? this.file : `${this.file}.lock`;
    }
    async get(object) {
        try {
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(this.pathOf(object), 'r');
            let body;
            try {
                body = await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_6__/* .readOpenedText */ .$O)(handle, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .READ_LIMITS */ .Cl.state, this.pathOf(object));
            }
            finally {
                await handle.close();
            }
            if (body === undefined)
                throw new Error('not a regular file');
            return { body, version: digest(body) };
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return undefined;
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OversizedError */ .wF)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .StateError */ .qq(`The state ${error.message}: it is not read.`, { cause: error });
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .StateError */ .qq(`Cannot read ${this.pathOf(object)}: ${error.message}`, { cause: error });
        }
    }
    async put(object, body, condition) {
        const target = this.pathOf(object);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_4___default().dirname(target), { recursive: true });
        if (condition.ifNoneMatch) {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(target, body, { flag: 'wx' });
                return digest(body);
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
        const temp = `${target}.tmp-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, body);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, target);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        }
        return digest(body);
    }
    async remove(object) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(this.pathOf(object), { force: true });
    }
    close() { }
}
/**
 * The state as an S3 object. Writes are conditional (If-Match / If-None-Match), and because some
 * S3-compatible servers ignore those headers, callers also read back what they wrote.
 */
class S3StateStorage {
    bucket;
    key;
    settings;
    description;
    location;
    client;
    constructor(bucket, key, settings) {
        this.bucket = bucket;
        this.key = key;
        this.settings = settings;
        this.location = `s3://${bucket}/${key}`;
        this.description = `${this.location}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`;
        this.client = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__.S3Client((0,_stores_s3_js__WEBPACK_IMPORTED_MODULE_8__/* .clientConfig */ .yO)(settings, 2));
        (0,_stores_s3_js__WEBPACK_IMPORTED_MODULE_8__/* .addErrorBodyMiddleware */ .QO)(this.client);
    }
    keyOf(object) {
        return object === 'state' ? this.key : `${this.key}.lock`;
    }
    fail(operation, object, error) {
        const described = (0,_stores_s3_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .describeS3Error */ .ye)(error, {
            operation,
            bucket: this.bucket,
            key: this.keyOf(object),
            endpoint: this.settings.endpoint,
            region: this.settings.region
        });
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .StateError */ .qq(`State backend: ${described.message}`, { cause: error });
    }
    checked;
    async get(object) {
        await (this.checked ??= (0,_stores_s3_js__WEBPACK_IMPORTED_MODULE_8__/* .checkCredentials */ .vG)(this.client, this.settings));
        try {
            const response = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__.GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(object) }));
            if ((0,_stores_s3_js__WEBPACK_IMPORTED_MODULE_8__/* .notS3Answer */ ._R)(response)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .StateError */ .qq(`State backend: ${this.settings.endpoint ?? 'the S3 endpoint'} answered GetObject on s3://${this.bucket}/${this.keyOf(object)} with a web page (HTTP 200, ${response.ContentType}): ` +
                    `that is not an S3 server speaking. Check the endpoint of the state backend.`);
            }
            const body = (await (0,_util_capped_read_js__WEBPACK_IMPORTED_MODULE_6__/* .readCapped */ .EF)(response.Body, _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .READ_LIMITS */ .Cl.state, response.ContentLength, this.description)).toString('utf8');
            return { body, version: response.ETag ?? digest(body) };
        }
        catch (error) {
            if ((0,_stores_s3_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .isNotFound */ .c4)(error))
                return undefined;
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OversizedError */ .wF)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .StateError */ .qq(`The state ${error.message}: it is not read.`, { cause: error });
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .StateError */ .qq)
                throw error;
            this.fail('GetObject', object, error);
        }
    }
    async put(object, body, condition) {
        const input = {
            Bucket: this.bucket,
            Key: this.keyOf(object),
            Body: body,
            ContentType: object === 'state' ? 'application/yaml' : 'application/json'
        };
        if (condition.ifNoneMatch)
            input.IfNoneMatch = '*';
        if (condition.ifMatch)
            input.IfMatch = condition.ifMatch;
        try {
            const response = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__.PutObjectCommand(input));
            return response.ETag ?? digest(body);
        }
        catch (error) {
            const name = error.name;
            const status = error.$metadata?.httpStatusCode;
            if (name === 'PreconditionFailed' || status === 412 || name === 'ConditionalRequestConflict' || status === 409) {
                throw new PreconditionFailed(`s3://${this.bucket}/${this.keyOf(object)} changed since it was read.`);
            }
            this.fail('PutObject', object, error);
        }
    }
    async remove(object) {
        try {
            await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__.DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(object) }));
        }
        catch (error) {
            this.fail('DeleteObject', object, error);
        }
    }
    /**
     * Creates a probe object beside the lock, then creates it again with If-None-Match: * — which a store that
     * honours conditional writes refuses (412). The probe is removed either way.
     */
    honoursConditionalWrites() {
        const known = conditionalWriteSupport.get(this.location);
        if (known)
            return known;
        const probe = async () => {
            const key = `${this.key}.probe-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
            const put = () => this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__.PutObjectCommand({ Bucket: this.bucket, Key: key, Body: 'probe', ContentType: 'text/plain', IfNoneMatch: '*' }));
            try {
                await put();
                try {
                    await put();
                    return false;
                }
                catch (error) {
                    const status = error.$metadata?.httpStatusCode;
                    if (status === 412 || status === 409)
                        return true;
                    throw error;
                }
            }
            catch (error) {
                this.fail('PutObject', 'lock', error);
            }
            finally {
                await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__.DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(() => undefined);
            }
        };
        const answer = probe();
        conditionalWriteSupport.set(this.location, answer);
        return answer;
    }
    close() {
        this.client.destroy();
    }
}
/** The storage the config names; S3 credentials and endpoint defaults come from the action's store inputs. */
function stateStorageFor(config, store, repoPath) {
    if (config.kind === 'local')
        return new LocalStateStorage(config.file, repoPath);
    return new S3StateStorage(config.bucket, config.key, (0,_settings_values_js__WEBPACK_IMPORTED_MODULE_5__/* .deriveS3Settings */ .LX)(store, config));
}


/***/ })

};

//# sourceMappingURL=949.index.js.map