// Copied test repositories must look to git exactly as the ones git made: clean by their stat data alone (the
// product's `git diff-files` trusts it), the same commit, and a change after the copy seen as one.
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { makeRepo, tempDir } from './helpers.js'
import { filesKey, restatIndex } from './repo-copies.js'

const gitOut = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8' })

describe('test repositories copied from one git made', () => {
  const files = { 'src/a.js': 'a\n', 'src/deep/b.js': Buffer.from([0, 1, 2]), [`${'long/'.repeat(30)}name.js`]: 'x' }

  it('a copy has the same commit, is clean by stat data alone, and sees a later change', () => {
    const first = makeRepo(files)
    const copy = makeRepo({ ...files })
    expect(copy.dir).not.toBe(first.dir)
    expect(copy.commit).toBe(first.commit)
    // diff-files does not refresh the index: a stat field out of date would list the file.
    expect(gitOut(copy.dir, 'diff-files', '--name-only')).toBe('')
    expect(gitOut(copy.dir, 'status', '--porcelain')).toBe('')
    gitOut(copy.dir, 'fsck', '--strict', '--no-progress')
    writeFileSync(path.join(copy.dir, 'src/a.js'), 'b\n')
    expect(gitOut(copy.dir, 'diff-files', '--name-only')).toBe('src/a.js\n')
    expect(gitOut(first.dir, 'diff-files', '--name-only')).toBe('')
  })

  it('without restating, the copy of a git-made repository is stat-dirty (what restatIndex mends)', () => {
    const made = makeRepo({ 'x.txt': 'x', 'y/z.txt': 'z' })
    const copy = path.join(tempDir('copy'), 'repo')
    cpSync(made.dir, copy, { recursive: true })
    expect(gitOut(copy, 'diff-files', '--name-only')).toBe('x.txt\ny/z.txt\n')
    restatIndex(copy)
    expect(gitOut(copy, 'diff-files', '--name-only')).toBe('')
    gitOut(copy, 'fsck', '--strict', '--no-progress')
  })

  it('names a set of files by paths and bytes, not by the order given', () => {
    expect(filesKey({ a: '1', b: '2' })).toBe(filesKey({ b: '2', a: '1' }))
    expect(filesKey({ a: '1' })).not.toBe(filesKey({ a: '2' }))
    expect(filesKey({ 'a:1': '' })).not.toBe(filesKey({ a: '1:' }))
  })
})
