// The stat check against git's index gives the same verdicts on the main thread and in the workers, and reads
// exactly the files git's stat data cannot vouch for.
import { createHash } from 'node:crypto'
import { closeSync, constants, openSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { FilesError } from '../../src/errors.js'
import { HashPool, smallJob, type RecordedFiles } from '../../src/hashing/file-hasher.js'
import { parseIndexFile } from '../../src/hashing/git-index.js'
import { makeFifo, releaseReaders, within } from '../support/fifo.js'
import { makeRepo, tempDir, writeFiles } from '../support/helpers.js'

const blobId = (content: string): string =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0${content}`)
    .digest('hex')

/** A repository of five files, then: one rewritten (same size), one touched, one deleted, one now a symlink, one racy. */
function scene(): RecordedFiles {
  const repo = makeRepo({
    'same.txt': 'same',
    'changed.txt': 'aaaa',
    'touched.txt': 'tttt',
    'gone.txt': 'g',
    'link.txt': 'l',
    'racy.txt': 'r'
  })
  const past = Date.now() / 1000 - 60
  const index = parseIndexFile(readFileSync(path.join(repo.dir, '.git/index')), 20)!
  writeFileSync(path.join(repo.dir, 'changed.txt'), 'bbbb')
  utimesSync(path.join(repo.dir, 'touched.txt'), past, past)
  rmSync(path.join(repo.dir, 'gone.txt'))
  rmSync(path.join(repo.dir, 'link.txt'))
  symlinkSync('same.txt', path.join(repo.dir, 'link.txt'))
  return { root: repo.dir, paths: index.paths, stats: index.stats, racy: Uint8Array.from(index.paths, (p) => (p === 'racy.txt' ? 1 : 0)) }
}

describe('HashPool.verify', () => {
  it.each([
    ['on the main thread', Infinity],
    ['in the workers', 0]
  ])('%s: stat data vouches, or the file is read', async (_, statHereBelow) => {
    const files = scene()
    const pool = new HashPool({ statHereBelow })
    try {
      const result = await pool.verify(files)
      const byPath = Object.fromEntries(files.paths.map((p, i) => [p, result.digests[i]]))
      expect(byPath).toEqual({
        'changed.txt': blobId('bbbb'),
        'gone.txt': '-',
        'link.txt': '-',
        'racy.txt': blobId('r'),
        'same.txt': '',
        'touched.txt': blobId('tttt')
      })
      expect(result.hashed).toBe(3)
      expect(result.bytes).toBe(9)
    } finally {
      await pool.close()
    }
  })
})

describe('HashPool.hash', () => {
  it('reads a few small files on this thread and more in the workers, with the same ids', async () => {
    const dir = tempDir('pool')
    const contents = Array.from({ length: 70 }, (_, i) => `file ${i}\n`.repeat(i))
    writeFiles(dir, Object.fromEntries(contents.map((content, i) => [`f${i}`, content])))
    const files = contents.map((_, i) => path.join(dir, `f${i}`))
    const ids = contents.map(blobId)
    const pool = new HashPool()
    const forced = new HashPool({ hashHereBelow: 0 })
    try {
      expect((await pool.hash(files.slice(0, 5))).digests).toEqual(ids.slice(0, 5))
      expect(pool.startedWorkers).toBe(0) // five small files: booting a worker would cost more than the reading
      expect((await forced.hash(files.slice(0, 5))).digests).toEqual(ids.slice(0, 5))
      expect(forced.startedWorkers).toBeGreaterThan(0)
      const many = await pool.hash(files)
      expect(many).toMatchObject({ digests: ids, hashed: 70, bytes: contents.reduce((sum, content) => sum + content.length, 0) })
      expect(pool.startedWorkers).toBeGreaterThan(0)
    } finally {
      await Promise.all([pool.close(), forced.close()])
    }
  })

  it('sends a few files of more than 4 MiB together to the workers, which read while this thread goes on', async () => {
    const dir = tempDir('pool-large')
    writeFiles(dir, { big: Buffer.alloc(5 * 1024 * 1024, 1) })
    symlinkSync('big', path.join(dir, 'link')) // sized as it is read: through the link
    for (const name of ['big', 'link']) {
      const pool = new HashPool()
      try {
        await pool.hash([path.join(dir, name)])
        expect([name, pool.startedWorkers > 0]).toEqual([name, true])
      } finally {
        await pool.close()
      }
    }
  })

  it('keeps a FIFO or a device for the workers: a read that blocks must not block this thread', () => {
    const dir = tempDir('pool-special')
    writeFiles(dir, { small: 'small\n' })
    makeFifo(path.join(dir, 'fifo'))
    symlinkSync('/dev/zero', path.join(dir, 'zeros'))
    expect(smallJob([path.join(dir, 'small')], 64)).toBe(true)
    for (const name of ['fifo', 'zeros'])
      expect([name, smallJob([path.join(dir, 'small'), path.join(dir, name)], 64)]).toEqual([name, false])
  })

  it('fails a FIFO or a device in the workers at once, naming it, instead of waiting on it or reading forever', async () => {
    const dir = tempDir('pool-special-read')
    const fifo = makeFifo(path.join(dir, 'fifo'))
    symlinkSync('/dev/zero', path.join(dir, 'zeros'))
    const pool = new HashPool({ size: 1, hashHereBelow: 0 })
    try {
      for (const name of ['fifo', 'zeros']) {
        const failure = await within(
          5000,
          pool.hash([path.join(dir, name)]).catch((error: unknown) => error)
        )
        expect(failure).toBeInstanceOf(FilesError)
        expect((failure as Error).message).toContain(`'${path.join(dir, name)}' is not a regular file`)
      }
      // A FIFO whose writer is there but has sent nothing: the read would wait for it.
      const writer = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK)
      try {
        const failure = await within(
          5000,
          pool.hash([fifo]).catch((error: unknown) => error)
        )
        expect((failure as Error).message).toContain(`'${fifo}' is not a regular file`)
      } finally {
        closeSync(writer)
      }
      // The worker lives on for the next job.
      writeFiles(dir, { small: 'small\n' })
      expect((await pool.hash([path.join(dir, 'small')])).digests).toEqual([blobId('small\n')])
    } finally {
      releaseReaders(fifo)
      await pool.close()
    }
  })

  it('fails a file that is gone by the time it is read as a files error, on this thread too', async () => {
    const pool = new HashPool({ size: 1 })
    try {
      await expect(pool.hash([path.join(tempDir('pool-gone'), 'gone.js')])).rejects.toThrow(FilesError)
      expect(pool.startedWorkers).toBe(0)
    } finally {
      await pool.close()
    }
  })
})
