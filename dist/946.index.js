"use strict";
exports.id = 946;
exports.ids = [946];
exports.modules = {

/***/ 60946:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  computeCodeHash: () => (/* binding */ computeCodeHash),
  outputExclusions: () => (/* binding */ outputExclusions),
  Z7: () => (/* reexport */ patterns/* parsePatterns */.Z),
  sourcesInOutput: () => (/* binding */ sourcesInOutput),
  sourcesInOutputError: () => (/* binding */ sourcesInOutputError)
});

// UNUSED EXPORTS: CODE_HASH_TAG, matchFiles, pathMatcher, sortUtf8, withoutOptionalMarks

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(76448);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/git.ts
var git = __webpack_require__(71243);
// EXTERNAL MODULE: ./src/util/capped-read.ts
var capped_read = __webpack_require__(48724);
// EXTERNAL MODULE: ./src/util/fs-calls.ts
var fs_calls = __webpack_require__(62001);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./src/hashing/hash-worker.mjs
// @ts-check
// The hashing worker (HashPool in file-hasher.ts starts it) and the stat comparison both threads use. Plain
// JavaScript, type-checked by tsc through the JSDoc below, because a worker runs a file: the bundler copies this
// one beside dist/index.js as it is, and the tests start it from src/ \u2014 neither could start TypeScript on Node
// 20. It imports only Node.js itself, so the copy runs alone.
 // crypto.hash: Node >= 20.12



/** What HashPool passes as workerData, so that importing this module elsewhere starts nothing. */
const HASH_WORKER = 's3-asset-manager hash worker'

const U32 = 4294967296

/**
 * Whether git's stat data still vouches for `file`: '' when it does, '-' when the file is gone or not a regular
 * file, 'read' when its content must be read (stat data differs, or `racy`). `stats` holds six numbers a file
 * from `at`, as git's index records them: mtime seconds and ns, ctime seconds and ns, size, inode number (seconds,
 * size and inode as their low 32 bits; ns 0 from a git that records none, then seconds alone are compared).
 *
 * Times are compared as Node reports them, in milliseconds as a double (to about a quarter of a microsecond): a
 * plain lstat costs a third less than a bigint one, and a file rewritten within a microsecond of its recorded
 * time, to the same size, on the same inode, with its ctime also unmoved, is beyond any real build (git's default
 * build compares whole seconds).
 *
 * @param {string} file
 * @param {boolean} racy
 * @param {Uint32Array} stats
 * @param {number} at
 * @returns {'' | '-' | 'read'}
 */
function statVerdict(file, racy, stats, at) {
  let info
  try {
    info = (0,external_node_fs_.lstatSync)(file, { throwIfNoEntry: false })
  } catch {
    return '-' // a directory on the way became a file, or cannot be entered
  }
  if (info === undefined || !info.isFile()) return '-'
  if (racy) return 'read'
  /** @type {(actualMs: number, seconds: number | undefined, ns: number | undefined) => boolean} */
  const sameTime = (actualMs, seconds, ns) =>
    Math.floor(actualMs / 1000) % U32 === seconds && (ns === 0 || Math.abs((actualMs % 1000) * 1e6 - (ns ?? -1)) < 1000)
  const same =
    sameTime(info.mtimeMs, stats[at], stats[at + 1]) &&
    sameTime(info.ctimeMs, stats[at + 2], stats[at + 3]) &&
    info.size % U32 === stats[at + 4] &&
    (stats[at + 5] === 0 || info.ino % U32 === stats[at + 5])
  return same ? '' : 'read'
}

/**
 * Opened without waiting: a matched path that is a FIFO (or was swapped for one after it was listed) would
 * otherwise hold open() until some writer came, and the check with it.
 */
const READ_NO_WAIT = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0)

/** Room kept in front of a small file's bytes for git's blob header. */
const HEADER_ROOM = 32
/** One buffer per worker, reused: plain synchronous reads into it beat promise-based reads for small files. */
const BUFFER_SIZE = 1024 * 1024
/** @type {Buffer | undefined} made by the first read: the main thread holds one only once it hashes a small job itself */
let reused

/**
 * git's blob id of `file`: hash("blob <size>\0" + bytes). A file that fits the buffer is read after room for the
 * header, which is then written in front of it: one read, one hash call, no stat (but for an empty read).
 *
 * @param {string} file
 * @param {'sha1' | 'sha256'} algorithm
 * @param {{ bytes: number }} counts bytes read, added to
 * @returns {string}
 */
function blobId(file, algorithm, counts) {
  const buffer = (reused ??= Buffer.allocUnsafe(BUFFER_SIZE))
  const fd = (0,external_node_fs_.openSync)(file, READ_NO_WAIT)
  try {
    let filled = 0
    let read = 0
    const room = buffer.length - HEADER_ROOM
    while (filled < room && (read = readNoWait(fd, buffer, HEADER_ROOM + filled, room - filled, file)) > 0) filled += read
    if (filled < room) {
      // Nothing at all: an empty file, or a FIFO with no writer (checked only then, a stat per file costs ~8%).
      if (filled === 0) regularFile(fd, file)
      const header = `blob ${filled}\0`
      const start = HEADER_ROOM - header.length
      buffer.write(header, start, 'latin1')
      const body = buffer.subarray(start, HEADER_ROOM + filled)
      counts.bytes += filled
      return external_node_crypto_.hash ? (0,external_node_crypto_.hash)(algorithm, body, 'hex') : (0,external_node_crypto_.createHash)(algorithm).update(body).digest('hex')
    }
    // A device that fills the buffer (a link to /dev/zero) would never end: only a regular file goes on.
    const hash = (0,external_node_crypto_.createHash)(algorithm)
      .update(`blob ${regularFile(fd, file).size}\0`)
      .update(buffer.subarray(HEADER_ROOM, HEADER_ROOM + filled))
    counts.bytes += filled
    while ((read = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, null)) > 0) {
      hash.update(buffer.subarray(0, read))
      counts.bytes += read
    }
    return hash.digest('hex')
  } finally {
    (0,external_node_fs_.closeSync)(fd)
  }
}

/**
 * @param {string} file
 * @returns {Error}
 */
const notAFile = (file) =>
  new Error(
    `'${file}' is not a regular file (a FIFO, a device or a directory, or a link to one), so the code hash cannot read it. ` +
      `Leave it out of code-hash-paths with a '!' pattern.`
  )

/**
 * The stat of `fd` when it is a regular file; else the error that names `file`.
 *
 * @param {number} fd
 * @param {string} file
 */
function regularFile(fd, file) {
  const info = (0,external_node_fs_.fstatSync)(fd)
  if (!info.isFile()) throw notAFile(file)
  return info
}

/**
 * readSync, where EAGAIN (a FIFO whose writer has sent nothing, opened without waiting) means "not a file".
 *
 * @param {number} fd
 * @param {Buffer} buffer
 * @param {number} offset
 * @param {number} length
 * @param {string} file
 */
function readNoWait(fd, buffer, offset, length, file) {
  try {
    return (0,external_node_fs_.readSync)(fd, buffer, offset, length, null)
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EAGAIN') throw notAFile(file)
    throw error
  }
}

/**
 * @typedef {{ job: 'hash', files: string[], algorithm: 'sha1' | 'sha256' }
 *   | { job: 'verify', root: string, files: string[], stats: Uint32Array, racy: Uint8Array, algorithm: 'sha1' | 'sha256' }} HashJob
 */

/**
 * One job: `hash` every file, or `verify` index entries (only those whose stat data differs, or that git cannot
 * vouch for, are read). Answers the digests in order ('' and '-' from statVerdict), bytes read and files hashed.
 *
 * @param {HashJob} message
 */
function runJob(message) {
  const counts = { bytes: 0 }
  if (message.job === 'hash') {
    const digests = message.files.map((file) => blobId(file, message.algorithm, counts))
    return { digests, bytes: counts.bytes, hashed: message.files.length }
  }
  const { root, files, stats, racy, algorithm } = message
  let hashed = 0
  const digests = files.map((path, i) => {
    const file = `${root}/${path}`
    const verdict = statVerdict(file, racy[i] === 1, stats, i * 6)
    if (verdict !== 'read') return verdict
    hashed++
    return blobId(file, algorithm, counts)
  })
  return { digests, bytes: counts.bytes, hashed }
}

/**
 * git blob ids of a few small files on the calling thread (HashPool's small jobs, where booting workers would
 * cost more than the reading).
 *
 * @param {string[]} files
 * @param {'sha1' | 'sha256'} algorithm
 */
function hashFilesHere(files, algorithm) {
  return runJob({ job: 'hash', files, algorithm })
}

if (!external_node_worker_threads_.isMainThread && external_node_worker_threads_.workerData === HASH_WORKER && external_node_worker_threads_.parentPort) {
  const port = external_node_worker_threads_.parentPort
  // A file that cannot be read fails the job, not the worker: the main thread gets its message.
  port.on('message', (/** @type {HashJob} */ message) => {
    let answer
    try {
      answer = runJob(message)
    } catch (error) {
      answer = { failed: error instanceof Error ? error.message : String(error) }
    }
    port.postMessage(answer)
  })
}

;// CONCATENATED MODULE: ./src/hashing/file-hasher.ts





/**
 * git blob ids of many files on all cores, in workers running hash-worker.mjs. Each reads its files with plain
 * synchronous calls into one reused buffer: for thousands of small files that is several times faster than
 * promise-based reads, whose per-file round trips through the thread pool cost more than the hashing itself. A
 * job is `hash` (every file) or `verify` (index entries: the stat data git recorded is compared with the file's,
 * and only a file that differs, or that git's index cannot vouch for, is read and hashed).
 */
const WORKER_FILE = new URL(/* asset import */ __webpack_require__(44005), __webpack_require__.b);
/** Up to this many index entries are checked on the main thread: fewer than booting workers costs. */
const STAT_HERE_BELOW = 30_000;
/**
 * A job this small is hashed on the calling thread: fewer files than this, of at most HASH_HERE_BYTES together.
 * Booting a worker costs about 30 ms of CPU (a new isolate), and a check usually has only a few files git cannot
 * vouch for (those written in the checkout's last second); reading 4 MiB here takes a few milliseconds.
 */
const HASH_HERE_BELOW = 64;
const HASH_HERE_BYTES = 4 * 1024 * 1024;
/**
 * Whether these files are few and small enough to hash here; sizes as the read sees them (through a symlink). Only
 * regular files: a FIFO or a device (size 0) can block its read, which in a worker leaves this thread free to
 * answer a cancel, and here would not.
 */
function smallJob(files, below) {
    if (files.length >= below)
        return false;
    let bytes = 0;
    for (const file of files) {
        try {
            const info = (0,external_node_fs_.statSync)(file, { throwIfNoEntry: false });
            if (info && !info.isFile())
                return false;
            bytes += info?.size ?? 0;
        }
        catch {
            // unreadable: the read reports it, here or in a worker alike
        }
    }
    return bytes <= HASH_HERE_BYTES;
}
/**
 * Workers start on the first job that needs them (a check whose files git vouches for, or with only a few small
 * files to read, starts none); each takes its jobs one at a time. Always `close` the pool.
 */
class HashPool {
    workers;
    size;
    statHereBelow;
    hashHereBelow;
    /**
     * `statHereBelow`: the entry count from which `verify` compares stat data in the workers; `hashHereBelow`: the
     * file count from which `hash` reads in the workers (tests set them).
     */
    constructor({ size = (0,external_node_os_.availableParallelism)(), statHereBelow = STAT_HERE_BELOW, hashHereBelow = HASH_HERE_BELOW } = {}) {
        this.size = size;
        this.statHereBelow = statHereBelow;
        this.hashHereBelow = hashHereBelow;
    }
    /** How many workers have started (none until a job needs them). */
    get startedWorkers() {
        return this.workers?.length ?? 0;
    }
    started() {
        this.workers ??= Array.from({ length: Math.max(1, this.size) }, () => new external_node_worker_threads_.Worker(WORKER_FILE, { workerData: HASH_WORKER }));
        return this.workers;
    }
    run(worker, message) {
        return new Promise((resolve, reject) => {
            const settle = (answer) => {
                done();
                if ('failed' in answer)
                    reject(new errors/* FilesError */.yN(answer.failed));
                else
                    resolve(answer);
            };
            const failed = (error) => {
                done();
                reject(error);
            };
            const exited = (code) => failed(new Error(`A hashing worker stopped early (exit code ${code}).`));
            // One job at a time per worker: its listeners go with it, so a long check does not pile them up.
            const done = () => {
                worker.off('message', settle);
                worker.off('error', failed);
                worker.off('exit', exited);
            };
            worker.on('message', settle);
            worker.on('error', failed);
            worker.on('exit', exited);
            worker.postMessage(message);
        });
    }
    /** Interleaved shards balance the work without knowing sizes up front; results come back in the given order. */
    async sharded(items, message) {
        if (items.length === 0)
            return { digests: [], bytes: 0, hashed: 0 };
        const workers = this.started();
        const count = workers.length;
        const shards = workers.map((_, shard) => items.filter((_, index) => index % count === shard));
        const results = await Promise.all(workers.map((worker, shard) => this.run(worker, message(shards[shard]))));
        return {
            digests: items.map((_, index) => results[index % count].digests[Math.floor(index / count)]),
            bytes: results.reduce((sum, result) => sum + result.bytes, 0),
            hashed: results.reduce((sum, result) => sum + result.hashed, 0)
        };
    }
    /** Hashes `files` (absolute paths): a small job here, a larger one in the workers. */
    async hash(files, algorithm = 'sha1') {
        if (files.length > 0 && smallJob(files, this.hashHereBelow)) {
            try {
                return hashFilesHere([...files], algorithm);
            }
            catch (error) {
                throw new errors/* FilesError */.yN(error.message);
            }
        }
        return this.sharded(files, (shard) => ({ job: 'hash', files: shard, algorithm }));
    }
    /**
     * Checks recorded files against the work tree: '' where the stat data is as recorded (and the entry not
     * racy), '-' where the file is gone or not a regular file, else the blob id of its content now. Stat data is
     * compared here for up to STAT_HERE_BELOW files, in the workers (a contiguous range each) beyond.
     */
    async verify(files, algorithm = 'sha1') {
        const { paths } = files;
        if (paths.length < this.statHereBelow)
            return this.verifyHere(files, algorithm);
        const workers = this.started();
        const size = Math.ceil(paths.length / workers.length);
        const results = await Promise.all(workers.map((worker, shard) => {
            const [from, to] = [shard * size, Math.min(paths.length, (shard + 1) * size)];
            return this.run(worker, {
                job: 'verify',
                algorithm,
                root: files.root,
                files: paths.slice(from, to),
                stats: files.stats.slice(from * 6, to * 6),
                racy: files.racy.slice(from, to)
            });
        }));
        return {
            digests: results.flatMap((result) => result.digests),
            bytes: results.reduce((sum, result) => sum + result.bytes, 0),
            hashed: results.reduce((sum, result) => sum + result.hashed, 0)
        };
    }
    /** verify with stat data compared on this thread; the files to read are hashed in the workers. */
    async verifyHere({ root, paths, stats, racy }, algorithm) {
        const answers = [];
        const toRead = [];
        for (let i = 0; i < paths.length; i++) {
            const verdict = statVerdict(`${root}/${paths[i]}`, racy[i] === 1, stats, i * 6);
            if (verdict === 'read')
                toRead.push(i);
            answers.push(verdict);
        }
        const read = await this.hash(toRead.map((i) => `${root}/${paths[i]}`), algorithm);
        toRead.forEach((i, n) => (answers[i] = read.digests[n]));
        return { digests: answers, bytes: read.bytes, hashed: toRead.length };
    }
    async close() {
        await Promise.all((this.workers ?? []).map((worker) => worker.terminate()));
    }
}

;// CONCATENATED MODULE: ./src/hashing/git-index.ts


const ENTRY_FLAGS = {
    /** assume-unchanged or skip-worktree: git never compares the entry with the work tree. */
    notCompared: 1,
    /** `git add -N`: the id is the empty blob's, not the file's. */
    intentToAdd: 2
};
const ASSUME_VALID = 0x8000;
const EXTENDED = 0x4000;
const SKIP_WORKTREE = 0x4000; // in the extended flags
const INTENT_TO_ADD = 0x2000; // in the extended flags
/** In-memory flags printed by `ls-files --debug` (git's cache.h). */
const DEBUG_SKIP_WORKTREE = 1 << 30;
const DEBUG_INTENT_TO_ADD = 1 << 29;
function emptyEntries(count) {
    return {
        paths: [],
        ids: [],
        modes: new Uint32Array(count),
        stages: new Uint8Array(count),
        flags: new Uint8Array(count),
        stats: new Uint32Array(count * 6)
    };
}
/** The entries whose index `keep` is true, paths rewritten by `rename`. */
function selectEntries(entries, keep, rename) {
    const chosen = [];
    entries.paths.forEach((path, i) => keep(path) && chosen.push(i));
    const result = emptyEntries(chosen.length);
    chosen.forEach((from, to) => {
        result.paths.push(rename(entries.paths[from]));
        result.ids.push(entries.ids[from]);
        result.modes[to] = entries.modes[from];
        result.stages[to] = entries.stages[from];
        result.flags[to] = entries.flags[from];
        result.stats.set(entries.stats.subarray(from * 6, from * 6 + 6), to * 6);
    });
    return result;
}
/** The paths of an index, written out, stop being believable past this (a million 256-byte paths). */
const NAMES_LIMIT = 256 * 1024 * 1024;
/** git's offset varint (gitformat-index, version 4 path compression). */
function readVarint(buffer, at) {
    let byte = buffer[at++];
    let value = byte & 0x7f;
    while (byte & 0x80) {
        byte = buffer[at++];
        value = (value + 1) * 128 + (byte & 0x7f);
    }
    return [value, at];
}
/**
 * Parses an index file. Undefined when the file needs what only git can resolve: a split index (its entries
 * live in a shared index), a sparse index (directories stand for files not checked out), or a version this
 * reader does not know. The trailing checksum is not checked: git renames a complete index into place.
 * `namesLimit` (the paths written out, in bytes) is lowered only by tests.
 */
function parseIndexFile(buffer, idBytes, namesLimit = NAMES_LIMIT) {
    const unreadable = () => new errors/* FilesError */.yN('The git index ends early or is malformed: run `git status` to have git rewrite it.');
    if (buffer.length < 12 || buffer.toString('latin1', 0, 4) !== 'DIRC')
        return undefined;
    const version = buffer.readUInt32BE(4);
    if (version < 2 || version > 4)
        return undefined;
    const count = buffer.readUInt32BE(8);
    if (count > buffer.length / 40)
        throw unreadable();
    const entries = emptyEntries(count);
    const fixed = 40 + idBytes + 2; // stat data, id, flags
    // Paths and ids are gathered as bytes and decoded once each: 100,000 small decodes cost more than the rest.
    let names = Buffer.allocUnsafe(buffer.length);
    const room = (bytes) => {
        if (written + bytes > namesLimit)
            throw unreadable(); // version 4 names can repeat a long prefix without end
        if (written + bytes <= names.length)
            return;
        const larger = Buffer.allocUnsafe(Math.min(namesLimit, Math.max(names.length * 2, written + bytes)));
        names.copy(larger, 0, 0, written);
        names = larger;
    };
    const ids = Buffer.allocUnsafe(count * idBytes);
    let written = 0;
    let previousStart = 0;
    let at = 12;
    for (let n = 0; n < count; n++) {
        const start = at;
        if (at + fixed > buffer.length)
            throw unreadable();
        const flags = buffer.readUInt16BE(at + 40 + idBytes);
        at += fixed;
        let extended = 0;
        if (flags & EXTENDED) {
            if (version < 3)
                throw unreadable();
            extended = buffer.readUInt16BE(at);
            at += 2;
        }
        const nameStart = written;
        if (version === 4) {
            // The previous path less `strip` bytes, then a NUL-terminated suffix.
            const [strip, after] = readVarint(buffer, at);
            const end = buffer.indexOf(0, after);
            const previousLength = n === 0 ? 0 : nameStart - 1 - previousStart;
            if (end === -1 || strip > previousLength)
                throw unreadable();
            room(previousLength - strip + end - after + 1);
            names.copyWithin(written, previousStart, previousStart + previousLength - strip);
            written += previousLength - strip;
            written += buffer.copy(names, written, after, end);
            at = end + 1;
        }
        else {
            const end = buffer.indexOf(0, at);
            if (end === -1)
                throw unreadable();
            written += buffer.copy(names, written, at, end);
            at = start + ((end - start + 8) & ~7); // NUL-padded to a multiple of eight bytes
        }
        names[written++] = 0;
        previousStart = nameStart;
        const mode = buffer.readUInt32BE(start + 24);
        if ((mode & 0o170000) === 0o040000)
            return undefined; // a sparse directory entry
        buffer.copy(ids, n * idBytes, start + 40, start + 40 + idBytes);
        entries.modes[n] = mode;
        entries.stages[n] = (flags >> 12) & 3;
        entries.flags[n] =
            ((flags & ASSUME_VALID) !== 0 || (extended & SKIP_WORKTREE) !== 0 ? ENTRY_FLAGS.notCompared : 0) |
                ((extended & INTENT_TO_ADD) !== 0 ? ENTRY_FLAGS.intentToAdd : 0);
        const stats = n * 6;
        entries.stats[stats] = buffer.readUInt32BE(start + 8); // mtime
        entries.stats[stats + 1] = buffer.readUInt32BE(start + 12);
        entries.stats[stats + 2] = buffer.readUInt32BE(start); // ctime
        entries.stats[stats + 3] = buffer.readUInt32BE(start + 4);
        entries.stats[stats + 4] = buffer.readUInt32BE(start + 36); // size
        entries.stats[stats + 5] = buffer.readUInt32BE(start + 20); // inode
    }
    const hex = ids.toString('hex');
    for (let n = 0; n < count; n++)
        entries.ids.push(hex.slice(n * idBytes * 2, (n + 1) * idBytes * 2));
    // Extensions: a split index ("link") or a sparse one ("sdir") is left to git.
    while (at + 8 <= buffer.length - idBytes) {
        const signature = buffer.toString('latin1', at, at + 4);
        if (signature === 'link' || signature === 'sdir')
            return undefined;
        at += 8 + buffer.readUInt32BE(at + 4);
    }
    return { ...entries, paths: count === 0 ? [] : names.toString('utf8', 0, written - 1).split('\0') };
}
/** An index file larger than this (a million entries take ~100 MB) is left to git to list. */
const INDEX_READ_LIMIT = 512 * 1024 * 1024;
/**
 * The bytes of the index at `file` and when it was written (ns); undefined when there is none (nothing tracked
 * yet) or it is larger than INDEX_READ_LIMIT (the caller then asks git).
 */
function readIndexBytes(file) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, 'r');
    }
    catch {
        return undefined;
    }
    try {
        const { size, mtimeNs } = (0,external_node_fs_.fstatSync)(fd, { bigint: true });
        if (size > INDEX_READ_LIMIT)
            return undefined;
        const buffer = Buffer.allocUnsafe(Number(size));
        let filled = 0;
        while (filled < buffer.length) {
            const read = (0,external_node_fs_.readSync)(fd, buffer, filled, buffer.length - filled, null);
            if (read === 0)
                break;
            filled += read;
        }
        return { bytes: buffer.subarray(0, filled), writtenNs: mtimeNs };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/**
 * Parses `git ls-files -s -z --debug`: records "<mode> <id> <stage>\t<path>\0" each followed by five lines
 * of stat data ("  ctime: S:NS", "  mtime: S:NS", "  dev: D\tino: I", "  uid: U\tgid: G", "  size: N\tflags: F"
 * with F git's in-memory flags in hex), in index order. Paths are relative to where git ran.
 */
function parseIndexListing(listing) {
    const unreadable = () => new errors/* FilesError */.yN('git ls-files printed a listing this action cannot read.');
    const records = [];
    for (let start = 0; start < listing.length;) {
        const tab = listing.indexOf('\t', start);
        const end = listing.indexOf('\0', tab);
        if (tab === -1 || end === -1)
            throw unreadable();
        const lines = [];
        let cursor = end + 1;
        for (let i = 0; i < 5; i++) {
            const newline = listing.indexOf('\n', cursor);
            if (newline === -1)
                throw unreadable();
            lines.push(listing.slice(cursor, newline));
            cursor = newline + 1;
        }
        records.push({ head: listing.slice(start, tab), path: listing.slice(tab + 1, end), lines });
        start = cursor;
    }
    const entries = emptyEntries(records.length);
    const afterColon = (line, label) => line.slice(line.indexOf(label) + label.length).split(/\s/)[0];
    records.forEach(({ head, path, lines }, n) => {
        const [ctime, mtime, devIno, , sizeFlags] = lines;
        const [mtimeSeconds, mtimeNs] = afterColon(mtime, 'mtime: ').split(':');
        const [ctimeSeconds, ctimeNs] = afterColon(ctime, 'ctime: ').split(':');
        const flags = parseInt(afterColon(sizeFlags, 'flags: '), 16);
        entries.paths.push(path);
        entries.ids.push(head.slice(7, head.length - 2));
        entries.modes[n] = parseInt(head.slice(0, 6), 8);
        entries.stages[n] = Number(head[head.length - 1]);
        entries.flags[n] =
            ((flags & (ASSUME_VALID | DEBUG_SKIP_WORKTREE)) !== 0 ? ENTRY_FLAGS.notCompared : 0) |
                ((flags & DEBUG_INTENT_TO_ADD) !== 0 ? ENTRY_FLAGS.intentToAdd : 0);
        entries.stats.set([mtimeSeconds, mtimeNs, ctimeSeconds, ctimeNs, afterColon(sizeFlags, 'size: '), afterColon(devIno, 'ino: ')].map(Number), n * 6);
    });
    return entries;
}

// EXTERNAL MODULE: ./src/hashing/patterns.ts
var patterns = __webpack_require__(14581);
;// CONCATENATED MODULE: ./src/hashing/code-hash.ts














const exec = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** Tags version 2 so its hashes never meet version 1's in cache/. */
const CODE_HASH_TAG = 'code-hash-v2\n';

function checkPattern(pattern) {
    const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
    if (external_node_path_default().isAbsolute(body) || body.split('/').includes('..')) {
        throw new errors/* InputError */.dz(`Code-hash pattern '${pattern}' leaves the repository: patterns are relative to 'repo-path' and may not be absolute or use '..'.`);
    }
}
function checkPatterns(patterns) {
    patterns.forEach(checkPattern);
    if (!patterns.some((pattern) => !pattern.startsWith('!'))) {
        throw new errors/* InputError */.dz(`The code-hash patterns '${patterns.join(' ')}' only exclude: add at least one pattern that includes files.`);
    }
}
/**
 * A pattern written with a leading `?` (`?yarn.lock`) may match nothing; every other including pattern must
 * match a hashed file (see requireEveryPattern). Returns the patterns as globs, without the marker.
 */
function withoutOptionalMarks(patterns) {
    const globs = [];
    const required = [];
    for (const pattern of patterns) {
        const optional = pattern.startsWith('?');
        const glob = optional ? pattern.slice(1) : pattern;
        if (optional && (glob === '' || glob.startsWith('!')))
            throw new errors/* InputError */.dz(`Code-hash pattern '${pattern}': a leading '?' marks an including pattern as optional; write it before a path ('?yarn.lock'). Exclusions ('!\u2026') may always match nothing.`);
        globs.push(glob);
        if (!optional && !glob.startsWith('!'))
            required.push(glob);
    }
    return { globs, required };
}
/**
 * Every pattern counts: one that matches no hashed file (a typo, a folder that moved) would leave its files
 * out of the key without a word, and a change to them would then be served an old build.
 */
function requireEveryPattern(repoRoot, required, entries) {
    const unmatched = required.filter((pattern) => {
        const matches = picomatch_default()(normalizeGlob(pattern), { dot: true, posix: true });
        return !entries.some((entry) => matches(entry.path));
    });
    if (unmatched.length === 0)
        return;
    const named = unmatched.map((pattern) => `'${pattern}'`).join(', ');
    throw new errors/* FilesError */.yN(`The code-hash ${unmatched.length === 1 ? 'pattern' : 'patterns'} ${named} ${unmatched.length === 1 ? 'matches' : 'match'} no file under '${repoRoot}' ` +
        `(the other patterns match ${entries.length} file(s)), so ${unmatched.length === 1 ? 'its' : 'their'} files would be left out of the key. ` +
        `Fix 'code-hash-paths' (CODE_HASH_FIND_FILTER), or mark a pattern that may match nothing with a leading '?' (${unmatched
            .map((pattern) => `'?${pattern}'`)
            .join(', ')}).`);
}
/**
 * Sorts paths in byte order of their UTF-8 form, so the hash does not depend on locale. JS string order
 * (UTF-16 units) is the same except around surrogates and U+E000-U+FFFF; only then are bytes compared.
 */
function sortUtf8(paths) {
    if (!paths.some((p) => /[\uD800-\uFFFF]/.test(p)))
        return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return paths
        .map((p) => ({ p, bytes: Buffer.from(p) }))
        .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
        .map(({ p }) => p);
}
const GLOB_OPTIONS = { cwd: '', dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/.git', '**/.git/**'] };
/** Whether `relative` is one of `exclude` or lies under one. */
function excluder(exclude) {
    if (exclude.length === 0)
        return () => false;
    return (relative) => exclude.some((path) => relative === path || relative.startsWith(`${path}/`));
}
/** Lists the files the patterns match by walking the tree ('**', '!negation'; never inside .git), sorted; `exclude` is never entered. */
function matchFiles(repoRoot, patterns, exclude = []) {
    checkPatterns(patterns);
    const ignore = [...GLOB_OPTIONS.ignore, ...exclude.flatMap((path) => [(0,dist/* escapePath */.ft)(path), `${(0,dist/* escapePath */.ft)(path)}/**`])];
    // Synchronous: one directory walk, faster than the async crawler and nothing else runs meanwhile.
    return sortUtf8((0,dist/* globSync */.AZ)([...patterns], { ...GLOB_OPTIONS, ignore, cwd: repoRoot }));
}
/** A pattern as tinyglobby reads it: a name that does not end in `*` also means everything under it. */
function normalizeGlob(pattern) {
    let result = pattern.endsWith('/') ? pattern.slice(0, -1) : pattern;
    if (!result.endsWith('*'))
        result += '/**';
    return external_node_path_default().posix.normalize(result);
}
/**
 * The same selection as matchFiles, applied to a list of paths instead of a directory walk: tinyglobby's
 * pattern normalisation and picomatch options, and a file is excluded when it or any directory above it
 * matches an exclusion (tinyglobby does not enter such a directory).
 */
function pathMatcher(patterns) {
    checkPatterns(patterns);
    const options = { dot: true, posix: true };
    const includes = patterns.filter((p) => !p.startsWith('!')).map(normalizeGlob);
    const negations = patterns.filter((p) => p.startsWith('!')).map((p) => normalizeGlob(p.slice(1)));
    // The common '**' alone is answered without a glob per path (100,000 of them on a large repository).
    const include = includes.includes('**') ? () => true : picomatch_default()(includes, options);
    const exclude = negations.length === 0
        ? (relative) => /(^|\/)\.git(\/|$)/.test(relative)
        : picomatch_default()([...GLOB_OPTIONS.ignore, ...negations], options);
    // Many files share a directory: remember each directory's verdict (100,000 paths, ~1,000 directories).
    const excludedDirectory = new Map();
    const directoryExcluded = (directory) => {
        let verdict = excludedDirectory.get(directory);
        if (verdict === undefined) {
            const slash = directory.lastIndexOf('/');
            verdict = exclude(directory) || (slash !== -1 && directoryExcluded(directory.slice(0, slash)));
            excludedDirectory.set(directory, verdict);
        }
        return verdict;
    };
    return (relative) => {
        if (!include(relative) || exclude(relative))
            return false;
        const slash = relative.lastIndexOf('/');
        return slash === -1 || !directoryExcluded(relative.slice(0, slash));
    };
}
/** The directories a walk must cover for these patterns: each including pattern's part before its first glob. */
function patternRoots(patterns) {
    const roots = new Set();
    for (const pattern of patterns) {
        if (pattern.startsWith('!'))
            continue;
        const segments = normalizeGlob(pattern).split('/');
        const stable = [];
        for (const segment of segments.slice(0, -1)) {
            if (picomatch_default().scan(segment).isGlob || /[\\{}[\]()!*?+@]/.test(segment))
                break;
            stable.push(segment);
        }
        if (stable.length === 0 || stable[0] === '.')
            return [];
        roots.add(stable.join('/'));
    }
    return [...roots];
}
/** The digest over entries already in byte order of their paths, each path once. */
function digest(entries) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(CODE_HASH_TAG)
        .update(entries.map((entry) => `${entry.path}\0${entry.id}\n`).join(''))
        .digest('hex');
}
function noMatch(repoRoot, patterns) {
    return new errors/* FilesError */.yN(`The code-hash patterns '${patterns.join(' ')}' match no file under '${repoRoot}'. ` +
        `Check 'code-hash-paths' (CODE_HASH_FIND_FILTER) and 'repo-path' (GIT_REPO_PATH).`);
}
/** Every matched file hashed here, with git's blob formula (SHA-1: the object format of nearly every repository). */
async function hashByWalking(repoRoot, patterns, algorithm, exclude, pool) {
    // Excluded directories are never entered (a local store may hold thousands of files), so they are not counted.
    const files = matchFiles(repoRoot, patterns, exclude);
    if (files.length === 0)
        throw noMatch(repoRoot, patterns);
    const { digests, bytes } = await pool.hash(files.map((relative) => external_node_path_default().join(repoRoot, relative)), algorithm);
    const entries = files.map((relative, index) => ({ path: relative, id: digests[index] }));
    return {
        hash: digest(entries),
        files: files.length,
        entries,
        excluded: 0,
        excludedPaths: [],
        bytes,
        method: 'files',
        hashed: files.length,
        checkedHere: 0
    };
}
const GIT_OPTIONS = { maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer' };
async function code_hash_git(repoRoot, args, env) {
    const { stdout } = await exec('git', ['-c', 'core.quotePath=false', ...args], { ...GIT_OPTIONS, cwd: repoRoot, ...(env ? { env } : {}) });
    return stdout.toString('utf8');
}
const nulSeparated = (text) => text.split('\0').filter(Boolean);
/** Runs `git hash-object --stdin-paths` (clean filters applied, as `git add` would) over `files`. */
function gitHashObjects(repoRoot, files) {
    if (files.length === 0)
        return Promise.resolve([]);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['hash-object', '--stdin-paths'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.once('error', reject);
        child.once('close', (code) => {
            const ids = stdout.split('\n').filter(Boolean);
            if (code !== 0 || ids.length !== files.length)
                reject(new errors/* FilesError */.yN(`git hash-object failed in '${repoRoot}': ${stderr.trim() || `exit ${code}`}`));
            else
                resolve(ids);
        });
        // Absolute: hash-object reads stdin paths from the top level of the work tree, not from repoRoot.
        child.stdin.end(files.map((file) => `${external_node_path_default().join(repoRoot, file)}\n`).join(''));
    });
}
/** A filter keeping the paths (relative to repoRoot) that name a regular file now: gone or symlinked ones are not part of the tree being built. */
const isRegularFile = (repoRoot) => (relative) => {
    try {
        return (0,external_node_fs_.lstatSync)(external_node_path_default().join(repoRoot, relative)).isFile();
    }
    catch {
        return false;
    }
};
/**
 * git's racy rule: a file recorded as modified no earlier than the index was written may have changed without
 * its stat data showing it, so its content must be read. Nanoseconds, as git built with USE_NSEC compares them
 * (the stock build compares whole seconds, so it re-reads every file of a checkout that ended in the second
 * its index was written); seconds alone when the entry has no nanoseconds (a git that records none).
 */
function racilyClean(seconds, ns, indexWrittenNs) {
    if (ns === 0)
        return seconds >= indexSeconds(indexWrittenNs);
    return BigInt(seconds) * 1000000000n + BigInt(ns) >= indexWrittenNs;
}
/** The index's time as an entry's seconds are kept: whole seconds, low 32 bits. */
const indexSeconds = (indexWrittenNs) => Number(BigInt.asUintN(32, indexWrittenNs / 1000000000n));
/** A repository config this large is not read here: git is asked. */
const CONFIG_LIMIT = 256 * 1024;
/**
 * The plain layout read from .git itself (see plainGitDirectory), without starting git: the index is .git/index,
 * repoRoot the top of the work tree, and the object format SHA-1 when the repository's own config (where git reads
 * extensions from) never mentions objectFormat. A config that mentions it, names a work tree elsewhere or includes
 * another file is git's to read.
 */
async function plainRepository(repoRoot) {
    const gitDir = (0,git/* plainGitDirectory */.Cw)(repoRoot);
    const config = gitDir && (await (0,capped_read/* readRunnerFile */.Lh)(external_node_path_default().join(gitDir, 'config'), CONFIG_LIMIT).catch(() => undefined));
    if (!gitDir || !config || /objectformat|worktree|include/i.test(config.toString('utf8')))
        return undefined;
    return { indexFile: external_node_path_default().join(gitDir, 'index'), idBytes: 20, prefix: '' };
}
async function locateRepository(repoRoot) {
    const plain = await plainRepository(repoRoot);
    if (plain)
        return plain;
    const [indexPath = '', prefix = '', format = ''] = (await code_hash_git(repoRoot, ['rev-parse', '--git-path', 'index', '--show-prefix', '--show-object-format'])).split('\n');
    return { indexFile: external_node_path_default().resolve(repoRoot, indexPath), idBytes: format === 'sha256' ? 32 : 20, prefix };
}
/**
 * What `git diff-files` finds changed by stat data alone, racy rule off: run on a copy of the index whose
 * modification time lies a day ahead, so git treats no entry as racily clean and reads no file's content (it
 * would re-read every file a checkout wrote in the second its index was written, one after another). Entries
 * git's own rule calls racy are checked here instead (see hashWithGit), to the nanosecond.
 */
async function changedByStat(repoRoot, indexBytes, pathspec) {
    const directory = await (0,fs_calls/* mkdtemp */.jV)(external_node_path_default().join((0,external_node_os_.tmpdir)(), 's3am-index-'));
    try {
        const copy = external_node_path_default().join(directory, 'index');
        await (0,fs_calls.writeFile)(copy, indexBytes);
        const aDayAhead = Date.now() / 1000 + 86_400;
        await (0,fs_calls/* utimes */.Ek)(copy, aDayAhead, aDayAhead);
        const changed = await code_hash_git(repoRoot, ['diff-files', '-z', '--name-only', '--relative', ...pathspec], {
            ...process.env,
            GIT_INDEX_FILE: copy
        });
        return new Set(nulSeparated(changed));
    }
    catch {
        return undefined; // every entry is then checked here
    }
    finally {
        await (0,fs_calls.rm)(directory, { recursive: true, force: true });
    }
}
/**
 * The index as it stands: read from the file (no process), or from `git ls-files -s --debug` when only git can
 * resolve it (a split or sparse index). Paths relative to repoRoot, only those under it.
 */
async function readIndex(repoRoot, repository, pathspec) {
    const file = readIndexBytes(repository.indexFile);
    const entries = file && parseIndexFile(file.bytes, repository.idBytes);
    if (file && entries) {
        // git compares stat data while the entries are sorted out here.
        const statChanged = changedByStat(repoRoot, file.bytes, pathspec);
        const { prefix } = repository;
        const under = prefix === ''
            ? entries
            : selectEntries(entries, (path) => path.startsWith(prefix), (path) => path.slice(prefix.length));
        return { ...under, writtenNs: file.writtenNs, statChanged };
    }
    const listing = await code_hash_git(repoRoot, ['ls-files', '-s', '-z', '--debug', ...pathspec]);
    // Read after the listing: a newer index only makes more entries racy, never fewer.
    let writtenNs = 0n;
    try {
        writtenNs = (0,external_node_fs_.lstatSync)(repository.indexFile, { bigint: true }).mtimeNs;
    }
    catch {
        // no index file: nothing is tracked
    }
    return { ...parseIndexListing(listing), writtenNs, statChanged: Promise.resolve(undefined) };
}
/** Reads git's view of repoRoot for these patterns; undefined when repoRoot is not in a work tree or git is missing. */
async function readGitView(repoRoot, patterns, exclude) {
    const includes = patternRoots(patterns).map((root) => `:(literal)${root}`);
    const pathspec = includes.length > 0 ? ['--', ...includes] : [];
    // Untracked outputs are left to git, so it never walks a local store's thousands of files; tracked ones come
    // from the index at no cost and are counted.
    const untrackedSpec = exclude.length > 0
        ? ['--', ...(includes.length > 0 ? includes : ['.']), ...exclude.map((path) => `:(exclude,literal)${path}`)]
        : pathspec;
    try {
        const untracked = code_hash_git(repoRoot, ['ls-files', '-o', '-z', ...untrackedSpec]);
        untracked.catch(() => undefined); // awaited below; a failure there is "not a work tree" too
        const index = await readIndex(repoRoot, await locateRepository(repoRoot), pathspec);
        return { index, untracked: nulSeparated(await untracked).filter((relative) => !relative.endsWith('/')) };
    }
    catch (error) {
        if (error instanceof errors/* FilesError */.yN)
            throw error;
        return undefined; // not a work tree (a copied tree, a tarball) or no git: every file is hashed here
    }
}
/**
 * The ids being gathered, one slot per index entry (undefined: left out, or not known yet), and the paths whose
 * ids `git hash-object` gives, with the index entry each stands for (none for an untracked file).
 */
class Ids {
    byEntry;
    toHash = [];
    entryOf = new Map();
    constructor(entries) {
        this.byEntry = new Array(entries);
    }
    hashLater(relative, entry) {
        if (entry !== undefined)
            this.entryOf.set(relative, entry);
        this.toHash.push(relative);
    }
    /** Takes `git hash-object`'s ids for `hashed` (those of toHash still regular files); returns the untracked files'. */
    takeHashed(hashed, hashedIds) {
        const untracked = [];
        hashed.forEach((relative, n) => {
            const entry = this.entryOf.get(relative);
            if (entry === undefined)
                untracked.push({ path: relative, id: hashedIds[n] });
            else
                this.byEntry[entry] = hashedIds[n];
        });
        return untracked;
    }
}
/**
 * First pass over the index: submodules give their gitlink, files git is told not to look at their index id,
 * unmerged paths go to `git hash-object`; returns the entries whose work-tree file must be compared.
 */
function sortIndexEntries(index, matches, ids) {
    const { paths, modes, stages, flags } = index;
    const toCompare = [];
    for (let i = 0; i < paths.length; i++) {
        const relative = paths[i];
        if (i > 0 && relative === paths[i - 1])
            continue; // an unmerged path repeats once per stage
        const type = modes[i] & 0o170000;
        if (type === 0o160000) {
            // A submodule: its gitlink, when the patterns cover its directory.
            if (matches(relative) || matches(`${relative}/.gitlink`))
                ids.byEntry[i] = index.ids[i];
        }
        else if (type !== 0o100000 || !matches(relative)) {
            continue; // symlinks: neither followed nor hashed
        }
        else if (stages[i] !== 0) {
            ids.hashLater(relative, i);
        }
        else if (flags[i] & ENTRY_FLAGS.notCompared) {
            ids.byEntry[i] = index.ids[i]; // as git diff-files: the index speaks for a file git is told not to look at
        }
        else {
            toCompare.push(i);
        }
    }
    return toCompare;
}
/**
 * Second pass: git's word on stat data is taken for entries whose mtime and ctime both lie in a second before the
 * index was written: git's racy rule (whole seconds, mtime only) extended to ctime, so a same-size rewrite with its
 * mtime put back in the second git recorded it cannot pass. The others are checked here, to the nanosecond, as are
 * all of them when git was not asked.
 */
function planWorkTreeChecks(index, toCompare, changed, ids) {
    const { paths, flags, stats } = index;
    const writtenSeconds = indexSeconds(index.writtenNs);
    const entries = [];
    const mustRead = [];
    let checkedHere = 0;
    for (const i of toCompare) {
        const intentToAdd = (flags[i] & ENTRY_FLAGS.intentToAdd) !== 0;
        const gitTrusts = changed !== undefined && stats[i * 6] < writtenSeconds && stats[i * 6 + 2] < writtenSeconds && !intentToAdd;
        if (gitTrusts && !changed.has(paths[i])) {
            ids.byEntry[i] = index.ids[i];
        }
        else if (gitTrusts) {
            entries.push(i);
            mustRead.push(true); // gone, or to be read
        }
        else {
            checkedHere++;
            entries.push(i);
            mustRead.push(intentToAdd || racilyClean(stats[i * 6], stats[i * 6 + 1], index.writtenNs));
        }
    }
    return { entries, mustRead, checkedHere };
}
function verdictOf(answer, indexId) {
    if (answer === '' || answer === indexId)
        return { same: true };
    return answer === '-' ? { gone: true } : { id: answer };
}
/**
 * Third pass, on all cores: each planned entry's file compared with its stat data and read when it must be (see
 * FileHashPool.verify). A file whose content is not the index's goes to `git hash-object`, which also tells a real
 * change from a file only unfiltered (CRLF, LFS). Returns what was read, and the paths read already.
 */
async function checkWorkTree(repoRoot, index, checks, pool, ids) {
    const recorded = new Uint32Array(checks.entries.length * 6);
    checks.entries.forEach((i, n) => recorded.set(index.stats.subarray(i * 6, i * 6 + 6), n * 6));
    const racy = Uint8Array.from(checks.mustRead, (read) => (read ? 1 : 0));
    const algorithm = index.ids[0]?.length === 64 ? 'sha256' : 'sha1';
    const paths = checks.entries.map((i) => index.paths[i]);
    const verified = await pool.verify({ root: repoRoot, paths, stats: recorded, racy }, algorithm);
    const readAlready = new Set();
    checks.entries.forEach((i, n) => {
        const verdict = verdictOf(verified.digests[n], index.ids[i]);
        if ('same' in verdict)
            ids.byEntry[i] = index.ids[i];
        else if ('id' in verdict) {
            ids.hashLater(paths[n], i);
            readAlready.add(paths[n]);
        }
    });
    return { bytes: verified.bytes, hashed: verified.hashed, readAlready };
}
/**
 * Ids from git: tracked files from its index, each checked against the work tree as git checks it (stat data
 * compared, on all cores for many files; a file whose stat data changed, or that was written no earlier than
 * the index, is read and hashed, as git itself would); untracked files and files whose content differs from the
 * index go through `git hash-object` (so line-ending and LFS clean filters apply as in `git add`); submodules as
 * their gitlink. Undefined when repoRoot is not in a git work tree or git is missing.
 */
async function hashWithGit(repoRoot, patterns, exclude, pool) {
    const matching = pathMatcher(patterns);
    const isExcluded = excluder(exclude);
    const excludedPaths = [];
    const matches = (relative) => {
        if (!matching(relative))
            return false;
        if (!isExcluded(relative))
            return true;
        excludedPaths.push(relative);
        return false;
    };
    const view = await readGitView(repoRoot, patterns, exclude);
    if (!view)
        return undefined;
    const { index } = view;
    const ids = new Ids(index.paths.length);
    const toCompare = sortIndexEntries(index, matches, ids);
    for (const relative of view.untracked)
        if (matches(relative))
            ids.hashLater(relative);
    const checks = planWorkTreeChecks(index, toCompare, await index.statChanged, ids);
    const read = await checkWorkTree(repoRoot, index, checks, pool, ids);
    const regular = ids.toHash.filter(isRegularFile(repoRoot));
    const untracked = ids.takeHashed(regular, await gitHashObjects(repoRoot, regular));
    // Index order is byte order of the path, so tracked entries are in hash order already. Entries without an id
    // are gone from the work tree, or no longer regular files: not part of the tree being built.
    let entries = [];
    ids.byEntry.forEach((id, i) => id !== undefined && entries.push({ path: index.paths[i], id }));
    if (untracked.length > 0) {
        const byPath = new Map([...entries, ...untracked].map((entry) => [entry.path, entry.id]));
        entries = sortUtf8([...byPath.keys()]).map((path) => ({ path, id: byPath.get(path) }));
    }
    if (entries.length === 0)
        throw noMatch(repoRoot, patterns);
    return {
        hash: digest(entries),
        files: entries.length,
        entries,
        excluded: excludedPaths.length,
        excludedPaths,
        bytes: read.bytes,
        method: 'git',
        // A tracked file read here and then through git hash-object counts once.
        hashed: read.hashed + regular.filter((relative) => !read.readAlready.has(relative)).length,
        checkedHere: checks.checkedHere
    };
}
/**
 * The code hash (version 2): SHA-256 (hex) over `code-hash-v2\n`, then `<path>\0<git blob id>\n` for every
 * matched regular file in byte order of its UTF-8 path relative to repoRoot, leaving out `options.exclude`
 * (the build's outputs). Symlinks are neither followed nor hashed; a submodule contributes its gitlink. In a
 * git work tree the ids come from git; elsewhere every file is hashed here with the same formula.
 */
async function computeCodeHash(repoRoot, patterns, options = {}) {
    const { globs, required } = withoutOptionalMarks(patterns);
    checkPatterns(globs);
    const exclude = options.exclude ?? [];
    const pool = new HashPool(); // workers start when there is something to read
    try {
        const result = (await hashWithGit(repoRoot, globs, exclude, pool)) ?? (await hashByWalking(repoRoot, globs, 'sha1', exclude, pool));
        options.checkOutputs?.(result);
        requireEveryPattern(repoRoot, required, result.entries);
        return result;
    }
    finally {
        await pool.close();
    }
}
/**
 * What a build writes, as paths relative to the repository for CodeHashOptions.exclude: the outputs that lie
 * inside it (the package directory, a local store, this action's stage) and, when the package directory is
 * the repository itself, this action's files in it. Outputs are never inputs, whatever the patterns say.
 */
function outputExclusions(repoRoot, outputs, actionFiles) {
    const relative = [];
    for (const output of outputs) {
        const inside = external_node_path_default().relative(repoRoot, external_node_path_default().resolve(repoRoot, output));
        if (inside === '')
            relative.push(...actionFiles);
        else if (!external_node_path_default().isAbsolute(inside) && inside.split((external_node_path_default()).sep)[0] !== '..')
            relative.push(inside.split((external_node_path_default()).sep).join('/'));
    }
    return [...new Set(relative)];
}
/**
 * Tracked files the patterns match that lie in `output` (a build's output folder): an output folder that holds
 * sources is a mistake (a monorepo's `packages/` as `package-directory`), since it is left out of the key and
 * its sources would then be stored as the build. Paths relative to the repository, in index order.
 */
function sourcesInOutput(result, repoRoot, output) {
    const inside = external_node_path_default().relative(repoRoot, external_node_path_default().resolve(repoRoot, output));
    if (inside === '' || external_node_path_default().isAbsolute(inside) || inside.split((external_node_path_default()).sep)[0] === '..')
        return [];
    const folder = `${inside.split((external_node_path_default()).sep).join('/')}/`;
    // Hidden files are never uploaded (this action's own records among them): only what would be stored counts.
    return result.excludedPaths.filter((file) => file.startsWith(folder) &&
        !file
            .slice(folder.length)
            .split('/')
            .some((part) => part.startsWith('.')));
}
/** The error for sourcesInOutput's files: names the setting, how many files and the first few. */
function sourcesInOutputError(files, setting, value, fix) {
    const first = files.slice(0, 5).join(', ');
    return new errors/* FilesError */.yN(`${setting} '${value}' holds ${files.length} tracked file(s) that 'code-hash-paths' matches (${first}${files.length > 5 ? ', \u2026' : ''}): ` +
        `that folder is the build's output, which is never hashed and is stored as the build, so these sources would be neither keyed nor kept apart. ${fix}`);
}


/***/ }),

/***/ 44005:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "99c9e3f28e8ad56a4b89.mjs";

/***/ })

};
;
//# sourceMappingURL=946.index.js.map