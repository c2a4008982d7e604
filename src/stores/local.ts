import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { copyFile, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { pathToFileURL } from 'node:url'
import { MissingObjectError, StoreError } from '../errors.js'
import { fromPosixRelative } from '../paths.js'
import type { ByteRange, CopyResult, PutBody, PutOptions, Store, StoredObject } from './store.js'

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/**
 * A directory as the store: keys are relative paths under `root`. Every write goes to a temporary
 * file beside its target and is renamed into place, so a crash never leaves a half file under its final name.
 */
export class LocalStore implements Store {
  readonly name: string

  constructor(private readonly root: string) {
    this.name = root
  }

  private pathOf(key: string): string {
    return fromPosixRelative(this.root, key)
  }

  url(key: string): string {
    const href = pathToFileURL(this.pathOf(key)).href
    return key.endsWith('/') && !href.endsWith('/') ? `${href}/` : href
  }

  async readText(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.pathOf(key), 'utf8')
    } catch (error) {
      if (isMissing(error)) return undefined
      throw new StoreError(`Could not read ${this.pathOf(key)} from the local store: ${(error as Error).message}`, { cause: error })
    }
  }

  /** Runs `write(tempPath)` then renames the temp file onto the key's path. */
  private async writeAtomically(key: string, write: (tempPath: string) => Promise<void>): Promise<void> {
    const target = this.pathOf(key)
    const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`
    try {
      await mkdir(path.dirname(target), { recursive: true })
      await write(temp)
      await rename(temp, target)
    } catch (error) {
      await rm(temp, { force: true })
      if (error instanceof StoreError) throw error
      throw new StoreError(`Could not write ${target} in the local store '${this.root}': ${(error as Error).message}`, { cause: error })
    }
  }

  async put(key: string, body: PutBody, _options?: PutOptions): Promise<void> {
    await this.writeAtomically(key, (temp) => (Buffer.isBuffer(body) ? writeFile(temp, body) : pipeline(body, createWriteStream(temp))))
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r')
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {})
    } catch (error) {
      if (isMissing(error)) throw new MissingObjectError(`${this.pathOf(key)} is missing from the local store.`, { cause: error })
      throw new StoreError(`Could not read ${this.pathOf(key)} from the local store: ${(error as Error).message}`, { cause: error })
    }
  }

  async copy(sourceKey: string, targetKey: string): Promise<CopyResult> {
    await this.writeAtomically(targetKey, async (temp) => {
      try {
        await copyFile(this.pathOf(sourceKey), temp)
      } catch (error) {
        if (isMissing(error)) {
          throw new MissingObjectError(`Cannot copy ${this.pathOf(sourceKey)}: it is missing from the local store.`, { cause: error })
        }
        throw error
      }
    })
    return {}
  }

  async list(prefix: string, onPage?: (listed: number) => void): Promise<StoredObject[]> {
    // Walk the deepest directory the prefix names, then keep the keys that start with it.
    const slash = prefix.lastIndexOf('/')
    const base = slash < 0 ? '' : prefix.slice(0, slash + 1)
    const found: StoredObject[] = []
    const walk = async (keyDir: string): Promise<void> => {
      let entries
      try {
        entries = await readdir(this.pathOf(keyDir || '.'), { withFileTypes: true })
      } catch (error) {
        if (isMissing(error)) return
        throw new StoreError(`Could not list ${this.pathOf(keyDir)} in the local store: ${(error as Error).message}`, { cause: error })
      }
      for (const entry of entries) {
        const key = `${keyDir}${entry.name}`
        if (entry.isDirectory()) {
          if (prefix.startsWith(`${key}/`) || `${key}/`.startsWith(prefix)) await walk(`${key}/`)
        } else if (entry.isFile() && key.startsWith(prefix) && !/\.tmp-[0-9a-f]{12}$/.test(key)) {
          const info = await stat(this.pathOf(key)).catch(() => undefined)
          if (info) found.push({ key, size: info.size, lastModified: info.mtime })
        }
      }
    }
    await walk(base)
    onPage?.(found.length)
    return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
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

  close(): void {}
}
