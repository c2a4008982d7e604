import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { privateDirectory, pruneCodeCache, VERSIONS_KEPT } from '../../src/util/code-cache.js'
import { tempDir } from '../support/helpers.js'

// The compiled code kept for Node.js 20 (src/util/code-cache.ts) is code the next step runs: only a directory no one
// else may write holds it. The cache at work is in e2e.test.ts, through dist/index.js.
describe('the code cache directory', () => {
  it('is made for this user alone, and taken when it is so', () => {
    const where = path.join(tempDir('code-cache'), 'cache')
    expect(privateDirectory(where)).toBe(where)
    expect(statSync(where).mode & 0o777).toBe(0o700)
    expect(privateDirectory(where)).toBe(where)
  })

  it.each([
    ['writable by others', (where: string) => (mkdirSync(where), chmodSync(where, 0o777))],
    ['writable by its group', (where: string) => (mkdirSync(where), chmodSync(where, 0o770))],
    ['a symlink to a directory of ours', (where: string) => symlinkSync(tempDir('code-cache-target'), where)],
    ['a file', (where: string) => writeFileSync(where, 'x')]
  ])('is not used when it is %s', (_case, make) => {
    const where = path.join(tempDir('code-cache'), 'cache')
    make(where)
    expect(privateDirectory(where)).toBeUndefined()
  })
})

describe('pruning the code cache', () => {
  const NOW = Date.parse('2026-12-06T00:00:00Z')
  /** A file in `directory` last written `minutesAgo` before NOW. */
  const plant = (directory: string, name: string, minutesAgo: number): void => {
    writeFileSync(path.join(directory, name), 'x')
    const when = (NOW - minutesAgo * 60_000) / 1000
    utimesSync(path.join(directory, name), when, when)
  }

  it('keeps the versions of each chunk written last, and removes temporary files a killed step abandoned', () => {
    const directory = privateDirectory(path.join(tempDir('code-cache'), 'cache'))!
    const big = (n: number): string => `711.index.js-1286317-${1000 + n}-1796502722887-1796502722887-v20.20.2-x64.cache`
    for (let n = 0; n < VERSIONS_KEPT + 3; n++) plant(directory, big(n), 60 * (n + 1))
    plant(directory, '22.index.js-8002-7-1-1-v20.20.2-x64.cache', 60 * 24 * 365)
    plant(directory, '22.index.js-8002-8-1-1-v22.0.0-x64.cache', 60 * 24 * 400)
    plant(directory, `${big(0)}.4242.tmp`, 11)
    plant(directory, `${big(1)}.4343.tmp`, 1)
    plant(directory, 'notes.txt', 60 * 24 * 900)

    pruneCodeCache(directory, NOW)

    expect(readdirSync(directory).sort()).toEqual(
      [
        ...Array.from({ length: VERSIONS_KEPT }, (_, n) => big(n)),
        '22.index.js-8002-7-1-1-v20.20.2-x64.cache',
        '22.index.js-8002-8-1-1-v22.0.0-x64.cache',
        `${big(1)}.4343.tmp`,
        'notes.txt'
      ].sort()
    )
  })

  it('does nothing when the directory is gone', () => {
    expect(() => pruneCodeCache(path.join(tempDir('code-cache'), 'missing'), NOW)).not.toThrow()
  })
})
