"use strict";
exports.id = 943;
exports.ids = [943];
exports.modules = {

/***/ 94943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upload: () => (/* binding */ upload)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(49997);
/* harmony import */ var _check_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(33668);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27242);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71243);
/* harmony import */ var _hashing_set_key_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(34574);
/* harmony import */ var _sets_manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(99640);
/* harmony import */ var _sets_platform_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(47102);
/* harmony import */ var _build_key_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(89314);
/* harmony import */ var _util_cancellation_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(76601);










/** What happened to the shared code-hash tier, as the end of upload's sentence. */
function cacheTierNote(codeHash, tier) {
    if (!codeHash || !tier)
        return '';
    return tier.written
        ? ` and cached them under code hash ${codeHash}`
        : `; the shared code-hash set ${codeHash} was not written: ${tier.reason}`;
}
const onRunner = () => process.env.GITHUB_ACTIONS === 'true';
/**
 * The key the code-hash set is stored under. Upload computes it (the build may not choose it): with auto's
 * key from before the build, a build that wrote into the files it is keyed by is caught and the set goes
 * under the key from before, which the next commit's check computes too. Check's record in the package
 * directory is a file the build can write, so it never chooses a key: one that disagrees with the key
 * computed now is a warning naming both, and the shared tier is not written. Only the original tool's
 * own flow \u2014 outside GitHub, no signing key, no patterns on upload \u2014 takes the record's code hash.
 */
async function uploadKey(settings, record, commit, before) {
    const recorded = record && record.commit === commit && record.codeHash ? record : undefined;
    if (settings.codeHashPatterns.length === 0) {
        if (!recorded)
            return { key: { key: '' } };
        if (!onRunner() && settings.policy.signing.keys.length === 0) {
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Using code hash ${recorded.codeHash} from check's record in ${settings.packageDirectory}, as the original tool's upload does (this step has no 'code-hash-paths'). ` +
                `Whoever can write that directory chooses this key: set 'code-hash-paths' on upload too to have it computed.`);
            return { key: { key: recorded.codeHash, ...(recorded.inputs ? { inputs: recorded.inputs } : {}) } };
        }
        const refused = `this upload has no 'code-hash-paths', and check's record in the package directory (which the build can write) does not choose the key`;
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Not writing the shared code-hash set: ${refused}; it names code hash ${recorded.codeHash}. Set 'code-hash-paths' on upload as on check, or use mode: auto.`);
        return { key: { key: '' }, refused };
    }
    const now = await (0,_build_key_js__WEBPACK_IMPORTED_MODULE_6__/* .computeBuildKey */ .ZS)(settings);
    if (before) {
        if (before.key === now.key)
            return { key: now };
        const difference = before.inputs ? (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_4__/* .keyDifference */ .Du)(before.inputs, now.inputs) : undefined;
        const parts = difference ? (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_4__/* .describeDifference */ .hF)(difference) : [];
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The build changed what the code hash covers${parts.length > 0 ? `: ${parts.join('; ')}` : ''} (code hash ${before.key} before the build, ${now.key} after). ` +
            `The set is stored under the code hash from before the build, which the next check computes for the same sources. ` +
            `Leave files the build writes out of 'code-hash-paths' (add '!path/**' for them), or have the build write them elsewhere.`);
        return {
            key: { key: before.key, ...(before.inputs ? { inputs: before.inputs } : {}) },
            drift: { before: before.key, after: now.key, difference }
        };
    }
    if (!recorded || recorded.codeHash === now.key)
        return { key: now };
    const difference = recorded.inputs ? (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_4__/* .keyDifference */ .Du)(recorded.inputs, now.inputs) : undefined;
    const parts = difference ? (0,_hashing_set_key_js__WEBPACK_IMPORTED_MODULE_4__/* .describeDifference */ .hF)(difference) : [];
    const refused = `check's record names code hash ${recorded.codeHash}, but the sources give ${now.key} now, and a record in the package directory (which the build can write) cannot tell which one this build is`;
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Not writing the shared code-hash set: ${refused}${parts.length > 0 ? ` (what differs: ${parts.join('; ')})` : ''}. ` +
        `If the build writes into files 'code-hash-paths' covers, leave them out ('!path/**'); mode: auto keeps the key from before the build for you.`);
    return { key: now, refused };
}
/** upload: store what was built, unless check found it or it is already stored. */
async function upload(settings, sets, preBuild) {
    const started = Date.now();
    const record = await (0,_check_record_js__WEBPACK_IMPORTED_MODULE_1__.readCheckRecord)(settings.packageDirectory);
    const commit = await (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveCommit */ .WL)(await (0,_git_js__WEBPACK_IMPORTED_MODULE_3__/* .commitSources */ .GN)(settings, record?.commit));
    const prefix = (0,_build_key_js__WEBPACK_IMPORTED_MODULE_6__/* .setsPrefix */ .k$)(settings);
    const location = sets.location(prefix, commit);
    const base = { mode: 'upload', commitHash: commit, location };
    const skipped = (codeHash, files, bytes, message) => ({
        ...base,
        outcome: 'already-stored',
        found: true,
        source: 'commit',
        codeHash,
        files,
        bytes,
        elapsedMs: Date.now() - started,
        message
    });
    if (await (0,_check_record_js__WEBPACK_IMPORTED_MODULE_1__/* .hasFoundMarker */ .v)(settings.packageDirectory)) {
        return skipped(record?.codeHash ?? '', record?.files ?? 0, record?.bytes ?? 0, `${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .FOUND_MARKER */ .OX} exists in ${settings.packageDirectory}: check found the assets, nothing to upload.`);
    }
    const platform = (0,_sets_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .currentPlatform */ .jN)();
    /** A set stored for this commit already (before this step, or by another run while it waited): nothing to upload. */
    const storedAlready = (existing, by) => {
        const files = existing === 'stored' ? [] : existing.files;
        const codeHash = existing === 'stored' ? (record?.codeHash ?? '') : existing.codeHash;
        const elsewhere = existing === 'stored' ? undefined : (0,_sets_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .otherPlatform */ .c_)(existing, { platform, crossPlatform: settings.crossPlatform });
        if (elsewhere) {
            const advice = (0,_sets_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .otherPlatformAdvice */ .cq)(elsewhere, platform);
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Not uploading to ${location}: the set stored there is another platform's: ${advice}.`);
            return {
                ...skipped(codeHash, 0, 0, `Nothing was uploaded: the set of commit ${commit} in ${location} was built on ${elsewhere}.`),
                outcome: 'not-stored',
                found: false
            };
        }
        return skipped(codeHash, files.length, (0,_sets_manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .totalBytes */ .ob)(files), `The assets of commit ${commit} ${by} in ${location}.`);
    };
    // With the code-hash tier on, the key decides whether the commit's set is this build's: computed first.
    const keyed = settings.codeHashPatterns.length > 0 ? await uploadKey(settings, record, commit, preBuild) : undefined;
    const existing = await sets.stored(prefix, commit, keyed?.key.key);
    if (existing && !(typeof existing === 'object' && 'broken' in existing)) {
        const otherKey = existing !== 'stored' && keyed?.key.key && !(0,_sets_manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .builtUnder */ .v)(existing, keyed.key.key);
        if (!otherKey || (0,_sets_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .otherPlatform */ .c_)(existing, { platform, crossPlatform: settings.crossPlatform }))
            return storedAlready(existing, 'are already stored');
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The set stored for commit ${commit} in ${location} was built under another key (code hash ${existing.codeHash}; this build's is ${keyed.key.key}): ` +
            `this upload replaces it. If both builds of this commit are wanted (another NODE_ENV, another code-hash-key), give each its own 'variant'.`);
    }
    else if (existing)
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`The set stored for commit ${commit} is broken (${existing.broken}): this upload replaces it.`);
    const { key, drift, refused } = keyed ?? (await uploadKey(settings, record, commit, preBuild));
    const codeHash = key.key;
    const cacheTier = refused
        ? { written: false, reason: refused }
        : !codeHash
            ? undefined
            : settings.policy.cacheWrite.allowed
                ? { written: true }
                : { written: false, reason: settings.policy.cacheWrite.reason };
    _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Uploading ${settings.packageDirectory} to ${location}`);
    const published = await sets
        .publish({
        prefix,
        commit,
        codeHash,
        writeCodeHashSet: !refused,
        ...(key.inputs ? { inputs: key.inputs } : {}),
        platform,
        directory: settings.packageDirectory,
        concurrency: settings.concurrency,
        packBelow: settings.packBelow,
        packCompression: settings.packCompression
    })
        .catch((error) => {
        throw (0,_util_cancellation_js__WEBPACK_IMPORTED_MODULE_7__/* .asCancellation */ .Cz)(error, `no manifest was written for ${location}, so nothing is stored for commit ${commit}`);
    });
    if (published.by === 'another-run')
        return storedAlready(published.manifest, 'were stored first by another run, while this one waited; nothing was uploaded');
    const { manifest } = published;
    return {
        ...base,
        outcome: 'uploaded',
        found: true,
        source: 'upload',
        codeHash,
        ...(cacheTier ? { cacheTier } : {}),
        files: manifest.files.length,
        bytes: (0,_sets_manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .totalBytes */ .ob)(manifest.files),
        elapsedMs: Date.now() - started,
        ...(drift ? { drift } : {}),
        message: `Uploaded ${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_9__/* .plural */ .L)(manifest.files.length, 'file')} to ${location}${cacheTierNote(codeHash, cacheTier)}.` +
            (published.replaced ? ` It replaced a broken set (${published.replaced}).` : '')
    };
}


/***/ })

};
;
//# sourceMappingURL=943.index.js.map