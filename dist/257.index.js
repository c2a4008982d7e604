"use strict";
exports.id = 257;
exports.ids = [257];
exports.modules = {

/***/ 74257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   doctor: () => (/* binding */ doctor)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _settings_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53456);
/* harmony import */ var _sets_ranged_parts_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(72445);





const EVERY = ['check', 'upload', 'auto', 'apply', 'prune'];
const WRITERS = ['upload', 'auto', 'apply'];
/** Runs `probe`; a thrown error is the finding's detail (the store's own words on what is missing). */
async function attempt(probe) {
    try {
        return { ok: true, value: await probe() };
    }
    catch (error) {
        return { ok: false, error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error), ...(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .StoreError */ .AD && error.problem ? { problem: error.problem } : {}) };
    }
}
function wordsFor(store) {
    if (store.kind === 'local') {
        const folder = store.root;
        return {
            list: 'list',
            write: 'write',
            read: 'read',
            delete: 'delete',
            grant: (what) => what === 'delete'
                ? `Only apply (its lock) and prune delete: let their user remove files under ${folder}.`
                : `Let the user this step runs as ${what === 'list' || what === 'read' ? 'read' : 'write'} ${folder} (its owner and mode).`
        };
    }
    if (store.kind === 's3' && store.flavor === 'gcs') {
        return {
            list: 'list (storage.objects.list)',
            write: 'write (storage.objects.create)',
            read: 'read (storage.objects.get)',
            delete: 'delete (storage.objects.delete)',
            grant: (what) => ({
                list: "Grant the HMAC key's service account storage.objects.list on the bucket (roles/storage.objectViewer has it).",
                read: "Grant the HMAC key's service account storage.objects.get (roles/storage.objectViewer).",
                write: "Grant the HMAC key's service account storage.objects.create (roles/storage.objectCreator).",
                copy: 'Grant storage.objects.get and storage.objects.create: a code-hash hit copies the set to the commit.',
                delete: 'Only apply (its lock) and prune delete: grant storage.objects.delete to their service account, never to check and upload.'
            })[what]
        };
    }
    return {
        list: 'list (s3:ListBucket)',
        write: 'write (s3:PutObject)',
        read: 'read (s3:GetObject)',
        delete: 'delete (s3:DeleteObject)',
        grant: (what) => ({
            list: 'Grant s3:ListBucket on the bucket: without it S3 answers a missing object with 403, so every check fails (prune lists too).',
            read: 'Grant s3:GetObject on the prefix.',
            write: 'Grant s3:PutObject on the prefix.',
            copy: 'Grant s3:GetObject on the source and s3:PutObject on the target: a code-hash hit copies the set to the commit.',
            delete: 'Only apply (its lock) and prune delete: grant s3:DeleteObject to their roles, never to check and upload.'
        })[what]
    };
}
/** The four things that must hold before any permission matters, in the order a request meets them. */
const REACH = ['endpoint reachable', 'credentials accepted', 'bucket exists', 'region'];
const REACH_PROBLEM = {
    'endpoint reachable': 'endpoint',
    'credentials accepted': 'credentials',
    'bucket exists': 'bucket',
    region: 'region'
};
const FIXED = {
    'endpoint reachable': 'the endpoint answers as S3',
    'credentials accepted': 'the store accepts the credentials',
    'bucket exists': 'the bucket exists',
    region: "the region is the bucket's"
};
/**
 * What the first request (a listing) says about reaching the store: one row each for the endpoint, the
 * credentials, the bucket and its region. When one of them is the cause, it is the only row marked missing
 * (the others say what is known), and no permission is tried: every request would fail the same way.
 */
function reachFindings(listed, where) {
    const problem = listed.ok ? undefined : listed.problem;
    if (listed.ok || problem === 'permission' || problem === undefined) {
        const denied = !listed.ok && problem === 'permission';
        return {
            findings: REACH.map((capability) => ({
                capability,
                result: denied && capability === 'bucket exists' ? 'info' : listed.ok || problem === 'permission' ? 'ok' : 'info',
                detail: listed.ok
                    ? `${where} answered a listing`
                    : denied
                        ? capability === 'bucket exists'
                            ? 'not known: listing it was denied'
                            : `${where} answered (with "access denied")`
                        : 'not known: the listing failed for another reason (see list below)',
                neededBy: EVERY
            }))
        };
    }
    const failed = listed;
    const order = REACH.indexOf(REACH.find((capability) => REACH_PROBLEM[capability] === problem));
    return {
        cause: failed.error,
        findings: REACH.map((capability, index) => REACH_PROBLEM[capability] === problem
            ? { capability, result: 'missing', detail: failed.error, neededBy: EVERY }
            : {
                capability,
                result: index < order ? 'ok' : 'info',
                detail: index < order ? `${where} answered` : `not known until ${FIXED[REACH[order]]}`,
                neededBy: EVERY
            })
    };
}
/**
 * Tries what each mode does, on scratch keys under `<prefix>.doctor/<random>/` removed afterwards: list,
 * write, read, a miss answered as a miss, copy (and whether the copy's checksum comes back), delete, and
 * what the store supports (conditional writes, ranged reads, its clock). A store that cannot be reached at
 * all (endpoint, credentials, bucket, region) is reported as that, and nothing more is tried.
 */
async function examineStore(store, settings) {
    const prefix = settings.prefix;
    const scratch = `${prefix}.doctor/${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(6).toString('hex')}/`;
    const words = wordsFor(settings);
    const findings = [];
    const add = (finding) => void findings.push(finding);
    const body = Buffer.from(`s3-asset-manager doctor ${new Date().toISOString()}\n`);
    const listed = await attempt(() => store.list(scratch));
    if (settings.kind !== 'local') {
        const reach = reachFindings(listed, settings.kind === 's3' && settings.endpoint ? settings.endpoint : 'the store');
        findings.push(...reach.findings);
        if (reach.cause)
            return { findings, cause: reach.cause };
    }
    add(listed.ok
        ? { capability: words.list, result: 'ok', detail: `listed ${store.url(scratch)}`, neededBy: EVERY }
        : { capability: words.list, result: 'missing', detail: listed.error, todo: words.grant('list'), neededBy: EVERY });
    const written = await attempt(() => store.put(`${scratch}object.txt`, body, { size: body.length, contentType: 'text/plain' }));
    add(written.ok
        ? { capability: words.write, result: 'ok', detail: `wrote ${store.url(`${scratch}object.txt`)}`, neededBy: WRITERS }
        : { capability: words.write, result: 'missing', detail: written.error, todo: words.grant('write'), neededBy: WRITERS });
    const read = written.ok ? await attempt(() => store.readText(`${scratch}object.txt`, 1024)) : undefined;
    add(!read
        ? { capability: words.read, result: 'info', detail: 'not tried: nothing could be written to read back', neededBy: EVERY }
        : read.ok && read.value === body.toString()
            ? { capability: words.read, result: 'ok', detail: 'read back what was written', neededBy: EVERY }
            : {
                capability: words.read,
                result: 'missing',
                detail: read.ok ? 'read back other bytes than were written' : read.error,
                todo: words.grant('read'),
                neededBy: EVERY
            });
    const miss = await attempt(() => store.readText(`${scratch}never-written.txt`, 1024));
    add(miss.ok && miss.value === undefined
        ? { capability: 'a missing object is a miss', result: 'ok', detail: 'answered "no such key"', neededBy: EVERY }
        : {
            capability: 'a missing object is a miss',
            result: 'missing',
            detail: miss.ok ? 'a key never written was answered with content' : miss.error,
            todo: settings.kind === 'local'
                ? words.grant('read')
                : `With ${words.list} granted, the store answers a missing object with 404; check the endpoint and the policy.`,
            neededBy: EVERY
        });
    let copiedOk = false;
    if (written.ok) {
        const copied = await attempt(() => store.copy(`${scratch}object.txt`, `${scratch}copy.txt`, body.length));
        copiedOk = copied.ok;
        add(!copied.ok
            ? {
                capability: 'server-side copy',
                result: 'missing',
                detail: copied.error,
                todo: words.grant('copy'),
                neededBy: ['check', 'upload', 'auto', 'apply']
            }
            : copied.value.sha256
                ? {
                    capability: 'copy checksums',
                    result: 'ok',
                    detail: "the store reports each copy's SHA-256: promotions are checked against the manifest",
                    neededBy: []
                }
                : {
                    capability: 'copy checksums',
                    result: 'limited',
                    detail: 'the store reports no SHA-256 for copies',
                    todo: 'Nothing to do: with a signing key each promoted object is read back and hashed instead (it costs download time).',
                    neededBy: []
                });
        findings.push(...(await examineFeatures(store, scratch)));
    }
    const objects = [...(written.ok ? [`${scratch}object.txt`] : []), ...(copiedOk ? [`${scratch}copy.txt`] : [])];
    // With nothing written, deleting a key that was never there still shows whether deletes are allowed.
    const deleted = await attempt(() => store.deleteMany(objects.length > 0 ? objects : [`${scratch}never-written.txt`]));
    add(deleted.ok
        ? {
            capability: words.delete,
            result: 'ok',
            detail: objects.length > 0 ? 'removed the scratch objects' : 'allowed (nothing was written, so nothing was left to remove)',
            neededBy: ['apply', 'prune']
        }
        : {
            capability: words.delete,
            result: 'missing',
            detail: objects.length > 0 ? `${deleted.error} (the scratch objects under ${store.url(scratch)} are left)` : deleted.error,
            todo: words.grant('delete'),
            neededBy: ['apply', 'prune']
        });
    return { findings };
}
/** A size in whole MiB, as the ranged-download sizes are. */
const mib = (bytes) => `${bytes / 1024 ** 2} MiB`;
/** What the store supports beyond permissions: conditional writes, ranged reads, its clock. */
async function examineFeatures(store, scratch) {
    const findings = [];
    const probed = store.probe ? await attempt(() => store.probe(`${scratch}probe/`)) : undefined;
    if (probed && !probed.ok)
        findings.push({ capability: 'store features', result: 'info', detail: probed.error, neededBy: [] });
    const features = probed?.ok ? probed.value : undefined;
    if (features?.conditionalWrites !== undefined) {
        findings.push(features.conditionalWrites
            ? { capability: 'conditional writes', result: 'ok', detail: "If-None-Match: * is honoured: apply's lock holds", neededBy: [] }
            : {
                capability: 'conditional writes',
                result: 'limited',
                detail: 'If-None-Match: * is ignored',
                todo: "apply's state lock is best effort here (two applies that start at the same moment can both run); each state write is still read back.",
                neededBy: []
            });
    }
    if (features?.rangedReads !== undefined) {
        findings.push({
            capability: 'ranged reads',
            result: 'info',
            detail: features.rangedReads ? 'Range is honoured' : 'Range is ignored (the whole object comes back)',
            todo: features.rangedReads
                ? `Nothing to do: download: true fetches files over ${mib(_sets_ranged_parts_js__WEBPACK_IMPORTED_MODULE_4__/* .RANGED_ABOVE */ .g)} in ranged parts of ${mib(_sets_ranged_parts_js__WEBPACK_IMPORTED_MODULE_4__/* .RANGE_PART */ .Q)}, side by side.`
                : `Nothing to do: download: true fetches files over ${mib(_sets_ranged_parts_js__WEBPACK_IMPORTED_MODULE_4__/* .RANGED_ABOVE */ .g)} whole, one connection each, once the ranged reads come back whole.`,
            neededBy: []
        });
    }
    if (features?.clockSkewSeconds !== undefined) {
        const skew = features.clockSkewSeconds;
        findings.push(Math.abs(skew) < 300
            ? {
                capability: 'clock',
                result: 'ok',
                detail: `the store's clock is ${Math.abs(skew)} s ${skew >= 0 ? 'ahead' : 'behind'}`,
                neededBy: []
            }
            : {
                capability: 'clock',
                result: Math.abs(skew) >= 900 ? 'missing' : 'limited',
                detail: `the store's clock is ${Math.abs(skew)} s ${skew >= 0 ? 'ahead of' : 'behind'} this machine's`,
                todo: "Sync this machine's clock (NTP): signed requests are refused beyond 15 minutes of skew.",
                neededBy: Math.abs(skew) >= 900 ? EVERY : []
            });
    }
    return findings;
}
/** The Actions cache has no objects to try: the service must be there and answer a lookup. */
async function examineActionsCache(prefix) {
    if (!(0,_settings_store_js__WEBPACK_IMPORTED_MODULE_3__/* .cacheServiceAvailable */ .j)()) {
        return [
            {
                capability: 'cache service',
                result: 'missing',
                detail: 'no cache service in this environment (ACTIONS_CACHE_URL / ACTIONS_RESULTS_URL)',
                todo: 'The Actions cache backend works only inside a GitHub Actions job.',
                neededBy: ['check', 'upload', 'auto']
            }
        ];
    }
    const cache = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(640)]).then(__webpack_require__.bind(__webpack_require__, 49640));
    const looked = await attempt(() => cache.restoreCache(['.s3-asset-manager-doctor'], `${prefix}doctor-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(6).toString('hex')}`, [], { lookupOnly: true }));
    return [
        looked.ok
            ? { capability: 'cache service', result: 'ok', detail: 'answered a lookup', neededBy: ['check', 'upload', 'auto'] }
            : { capability: 'cache service', result: 'missing', detail: looked.error, neededBy: ['check', 'upload', 'auto'] },
        {
            capability: 'apply and prune',
            result: 'info',
            detail: 'not on this backend',
            todo: 'apply needs an object store (s3, gcs, local); the cache evicts entries itself, so there is nothing to prune.',
            neededBy: []
        }
    ];
}
/**
 * doctor: for a person setting up a store. Checks credentials (and the role), the bucket and region, the
 * permissions each mode needs and what the store supports, then says which of the chosen modes can run.
 */
async function doctor(settings, modes) {
    const findings = [];
    let storeName = settings.store.kind === 'actions-cache' ? 'the GitHub Actions cache' : '';
    let cause;
    if (settings.store.kind === 'actions-cache') {
        findings.push(...(await examineActionsCache(settings.store.prefix)));
    }
    else {
        const { createStore } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 92826));
        const opened = await attempt(() => createStore(settings.store, settings.concurrency));
        const credentials = settings.store.kind === 's3' && settings.store.role ? 'credentials and role found' : 'credentials found';
        if (!opened.ok) {
            cause = opened.error;
            findings.push({ capability: credentials, result: 'missing', detail: opened.error, neededBy: EVERY });
        }
        else {
            const store = opened.value;
            storeName = store.url(settings.store.prefix);
            if (settings.store.kind !== 'local')
                findings.push({ capability: credentials, result: 'ok', detail: 'resolved', neededBy: EVERY });
            try {
                const examined = await examineStore(store, settings.store);
                findings.push(...examined.findings);
                cause = examined.cause;
            }
            finally {
                store.close();
            }
        }
    }
    const blocked = new Map();
    for (const finding of findings) {
        if (finding.result !== 'missing')
            continue;
        for (const mode of finding.neededBy)
            if (modes.includes(mode))
                blocked.set(mode, [...(blocked.get(mode) ?? []), finding.capability]);
    }
    const name = storeName || 'The store';
    const message = cause
        ? `${storeName ? `The store ${storeName}` : 'The store'} cannot be used: ${cause.split('\n')[0]}`
        : blocked.size === 0
            ? `The store ${name} can serve ${modes.join(', ')}.`
            : `The store ${name} cannot serve ${[...blocked].map(([mode, lacks]) => `${mode} (lacks ${lacks.join(', ')})`).join('; ')}.`;
    for (const finding of findings) {
        const line = `${finding.result.padEnd(7)} ${finding.capability}: ${finding.detail}${finding.todo ? ` \u2014 ${finding.todo}` : ''}`;
        if (finding.result === 'missing')
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(line);
        else
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line);
    }
    return { store: storeName, findings, blocked, message };
}


/***/ }),

/***/ 72445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ RANGE_PART),
/* harmony export */   g: () => (/* binding */ RANGED_ABOVE)
/* harmony export */ });
/* harmony import */ var _stores_part_sizes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28554);
// The sizes of a ranged download, in a module of their own so that doctor can name them without loading download.

/** Past this size a file comes in ranged parts (upload sends such files in parts too). */
const RANGED_ABOVE = 16 * 1024 * 1024;
/** The size of each ranged part: what AWS advises (8 or 16 MB), and the upload's own part size, so ranges align with parts. */
const RANGE_PART = _stores_part_sizes_js__WEBPACK_IMPORTED_MODULE_0__/* .UPLOAD_PART_SIZE */ .a;


/***/ }),

/***/ 28554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ UPLOAD_PART_SIZE),
/* harmony export */   k: () => (/* binding */ MAX_PARTS)
/* harmony export */ });
// S3's multipart sizes, in a module of their own: download and doctor name them without loading the upload's code.
/** The part size of a multipart upload, unless the object needs larger parts to fit in MAX_PARTS. */
const UPLOAD_PART_SIZE = 8 * 1024 ** 2;
/** S3's limit on the parts of one multipart upload. */
const MAX_PARTS = 10_000;


/***/ })

};
;
//# sourceMappingURL=257.index.js.map