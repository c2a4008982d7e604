import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { READ_LIMITS } from '../constants.js'
import { errorMessage, OversizedError, PreconditionFailedError } from '../errors.js'
import path from 'node:path'
import { deriveS3Settings } from '../settings/values.js'
import type { StoreSettings } from '../settings/types.js'
import { readOpenedText } from '../util/capped-read.js'
import { closeFd, openFd } from '../util/fs-calls.js'
import { sha256Hex } from '../util/digest-stream.js'
import { isInside, toPosixRelative } from '../util/paths.js'
import { randomHex } from '../util/random.js'
import { createStore } from '../stores/index.js'
import type { Store } from '../stores/store.js'
import type { StateBackendConfig } from './config.js'
import { StateError } from './errors.js'

/** The two objects apply keeps: the state and its lock (`<state key>.lock`). */
export type StateObject = 'state' | 'lock'

export interface Stored {
  readonly body: string
  /** ETag, or a content digest for local files. */
  readonly version: string
}

/** A conditional write lost: the object is not what the writer expected. */
export class PreconditionFailed extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PreconditionFailed'
  }
}

export interface WriteCondition {
  /** Write only if the object's version is this. */
  readonly ifMatch?: string
  /** Write only if the object does not exist. */
  readonly ifNoneMatch?: boolean
}

/** Where the state and lock live: a local file or an S3 object. */
export interface StateStorage {
  readonly description: string
  /**
   * What a signed state is bound to, so that one copied from elsewhere is refused: `s3://bucket/key` for the S3
   * backend, `local:<path in the repository>` for a local file.
   */
  readonly location?: string
  /** undefined only when the object truly does not exist; anything else unreadable throws. */
  get(object: StateObject): Promise<Stored | undefined>
  /** Writes whole-or-nothing; a failed condition is PreconditionFailed. Returns the new version. */
  put(object: StateObject, body: string, condition: WriteCondition): Promise<string>
  remove(object: StateObject): Promise<void>
  /**
   * Whether the store honours conditional writes (If-None-Match), found out once per run by a probe; a store
   * that ignores them makes the lock best effort. Undefined where locking needs no such support (a local file).
   */
  honoursConditionalWrites?(): Promise<boolean>
  close(): void
}

/** What each state location's store answered to the probe, for the rest of the run. */
const conditionalWriteSupport = new Map<string, Promise<boolean>>()

/** A state file on disk: temp file + rename; the lock is an exclusive create. */
export class LocalStateStorage implements StateStorage {
  readonly description: string
  /**
   * `local:<path>`: the file's path relative to the repository (absolute when outside it), so a signed state
   * copied to another path, or from another config's state, is refused, as an S3 state copied to another key is.
   */
  readonly location: string

  constructor(
    private readonly file: string,
    repoPath?: string
  ) {
    this.description = `local file ${file}`
    this.location = `local:${repoPath && isInside(repoPath, file) ? toPosixRelative(repoPath, file) : file}`
  }

  private pathOf(object: StateObject): string {
    return object === 'state' ? this.file : `${this.file}.lock`
  }

  async get(object: StateObject): Promise<Stored | undefined> {
    try {
      const fd = await openFd(this.pathOf(object), 'r')
      let body: string | undefined
      try {
        body = await readOpenedText(fd, READ_LIMITS.state, this.pathOf(object))
      } finally {
        await closeFd(fd)
      }
      if (body === undefined) throw new Error('not a regular file')
      return { body, version: sha256Hex(body) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      if (error instanceof OversizedError) throw new StateError(`The state ${error.message}: it is not read.`, { cause: error })
      throw new StateError(`Cannot read ${this.pathOf(object)}: ${(error as Error).message}`, { cause: error })
    }
  }

  async put(object: StateObject, body: string, condition: WriteCondition): Promise<string> {
    const target = this.pathOf(object)
    await mkdir(path.dirname(target), { recursive: true })
    if (condition.ifNoneMatch) {
      try {
        await writeFile(target, body, { flag: 'wx' })
        return sha256Hex(body)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new PreconditionFailed(`${target} already exists.`)
        throw error
      }
    }
    if (condition.ifMatch !== undefined) {
      const current = await this.get(object)
      if (current?.version !== condition.ifMatch) throw new PreconditionFailed(`${target} changed since it was read.`)
    }
    const temp = `${target}.tmp-${randomHex(6)}`
    try {
      await writeFile(temp, body)
      await rename(temp, target)
    } finally {
      await rm(temp, { force: true })
    }
    return sha256Hex(body)
  }

  async remove(object: StateObject): Promise<void> {
    await rm(this.pathOf(object), { force: true })
  }

  close(): void {}
}

/**
 * The state as an object in a store (S3, GCS, any S3-compatible server), through the same Store the asset sets
 * use: one client, one credential check, one "not an S3 server" check, one conditional-write probe. Writes are
 * conditional (If-Match / If-None-Match), and because some S3-compatible servers ignore those headers,
 * callers also read back what they wrote. The store is made uncancellable: a cancelled apply still saves
 * the state of every tool that completed and releases its lock.
 */
export class StoreStateStorage implements StateStorage {
  constructor(
    private readonly store: Store,
    private readonly key: string,
    readonly location: string,
    readonly description: string
  ) {}

  private keyOf(object: StateObject): string {
    return object === 'state' ? this.key : `${this.key}.lock`
  }

  private fail(error: unknown): never {
    if (error instanceof OversizedError) throw new StateError(`The state ${error.message}: it is not read.`, { cause: error })
    throw new StateError(`State backend: ${errorMessage(error)}`, { cause: error })
  }

  async get(object: StateObject): Promise<Stored | undefined> {
    try {
      const read = await this.store.readVersioned(this.keyOf(object), READ_LIMITS.state)
      return read && { body: read.text, version: read.etag ?? sha256Hex(read.text) }
    } catch (error) {
      this.fail(error)
    }
  }

  async put(object: StateObject, body: string, condition: WriteCondition): Promise<string> {
    const bytes = Buffer.from(body, 'utf8')
    try {
      const written = await this.store.put(this.keyOf(object), bytes, {
        size: bytes.length,
        contentType: object === 'state' ? 'application/yaml' : 'application/json',
        ...(condition.ifNoneMatch ? { ifNoneMatch: true } : {}),
        ...(condition.ifMatch ? { ifMatch: condition.ifMatch } : {}),
        evenIfCancelled: true
      })
      return written.etag ?? sha256Hex(body)
    } catch (error) {
      if (error instanceof PreconditionFailedError)
        throw new PreconditionFailed(`${this.store.url(this.keyOf(object))} changed since it was read.`)
      this.fail(error)
    }
  }

  async remove(object: StateObject): Promise<void> {
    try {
      await this.store.delete(this.keyOf(object))
    } catch (error) {
      this.fail(error)
    }
  }

  /** The store's own probe (the one doctor runs), on a scratch key beside the lock; its answer is kept for the run. */
  honoursConditionalWrites(): Promise<boolean> {
    const known = conditionalWriteSupport.get(this.location)
    if (known) return known
    const answer = (async () => {
      try {
        return (await this.store.probe?.(`${this.key}.probe-${randomHex(6)}/`))?.conditionalWrites === true
      } catch (error) {
        this.fail(error)
      }
    })()
    conditionalWriteSupport.set(this.location, answer)
    return answer
  }

  close(): void {
    this.store.close()
  }
}

/** The storage the config names; S3 credentials and endpoint defaults come from the action's store inputs. */
export async function stateStorageFor(config: StateBackendConfig, store: StoreSettings, repoPath?: string): Promise<StateStorage> {
  if (config.kind === 'local') return new LocalStateStorage(config.file, repoPath)
  const settings = deriveS3Settings(store, config)
  const location = `s3://${config.bucket}/${config.key}`
  const description = `${location}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`
  try {
    return new StoreStateStorage(await createStore(settings, 2, { cancellable: false }), config.key, location, description)
  } catch (error) {
    throw new StateError(`State backend: ${errorMessage(error)}`, { cause: error })
  }
}
