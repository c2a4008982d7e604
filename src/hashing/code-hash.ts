import { createHash } from 'node:crypto'
import path from 'node:path'
import { globSync } from 'tinyglobby'
import { FilesError, InputError } from '../errors.js'
import { HashPool } from './file-hasher.js'

export interface CodeHash {
  readonly hash: string
  readonly files: number
  readonly bytes: number
}

/** Splits a pattern list written with newlines, commas or spaces. */
export function parsePatterns(text: string): string[] {
  return text.split(/[\s,]+/).filter((pattern) => pattern.length > 0)
}

function checkPattern(pattern: string): void {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern
  if (path.isAbsolute(body) || body.split('/').includes('..')) {
    throw new InputError(
      `Code-hash pattern '${pattern}' leaves the repository: patterns are relative to 'repo-path' and may not be absolute or use '..'.`
    )
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

/** Lists the repository files matched by the patterns ('**', '!negation'; never inside .git), as sorted POSIX paths. */
export function matchFiles(repoRoot: string, patterns: readonly string[]): string[] {
  patterns.forEach(checkPattern)
  if (!patterns.some((pattern) => !pattern.startsWith('!'))) {
    throw new InputError(`The code-hash patterns '${patterns.join(' ')}' only exclude: add at least one pattern that includes files.`)
  }
  // Synchronous: one directory walk, faster than the async crawler and nothing else runs meanwhile.
  const matched = globSync([...patterns], {
    cwd: repoRoot,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ['**/.git', '**/.git/**']
  })
  return sortUtf8(matched)
}

/**
 * The code hash of DESIGN.md: SHA-256 (hex) over, for each matched file in byte order of its path,
 * `<posix path relative to repo root>\0<sha256 hex of content>\n`. Only regular files count: symlinks are
 * neither followed nor hashed (a `**` over a pnpm tree would otherwise walk into node_modules links).
 */
export async function computeCodeHash(repoRoot: string, patterns: readonly string[], pool?: HashPool): Promise<CodeHash> {
  // A caller may start the pool early so its workers boot while it does other work.
  const workers = pool ?? new HashPool()
  try {
    const files = matchFiles(repoRoot, patterns)
    if (files.length === 0) {
      throw new FilesError(
        `The code-hash patterns '${patterns.join(' ')}' match no file under '${repoRoot}'. ` +
          `Check 'code-hash-paths' (CODE_HASH_FIND_FILTER) and 'repo-path' (GIT_REPO_PATH).`
      )
    }
    const { digests, bytes } = await workers.hash(files.map((relative) => path.join(repoRoot, relative)))
    const total = createHash('sha256')
    files.forEach((relative, index) => total.update(`${relative}\0${digests[index]}\n`))
    return { hash: total.digest('hex'), files: files.length, bytes }
  } finally {
    if (!pool) await workers.close()
  }
}
