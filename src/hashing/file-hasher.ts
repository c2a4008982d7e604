import { lstatSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/**
 * Whether git's stat data still vouches for `file`: '' when it does, '-' when the file is gone or not a regular
 * file, 'read' when its content must be read (stat data differs, or `racy`). `stats` holds six numbers a file
 * from `at`, as git's index records them: mtime seconds and ns, ctime seconds and ns, size, inode number (seconds,
 * size and inode as their low 32 bits; ns 0 from a git that records none, then seconds alone are compared).
 *
 * Times are compared as Node reports them, in milliseconds as a double (to about a quarter of a microsecond): a
 * plain lstat costs a third less than a bigint one, and a file rewritten within a microsecond of its recorded
 * time, to the same size, on the same inode, with its ctime also unmoved, is beyond any real build (git's default
 * build compares whole seconds). Self-contained (lstat is passed in): the hashing workers run its source.
 */
function statVerdict(lstat: typeof lstatSync, file: string, racy: boolean, stats: Uint32Array, at: number): '' | '-' | 'read' {
  let info
  try {
    info = lstat(file, { throwIfNoEntry: false })
  } catch {
    return '-' // a directory on the way became a file, or cannot be entered
  }
  if (info === undefined || !info.isFile()) return '-'
  if (racy) return 'read'
  const U32 = 4294967296
  const sameTime = (actualMs: number, seconds: number, ns: number): boolean =>
    Math.floor(actualMs / 1000) % U32 === seconds && (ns === 0 || Math.abs((actualMs % 1000) * 1e6 - ns) < 1000)
  const same =
    sameTime(info.mtimeMs, stats[at]!, stats[at + 1]!) &&
    sameTime(info.ctimeMs, stats[at + 2]!, stats[at + 3]!) &&
    info.size % U32 === stats[at + 4] &&
    (stats[at + 5] === 0 || info.ino % U32 === stats[at + 5])
  return same ? '' : 'read'
}

/**
 * git blob ids of many files on all cores. Each worker reads its files with plain synchronous calls into one
 * reused buffer: for thousands of small files that is several times faster than promise-based reads, whose
 * per-file round trips through the thread pool cost more than the hashing itself. A job is `hash` (every file)
 * or `verify` (index entries: the stat data git recorded is compared with the file's, and only a file that
 * differs, or that git's index cannot vouch for, is read and hashed).
 * The worker is inline source so the bundle stays one file.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { openSync, readSync, fstatSync, closeSync, lstatSync } = require('node:fs')
const { hash: oneShot } = require('node:crypto') // crypto.hash: Node >= 20.12
const HEADER_ROOM = 32
const buffer = Buffer.allocUnsafe(1024 * 1024)
let bytes = 0

function blobId(file, algorithm) {
  const fd = openSync(file, 'r')
  try {
    // git's blob id: hash("blob <size>\\0" + bytes). A file that fits the buffer is read after room for
    // the header, which is then written in front of it: one read, one hash call, no stat.
    let filled = 0
    let read
    const room = buffer.length - HEADER_ROOM
    while (filled < room && (read = readSync(fd, buffer, HEADER_ROOM + filled, room - filled, null)) > 0) filled += read
    if (filled < room) {
      const header = 'blob ' + filled + '\\0'
      const start = HEADER_ROOM - header.length
      buffer.write(header, start, 'latin1')
      const body = buffer.subarray(start, HEADER_ROOM + filled)
      bytes += filled
      return oneShot ? oneShot(algorithm, body, 'hex') : createHash(algorithm).update(body).digest('hex')
    }
    const hash = createHash(algorithm).update('blob ' + fstatSync(fd).size + '\\0').update(buffer.subarray(HEADER_ROOM, HEADER_ROOM + filled))
    bytes += filled
    while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) {
      hash.update(buffer.subarray(0, read))
      bytes += read
    }
    return hash.digest('hex')
  } finally {
    closeSync(fd)
  }
}

let hashed = 0
// verify: see HashPool.verify; statVerdict is this module's own function, inlined below.
${statVerdict.toString()}
function verify(root, files, stats, racy, algorithm) {
  const answers = []
  for (let i = 0; i < files.length; i++) {
    const file = root + '/' + files[i]
    const verdict = statVerdict(lstatSync, file, racy[i] === 1, stats, i * 6)
    if (verdict === 'read') {
      hashed++
      answers.push(blobId(file, algorithm))
    } else answers.push(verdict)
  }
  return answers
}

parentPort.on('message', ({ job, root, files, stats, racy, algorithm }) => {
  bytes = 0
  hashed = 0
  const digests = job === 'verify' ? verify(root, files, stats, racy, algorithm) : files.map((file) => blobId(file, algorithm))
  parentPort.postMessage({ digests, bytes, hashed: job === 'verify' ? hashed : files.length })
})
`
/** The object format whose blob ids are computed: SHA-1 (nearly every repository) or SHA-256. */
export type FileDigestAlgorithm = 'sha1' | 'sha256'

export interface FileDigests {
  /** Hex digest of each file, in the order given. */
  readonly digests: string[]
  readonly bytes: number
  /** Files read and hashed (for `verify`: those the index could not vouch for). */
  readonly hashed: number
}

/** Up to this many index entries are checked on the main thread: fewer than booting workers costs. */
const STAT_HERE_BELOW = 30_000

/**
 * Tracked files to check against the work tree: paths relative to `root`, what git's index recorded of each
 * (six numbers a file, as statVerdict reads them), and which ones git's stat data cannot vouch for (`racy`: 1).
 */
export interface RecordedFiles {
  readonly root: string
  readonly paths: readonly string[]
  readonly stats: Uint32Array
  readonly racy: Uint8Array
}

/**
 * Workers start on the first job that needs them (a check whose files git vouches for starts none); each
 * takes its jobs one at a time. Always `close` the pool.
 */
export class HashPool {
  private workers: Worker[] | undefined

  private readonly size: number
  private readonly statHereBelow: number

  /** `statHereBelow`: the entry count from which `verify` compares stat data in the workers (tests set it). */
  constructor({ size = availableParallelism(), statHereBelow = STAT_HERE_BELOW } = {}) {
    this.size = size
    this.statHereBelow = statHereBelow
  }

  private started(): Worker[] {
    this.workers ??= Array.from({ length: Math.max(1, this.size) }, () => new Worker(WORKER_SOURCE, { eval: true }))
    return this.workers
  }

  private run(worker: Worker, message: Record<string, unknown>): Promise<FileDigests> {
    return new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`A hashing worker stopped early (exit code ${code}).`)))
      worker.postMessage(message)
    })
  }

  /** Interleaved shards balance the work without knowing sizes up front; results come back in the given order. */
  private async sharded<T>(items: readonly T[], message: (shard: T[]) => Record<string, unknown>): Promise<FileDigests> {
    if (items.length === 0) return { digests: [], bytes: 0, hashed: 0 }
    const workers = this.started()
    const count = workers.length
    const shards = workers.map((_, shard) => items.filter((_, index) => index % count === shard))
    const results = await Promise.all(workers.map((worker, shard) => this.run(worker, message(shards[shard]!))))
    return {
      digests: items.map((_, index) => results[index % count]!.digests[Math.floor(index / count)]!),
      bytes: results.reduce((sum, result) => sum + result.bytes, 0),
      hashed: results.reduce((sum, result) => sum + result.hashed, 0)
    }
  }

  /** Hashes `files` (absolute paths). */
  hash(files: readonly string[], algorithm: FileDigestAlgorithm = 'sha1'): Promise<FileDigests> {
    return this.sharded(files, (shard) => ({ job: 'hash', files: shard, algorithm }))
  }

  /**
   * Checks recorded files against the work tree: '' where the stat data is as recorded (and the entry not
   * racy), '-' where the file is gone or not a regular file, else the blob id of its content now. Stat data is
   * compared here for up to STAT_HERE_BELOW files, in the workers (a contiguous range each) beyond.
   */
  async verify(files: RecordedFiles, algorithm: FileDigestAlgorithm = 'sha1'): Promise<FileDigests> {
    const { paths } = files
    if (paths.length < this.statHereBelow) return this.verifyHere(files, algorithm)
    const workers = this.started()
    const size = Math.ceil(paths.length / workers.length)
    const results = await Promise.all(
      workers.map((worker, shard) => {
        const [from, to] = [shard * size, Math.min(paths.length, (shard + 1) * size)]
        return this.run(worker, {
          job: 'verify',
          algorithm,
          root: files.root,
          files: paths.slice(from, to),
          stats: files.stats.slice(from * 6, to * 6),
          racy: files.racy.slice(from, to)
        })
      })
    )
    return {
      digests: results.flatMap((result) => result.digests),
      bytes: results.reduce((sum, result) => sum + result.bytes, 0),
      hashed: results.reduce((sum, result) => sum + result.hashed, 0)
    }
  }

  /** verify with stat data compared on this thread; the files to read are hashed in the workers. */
  private async verifyHere({ root, paths, stats, racy }: RecordedFiles, algorithm: FileDigestAlgorithm): Promise<FileDigests> {
    const answers: string[] = []
    const toRead: number[] = []
    for (let i = 0; i < paths.length; i++) {
      const verdict = statVerdict(lstatSync, `${root}/${paths[i]}`, racy[i] === 1, stats, i * 6)
      if (verdict === 'read') toRead.push(i)
      answers.push(verdict)
    }
    const read = await this.hash(
      toRead.map((i) => `${root}/${paths[i]}`),
      algorithm
    )
    toRead.forEach((i, n) => (answers[i] = read.digests[n]!))
    return { digests: answers, bytes: read.bytes, hashed: toRead.length }
  }

  async close(): Promise<void> {
    await Promise.all((this.workers ?? []).map((worker) => worker.terminate()))
  }
}
