// git's index read from the file must say what git itself says of it: each version of the format, the flags
// git sets, and the indexes only git can resolve (split, sparse) left to `git ls-files --debug`.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ENTRY_FLAGS, parseIndexFile, parseIndexListing, type IndexEntries } from '../../src/hashing/git-index.js'
import { makeRepo, tempDir } from '../support/helpers.js'
import { FilesError } from '../../src/errors.js'

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=t@e.com', '-c', 'user.name=T', ...args], { cwd, encoding: 'utf8' })

const FILES = {
  'a.js': 'a',
  'bin/run.sh': '#!/bin/sh\n',
  'docs/guide/é ü.md': 'utf-8 name',
  'docs/guide/intro.md': 'intro',
  'docs/guide/intro2.md': 'shares a long prefix with the one before (version 4 compresses it)',
  'z/deep/er/still/file.txt': 'z'
}

function indexOf(dir: string): Buffer {
  return readFileSync(path.join(dir, '.git', 'index'))
}

/** One entry of the columns, by path. */
function entry(entries: IndexEntries | undefined, path: string): { mode: number; flags: number; stage: number } {
  const i = entries!.paths.indexOf(path)
  expect(i).toBeGreaterThanOrEqual(0)
  return { mode: entries!.modes[i]!, flags: entries!.flags[i]!, stage: entries!.stages[i]! }
}

/** What git says of its own index. */
const listing = (dir: string): ReturnType<typeof parseIndexListing> => parseIndexListing(git(dir, 'ls-files', '-s', '-z', '--debug'))

describe('reading git index files', () => {
  it.each([2, 3, 4])('version %i: every entry as git ls-files --debug prints it', (version) => {
    const repo = makeRepo(FILES)
    git(repo.dir, 'update-index', '--chmod=+x', 'bin/run.sh')
    git(repo.dir, 'update-index', '--index-version', String(version))
    if (version >= 3) {
      git(repo.dir, 'update-index', '--skip-worktree', 'docs/guide/intro.md')
      writeFileSync(path.join(repo.dir, 'new.js'), 'new')
      git(repo.dir, 'add', '-N', 'new.js')
    }
    git(repo.dir, 'update-index', '--assume-unchanged', 'a.js')
    const fromFile = parseIndexFile(indexOf(repo.dir), 20)
    expect(indexOf(repo.dir).readUInt32BE(4)).toBe(version)
    expect(fromFile).toEqual(listing(repo.dir))
    expect(entry(fromFile, 'a.js').flags).toBe(ENTRY_FLAGS.notCompared)
    expect(entry(fromFile, 'bin/run.sh').mode).toBe(0o100755)
    expect(fromFile!.paths).toContain('docs/guide/é ü.md')
    if (version >= 3) {
      expect(entry(fromFile, 'docs/guide/intro.md').flags).toBe(ENTRY_FLAGS.notCompared)
      expect(entry(fromFile, 'new.js').flags).toBe(ENTRY_FLAGS.intentToAdd)
    }
  })

  it('version 4 whose paths, written out, outgrow the file (long shared prefixes)', () => {
    const deep = 'a-rather-long-directory-name/'.repeat(8)
    const repo = makeRepo(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`${deep}file-${i}.txt`, `${i}`])))
    git(repo.dir, 'update-index', '--index-version', '4')
    const fromFile = parseIndexFile(indexOf(repo.dir), 20)!
    expect(fromFile.paths.join('').length).toBeGreaterThan(indexOf(repo.dir).length)
    expect(fromFile).toEqual(listing(repo.dir))
  })

  it('unmerged paths: one entry per stage, as git lists them', () => {
    const repo = makeRepo({ 'f.txt': 'base\n' })
    git(repo.dir, 'checkout', '-q', '-b', 'other')
    git(repo.dir, 'commit', '-qam', 'other', '--allow-empty')
    writeFileSync(path.join(repo.dir, 'f.txt'), 'other\n')
    git(repo.dir, 'commit', '-qam', 'other side')
    git(repo.dir, 'checkout', '-q', '-')
    writeFileSync(path.join(repo.dir, 'f.txt'), 'ours\n')
    git(repo.dir, 'commit', '-qam', 'our side')
    expect(() => git(repo.dir, 'merge', '-q', 'other')).toThrow()
    const fromFile = parseIndexFile(indexOf(repo.dir), 20)!
    expect([...fromFile.stages]).toEqual([1, 2, 3])
    expect(fromFile).toEqual(listing(repo.dir))
  })

  it('a SHA-256 repository: 32-byte ids', () => {
    const dir = tempDir('sha256-index')
    git(dir, 'init', '-q', '--object-format=sha256')
    writeFileSync(path.join(dir, 'x.txt'), 'x')
    git(dir, 'add', '-A')
    const fromFile = parseIndexFile(indexOf(dir), 32)!
    expect(fromFile.ids[0]).toHaveLength(64)
    expect(fromFile).toEqual(listing(dir))
  })

  it('leaves a split index and a sparse index to git', () => {
    const split = makeRepo(FILES)
    git(split.dir, 'update-index', '--split-index')
    expect(parseIndexFile(indexOf(split.dir), 20)).toBeUndefined()

    const sparse = makeRepo(FILES)
    git(sparse.dir, 'sparse-checkout', 'init', '--cone', '--sparse-index')
    git(sparse.dir, 'sparse-checkout', 'set', 'bin')
    expect(parseIndexFile(indexOf(sparse.dir), 20)).toBeUndefined()
  })

  it('refuses a hostile version 4 index whose paths grow without end (each repeats the last and adds a byte)', () => {
    // 6,000 entries of 64 bytes (384 kB) that would write out 18 MB of paths, against a limit of 8 MiB here: the
    // real limit (256 MiB, which 30,000 such entries pass) takes seconds of copying to reach, by the same code.
    const count = 6_000
    const entry = Buffer.alloc(64)
    entry.writeUInt32BE(0o100644, 24)
    entry.writeUInt16BE(1, 60) // flags: name length 1
    entry[62] = 0 // strip nothing from the previous path
    entry[63] = 0x61 // then 'a' ...
    const header = Buffer.alloc(12)
    header.write('DIRC', 0, 'latin1')
    header.writeUInt32BE(4, 4)
    header.writeUInt32BE(count, 8)
    const body = Buffer.concat(Array.from({ length: count }, () => Buffer.concat([entry, Buffer.from([0])])))
    const index = Buffer.concat([header, body, Buffer.alloc(20)])
    expect(() => parseIndexFile(index, 20, 8 * 1024 * 1024)).toThrow(FilesError)
    expect(parseIndexFile(index, 20, 32 * 1024 * 1024)?.paths).toHaveLength(count) // under a higher limit: read whole
  })

  it('refuses a truncated index with a FilesError naming what to do, and ignores what is not an index', () => {
    const repo = makeRepo(FILES)
    const whole = indexOf(repo.dir)
    expect(() => parseIndexFile(whole.subarray(0, 100), 20)).toThrow(FilesError)
    expect(() => parseIndexFile(whole.subarray(0, 100), 20)).toThrow(/git status/)
    expect(parseIndexFile(Buffer.from('not an index at all'), 20)).toBeUndefined()
  })
})
