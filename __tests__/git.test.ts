// HEAD read from .git without starting git (git.ts): the same commit `git rev-parse --verify HEAD` gives in the plain
// layouts, and undefined (git is asked) in every other one, on real repositories.
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { headCommit, headFromGitDirectory, plainGitDirectory } from '../src/git.js'
import { makeFifo, releaseReaders, within } from './support/fifo.js'
import { commitAll, git, makeRepo, tempDir } from './support/helpers.js'

const gitHead = (cwd: string): string => git(cwd, 'rev-parse', '--verify', 'HEAD')

describe('HEAD read from .git', () => {
  it("gives git's answer for a branch with a loose ref, a packed ref, a loose ref newer than its packed line, and a detached HEAD", async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    expect(await headFromGitDirectory(repo.dir)).toBe(gitHead(repo.dir))
    git(repo.dir, 'pack-refs', '--all')
    expect(await headFromGitDirectory(repo.dir)).toBe(repo.commit)
    const next = commitAll(repo.dir, 'next', { 'b.txt': 'b' })
    expect(next).not.toBe(repo.commit)
    expect(await headFromGitDirectory(repo.dir)).toBe(gitHead(repo.dir))
    expect(await headFromGitDirectory(repo.dir)).toBe(next)
    git(repo.dir, 'checkout', '-q', '--detach', repo.commit)
    expect(await headFromGitDirectory(repo.dir)).toBe(repo.commit)
  })

  it('gives the 64-character id of a SHA-256 repository', async () => {
    const dir = tempDir('sha256-repo')
    git(dir, 'init', '-q', '--object-format=sha256')
    writeFileSync(path.join(dir, 'a.txt'), 'a')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'a')
    expect(await headFromGitDirectory(dir)).toMatch(/^[0-9a-f]{64}$/)
    expect(await headFromGitDirectory(dir)).toBe(gitHead(dir))
  })

  it('leaves git to answer for an unborn branch, a linked worktree, a subdirectory and GIT_DIR; headCommit still does', async () => {
    const unborn = tempDir('unborn')
    git(unborn, 'init', '-q')
    expect(await headFromGitDirectory(unborn)).toBeUndefined()
    expect(await headCommit(unborn)).toEqual({ problem: expect.stringContaining('Needed a single revision') })

    const repo = makeRepo({ 'src/a.txt': 'a' })
    const worktree = path.join(tempDir('worktrees'), 'wt')
    git(repo.dir, 'worktree', 'add', '-q', '--detach', worktree)
    expect(await headFromGitDirectory(worktree)).toBeUndefined()
    expect(await headCommit(worktree)).toEqual({ commit: repo.commit })

    expect(await headFromGitDirectory(path.join(repo.dir, 'src'))).toBeUndefined()
    expect(await headCommit(path.join(repo.dir, 'src'))).toEqual({ commit: repo.commit })

    expect(await headFromGitDirectory(repo.dir, { GIT_DIR: path.join(unborn, '.git') })).toBeUndefined()
  })

  it('never follows a symlink or leaves .git, and a FIFO for HEAD is not waited on', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const gitDir = path.join(repo.dir, '.git')
    const outside = tempDir('outside')
    writeFileSync(path.join(outside, 'HEAD'), `${'f'.repeat(40)}\n`)

    // A loose ref that is a symlink: git's to read, never the packed line behind it.
    git(repo.dir, 'pack-refs', '--all')
    const branch = path.join(gitDir, git(repo.dir, 'symbolic-ref', 'HEAD'))
    symlinkSync(path.join(outside, 'HEAD'), branch)
    expect(await headFromGitDirectory(repo.dir)).toBeUndefined()
    rmSync(branch)
    expect(await headFromGitDirectory(repo.dir)).toBe(repo.commit)

    // HEAD naming a path out of .git, or HEAD itself a symlink.
    writeFileSync(path.join(gitDir, 'HEAD'), `ref: refs/heads/../../../${path.relative(repo.dir, outside)}/HEAD\n`)
    expect(await headFromGitDirectory(repo.dir)).toBeUndefined()
    renameSync(path.join(gitDir, 'HEAD'), path.join(gitDir, 'HEAD.bak'))
    symlinkSync(path.join(outside, 'HEAD'), path.join(gitDir, 'HEAD'))
    expect(await headFromGitDirectory(repo.dir)).toBeUndefined()

    rmSync(path.join(gitDir, 'HEAD'))
    const fifo = makeFifo(path.join(gitDir, 'HEAD'))
    try {
      expect(await within(5000, headFromGitDirectory(repo.dir))).toBeUndefined()
    } finally {
      releaseReaders(fifo)
    }
  })

  it('the plain layout is a .git directory of its own at repoPath, with no GIT_* variable pointing elsewhere', async () => {
    const repo = makeRepo({ 'src/a.txt': 'a' })
    expect(plainGitDirectory(repo.dir, {})).toBe(path.join(repo.dir, '.git'))
    expect(plainGitDirectory(path.join(repo.dir, 'src'), {})).toBeUndefined()
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR'])
      expect(plainGitDirectory(repo.dir, { [name]: '/elsewhere' })).toBeUndefined()
    // A linked worktree's own git directory (commondir inside), even reached as if it were a .git directory.
    const worktree = path.join(tempDir('worktrees'), 'wt')
    git(repo.dir, 'worktree', 'add', '-q', '--detach', worktree)
    const linked = path.join(repo.dir, '.git', 'worktrees', 'wt')
    const fake = tempDir('fake-top')
    symlinkSync(linked, path.join(fake, '.git'))
    expect(plainGitDirectory(fake, {})).toBeUndefined()
    renameSync(path.join(fake, '.git'), path.join(fake, 'link'))
    mkdirSync(path.join(fake, '.git'))
    writeFileSync(path.join(fake, '.git', 'commondir'), '../..\n')
    expect(plainGitDirectory(fake, {})).toBeUndefined()
  })

  it('a .git that is not a directory, or a HEAD that names nothing readable, is left to git', async () => {
    const repo = makeRepo({ 'a.txt': 'a' })
    const gitDir = path.join(repo.dir, '.git')
    writeFileSync(path.join(gitDir, 'HEAD'), 'ref: refs/heads/gone\n')
    expect(await headFromGitDirectory(repo.dir)).toBeUndefined()
    writeFileSync(path.join(gitDir, 'HEAD'), 'not a ref at all\n')
    expect(await headFromGitDirectory(repo.dir)).toBeUndefined()
    mkdirSync(path.join(gitDir, 'refs', 'heads', 'dir'), { recursive: true })
    writeFileSync(path.join(gitDir, 'HEAD'), 'ref: refs/heads/dir\n')
    expect(await headFromGitDirectory(repo.dir)).toBeUndefined()

    const plain = tempDir('not-a-repo')
    writeFileSync(path.join(plain, '.git'), 'gitdir: /nowhere\n')
    expect(await headFromGitDirectory(plain)).toBeUndefined()
  })
})
