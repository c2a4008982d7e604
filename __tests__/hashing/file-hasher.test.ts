// The stat check against git's index gives the same verdicts on the main thread and in the workers, and reads
// exactly the files git's stat data cannot vouch for.
import { createHash } from 'node:crypto'
import { readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { HashPool, type RecordedFiles } from '../../src/hashing/file-hasher.js'
import { parseIndexFile } from '../../src/hashing/git-index.js'
import { makeRepo } from '../support/helpers.js'

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
