import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { lstatSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import picomatch from 'picomatch'
import { escapePath, globSync } from 'tinyglobby'
import { FilesError, InputError } from '../errors.js'
import { plainGitDirectory } from '../git.js'
import { readRunnerFile } from '../util/capped-read.js'
import { mkdtemp, rm, utimes, writeFile } from '../util/fs-calls.js'
import { HashPool, type FileDigestAlgorithm } from './file-hasher.js'
import { ENTRY_FLAGS, parseIndexFile, parseIndexListing, readIndexBytes, selectEntries, type GitIndex } from './git-index.js'

const exec = promisify(execFile)

/** One hashed file: its path relative to the repository and its git blob id. */
export interface HashedFile {
  readonly path: string
  readonly id: string
}

export interface CodeHash {
  readonly hash: string
  readonly files: number
  /** Every hashed file in hash order: what a set's inputs record and a miss is explained from. */
  readonly entries: readonly HashedFile[]
  /** Tracked files the patterns match that were left out because they are outputs (see CodeHashOptions.exclude). */
  readonly excluded: number
  /** Those files' paths, in index order. */
  readonly excludedPaths: readonly string[]
  /** Bytes read to hash files (0 when git's index supplied every id). */
  readonly bytes: number
  /** 'git': ids from git's index (and git hash-object for changed files); 'files': every file hashed here. */
  readonly method: 'git' | 'files'
  /** Files whose id was computed rather than read from the index. */
  readonly hashed: number
  /** Tracked files whose stat data was compared here rather than by git (see hashWithGit). */
  readonly checkedHere: number
}

/** Tags version 2 so its hashes never meet version 1's in cache/. */
export const CODE_HASH_TAG = 'code-hash-v2\n'

export { parsePatterns } from './patterns.js'

function checkPattern(pattern: string): void {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern
  if (path.isAbsolute(body) || body.split('/').includes('..')) {
    throw new InputError(
      `Code-hash pattern '${pattern}' leaves the repository: patterns are relative to 'repo-path' and may not be absolute or use '..'.`
    )
  }
}

function checkPatterns(patterns: readonly string[]): void {
  patterns.forEach(checkPattern)
  if (!patterns.some((pattern) => !pattern.startsWith('!'))) {
    throw new InputError(`The code-hash patterns '${patterns.join(' ')}' only exclude: add at least one pattern that includes files.`)
  }
}

/**
 * A pattern written with a leading `?` (`?yarn.lock`) may match nothing; every other including pattern must
 * match a hashed file (see requireEveryPattern). Returns the patterns as globs, without the marker.
 */
export function withoutOptionalMarks(patterns: readonly string[]): { globs: string[]; required: string[] } {
  const globs: string[] = []
  const required: string[] = []
  for (const pattern of patterns) {
    const optional = pattern.startsWith('?')
    const glob = optional ? pattern.slice(1) : pattern
    if (optional && (glob === '' || glob.startsWith('!')))
      throw new InputError(
        `Code-hash pattern '${pattern}': a leading '?' marks an including pattern as optional; write it before a path ('?yarn.lock'). Exclusions ('!…') may always match nothing.`
      )
    globs.push(glob)
    if (!optional && !glob.startsWith('!')) required.push(glob)
  }
  return { globs, required }
}

/**
 * Every pattern counts: one that matches no hashed file (a typo, a folder that moved) would leave its files
 * out of the key without a word, and a change to them would then be served an old build.
 */
function requireEveryPattern(repoRoot: string, required: readonly string[], entries: readonly HashedFile[]): void {
  const unmatched = required.filter((pattern) => {
    const matches = picomatch(normalizeGlob(pattern), { dot: true, posix: true })
    return !entries.some((entry) => matches(entry.path))
  })
  if (unmatched.length === 0) return
  const named = unmatched.map((pattern) => `'${pattern}'`).join(', ')
  throw new FilesError(
    `The code-hash ${unmatched.length === 1 ? 'pattern' : 'patterns'} ${named} ${unmatched.length === 1 ? 'matches' : 'match'} no file under '${repoRoot}' ` +
      `(the other patterns match ${entries.length} file(s)), so ${unmatched.length === 1 ? 'its' : 'their'} files would be left out of the key. ` +
      `Fix 'code-hash-paths' (CODE_HASH_FIND_FILTER), or mark a pattern that may match nothing with a leading '?' (${unmatched
        .map((pattern) => `'?${pattern}'`)
        .join(', ')}).`
  )
}

/**
 * Sorts paths in byte order of their UTF-8 form, so the hash does not depend on locale. JS string order
 * (UTF-16 units) is the same except around surrogates and U+E000-U+FFFF; only then are bytes compared.
 */
export function sortUtf8(paths: string[]): string[] {
  if (!paths.some((p) => /[\uD800-\uFFFF]/.test(p))) return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return paths
    .map((p) => ({ p, bytes: Buffer.from(p) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({ p }) => p)
}

const GLOB_OPTIONS = { cwd: '', dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/.git', '**/.git/**'] }

/** Paths (relative to the repository, '/'-separated) never hashed: they and everything under them. */
export interface CodeHashOptions {
  readonly exclude?: readonly string[]
  /**
   * Called with the result before every pattern is required to match: a build output folder holding the
   * sources (sourcesInOutput) is the cause to name then, not the pattern it left without files.
   */
  readonly checkOutputs?: (result: CodeHash) => void
}

/** Whether `relative` is one of `exclude` or lies under one. */
function excluder(exclude: readonly string[]): (relative: string) => boolean {
  if (exclude.length === 0) return () => false
  return (relative) => exclude.some((path) => relative === path || relative.startsWith(`${path}/`))
}

/** Lists the files the patterns match by walking the tree ('**', '!negation'; never inside .git), sorted; `exclude` is never entered. */
export function matchFiles(repoRoot: string, patterns: readonly string[], exclude: readonly string[] = []): string[] {
  checkPatterns(patterns)
  const ignore = [...GLOB_OPTIONS.ignore, ...exclude.flatMap((path) => [escapePath(path), `${escapePath(path)}/**`])]
  // Synchronous: one directory walk, faster than the async crawler and nothing else runs meanwhile.
  return sortUtf8(globSync([...patterns], { ...GLOB_OPTIONS, ignore, cwd: repoRoot }))
}

/** A pattern as tinyglobby reads it: a name that does not end in `*` also means everything under it. */
function normalizeGlob(pattern: string): string {
  let result = pattern.endsWith('/') ? pattern.slice(0, -1) : pattern
  if (!result.endsWith('*')) result += '/**'
  return path.posix.normalize(result)
}

/**
 * The same selection as matchFiles, applied to a list of paths instead of a directory walk: tinyglobby's
 * pattern normalisation and picomatch options, and a file is excluded when it or any directory above it
 * matches an exclusion (tinyglobby does not enter such a directory).
 */
export function pathMatcher(patterns: readonly string[]): (relative: string) => boolean {
  checkPatterns(patterns)
  const options = { dot: true, posix: true }
  const includes = patterns.filter((p) => !p.startsWith('!')).map(normalizeGlob)
  const negations = patterns.filter((p) => p.startsWith('!')).map((p) => normalizeGlob(p.slice(1)))
  // The common '**' alone is answered without a glob per path (100,000 of them on a large repository).
  const include = includes.includes('**') ? () => true : picomatch(includes, options)
  const exclude =
    negations.length === 0
      ? (relative: string) => /(^|\/)\.git(\/|$)/.test(relative)
      : picomatch([...GLOB_OPTIONS.ignore, ...negations], options)
  // Many files share a directory: remember each directory's verdict (100,000 paths, ~1,000 directories).
  const excludedDirectory = new Map<string, boolean>()
  const directoryExcluded = (directory: string): boolean => {
    let verdict = excludedDirectory.get(directory)
    if (verdict === undefined) {
      const slash = directory.lastIndexOf('/')
      verdict = exclude(directory) || (slash !== -1 && directoryExcluded(directory.slice(0, slash)))
      excludedDirectory.set(directory, verdict)
    }
    return verdict
  }
  return (relative) => {
    if (!include(relative) || exclude(relative)) return false
    const slash = relative.lastIndexOf('/')
    return slash === -1 || !directoryExcluded(relative.slice(0, slash))
  }
}

/** The directories a walk must cover for these patterns: each including pattern's part before its first glob. */
function patternRoots(patterns: readonly string[]): string[] {
  const roots = new Set<string>()
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) continue
    const segments = normalizeGlob(pattern).split('/')
    const stable: string[] = []
    for (const segment of segments.slice(0, -1)) {
      if (picomatch.scan(segment).isGlob || /[\\{}[\]()!*?+@]/.test(segment)) break
      stable.push(segment)
    }
    if (stable.length === 0 || stable[0] === '.') return []
    roots.add(stable.join('/'))
  }
  return [...roots]
}

/** The digest over entries already in byte order of their paths, each path once. */
function digest(entries: readonly HashedFile[]): string {
  return createHash('sha256')
    .update(CODE_HASH_TAG)
    .update(entries.map((entry) => `${entry.path}\0${entry.id}\n`).join(''))
    .digest('hex')
}

function noMatch(repoRoot: string, patterns: readonly string[]): FilesError {
  return new FilesError(
    `The code-hash patterns '${patterns.join(' ')}' match no file under '${repoRoot}'. ` +
      `Check 'code-hash-paths' (CODE_HASH_FIND_FILTER) and 'repo-path' (GIT_REPO_PATH).`
  )
}

/** Every matched file hashed here, with git's blob formula (SHA-1: the object format of nearly every repository). */
async function hashByWalking(
  repoRoot: string,
  patterns: readonly string[],
  algorithm: FileDigestAlgorithm,
  exclude: readonly string[],
  pool: HashPool
): Promise<CodeHash> {
  // Excluded directories are never entered (a local store may hold thousands of files), so they are not counted.
  const files = matchFiles(repoRoot, patterns, exclude)
  if (files.length === 0) throw noMatch(repoRoot, patterns)
  const { digests, bytes } = await pool.hash(
    files.map((relative) => path.join(repoRoot, relative)),
    algorithm
  )
  const entries = files.map((relative, index) => ({ path: relative, id: digests[index]! }))
  return {
    hash: digest(entries),
    files: files.length,
    entries,
    excluded: 0,
    excludedPaths: [],
    bytes,
    method: 'files',
    hashed: files.length,
    checkedHere: 0
  }
}

const GIT_OPTIONS = { maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer' as const }

async function git(repoRoot: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await exec('git', ['-c', 'core.quotePath=false', ...args], { ...GIT_OPTIONS, cwd: repoRoot, ...(env ? { env } : {}) })
  return stdout.toString('utf8')
}

const nulSeparated = (text: string): string[] => text.split('\0').filter(Boolean)

/** Runs `git hash-object --stdin-paths` (clean filters applied, as `git add` would) over `files`. */
function gitHashObjects(repoRoot: string, files: readonly string[]): Promise<string[]> {
  if (files.length === 0) return Promise.resolve([])
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['hash-object', '--stdin-paths'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.once('error', reject)
    child.once('close', (code) => {
      const ids = stdout.split('\n').filter(Boolean)
      if (code !== 0 || ids.length !== files.length)
        reject(new FilesError(`git hash-object failed in '${repoRoot}': ${stderr.trim() || `exit ${code}`}`))
      else resolve(ids)
    })
    // Absolute: hash-object reads stdin paths from the top level of the work tree, not from repoRoot.
    child.stdin.end(files.map((file) => `${path.join(repoRoot, file)}\n`).join(''))
  })
}

/** A filter keeping the paths (relative to repoRoot) that name a regular file now: gone or symlinked ones are not part of the tree being built. */
const isRegularFile =
  (repoRoot: string) =>
  (relative: string): boolean => {
    try {
      return lstatSync(path.join(repoRoot, relative)).isFile()
    } catch {
      return false
    }
  }

/**
 * git's racy rule: a file recorded as modified no earlier than the index was written may have changed without
 * its stat data showing it, so its content must be read. Nanoseconds, as git built with USE_NSEC compares them
 * (the stock build compares whole seconds, so it re-reads every file of a checkout that ended in the second
 * its index was written); seconds alone when the entry has no nanoseconds (a git that records none).
 */
function racilyClean(seconds: number, ns: number, indexWrittenNs: bigint): boolean {
  if (ns === 0) return seconds >= indexSeconds(indexWrittenNs)
  return BigInt(seconds) * 1_000_000_000n + BigInt(ns) >= indexWrittenNs
}

/** The index's time as an entry's seconds are kept: whole seconds, low 32 bits. */
const indexSeconds = (indexWrittenNs: bigint): number => Number(BigInt.asUintN(32, indexWrittenNs / 1_000_000_000n))

/** Where git keeps the index, the repository's object format, and where repoRoot lies in the work tree. */
interface Repository {
  readonly indexFile: string
  readonly idBytes: 20 | 32
  /** repoRoot relative to the top of the work tree, '/'-terminated; '' at the top. */
  readonly prefix: string
}

/** A repository config this large is not read here: git is asked. */
const CONFIG_LIMIT = 256 * 1024

/**
 * The plain layout read from .git itself (see plainGitDirectory), without starting git: the index is .git/index,
 * repoRoot the top of the work tree, and the object format SHA-1 when the repository's own config (where git reads
 * extensions from) never mentions objectFormat. A config that mentions it, names a work tree elsewhere or includes
 * another file is git's to read.
 */
async function plainRepository(repoRoot: string): Promise<Repository | undefined> {
  const gitDir = plainGitDirectory(repoRoot)
  const config = gitDir && (await readRunnerFile(path.join(gitDir, 'config'), CONFIG_LIMIT).catch(() => undefined))
  if (!gitDir || !config || /objectformat|worktree|include/i.test(config.toString('utf8'))) return undefined
  return { indexFile: path.join(gitDir, 'index'), idBytes: 20, prefix: '' }
}

async function locateRepository(repoRoot: string): Promise<Repository> {
  const plain = await plainRepository(repoRoot)
  if (plain) return plain
  const [indexPath = '', prefix = '', format = ''] = (
    await git(repoRoot, ['rev-parse', '--git-path', 'index', '--show-prefix', '--show-object-format'])
  ).split('\n')
  return { indexFile: path.resolve(repoRoot, indexPath), idBytes: format === 'sha256' ? 32 : 20, prefix }
}

/** The index as hashWithGit uses it: entries under repoRoot, and what git finds changed by stat data, when asked. */
interface IndexState extends GitIndex {
  /**
   * Paths (relative to repoRoot) whose stat data git finds changed, comparing against a copy of the very bytes
   * parsed; undefined when git was not asked (an index only git can read) or could not answer.
   */
  readonly statChanged: Promise<Set<string> | undefined>
}

/**
 * What `git diff-files` finds changed by stat data alone, racy rule off: run on a copy of the index whose
 * modification time lies a day ahead, so git treats no entry as racily clean and reads no file's content (it
 * would re-read every file a checkout wrote in the second its index was written, one after another). Entries
 * git's own rule calls racy are checked here instead (see hashWithGit), to the nanosecond.
 */
async function changedByStat(repoRoot: string, indexBytes: Buffer, pathspec: readonly string[]): Promise<Set<string> | undefined> {
  const directory = await mkdtemp(path.join(tmpdir(), 's3am-index-'))
  try {
    const copy = path.join(directory, 'index')
    await writeFile(copy, indexBytes)
    const aDayAhead = Date.now() / 1000 + 86_400
    await utimes(copy, aDayAhead, aDayAhead)
    const changed = await git(repoRoot, ['diff-files', '-z', '--name-only', '--relative', ...pathspec], {
      ...process.env,
      GIT_INDEX_FILE: copy
    })
    return new Set(nulSeparated(changed))
  } catch {
    return undefined // every entry is then checked here
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}

/**
 * The index as it stands: read from the file (no process), or from `git ls-files -s --debug` when only git can
 * resolve it (a split or sparse index). Paths relative to repoRoot, only those under it.
 */
async function readIndex(repoRoot: string, repository: Repository, pathspec: readonly string[]): Promise<IndexState> {
  const file = readIndexBytes(repository.indexFile)
  const entries = file && parseIndexFile(file.bytes, repository.idBytes)
  if (file && entries) {
    // git compares stat data while the entries are sorted out here.
    const statChanged = changedByStat(repoRoot, file.bytes, pathspec)
    const { prefix } = repository
    const under =
      prefix === ''
        ? entries
        : selectEntries(
            entries,
            (path) => path.startsWith(prefix),
            (path) => path.slice(prefix.length)
          )
    return { ...under, writtenNs: file.writtenNs, statChanged }
  }
  const listing = await git(repoRoot, ['ls-files', '-s', '-z', '--debug', ...pathspec])
  // Read after the listing: a newer index only makes more entries racy, never fewer.
  let writtenNs = 0n
  try {
    writtenNs = lstatSync(repository.indexFile, { bigint: true }).mtimeNs
  } catch {
    // no index file: nothing is tracked
  }
  return { ...parseIndexListing(listing), writtenNs, statChanged: Promise.resolve(undefined) }
}

/** What git says under repoRoot: its index (entries under repoRoot) and the untracked files the patterns may match. */
interface GitView {
  readonly index: IndexState
  readonly untracked: readonly string[]
}

/** Reads git's view of repoRoot for these patterns; undefined when repoRoot is not in a work tree or git is missing. */
async function readGitView(repoRoot: string, patterns: readonly string[], exclude: readonly string[]): Promise<GitView | undefined> {
  const includes = patternRoots(patterns).map((root) => `:(literal)${root}`)
  const pathspec = includes.length > 0 ? ['--', ...includes] : []
  // Untracked outputs are left to git, so it never walks a local store's thousands of files; tracked ones come
  // from the index at no cost and are counted.
  const untrackedSpec =
    exclude.length > 0
      ? ['--', ...(includes.length > 0 ? includes : ['.']), ...exclude.map((path) => `:(exclude,literal)${path}`)]
      : pathspec
  try {
    const untracked = git(repoRoot, ['ls-files', '-o', '-z', ...untrackedSpec])
    untracked.catch(() => undefined) // awaited below; a failure there is "not a work tree" too
    const index = await readIndex(repoRoot, await locateRepository(repoRoot), pathspec)
    return { index, untracked: nulSeparated(await untracked).filter((relative) => !relative.endsWith('/')) }
  } catch (error) {
    if (error instanceof FilesError) throw error
    return undefined // not a work tree (a copied tree, a tarball) or no git: every file is hashed here
  }
}

/**
 * The ids being gathered, one slot per index entry (undefined: left out, or not known yet), and the paths whose
 * ids `git hash-object` gives, with the index entry each stands for (none for an untracked file).
 */
class Ids {
  readonly byEntry: (string | undefined)[]
  readonly toHash: string[] = []
  private readonly entryOf = new Map<string, number>()

  constructor(entries: number) {
    this.byEntry = new Array<string | undefined>(entries)
  }

  hashLater(relative: string, entry?: number): void {
    if (entry !== undefined) this.entryOf.set(relative, entry)
    this.toHash.push(relative)
  }

  /** Takes `git hash-object`'s ids for `hashed` (those of toHash still regular files); returns the untracked files'. */
  takeHashed(hashed: readonly string[], hashedIds: readonly string[]): HashedFile[] {
    const untracked: HashedFile[] = []
    hashed.forEach((relative, n) => {
      const entry = this.entryOf.get(relative)
      if (entry === undefined) untracked.push({ path: relative, id: hashedIds[n]! })
      else this.byEntry[entry] = hashedIds[n]
    })
    return untracked
  }
}

/**
 * First pass over the index: submodules give their gitlink, files git is told not to look at their index id,
 * unmerged paths go to `git hash-object`; returns the entries whose work-tree file must be compared.
 */
function sortIndexEntries(index: IndexState, matches: (relative: string) => boolean, ids: Ids): number[] {
  const { paths, modes, stages, flags } = index
  const toCompare: number[] = []
  for (let i = 0; i < paths.length; i++) {
    const relative = paths[i]!
    if (i > 0 && relative === paths[i - 1]) continue // an unmerged path repeats once per stage
    const type = modes[i]! & 0o170000
    if (type === 0o160000) {
      // A submodule: its gitlink, when the patterns cover its directory.
      if (matches(relative) || matches(`${relative}/.gitlink`)) ids.byEntry[i] = index.ids[i]
    } else if (type !== 0o100000 || !matches(relative)) {
      continue // symlinks: neither followed nor hashed
    } else if (stages[i] !== 0) {
      ids.hashLater(relative, i)
    } else if (flags[i]! & ENTRY_FLAGS.notCompared) {
      ids.byEntry[i] = index.ids[i] // as git diff-files: the index speaks for a file git is told not to look at
    } else {
      toCompare.push(i)
    }
  }
  return toCompare
}

/** The entries to check in the work tree here, whether each must be read whatever its stat data says, and how many git left to us. */
interface WorkTreeChecks {
  readonly entries: number[]
  readonly mustRead: boolean[]
  readonly checkedHere: number
}

/**
 * Second pass: git's word on stat data is taken for entries whose mtime and ctime both lie in a second before the
 * index was written: git's racy rule (whole seconds, mtime only) extended to ctime, so a same-size rewrite with its
 * mtime put back in the second git recorded it cannot pass. The others are checked here, to the nanosecond, as are
 * all of them when git was not asked.
 */
function planWorkTreeChecks(index: IndexState, toCompare: readonly number[], changed: Set<string> | undefined, ids: Ids): WorkTreeChecks {
  const { paths, flags, stats } = index
  const writtenSeconds = indexSeconds(index.writtenNs)
  const entries: number[] = []
  const mustRead: boolean[] = []
  let checkedHere = 0
  for (const i of toCompare) {
    const intentToAdd = (flags[i]! & ENTRY_FLAGS.intentToAdd) !== 0
    const gitTrusts = changed !== undefined && stats[i * 6]! < writtenSeconds && stats[i * 6 + 2]! < writtenSeconds && !intentToAdd
    if (gitTrusts && !changed.has(paths[i]!)) {
      ids.byEntry[i] = index.ids[i]
    } else if (gitTrusts) {
      entries.push(i)
      mustRead.push(true) // gone, or to be read
    } else {
      checkedHere++
      entries.push(i)
      mustRead.push(intentToAdd || racilyClean(stats[i * 6]!, stats[i * 6 + 1]!, index.writtenNs))
    }
  }
  return { entries, mustRead, checkedHere }
}

/** What the hash pool found for one file it verified: as the index says, gone (or not a regular file), or other content. */
type Verdict = { readonly same: true } | { readonly gone: true } | { readonly id: string }

function verdictOf(answer: string, indexId: string | undefined): Verdict {
  if (answer === '' || answer === indexId) return { same: true }
  return answer === '-' ? { gone: true } : { id: answer }
}

/**
 * Third pass, on all cores: each planned entry's file compared with its stat data and read when it must be (see
 * FileHashPool.verify). A file whose content is not the index's goes to `git hash-object`, which also tells a real
 * change from a file only unfiltered (CRLF, LFS). Returns what was read, and the paths read already.
 */
async function checkWorkTree(
  repoRoot: string,
  index: IndexState,
  checks: WorkTreeChecks,
  pool: HashPool,
  ids: Ids
): Promise<{ bytes: number; hashed: number; readAlready: Set<string> }> {
  const recorded = new Uint32Array(checks.entries.length * 6)
  checks.entries.forEach((i, n) => recorded.set(index.stats.subarray(i * 6, i * 6 + 6), n * 6))
  const racy = Uint8Array.from(checks.mustRead, (read) => (read ? 1 : 0))
  const algorithm: FileDigestAlgorithm = index.ids[0]?.length === 64 ? 'sha256' : 'sha1'
  const paths = checks.entries.map((i) => index.paths[i]!)
  const verified = await pool.verify({ root: repoRoot, paths, stats: recorded, racy }, algorithm)
  const readAlready = new Set<string>()
  checks.entries.forEach((i, n) => {
    const verdict = verdictOf(verified.digests[n]!, index.ids[i])
    if ('same' in verdict) ids.byEntry[i] = index.ids[i]
    else if ('id' in verdict) {
      ids.hashLater(paths[n]!, i)
      readAlready.add(paths[n]!)
    }
  })
  return { bytes: verified.bytes, hashed: verified.hashed, readAlready }
}

/**
 * Ids from git: tracked files from its index, each checked against the work tree as git checks it (stat data
 * compared, on all cores for many files; a file whose stat data changed, or that was written no earlier than
 * the index, is read and hashed, as git itself would); untracked files and files whose content differs from the
 * index go through `git hash-object` (so line-ending and LFS clean filters apply as in `git add`); submodules as
 * their gitlink. Undefined when repoRoot is not in a git work tree or git is missing.
 */
async function hashWithGit(
  repoRoot: string,
  patterns: readonly string[],
  exclude: readonly string[],
  pool: HashPool
): Promise<CodeHash | undefined> {
  const matching = pathMatcher(patterns)
  const isExcluded = excluder(exclude)
  const excludedPaths: string[] = []
  const matches = (relative: string): boolean => {
    if (!matching(relative)) return false
    if (!isExcluded(relative)) return true
    excludedPaths.push(relative)
    return false
  }
  const view = await readGitView(repoRoot, patterns, exclude)
  if (!view) return undefined
  const { index } = view
  const ids = new Ids(index.paths.length)
  const toCompare = sortIndexEntries(index, matches, ids)
  for (const relative of view.untracked) if (matches(relative)) ids.hashLater(relative)
  const checks = planWorkTreeChecks(index, toCompare, await index.statChanged, ids)
  const read = await checkWorkTree(repoRoot, index, checks, pool, ids)
  const regular = ids.toHash.filter(isRegularFile(repoRoot))
  const untracked = ids.takeHashed(regular, await gitHashObjects(repoRoot, regular))
  // Index order is byte order of the path, so tracked entries are in hash order already. Entries without an id
  // are gone from the work tree, or no longer regular files: not part of the tree being built.
  let entries: HashedFile[] = []
  ids.byEntry.forEach((id, i) => id !== undefined && entries.push({ path: index.paths[i]!, id }))
  if (untracked.length > 0) {
    const byPath = new Map([...entries, ...untracked].map((entry) => [entry.path, entry.id]))
    entries = sortUtf8([...byPath.keys()]).map((path) => ({ path, id: byPath.get(path)! }))
  }
  if (entries.length === 0) throw noMatch(repoRoot, patterns)
  return {
    hash: digest(entries),
    files: entries.length,
    entries,
    excluded: excludedPaths.length,
    excludedPaths,
    bytes: read.bytes,
    method: 'git',
    // A tracked file read here and then through git hash-object counts once.
    hashed: read.hashed + regular.filter((relative) => !read.readAlready.has(relative)).length,
    checkedHere: checks.checkedHere
  }
}

/**
 * The code hash (version 2): SHA-256 (hex) over `code-hash-v2\n`, then `<path>\0<git blob id>\n` for every
 * matched regular file in byte order of its UTF-8 path relative to repoRoot, leaving out `options.exclude`
 * (the build's outputs). Symlinks are neither followed nor hashed; a submodule contributes its gitlink. In a
 * git work tree the ids come from git; elsewhere every file is hashed here with the same formula.
 */
export async function computeCodeHash(repoRoot: string, patterns: readonly string[], options: CodeHashOptions = {}): Promise<CodeHash> {
  const { globs, required } = withoutOptionalMarks(patterns)
  checkPatterns(globs)
  const exclude = options.exclude ?? []
  const pool = new HashPool() // workers start when there is something to read
  try {
    const result = (await hashWithGit(repoRoot, globs, exclude, pool)) ?? (await hashByWalking(repoRoot, globs, 'sha1', exclude, pool))
    options.checkOutputs?.(result)
    requireEveryPattern(repoRoot, required, result.entries)
    return result
  } finally {
    await pool.close()
  }
}

/**
 * What a build writes, as paths relative to the repository for CodeHashOptions.exclude: the outputs that lie
 * inside it (the package directory, a local store, this action's stage) and, when the package directory is
 * the repository itself, this action's files in it. Outputs are never inputs, whatever the patterns say.
 */
export function outputExclusions(repoRoot: string, outputs: readonly string[], actionFiles: readonly string[]): string[] {
  const relative: string[] = []
  for (const output of outputs) {
    const inside = path.relative(repoRoot, path.resolve(repoRoot, output))
    if (inside === '') relative.push(...actionFiles)
    else if (!path.isAbsolute(inside) && inside.split(path.sep)[0] !== '..') relative.push(inside.split(path.sep).join('/'))
  }
  return [...new Set(relative)]
}

/**
 * Tracked files the patterns match that lie in `output` (a build's output folder): an output folder that holds
 * sources is a mistake (a monorepo's `packages/` as `package-directory`), since it is left out of the key and
 * its sources would then be stored as the build. Paths relative to the repository, in index order.
 */
export function sourcesInOutput(result: CodeHash, repoRoot: string, output: string): string[] {
  const inside = path.relative(repoRoot, path.resolve(repoRoot, output))
  if (inside === '' || path.isAbsolute(inside) || inside.split(path.sep)[0] === '..') return []
  const folder = `${inside.split(path.sep).join('/')}/`
  // Hidden files are never uploaded (this action's own records among them): only what would be stored counts.
  return result.excludedPaths.filter(
    (file) =>
      file.startsWith(folder) &&
      !file
        .slice(folder.length)
        .split('/')
        .some((part) => part.startsWith('.'))
  )
}

/** The error for sourcesInOutput's files: names the setting, how many files and the first few. */
export function sourcesInOutputError(files: readonly string[], setting: string, value: string, fix: string): FilesError {
  const first = files.slice(0, 5).join(', ')
  return new FilesError(
    `${setting} '${value}' holds ${files.length} tracked file(s) that 'code-hash-paths' matches (${first}${files.length > 5 ? ', …' : ''}): ` +
      `that folder is the build's output, which is never hashed and is stored as the build, so these sources would be neither keyed nor kept apart. ${fix}`
  )
}
