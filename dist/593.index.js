"use strict";
exports.id = 593;
exports.ids = [593];
exports.modules = {

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


/***/ }),

/***/ 12593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iK: () => (/* binding */ StateFile),
  parseState: () => (/* binding */ parseState)
});

// UNUSED EXPORTS: STATE_SCHEMA_VERSION, serializeState, stateKey, stateTrustProblem

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/apply/errors.ts
var errors = __webpack_require__(73045);
// EXTERNAL MODULE: ./src/sets/signing.ts
var sets_signing = __webpack_require__(63330);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/util/capped-read.ts
var capped_read = __webpack_require__(48724);
;// CONCATENATED MODULE: ./src/apply/serial-marks.ts






/** A marks file holds one line per state location: far below this. A larger one is not read. */
const MARKS_LIMIT = 1024 * 1024;
/** A serial as states and marks may hold it: a whole number from 0 up. */
function isSerial(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
/**
 * The highest state serial this machine has seen at each state location. A signed state can be replayed
 * whole (an older copy put back in place of the newer one): its signature still verifies, so only a
 * memory of what was seen can tell. This machine is the only place such a memory is out of an attacker's
 * reach, so it holds here: across runs on one self-hosted runner or workstation, and within a job on a
 * GitHub-hosted runner (which starts empty). The README's threat model says what closes the rest.
 *
 * Only whole numbers count: a mark such as `1e999` (Infinity) would make every state look replayed, and
 * re-signing past it would leave a serial no later run could ever exceed. Such a mark is refused.
 */
class SerialMarks {
    file;
    constructor(file = defaultMarksFile()) {
        this.file = file;
    }
    async read() {
        const bytes = await (0,capped_read/* readRunnerFile */.Lh)(this.file, MARKS_LIMIT);
        try {
            const data = bytes ? JSON.parse(bytes.toString('utf8')) : {};
            return data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
        }
        catch {
            return {};
        }
    }
    /** The mark for `location`; a mark that is not a whole number is a StateError naming the file. */
    async highest(location) {
        const value = (await this.read())[location];
        if (value === undefined)
            return undefined;
        if (!isSerial(value)) {
            throw new errors/* StateError */.qq(`The serial mark for ${location} in ${this.file} is ${JSON.stringify(value)}, not a whole number: this action never writes that, ` +
                `so someone who can write that file did. Remove that entry (or the file) after checking who can write it; the state itself was not used.`);
        }
        return value;
    }
    /** Records `serial` when it is higher than the mark; a failure to write only loses the memory. */
    async record(location, serial) {
        if (!isSerial(serial))
            return;
        const marks = await this.read();
        const mark = marks[location];
        if (isSerial(mark) && mark >= serial)
            return;
        marks[location] = serial;
        const temp = `${this.file}.tmp-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        try {
            await (0,promises_.mkdir)(external_node_path_default().dirname(this.file), { recursive: true });
            await (0,promises_.writeFile)(temp, `${JSON.stringify(marks, null, 2)}\n`);
            await (0,promises_.rename)(temp, this.file);
        }
        catch {
            await (0,promises_.rm)(temp, { force: true });
        }
    }
}
/** The runner's tool cache (it outlives jobs on self-hosted runners), else the user's state directory. */
function defaultMarksFile(env = process.env) {
    const base = env.RUNNER_TOOL_CACHE || env.XDG_STATE_HOME || external_node_path_default().join((0,external_node_os_.homedir)(), '.local', 'state');
    return external_node_path_default().join(base, 's3-asset-manager', 'state-serials.json');
}

// EXTERNAL MODULE: ./src/apply/state-storage.ts
var state_storage = __webpack_require__(63949);
;// CONCATENATED MODULE: ./src/apply/state.ts





const STATE_SCHEMA_VERSION = 1;
function stateKey(name, instanceID) {
    return `${name}_${instanceID}`;
}
const dump = (document) => js_yaml/* default.dump */.Ay.dump(document, { noRefs: true, sortKeys: false, lineWidth: -1 });
/**
 * The state as YAML; with a signing key, a top-level `signature` over the rest (as the file reads back), and
 * the `location` it is written to (an S3 state's `s3://bucket/key`), so a signed state copied elsewhere is refused.
 */
function serializeState(state, signing = sets_signing/* NO_KEYS */.vu, location) {
    const signs = signing.keys.length > 0 && signing.sign !== false;
    const document = { schemaVersion: STATE_SCHEMA_VERSION, serial: state.serial };
    if (location && signs)
        document.location = location;
    for (const [key, entry] of [...state.resources].sort(([a], [b]) => (a < b ? -1 : 1)))
        document[key] = entry;
    if (!signs)
        return dump(document);
    // Signed over what a reader parses, so YAML's own typing of values cannot make a valid file fail to verify.
    const signature = (0,sets_signing/* signatureFor */.O4)(js_yaml/* default.load */.Ay.load(dump(document)), signing);
    return dump({ signature, ...document });
}
/** Why a state document does not verify under `signing` at `location`, or undefined when it does (or no key is set). */
function stateTrustProblem(text, signing, location) {
    if (signing.keys.length === 0)
        return undefined;
    const document = js_yaml/* default.load */.Ay.load(text);
    if (document === null || document === undefined)
        return undefined; // an empty state holds nothing to forge
    if (typeof document !== 'object' || Array.isArray(document))
        return 'not a YAML map';
    const problem = (0,sets_signing/* verifyDocument */.kR)(document, signing);
    if (problem)
        return problem;
    // States signed before locations were signed carry none: accepted, and bound on their next save.
    const signedFor = document.location;
    if (location && signedFor !== undefined && signedFor !== location)
        return `signed for another location (${String(signedFor)})`;
    return undefined;
}
/**
 * Refuses YAML aliases: neither this action nor dtm writes them, and a few nested aliases (a "billion laughs")
 * expand to more nodes than memory holds once anything walks the document.
 */
function refuseAliases(document, where) {
    const seen = new Set();
    const visit = (node) => {
        if (node === null || typeof node !== 'object')
            return;
        if (seen.has(node))
            throw new errors/* StateError */.qq(`The state ${where} uses YAML anchors or aliases, which no state writer produces; it is not used.`);
        seen.add(node);
        for (const child of Object.values(node))
            visit(child);
    };
    visit(document);
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
        throw new errors/* StateError */.qq(`The state ${where} has an entry '${key}' without name and instanceID.`);
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
        document = js_yaml/* default.load */.Ay.load(text);
    }
    catch (error) {
        throw new errors/* StateError */.qq(`The state ${where} is not valid YAML (${error.message}); fix or restore it \u2014 it is not treated as empty.`);
    }
    // dtm leaves an empty file after deleting everything: that is an empty state, not a broken one.
    if (document === null || document === undefined)
        return { serial: 0, resources: new Map() };
    refuseAliases(document, where);
    if (typeof document !== 'object' || Array.isArray(document))
        throw new errors/* StateError */.qq(`The state ${where} is not a YAML map.`);
    const record = document;
    const version = record.schemaVersion ?? STATE_SCHEMA_VERSION;
    if (version !== STATE_SCHEMA_VERSION) {
        throw new errors/* StateError */.qq(`The state ${where} has schemaVersion ${JSON.stringify(version)}; this action reads version ${STATE_SCHEMA_VERSION}.`);
    }
    const resources = new Map();
    for (const [key, value] of Object.entries(record)) {
        if (key === 'schemaVersion' || key === 'serial' || key === 'location' || key === sets_signing/* SIGNATURE_FIELD */.kA)
            continue;
        resources.set(key, parseEntry(value, key, where));
    }
    if (record.serial !== undefined && !isSerial(record.serial)) {
        throw new errors/* StateError */.qq(`The state ${where} has serial ${JSON.stringify(record.serial)}, not a whole number from 0 up: neither this action nor dtm writes that. ` +
            `Restore a good copy of the state (your bucket's object versions, or the last one this workflow wrote); it was not used.`);
    }
    return { serial: isSerial(record.serial) ? record.serial : 0, resources };
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
    marks;
    version;
    current = { serial: 0, resources: new Map() };
    /** Set when the loaded state did not verify and `resign` accepted it: the next save signs it. */
    untrustedLoaded;
    constructor(storage, signing = sets_signing/* NO_KEYS */.vu, resign = false, marks = new SerialMarks()) {
        this.storage = storage;
        this.signing = signing;
        this.resign = resign;
        this.marks = marks;
    }
    /** The key of this state's serial mark. */
    get markKey() {
        return this.storage.location ?? this.storage.description;
    }
    get state() {
        return this.current;
    }
    async load() {
        const stored = await this.storage.get('state');
        this.version = stored?.version;
        this.current = stored ? parseState(stored.body, this.storage.description) : { serial: 0, resources: new Map() };
        let problem = stored ? stateTrustProblem(stored.body, this.signing, this.storage.location) : undefined;
        const seen = this.signing.keys.length > 0 ? await this.marks.highest(this.markKey) : undefined;
        if (!problem && seen !== undefined && this.current.serial < seen) {
            problem = `at serial ${this.current.serial}, older than serial ${seen} this machine already saw there (an older signed copy put back?)`;
        }
        if (problem && !this.resign) {
            throw new errors/* StateError */.qq(`The state ${this.storage.description} is ${problem} (signing-key is set), so it is not used: someone other than this ` +
                `workflow may have written it. Check its content (or restore a good copy); to accept it as it is and sign it with the ` +
                `current key, run apply once with 'resign-state: true'.`);
        }
        this.untrustedLoaded = problem;
        if (this.signing.keys.length > 0 && !problem)
            await this.marks.record(this.markKey, this.current.serial);
        return this.current;
    }
    /** Saves `resources` as the next serial. */
    async save(resources) {
        // After a replayed (older) state was accepted with resign-state, the serial still moves past the newest seen.
        const floor = this.signing.keys.length > 0 ? ((await this.marks.highest(this.markKey)) ?? 0) : 0;
        const next = { serial: Math.max(this.current.serial, floor) + 1, resources };
        const body = serializeState(next, this.signing, this.storage.location);
        const conflict = () => new errors/* StateError */.qq(`The state ${this.storage.description} was changed by someone else while this run held the lock; nothing more was written. Re-run apply.`);
        try {
            this.version = await this.storage.put('state', body, this.version === undefined ? { ifNoneMatch: true } : { ifMatch: this.version });
        }
        catch (error) {
            if (error instanceof state_storage/* PreconditionFailed */.OJ)
                throw conflict();
            throw error;
        }
        const readBack = await this.storage.get('state');
        if (readBack?.body !== body)
            throw conflict();
        this.version = readBack.version;
        this.current = next;
        if (this.signing.keys.length > 0)
            await this.marks.record(this.markKey, next.serial);
    }
}


/***/ })

};
;
//# sourceMappingURL=593.index.js.map