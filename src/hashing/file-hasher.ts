import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { FilesError } from '../errors.js'
import { HASH_WORKER, hashFilesHere, statVerdict } from './hash-worker.mjs'

/**
 * git blob ids of many files on all cores, in workers running hash-worker.mjs. Each reads its files with plain
 * synchronous calls into one reused buffer: for thousands of small files that is several times faster than
 * promise-based reads, whose per-file round trips through the thread pool cost more than the hashing itself. A
 * job is `hash` (every file) or `verify` (index entries: the stat data git recorded is compared with the file's,
 * and only a file that differs, or that git's index cannot vouch for, is read and hashed).
 */
const WORKER_FILE = new URL('./hash-worker.mjs', import.meta.url)

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
 * A job this small is hashed on the calling thread: fewer files than this, of at most HASH_HERE_BYTES together.
 * Booting a worker costs about 30 ms of CPU (a new isolate), and a check usually has only a few files git cannot
 * vouch for (those written in the checkout's last second); reading 4 MiB here takes a few milliseconds.
 */
const HASH_HERE_BELOW = 64
const HASH_HERE_BYTES = 4 * 1024 * 1024

/**
 * Whether these files are few and small enough to hash here; sizes as the read sees them (through a symlink). Only
 * regular files: a FIFO or a device (size 0) can block its read, which in a worker leaves this thread free to
 * answer a cancel, and here would not.
 */
export function smallJob(files: readonly string[], below: number): boolean {
  if (files.length >= below) return false
  let bytes = 0
  for (const file of files) {
    try {
      const info = statSync(file, { throwIfNoEntry: false })
      if (info && !info.isFile()) return false
      bytes += info?.size ?? 0
    } catch {
      // unreadable: the read reports it, here or in a worker alike
    }
  }
  return bytes <= HASH_HERE_BYTES
}

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
 * Workers start on the first job that needs them (a check whose files git vouches for, or with only a few small
 * files to read, starts none); each takes its jobs one at a time. Always `close` the pool.
 */
export class HashPool {
  private workers: Worker[] | undefined

  private readonly size: number
  private readonly statHereBelow: number
  private readonly hashHereBelow: number

  /**
   * `statHereBelow`: the entry count from which `verify` compares stat data in the workers; `hashHereBelow`: the
   * file count from which `hash` reads in the workers (tests set them).
   */
  constructor({ size = availableParallelism(), statHereBelow = STAT_HERE_BELOW, hashHereBelow = HASH_HERE_BELOW } = {}) {
    this.size = size
    this.statHereBelow = statHereBelow
    this.hashHereBelow = hashHereBelow
  }

  /** How many workers have started (none until a job needs them). */
  get startedWorkers(): number {
    return this.workers?.length ?? 0
  }

  private started(): Worker[] {
    this.workers ??= Array.from({ length: Math.max(1, this.size) }, () => new Worker(WORKER_FILE, { workerData: HASH_WORKER }))
    return this.workers
  }

  private run(worker: Worker, message: Record<string, unknown>): Promise<FileDigests> {
    return new Promise((resolve, reject) => {
      const settle = (answer: FileDigests | { failed: string }): void => {
        done()
        if ('failed' in answer) reject(new FilesError(answer.failed))
        else resolve(answer)
      }
      const failed = (error: Error): void => {
        done()
        reject(error)
      }
      const exited = (code: number): void => failed(new Error(`A hashing worker stopped early (exit code ${code}).`))
      // One job at a time per worker: its listeners go with it, so a long check does not pile them up.
      const done = (): void => {
        worker.off('message', settle)
        worker.off('error', failed)
        worker.off('exit', exited)
      }
      worker.on('message', settle)
      worker.on('error', failed)
      worker.on('exit', exited)
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

  /** Hashes `files` (absolute paths): a small job here, a larger one in the workers. */
  async hash(files: readonly string[], algorithm: FileDigestAlgorithm = 'sha1'): Promise<FileDigests> {
    if (files.length > 0 && smallJob(files, this.hashHereBelow)) {
      try {
        return hashFilesHere([...files], algorithm)
      } catch (error) {
        throw new FilesError((error as Error).message)
      }
    }
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
      const verdict = statVerdict(`${root}/${paths[i]}`, racy[i] === 1, stats, i * 6)
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
