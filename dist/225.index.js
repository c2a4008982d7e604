"use strict";
exports.id = 225;
exports.ids = [225,736];
exports.modules = {

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

/***/ 36225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(74813);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(70370);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/util/cancellation.ts
var cancellation = __webpack_require__(76601);
// EXTERNAL MODULE: ./src/sets/claims.ts
var claims = __webpack_require__(97464);
// EXTERNAL MODULE: ./src/util/progress.ts
var util_progress = __webpack_require__(65365);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(49997);
// EXTERNAL MODULE: ./src/sets/miss-reason.ts
var miss_reason = __webpack_require__(44630);
// EXTERNAL MODULE: ./src/sets/layout.ts
var layout = __webpack_require__(73267);
// EXTERNAL MODULE: ./src/hashing/set-key.ts
var set_key = __webpack_require__(34574);
// EXTERNAL MODULE: ./src/sets/manifest.ts
var sets_manifest = __webpack_require__(99640);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./src/sets/pack-encoding.ts
var pack_encoding = __webpack_require__(54908);
// EXTERNAL MODULE: ./src/sets/tar.ts
var tar = __webpack_require__(56922);
// EXTERNAL MODULE: ./src/util/capped-read.ts
var capped_read = __webpack_require__(48724);
// EXTERNAL MODULE: ./src/util/digest-stream.ts
var digest_stream = __webpack_require__(89587);
// EXTERNAL MODULE: ./src/util/node-builtins.ts
var node_builtins = __webpack_require__(53115);
;// CONCATENATED MODULE: ./src/sets/packs.ts









const MiB = 1024 * 1024;
/** A pack closes before it would grow past this, so a large set gives several packs to move in parallel. */
const MAX_PACK_BYTES = 64 * 1024 * 1024;
/** Files read ahead of the one being sent into a pack. */
const READ_AHEAD = 16;
/** About how many packs a package's small files are cut into (a power of two bounds each pack's size; see packTarget). */
const PACKS_AIMED_FOR = 32;
const SMALLEST_TARGET = 256 * 1024;
const LARGEST_TARGET = 16 * 1024 * 1024;
/**
 * A plain pack up to this size is gathered into one buffer and sent in one request with the SHA-256 taken as it
 * was built: a stream would go up as a multipart upload, copied into parts and hashed again for SigV4. A pack to
 * compress is gathered whatever its size (at most MAX_PACK_BYTES): it is compressed whole.
 */
const GATHER_PACKS_UP_TO = LARGEST_TARGET;
/**
 * The average pack size aimed at: a power of two near 1/32 of the small files' bytes, 256 KiB to 16 MiB. A power
 * of two, so a package growing or shrinking a little keeps its target, and so its packs.
 */
function packTarget(smallBytes, maxPackBytes = MAX_PACK_BYTES) {
    const aim = 2 ** Math.floor(Math.log2(Math.max(1, smallBytes / PACKS_AIMED_FOR)));
    return Math.min(maxPackBytes, LARGEST_TARGET, Math.max(SMALLEST_TARGET, aim));
}
/**
 * Whether a pack ends after this member: decided by the member's own path, with a chance of its length over the
 * target (so packs average the target whatever the file sizes). Boundaries are content-defined: a file that
 * changes, appears or goes changes the pack it falls in, and every other pack keeps its members and its bytes,
 * so the next upload copies it server-side and a warm restore keeps it.
 */
function endsPack(relative, length, target) {
    const draw = (0,node_builtins/* nodeCrypto */.SI)().createHash('sha256').update(relative).digest().readUInt32BE(0) / 2 ** 32;
    return draw < length / target;
}
/**
 * Splits a package into packs of the files smaller than `packBelow` (in path order, cut where endsPack says or
 * before a pack would pass maxPackBytes) and the files that stay plain objects. `packBelow` 0 packs nothing: the
 * version 1 layout.
 */
function planPacks(files, packBelow, maxPackBytes = MAX_PACK_BYTES) {
    const plain = files.filter((file) => file.size >= packBelow || packBelow <= 0);
    const small = (packBelow > 0 ? files.filter((file) => file.size < packBelow) : [])
        .slice()
        .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
        .map((file) => {
        const header = (0,tar/* memberHeader */.As)(file.relative, file.size);
        return { file, header, length: header.length + file.size + (0,tar/* paddingAfter */.OQ)(file.size) };
    });
    const target = packTarget(small.reduce((sum, member) => sum + member.length, 0), maxPackBytes);
    const packs = [];
    let members = [];
    let size = 0;
    const close = () => {
        if (members.length === 0)
            return;
        packs.push({ path: `${sets_manifest/* PACKS_DIRECTORY */.Fg}${packs.length}.tar`, members, size: size + tar/* TAR_END */.y7.length });
        members = [];
        size = 0;
    };
    for (const { file, header, length } of small) {
        if (members.length > 0 && size + length + tar/* TAR_END */.y7.length > maxPackBytes)
            close();
        members.push({ file, header, offset: size + header.length });
        size += length;
        if (endsPack(file.relative, length, target))
            close();
    }
    close();
    return { packs, plain };
}
/** What a pack holds, by name and size: equal for a planned pack and an earlier one that may hold the same bytes. */
function packShape(members) {
    return JSON.stringify(members.map((member) => [member.path, member.size]));
}
/** An earlier set's packs by shape, for finding the ones a new upload can copy instead of send. */
function packsByShape(files, packs) {
    const byPack = (0,sets_manifest/* filesByPack */.k9)(files);
    const byShape = new Map();
    for (const record of packs) {
        const packed = byPack.get(record.path) ?? [];
        byShape.set(packShape(packed), { record, files: packed });
    }
    return byShape;
}
/**
 * The earlier pack holding exactly this planned pack's files (names, sizes and SHA-256 as they are on disk now,
 * in the same order, so the same bytes), with those SHA-256 in member order; undefined when there is none.
 */
async function sameEarlierPack(pack, earlier) {
    const candidate = earlier.get(packShape(pack.members.map((member) => ({ path: member.file.relative, size: member.file.size }))));
    if (!candidate || (candidate.record.tarSize ?? candidate.record.size) !== pack.size)
        return undefined;
    const sha256 = [];
    for (const [index, member] of pack.members.entries()) {
        const bytes = await (0,capped_read/* readListedFile */.IK)(member.file.absolute);
        const digest = (0,digest_stream.sha256Hex)(bytes);
        if (digest !== candidate.files[index].sha256 || candidate.files[index].offset !== member.offset)
            return undefined;
        sha256.push(digest);
    }
    return { earlier: candidate, sha256 };
}
/**
 * The bytes of a pack, each file read (a few ahead) as it is needed, hashed and checked against the size it had
 * when the pack was planned: a file that changed since fails the upload instead of shifting every offset after it.
 */
async function* packBytes(pack, onMember) {
    // Reads started, oldest first; each is taken off the queue when its turn comes, so sent bytes can be collected.
    const reads = [];
    const startRead = (index) => {
        if (index >= pack.members.length)
            return;
        const read = (0,capped_read/* readListedFile */.IK)(pack.members[index].file.absolute);
        read.catch(() => undefined); // awaited below; this only keeps an abandoned read from being an unhandled rejection
        reads.push(read);
    };
    for (let index = 0; index < READ_AHEAD; index++)
        startRead(index);
    for (const [index, member] of pack.members.entries()) {
        const bytes = await reads.shift();
        startRead(index + READ_AHEAD);
        if (bytes.length !== member.file.size)
            throw changedWhilePacked(member, bytes.length);
        onMember(member, (0,digest_stream.sha256Hex)(bytes));
        yield member.header;
        if (bytes.length > 0)
            yield bytes;
        const padding = (0,tar/* paddingAfter */.OQ)(bytes.length);
        if (padding > 0)
            yield Buffer.alloc(padding);
    }
    yield tar/* TAR_END */.y7;
}
/** The error for a file whose size is not the one it had when its pack was planned. */
function changedWhilePacked(member, size) {
    return new errors/* IntegrityError */.cs(`${member.file.absolute} changed while it was packed (${member.file.size} bytes when listed, ${size} when read). Upload again.`);
}
/**
 * The buffers packs are gathered in, used again once their pack is sent: a fresh buffer a pack cost a page fault
 * for every 4 KiB of the set's small files (on this VM, 15% of a packed upload's CPU). Sizes are rounded up to
 * whole MiB so a buffer fits the next pack more often; at most `keep` are held, the largest.
 */
class PackBuffers {
    keep;
    spare = [];
    /** The memory of buffers made here: only those are used again (a small Buffer may share Node's pool). */
    ours = new WeakSet();
    constructor(keep) {
        this.keep = keep;
    }
    /** A buffer of exactly `size` bytes (its contents are whatever was there). */
    take(size) {
        const fits = this.spare.filter((buffer) => buffer.length >= size).sort((a, b) => a.length - b.length)[0];
        if (fits) {
            this.spare.splice(this.spare.indexOf(fits), 1);
            return fits.subarray(0, size);
        }
        const made = Buffer.allocUnsafeSlow(Math.ceil(size / MiB) * MiB || MiB);
        this.ours.add(made.buffer);
        return made.subarray(0, size);
    }
    /** Gives back a buffer from take() whose bytes nothing reads any more (its request has been answered). */
    give(body) {
        if (!this.ours.has(body.buffer))
            return;
        this.spare.push(Buffer.from(body.buffer));
        if (this.spare.length > this.keep)
            this.spare.sort((a, b) => b.length - a.length).pop();
    }
}
/**
 * The bytes of a pack in one buffer, each file read straight into its place (a few at a time: the places do not
 * overlap), hashed and checked against the size it had when the pack was planned; with each file's SHA-256 in
 * member order. No file is read into a buffer of its own and copied again.
 */
async function gatherPack(pack, onFile, buffers) {
    const body = buffers.take(pack.size);
    const sha256 = [];
    let next = 0;
    let failed = false;
    const readMembers = async () => {
        while (next < pack.members.length && !failed) {
            const index = next++;
            const member = pack.members[index];
            const { size } = member.file;
            member.header.copy(body, member.offset - member.header.length);
            const place = body.subarray(member.offset, member.offset + size);
            const held = await (0,capped_read/* readListedFileInto */.Mx)(member.file.absolute, place);
            if (held < size)
                throw changedWhilePacked(member, held);
            if (held > size)
                throw changedWhilePacked(member, await (0,promises_.stat)(member.file.absolute).then((info) => info.size, () => `more than ${size}`));
            sha256[index] = (0,digest_stream.sha256Hex)(place);
            body.fill(0, member.offset + size, member.offset + size + (0,tar/* paddingAfter */.OQ)(size));
            onFile(size);
        }
    };
    await Promise.all(Array.from({ length: Math.min(READ_AHEAD, pack.members.length) }, () => readMembers().catch((error) => {
        failed = true; // the other readers stop at their next file
        throw error;
    })));
    tar/* TAR_END */.y7.copy(body, pack.size - tar/* TAR_END */.y7.length);
    return { body, sha256 };
}
/**
 * Writes one pack under `setPrefix`; returns its record and the manifest entries of its files. Plain tar is gathered
 * and sent in one request (over 16 MiB: streamed up in parts). With an encoding (zstd where the runtime has it,
 * unless pack-compression is none) the pack is gathered, compressed whole in the thread pool (a pack is at most
 * 64 MiB) and stored as `<n>.tar.zst`, unless that saves under a tenth of its bytes; a pack whose sample does not
 * compress (already-compressed or random files) is stored plain without being compressed whole.
 */
async function uploadPack(store, setPrefix, pack, metadata, onFile, 
/** zstd, or undefined for plain tar (the runtime has no zstd, or pack-compression: none). */
encoding, 
/** Where a plain pack is gathered; its buffer goes back once the pack is stored (an upload shares one). */
buffers = new PackBuffers(0)) {
    let members = [];
    let record;
    if (encoding || pack.size <= GATHER_PACKS_UP_TO) {
        const gathered = await gatherPack(pack, onFile, buffers);
        members = pack.members.map((member, index) => ({ member, sha256: gathered.sha256[index] }));
        const tar = gathered.body;
        const compressed = encoding && (0,pack_encoding/* mayCompress */.u5)(encoding, tar) ? await (0,pack_encoding/* compressWhole */._4)(encoding, tar) : undefined;
        const kept = encoding && compressed && compressed.length < pack_encoding/* WORTH_COMPRESSING */.G2 * pack.size ? { encoding, compressed } : undefined;
        // The tar goes back to the pool before a compressed pack is sent, after a plain one (it is the body then).
        if (kept)
            buffers.give(tar);
        const body = kept ? kept.compressed : tar;
        const path = kept ? pack.path + (0,pack_encoding/* encodingSuffix */.ps)(kept.encoding) : pack.path;
        const sha256 = (0,digest_stream.sha256Hex)(body);
        const contentType = kept ? 'application/zstd' : 'application/x-tar';
        const { etag } = await store.put(setPrefix + path, body, { size: body.length, sha256, contentType, metadata });
        if (!kept)
            buffers.give(tar);
        record = {
            path,
            size: body.length,
            sha256,
            ...(etag ? { etag } : {}),
            ...(kept ? { encoding: kept.encoding, tarSize: pack.size } : {})
        };
    }
    else {
        const tarHash = (0,node_builtins/* nodeCrypto */.SI)().createHash('sha256');
        let sent = 0;
        const tar = (async function* () {
            for await (const chunk of packBytes(pack, (member, sha256) => {
                members.push({ member, sha256 });
                onFile(member.file.size);
            })) {
                tarHash.update(chunk);
                sent += chunk.length;
                yield chunk;
            }
        })();
        const { etag } = await store.put(setPrefix + pack.path, external_node_stream_.Readable.from(tar, { objectMode: false }), {
            size: pack.size,
            contentType: 'application/x-tar',
            metadata
        });
        if (sent !== pack.size)
            throw new errors/* IntegrityError */.cs(`The pack ${store.url(setPrefix + pack.path)} came out ${sent} bytes, not ${pack.size}.`);
        record = { path: pack.path, size: pack.size, sha256: tarHash.digest('hex'), ...(etag ? { etag } : {}) };
    }
    const files = members.map(({ member, sha256 }) => ({
        path: member.file.relative,
        size: member.file.size,
        sha256,
        pack: record.path,
        offset: member.offset
    }));
    return { record, files };
}

// EXTERNAL MODULE: ./src/sets/package-files.ts
var package_files = __webpack_require__(54355);
// EXTERNAL MODULE: ./src/sets/object-sets.ts + 1 modules
var object_sets = __webpack_require__(35665);
;// CONCATENATED MODULE: ./src/sets/object-publish.ts

















/** Files up to this size are read into memory and sent in one request; larger ones are streamed in parts. */
const SINGLE_PUT_LIMIT = 16 * 1024 * 1024;
/** Packs and large files in flight at once (each buffers up to 4 parts of 8 MiB): two keep peak RSS under 200 MB. */
const LARGE_FILES_AT_ONCE = 2;
/**
 * The user metadata the original s3-asset-manager puts on every object, which deploys read: Terraform's
 * aws_lambda_function takes `source_code_hash` from `package-hash` (base64 SHA-256, as Lambda reports it).
 */
function objectMetadata(commit, codeHash, sha256Hex) {
    return {
        'commit-hash': commit,
        ...(codeHash ? { 'code-hash': codeHash } : {}),
        // A pack is not a package a deploy reads: it carries no package-hash.
        ...(sha256Hex ? { 'package-hash': Buffer.from(sha256Hex, 'hex').toString('base64') } : {})
    };
}
async function previousBuild(store, prefix, policy) {
    try {
        const key = await (0,miss_reason/* newestBuildKey */.A1)(store, prefix);
        if (!key)
            return undefined;
        const setPrefix = (0,layout/* codeHashPrefix */._Y)(prefix, key);
        // Read without a word: a set this run may not trust is simply not used (check warns about it where it matters).
        const read = await (0,object_sets/* readSetManifest */.wI)(store, setPrefix, policy, { codeHash: key });
        if (!('manifest' in read))
            return undefined;
        return {
            setPrefix,
            bySha256: new Map(read.manifest.files.filter((file) => file.pack === undefined).map((file) => [file.sha256, file])),
            packs: packsByShape(read.manifest.files, read.manifest.packs ?? [])
        };
    }
    catch {
        // Only an optimisation: anything unreadable means every file is sent.
        return undefined;
    }
}
/**
 * Copies an unchanged file from the previous build into `key` with this set's metadata, and checks the copy: by
 * the SHA-256 the store reports, else by reading it back. Returns the ETag, or undefined when the copy cannot be
 * used (source gone or not the bytes its manifest names): the caller then sends the file.
 */
async function copyUnchanged(store, source, key, size, sha256, replace) {
    try {
        const copied = await store.copy(source, key, size, replace);
        const got = copied.sha256 ?? (await (0,object_sets/* readBackSha256 */.pu)(store, key, size));
        if (got === sha256)
            return { etag: copied.etag };
        runner/* warning */.$e(`${store.url(source)} does not hold the bytes its manifest names (SHA-256 ${got}): the file is sent instead.`);
        // What is sent may go under another name (a pack stored plain where the earlier one was compressed): the
        // wrong copy is not left in the set (best effort: a role without s3:DeleteObject leaves it as a stray, which the
        // next upload replacing the set removes).
        await store.delete(key).catch(() => undefined);
        return undefined;
    }
    catch (error) {
        if (error instanceof errors/* MissingObjectError */.S3)
            return undefined;
        throw error;
    }
}
/** A pack holding exactly the files of one of the previous build's packs, copied from it; undefined when it must be sent. */
async function copyUnchangedPack(store, target, pack, previous, metadata, moved) {
    const same = await sameEarlierPack(pack, previous.packs);
    if (!same)
        return undefined;
    const { record } = same.earlier;
    // Copied as stored (compressed or not), under this set's name for the pack.
    const path = pack.path + (0,pack_encoding/* encodingSuffix */.ps)(record.encoding);
    const copied = await copyUnchanged(store, previous.setPrefix + record.path, target + path, record.size, record.sha256, {
        contentType: record.encoding ? 'application/zstd' : 'application/x-tar',
        metadata
    });
    if (!copied)
        return undefined;
    moved.copiedFiles += pack.members.length;
    moved.copiedBytes += pack.members.reduce((sum, member) => sum + member.file.size, 0);
    const { etag: _earlier, ...kept } = record;
    return {
        record: { ...kept, path, ...(copied.etag ? { etag: copied.etag } : {}) },
        files: pack.members.map((member, index) => ({
            path: member.file.relative,
            size: member.file.size,
            sha256: same.sha256[index],
            pack: path,
            offset: member.offset
        }))
    };
}
async function uploadFile(store, key, file, commit, codeHash, progress, previous, moved, mime) {
    const contentType = mime.getType(file.relative) ?? 'application/octet-stream';
    const unchanged = async (sha256) => {
        const before = previous?.bySha256.get(sha256);
        if (!previous || !before || before.size !== file.size)
            return undefined;
        const copied = await copyUnchanged(store, previous.setPrefix + before.path, key, file.size, sha256, {
            contentType,
            metadata: objectMetadata(commit, codeHash, sha256)
        });
        if (!copied)
            return undefined;
        moved.copiedFiles++;
        moved.copiedBytes += file.size;
        return { path: file.relative, size: file.size, sha256, ...(copied.etag ? { etag: copied.etag } : {}) };
    };
    if (file.size <= SINGLE_PUT_LIMIT) {
        const bytes = await (0,capped_read/* readListedFile */.IK)(file.absolute);
        const sha256 = (0,digest_stream.sha256Hex)(bytes);
        const copied = await unchanged(sha256);
        if (copied)
            return copied;
        const { etag } = await store.put(key, bytes, {
            size: bytes.length,
            contentType,
            sha256,
            metadata: objectMetadata(commit, codeHash, sha256)
        });
        return { path: file.relative, size: bytes.length, sha256, ...(etag ? { etag } : {}) };
    }
    // Metadata goes with the first request of a multipart upload, so a large file is hashed before it is
    // sent, and hashed again as it streams: a file that changed in between fails rather than mislabelled.
    const expected = await (0,digest_stream/* sha256OfFile */.Vq)(file.absolute);
    const copied = await unchanged(expected);
    if (copied)
        return copied;
    const body = await digest_stream/* DigestedFile */.m3.open(file.absolute);
    const unwatch = progress.watch(body);
    const { etag } = await store
        .put(key, body, { size: file.size, contentType, metadata: objectMetadata(commit, codeHash, expected) })
        .finally(() => {
        unwatch();
        return body.close();
    });
    const sent = body.digest();
    if (sent !== expected) {
        throw new errors/* IntegrityError */.cs(`${file.absolute} changed while it was uploaded (SHA-256 ${expected} before, ${sent} as sent). Upload it again.`);
    }
    return { path: file.relative, size: file.size, sha256: sent, ...(etag ? { etag } : {}) };
}
/** Uploads the package directory's files (the small ones as packs) under `target`; the manifest's entries, with ETags. */
async function uploadFiles(store, request, files, target, previous) {
    const moved = { copiedFiles: 0, copiedBytes: 0 };
    const progress = new util_progress/* Progress */.k({ doing: `Uploading to ${store.url(target)}:`, done: `Uploaded to ${store.url(target)}:` }, files.length, files.reduce((sum, file) => sum + file.size, 0));
    const limit = (0,p_limit/* default */.A)(request.concurrency);
    // Packs and large files stream in parts, each holding a few parts in memory: only a couple at a time.
    const largeLimit = (0,p_limit/* default */.A)(LARGE_FILES_AT_ONCE);
    // A buffer for each pack gathered at once, and one to spare.
    const packBuffers = new PackBuffers(LARGE_FILES_AT_ONCE + 1);
    const { packs, plain } = planPacks(files, request.packBelow ?? 0);
    // Loaded by uploads only: mime builds its type tables as it loads (~4 ms), which check never needs.
    const { default: mime } = await __webpack_require__.e(/* import() */ 86).then(__webpack_require__.bind(__webpack_require__, 15086));
    const plainOnly = request.packCompression === 'none';
    const encoding = plainOnly ? undefined : (0,pack_encoding/* writableEncoding */.w9)();
    // pack-compression: none asks for plain tar, so an earlier compressed pack is sent again rather than copied (and
    // its files are not read to compare with it).
    const packsFrom = previous && plainOnly
        ? { ...previous, packs: new Map([...previous.packs].filter(([, earlier]) => !earlier.record.encoding)) }
        : previous;
    const packMetadata = objectMetadata(request.commit, request.codeHash);
    const sendFile = async (file) => {
        (0,cancellation/* throwIfCancelled */.dZ)();
        const entry = await uploadFile(store, target + file.relative, file, request.commit, request.codeHash, progress, previous, moved, mime);
        progress.add(1, entry.size);
        return entry;
    };
    const large = plain.filter((file) => file.size > SINGLE_PUT_LIMIT).sort((a, b) => b.size - a.size);
    const small = plain.filter((file) => file.size <= SINGLE_PUT_LIMIT);
    // Large files queue for their turn before the packs, largest first (the array is evaluated in order): one queued
    // behind every pack streamed alone at the end, part after part, while the other turn stood idle.
    const [storedLarge, packed, storedSmall] = await Promise.all([
        Promise.all(large.map((file) => largeLimit(() => sendFile(file)))),
        Promise.all(packs.map((pack) => largeLimit(async () => {
            (0,cancellation/* throwIfCancelled */.dZ)();
            const copied = packsFrom && (await copyUnchangedPack(store, target, pack, packsFrom, packMetadata, moved));
            if (copied) {
                progress.add(copied.files.length, (0,sets_manifest/* totalBytes */.ob)(copied.files));
                return copied;
            }
            return uploadPack(store, target, pack, packMetadata, (size) => progress.add(1, size), encoding, packBuffers);
        }))),
        Promise.all(small.map((file) => limit(() => sendFile(file))))
    ]).catch((error) => {
        progress.abandon();
        throw error;
    });
    progress.finish();
    if (moved.copiedFiles > 0)
        runner/* info */.pq(`${(0,util_text/* plural */.L)(moved.copiedFiles, 'file')} (${(0,util_progress/* formatBytes */.z)(moved.copiedBytes)}) unchanged since the previous build ${store.url(previous.setPrefix)}: copied server-side, not sent.`);
    const entries = [...storedLarge, ...storedSmall, ...packed.flatMap((pack) => pack.files)].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    return { entries, packs: packed.map((pack) => pack.record) };
}
/**
 * Stores the package directory as the commit's set, then (tier on) fills the code-hash set from it by
 * server-side copy. Each set is written holding its claim (claims.ts), so runs storing the same set at once
 * never mix their objects: the first writes it, the others wait and write nothing. A set already whole is
 * kept; a broken one (objects not those of its manifest, a manifest not trusted) is replaced \u2014 manifest
 * cleared first, written last. Shared by upload and the assets plugin.
 */
async function publish(store, request, policy) {
    const files = await (0,package_files.listPackageFiles)(request.directory, { warnOfLeftovers: true });
    const target = (0,layout/* commitPrefix */.q8)(request.prefix, request.commit);
    const owner = { commit: request.commit };
    // A whole set built under another key is replaced (upload says why before it gets here).
    const standing = (state) => state.state === 'whole' && (0,sets_manifest/* builtUnder */.v)(state.manifest, request.codeHash);
    const whole = async () => standing(await (0,object_sets/* inspectSet */.V0)(store, target, policy, owner));
    const written = await (0,claims/* underClaim */.j)(store, target, { what: `The set of commit ${request.commit} at ${store.url(target)}`, storedMeanwhile: whole }, async () => {
        const now = await (0,object_sets/* inspectSet */.V0)(store, target, policy, owner);
        if (standing(now))
            return { manifest: now.manifest, by: 'another-run' };
        (0,object_sets/* noteReplacing */.ob)(store, target, now);
        let uploaded;
        try {
            // Read only by the run that writes the set: one that finds it stored reads nothing more.
            const previous = await previousBuild(store, request.prefix, policy);
            uploaded = await uploadFiles(store, request, files, target, previous);
            (0,cancellation/* throwIfCancelled */.dZ)();
        }
        catch (error) {
            throw (0,cancellation/* asCancellation */.Cz)(error, `no manifest was written for ${store.url(target)}, so nothing is stored for commit ${request.commit}; the objects sent before the stop ` +
                `stay until an upload of this commit replaces them, and no multipart upload was left open`);
        }
        const { entries, packs } = uploaded;
        const manifest = (0,sets_manifest/* buildManifest */.u1)({
            commit: request.commit,
            codeHash: request.codeHash,
            source: 'upload',
            files: entries,
            packs,
            platform: request.platform
        });
        await (0,object_sets/* writeManifest */.HN)(store, target, manifest, policy, now.state === 'none');
        await (0,object_sets/* deleteStrays */.mC)(store, target, now, manifest);
        return { manifest, by: 'this-run', ...(now.state === 'broken' ? { replaced: now.problem } : {}) };
    });
    if (!written || written.by === 'another-run') {
        const manifest = written?.manifest ?? (await (0,object_sets/* readManifest */.WI)(store, target, policy, owner));
        if (!manifest)
            throw new errors/* IntegrityError */.cs(`Another run stored ${store.url(target)} while this one waited, but its manifest cannot be used.`);
        // That run writes the code-hash set too.
        return { manifest, by: 'another-run' };
    }
    const manifest = written.manifest;
    try {
        if (request.writeCodeHashSet !== false)
            await publishCodeHashSet(store, request, policy, manifest, target);
    }
    catch (error) {
        throw (0,cancellation/* asCancellation */.Cz)(error, `the set of commit ${request.commit} is stored in ${store.url(target)}; the code-hash set was not completed (no manifest), so nothing is served from it`);
    }
    return written;
}
/** Fills `cache/<code hash>/` from the commit's set just stored, unless a whole one is there; then the newest-build pointer. */
async function publishCodeHashSet(store, request, policy, manifest, target) {
    if (!request.codeHash)
        return;
    const cached = (0,layout/* codeHashPrefix */._Y)(request.prefix, request.codeHash);
    if (!policy.cacheWrite.allowed) {
        runner/* info */.pq(`Not writing the shared code-hash set ${store.url(cached)}: ${policy.cacheWrite.reason}.`);
        return;
    }
    const owner = { codeHash: request.codeHash };
    const whole = async () => (await (0,object_sets/* inspectSet */.V0)(store, cached, policy, owner)).state === 'whole';
    await (0,claims/* underClaim */.j)(store, cached, { what: `The code-hash set ${store.url(cached)}`, storedMeanwhile: whole }, async () => {
        const now = await (0,object_sets/* inspectSet */.V0)(store, cached, policy, owner);
        if (now.state === 'whole') {
            runner/* info */.pq(`The shared code-hash set ${store.url(cached)} is stored already (the same sources were built before): not copied again.`);
            return;
        }
        (0,object_sets/* noteReplacing */.ob)(store, cached, now);
        const copies = await (0,object_sets/* copySet */.G_)(store, (0,sets_manifest/* setObjects */.Tz)(manifest), target, cached, request.concurrency, policy.signing.keys.length > 0);
        const copied = { ...manifest, ...(0,object_sets/* withObjects */.d$)(manifest, copies) };
        if (!request.inputs) {
            await (0,object_sets/* writeManifest */.HN)(store, cached, copied, policy, now.state === 'none');
            return;
        }
        // What the key was made of, bound to the set by the manifest: a later miss is explained from it.
        const record = (0,set_key.serializeInputs)(request.codeHash, request.inputs);
        const inputs = { path: sets_manifest/* INPUTS_NAME */.cW, size: record.length, sha256: (0,digest_stream.sha256Hex)(record) };
        await store.put(cached + sets_manifest/* INPUTS_NAME */.cW, record, { size: record.length, contentType: 'application/gzip', sha256: inputs.sha256 });
        await (0,object_sets/* writeManifest */.HN)(store, cached, { ...copied, inputs }, policy, now.state === 'none');
        await (0,object_sets/* deleteStrays */.mC)(store, cached, now, copied);
    });
    // This build is the newest under the prefix (after its set's manifest, so the pointer never names a set that is not there).
    if (request.inputs) {
        const pointer = (0,miss_reason/* newestPointer */.I9)(request.codeHash);
        await store.put((0,layout/* newestPointerKey */.jg)(request.prefix), pointer, { size: pointer.length, contentType: 'application/json' });
    }
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
//# sourceMappingURL=225.index.js.map