import { createReadStream, type Stats } from 'node:fs'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { IntegrityError, MissingObjectError, PreconditionFailedError, StoreError } from '../errors.js'
import { CancelledError, cancelSignal, throwIfCancelled } from '../util/cancellation.js'
import { digestStream } from '../util/digest-stream.js'
import { nodeStreamPromises } from '../util/node-builtins.js'
import { READ_NO_FOLLOW, readOpenedText } from '../util/capped-read.js'
import { closeFd, fstat, link, lstat, mkdir, openFd, readdir, rename, rm, rmdir, unlink, writeAll, writeFile } from '../util/fs-calls.js'
import { fromPosixRelative } from '../util/paths.js'
import {
  isPullBody,
  type CopyResult,
  type PullBody,
  type PutBody,
  type PutOptions,
  type PutResult,
  type Store,
  type StoredObject,
  type StoreProbe
} from './store.js'
import { randomHex } from '../util/random.js'

/**
 * A file's version: every write lands as a new file renamed into place, so a new inode, and with it a new
 * token; a listing reports the same token (StoredObject.etag).
 */
function versionOf(info: Stats): string {
  return `${info.ino}-${Math.round(info.mtimeMs * 1000)}-${info.size}`
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/** Writes every chunk to the open file, in order. */
async function writeChunks(chunks: AsyncIterable<Buffer>, fd: number): Promise<void> {
  for await (const chunk of chunks) await writeAll(fd, chunk)
}

/** Writes a pull body to the open file through one buffer, stopping when the step is cancelled. */
async function writePulled(body: PullBody, fd: number): Promise<void> {
  const buffer = Buffer.allocUnsafe(1024 * 1024)
  for (;;) {
    throwIfCancelled()
    const read = await body.readInto(buffer)
    if (read === 0) return
    await writeAll(fd, buffer.subarray(0, read))
  }
}

/**
 * Creates `file` exclusively, making its directory first. Another run's deleteMany removes directories it
 * leaves empty; one removed while the mkdir makes the levels below it, or between the mkdir and the open, is
 * made again (the open file then keeps it).
 */
async function openInFreshDirectory(file: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      await mkdir(path.dirname(file), { recursive: true })
      return await openFd(file, 'wx')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw error
    }
  }
}

/**
 * A directory as the store: keys are relative paths under `root`. Every write goes to a temporary
 * file beside its target and is renamed into place, so a crash never leaves a half file under its final name.
 *
 * A store directory may be shared and written by others (a mounted volume). Nothing in it is trusted to
 * be what its name says: a symlink found below the root is never followed — not to read, copy, list or
 * delete — so a planted link cannot make a trusted run read a runner's files into the store or write
 * outside it; and a copy hashes the bytes it copies, so promotion compares them with the manifest.
 */
export class LocalStore implements Store {
  readonly name: string
  /** Directories below the root already seen to be real directories in this run. */
  private readonly checkedDirectories = new Set<string>()

  constructor(private readonly root: string) {
    this.name = root
  }

  private pathOf(key: string): string {
    return fromPosixRelative(this.root, key)
  }

  /**
   * The path of `key`, after checking that no directory between the root and it is a symlink (the root
   * itself may be one: that is the user's choice). Missing directories are fine: a write creates real ones.
   */
  private async safePath(key: string): Promise<string> {
    const segments = key.split('/').filter((segment) => segment !== '')
    if (
      segments.some((segment) => segment === '..' || segment === '.') ||
      key.startsWith('/') ||
      key.includes('\\') ||
      key.includes('\0')
    ) {
      throw new IntegrityError(`The key '${key}' would lead outside the local store '${this.root}': refused.`)
    }
    let current = this.root
    for (const segment of segments.slice(0, -1)) {
      current = path.join(current, segment)
      if (this.checkedDirectories.has(current)) continue
      let info
      try {
        info = await lstat(current)
      } catch (error) {
        if (isMissing(error)) break
        throw new StoreError(`Could not inspect ${current} in the local store: ${(error as Error).message}`, { cause: error })
      }
      if (info.isSymbolicLink()) throw this.symlinkError(current)
      if (!info.isDirectory()) break // a read then finds nothing; a write fails naming the file in the way
      this.checkedDirectories.add(current)
    }
    return this.pathOf(key)
  }

  /** An IntegrityError: the store's content is not what it should be, so a hit on it is a miss, a download fails. */
  private symlinkError(where: string): IntegrityError {
    return new IntegrityError(
      `${where} in the local store '${this.root}' is a symlink. The local store never follows symlinks: someone with write ` +
        `access to the store may have planted it to read or overwrite files elsewhere. Remove it (and check who can write the store).`
    )
  }

  /** Opens an object for reading without following a symlink at any level. */
  private async openForRead(key: string): Promise<{ fd: number; file: string }> {
    const file = await this.safePath(key)
    try {
      return { fd: await openFd(file, READ_NO_FOLLOW), file }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw this.symlinkError(file)
      throw error
    }
  }

  url(key: string): string {
    const href = pathToFileURL(this.pathOf(key)).href
    return key.endsWith('/') && !href.endsWith('/') ? `${href}/` : href
  }

  async readText(key: string, maxBytes: number): Promise<string | undefined> {
    return (await this.readVersioned(key, maxBytes))?.text
  }

  async readVersioned(key: string, maxBytes: number): Promise<{ text: string; etag?: string } | undefined> {
    let opened
    try {
      opened = await this.openForRead(key)
    } catch (error) {
      if (isMissing(error)) return undefined
      if (error instanceof StoreError || error instanceof IntegrityError) throw error
      throw new StoreError(`Could not read ${this.pathOf(key)} from the local store: ${(error as Error).message}`, { cause: error })
    }
    try {
      // A directory where an object would be: nothing stored under that key.
      const etag = versionOf(await fstat(opened.fd))
      const text = await readOpenedText(opened.fd, maxBytes, this.url(key))
      return text === undefined ? undefined : { text, etag }
    } finally {
      await closeFd(opened.fd)
    }
  }

  /**
   * Runs `write` on a new temporary file beside the key, then puts it in place (a symlink there is replaced, not followed): with
   * `ifNoneMatch` by a hard link, which fails when the key exists; with `ifMatch` only while the key's version
   * is that one; else by a rename. Returns the new object's version.
   */
  private async writeAtomically(
    key: string,
    write: (temp: number) => Promise<void>,
    condition: Pick<PutOptions, 'ifNoneMatch' | 'ifMatch' | 'evenIfCancelled'> = {}
  ): Promise<string> {
    if (!condition.evenIfCancelled) throwIfCancelled()
    const target = await this.safePath(key)
    const temp = `${target}.tmp-${randomHex(6)}`
    try {
      const fd = await openInFreshDirectory(temp)
      try {
        await write(fd)
      } finally {
        await closeFd(fd)
      }
      if (condition.ifNoneMatch) {
        try {
          await link(temp, target)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new PreconditionFailedError(`${this.url(key)} exists already (another run wrote it).`)
          }
          throw error
        }
        await unlink(temp)
      } else {
        if (condition.ifMatch !== undefined) {
          const current = await lstat(target).catch(() => undefined)
          if (!current || versionOf(current) !== condition.ifMatch) {
            throw new PreconditionFailedError(`${this.url(key)} is not the version expected (another run wrote it).`)
          }
        }
        await rename(temp, target)
      }
      return versionOf(await lstat(target))
    } catch (error) {
      await rm(temp, { force: true })
      if (
        error instanceof StoreError ||
        error instanceof IntegrityError ||
        error instanceof CancelledError ||
        (error as Error).name === 'AbortError'
      )
        throw error
      throw new StoreError(`Could not write ${target} in the local store '${this.root}': ${(error as Error).message}`, { cause: error })
    }
  }

  async put(key: string, body: PutBody, options?: PutOptions): Promise<PutResult> {
    const etag = await this.writeAtomically(
      key,
      (temp) =>
        Buffer.isBuffer(body)
          ? writeAll(temp, body)
          : isPullBody(body)
            ? writePulled(body, temp)
            : nodeStreamPromises().pipeline(body, (chunks: AsyncIterable<Buffer>) => writeChunks(chunks, temp), { signal: cancelSignal }),
      options
    )
    return { etag }
  }

  async get(key: string): Promise<Readable> {
    try {
      const { fd, file } = await this.openForRead(key)
      return createReadStream(file, { fd })
    } catch (error) {
      if (isMissing(error)) throw new MissingObjectError(`${this.pathOf(key)} is missing from the local store.`, { cause: error })
      if (error instanceof StoreError || error instanceof IntegrityError) throw error
      throw new StoreError(`Could not read ${this.pathOf(key)} from the local store: ${(error as Error).message}`, { cause: error })
    }
  }

  /** Copies through this process (a directory has no server), hashing the bytes so the caller can check them. */
  async copy(sourceKey: string, targetKey: string): Promise<CopyResult> {
    const tap = digestStream()
    const etag = await this.writeAtomically(targetKey, async (temp) => {
      let source: Readable
      try {
        source = await this.get(sourceKey)
      } catch (error) {
        if (error instanceof MissingObjectError) {
          throw new MissingObjectError(`Cannot copy ${this.pathOf(sourceKey)}: it is missing from the local store.`, { cause: error })
        }
        throw error
      }
      await nodeStreamPromises().pipeline(source, tap, (chunks: AsyncIterable<Buffer>) => writeChunks(chunks, temp), {
        signal: cancelSignal
      })
    })
    return { sha256: tap.digest(), etag }
  }

  async list(prefix: string, onPage?: (listed: number) => void): Promise<StoredObject[]> {
    // Walk the deepest directory the prefix names, then keep the keys that start with it. Symlinks are
    // neither files nor directories to this walk: they are skipped, never followed.
    const slash = prefix.lastIndexOf('/')
    const base = slash < 0 ? '' : prefix.slice(0, slash + 1)
    const found: StoredObject[] = []
    const walk = async (keyDir: string): Promise<void> => {
      let entries
      try {
        const directory = await this.safePath(`${keyDir}x`)
        entries = await readdir(path.dirname(directory), { withFileTypes: true })
      } catch (error) {
        if (isMissing(error)) return
        if (error instanceof StoreError || error instanceof IntegrityError) throw error
        throw new StoreError(`Could not list ${this.pathOf(keyDir)} in the local store: ${(error as Error).message}`, { cause: error })
      }
      for (const entry of entries) {
        const key = `${keyDir}${entry.name}`
        if (entry.isDirectory()) {
          if (prefix.startsWith(`${key}/`) || `${key}/`.startsWith(prefix)) await walk(`${key}/`)
        } else if (entry.isFile() && key.startsWith(prefix) && !/\.tmp-[0-9a-f]{12}$/.test(key)) {
          const info = await lstat(this.pathOf(key)).catch(() => undefined)
          if (info?.isFile()) found.push({ key, size: info.size, lastModified: info.mtime, etag: versionOf(info) })
        }
      }
    }
    await walk(base)
    onPage?.(found.length)
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  async delete(key: string): Promise<void> {
    // rm removes a symlink itself, never its target; safePath refuses a symlinked directory on the way.
    await rm(await this.safePath(key), { force: true })
  }

  async deleteMany(keys: readonly string[], onBatch?: (deleted: number) => void): Promise<void> {
    const directories = new Set<string>()
    for (const [index, key] of keys.entries()) {
      await this.delete(key)
      for (let slash = key.lastIndexOf('/'); slash > 0; slash = key.lastIndexOf('/', slash - 1)) directories.add(key.slice(0, slash))
      if ((index + 1) % 1000 === 0) onBatch?.(index + 1)
    }
    // Directories the deleted objects leave empty go too, deepest first, so the store does not fill with them.
    for (const directory of [...directories].sort((a, b) => b.length - a.length)) {
      await rmdir(this.pathOf(directory)).catch(() => undefined)
    }
    onBatch?.(keys.length)
  }

  /** A directory creates exclusively (what the local lock uses) and has no server clock or ranges to speak of. */
  async probe(scratch: string): Promise<StoreProbe> {
    const file = await this.safePath(`${scratch}probe`)
    await mkdir(path.dirname(file), { recursive: true })
    try {
      await writeFile(file, 'doctor', { flag: 'wx' })
      const second = await writeFile(file, 'doctor', { flag: 'wx' }).then(
        () => false,
        (error: NodeJS.ErrnoException) => error.code === 'EEXIST'
      )
      return { conditionalWrites: second, clockSkewSeconds: 0 }
    } finally {
      await rm(file, { force: true })
    }
  }

  close(): void {}
}
