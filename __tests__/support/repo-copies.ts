// Test repositories with the same files are made by git once per run and copied after that. Making one costs a
// shell, `git add` and `git commit` started from a jest worker of 300-450 MB, whose page tables every fork copies
// (35 ms a repository in a 420 MB worker, against 2.8 ms a copy; a run asks for ~320 repositories of 40 sets of
// files). A copy is a real repository git made; only its index has to learn the copy's own file stats, which the
// product reads with `git diff-files`. The walk over the index is the layout src/hashing/git-index.ts reads; that
// reader returns columns, not the offsets a writer needs.
import { createHash } from 'node:crypto'
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** Where made repositories wait to be copied: the run's root (global setup), shared by its workers. */
function copiesDirectory(): string {
  return path.join(process.env.SAM_TEST_ROOT ?? tmpdir(), 'repositories-made')
}

/** One name for one set of files (paths and bytes), whatever the order they were given in. */
export function filesKey(files: Record<string, string | Buffer>): string {
  const hash = createHash('sha256')
  for (const name of Object.keys(files).sort()) {
    const content = files[name]!
    hash.update(`${Buffer.byteLength(name)}:${name}:${Buffer.byteLength(content)}:`).update(content)
  }
  return hash.digest('hex')
}

/** A made repository with these files, copied into `dir`; false when none was made yet. */
export function copyMadeRepository(key: string, dir: string): boolean {
  const made = path.join(copiesDirectory(), key)
  if (!existsSync(made)) return false
  cpSync(made, dir, { recursive: true })
  restatIndex(dir)
  return true
}

/** Keeps the repository in `dir` (just made, not yet changed) for the next test that needs the same files. */
export function keepMadeRepository(key: string, dir: string): void {
  const made = path.join(copiesDirectory(), key)
  if (existsSync(made)) return
  mkdirSync(copiesDirectory(), { recursive: true })
  const staging = mkdtempSync(path.join(copiesDirectory(), '.staging-'))
  cpSync(dir, staging, { recursive: true })
  try {
    renameSync(staging, made)
  } catch {
    // Another worker kept the same files first (the rename fails on its non-empty directory), or the copy could
    // not be kept: either way `dir` is whole, and the next call makes the repository again if it must.
    rmSync(staging, { recursive: true, force: true })
  }
}

const ENTRY_FIXED_BYTES = 62
const EXTENDED_FLAG = 0x4000

/**
 * Writes each entry's stat data (times, device, inode, owner, size) as the files in `dir` have them now, so git
 * sees the copied work tree as clean without reading it, as it does the original. Index versions 2 and 3 (git's
 * default); version 4 compresses paths and is refused. Extensions are kept as they are; the checksum is made again.
 */
export function restatIndex(dir: string): void {
  const indexFile = path.join(dir, '.git', 'index')
  const index = readFileSync(indexFile)
  if (index.toString('latin1', 0, 4) !== 'DIRC') throw new Error(`${indexFile} is not a git index`)
  const version = index.readUInt32BE(4)
  if (version !== 2 && version !== 3) throw new Error(`${indexFile}: index version ${version}, only 2 and 3 are restated`)
  let offset = 12
  for (let entry = 0, entries = index.readUInt32BE(8); entry < entries; entry++) {
    const flags = index.readUInt16BE(offset + 60)
    const pathStart = offset + ENTRY_FIXED_BYTES + (version === 3 && flags & EXTENDED_FLAG ? 2 : 0)
    const pathEnd = index.indexOf(0, pathStart)
    const stat = lstatSync(path.join(dir, index.toString('utf8', pathStart, pathEnd)), { bigint: true })
    // Ten 32-bit fields; the mode (the seventh) is the file's own and stays.
    const fields = [
      stat.ctimeNs / 1_000_000_000n,
      stat.ctimeNs % 1_000_000_000n,
      stat.mtimeNs / 1_000_000_000n,
      stat.mtimeNs % 1_000_000_000n,
      stat.dev,
      stat.ino,
      undefined,
      stat.uid,
      stat.gid,
      stat.size
    ]
    fields.forEach((value, i) => value !== undefined && index.writeUInt32BE(Number(BigInt.asUintN(32, value)), offset + 4 * i))
    // An entry is padded with 1-8 NULs to a multiple of 8 bytes.
    offset += Math.floor((pathEnd - offset + 8) / 8) * 8
  }
  const body = index.subarray(0, index.length - 20)
  createHash('sha1')
    .update(body)
    .digest()
    .copy(index, index.length - 20)
  writeFileSync(indexFile, index)
}
