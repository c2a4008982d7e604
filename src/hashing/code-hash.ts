import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { lstatSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import picomatch from 'picomatch'
import { escapePath, globSync } from 'tinyglobby'
import { FilesError, InputError } from '../errors.js'
import { HashPool, type FileDigestAlgorithm } from './file-hasher.js'

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
  /** Bytes read to hash files (0 when git's index supplied every id). */
  readonly bytes: number
  /** 'git': ids from git's index (and git hash-object for changed files); 'files': every file hashed here. */
  readonly method: 'git' | 'files'
  /** Files whose id was computed rather than read from the index. */
  readonly hashed: number
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
  const include = picomatch(patterns.filter((p) => !p.startsWith('!')).map(normalizeGlob), options)
  const exclude = picomatch(
    [...GLOB_OPTIONS.ignore, ...patterns.filter((p) => p.startsWith('!')).map((p) => normalizeGlob(p.slice(1)))],
    options
  )
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
  exclude: readonly string[]
): Promise<CodeHash> {
  // Excluded directories are never entered (a local store may hold thousands of files), so they are not counted.
  const files = matchFiles(repoRoot, patterns, exclude)
  if (files.length === 0) throw noMatch(repoRoot, patterns)
  const pool = new HashPool()
  try {
    const { digests, bytes } = await pool.hash(
      files.map((relative) => path.join(repoRoot, relative)),
      algorithm
    )
    const entries = files.map((relative, index) => ({ path: relative, id: digests[index]! }))
    return { hash: digest(entries), files: files.length, entries, excluded: 0, bytes, method: 'files', hashed: files.length }
  } finally {
    await pool.close()
  }
}

const GIT_OPTIONS = { maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer' as const }

async function git(repoRoot: string, args: string[]): Promise<string> {
  const { stdout } = await exec('git', ['-c', 'core.quotePath=false', ...args], { ...GIT_OPTIONS, cwd: repoRoot })
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

/**
 * Ids from git: clean tracked files from the index (nothing read), changed, unmerged, untracked and ignored
 * files through `git hash-object` (so line-ending and LFS clean filters apply as in the index), submodules as
 * their gitlink. Undefined when repoRoot is not in a git work tree or git is missing.
 */
async function hashWithGit(repoRoot: string, patterns: readonly string[], exclude: readonly string[]): Promise<CodeHash | undefined> {
  const matching = pathMatcher(patterns)
  const isExcluded = excluder(exclude)
  let excluded = 0
  const matches = (relative: string): boolean => {
    if (!matching(relative)) return false
    if (!isExcluded(relative)) return true
    excluded++
    return false
  }
  const roots = patternRoots(patterns)
  const includes = roots.map((root) => `:(literal)${root}`)
  const pathspec = includes.length > 0 ? ['--', ...includes] : []
  // Untracked outputs are left to git, so it never walks a local store's thousands of files; tracked ones come
  // from the index at no cost and are counted.
  const untrackedSpec =
    exclude.length > 0
      ? ['--', ...(includes.length > 0 ? includes : ['.']), ...exclude.map((path) => `:(exclude,literal)${path}`)]
      : pathspec
  let listings: [string, string, string]
  try {
    listings = await Promise.all([
      git(repoRoot, ['ls-files', '-s', '-z', ...pathspec]),
      // --relative: paths relative to repoRoot, as ls-files writes them. Racily clean entries are compared by content.
      git(repoRoot, ['diff-files', '-z', '--name-only', '--relative', ...pathspec]),
      git(repoRoot, ['ls-files', '-o', '-z', ...untrackedSpec])
    ])
  } catch {
    return undefined // not a work tree (a copied tree, a tarball) or no git: every file is hashed here
  }
  const [staged, changed, others] = listings
  const dirty = new Set(nulSeparated(changed))
  const isRegularFile = (relative: string): boolean => {
    try {
      return lstatSync(path.join(repoRoot, relative)).isFile()
    } catch {
      return false // deleted in the work tree: not part of the tree being built
    }
  }
  // Records are "<mode> <id> <stage>\t<path>\0" in index order, which is byte order of the path, so
  // clean entries come in hash order, without sorting. Unmerged paths repeat once per stage.
  const clean: HashedFile[] = []
  const toHash: string[] = []
  let previous = ''
  for (let start = 0; start < staged.length;) {
    const tab = staged.indexOf('\t', start)
    const end = staged.indexOf('\0', tab)
    const relative = staged.slice(tab + 1, end)
    const mode = staged.slice(start, start + 6)
    const id = staged.slice(start + 7, tab - 2)
    const stage = staged[tab - 1]
    start = end + 1
    if (relative === previous) continue
    previous = relative
    if (mode === '160000') {
      // A submodule: its gitlink, when the patterns cover its directory.
      if (matches(relative) || matches(`${relative}/.gitlink`)) clean.push({ path: relative, id })
    } else if (mode === '120000' || !matches(relative)) {
      continue // symlinks: neither followed nor hashed
    } else if (stage === '0' && !dirty.has(relative)) {
      clean.push({ path: relative, id })
    } else if (isRegularFile(relative)) {
      toHash.push(relative)
    }
  }
  for (const relative of nulSeparated(others)) {
    if (!relative.endsWith('/') && matches(relative) && isRegularFile(relative)) toHash.push(relative)
  }
  if (clean.length + toHash.length === 0) throw noMatch(repoRoot, patterns)
  let entries: HashedFile[] = clean
  if (toHash.length > 0) {
    const ids = await gitHashObjects(repoRoot, toHash)
    const byPath = new Map(clean.map((entry) => [entry.path, entry.id]))
    toHash.forEach((relative, i) => byPath.set(relative, ids[i]!))
    entries = sortUtf8([...byPath.keys()]).map((relative) => ({ path: relative, id: byPath.get(relative)! }))
  }
  return { hash: digest(entries), files: entries.length, entries, excluded, bytes: 0, method: 'git', hashed: toHash.length }
}

/**
 * The code hash (version 2): SHA-256 (hex) over `code-hash-v2\n`, then `<path>\0<git blob id>\n` for every
 * matched regular file in byte order of its UTF-8 path relative to repoRoot, leaving out `options.exclude`
 * (the build's outputs). Symlinks are neither followed nor hashed; a submodule contributes its gitlink. In a
 * git work tree the ids come from git; elsewhere every file is hashed here with the same formula.
 */
export async function computeCodeHash(repoRoot: string, patterns: readonly string[], options: CodeHashOptions = {}): Promise<CodeHash> {
  checkPatterns(patterns)
  const exclude = options.exclude ?? []
  return (await hashWithGit(repoRoot, patterns, exclude)) ?? (await hashByWalking(repoRoot, patterns, 'sha1', exclude))
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
