import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { copyFile, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { pathToFileURL } from 'node:url'
import { MissingObjectError, StoreError } from '../errors.js'
import type { PutBody, PutOptions, Store } from './store.js'

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
    return path.join(this.root, ...key.split('/'))
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

  async get(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r')
      return handle.createReadStream()
    } catch (error) {
      if (isMissing(error)) throw new MissingObjectError(`${this.pathOf(key)} is missing from the local store.`, { cause: error })
      throw new StoreError(`Could not read ${this.pathOf(key)} from the local store: ${(error as Error).message}`, { cause: error })
    }
  }

  async copy(sourceKey: string, targetKey: string): Promise<void> {
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
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true })
  }

  close(): void {}
}
