"use strict";
exports.id = 100;
exports.ids = [100,736];
exports.modules = {

/***/ 45719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ActionsCacheSets: () => (/* binding */ ActionsCacheSets)
/* harmony export */ });
/* unused harmony exports STAGE, commitKey, codeHashKey */
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49640);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74813);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(24964);
/* harmony import */ var _stores_local_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(10801);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(47102);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(99640);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(73267);
/* harmony import */ var _package_files_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(54355);
/* harmony import */ var _signing_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(63330);
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(89587);














/**
 * The staging directory every entry is saved from and restored into, inside the stage root (RUNNER_TEMP when
 * the runner sets it, so nothing is written into the workspace; else the working directory).
 *
 * An entry's version is a hash of the path strings handed to @actions/cache, and its tar holds paths relative
 * to GITHUB_WORKSPACE. Handing it an absolute path under RUNNER_TEMP would make the version differ between
 * runners whose work folders differ (self-hosted fleets, container jobs) and the tar paths climb out of the
 * workspace. So every call runs with the stage root as both working directory and GITHUB_WORKSPACE and names
 * the stage by this one relative string: the version and the tar layout are the same on every runner, and the
 * same as entries saved before the stage moved out of the workspace.
 */
const STAGE = _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .CACHE_STAGE */ .y;
const POINTER = '.pointer.json';
const commitKey = (prefix, commit) => (0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .cacheEntryKey */ .sQ)(prefix, 'artifacts', commit);
const codeHashKey = (prefix, codeHash) => (0,_layout_js__WEBPACK_IMPORTED_MODULE_9__/* .cacheEntryKey */ .sQ)(prefix, 'cache', codeHash);
/**
 * Asset sets in the GitHub Actions cache, through @actions/cache. An entry is immutable, so saving it is
 * the completion record. The service has no server-side copy: a code-hash hit is recorded under the
 * commit's key by a small entry that names the code-hash entry. A save the token may not make (pull requests
 * from forks get a read-only cache) or one that is rate-limited is a warning from @actions/cache, not a failure.
 * With a signing key a lookup alone proves nothing, so a hit is restored and its manifest verified first.
 */
class ActionsCacheSets {
    policy;
    root;
    stage;
    /** Commit entry \u2192 the code-hash entry a hit was found in, when the commit's own entry is another key's. */
    hits = new Map();
    constructor(policy) {
        this.policy = policy;
        this.root = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(process.env.RUNNER_TEMP || '.');
        this.stage = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.root, STAGE);
    }
    /** Runs a cache call with the stage root as working directory and workspace (see STAGE for why). */
    async inStageRoot(call) {
        const cwd = process.cwd();
        const workspace = process.env.GITHUB_WORKSPACE;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(this.root, { recursive: true });
        process.chdir(this.root);
        process.env.GITHUB_WORKSPACE = this.root;
        try {
            return await call();
        }
        finally {
            process.chdir(cwd);
            if (workspace === undefined)
                delete process.env.GITHUB_WORKSPACE;
            else
                process.env.GITHUB_WORKSPACE = workspace;
        }
    }
    get verifying() {
        return this.policy.signing.keys.length > 0;
    }
    location(prefix, commit) {
        return `actions-cache://${commitKey(prefix, commit)}`;
    }
    async exists(key) {
        return (await this.inStageRoot(() => _actions_cache__WEBPACK_IMPORTED_MODULE_0__.restoreCache([STAGE], key, [], { lookupOnly: true }))) === key;
    }
    async clearStage() {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.stage, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(this.stage, { recursive: true });
    }
    /** Saves the stage as `key`: 'saved', or 'existing' when another job (or an earlier run) saved the key first. */
    async save(key) {
        try {
            const id = await this.inStageRoot(() => _actions_cache__WEBPACK_IMPORTED_MODULE_0__.saveCache([STAGE], key));
            if (id !== -1)
                return 'saved';
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .StoreError */ .AD(`Saving the cache entry ${key} failed: ${error.message}`, { cause: error });
        }
        // @actions/cache reports every refused save as -1, after its own message. Entries are immutable, so one that
        // exists (another job, or an earlier run of this one, saved the key first) is as good as saving it \u2014 runs at
        // once never mix there; anything else is worth a warning.
        if (await this.exists(key)) {
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`The cache entry ${key} already exists: keeping it.`);
            return 'existing';
        }
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`The cache entry ${key} was not saved (see the cache messages above).`);
        return 'refused';
    }
    async restore(key) {
        await this.clearStage();
        if ((await this.inStageRoot(() => _actions_cache__WEBPACK_IMPORTED_MODULE_0__.restoreCache([STAGE], key, []))) !== key) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .StoreError */ .AD(`The cache entry ${key} could not be restored (it may have been evicted); run check again to rebuild.`);
        }
    }
    /** Warns about an entry this run does not trust; returns undefined so callers treat it as missing. */
    distrust(key, why) {
        _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Not trusting the cache entry ${key}: ${why}. Treating it as missing.`);
        return undefined;
    }
    /** A file of the restored stage, read as the local store reads (size-capped, no symlink followed); undefined when absent. */
    async stageText(name, key) {
        try {
            return await new _stores_local_js__WEBPACK_IMPORTED_MODULE_7__/* .LocalStore */ .V(this.stage).readText(name, _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .READ_LIMITS */ .Cl.manifest);
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .StoreError */ .AD)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`the cache entry ${key}: ${error.message}`);
            throw error;
        }
    }
    /**
     * Restores `key` (following one pointer) into the stage and returns its manifest when it can be used: well
     * formed and, with a signing key, signed (checked over the raw bytes first) for this entry key, commit or
     * code hash. Anything else is a warning and undefined, so callers treat it as missing.
     */
    async restoreTrusted(key, owner, followPointer = true) {
        await this.restore(key);
        let pointerText;
        let manifestText;
        try {
            pointerText = await this.stageText(POINTER, key);
            manifestText = pointerText === undefined ? await this.stageText(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_NAME */ .ir, key) : undefined;
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs)
                return this.distrust(key, error.message);
            throw error;
        }
        if (pointerText !== undefined) {
            if (!followPointer)
                return this.distrust(key, 'it is a pointer to another pointer');
            const problem = (0,_signing_js__WEBPACK_IMPORTED_MODULE_11__/* .verifyStoredText */ .y2)(pointerText, this.policy.signing);
            if (problem)
                return this.distrust(key, `its pointer is ${problem}`);
            let pointer;
            try {
                pointer = JSON.parse(pointerText);
            }
            catch {
                return this.distrust(key, 'its pointer is not valid JSON');
            }
            if (typeof pointer.entry !== 'string' || typeof pointer.codeHash !== 'string')
                return this.distrust(key, 'its pointer is malformed');
            if (this.verifying && (pointer.commit !== owner.commit || pointer.location !== key)) {
                return this.distrust(key, `its pointer was signed for ${pointer.location ?? 'no location'} (commit ${String(pointer.commit)})`);
            }
            return this.restoreTrusted(pointer.entry, { codeHash: pointer.codeHash }, false);
        }
        if (manifestText === undefined)
            return this.distrust(key, `it holds no ${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_NAME */ .ir}`);
        const usable = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .usableManifest */ .kP)(manifestText, this.policy.signing, { location: key, shown: (location) => location, owner });
        return 'manifest' in usable ? usable.manifest : this.distrust(key, `its manifest ${usable.problem}`);
    }
    /**
     * Whether `key` holds a set this run may use: a lookup without a key; with one, a restore, verification and
     * the platform it was built on (without a key nothing is restored: the cache service itself keeps Windows
     * entries apart from the others, as actions/cache does).
     */
    async usable(key, owner, platform) {
        if (!(await this.exists(key)))
            return 'no';
        if (!this.verifying)
            return 'yes';
        try {
            const manifest = await this.restoreTrusted(key, owner);
            if (!manifest)
                return 'untrusted';
            const other = platform && (0,_platform_js__WEBPACK_IMPORTED_MODULE_13__/* .otherPlatform */ .c_)(manifest, platform);
            if (!other)
                return 'yes';
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Not using the cache entry ${key}: ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_13__/* .otherPlatformAdvice */ .cq)(other, platform.platform)}.`);
            return 'elsewhere';
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.stage, { recursive: true, force: true });
        }
    }
    /**
     * The key the commit's entry was stored under: its pointer's code hash, or its manifest's. Restores the
     * entry (a pointer is a few hundred bytes; an entry holding files is read whole, which only happens when the
     * commit's entry was saved without the shared tier). Undefined when it cannot be read or trusted.
     */
    async keyOfEntry(key, commit) {
        try {
            await this.restore(key);
            const pointerText = await this.stageText(POINTER, key);
            if (pointerText !== undefined) {
                if ((0,_signing_js__WEBPACK_IMPORTED_MODULE_11__/* .verifyStoredText */ .y2)(pointerText, this.policy.signing))
                    return undefined;
                const pointer = JSON.parse(pointerText);
                return typeof pointer.codeHash === 'string' ? pointer.codeHash : undefined;
            }
            const text = await this.stageText(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_NAME */ .ir, key);
            const usable = text === undefined ? undefined : (0,_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .usableManifest */ .kP)(text, this.policy.signing, { location: key, shown: (l) => l, owner: { commit } });
            return usable && 'manifest' in usable ? usable.manifest.codeHash : undefined;
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs || error instanceof SyntaxError)
                return undefined;
            throw error;
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.stage, { recursive: true, force: true });
        }
    }
    async findOrPromote(request) {
        let untrusted = 0;
        const entry = commitKey(request.prefix, request.commit);
        // With the code-hash tier on, the key decides a hit on both tiers (computed while the commit's entry is looked up).
        const keyOfThisRun = request.codeHash?.();
        keyOfThisRun?.catch(() => undefined);
        const commit = await this.usable(entry, { commit: request.commit }, request);
        if (commit === 'untrusted')
            untrusted++;
        if (!keyOfThisRun)
            return commit === 'yes' ? { found: true, source: 'commit', codeHash: '', untrusted } : { found: false, codeHash: '', untrusted };
        const codeHash = (await keyOfThisRun).key;
        let otherKey;
        if (commit === 'yes') {
            const stored = await this.keyOfEntry(entry, request.commit);
            if (stored === undefined || stored === '' || stored === codeHash)
                return { found: true, source: 'commit', codeHash, untrusted };
            otherKey = {
                line: `the entry stored for this commit was built under another key (${stored.slice(0, 12)}\u2026, this run's is ${codeHash.slice(0, 12)}\u2026)`
            };
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Not using the cache entry ${entry}: ${otherKey.line}.`);
        }
        const cached = codeHashKey(request.prefix, codeHash);
        const hit = await this.usable(cached, { codeHash }, request);
        if (hit === 'untrusted')
            untrusted++;
        if (hit !== 'yes') {
            // The service has no listing to compare with an earlier build: a miss can only say which key missed.
            const line = hit === 'elsewhere' ? 'the stored entry was built on another platform' : `no cache entry for key ${codeHash.slice(0, 12)}\u2026`;
            return { found: false, codeHash, untrusted, missReason: otherKey ?? { line } };
        }
        // Entries are immutable: a commit entry of another key stays, and this run's download reads the key's entry.
        this.hits.set(entry, cached);
        if (commit !== 'yes')
            await this.savePointer(entry, { entry: cached, codeHash, commit: request.commit });
        return { found: true, source: 'cache', codeHash, untrusted };
    }
    async savePointer(key, pointer) {
        await this.clearStage();
        const located = { ...pointer, location: key };
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.stage, POINTER), (0,_signing_js__WEBPACK_IMPORTED_MODULE_11__/* .storedText */ .VS)(located, this.policy.signing));
        const saved = await this.save(key);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.stage, { recursive: true, force: true });
        return saved;
    }
    /** With `key` (the code-hash tier on), the commit's entry counts only when it is that key's, or the key's own entry is there. */
    async stored(prefix, commit, key) {
        const entry = commitKey(prefix, commit);
        if ((await this.usable(entry, { commit })) !== 'yes')
            return undefined;
        if (!key)
            return 'stored';
        const stored = await this.keyOfEntry(entry, commit);
        if (stored === undefined || stored === '' || stored === key)
            return 'stored';
        return (await this.usable(codeHashKey(prefix, key), { codeHash: key })) === 'yes' ? 'stored' : undefined;
    }
    async publish(request) {
        if (request.packBelow || request.packCompression === 'none')
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq('pack-below and pack-compression have no effect on the actions-cache backend: each entry is one archive already.');
        const files = await (0,_package_files_js__WEBPACK_IMPORTED_MODULE_10__.listPackageFiles)(request.directory, { warnOfLeftovers: true });
        await this.clearStage();
        const entries = [];
        for (const file of files) {
            const target = (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_6__/* .fromPosixRelative */ .yK)(this.stage, file.relative);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), { recursive: true });
            const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file.absolute);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(target, bytes);
            entries.push({ path: file.relative, size: bytes.length, sha256: (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_12__.sha256Hex)(bytes) });
        }
        const manifest = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .buildManifest */ .u1)({
            commit: request.commit,
            codeHash: request.codeHash,
            source: 'upload',
            files: entries,
            platform: request.platform
        });
        const writesCacheTier = Boolean(request.codeHash) && request.writeCodeHashSet !== false && this.policy.cacheWrite.allowed;
        // The manifest names the entry it is saved under: the code-hash entry, or the commit's when the tier is not written.
        const entryKey = writesCacheTier ? codeHashKey(request.prefix, request.codeHash) : commitKey(request.prefix, request.commit);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.stage, _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_NAME */ .ir), (0,_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .serializeManifest */ .MZ)(manifest, entryKey, this.policy.signing));
        let saved;
        if (writesCacheTier) {
            const cached = codeHashKey(request.prefix, request.codeHash);
            const entry = await this.save(cached);
            // The commit's pointer: 'existing' when another run (or another key's build of this commit) saved it first.
            const pointer = await this.savePointer(commitKey(request.prefix, request.commit), {
                entry: cached,
                codeHash: request.codeHash,
                commit: request.commit
            });
            saved = entry === 'existing' && pointer === 'existing' ? 'existing' : entry === 'refused' ? 'refused' : 'saved';
        }
        else {
            if (request.codeHash && request.writeCodeHashSet !== false)
                _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Not writing the shared code-hash entry ${codeHashKey(request.prefix, request.codeHash)}: ${this.policy.cacheWrite.reason}.`);
            saved = await this.save(commitKey(request.prefix, request.commit));
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.stage, { recursive: true, force: true });
        // Entries are immutable: when another job saved the commit's key first, that entry stands and this run says so.
        return { manifest, by: saved === 'existing' ? 'another-run' : 'this-run' };
    }
    async download(prefix, commit, _manifest, directory, concurrency) {
        try {
            const key = commitKey(prefix, commit);
            const found = this.hits.get(key);
            const manifest = found
                ? await this.restoreTrusted(found, { codeHash: found.slice(codeHashKey(prefix, '').length) })
                : await this.restoreTrusted(key, { commit });
            if (!manifest)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`The cache entry ${key} is not trusted (see the warning above); nothing was downloaded.`);
            // The restored stage is a directory of files: verify and place them as from any store.
            // Loaded when a set is fetched, as ObjectAssetSets does; named, so both share one chunk (without a name the
            // bundler wrote download.ts twice).
            const { downloadSet } = await __webpack_require__.e(/* import() | download */ 467).then(__webpack_require__.bind(__webpack_require__, 14797));
            await downloadSet(new _stores_local_js__WEBPACK_IMPORTED_MODULE_7__/* .LocalStore */ .V(this.stage), '', manifest, directory, concurrency);
            return manifest;
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.stage, { recursive: true, force: true });
        }
    }
    /** GitHub evicts unused entries itself: there is no use to record. */
    async flush() { }
    close() { }
}


/***/ }),

/***/ 75107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ temporaryName),
/* harmony export */   U: () => (/* binding */ isDownloadTemporary)
/* harmony export */ });
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31245);

let temporaryPart;
let temporaryCount = 0;
/**
 * Where a downloaded file is written until every file of the set has arrived intact: beside its target, under a
 * name no one can guess ahead (a random part drawn once a process; 6 random bytes a file cost 30 ms over a
 * 1,000-file set) and opened exclusively. A download cut short removes them; one killed outright cannot.
 */
function temporaryName(target) {
    temporaryPart ??= (0,_util_random_js__WEBPACK_IMPORTED_MODULE_0__.randomHex)(6);
    return `${target}.download-${temporaryPart}-${(temporaryCount++).toString(36)}`;
}
const TEMPORARY_SUFFIX = /\.download-[0-9a-f]{12}-[0-9a-z]+$/;
/**
 * Whether a file name is one `temporaryName` gives: what a download killed outright (SIGKILL, a runner's
 * timeout) left in the package directory. Never part of a build, and possibly cut short.
 */
function isDownloadTemporary(name) {
    return TEMPORARY_SUFFIX.test(name);
}


/***/ }),

/***/ 54355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listPackageFiles: () => (/* binding */ listPackageFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74813);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24964);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(49997);
/* harmony import */ var _download_temporaries_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(75107);
/* harmony import */ var _package_directory_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(62139);








/** How many entries of a directory are looked at at once. */
const STAT_BATCH = 64;
function isHidden(name) {
    return name.startsWith('.');
}
function warnOfLeftovers(directory, leftovers) {
    if (leftovers.length === 0)
        return;
    const named = leftovers
        .slice(0, 3)
        .map((file) => `'${file}'`)
        .join(', ');
    _runner_js__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Not uploading ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(leftovers.length, 'file')} that a download killed part way left in '${directory}' (${named}${leftovers.length > 3 ? ', \u2026' : ''}): ` +
        `they are not the build's and may be cut short. Delete them; a download into this directory that completes removes them too.`);
}
/**
 * Every non-hidden regular file under `directory`, recursively, sorted by relative path. A symlink is
 * followed only when it points inside the directory; one that leaves it is refused. The temporary files of a
 * download killed part way (download-temporaries.ts) are left out; `warnOfLeftovers` names them in a warning
 * (the upload itself does; a look at whether there is anything to upload does not).
 */
async function listPackageFiles(directory, options = {}) {
    let root;
    try {
        root = await (0,_package_directory_js__WEBPACK_IMPORTED_MODULE_6__/* .preparePackageDirectory */ .Bd)(directory, { create: false });
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(root)).isDirectory())
            throw new Error('not a directory');
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FilesError */ .yN)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.EmptyPackageError(`The package directory '${directory}' does not exist or is not a directory: build the assets into it first, or set 'package-directory' (PACKAGE_DIRECTORY).`);
    }
    const files = [];
    const leftovers = [];
    /** What an entry is: its real target (a symlink's, checked to stay inside) and what stat says of that. */
    const inspect = async (absolute, entry, relative) => {
        if (!entry.isSymbolicLink())
            return { target: absolute, info: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(absolute) };
        const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(absolute).catch(() => '');
        if (!target || !(0,_util_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .isInside */ .FK)(root, target)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FilesError */ .yN(`Refusing to upload '${relative}': it is a symlink that points outside the package directory '${directory}' (or nowhere).`);
        }
        return { target, info: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(target) };
    };
    const visit = async (dir, relativeDir, ancestors) => {
        const entries = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true }))
            .filter((entry) => !isHidden(entry.name))
            .map((entry) => ({
            entry,
            absolute: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, entry.name),
            relative: relativeDir ? `${relativeDir}/${entry.name}` : entry.name
        }));
        // A batch of entries is looked at at once: one after another, each lstat waited ~0.1 ms on libuv's thread pool
        // (~80 ms of a 1,000-file upload's start); batches keep what is in flight bounded in a huge directory.
        for (let start = 0; start < entries.length; start += STAT_BATCH) {
            const batch = entries.slice(start, start + STAT_BATCH);
            const looked = await Promise.allSettled(batch.map(({ entry, absolute, relative }) => inspect(absolute, entry, relative)));
            for (const [index, { entry, absolute, relative }] of batch.entries()) {
                const outcome = looked[index];
                // The first failure in the directory's order, whichever settled first.
                if (outcome.status === 'rejected')
                    throw outcome.reason;
                const { target, info } = outcome.value;
                if (info.isDirectory()) {
                    if (ancestors.has(target))
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FilesError */ .yN(`Refusing to upload '${relative}': a symlink loop in '${directory}'.`);
                    await visit(absolute, relative, new Set([...ancestors, target]));
                }
                else if (info.isFile()) {
                    if ((0,_download_temporaries_js__WEBPACK_IMPORTED_MODULE_5__/* .isDownloadTemporary */ .U)(entry.name))
                        leftovers.push(relative);
                    else
                        files.push({ relative, absolute, size: info.size });
                }
            }
        }
    };
    await visit(root, '', new Set([root]));
    if (options.warnOfLeftovers)
        warnOfLeftovers(directory, leftovers.sort());
    if (files.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.EmptyPackageError(`The package directory '${directory}' holds no files to upload (hidden files are skipped). Build the assets into it first.`);
    }
    return files.sort((a, b) => Buffer.compare(Buffer.from(a.relative), Buffer.from(b.relative)));
}


/***/ })

};
;
//# sourceMappingURL=100.index.js.map