"use strict";
exports.id = 467;
exports.ids = [467];
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

/***/ 14797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   downloadSet: () => (/* binding */ downloadSet)
/* harmony export */ });
/* unused harmony export unwritten */
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74813);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(70370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(83916);
/* harmony import */ var _util_digest_stream_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(89587);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(99640);
/* harmony import */ var _pack_encoding_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(54908);
/* harmony import */ var _package_directory_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(62139);
/* harmony import */ var _util_paths_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(24964);
/* harmony import */ var _util_progress_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(65365);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(49997);
/* harmony import */ var _util_node_builtins_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(53115);
/* harmony import */ var _download_temporaries_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(75107);
/* harmony import */ var _ranged_parts_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(72445);
/* harmony import */ var _stores_part_sizes_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(28554);


















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
        const windowsProblem = process.platform === 'win32' ? segments.map(_util_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .windowsNameProblem */ .g3).find(Boolean) : undefined;
        if (windowsProblem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`Refusing to download '${file.path}' on Windows: a part of its path ${windowsProblem}.`);
        const twin = seen.get((0,_util_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .sameFileKey */ .ys)(file.path));
        if (twin !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .IntegrityError */ .cs(`Refusing to download the set: '${twin}' and '${file.path}' would be the same file on this file system.`);
        }
        seen.set((0,_util_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .sameFileKey */ .ys)(file.path), file.path);
        const target = (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .fromPosixRelative */ .yK)(root, file.path);
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
    const { existing, info } = await (0,_package_directory_js__WEBPACK_IMPORTED_MODULE_9__/* .deepestExisting */ .Gy)(directory);
    if (info && !info.isDirectory() && !info.isSymbolicLink()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .FilesError */ .yN(`Refusing to download '${forPath}': ${existing} is a file, not a directory. Nothing was written.`);
    }
    if (!(0,_util_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .isInside */ .FK)(root, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(existing))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .FilesError */ .yN(`Refusing to download '${forPath}': a symlink in the package directory points outside it.`);
    }
    for (let missing = directory; missing !== existing && (0,_util_paths_js__WEBPACK_IMPORTED_MODULE_10__/* .isInside */ .FK)(root, missing); missing = node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(missing))
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
     * against 190 ms). Tried again with the callback API, the writes left to finish beside the pack's stream: a
     * packed restore of 1,000 files on ext4 took 1.44 s against 1.35 s, on 2 cores that the download keeps busy.
     */
    writeTo(temp) {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temp, 'wx');
        try {
            let pending = this.whole ? [this.whole.subarray(0, this.filled)] : this.chunks;
            while (pending.length > 0) {
                const written = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writevSync)(fd, pending);
                // A write that takes none fails rather than being tried forever (the step would hang until the job's timeout).
                if (written === 0 && pending.some((part) => part.length > 0))
                    throw new Error(`a write to ${temp} took none of its bytes`);
                pending = unwritten(pending, written);
            }
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
    const temp = (0,_download_temporaries_js__WEBPACK_IMPORTED_MODULE_13__/* .temporaryName */ .N)(target);
    const tap = (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_6__/* .digestStream */ .Nq)(file.size);
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
/** How much of a ranged file is read back at a time to hash it, into one buffer. */
const HASH_READ = 1024 * 1024;
/**
 * A large file fetched as ranged parts, each a transfer of its own beside the packs and other files, written in
 * place in one temporary file. Over a single connection such a file is the download's tail (the server shares
 * itself among the other transfers until it is the only one left), and S3 holds one GET stream to ~80-100 MB/s.
 * The file is hashed in order while the parts arrive: the bytes right after what is hashed as they come, the
 * rest read back from the file once the bytes before them are in (from the page cache), so the check is done
 * when the last part is. A store that answers a range with anything else (a proxy that drops `Range`) has the
 * file fetched whole once every part has stopped, and every later large file of the download too, without asking.
 */
class RangedFile {
    store;
    key;
    file;
    arrival;
    progress;
    ranges;
    parts = [];
    /** Bytes written so far, for progress. */
    passed = 0;
    opened;
    settled = 0;
    rangesIgnored = false;
    failed = false;
    unwatch;
    hash = (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_12__/* .nodeCrypto */ .SI)().createHash('sha256');
    /** Bytes hashed, from the start of the file. */
    hashed = 0;
    catchingUp;
    hashFailure;
    readBuffer;
    partSize;
    constructor(store, key, file, arrival, progress, smallestPart, 
    /** Shared by the download's ranged files: once the store has answered one range whole, no other part asks. */
    ranges) {
        this.store = store;
        this.key = key;
        this.file = file;
        this.arrival = arrival;
        this.progress = progress;
        this.ranges = ranges;
        // At most MAX_PARTS (S3's own limit on an upload's parts), larger past that: a manifest is read from the store, so
        // a size in it may be anything up to 2^53, and a part list sized by it alone could fill the memory.
        this.partSize = Math.max(smallestPart, Math.ceil(file.size / _stores_part_sizes_js__WEBPACK_IMPORTED_MODULE_14__/* .MAX_PARTS */ .k));
        for (let offset = 0; offset < file.size; offset += this.partSize)
            this.parts.push({ offset, length: Math.min(this.partSize, file.size - offset), landed: 0 });
    }
    async fetch(part) {
        try {
            if (this.ranges.ignored)
                this.rangesIgnored = true;
            if (!this.rangesIgnored && !this.failed)
                await this.fetchPart(part);
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RangeIgnoredError */ .kK)
                this.rangesIgnored = this.ranges.ignored = true;
            else {
                this.failed = true;
                throw error;
            }
        }
        finally {
            this.settled++;
        }
        if (this.settled === this.parts.length && !this.failed)
            await this.finish();
    }
    async fetchPart(part) {
        const { offset, length } = part;
        this.unwatch ??= this.progress.watch(this);
        // Read as well as written: what arrives ahead of the hashed bytes is read back to hash it in order.
        this.opened ??= (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(this.arrival.temp, 'wx+');
        const handle = await this.opened;
        const body = await this.store.getRange(this.key, offset, length);
        let received = 0;
        for await (const chunk of body) {
            if (received + chunk.length > length) {
                body.destroy();
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RangeIgnoredError */ .kK(`${this.store.url(this.key)} sent more than the ${length} bytes asked for at ${offset}.`);
            }
            const at = offset + received;
            // The next bytes to hash: hashed as they come, never read back (unless a read back is under way).
            if (at === this.hashed && !this.catchingUp) {
                this.hash.update(chunk);
                this.hashed += chunk.length;
            }
            let written = 0;
            while (written < chunk.length)
                written += (await handle.write(chunk, written, chunk.length - written, at + written)).bytesWritten;
            received += chunk.length;
            part.landed = received;
            this.passed += chunk.length;
            // Not awaited: the parts keep streaming while the bytes before them are read back.
            if (this.hashed < at + chunk.length)
                this.catchUp(handle).catch((error) => (this.hashFailure ??= error));
        }
        if (received !== length)
            throw mismatch(this.file, `${received} of the ${length} bytes at ${offset}`);
    }
    /** Hashes, in order, what has landed on disk past the hashed bytes; one read back at a time. */
    catchUp(handle) {
        // Assigned before it can settle, and cleared only once it has (a read back that finds nothing to do settles at once).
        this.catchingUp ??= this.readBack(handle).finally(() => (this.catchingUp = undefined));
        return this.catchingUp;
    }
    async readBack(handle) {
        for (;;) {
            const part = this.parts[Math.floor(this.hashed / this.partSize)];
            const ready = part ? part.offset + part.landed - this.hashed : 0;
            if (ready <= 0)
                return;
            this.readBuffer ??= Buffer.allocUnsafe(HASH_READ);
            const { bytesRead } = await handle.read(this.readBuffer, 0, Math.min(ready, HASH_READ), this.hashed);
            if (bytesRead === 0)
                throw mismatch(this.file, `a temporary file that ends at ${this.hashed} bytes`);
            this.hash.update(this.readBuffer.subarray(0, bytesRead));
            this.hashed += bytesRead;
        }
    }
    /** Checks the whole file once every part is in, or fetches it whole if the store would not send ranges. */
    async finish() {
        this.unwatch?.();
        if (this.rangesIgnored) {
            await this.close();
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.arrival.temp, { force: true });
            this.arrival.temp = await downloadFile(this.store, this.key, this.arrival.target, this.file, this.progress);
        }
        else {
            const handle = await this.opened;
            while (this.catchingUp)
                await this.catchingUp.catch(() => undefined);
            if (this.hashFailure === undefined)
                await this.catchUp(handle).catch((error) => (this.hashFailure = error));
            await this.close();
            if (this.hashFailure !== undefined)
                throw this.hashFailure;
            const digest = this.hash.digest('hex');
            if (this.hashed !== this.file.size || digest !== this.file.sha256)
                throw mismatch(this.file, `${this.hashed} bytes with ${digest}`);
        }
        this.progress.add(1, this.file.size);
    }
    /** Closes the temporary file (a failed download calls it once its transfers have stopped, before removing it). */
    async close() {
        const opened = this.opened;
        this.opened = undefined;
        await (await opened?.catch(() => undefined))?.close();
    }
}
/**
 * Reads one pack whole with a single GET and writes each of its files, as the bytes stream by, to a
 * temporary name beside its target, checking every file's size and, at the end, the pack's own size and
 * SHA-256. The pack's digest covers every byte of every file in it (and the headers around them, so a pack
 * whose headers were rewritten fails even when every file's bytes are intact), and no file takes its name
 * before it is checked; so the files are not hashed a second time as they pass. Only when the pack does not
 * match are the files read back, to name the one that differs. Temporary paths are reported through `onTemp`
 * as they are made, so a failure half way can remove them.
 */
async function downloadPack(store, setPrefix, pack, files, targets, onTemp, onFile) {
    const packKey = setPrefix + pack.path;
    const packHash = (0,_util_node_builtins_js__WEBPACK_IMPORTED_MODULE_12__/* .nodeCrypto */ .SI)().createHash('sha256');
    let index = 0;
    let handle;
    let gathered;
    let temp = '';
    let written = 0;
    /** The temporary file of each file written so far, to name the one that differs when the pack does not match. */
    const landed = [];
    const openFile = async (file) => {
        const target = targets.get(file.path);
        temp = (0,_download_temporaries_js__WEBPACK_IMPORTED_MODULE_13__/* .temporaryName */ .N)(target);
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
        if (written !== file.size)
            throw mismatch(file, `${written} bytes`, store.url(packKey));
        if (gathered) {
            // Registered first so a failed write is still cleaned up.
            onTemp(temp, targets.get(file.path));
            gathered.writeTo(temp);
            gathered = undefined;
        }
        landed.push({ file, temp });
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
        const decode = pack.encoding ? (0,_pack_encoding_js__WEBPACK_IMPORTED_MODULE_8__/* .decompressor */ .ni)(pack.encoding) : undefined;
        if (pack.encoding && !decode)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UnreadableSetError */ .Ir((0,_pack_encoding_js__WEBPACK_IMPORTED_MODULE_8__/* .unreadableEncodingProblem */ .YS)(pack.encoding));
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
            for (const { file, temp } of landed) {
                const got = await (0,_util_digest_stream_js__WEBPACK_IMPORTED_MODULE_6__/* .sha256OfFile */ .Vq)(temp, { noFollow: true }).catch(() => undefined);
                if (got !== file.sha256)
                    throw mismatch(file, got ? `${file.size} bytes with ${got}` : 'a file it could not read back', store.url(packKey));
            }
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
async function downloadSet(store, setPrefix, manifest, directory, concurrency, parts = { rangedAbove: _ranged_parts_js__WEBPACK_IMPORTED_MODULE_15__/* .RANGED_ABOVE */ .g, partSize: _ranged_parts_js__WEBPACK_IMPORTED_MODULE_15__/* .RANGE_PART */ .Q }) {
    // Before anything is written: a set this runtime cannot decode is a miss, not a half-done download.
    for (const pack of manifest.packs ?? []) {
        const problem = pack.encoding && (0,_pack_encoding_js__WEBPACK_IMPORTED_MODULE_8__/* .unreadableEncodingProblem */ .YS)(pack.encoding);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UnreadableSetError */ .Ir(problem);
    }
    const root = await (0,_package_directory_js__WEBPACK_IMPORTED_MODULE_9__/* .preparePackageDirectory */ .Bd)(directory, { create: true });
    const progress = new _util_progress_js__WEBPACK_IMPORTED_MODULE_11__/* .Progress */ .k({ doing: `Downloading to ${directory}:`, done: `Downloaded to ${directory}:` }, manifest.files.length, (0,_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .totalBytes */ .ob)(manifest.files));
    const limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_16__/* ["default"] */ .A)(concurrency);
    const arrived = [];
    const ranged = [];
    const ranges = { ignored: false };
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
        const byPack = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_7__/* .filesByPack */ .k9)(manifest.files);
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
            ...plain.flatMap((file) => {
                const target = targets.get(file.path);
                if (store.getRange && file.size > parts.rangedAbove) {
                    const arrival = { temp: (0,_download_temporaries_js__WEBPACK_IMPORTED_MODULE_13__/* .temporaryName */ .N)(target), target };
                    arrived.push(arrival);
                    const whole = new RangedFile(store, setPrefix + file.path, file, arrival, progress, parts.partSize, ranges);
                    ranged.push(whole);
                    return whole.parts.map((part) => ({ size: part.length, run: () => whole.fetch(part) }));
                }
                return [
                    {
                        size: file.size,
                        run: async () => {
                            arrived.push({ temp: await downloadFile(store, setPrefix + file.path, target, file, progress), target });
                            progress.add(1, file.size);
                        }
                    }
                ];
            })
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
        await Promise.all(ranged.map((file) => file.close()));
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
        _runner_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_17__/* .plural */ .L)(keptFiles, 'file')} (${(0,_util_progress_js__WEBPACK_IMPORTED_MODULE_11__/* .formatBytes */ .z)(keptBytes)}) ${keptFiles === 1 ? 'was' : 'were'} already in ${directory} with the set's bytes: kept, not downloaded.`);
    return { fetchedFiles: manifest.files.length - keptFiles, keptFiles, keptBytes };
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
//# sourceMappingURL=467.index.js.map