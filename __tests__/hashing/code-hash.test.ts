// The code hash, version 2: SHA-256 over "code-hash-v2\n" then "<path>\0<git blob id>\n" per matched file.
// Real git repositories in temp dirs for the git path; the same trees without .git for the walking path.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { cpSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { globSync } from 'tinyglobby'
import { computeCodeHash, matchFiles, outputExclusions, parsePatterns, pathMatcher } from '../../src/hashing/code-hash.js'
import { makeFifo, releaseReaders, within } from '../support/fifo.js'
import { commitAll, makeRepo, ROOT, tempDir, writeFiles } from '../support/helpers.js'

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex')
/** git's blob id, written out independently of the implementation. */
const blobId = (content: string | Buffer): string =>
  createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0`)
    .update(content)
    .digest('hex')

/** The README's definition of the code hash, version 2 ("How it works"). */
function expectedHash(files: Record<string, string | Buffer>): string {
  const paths = Object.keys(files).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  return sha256(`code-hash-v2\n${paths.map((p) => `${p}\0${blobId(files[p]!)}\n`).join('')}`)
}

function plainTree(files: Record<string, string | Buffer>): string {
  const dir = tempDir('hash')
  writeFiles(dir, files)
  return dir
}

/**
 * Tracked files under `under` (the patterns' directory) git itself cannot vouch for by stat data: written no earlier
 * than the index (git's racy rule, nanoseconds). The git path reads exactly these and no others on an unchanged checkout.
 */
function racyEntries(dir: string, under: string): number {
  const index = statSync(path.join(dir, '.git/index'), { bigint: true }).mtimeNs
  return git(dir, 'ls-files', '-z', '--', under)
    .split('\0')
    .filter(Boolean)
    .filter((file) => statSync(path.join(dir, file), { bigint: true }).mtimeNs >= index).length
}

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=t@e.com', '-c', 'user.name=T', ...args], { cwd, encoding: 'utf8' }).trim()

describe('parsePatterns', () => {
  it.each([
    ['a/**', ['a/**']],
    ['a/**\nb/*.js', ['a/**', 'b/*.js']],
    ['a, b ,c', ['a', 'b', 'c']],
    ['  src/**   !src/**/*.md  ', ['src/**', '!src/**/*.md']],
    ['', []]
  ])('%j', (text, expected) => {
    expect(parsePatterns(text)).toEqual(expected)
  })
})

const FILES = { 'src/a.js': 'a', 'src/nested/deep/b.js': 'bb', 'src/.eslintrc': '{}', 'README.md': 'readme', 'src/é.txt': 'utf8 name' }
const { 'README.md': _readme, ...SRC } = FILES

describe('code hash without git (every file hashed here)', () => {
  it('is the version-2 definition over the matched files', async () => {
    const result = await computeCodeHash(plainTree(FILES), ['src/**'])
    expect(result).toMatchObject({ hash: expectedHash(SRC), files: 4, method: 'files', hashed: 4 })
  })

  it('leaves a FIFO and a link to a device out of the walk, neither waited on nor read', async () => {
    const dir = plainTree(FILES)
    const fifo = makeFifo(path.join(dir, 'src/pipe'))
    symlinkSync('/dev/zero', path.join(dir, 'src/zeros'))
    try {
      // Only a file swapped for one after the walk reaches a read, which then fails (file-hasher.test.ts).
      expect(await within(5000, computeCodeHash(dir, ['src/**']))).toMatchObject({ hash: expectedHash(SRC), files: 4 })
    } finally {
      releaseReaders(fifo)
    }
  })

  it('ignores mtimes but not renames or content', async () => {
    const dir = plainTree(FILES)
    const before = (await computeCodeHash(dir, ['src/**'])).hash
    utimesSync(path.join(dir, 'src/a.js'), new Date(2001, 1, 1), new Date(2001, 1, 1))
    expect((await computeCodeHash(dir, ['src/**'])).hash).toBe(before)
    renameSync(path.join(dir, 'src/a.js'), path.join(dir, 'src/a2.js'))
    expect((await computeCodeHash(dir, ['src/**'])).hash).not.toBe(before)
    writeFiles(dir, { 'src/a2.js': 'changed' })
    expect((await computeCodeHash(dir, ['src/**'])).hash).not.toBe(before)
  })

  it('supports negation, directory names and never enters .git', () => {
    const dir = plainTree({ ...FILES, '.git/HEAD': 'ref', 'src/.git/config': 'x', 'docs/x.md': 'x' })
    expect(matchFiles(dir, ['src/**', '!**/*.eslintrc'])).toEqual(['src/a.js', 'src/nested/deep/b.js', 'src/é.txt'])
    expect(matchFiles(dir, ['src'])).toEqual(['src/.eslintrc', 'src/a.js', 'src/nested/deep/b.js', 'src/é.txt'])
  })

  it('orders paths by their UTF-8 bytes', () => {
    expect(matchFiles(plainTree({ 'B.txt': '1', 'a.txt': '2', 'é.txt': '3', 'z.txt': '4' }), ['*.txt'])).toEqual([
      'B.txt',
      'a.txt',
      'z.txt',
      'é.txt'
    ])
  })

  it('counts regular files only: symlinks are neither followed nor hashed', async () => {
    const dir = plainTree({ 'src/real.js': 'x', 'elsewhere/other.js': 'y' })
    symlinkSync('real.js', path.join(dir, 'src/link.js'))
    symlinkSync('../elsewhere', path.join(dir, 'src/linked-dir'))
    expect((await computeCodeHash(dir, ['src/**'])).hash).toBe(expectedHash({ 'src/real.js': 'x' }))
  })

  it('streams large files to the same id', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 'q')
    expect((await computeCodeHash(plainTree({ 'big.bin': big }), ['big.bin'])).hash).toBe(expectedHash({ 'big.bin': big }))
  })

  it.each([
    [['nothing/**'], "The code-hash patterns 'nothing/**' match no file under"],
    [['!src/**'], "The code-hash patterns '!src/**' only exclude"],
    [['../outside/**'], "Code-hash pattern '../outside/**' leaves the repository"],
    [['/etc/**'], "Code-hash pattern '/etc/**' leaves the repository"],
    // Every pattern counts: one typo among good patterns is not dropped in silence.
    [['src/**', 'packages/*/scr/**'], "The code-hash pattern 'packages/*/scr/**' matches no file under"],
    [['nothing-here/**', 'src/**', 'gone.lock'], "The code-hash patterns 'nothing-here/**', 'gone.lock' match no file"],
    [['src/**', '?!src/a.js'], "Code-hash pattern '?!src/a.js': a leading '?' marks an including pattern"],
    [['?'], "Code-hash pattern '?': a leading '?'"]
  ])('rejects %j', async (patterns, message) => {
    await expect(computeCodeHash(plainTree(FILES), patterns)).rejects.toThrow(message)
    await expect(computeCodeHash(makeRepo(FILES).dir, patterns)).rejects.toThrow(message)
  })

  it("a pattern marked '?' may match nothing, and the hash is the one without it", async () => {
    for (const dir of [plainTree(FILES), makeRepo(FILES).dir]) {
      const plain = await computeCodeHash(dir, ['src/**'])
      expect((await computeCodeHash(dir, ['src/**', '?yarn.lock', '?pnpm-lock.yaml'])).hash).toBe(plain.hash)
      await expect(computeCodeHash(dir, ['src/**', 'yarn.lock'])).rejects.toThrow(
        "mark a pattern that may match nothing with a leading '?' ('?yarn.lock')"
      )
    }
  })

  it('a pattern whose only matches are outputs matches nothing', async () => {
    const dir = plainTree({ ...FILES, 'dist/app.js': 'built' })
    await expect(computeCodeHash(dir, ['src/**', 'dist/**'], { exclude: ['dist'] })).rejects.toThrow("'dist/**' matches no file")
  })
})

/** A repository of FILES whose mtimes lie an hour back, the index refreshed after them (ctimes are now). */
function settledRepo(): { repo: { dir: string }; anHourAgo: number } {
  const repo = makeRepo(FILES)
  const anHourAgo = Date.now() / 1000 - 3600
  for (const file of Object.keys(FILES)) utimesSync(path.join(repo.dir, file), anHourAgo, anHourAgo)
  git(repo.dir, 'update-index', '-q', '--really-refresh')
  return { repo, anHourAgo }
}

describe('code hash with git (ids from the index)', () => {
  it('takes clean files from the index and equals the walking path on the same tree', async () => {
    const repo = makeRepo(FILES)
    const result = await computeCodeHash(repo.dir, ['src/**'])
    expect(result).toMatchObject({ hash: expectedHash(SRC), files: 4, method: 'git', hashed: racyEntries(repo.dir, 'src') })
    // The working tree copied without .git: the pure hashing path gives the same hash.
    const copy = tempDir('copy')
    cpSync(repo.dir, copy, { recursive: true, filter: (source) => !source.split(path.sep).includes('.git') })
    expect((await computeCodeHash(copy, ['src/**'])).hash).toBe(result.hash)
  })

  it('gives the same hash after touch (stat-dirty index), modify-and-restore, and in a fresh clone', async () => {
    const repo = makeRepo(FILES)
    const clean = (await computeCodeHash(repo.dir, ['src/**'])).hash
    utimesSync(path.join(repo.dir, 'src/a.js'), new Date(), new Date(Date.now() + 5000))
    expect((await computeCodeHash(repo.dir, ['src/**'])).hash).toBe(clean)
    writeFiles(repo.dir, { 'src/a.js': 'changed' })
    expect((await computeCodeHash(repo.dir, ['src/**'])).hash).not.toBe(clean)
    writeFiles(repo.dir, { 'src/a.js': 'a' })
    expect((await computeCodeHash(repo.dir, ['src/**'])).hash).toBe(clean)
    const clone = path.join(tempDir('clone'), 'c')
    git(path.dirname(clone), 'clone', '-q', repo.dir, clone)
    expect(await computeCodeHash(clone, ['src/**'])).toMatchObject({ hash: clean, hashed: racyEntries(clone, 'src') })
  })

  it('reads only what git itself would: nothing on a settled index, every file when all are racily clean', async () => {
    const repo = makeRepo(FILES)
    const files = git(repo.dir, 'ls-files', '-z').split('\0').filter(Boolean)
    const setTimes = (seconds: number): void => {
      for (const file of files) utimesSync(path.join(repo.dir, file), seconds, seconds)
      git(repo.dir, 'update-index', '-q', '--really-refresh')
    }
    setTimes(Date.now() / 1000 - 3600) // written an hour before the index: git trusts its stat data
    expect(await computeCodeHash(repo.dir, ['**'])).toMatchObject({ hash: expectedHash(FILES), hashed: 0, bytes: 0 })
    setTimes(Date.now() / 1000 + 3600) // written "after" the index: git compares every file's content
    expect(await computeCodeHash(repo.dir, ['**'])).toMatchObject({ hash: expectedHash(FILES), hashed: files.length })
  })

  it('reads a same-size rewrite with its mtime put back, in the second the index was written (checked to the nanosecond)', async () => {
    const { repo, anHourAgo } = settledRepo()
    // The index written in the second of the entries' ctime, as when git records and writes in one second. Left to
    // the clock, a loaded machine can cross a second between the utimes and the index write (git then trusts them).
    const recorded = Math.min(...Object.keys(SRC).map((file) => statSync(path.join(repo.dir, file)).ctimeMs)) / 1000
    utimesSync(path.join(repo.dir, '.git/index'), recorded, recorded)
    writeFileSync(path.join(repo.dir, 'src/a.js'), 'b') // same size
    utimesSync(path.join(repo.dir, 'src/a.js'), anHourAgo, anHourAgo) // the recorded mtime again
    expect(await computeCodeHash(repo.dir, ['src/**'])).toMatchObject({
      hash: expectedHash({ ...SRC, 'src/a.js': 'b' }),
      hashed: 1,
      checkedHere: 4
    })
  })

  it("takes git's word on stat data for entries recorded in a second before the index was written", async () => {
    const { repo } = settledRepo()
    // The index written ten seconds on (its content unchanged): every entry's mtime and ctime now lie in an
    // earlier second, so git diff-files answers for all of them and no file is read here.
    const index = path.join(repo.dir, '.git/index')
    const later = Date.now() / 1000 + 10
    utimesSync(index, later, later)
    expect(await computeCodeHash(repo.dir, ['src/**'])).toMatchObject({ hash: expectedHash(SRC), hashed: 0, checkedHere: 0 })
    writeFileSync(path.join(repo.dir, 'src/a.js'), 'changed') // a new size: git reports it, it is read
    rmSync(path.join(repo.dir, 'src/.eslintrc')) // git reports it, it is gone
    utimesSync(index, later, later)
    const { 'src/.eslintrc': _gone, ...rest } = SRC
    expect(await computeCodeHash(repo.dir, ['src/**'])).toMatchObject({
      hash: expectedHash({ ...rest, 'src/a.js': 'changed' }),
      hashed: 1,
      checkedHere: 0
    })
  })

  it('keeps the index id of a skip-worktree file, as git diff-files does (a sparse checkout)', async () => {
    const repo = makeRepo(FILES)
    git(repo.dir, 'update-index', '--skip-worktree', 'src/a.js')
    rmSync(path.join(repo.dir, 'src/a.js'))
    expect((await computeCodeHash(repo.dir, ['src/**'])).hash).toBe(expectedHash(SRC))
  })

  it('reads a split index and a sparse index through git, with the same result', async () => {
    const split = makeRepo(FILES)
    git(split.dir, 'update-index', '--split-index')
    writeFiles(split.dir, { 'src/a.js': 'changed' })
    expect((await computeCodeHash(split.dir, ['src/**'])).hash).toBe(expectedHash({ ...SRC, 'src/a.js': 'changed' }))
    const sparse = makeRepo(FILES)
    git(sparse.dir, 'sparse-checkout', 'init', '--cone', '--sparse-index')
    git(sparse.dir, 'sparse-checkout', 'set', 'src/nested')
    // Files outside the cone are not in the work tree; as with git diff-files, the index speaks for them.
    expect((await computeCodeHash(sparse.dir, ['src/**'])).hash).toBe(expectedHash(SRC))
  })

  it('hashes a SHA-256 repository with its own blob ids', async () => {
    const dir = tempDir('sha256')
    git(dir, 'init', '-q', '--object-format=sha256')
    writeFiles(dir, { 'src/a.js': 'a', 'src/b.js': 'b' })
    git(dir, 'add', '-A')
    const ids = (content: string): string => createHash('sha256').update(`blob ${content.length}\0${content}`).digest('hex')
    const expected = sha256(`code-hash-v2\nsrc/a.js\0${ids('a')}\nsrc/b.js\0${ids('changed')}\n`)
    writeFiles(dir, { 'src/b.js': 'changed' })
    utimesSync(path.join(dir, 'src/a.js'), Date.now() / 1000 + 3600, Date.now() / 1000 + 3600) // racy: hashed here with SHA-256
    expect((await computeCodeHash(dir, ['src/**'])).hash).toBe(expected)
  })

  it('a Windows checkout (core.autocrlf=true, CRLF in the work tree) hashes like the LF one', async () => {
    const lf = { 'src/a.js': 'one\ntwo\n', 'src/b.txt': 'x\ny\n', 'src/bin.dat': Buffer.from([0, 13, 10, 255]) }
    const repo = makeRepo(lf)
    const unix = await computeCodeHash(repo.dir, ['src/**'])
    git(repo.dir, 'config', 'core.autocrlf', 'true')
    writeFiles(repo.dir, { 'src/a.js': 'one\r\ntwo\r\n', 'src/b.txt': 'x\r\ny\r\n' })
    const windows = await computeCodeHash(repo.dir, ['src/**'])
    expect(windows.hash).toBe(unix.hash)
    // A new file with CRLF hashes as git would store it: with LF.
    writeFiles(repo.dir, { 'src/new.js': 'n\r\n' })
    const withNew = await computeCodeHash(repo.dir, ['src/**'])
    expect(withNew.hash).toBe(expectedHash({ ...lf, 'src/new.js': 'n\n' }))
  })

  it('changes when a tracked file changes uncommitted, an untracked or ignored file matches, or a file is renamed', async () => {
    const repo = makeRepo({ ...FILES, '.gitignore': 'src/gen/\n' })
    const clean = (await computeCodeHash(repo.dir, ['src/**'])).hash
    writeFiles(repo.dir, { 'src/new.js': 'untracked' })
    const withUntracked = await computeCodeHash(repo.dir, ['src/**'])
    expect(withUntracked).toMatchObject({ hash: expectedHash({ ...SRC, 'src/new.js': 'untracked' }), hashed: 1 })
    writeFiles(repo.dir, { 'src/gen/out.js': 'ignored but matched' })
    expect((await computeCodeHash(repo.dir, ['src/**'])).hash).toBe(
      expectedHash({ ...SRC, 'src/new.js': 'untracked', 'src/gen/out.js': 'ignored but matched' })
    )
    rmSync(path.join(repo.dir, 'src/new.js'))
    rmSync(path.join(repo.dir, 'src/gen'), { recursive: true })
    expect((await computeCodeHash(repo.dir, ['src/**'])).hash).toBe(clean)
    git(repo.dir, 'mv', 'src/a.js', 'src/renamed.js')
    const { 'src/a.js': a, ...rest } = SRC
    expect((await computeCodeHash(repo.dir, ['src/**'])).hash).toBe(expectedHash({ ...rest, 'src/renamed.js': a }))
    // A deleted tracked file is not part of the tree.
    rmSync(path.join(repo.dir, 'src/renamed.js'))
    expect((await computeCodeHash(repo.dir, ['src/**'])).hash).toBe(expectedHash(rest))
  })

  it('hashes a racily clean file by content (changed in the same second the index was written)', async () => {
    const repo = makeRepo({ 'src/a.js': 'aaaa' })
    const file = path.join(repo.dir, 'src/a.js')
    const { mtime } = statSync(file)
    writeFileSync(file, 'bbbb') // same size
    utimesSync(file, mtime, mtime) // same stat as the index entry
    const index = path.join(repo.dir, '.git/index')
    utimesSync(index, mtime, mtime) // the index written in that same second: git must compare content
    expect((await computeCodeHash(repo.dir, ['src/**'])).hash).toBe(expectedHash({ 'src/a.js': 'bbbb' }))
  })

  it('does not hash tracked symlinks, and a submodule contributes its gitlink', async () => {
    const sub = makeRepo({ 'lib.js': 'lib' })
    const repo = makeRepo({ 'src/a.js': 'a' })
    symlinkSync('a.js', path.join(repo.dir, 'src/link.js'))
    git(repo.dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'src/vendor')
    commitAll(repo.dir, 'link and submodule')
    const result = await computeCodeHash(repo.dir, ['src/**'])
    const expected = sha256(`code-hash-v2\nsrc/a.js\0${blobId('a')}\nsrc/vendor\0${sub.commit}\n`)
    expect(result.hash).toBe(expected)
  })

  it('works when repo-path is a subdirectory of the repository', async () => {
    const repo = makeRepo({ 'pkg/src/a.js': 'a', 'other/b.js': 'b' })
    writeFiles(repo.dir, { 'pkg/src/untracked.js': 'u' })
    expect((await computeCodeHash(path.join(repo.dir, 'pkg'), ['src/**'])).hash).toBe(
      expectedHash({ 'src/a.js': 'a', 'src/untracked.js': 'u' })
    )
  })

  it('agrees with the README one-liner (git ls-files -s + sha256sum) on a clean checkout', async () => {
    const repo = makeRepo({ ...FILES, 'src/sub dir/x y.js': 'spaces', 'lib/z.js': 'z' })
    symlinkSync('a.js', path.join(repo.dir, 'src/link.js'))
    commitAll(repo.dir, 'link')
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const oneLiner = /<!-- code-hash-one-liner -->\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1]?.trim()
    expect(oneLiner).toBeDefined()
    const fromShell = execFileSync('bash', ['-c', oneLiner!], { cwd: repo.dir, encoding: 'utf8' }).trim().split(/\s/)[0]
    expect(fromShell).toBe((await computeCodeHash(repo.dir, ['src/**'])).hash)
    // With the outputs left out as the README says (here a build directory committed inside src/).
    commitAll(repo.dir, 'built', { 'src/dist/app.js': 'built' })
    const excluding = execFileSync('bash', ['-c', oneLiner!.replace("':(glob)src/**'", "':(glob)src/**' ':(exclude)src/dist'")], {
      cwd: repo.dir,
      encoding: 'utf8'
    })
    expect(excluding.trim().split(/\s/)[0]).toBe((await computeCodeHash(repo.dir, ['src/**'], { exclude: ['src/dist'] })).hash)
  })

  it('leaves out what the build writes, whatever the patterns match, and counts it', async () => {
    const repo = makeRepo({ 'src/a.js': 'a', 'dist/app.js': 'built', 'store/artifacts/x/.manifest.json': '{}' })
    writeFileSync(path.join(repo.dir, 'dist', 'untracked.js'), 'new build output')
    const sources = await computeCodeHash(repo.dir, ['src/**'])
    const everything = await computeCodeHash(repo.dir, ['**'], { exclude: ['dist', 'store'] })
    expect(everything.hash).toBe(sources.hash)
    expect(everything.excluded).toBe(2) // tracked outputs are counted; untracked ones are never walked
    expect(everything.entries.map((entry) => entry.path)).toEqual(['src/a.js'])
    const walked = await computeCodeHash(plainTree({ 'src/a.js': 'a', 'dist/app.js': 'built' }), ['**'], { exclude: ['dist'] })
    expect(walked.hash).toBe(sources.hash)
  })

  it.each([
    ['dist', ['dist']],
    ['.', ['.found', '.commit-hash']],
    ['../elsewhere', []]
  ])('outputExclusions: package directory %s leaves out %j', (directory, expected) => {
    expect(outputExclusions('/repo', [path.join('/repo', directory)], ['.found', '.commit-hash'])).toEqual(expected)
  })
})

describe('matching a path list selects what walking the tree selects', () => {
  const tree = {
    'src/a.js': '1',
    'src/b.ts': '1',
    'src/.hidden/x.js': '1',
    'src/.env': '1',
    'src/deep/er/c.js': '1',
    'src/deep/er/c.md': '1',
    'src/gen/out.js': '1',
    'lib/index.js': '1',
    'lib/README.md': '1',
    'package.json': '1',
    'package-lock.json': '1',
    'docs/guide/intro.md': '1',
    'a.txt': '1',
    'src/.git/config': '1'
  }
  it.each([
    [['src/**']],
    [['src']],
    [['src/']],
    [['./src/**']],
    [['src/**/*.js']],
    [['**/*.md']],
    [['**']],
    [['*.json']],
    [['package.json', 'lib']],
    [['src/**', '!src/**/*.md']],
    [['src/**', '!src/gen']],
    [['src/**', '!src/deep/*']],
    [['src/**', '!**/.*']],
    [['{src,lib}/**', '!**/*.ts']],
    [['src/*.{js,ts}']],
    [['docs/guide/intro.md']],
    [['**/c.*', '!**/*.md']]
  ])('%j', (patterns) => {
    const dir = plainTree(tree)
    const all = globSync(['**'], { cwd: dir, dot: true, onlyFiles: true })
    const matches = pathMatcher(patterns)
    expect(all.filter(matches).sort()).toEqual(matchFiles(dir, patterns).sort())
  })
})
