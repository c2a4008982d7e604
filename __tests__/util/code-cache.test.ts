import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { privateDirectory } from '../../src/util/code-cache.js'
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
