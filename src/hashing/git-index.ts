import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { FilesError } from '../errors.js'

/**
 * What git's index records of the tracked paths, one column per field (100,000 entries are read on every
 * check: columns keep that to a few allocations): each path's blob id and the stat data git saw when it last
 * looked at the file. Read straight from the index file (gitformat-index, versions 2 to 4), or parsed from
 * `git ls-files -s --debug` when the file uses a split or sparse index.
 */
export interface IndexEntries {
  /** Relative to the top of the work tree (or to where git ran, for a listing), '/'-separated, in index order. */
  readonly paths: string[]
  readonly ids: string[]
  /** 0o100644, 0o100755, 0o120000 (symlink), 0o160000 (submodule). */
  readonly modes: Uint32Array
  readonly stages: Uint8Array
  /** Bits of ENTRY_FLAGS. */
  readonly flags: Uint8Array
  /**
   * Six numbers an entry, as the index keeps them: mtime seconds and nanoseconds, ctime seconds and
   * nanoseconds, size, inode number (seconds, size and inode number as their low 32 bits).
   */
  readonly stats: Uint32Array
}

export const ENTRY_FLAGS = {
  /** assume-unchanged or skip-worktree: git never compares the entry with the work tree. */
  notCompared: 1,
  /** `git add -N`: the id is the empty blob's, not the file's. */
  intentToAdd: 2
} as const

export interface GitIndex extends IndexEntries {
  /** When the index file was last written, in nanoseconds: the cut-off of git's racy rule. */
  readonly writtenNs: bigint
}

const ASSUME_VALID = 0x8000
const EXTENDED = 0x4000
const SKIP_WORKTREE = 0x4000 // in the extended flags
const INTENT_TO_ADD = 0x2000 // in the extended flags
/** In-memory flags printed by `ls-files --debug` (git's cache.h). */
const DEBUG_SKIP_WORKTREE = 1 << 30
const DEBUG_INTENT_TO_ADD = 1 << 29

function emptyEntries(count: number): IndexEntries {
  return {
    paths: [],
    ids: [],
    modes: new Uint32Array(count),
    stages: new Uint8Array(count),
    flags: new Uint8Array(count),
    stats: new Uint32Array(count * 6)
  }
}

/** The entries whose index `keep` is true, paths rewritten by `rename`. */
export function selectEntries(entries: IndexEntries, keep: (path: string) => boolean, rename: (path: string) => string): IndexEntries {
  const chosen: number[] = []
  entries.paths.forEach((path, i) => keep(path) && chosen.push(i))
  const result = emptyEntries(chosen.length)
  chosen.forEach((from, to) => {
    result.paths.push(rename(entries.paths[from]!))
    result.ids.push(entries.ids[from]!)
    result.modes[to] = entries.modes[from]!
    result.stages[to] = entries.stages[from]!
    result.flags[to] = entries.flags[from]!
    result.stats.set(entries.stats.subarray(from * 6, from * 6 + 6), to * 6)
  })
  return result
}

/** The paths of an index, written out, stop being believable past this (a million 256-byte paths). */
const NAMES_LIMIT = 256 * 1024 * 1024

/** git's offset varint (gitformat-index, version 4 path compression). */
function readVarint(buffer: Buffer, at: number): [number, number] {
  let byte = buffer[at++]!
  let value = byte & 0x7f
  while (byte & 0x80) {
    byte = buffer[at++]!
    value = (value + 1) * 128 + (byte & 0x7f)
  }
  return [value, at]
}

/**
 * Parses an index file. Undefined when the file needs what only git can resolve: a split index (its entries
 * live in a shared index), a sparse index (directories stand for files not checked out), or a version this
 * reader does not know. The trailing checksum is not checked: git renames a complete index into place.
 * `namesLimit` (the paths written out, in bytes) is lowered only by tests.
 */
export function parseIndexFile(buffer: Buffer, idBytes: 20 | 32, namesLimit = NAMES_LIMIT): IndexEntries | undefined {
  const unreadable = (): FilesError => new FilesError('The git index ends early or is malformed: run `git status` to have git rewrite it.')
  if (buffer.length < 12 || buffer.toString('latin1', 0, 4) !== 'DIRC') return undefined
  const version = buffer.readUInt32BE(4)
  if (version < 2 || version > 4) return undefined
  const count = buffer.readUInt32BE(8)
  if (count > buffer.length / 40) throw unreadable()
  const entries = emptyEntries(count)
  const fixed = 40 + idBytes + 2 // stat data, id, flags
  // Paths and ids are gathered as bytes and decoded once each: 100,000 small decodes cost more than the rest.
  let names = Buffer.allocUnsafe(buffer.length)
  const room = (bytes: number): void => {
    if (written + bytes > namesLimit) throw unreadable() // version 4 names can repeat a long prefix without end
    if (written + bytes <= names.length) return
    const larger = Buffer.allocUnsafe(Math.min(namesLimit, Math.max(names.length * 2, written + bytes)))
    names.copy(larger, 0, 0, written)
    names = larger
  }
  const ids = Buffer.allocUnsafe(count * idBytes)
  let written = 0
  let previousStart = 0
  let at = 12
  for (let n = 0; n < count; n++) {
    const start = at
    if (at + fixed > buffer.length) throw unreadable()
    const flags = buffer.readUInt16BE(at + 40 + idBytes)
    at += fixed
    let extended = 0
    if (flags & EXTENDED) {
      if (version < 3) throw unreadable()
      extended = buffer.readUInt16BE(at)
      at += 2
    }
    const nameStart = written
    if (version === 4) {
      // The previous path less `strip` bytes, then a NUL-terminated suffix.
      const [strip, after] = readVarint(buffer, at)
      const end = buffer.indexOf(0, after)
      const previousLength = n === 0 ? 0 : nameStart - 1 - previousStart
      if (end === -1 || strip > previousLength) throw unreadable()
      room(previousLength - strip + end - after + 1)
      names.copyWithin(written, previousStart, previousStart + previousLength - strip)
      written += previousLength - strip
      written += buffer.copy(names, written, after, end)
      at = end + 1
    } else {
      const end = buffer.indexOf(0, at)
      if (end === -1) throw unreadable()
      written += buffer.copy(names, written, at, end)
      at = start + ((end - start + 8) & ~7) // NUL-padded to a multiple of eight bytes
    }
    names[written++] = 0
    previousStart = nameStart
    const mode = buffer.readUInt32BE(start + 24)
    if ((mode & 0o170000) === 0o040000) return undefined // a sparse directory entry
    buffer.copy(ids, n * idBytes, start + 40, start + 40 + idBytes)
    entries.modes[n] = mode
    entries.stages[n] = (flags >> 12) & 3
    entries.flags[n] =
      ((flags & ASSUME_VALID) !== 0 || (extended & SKIP_WORKTREE) !== 0 ? ENTRY_FLAGS.notCompared : 0) |
      ((extended & INTENT_TO_ADD) !== 0 ? ENTRY_FLAGS.intentToAdd : 0)
    const stats = n * 6
    entries.stats[stats] = buffer.readUInt32BE(start + 8) // mtime
    entries.stats[stats + 1] = buffer.readUInt32BE(start + 12)
    entries.stats[stats + 2] = buffer.readUInt32BE(start) // ctime
    entries.stats[stats + 3] = buffer.readUInt32BE(start + 4)
    entries.stats[stats + 4] = buffer.readUInt32BE(start + 36) // size
    entries.stats[stats + 5] = buffer.readUInt32BE(start + 20) // inode
  }
  const hex = ids.toString('hex')
  for (let n = 0; n < count; n++) entries.ids.push(hex.slice(n * idBytes * 2, (n + 1) * idBytes * 2))
  // Extensions: a split index ("link") or a sparse one ("sdir") is left to git.
  while (at + 8 <= buffer.length - idBytes) {
    const signature = buffer.toString('latin1', at, at + 4)
    if (signature === 'link' || signature === 'sdir') return undefined
    at += 8 + buffer.readUInt32BE(at + 4)
  }
  return { ...entries, paths: count === 0 ? [] : names.toString('utf8', 0, written - 1).split('\0') }
}

/** An index file larger than this (a million entries take ~100 MB) is left to git to list. */
const INDEX_READ_LIMIT = 512 * 1024 * 1024

/**
 * The bytes of the index at `file` and when it was written (ns); undefined when there is none (nothing tracked
 * yet) or it is larger than INDEX_READ_LIMIT (the caller then asks git).
 */
export function readIndexBytes(file: string): { readonly bytes: Buffer; readonly writtenNs: bigint } | undefined {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return undefined
  }
  try {
    const { size, mtimeNs } = fstatSync(fd, { bigint: true })
    if (size > INDEX_READ_LIMIT) return undefined
    const buffer = Buffer.allocUnsafe(Number(size))
    let filled = 0
    while (filled < buffer.length) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, null)
      if (read === 0) break
      filled += read
    }
    return { bytes: buffer.subarray(0, filled), writtenNs: mtimeNs }
  } finally {
    closeSync(fd)
  }
}

/**
 * Parses `git ls-files -s -z --debug`: records "<mode> <id> <stage>\t<path>\0" each followed by five lines
 * of stat data ("  ctime: S:NS", "  mtime: S:NS", "  dev: D\tino: I", "  uid: U\tgid: G", "  size: N\tflags: F"
 * with F git's in-memory flags in hex), in index order. Paths are relative to where git ran.
 */
export function parseIndexListing(listing: string): IndexEntries {
  const unreadable = (): FilesError => new FilesError('git ls-files printed a listing this action cannot read.')
  const records: { head: string; path: string; lines: string[] }[] = []
  for (let start = 0; start < listing.length;) {
    const tab = listing.indexOf('\t', start)
    const end = listing.indexOf('\0', tab)
    if (tab === -1 || end === -1) throw unreadable()
    const lines: string[] = []
    let cursor = end + 1
    for (let i = 0; i < 5; i++) {
      const newline = listing.indexOf('\n', cursor)
      if (newline === -1) throw unreadable()
      lines.push(listing.slice(cursor, newline))
      cursor = newline + 1
    }
    records.push({ head: listing.slice(start, tab), path: listing.slice(tab + 1, end), lines })
    start = cursor
  }
  const entries = emptyEntries(records.length)
  const afterColon = (line: string, label: string): string => line.slice(line.indexOf(label) + label.length).split(/\s/)[0]!
  records.forEach(({ head, path, lines }, n) => {
    const [ctime, mtime, devIno, , sizeFlags] = lines as [string, string, string, string, string]
    const [mtimeSeconds, mtimeNs] = afterColon(mtime, 'mtime: ').split(':')
    const [ctimeSeconds, ctimeNs] = afterColon(ctime, 'ctime: ').split(':')
    const flags = parseInt(afterColon(sizeFlags, 'flags: '), 16)
    entries.paths.push(path)
    entries.ids.push(head.slice(7, head.length - 2))
    entries.modes[n] = parseInt(head.slice(0, 6), 8)
    entries.stages[n] = Number(head[head.length - 1])
    entries.flags[n] =
      ((flags & (ASSUME_VALID | DEBUG_SKIP_WORKTREE)) !== 0 ? ENTRY_FLAGS.notCompared : 0) |
      ((flags & DEBUG_INTENT_TO_ADD) !== 0 ? ENTRY_FLAGS.intentToAdd : 0)
    entries.stats.set(
      [mtimeSeconds, mtimeNs, ctimeSeconds, ctimeNs, afterColon(sizeFlags, 'size: '), afterColon(devIno, 'ino: ')].map(Number),
      n * 6
    )
  })
  return entries
}
