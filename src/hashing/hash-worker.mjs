// @ts-check
// The hashing worker (HashPool in file-hasher.ts starts it) and the stat comparison both threads use. Plain
// JavaScript, type-checked by tsc through the JSDoc below, because a worker runs a file: the bundler copies this
// one beside dist/index.js as it is, and the tests start it from src/ — neither could start TypeScript on Node
// 20. It imports only Node.js itself, so the copy runs alone.
import { createHash, hash as oneShot } from 'node:crypto' // crypto.hash: Node >= 20.12
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'

/** What HashPool passes as workerData, so that importing this module elsewhere starts nothing. */
export const HASH_WORKER = 's3-asset-manager hash worker'

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
export function statVerdict(file, racy, stats, at) {
  let info
  try {
    info = lstatSync(file, { throwIfNoEntry: false })
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
const READ_NO_WAIT = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

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
  const fd = openSync(file, READ_NO_WAIT)
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
      return oneShot ? oneShot(algorithm, body, 'hex') : createHash(algorithm).update(body).digest('hex')
    }
    // A device that fills the buffer (a link to /dev/zero) would never end: only a regular file goes on.
    const hash = createHash(algorithm)
      .update(`blob ${regularFile(fd, file).size}\0`)
      .update(buffer.subarray(HEADER_ROOM, HEADER_ROOM + filled))
    counts.bytes += filled
    while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) {
      hash.update(buffer.subarray(0, read))
      counts.bytes += read
    }
    return hash.digest('hex')
  } finally {
    closeSync(fd)
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
  const info = fstatSync(fd)
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
    return readSync(fd, buffer, offset, length, null)
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
export function hashFilesHere(files, algorithm) {
  return runJob({ job: 'hash', files, algorithm })
}

if (!isMainThread && workerData === HASH_WORKER && parentPort) {
  const port = parentPort
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
