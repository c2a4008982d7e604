import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { OversizedError } from '../errors.js'
import { closeFd, openFd, readFile, readv } from './fs-calls.js'

/**
 * Opens for reading without following a symlink at the last component (O_NOFOLLOW: not on Windows), and without
 * waiting (O_NONBLOCK): a FIFO planted where a file should be would otherwise hold open() until something writes
 * to it, and the step with it; opened at once, it is then found not to be a regular file. Regular files ignore
 * O_NONBLOCK.
 */
export const READ_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/**
 * Opens for reading without waiting on a FIFO, following symlinks: for files listed as regular files a moment
 * earlier (a package's, a code hash's), so one swapped for a FIFO since reads as empty and fails its size check
 * instead of holding the step.
 */
export const READ_NO_WAIT = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/** A descriptor (close it with closeFd) of a file listed as a regular file a moment ago, opened with READ_NO_WAIT. */
export function openListedFile(file: string): Promise<number> {
  return openFd(file, READ_NO_WAIT)
}

/** The bytes of a file listed as a regular file a moment ago (READ_NO_WAIT: a FIFO swapped in since reads as empty). */
export async function readListedFile(file: string): Promise<Buffer> {
  const fd = await openListedFile(file)
  try {
    // The callback form's readFile: less CPU per file than fs/promises', which reads in chunked round trips.
    return await readFile(fd)
  } finally {
    await closeFd(fd)
  }
}

/**
 * Reads a file listed as a regular file a moment ago straight into `target`, which has room for the size it was
 * listed with; returns how many bytes the file held: `target.length` when it still has that size, fewer when it
 * shrank, one more when it grew (what did not fit is not read).
 */
export async function readListedFileInto(file: string, target: Buffer): Promise<number> {
  const fd = await openListedFile(file)
  // One byte past the end tells a file that grew, in the same call.
  const past = Buffer.alloc(1)
  try {
    let filled = 0
    for (;;) {
      const { bytesRead } = await readv(fd, [target.subarray(filled), past])
      filled += bytesRead
      if (bytesRead === 0 || filled > target.length) return filled
    }
  } finally {
    await closeFd(fd)
  }
}

/**
 * The bytes of an opened file; undefined when it is not a regular file; OversizedError past `maxBytes`. At most
 * `maxBytes + 1` bytes are ever read, so a file that grows while it is read cannot fill memory either.
 *
 * Synchronous inside: the files read here are capped and mostly small (a ref, a record, a config, a manifest of the
 * local store: a few KB, at most the READ_LIMITS), and a synchronous call costs ~20 µs where a trip through the
 * thread pool costs ~100 µs and the pool's first use ~0.5 ms. With the package directory's and .git's calls made
 * the same way (package-directory.ts, git.ts), a local check that finds nothing starts 2.4-3.1 ms sooner (of ~40).
 * What waits on the network or reads a build's files stays asynchronous.
 */
function readOpenedBytes(fd: number, maxBytes: number, where: string): Buffer | undefined {
  const info = fstatSync(fd)
  if (!info.isFile()) return undefined
  if (info.size > maxBytes) throw new OversizedError(where, maxBytes)
  const buffer = Buffer.alloc(Math.min(maxBytes, info.size) + 1)
  let length = 0
  for (;;) {
    const bytesRead = readSync(fd, buffer, length, buffer.length - length, length)
    if (bytesRead === 0) break
    length += bytesRead
    if (length === buffer.length) {
      if (length > maxBytes) throw new OversizedError(where, maxBytes)
      break // the file grew past its stated size: what it held when opened is all that is read
    }
  }
  return buffer.subarray(0, length)
}

/** The text of an opened file; undefined when it is not a regular file; OversizedError past `maxBytes`. */
export async function readOpenedText(fd: number, maxBytes: number, where: string): Promise<string | undefined> {
  return readOpenedBytes(fd, maxBytes, where)?.toString('utf8')
}

/**
 * A runner file's bytes (the event payload, a file a step before us may have written), at most `maxBytes`,
 * never through a symlink: undefined when it is missing, not a regular file or larger than that.
 */
export async function readRunnerFile(file: string, maxBytes: number): Promise<Buffer | undefined> {
  let fd: number
  try {
    fd = openSync(file, READ_NO_FOLLOW)
  } catch {
    return undefined
  }
  try {
    return readOpenedBytes(fd, maxBytes, file)
  } catch (error) {
    if (error instanceof OversizedError) return undefined
    throw error
  } finally {
    closeSync(fd)
  }
}

/**
 * A body's bytes, refusing (unread) one larger than `maxBytes`: by its declared length when the server sends
 * one, else as the bytes arrive, so a hostile object never fills memory.
 */
export async function readCapped(
  body: Readable | AsyncIterable<Buffer> | undefined,
  maxBytes: number,
  declared: number | undefined,
  where: string
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0)
  const stop = (): never => {
    ;(body as Partial<Readable>).destroy?.()
    throw new OversizedError(where, maxBytes)
  }
  if (declared !== undefined && declared > maxBytes) stop()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBytes) stop()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, size)
}

/** The first `count` bytes of a body, for a message; the rest is not read (a web page may be endless). */
export async function firstBytes(body: Readable | AsyncIterable<Buffer> | undefined, count: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of (body ?? []) as AsyncIterable<Buffer>) {
      chunks.push(chunk)
      size += chunk.length
      if (size >= count) break
    }
  } catch {
    // what arrived before the failure is all there is to show
  }
  ;(body as Partial<Readable> | undefined)?.destroy?.()
  return Buffer.concat(chunks).subarray(0, count)
}
