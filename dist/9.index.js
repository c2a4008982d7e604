export const id = 9;
export const ids = [9];
export const modules = {

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