import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/**
 * git blob ids of many files on all cores (for trees without git). Each worker reads its files with plain synchronous calls into one
 * reused buffer: for thousands of small files that is several times faster than promise-based reads,
 * whose per-file round trips through the thread pool cost more than the hashing itself.
 * The worker is inline source so the bundle stays one file.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { openSync, readSync, fstatSync, closeSync } = require('node:fs')
const { hash: oneShot } = require('node:crypto') // crypto.hash: Node >= 20.12
const HEADER_ROOM = 32
parentPort.once('message', ({ files, algorithm }) => {
  const buffer = Buffer.allocUnsafe(1024 * 1024)
  const digests = []
  let bytes = 0
  for (const file of files) {
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
        digests.push(oneShot ? oneShot(algorithm, body, 'hex') : createHash(algorithm).update(body).digest('hex'))
        bytes += filled
        continue
      }
      const hash = createHash(algorithm).update('blob ' + fstatSync(fd).size + '\\0').update(buffer.subarray(HEADER_ROOM, HEADER_ROOM + filled))
      bytes += filled
      while ((read = readSync(fd, buffer, 0, buffer.length, null)) > 0) {
        hash.update(buffer.subarray(0, read))
        bytes += read
      }
      digests.push(hash.digest('hex'))
    } finally {
      closeSync(fd)
    }
  }
  parentPort.postMessage({ digests, bytes })
})
`

/** The object format whose blob ids are computed: SHA-1 (nearly every repository) or SHA-256. */
export type FileDigestAlgorithm = 'sha1' | 'sha256'

export interface FileDigests {
  /** Hex digest of each file, in the order given. */
  readonly digests: string[]
  readonly bytes: number
}

/**
 * Workers are started when the pool is made, so they boot while the caller is still listing files;
 * `hash` may be called once. Always `close` the pool.
 */
export class HashPool {
  private readonly workers: Worker[]

  constructor(size = availableParallelism()) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new Worker(WORKER_SOURCE, { eval: true }))
  }

  private run(worker: Worker, files: string[], algorithm: FileDigestAlgorithm): Promise<FileDigests> {
    return new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.once('exit', (code) => reject(new Error(`A hashing worker stopped early (exit code ${code}).`)))
      worker.postMessage({ files, algorithm })
    })
  }

  /** Hashes `files` (absolute paths); interleaved shards balance the work without knowing sizes up front. */
  async hash(files: readonly string[], algorithm: FileDigestAlgorithm = 'sha1'): Promise<FileDigests> {
    const count = this.workers.length
    const shards = this.workers.map((_, shard) => files.filter((_, index) => index % count === shard))
    const results = await Promise.all(this.workers.map((worker, shard) => this.run(worker, shards[shard]!, algorithm)))
    return {
      digests: files.map((_, index) => results[index % count]!.digests[Math.floor(index / count)]!),
      bytes: results.reduce((sum, result) => sum + result.bytes, 0)
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }
}
