import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { lstat, readFile } from 'node:fs/promises'
import path from 'node:path'
import pLimit from 'p-limit'
import { glob } from 'tinyglobby'
import { FilesError, InputError } from './errors.js'

/** Files at most this big are read whole; larger ones are streamed through the hash. */
const READ_WHOLE_LIMIT = 8 * 1024 * 1024

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

/** Byte-wise order of the UTF-8 paths, so the hash does not depend on locale or JS string order. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

async function sha256OfFile(file: string, size: number): Promise<string> {
  const hash = createHash('sha256')
  if (size <= READ_WHOLE_LIMIT) {
    hash.update(await readFile(file))
  } else {
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer)
  }
  return hash.digest('hex')
}

/** Lists the repository files matched by the patterns ('**', '!negation'; never inside .git), as sorted POSIX paths. */
export async function matchFiles(repoRoot: string, patterns: readonly string[]): Promise<string[]> {
  patterns.forEach(checkPattern)
  if (!patterns.some((pattern) => !pattern.startsWith('!'))) {
    throw new InputError(`The code-hash patterns '${patterns.join(' ')}' only exclude: add at least one pattern that includes files.`)
  }
  const matched = await glob([...patterns], {
    cwd: repoRoot,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ['**/.git', '**/.git/**']
  })
  return matched.sort(compareUtf8)
}

/**
 * The code hash of DESIGN.md: SHA-256 (hex) over, for each matched file in byte order of its path,
 * `<posix path relative to repo root>\0<sha256 hex of content>\n`. Only regular files count: symlinks are
 * neither followed nor hashed (a `**` over a pnpm tree would otherwise walk into node_modules links).
 */
export async function computeCodeHash(repoRoot: string, patterns: readonly string[], concurrency = 16): Promise<CodeHash> {
  const files = await matchFiles(repoRoot, patterns)
  if (files.length === 0) {
    throw new FilesError(
      `The code-hash patterns '${patterns.join(' ')}' match no file under '${repoRoot}'. ` +
        `Check 'code-hash-paths' (CODE_HASH_FIND_FILTER) and 'repo-path' (GIT_REPO_PATH).`
    )
  }
  const limit = pLimit(concurrency)
  let bytes = 0
  const digests = await Promise.all(
    files.map((relative) =>
      limit(async () => {
        const absolute = path.join(repoRoot, relative)
        const info = await lstat(absolute)
        bytes += info.size
        return sha256OfFile(absolute, info.size)
      })
    )
  )
  const total = createHash('sha256')
  files.forEach((relative, index) => total.update(`${relative}\0${digests[index]}\n`))
  return { hash: total.digest('hex'), files: files.length, bytes }
}
