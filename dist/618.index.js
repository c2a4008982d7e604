"use strict";
exports.id = 618;
exports.ids = [618];
exports.modules = {

/***/ 98618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prune: () => (/* binding */ prune)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(70370);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/util/progress.ts
var progress = __webpack_require__(65365);
// EXTERNAL MODULE: ./src/sets/layout.ts
var layout = __webpack_require__(73267);
;// CONCATENATED MODULE: ./src/retention/inventory.ts


/** Groups a listing of `prefix` into sets; keys outside any set (state files, objects apply wrote) are left out. */
function groupSets(objects, prefix) {
    const groups = new Map();
    for (const object of objects) {
        if (!object.key.startsWith(prefix))
            continue;
        const found = (0,layout/* parseSetRoot */.Y3)(object.key.slice(prefix.length));
        if (!found)
            continue;
        const root = `${prefix}${found.root}`;
        let group = groups.get(root);
        if (!group) {
            group = { family: found.family, tier: found.tier, id: found.id, objects: [] };
            groups.set(root, group);
        }
        group.objects.push(object);
    }
    return [...groups].map(([root, group]) => ({
        root,
        family: group.family,
        tier: group.tier,
        id: group.id,
        objects: group.objects,
        manifest: group.objects.find((object) => object.key === `${root}${constants/* MANIFEST_NAME */.ir}`),
        marker: group.objects.find((object) => object.key === `${root}${constants/* LAST_USED_NAME */.zw}`),
        bytes: group.objects.reduce((sum, object) => sum + object.size, 0),
        newest: new Date(Math.max(...group.objects.map((object) => object.lastModified.getTime())))
    }));
}

;// CONCATENATED MODULE: ./src/retention/rules.ts

const DAY = 24 * 60 * 60 * 1000;
/** Objects without a manifest younger than this may be an upload in progress: never touched. */
const UPLOAD_GRACE_MS = 60 * 60 * 1000;
function daysAgo(date, now) {
    const days = Math.floor((now.getTime() - date.getTime()) / DAY);
    return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}
const newer = (a, b) => (!a ? b : !b ? a : a > b ? a : b);
/**
 * Decides each set's fate. A set with a manifest is as old as the newer of its creation and its last use;
 * it goes when that is more than keep-days ago, unless it is one of the keep-last newest commit sets of its
 * family or apply's state references it. Objects without a manifest go when nothing was written to them for
 * keep-days (and at least an hour, so an upload in progress is never touched).
 */
function decide(sets, dates, rules) {
    const cutoff = new Date(rules.now.getTime() - rules.keepDays * DAY);
    const graceCutoff = new Date(Math.min(cutoff.getTime(), rules.now.getTime() - UPLOAD_GRACE_MS));
    // An original tool's set (legacy-sets) has files: a claim or a last-use marker alone is not one.
    const legacySet = (set) => rules.legacySets &&
        set.tier === 'artifacts' &&
        !set.manifest &&
        set.objects.some((object) => !(0,layout/* isSetBookkeeping */.F4)(object.key.slice(set.root.length)));
    const complete = (set) => dates.get(set.root)?.createdAt !== undefined || legacySet(set);
    const ageOf = (set) => {
        const known = dates.get(set.root);
        return (known?.createdAt && newer(known.createdAt, known.lastUsedAt)) ?? set.newest;
    };
    const newestCommitSets = new Set();
    const families = new Map();
    for (const set of sets) {
        if (set.tier !== 'artifacts' || !complete(set))
            continue;
        families.set(set.family, [...(families.get(set.family) ?? []), set]);
    }
    for (const family of families.values()) {
        family.sort((a, b) => ageOf(b).getTime() - ageOf(a).getTime());
        for (const set of family.slice(0, rules.keepLast))
            newestCommitSets.add(set.root);
    }
    return sets.map((set) => {
        const age = ageOf(set);
        if (!complete(set)) {
            const old = set.newest < graceCutoff;
            return {
                set,
                complete: false,
                age,
                delete: old,
                reason: old
                    ? `no manifest; last written ${daysAgo(set.newest, rules.now)} (left by an unfinished upload or prune)`
                    : `no manifest, but written ${daysAgo(set.newest, rules.now)}: maybe an upload in progress`
            };
        }
        const known = dates.get(set.root);
        const used = known?.lastUsedAt && (!known.createdAt || known.lastUsedAt > known.createdAt);
        const when = `${used ? 'last used' : 'created'} ${daysAgo(age, rules.now)}`;
        const tool = rules.referenced.get(set.root);
        if (tool)
            return { set, complete: true, age, delete: false, reason: `${when}; apply's state references it (${tool})` };
        if (newestCommitSets.has(set.root)) {
            return { set, complete: true, age, delete: false, reason: `${when}; one of the ${rules.keepLast} newest commit sets` };
        }
        const old = age < cutoff;
        return { set, complete: true, age, delete: old, reason: when };
    });
}

// EXTERNAL MODULE: ./src/stores/index.ts
var stores = __webpack_require__(92826);
;// CONCATENATED MODULE: ./src/modes/prune.ts










/** Manifest and marker reads in flight at once. */
const READS_IN_FLIGHT = 32;
const PROGRESS_INTERVAL_MS = 5000;
/** Logs `line()` at most every few seconds, so a long listing or deletion shows it is moving. */
function throttled(line) {
    let last = Date.now();
    return (count) => {
        if (Date.now() - last < PROGRESS_INTERVAL_MS)
            return;
        last = Date.now();
        runner/* info */.pq(line(count));
    };
}
/** When a manifest says its set was created; undefined when it does not say it readably. */
function createdAtOf(manifestText) {
    try {
        const value = JSON.parse(manifestText).createdAt;
        const date = typeof value === 'string' ? new Date(value) : undefined;
        return date && !Number.isNaN(date.getTime()) ? date : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * When each set with a manifest was created (the manifest's `createdAt`, else the manifest object's date)
 * and last used (the `.last-used` marker's date in the listing: it is written at the moment of use, so its
 * content need not be read).
 */
async function readDates(store, sets) {
    const dates = new Map();
    const limit = (0,p_limit/* default */.A)(READS_IN_FLIGHT);
    const withManifest = sets.filter((set) => set.manifest);
    let read = 0;
    const progress = throttled((count) => `Read ${count}/${withManifest.length} manifests.`);
    await Promise.all(withManifest.map((set) => limit(async () => {
        // A manifest too large to read is aged by its object's date, like one without createdAt.
        const text = await store.readText((0,layout/* manifestKey */.Rn)(set.root), constants/* READ_LIMITS */.Cl.manifest).catch((error) => {
            if (error instanceof errors/* IntegrityError */.cs)
                return '';
            throw error;
        });
        progress(++read);
        if (text === undefined)
            return; // deleted since the listing: its objects are now without a manifest
        dates.set(set.root, { createdAt: createdAtOf(text) ?? set.manifest.lastModified, lastUsedAt: set.marker?.lastModified });
    })));
    return dates;
}
/** The set roots apply's state references: each assets tool's commit set and the code-hash set beside it. */
async function referencedSets(settings, store, sets) {
    const referenced = new Map();
    if (!settings.prune.config)
        return referenced;
    const { loadConfig } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(289)]).then(__webpack_require__.bind(__webpack_require__, 62289));
    const { PLUGINS } = await Promise.all(/* import() */[__webpack_require__.e(448), __webpack_require__.e(946), __webpack_require__.e(225), __webpack_require__.e(192)]).then(__webpack_require__.bind(__webpack_require__, 95192));
    const { stateStorageFor } = await __webpack_require__.e(/* import() */ 949).then(__webpack_require__.bind(__webpack_require__, 63949));
    const { parseState } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(593), __webpack_require__.e(45)]).then(__webpack_require__.bind(__webpack_require__, 12593));
    const config = await loadConfig(settings.prune.config, [...PLUGINS.keys()]);
    const storage = await stateStorageFor(config.state, settings.store, settings.repoPath);
    try {
        const stored = await storage.get('state');
        if (!stored) {
            runner/* info */.pq(`The state ${storage.description} does not exist yet: no set is protected by it.`);
            return referenced;
        }
        const state = parseState(stored.body, storage.description);
        const byUrl = new Map(sets.map((set) => [store.url(set.root), set]));
        for (const [key, entry] of state.resources) {
            const outputs = entry.resourceStatus.outputs;
            const set = typeof outputs.location === 'string' ? byUrl.get(outputs.location) : undefined;
            if (!set)
                continue;
            referenced.set(set.root, key);
            if (typeof outputs.codeHash === 'string' && outputs.codeHash) {
                referenced.set((0,layout/* siblingPrefix */.Bc)(set, 'cache', outputs.codeHash), key);
            }
        }
        runner/* info */.pq(`apply's state ${storage.description} references ${(0,util_text/* plural */.L)(referenced.size, 'set')}: they are kept.`);
        return referenced;
    }
    finally {
        storage.close();
    }
}
/**
 * Deletes what the rules give up: every doomed set's manifest first (so no check finds a set half
 * deleted), then all their other objects, in batches. A prune that stops midway leaves only objects
 * without a manifest, which the next prune removes.
 */
async function deleteSets(store, doomed) {
    const manifests = doomed.flatMap((decision) => (decision.set.manifest ? [decision.set.manifest.key] : []));
    const manifestSet = new Set(manifests);
    const rest = doomed.flatMap((decision) => decision.set.objects.map((object) => object.key).filter((key) => !manifestSet.has(key)));
    const total = manifests.length + rest.length;
    const progress = throttled((count) => `Deleted ${count}/${total} objects.`);
    await store.deleteMany(manifests, progress);
    await store.deleteMany(rest, (count) => progress(manifests.length + count));
}
/** prune: remove sets unused for keep-days (never the keep-last newest, never what apply's state uses). `now` is for tests. */
async function prune(settings, now = new Date()) {
    const started = Date.now();
    if (settings.store.kind === 'actions-cache') {
        throw new errors/* InputError */.dz(`mode 'prune' works on the s3, gcs and local backends. The GitHub Actions cache evicts entries itself (unused for 7 days, or over the repository's limit), so there is nothing to prune.`);
    }
    const store = await (0,stores.createStore)(settings.store, settings.concurrency);
    try {
        const where = store.url(settings.store.prefix);
        runner/* info */.pq(`Listing ${where} \u2026`);
        const objects = await store.list(settings.store.prefix, throttled((count) => `Listed ${count} objects so far.`));
        const sets = groupSets(objects, settings.store.prefix);
        runner/* info */.pq(`Listed ${(0,util_text/* plural */.L)(objects.length, 'object')}: ${(0,util_text/* plural */.L)(sets.length, 'set')} (with the objects left without a manifest).`);
        const dates = await readDates(store, sets);
        const referenced = await referencedSets(settings, store, sets);
        const decisions = decide(sets, dates, {
            keepDays: settings.prune.keepDays,
            keepLast: settings.prune.keepLast,
            now,
            referenced,
            legacySets: settings.legacySets
        });
        const doomed = decisions.filter((decision) => decision.delete);
        for (const decision of doomed) {
            runner/* info */.pq(`${settings.prune.planOnly ? 'Would delete' : 'Deleting'} ${store.url(decision.set.root)}: ${decision.reason}.`);
        }
        if (!settings.prune.planOnly && doomed.length > 0)
            await deleteSets(store, doomed);
        const prunedSets = doomed.filter((decision) => decision.complete).length;
        const prunedOrphans = doomed.length - prunedSets;
        const prunedObjects = doomed.reduce((sum, decision) => sum + decision.set.objects.length, 0);
        const prunedBytes = doomed.reduce((sum, decision) => sum + decision.set.bytes, 0);
        const keptSets = decisions.filter((decision) => !decision.delete && decision.complete).length;
        const verb = settings.prune.planOnly ? 'Would delete' : 'Deleted';
        return {
            planOnly: settings.prune.planOnly,
            decisions,
            prunedSets,
            prunedOrphans,
            prunedObjects,
            prunedBytes,
            keptSets,
            storeName: where,
            prefix: settings.store.prefix,
            url: (key) => store.url(key),
            elapsedMs: Date.now() - started,
            message: `${verb} ${(0,util_text/* plural */.L)(prunedSets, 'set')} and ${(0,util_text/* plural */.L)(prunedOrphans, 'group')} of objects without a manifest ` +
                `(${(0,util_text/* plural */.L)(prunedObjects, 'object')}, ${(0,progress/* formatBytes */.z)(prunedBytes)}); kept ${(0,util_text/* plural */.L)(keptSets, 'set')}.`
        };
    }
    finally {
        store.close();
    }
}


/***/ })

};
;
//# sourceMappingURL=618.index.js.map