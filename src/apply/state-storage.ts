import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, type PutObjectCommandInput } from '@aws-sdk/client-s3'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { READ_LIMITS } from '../constants.js'
import { OversizedError } from '../errors.js'
import path from 'node:path'
import { deriveS3Settings } from '../settings/values.js'
import type { S3StoreSettings, StoreSettings } from '../settings/types.js'
import { readCapped, readOpenedText } from '../util/capped-read.js'
import { isInside, toPosixRelative } from '../util/paths.js'
import { addErrorBodyMiddleware, checkCredentials, clientConfig, notS3Answer } from '../stores/s3.js'
import { describeS3Error, isNotFound } from '../stores/s3-errors.js'
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

const digest = (body: string): string => createHash('sha256').update(body).digest('hex')

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
      const handle = await open(this.pathOf(object), 'r')
      let body: string | undefined
      try {
        body = await readOpenedText(handle, READ_LIMITS.state, this.pathOf(object))
      } finally {
        await handle.close()
      }
      if (body === undefined) throw new Error('not a regular file')
      return { body, version: digest(body) }
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
        return digest(body)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new PreconditionFailed(`${target} already exists.`)
        throw error
      }
    }
    if (condition.ifMatch !== undefined) {
      const current = await this.get(object)
      if (current?.version !== condition.ifMatch) throw new PreconditionFailed(`${target} changed since it was read.`)
    }
    const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`
    try {
      await writeFile(temp, body)
      await rename(temp, target)
    } finally {
      await rm(temp, { force: true })
    }
    return digest(body)
  }

  async remove(object: StateObject): Promise<void> {
    await rm(this.pathOf(object), { force: true })
  }

  close(): void {}
}

/**
 * The state as an S3 object. Writes are conditional (If-Match / If-None-Match), and because some
 * S3-compatible servers ignore those headers, callers also read back what they wrote.
 */
export class S3StateStorage implements StateStorage {
  readonly description: string
  readonly location: string
  private readonly client: S3Client

  constructor(
    private readonly bucket: string,
    private readonly key: string,
    private readonly settings: S3StoreSettings
  ) {
    this.location = `s3://${bucket}/${key}`
    this.description = `${this.location}${settings.endpoint ? ` at ${settings.endpoint}` : ''}`
    this.client = new S3Client(clientConfig(settings, 2))
    addErrorBodyMiddleware(this.client)
  }

  private keyOf(object: StateObject): string {
    return object === 'state' ? this.key : `${this.key}.lock`
  }

  private fail(operation: string, object: StateObject, error: unknown): never {
    const described = describeS3Error(error, {
      operation,
      bucket: this.bucket,
      key: this.keyOf(object),
      endpoint: this.settings.endpoint,
      region: this.settings.region
    })
    throw new StateError(`State backend: ${described.message}`, { cause: error })
  }

  private checked?: Promise<void>

  async get(object: StateObject): Promise<Stored | undefined> {
    await (this.checked ??= checkCredentials(this.client, this.settings))
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(object) }))
      if (notS3Answer(response)) {
        throw new StateError(
          `State backend: ${this.settings.endpoint ?? 'the S3 endpoint'} answered GetObject on s3://${this.bucket}/${this.keyOf(object)} with a web page (HTTP 200, ${response.ContentType}): ` +
            `that is not an S3 server speaking. Check the endpoint of the state backend.`
        )
      }
      const body = (
        await readCapped(response.Body as Readable | undefined, READ_LIMITS.state, response.ContentLength, this.description)
      ).toString('utf8')
      return { body, version: response.ETag ?? digest(body) }
    } catch (error) {
      if (isNotFound(error)) return undefined
      if (error instanceof OversizedError) throw new StateError(`The state ${error.message}: it is not read.`, { cause: error })
      if (error instanceof StateError) throw error
      this.fail('GetObject', object, error)
    }
  }

  async put(object: StateObject, body: string, condition: WriteCondition): Promise<string> {
    const input: PutObjectCommandInput = {
      Bucket: this.bucket,
      Key: this.keyOf(object),
      Body: body,
      ContentType: object === 'state' ? 'application/yaml' : 'application/json'
    }
    if (condition.ifNoneMatch) input.IfNoneMatch = '*'
    if (condition.ifMatch) input.IfMatch = condition.ifMatch
    try {
      const response = await this.client.send(new PutObjectCommand(input))
      return response.ETag ?? digest(body)
    } catch (error) {
      const name = (error as { name?: string }).name
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
      if (name === 'PreconditionFailed' || status === 412 || name === 'ConditionalRequestConflict' || status === 409) {
        throw new PreconditionFailed(`s3://${this.bucket}/${this.keyOf(object)} changed since it was read.`)
      }
      this.fail('PutObject', object, error)
    }
  }

  async remove(object: StateObject): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(object) }))
    } catch (error) {
      this.fail('DeleteObject', object, error)
    }
  }

  /**
   * Creates a probe object beside the lock, then creates it again with If-None-Match: * — which a store that
   * honours conditional writes refuses (412). The probe is removed either way.
   */
  honoursConditionalWrites(): Promise<boolean> {
    const known = conditionalWriteSupport.get(this.location)
    if (known) return known
    const probe = async (): Promise<boolean> => {
      const key = `${this.key}.probe-${randomBytes(6).toString('hex')}`
      const put = (): Promise<unknown> =>
        this.client.send(
          new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: 'probe', ContentType: 'text/plain', IfNoneMatch: '*' })
        )
      try {
        await put()
        try {
          await put()
          return false
        } catch (error) {
          const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
          if (status === 412 || status === 409) return true
          throw error
        }
      } catch (error) {
        this.fail('PutObject', 'lock', error)
      } finally {
        await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(() => undefined)
      }
    }
    const answer = probe()
    conditionalWriteSupport.set(this.location, answer)
    return answer
  }

  close(): void {
    this.client.destroy()
  }
}

/** The storage the config names; S3 credentials and endpoint defaults come from the action's store inputs. */
export function stateStorageFor(config: StateBackendConfig, store: StoreSettings, repoPath?: string): StateStorage {
  if (config.kind === 'local') return new LocalStateStorage(config.file, repoPath)
  return new S3StateStorage(config.bucket, config.key, deriveS3Settings(store, config))
}
