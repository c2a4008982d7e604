export const id = 257;
export const ids = [257];
export const modules = {

/***/ 4257:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   doctor: () => (/* binding */ doctor)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8422);




const EVERY = ['check', 'upload', 'auto', 'apply', 'prune'];
const WRITERS = ['upload', 'auto', 'apply'];
/** Runs `probe`; a thrown error is the finding's detail (the store's own words on what is missing). */
async function attempt(probe) {
    try {
        return { ok: true, value: await probe() };
    }
    catch (error) {
        return { ok: false, error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error) };
    }
}
/**
 * Tries what each mode does, on scratch keys under `<prefix>.doctor/<random>/` removed afterwards: list,
 * write, read, a miss answered as a miss, copy (and whether the copy's checksum comes back), delete, and
 * what the store supports (conditional writes, ranged reads, its clock).
 */
async function examineStore(store, prefix) {
    const scratch = `${prefix}.doctor/${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(6).toString('hex')}/`;
    const findings = [];
    const add = (finding) => void findings.push(finding);
    const body = Buffer.from(`s3-asset-manager doctor ${new Date().toISOString()}\n`);
    const listed = await attempt(() => store.list(scratch));
    add(listed.ok
        ? { capability: 'list (s3:ListBucket)', result: 'ok', detail: `listed ${store.url(scratch)}`, neededBy: EVERY }
        : {
            capability: 'list (s3:ListBucket)',
            result: 'missing',
            detail: listed.error,
            todo: 'Grant s3:ListBucket on the bucket: without it S3 answers a missing object with 403, so every check fails (prune lists too).',
            neededBy: EVERY
        });
    const written = await attempt(() => store.put(`${scratch}object.txt`, body, { size: body.length, contentType: 'text/plain' }));
    add(written.ok
        ? { capability: 'write (s3:PutObject)', result: 'ok', detail: `wrote ${store.url(`${scratch}object.txt`)}`, neededBy: WRITERS }
        : {
            capability: 'write (s3:PutObject)',
            result: 'missing',
            detail: written.error,
            todo: 'Grant s3:PutObject on the prefix.',
            neededBy: WRITERS
        });
    const read = written.ok ? await attempt(() => store.readText(`${scratch}object.txt`, 1024)) : undefined;
    add(!read
        ? { capability: 'read (s3:GetObject)', result: 'info', detail: 'not tried: nothing could be written to read back', neededBy: EVERY }
        : read.ok && read.value === body.toString()
            ? { capability: 'read (s3:GetObject)', result: 'ok', detail: 'read back what was written', neededBy: EVERY }
            : {
                capability: 'read (s3:GetObject)',
                result: 'missing',
                detail: read.ok ? 'read back other bytes than were written' : read.error,
                todo: 'Grant s3:GetObject on the prefix.',
                neededBy: EVERY
            });
    const miss = await attempt(() => store.readText(`${scratch}never-written.txt`, 1024));
    add(miss.ok && miss.value === undefined
        ? { capability: 'a missing object is a miss', result: 'ok', detail: 'answered "no such key"', neededBy: EVERY }
        : {
            capability: 'a missing object is a miss',
            result: 'missing',
            detail: miss.ok ? 'a key never written was answered with content' : miss.error,
            todo: 'With s3:ListBucket granted, S3 answers a missing object with 404; check the endpoint and the IAM policy.',
            neededBy: EVERY
        });
    if (written.ok) {
        const copied = await attempt(() => store.copy(`${scratch}object.txt`, `${scratch}copy.txt`, body.length));
        add(!copied.ok
            ? {
                capability: 'server-side copy',
                result: 'missing',
                detail: copied.error,
                todo: 'Grant s3:GetObject on the source and s3:PutObject on the target: a code-hash hit copies the set to the commit.',
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
        const probed = store.probe ? await attempt(() => store.probe(`${scratch}probe/`)) : undefined;
        if (probed && !probed.ok)
            add({ capability: 'store features', result: 'info', detail: probed.error, neededBy: [] });
        const features = probed?.ok ? probed.value : undefined;
        if (features?.conditionalWrites !== undefined) {
            add(features.conditionalWrites
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
            add({
                capability: 'ranged reads',
                result: 'info',
                detail: features.rangedReads ? 'Range is honoured' : 'Range is ignored (the whole object comes back)',
                todo: 'Nothing to do: this action reads whole objects only.',
                neededBy: []
            });
        }
        if (features?.clockSkewSeconds !== undefined) {
            const skew = features.clockSkewSeconds;
            add(Math.abs(skew) < 300
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
    }
    const objects = [`${scratch}object.txt`, `${scratch}copy.txt`];
    const deleted = await attempt(() => store.deleteMany(objects));
    add(deleted.ok
        ? { capability: 'delete (s3:DeleteObject)', result: 'ok', detail: 'removed the scratch objects', neededBy: ['apply', 'prune'] }
        : {
            capability: 'delete (s3:DeleteObject)',
            result: 'missing',
            detail: `${deleted.error} (the scratch objects under ${store.url(scratch)} are left)`,
            todo: 'Only apply (its lock) and prune delete: grant s3:DeleteObject to their roles, never to check and upload.',
            neededBy: ['apply', 'prune']
        });
    return findings;
}
/** The Actions cache has no objects to try: the service must be there and answer a lookup. */
async function examineActionsCache(prefix) {
    if (!(0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .cacheServiceAvailable */ .jI)()) {
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
    const cache = await Promise.all(/* import() */[__webpack_require__.e(804), __webpack_require__.e(602), __webpack_require__.e(70)]).then(__webpack_require__.bind(__webpack_require__, 8602));
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
    if (settings.store.kind === 'actions-cache') {
        findings.push(...(await examineActionsCache(settings.store.prefix)));
    }
    else {
        const { createStore } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2826));
        const opened = await attempt(() => createStore(settings.store, settings.concurrency));
        if (!opened.ok) {
            findings.push({
                capability: settings.store.kind === 's3' && settings.store.role ? 'credentials and role' : 'credentials',
                result: 'missing',
                detail: opened.error,
                neededBy: EVERY
            });
        }
        else {
            const store = opened.value;
            storeName = store.url(settings.store.prefix);
            findings.push({
                capability: settings.store.kind === 's3' && settings.store.role ? 'credentials and role' : 'credentials',
                result: settings.store.kind === 'local' ? 'info' : 'ok',
                detail: settings.store.kind === 'local' ? 'a directory needs none' : 'resolved',
                neededBy: EVERY
            });
            try {
                findings.push(...(await examineStore(store, settings.store.prefix)));
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
    const message = blocked.size === 0
        ? `The store ${storeName || '(not reached)'} can serve ${modes.join(', ')}.`
        : `The store ${storeName || '(not reached)'} cannot serve ${[...blocked].map(([mode, lacks]) => `${mode} (lacks ${lacks.join(', ')})`).join('; ')}.`;
    for (const finding of findings) {
        const line = `${finding.result.padEnd(7)} ${finding.capability}: ${finding.detail}${finding.todo ? ` — ${finding.todo}` : ''}`;
        if (finding.result === 'missing')
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(line);
        else
            _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line);
    }
    return { store: storeName, findings, blocked, message };
}


/***/ })

};

//# sourceMappingURL=257.index.js.map