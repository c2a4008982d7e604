export const id = 100;
export const ids = [100,797];
export const modules = {

/***/ 5719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ActionsCacheSets: () => (/* binding */ ActionsCacheSets)
/* harmony export */ });
/* unused harmony exports STAGE, commitKey, codeHashKey */
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8602);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4964);
/* harmony import */ var _stores_local_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(801);
/* harmony import */ var _download_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4797);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(7102);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9640);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3267);
/* harmony import */ var _package_files_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4355);
/* harmony import */ var _signing_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3330);
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(9587);















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
const commitKey = (prefix, commit) => (0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .cacheEntryKey */ .sQ)(prefix, 'artifacts', commit);
const codeHashKey = (prefix, codeHash) => (0,_layout_js__WEBPACK_IMPORTED_MODULE_10__/* .cacheEntryKey */ .sQ)(prefix, 'cache', codeHash);
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
            const problem = (0,_signing_js__WEBPACK_IMPORTED_MODULE_12__/* .verifyStoredText */ .y2)(pointerText, this.policy.signing);
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
        const usable = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .usableManifest */ .kP)(manifestText, this.policy.signing, { location: key, shown: (location) => location, owner });
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
            const other = platform && (0,_platform_js__WEBPACK_IMPORTED_MODULE_14__/* .otherPlatform */ .c_)(manifest, platform);
            if (!other)
                return 'yes';
            _runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Not using the cache entry ${key}: ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_14__/* .otherPlatformAdvice */ .cq)(other, platform.platform)}.`);
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
                if ((0,_signing_js__WEBPACK_IMPORTED_MODULE_12__/* .verifyStoredText */ .y2)(pointerText, this.policy.signing))
                    return undefined;
                const pointer = JSON.parse(pointerText);
                return typeof pointer.codeHash === 'string' ? pointer.codeHash : undefined;
            }
            const text = await this.stageText(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_NAME */ .ir, key);
            const usable = text === undefined ? undefined : (0,_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .usableManifest */ .kP)(text, this.policy.signing, { location: key, shown: (l) => l, owner: { commit } });
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
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.stage, POINTER), (0,_signing_js__WEBPACK_IMPORTED_MODULE_12__/* .storedText */ .VS)(located, this.policy.signing));
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
        const files = await (0,_package_files_js__WEBPACK_IMPORTED_MODULE_11__.listPackageFiles)(request.directory);
        await this.clearStage();
        const entries = [];
        for (const file of files) {
            const target = (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_6__/* .fromPosixRelative */ .yK)(this.stage, file.relative);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target), { recursive: true });
            const bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file.absolute);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(target, bytes);
            entries.push({ path: file.relative, size: bytes.length, sha256: (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_13__.sha256Hex)(bytes) });
        }
        const manifest = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .buildManifest */ .u1)({
            commit: request.commit,
            codeHash: request.codeHash,
            source: 'upload',
            files: entries,
            platform: request.platform
        });
        const writesCacheTier = Boolean(request.codeHash) && request.writeCodeHashSet !== false && this.policy.cacheWrite.allowed;
        // The manifest names the entry it is saved under: the code-hash entry, or the commit's when the tier is not written.
        const entryKey = writesCacheTier ? codeHashKey(request.prefix, request.codeHash) : commitKey(request.prefix, request.commit);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(this.stage, _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_NAME */ .ir), (0,_manifest_js__WEBPACK_IMPORTED_MODULE_9__/* .serializeManifest */ .MZ)(manifest, entryKey, this.policy.signing));
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
            await (0,_download_js__WEBPACK_IMPORTED_MODULE_8__.downloadSet)(new _stores_local_js__WEBPACK_IMPORTED_MODULE_7__/* .LocalStore */ .V(this.stage), '', manifest, directory, concurrency);
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

/***/ 4797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   downloadSet: () => (/* binding */ downloadSet)
/* harmony export */ });
/* unused harmony export unwritten */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9587);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9640);
/* harmony import */ var _packs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3691);
/* harmony import */ var _pack_encoding_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4908);
/* harmony import */ var _package_directory_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2139);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4964);
/* harmony import */ var _util_progress_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(5365);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(9997);
/* harmony import */ var _util_node_builtins_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(3115);
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(1245);

















async function lstatOrUndefined(candidate) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(candidate).catch(() => undefined);
}
/**
 * Checks every manifest path before anything is fetched or written: inside the package directory, not
 * hidden, a name this platform can store, not colliding with another path of the set (`A` and `a` on a
 * case-insensitive file system), and not landing on a directory or under a file already there. Returns
 * where each file goes, and what is already at each target (only a directory that existed can hold one: a cold
 * restore into a new directory looks at no file); `created` hears each directory it had to make (removed again
 * if the download fails).
 */
async function planTargets(root, files, created) {
    const targets = new Map();
    const present = new Map();
    const seen = new Map();
    // Files of one directory share its check: a set of thousands of files in a few directories makes a few.
    const directoryExisted = new Map();
    for (const file of files) {
        const segments = file.path.split('/');
        if (!(0,_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .isSafeRelativePath */ .VH)(file.path) || segments.some((segment) => segment.startsWith('.'))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`Refusing to download '${file.path}': the manifest names a path outside the package directory or a hidden file.`);
        }
        const windowsProblem = process.platform === 'win32' ? segments.map(_util_paths_js__WEBPACK_IMPORTED_MODULE_11__/* .windowsNameProblem */ .g3).find(Boolean) : undefined;
        if (windowsProblem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`Refusing to download '${file.path}' on Windows: a part of its path ${windowsProblem}.`);
        const twin = seen.get((0,_util_paths_js__WEBPACK_IMPORTED_MODULE_11__/* .sameFileKey */ .ys)(file.path));
        if (twin !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`Refusing to download the set: '${twin}' and '${file.path}' would be the same file on this file system.`);
        }
        seen.set((0,_util_paths_js__WEBPACK_IMPORTED_MODULE_11__/* .sameFileKey */ .ys)(file.path), file.path);
        const target = (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_11__/* .fromPosixRelative */ .yK)(root, file.path);
        const directory = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(target);
        let existed = directoryExisted.get(directory);
        if (existed === undefined) {
            existed = await checkDirectory(root, directory, file.path, created);
            directoryExisted.set(directory, existed);
        }
        const info = existed ? await lstatOrUndefined(target) : undefined;
        if (info?.isDirectory()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .FilesError */ .yN(`Refusing to download '${file.path}': ${target} is a directory in the package directory. Nothing was written.`);
        }
        if (info)
            present.set(file.path, info);
        targets.set(file.path, target);
    }
    // Shallowest first, so each mkdir makes one level.
    for (const directory of [...new Set(created)].sort((a, b) => a.length - b.length))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(directory, { recursive: true });
    return { targets, present };
}
/**
 * Checks where a file of the set goes in `directory`: the deepest directory that exists is checked before any is
 * created (mkdir would follow a symlink outward), and must be a directory inside root; the missing ones are
 * added to `created`. Returns whether `directory` itself was there.
 */
async function checkDirectory(root, directory, forPath, created) {
    const { existing, info } = await (0,_package_directory_js__WEBPACK_IMPORTED_MODULE_10__/* .deepestExisting */ .Gy)(directory);
    if (info && !info.isDirectory() && !info.isSymbolicLink()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .FilesError */ .yN(`Refusing to download '${forPath}': ${existing} is a file, not a directory. Nothing was written.`);
    }
    if (!(0,_util_paths_js__WEBPACK_IMPORTED_MODULE_11__/* .isInside */ .FK)(root, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(existing))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .FilesError */ .yN(`Refusing to download '${forPath}': a symlink in the package directory points outside it.`);
    }
    for (let missing = directory; missing !== existing && (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_11__/* .isInside */ .FK)(root, missing); missing = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(missing))
        created.push(missing);
    return existing === directory;
}
/**
 * Whether the file at `target` (found there as `info` by planTargets) already holds the manifest's bytes (a
 * self-hosted runner's workspace that keeps the last build): a regular file (never through a symlink) of the
 * right size whose SHA-256 matches. Only files of the right size are read, so a cold restore reads nothing here.
 */
async function alreadyInPlace(target, file, info) {
    if (!info?.isFile() || info.size !== file.size)
        return false;
    return (await (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_6__/* .sha256OfFile */ .Vq)(target, { noFollow: true }).catch(() => undefined)) === file.sha256;
}
/**
 * Where a file is written until every file of the set has arrived intact: beside it, under a name no one can
 * guess ahead (a random part drawn once a process; 6 random bytes a file cost 30 ms over a 1,000-file set) and
 * opened exclusively.
 */
let temporaryPart;
let temporaryCount = 0;
function temporaryName(target) {
    temporaryPart ??= (0,_util_random_js__WEBPACK_IMPORTED_MODULE_14__.randomHex)(6);
    return `${target}.download-${temporaryPart}-${(temporaryCount++).toString(36)}`;
}
/** The error for a file whose bytes are not the ones its manifest names; `pack` names the pack it was read from. */
function mismatch(file, got, pack) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`'${file.path}'${pack ? ` in ${pack}` : ''} does not match its manifest (expected ${file.size} bytes with SHA-256 ${file.sha256}, got ${got}): ` +
        `it was changed after upload or cut short on the way. Nothing was kept; if it happens again, delete the set's .manifest.json so the assets are rebuilt.`);
}
/** Files up to this size are gathered in memory, checked, then written in one call: far cheaper than a stream each. */
const GATHER_BELOW = 1024 * 1024;
/** Past this many chunks a gathered file is copied into one buffer (a server trickling bytes would cost an object a byte). */
const MANY_CHUNKS = 64;
/**
 * A small file's bytes as they arrive: kept as the chunks they came in (no copy), or in one buffer of the
 * file's size once they are many. Written with `writeTo` once checked.
 */
class GatheredFile {
    size;
    chunks = [];
    whole;
    filled = 0;
    constructor(size) {
        this.size = size;
    }
    add(chunk) {
        if (!this.whole) {
            this.chunks.push(chunk);
            if (this.chunks.length <= MANY_CHUNKS)
                return;
            this.whole = Buffer.allocUnsafe(this.size);
            for (const part of this.chunks)
                this.filled += part.copy(this.whole, this.filled);
            this.chunks = [];
            return;
        }
        this.filled += chunk.copy(this.whole, this.filled);
    }
    /**
     * Writes the bytes to a new file at `temp` (exclusively) in as few calls as the system takes. Synchronous on
     * purpose: the file is small and already checked, and open, writev and close in a row on the main thread
     * cost far less than three trips through the thread pool (a 1,000-file packed restore took 15% less time on
     * tmpfs than with fs.promises.writeFile of the concatenated chunks; 1,000 new files of 100 KB on ext4: 110
     * against 190 ms).
     */
    writeTo(temp) {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temp, 'wx');
        try {
            let pending = this.whole ? [this.whole.subarray(0, this.filled)] : this.chunks;
            while (pending.length > 0)
                pending = unwritten(pending, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writevSync)(fd, pending));
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
    }
}
/** What is left of `parts` once the first `written` bytes of them are written (a short write resumes there). */
function unwritten(parts, written) {
    let next = 0;
    let left = written;
    while (next < parts.length && left >= parts[next].length)
        left -= parts[next++].length;
    const rest = parts.slice(next);
    if (left > 0)
        rest[0] = rest[0].subarray(left);
    return rest;
}
/**
 * Streams one object to a temporary name beside its target and checks it; returns the temporary path. A small
 * file is gathered in memory and written once checked, as a packed one is.
 */
async function downloadFile(store, key, target, file, progress) {
    const temp = temporaryName(target);
    const tap = new _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_6__/* .DigestStream */ .vl(file.size);
    const unwatch = progress.watch(tap);
    const gathered = file.size < GATHER_BELOW ? new GatheredFile(file.size) : undefined;
    try {
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(await store.get(key), tap, gathered
                ? async (source) => {
                    for await (const chunk of source)
                        gathered.add(chunk);
                }
                : (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temp));
        }
        catch (error) {
            if (error instanceof _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_6__/* .DigestLimitError */ .MC)
                throw mismatch(file, `more than ${file.size} bytes`);
            throw error;
        }
        const digest = tap.digest();
        if (tap.passed !== file.size || digest !== file.sha256)
            throw mismatch(file, `${tap.passed} bytes with ${digest}`);
        gathered?.writeTo(temp);
        return temp;
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true });
        throw error;
    }
    finally {
        unwatch();
    }
}
/**
 * Reads one pack whole with a single GET and writes each of its files, as the bytes stream by, to a
 * temporary name beside its target, checking every file's size and SHA-256 and, at the end, the pack's own
 * size and SHA-256: a pack whose headers were rewritten (so that `tar -xf` of it gives other files) fails
 * even when every file's bytes are intact. Temporary paths are reported through `onTemp` as they are made,
 * so a failure half way can remove them.
 */
async function downloadPack(store, setPrefix, pack, files, targets, onTemp, onFile) {
    const packKey = setPrefix + pack.path;
    const packHash = (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_13__/* .nodeCrypto */ .SI)().createHash('sha256');
    let index = 0;
    let handle;
    let gathered;
    let temp = '';
    let hash = (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_13__/* .nodeCrypto */ .SI)().createHash('sha256');
    let written = 0;
    const openFile = async (file) => {
        const target = targets.get(file.path);
        temp = temporaryName(target);
        hash = (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_13__/* .nodeCrypto */ .SI)().createHash('sha256');
        written = 0;
        if (file.size < GATHER_BELOW) {
            gathered = new GatheredFile(file.size);
            return;
        }
        onTemp(temp, target);
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(temp, 'wx');
    };
    const closeFile = async (file) => {
        await handle?.close();
        handle = undefined;
        const digest = hash.digest('hex');
        if (written !== file.size || digest !== file.sha256)
            throw mismatch(file, `${written} bytes with ${digest}`, store.url(packKey));
        if (gathered) {
            // Checked before it touches the disk; registered first so a failed write is still cleaned up.
            onTemp(temp, targets.get(file.path));
            gathered.writeTo(temp);
            gathered = undefined;
        }
        onFile(file.size);
        index++;
    };
    /** Takes the files whose bytes end by `reached` (the pack position streamed so far) out of `chunk`, which starts at `chunkStart`. */
    const consume = async (chunk, chunkStart) => {
        const reached = chunkStart + chunk.length;
        while (index < files.length) {
            const file = files[index];
            const fileEnd = file.offset + file.size;
            if (file.offset > reached || (file.size > 0 && file.offset === reached))
                return;
            if (!handle && !gathered)
                await openFile(file);
            const from = Math.max(file.offset, chunkStart) - chunkStart;
            const to = Math.min(fileEnd, reached) - chunkStart;
            if (to > from) {
                const part = chunk.subarray(from, to);
                hash.update(part);
                written += part.length;
                if (gathered)
                    gathered.add(part);
                else
                    await handle.write(part);
            }
            if (fileEnd > reached)
                return;
            await closeFile(file);
        }
    };
    // The stored bytes are counted and hashed as they arrive; a compressed pack is decoded after that, and the tar
    // inside it read as a plain pack is: one read, nothing written to disk but the files.
    const tarSize = pack.tarSize ?? pack.size;
    let stored = 0;
    let position = 0;
    const tooLarge = (what, size) => new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`The pack ${store.url(packKey)} is larger than the ${size} bytes its manifest gives${what}: nothing was kept.`);
    try {
        await consume(Buffer.alloc(0), 0);
        const body = await store.get(packKey);
        const counted = async function* (source) {
            for await (const chunk of source) {
                stored += chunk.length;
                if (stored > pack.size)
                    throw tooLarge('', pack.size);
                packHash.update(chunk);
                yield chunk;
            }
        };
        const unpack = async (source) => {
            for await (const chunk of source) {
                if (position + chunk.length > tarSize)
                    throw tooLarge(pack.encoding ? ' once decompressed' : '', tarSize);
                await consume(chunk, position);
                position += chunk.length;
            }
        };
        const decode = pack.encoding ? (0,_pack_encoding_js__WEBPACK_IMPORTED_MODULE_9__/* .decompressor */ .ni)(pack.encoding) : undefined;
        if (pack.encoding && !decode)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UnreadableSetError */ .Ir((0,_pack_encoding_js__WEBPACK_IMPORTED_MODULE_9__/* .unreadableEncodingProblem */ .YS)(pack.encoding));
        // Whatever the decoder says (a damaged frame, an unexpected end) is about the pack's bytes: a mismatch, not a failure.
        let decodeError;
        decode?.once('error', (error) => (decodeError = error));
        await (decode ? (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(body, counted, decode, unpack) : (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(body, counted, unpack)).catch((error) => {
            if (error === decodeError)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`The pack ${store.url(packKey)} does not decompress (${error.message}): nothing was kept.`);
            throw error;
        });
        if (index < files.length)
            throw mismatch(files[index], `the end of the pack at byte ${position}`, store.url(packKey));
        const digest = packHash.digest('hex');
        if (stored !== pack.size || position !== tarSize || digest !== pack.sha256) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`The pack ${store.url(packKey)} does not match its manifest (expected ${pack.size} bytes with SHA-256 ${pack.sha256}, got ${stored} bytes with ${digest}): ` +
                `its files arrived intact but the archive around them was changed, so 'tar -xf' of it would not give the set's files. Nothing was kept; upload the set again.`);
        }
    }
    finally {
        await handle?.close();
    }
}
/**
 * Brings a stored set into `directory`: streamed, bounded, every file checked against the manifest's size
 * and SHA-256 under a temporary name. Only when every file has arrived intact do they take their final
 * names, so a tampered, truncated or vanished object leaves nothing behind. A file already there with the
 * manifest's size and SHA-256 is kept and not fetched (a warm restore); a pack is fetched unless every file
 * in it is already in place.
 */
async function downloadSet(store, setPrefix, manifest, directory, concurrency) {
    // Before anything is written: a set this runtime cannot decode is a miss, not a half-done download.
    for (const pack of manifest.packs ?? []) {
        const problem = pack.encoding && (0,_pack_encoding_js__WEBPACK_IMPORTED_MODULE_9__/* .unreadableEncodingProblem */ .YS)(pack.encoding);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UnreadableSetError */ .Ir(problem);
    }
    const root = await (0,_package_directory_js__WEBPACK_IMPORTED_MODULE_10__/* .preparePackageDirectory */ .Bd)(directory, { create: true });
    const progress = new _util_progress_js__WEBPACK_IMPORTED_MODULE_12__/* .Progress */ .k({ doing: `Downloading to ${directory}:`, done: `Downloaded to ${directory}:` }, manifest.files.length, (0,_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .totalBytes */ .ob)(manifest.files));
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_15__/* ["default"] */ .A)(concurrency);
    const arrived = [];
    const created = [];
    let keptFiles;
    let keptBytes;
    try {
        // Every target is checked before any byte is fetched.
        const { targets, present } = await planTargets(root, manifest.files, created);
        const inPlace = new Set();
        await Promise.all(manifest.files
            .filter((file) => present.has(file.path))
            .map((file) => limit(async () => {
            if (await alreadyInPlace(targets.get(file.path), file, present.get(file.path)))
                inPlace.add(file.path);
        })));
        const byPack = (0,_packs_js__WEBPACK_IMPORTED_MODULE_8__/* .filesByPack */ .k9)(manifest.files);
        const packsToFetch = (manifest.packs ?? []).filter((pack) => !(byPack.get(pack.path) ?? []).every((file) => inPlace.has(file.path)));
        const fetchedPacks = new Set(packsToFetch.map((pack) => pack.path));
        const plain = manifest.files.filter((file) => file.pack === undefined && !inPlace.has(file.path));
        const kept = manifest.files.filter((file) => inPlace.has(file.path) && (file.pack === undefined || !fetchedPacks.has(file.pack)));
        keptFiles = kept.length;
        keptBytes = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .totalBytes */ .ob)(kept);
        progress.add(keptFiles, keptBytes);
        const transfers = [
            ...packsToFetch.map((pack) => ({
                size: pack.size,
                run: () => downloadPack(store, setPrefix, pack, byPack.get(pack.path) ?? [], targets, (temp, target) => arrived.push({ temp, target }), (size) => progress.add(1, size))
            })),
            ...plain.map((file) => ({
                size: file.size,
                run: async () => {
                    const target = targets.get(file.path);
                    arrived.push({ temp: await downloadFile(store, setPrefix + file.path, target, file, progress), target });
                    progress.add(1, file.size);
                }
            }))
        ];
        // Largest first: a large file started last would be the tail of the whole download.
        transfers.sort((a, b) => b.size - a.size);
        await Promise.all(transfers.map((transfer) => limit(transfer.run)));
    }
    catch (error) {
        progress.abandon();
        limit.clearQueue();
        // Let transfers still in flight settle before removing what they wrote.
        while (limit.activeCount > 0)
            await new Promise((resolve) => setTimeout(resolve, 10));
        await Promise.all(arrived.map(({ temp }) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true })));
        // Directories made for this set go too (deepest first; one that something else filled meanwhile stays).
        for (const made of [...new Set(created)].sort((a, b) => b.length - a.length))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rmdir)(made).catch(() => undefined);
        throw error;
    }
    // Every file has arrived intact: they take their names, a few at a time (one by one, 1,000 renames took ~150 ms).
    // A rename that fails (a directory made there meanwhile) leaves no temporary file behind.
    const renames = await Promise.allSettled(arrived.map(({ temp, target }) => limit(() => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, target))));
    const failed = renames.findIndex((outcome) => outcome.status === 'rejected');
    if (failed >= 0) {
        progress.abandon();
        await Promise.all(arrived.map(({ temp }) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true })));
        const reason = renames[failed].reason;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .FilesError */ .yN(`Could not put ${arrived[failed].target} in place (${reason.message}): something changed the package directory while the set was downloading. ` +
            'Files already in place stay, no temporary file is left; run the step again.');
    }
    progress.finish();
    if (keptFiles > 0)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_16__/* .plural */ .L)(keptFiles, 'file')} (${(0,_util_progress_js__WEBPACK_IMPORTED_MODULE_12__/* .formatBytes */ .z)(keptBytes)}) ${keptFiles === 1 ? 'was' : 'were'} already in ${directory} with the set's bytes: kept, not downloaded.`);
    return { fetchedFiles: manifest.files.length - keptFiles, keptFiles, keptBytes };
}


/***/ })

};

//# sourceMappingURL=100.index.js.map