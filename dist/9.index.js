export const id = 9;
export const ids = [9,45,949];
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
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3711);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8422);
/* harmony import */ var _stores_s3_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9714);
/* harmony import */ var _stores_s3_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9164);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3045);








/** A conditional write lost: the object is not what the writer expected. */
class PreconditionFailed extends Error {
    constructor(message) {
        super(message);
        this.name = 'PreconditionFailed';
    }
}
const digest = (body) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex');
/** A state file on disk: temp file + rename; the lock is an exclusive create. */
class LocalStateStorage {
    file;
    description;
    constructor(file) {
        this.file = file;
        this.description = `local file ${file}`;
    }
    pathOf(object) {
        return object === 'state' ? this.file : `${this.file}.lock`;
    }
    async get(object) {
        try {
            const body = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(this.pathOf(object), 'utf8');
            return { body, version: digest(body) };
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return undefined;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .StateError */ .qq(`Cannot read ${this.pathOf(object)}: ${error.message}`, { cause: error });
        }
    }
    async put(object, body, condition) {
        const target = this.pathOf(object);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(target), { recursive: true });
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
    client;
    constructor(bucket, key, settings) {
        this.bucket = bucket;
        this.key = key;
        this.settings = settings;
        this.description = `s3://${bucket}/${key}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`;
        this.client = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_7__.S3Client((0,_stores_s3_js__WEBPACK_IMPORTED_MODULE_4__/* .clientConfig */ .yO)(settings, 2));
    }
    keyOf(object) {
        return object === 'state' ? this.key : `${this.key}.lock`;
    }
    fail(operation, object, error) {
        const described = (0,_stores_s3_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .describeS3Error */ .y)(error, {
            operation,
            bucket: this.bucket,
            key: this.keyOf(object),
            endpoint: this.settings.endpoint,
            region: this.settings.region
        });
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .StateError */ .qq(`State backend: ${described.message}`, { cause: error });
    }
    checked;
    async get(object) {
        await (this.checked ??= (0,_stores_s3_js__WEBPACK_IMPORTED_MODULE_4__/* .checkCredentials */ .vG)(this.client, this.settings));
        try {
            const response = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_7__.GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(object) }));
            const body = (await response.Body?.transformToString('utf-8')) ?? '';
            return { body, version: response.ETag ?? digest(body) };
        }
        catch (error) {
            if ((0,_stores_s3_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .isNotFound */ .c)(error))
                return undefined;
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
            const response = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_7__.PutObjectCommand(input));
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
            await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_7__.DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(object) }));
        }
        catch (error) {
            this.fail('DeleteObject', object, error);
        }
    }
    close() {
        this.client.destroy();
    }
}
/** The storage the config names; S3 credentials and endpoint defaults come from the action's store inputs. */
function stateStorageFor(config, store) {
    if (config.kind === 'local')
        return new LocalStateStorage(config.file);
    return new S3StateStorage(config.bucket, config.key, (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .deriveS3Settings */ .LX)(store, config));
}


/***/ }),

/***/ 1009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iK: () => (/* binding */ StateFile),
/* harmony export */   parseState: () => (/* binding */ parseState)
/* harmony export */ });
/* unused harmony exports STATE_SCHEMA_VERSION, stateKey, serializeState, stateTrustProblem */
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3045);
/* harmony import */ var _sets_signing_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3330);
/* harmony import */ var _state_storage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3949);




const STATE_SCHEMA_VERSION = 1;
function stateKey(name, instanceID) {
    return `${name}_${instanceID}`;
}
const dump = (document) => js_yaml__WEBPACK_IMPORTED_MODULE_0__/* ["default"].dump */ .Ay.dump(document, { noRefs: true, sortKeys: false, lineWidth: -1 });
/** The state as YAML; with a signing key, a top-level `signature` over the rest (as the file reads back). */
function serializeState(state, signing = _sets_signing_js__WEBPACK_IMPORTED_MODULE_2__/* .NO_KEYS */ .vu) {
    const document = { schemaVersion: STATE_SCHEMA_VERSION, serial: state.serial };
    for (const [key, entry] of [...state.resources].sort(([a], [b]) => (a < b ? -1 : 1)))
        document[key] = entry;
    if (signing.keys.length === 0)
        return dump(document);
    // Signed over what a reader parses, so YAML's own typing of values cannot make a valid file fail to verify.
    const signature = (0,_sets_signing_js__WEBPACK_IMPORTED_MODULE_2__/* .signatureFor */ .O4)(js_yaml__WEBPACK_IMPORTED_MODULE_0__/* ["default"].load */ .Ay.load(dump(document)), signing);
    return dump({ signature, ...document });
}
/** Why a state document does not verify under `signing`, or undefined when it does (or no key is set). */
function stateTrustProblem(text, signing) {
    if (signing.keys.length === 0)
        return undefined;
    const document = js_yaml__WEBPACK_IMPORTED_MODULE_0__/* ["default"].load */ .Ay.load(text);
    if (document === null || document === undefined)
        return undefined; // an empty state holds nothing to forge
    if (typeof document !== 'object' || Array.isArray(document))
        return 'not a YAML map';
    return (0,_sets_signing_js__WEBPACK_IMPORTED_MODULE_2__/* .verifyDocument */ .kR)(document, signing);
}
/**
 * One entry, as this action or dtm wrote it: dtm v0.6 wrote lowercase keys (`instanceid`, `dependson`,
 * `resource`), later versions `resourceStatus`, and dtm copies `instanceID` into `options`, which we drop
 * so that an unchanged tool plans no Update.
 */
function parseEntry(value, key, where) {
    const entry = (value ?? {});
    const name = entry.name;
    const instanceID = entry.instanceID ?? entry.instanceid;
    if (typeof entry !== 'object' || typeof name !== 'string' || typeof instanceID !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .StateError */ .qq(`The state ${where} has an entry '${key}' without name and instanceID.`);
    }
    const dependsOn = entry.dependsOn ?? entry.dependson;
    const options = { ...(entry.options ?? {}) };
    if (options.instanceID === instanceID)
        delete options.instanceID;
    const status = (entry.resourceStatus ?? entry.resource);
    return {
        name,
        instanceID,
        dependsOn: Array.isArray(dependsOn) ? dependsOn.map(String) : [],
        options,
        resourceStatus: { outputs: status?.outputs ?? {} }
    };
}
/** Parses a state file; anything that is not a state we can read is an error, never "empty". */
function parseState(text, where) {
    let document;
    try {
        document = js_yaml__WEBPACK_IMPORTED_MODULE_0__/* ["default"].load */ .Ay.load(text);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .StateError */ .qq(`The state ${where} is not valid YAML (${error.message}); fix or restore it — it is not treated as empty.`);
    }
    // dtm leaves an empty file after deleting everything: that is an empty state, not a broken one.
    if (document === null || document === undefined)
        return { serial: 0, resources: new Map() };
    if (typeof document !== 'object' || Array.isArray(document))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .StateError */ .qq(`The state ${where} is not a YAML map.`);
    const record = document;
    const version = record.schemaVersion ?? STATE_SCHEMA_VERSION;
    if (version !== STATE_SCHEMA_VERSION) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .StateError */ .qq(`The state ${where} has schemaVersion ${JSON.stringify(version)}; this action reads version ${STATE_SCHEMA_VERSION}.`);
    }
    const resources = new Map();
    for (const [key, value] of Object.entries(record)) {
        if (key === 'schemaVersion' || key === 'serial' || key === _sets_signing_js__WEBPACK_IMPORTED_MODULE_2__/* .SIGNATURE_FIELD */ .kA)
            continue;
        resources.set(key, parseEntry(value, key, where));
    }
    return { serial: typeof record.serial === 'number' ? record.serial : 0, resources };
}
/**
 * Reads and writes the state through its storage with compare-and-swap: every write names the version it
 * read, and the result is read back, so a concurrent writer is detected even on servers that ignore
 * conditional headers.
 */
class StateFile {
    storage;
    signing;
    resign;
    version;
    current = { serial: 0, resources: new Map() };
    /** Set when the loaded state did not verify and `resign` accepted it: the next save signs it. */
    untrustedLoaded;
    constructor(storage, signing = _sets_signing_js__WEBPACK_IMPORTED_MODULE_2__/* .NO_KEYS */ .vu, resign = false) {
        this.storage = storage;
        this.signing = signing;
        this.resign = resign;
    }
    get state() {
        return this.current;
    }
    async load() {
        const stored = await this.storage.get('state');
        this.version = stored?.version;
        this.current = stored ? parseState(stored.body, this.storage.description) : { serial: 0, resources: new Map() };
        const problem = stored ? stateTrustProblem(stored.body, this.signing) : undefined;
        if (problem && !this.resign) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .StateError */ .qq(`The state ${this.storage.description} is ${problem} (signing-key is set), so it is not used: someone other than this ` +
                `workflow may have written it. Check its content (or restore a good copy); to accept it as it is and sign it with the ` +
                `current key, run apply once with 'resign-state: true'.`);
        }
        this.untrustedLoaded = problem;
        return this.current;
    }
    /** Saves `resources` as the next serial. */
    async save(resources) {
        const next = { serial: this.current.serial + 1, resources };
        const body = serializeState(next, this.signing);
        const conflict = () => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .StateError */ .qq(`The state ${this.storage.description} was changed by someone else while this run held the lock; nothing more was written. Re-run apply.`);
        try {
            this.version = await this.storage.put('state', body, this.version === undefined ? { ifNoneMatch: true } : { ifMatch: this.version });
        }
        catch (error) {
            if (error instanceof _state_storage_js__WEBPACK_IMPORTED_MODULE_3__/* .PreconditionFailed */ .OJ)
                throw conflict();
            throw error;
        }
        const readBack = await this.storage.get('state');
        if (readBack?.body !== body)
            throw conflict();
        this.version = readBack.version;
        this.current = next;
    }
}


/***/ })

};

//# sourceMappingURL=9.index.js.map