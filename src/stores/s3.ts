import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  AbortMultipartUploadCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type PutObjectCommandInput,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
  type S3ClientConfig
} from '@aws-sdk/client-s3'
import pLimit from 'p-limit'
import type { AwsCredentialIdentityProvider } from '@smithy/types'
import { setMaxListeners } from 'node:events'
import { Readable } from 'node:stream'
import type { S3StoreSettings } from '../settings/types.js'
import { firstBytes, readCapped } from '../util/capped-read.js'
import { describeS3Error, isNotFound, speaksS3, whatCameBack } from './s3-errors.js'
import { multipartPartSize, PartSender } from './multipart.js'
import { IntegrityError, MissingObjectError, OversizedError, PreconditionFailedError, RangeIgnoredError, StoreError } from '../errors.js'
import { CancelledError, cancelledBy, cancelSignal, throwIfCancelled } from '../util/cancellation.js'
import { writeStderr } from '../util/stdio.js'
import {
  isPullBody,
  type CopyMetadata,
  type CopyResult,
  type PullBody,
  type PutBody,
  type PutOptions,
  type PutResult,
  type Store,
  type StoredObject,
  type StoreProbe
} from './store.js'

/** Objects above this are copied part by part: CopyObject's limit is 5 GiB. */
export const MAX_SINGLE_COPY = 5 * 1024 ** 3
const COPY_PART_SIZE = 512 * 1024 ** 2
const UPLOAD_QUEUE = 4
/** DeleteObjects takes at most this many keys a request. */
const DELETE_BATCH = 1000
/** Single deletes in flight where there is no batch delete (GCS's XML API has none). */
const DELETES_IN_FLIGHT = 16
/** Reads of a small object's body before giving up (each after a fresh request). */
const BODY_ATTEMPTS = 3

/** The byte ranges of a multipart copy, as UploadPartCopy's CopySourceRange takes them. */
export function copyRanges(size: number, partSize = COPY_PART_SIZE): { partNumber: number; range: string }[] {
  const ranges = []
  for (let start = 0, partNumber = 1; start < size; start += partSize, partNumber++) {
    ranges.push({ partNumber, range: `bytes=${start}-${Math.min(start + partSize, size) - 1}` })
  }
  return ranges
}

/** A base64 SHA-256 as S3 reports it, in hex; undefined when absent or a multipart composite (`…-N`). */
export function fullObjectSha256(reported: string | undefined): string | undefined {
  if (!reported || reported.includes('-')) return undefined
  const bytes = Buffer.from(reported, 'base64')
  return bytes.length === 32 ? bytes.toString('hex') : undefined
}

/** An ETag as S3 sends it, without its quotes. */
export function plainEtag(etag: string | undefined): string | undefined {
  return etag ? etag.replace(/^W\//, '').replace(/^"|"$/g, '') : undefined
}

/** A conditional write the store refused: 412 Precondition Failed, or 409 when another conditional write was under way. */
export function lostCondition(error: unknown): boolean {
  const shape = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  const status = shape.$metadata?.httpStatusCode
  return shape.name === 'PreconditionFailed' || shape.name === 'ConditionalRequestConflict' || status === 412 || status === 409
}

/**
 * What a request a cancel must not stop is sent with (cleanup: aborting a multipart upload, releasing a claim;
 * and the rarer requests that were never cut short): a signal of its own that never aborts. Every other request
 * of a cancellable store takes the step's cancel signal from abortOnCancel.
 */
const STEADY = (() => {
  const signal = new AbortController().signal
  setMaxListeners(0, signal)
  return { abortSignal: signal }
})()

/**
 * Makes every request of `client` sent without an abortSignal of its own stop when the step is cancelled: given to
 * the request handler (and to the retry loop, whose back-off waits on it) rather than to each send(). A send()
 * with options resolves its middleware stack again, which cacheMiddleware otherwise does once per command class:
 * passing the signal with each send() kept the cache from ever working (8% of a 1,001-object restore).
 */
function abortOnCancel(client: S3Client): void {
  const handler = client.config.requestHandler as { handle(request: unknown, options?: { abortSignal?: unknown }): Promise<unknown> }
  const handle = handler.handle.bind(handler)
  handler.handle = (request, options) => handle(request, options?.abortSignal ? options : { ...options, abortSignal: cancelSignal })
  client.middlewareStack.add(
    (next, context) => (args) => {
      const smithy = (context as { __smithy_context?: { abortSignal?: unknown } }).__smithy_context
      if (smithy && !smithy.abortSignal) smithy.abortSignal = cancelSignal
      return next(args)
    },
    { step: 'initialize', name: 'abortOnCancel' }
  )
}

/** An error that says the store does not take a checksum request (not one about the copy itself). */
function refusesChecksumRequest(error: unknown): boolean {
  const shape = error as { name?: string; $metadata?: { httpStatusCode?: number } }
  const status = shape.$metadata?.httpStatusCode
  return (
    (status === 400 || status === 501) &&
    ['InvalidArgument', 'InvalidRequest', 'NotImplemented', 'UnsupportedHeader'].includes(shape.name ?? '')
  )
}

/** CopySource is `bucket/key`, URL-encoded per segment. */
export function copySource(bucket: string, key: string): string {
  return `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
}

/**
 * Digests of bodies we hashed already, keyed by the body itself (the SDK copies command inputs). A build-step middleware
 * hands them to SigV4 as x-amz-content-sha256, which it then uses instead of hashing the body again.
 */
const knownDigests = new WeakMap<object, string>()

/**
 * Keeps the first bytes of an error answer that is not S3's (a web page, a proxy's error), so the message can
 * say what came back: the SDK parses error bodies and keeps nothing of one it cannot read. Runs inside the
 * deserializer (low priority in its step), on the raw response.
 */
export function addErrorBodyMiddleware(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args)
      const response = result.response as { statusCode?: number; headers?: Record<string, string>; body?: unknown; firstBytes?: Buffer }
      // An error answer, or a web page where S3 answers with XML (a listing, a copy): never an object's own body.
      const page =
        (response.statusCode ?? 200) >= 300 ||
        (context.commandName !== 'GetObjectCommand' && /^text\/(html|plain)/i.test(response.headers?.['content-type'] ?? ''))
      if (page && !speaksS3(response.headers) && response.body instanceof Readable) {
        const bytes = await firstBytes(response.body, 4096)
        response.firstBytes = bytes.subarray(0, 200)
        response.body = Readable.from([bytes])
      }
      return result
    },
    { step: 'deserialize', priority: 'low', name: 'keepNonS3ErrorBody' }
  )
}

/**
 * A 200 that is not S3 speaking: a web page where an object was asked for (an endpoint pointing at a web
 * server answers every path). It must not be read as a manifest ("not valid JSON, delete it") or a state.
 */
export function notS3Answer(response: { ContentType?: string; $metadata: { requestId?: string; extendedRequestId?: string } }): boolean {
  return /^text\/html/i.test(response.ContentType ?? '') && !response.$metadata.requestId && !response.$metadata.extendedRequestId
}

function addKnownDigestMiddleware(client: S3Client): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const body = (args.input as { Body?: unknown }).Body
      const digest = typeof body === 'object' && body !== null ? knownDigests.get(body) : undefined
      const request = args.request as { headers?: Record<string, string> }
      if (digest && request.headers) request.headers['x-amz-content-sha256'] = digest
      return next(args)
    },
    { step: 'build', name: 'knownPayloadDigest' }
  )
}

/** The original tool's sessions last 20 minutes; the client asks for new ones before they expire. */
const ROLE_SESSION_SECONDS = 20 * 60

/**
 * Credentials of `settings.role`, assumed through STS with the configured keys, profile or default chain.
 * The SDK's own provider, loaded on first use; the client calls it again shortly before expiry, so a long
 * upload never runs on expired keys. STS is reached at its usual endpoint, or AWS_ENDPOINT_URL_STS.
 */
function assumedRole(settings: S3StoreSettings, role: NonNullable<S3StoreSettings['role']>): AwsCredentialIdentityProvider {
  let provider: Promise<AwsCredentialIdentityProvider> | undefined
  return async () => {
    provider ??= import('@aws-sdk/credential-providers').then(({ fromIni, fromTemporaryCredentials }) =>
      fromTemporaryCredentials({
        params: { RoleArn: role.arn, RoleSessionName: role.sessionName, DurationSeconds: ROLE_SESSION_SECONDS },
        masterCredentials: settings.credentials ?? (settings.profile ? fromIni({ profile: settings.profile }) : undefined),
        clientConfig: { region: settings.region === 'auto' ? 'us-east-1' : settings.region }
      })
    )
    return (await provider)()
  }
}

let nodeNoted = false

/**
 * On Node.js < 22 the SDK prints a nine-line notice on every run that it will stop supporting it: one line of
 * ours instead, once (the action runs on node24 on GitHub; only the bundle run by hand on Node 20 sees it).
 */
function noteOldNode(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const major = Number(process.versions.node.split('.')[0])
  if (nodeNoted || major >= 22) return
  nodeNoted = true
  writeStderr(
    `note: Node.js ${process.versions.node}: AWS SDK releases after January 2027 need Node.js 22 or later (the action itself runs on node24).\n`
  )
}

export function clientConfig(settings: S3StoreSettings, concurrency: number): S3ClientConfig {
  noteOldNode()
  // Non-AWS endpoints (GCS, MinIO, R2, s3rver) reject or mangle the SDK's default flexible checksums
  // (CRC32 headers, aws-chunked bodies with trailers): send them only when an operation requires one.
  const checksums = settings.flavor === 'aws' ? 'WHEN_SUPPORTED' : 'WHEN_REQUIRED'
  return {
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.role ? assumedRole(settings, settings.role) : settings.credentials,
    profile: settings.role ? undefined : settings.profile,
    requestChecksumCalculation: checksums,
    responseChecksumValidation: checksums,
    maxAttempts: 5,
    // Resolve the middleware stack once per command class instead of on every one of thousands of requests.
    cacheMiddleware: true,
    requestHandler: {
      connectionTimeout: settings.connectTimeoutMs,
      requestTimeout: settings.requestTimeoutMs,
      httpAgent: { keepAlive: true, maxSockets: concurrency * UPLOAD_QUEUE },
      httpsAgent: { keepAlive: true, maxSockets: concurrency * UPLOAD_QUEUE }
    }
  }
}

/**
 * Resolves credentials before the first request, so "none found" is said as such (and early) rather than
 * as a failed request. Order: explicit keys, then `profile`, then the SDK's default chain (environment,
 * web identity / OIDC as configure-aws-credentials sets it up, shared files, container and instance roles).
 */
export async function checkCredentials(client: S3Client, settings: S3StoreSettings): Promise<void> {
  try {
    await client.config.credentials()
  } catch (error) {
    if (settings.role) throw roleError(settings, settings.role, error)
    const source = settings.profile ? `the profile '${settings.profile}'` : 'the AWS default credential chain'
    throw new StoreError(
      `No credentials for ${settings.endpoint ?? 'AWS'} were found in ${source} (${(error as Error).message}). ` +
        `Set 'access-key-id' and 'secret-access-key', a 'profile', or run aws-actions/configure-aws-credentials before this step; see "Credentials" in the README.`,
      { cause: error, problem: 'credentials' }
    )
  }
}

/** Why assuming the role failed, in words: STS unreachable, STS refusing, or no credentials to ask it with. */
function roleError(settings: S3StoreSettings, role: NonNullable<S3StoreSettings['role']>, error: unknown): StoreError {
  const shape = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } }
  const sts = process.env.AWS_ENDPOINT_URL_STS || `the STS endpoint of ${settings.region === 'auto' ? 'us-east-1' : settings.region}`
  const code = shape.code ?? /\b(E[A-Z]{4,})\b/.exec(shape.message ?? '')?.[1]
  if (code || shape.name === 'TimeoutError') {
    return new StoreError(
      `Could not reach ${sts} to assume the role ${role.arn}: ${code ?? shape.name} (${shape.message}). ` +
        `Check the network and AWS_ENDPOINT_URL_STS; the keys were not the problem.`,
      { cause: error }
    )
  }
  if (shape.$metadata?.httpStatusCode) {
    return new StoreError(
      `${sts} refused to let these credentials assume the role ${role.arn}: ${shape.name} (${shape.message}). ` +
        `The role's trust policy must allow them (sts:AssumeRole), and the keys must be valid.`,
      { cause: error }
    )
  }
  const source = settings.credentials
    ? 'the keys given'
    : settings.profile
      ? `the profile '${settings.profile}'`
      : 'the AWS default credential chain'
  return new StoreError(`Could not assume the role ${role.arn} with ${source}: ${shape.message}. See "Credentials" in the README.`, {
    cause: error
  })
}

export class S3Store implements Store {
  readonly name: string
  private readonly client: S3Client
  private readonly bucket: string

  /** `cancellable: false`: this store's work must finish (apply's state), so no request of it takes the cancel signal. */
  constructor(
    private readonly settings: S3StoreSettings,
    concurrency: number,
    options: { cancellable?: boolean } = {}
  ) {
    this.bucket = settings.bucket
    this.name = settings.endpoint ? `s3://${settings.bucket} at ${settings.endpoint}` : `s3://${settings.bucket}`
    this.client = new S3Client(clientConfig(settings, concurrency))
    // The SDK's logger step filters every request's input and answer for a log line its default logger drops (~0.1
    // ms a request); we give it no logger, so the step goes.
    this.client.middlewareStack.remove('loggerMiddleware')
    addKnownDigestMiddleware(this.client)
    addErrorBodyMiddleware(this.client)
    if (options.cancellable !== false) abortOnCancel(this.client)
  }

  url(key: string): string {
    return `${this.settings.flavor === 'gcs' ? 'gs' : 's3'}://${this.bucket}/${key}`
  }

  checkCredentials(): Promise<void> {
    return checkCredentials(this.client, this.settings)
  }

  /**
   * One GetObject, whole or of `range`. A range that starts past the object's end (416) is an IntegrityError: the
   * object is shorter than the manifest that asked for it says, so the set does not match it.
   */
  private async getObject(key: string, range?: string): Promise<GetObjectCommandOutput> {
    try {
      return await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(range ? { Range: range } : {}) }))
    } catch (error) {
      if (isNotFound(error)) throw new MissingObjectError(`${this.url(key)} is missing from the store.`, { cause: error })
      if (range && (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416)
        throw new IntegrityError(`${this.url(key)} is shorter than its manifest says: it has no ${range.replace('=', ' ')}.`)
      this.fail('GetObject', key, error)
    }
  }

  private fail(operation: string, key: string, error: unknown): never {
    throw describeS3Error(error, { operation, bucket: this.bucket, key, endpoint: this.settings.endpoint, region: this.settings.region })
  }

  async readText(key: string, maxBytes: number): Promise<string | undefined> {
    return (await this.readVersioned(key, maxBytes))?.text
  }

  async readVersioned(key: string, maxBytes: number): Promise<{ text: string; etag?: string } | undefined> {
    // The SDK retries a request until its headers arrive; a body cut short after that (a reset, a proxy
    // timeout) is retried here, so a manifest read never fails on one dropped connection.
    for (let attempt = 1; ; attempt++) {
      let response
      try {
        response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))
      } catch (error) {
        if (isNotFound(error)) return undefined
        this.fail('GetObject', key, error)
      }
      if (notS3Answer(response)) {
        const start = await firstBytes(response.Body as Readable | undefined, 200)
        throw new StoreError(
          `${this.settings.endpoint ?? 'The S3 endpoint'} answered GetObject on ${this.url(key)} with ${whatCameBack(200, { 'content-type': response.ContentType }, start)}: ` +
            `that is not an S3 server speaking (no S3 request id). Check the 'endpoint' input: it must be the S3 API's URL, not a web page.`,
          { problem: 'endpoint' }
        )
      }
      try {
        const bytes = await readCapped(response.Body as Readable | undefined, maxBytes, response.ContentLength, this.url(key))
        return { text: bytes.toString('utf8'), etag: plainEtag(response.ETag) }
      } catch (error) {
        if (error instanceof OversizedError) throw error
        if (attempt >= BODY_ATTEMPTS) this.fail('GetObject', key, error)
      }
    }
  }

  async get(key: string): Promise<Readable> {
    return (await this.getObject(key)).Body as Readable
  }

  async getRange(key: string, offset: number, length: number): Promise<Readable> {
    const last = offset + length - 1
    const response = await this.getObject(key, `bytes=${offset}-${last}`)
    const body = response.Body as Readable
    if (!response.ContentRange?.startsWith(`bytes ${offset}-${last}/`) || response.ContentLength !== length) {
      body.destroy()
      throw new RangeIgnoredError(
        `${this.url(key)} was asked for bytes ${offset}-${last} and answered with ${response.ContentRange ? `'${response.ContentRange}'` : 'the whole object'}.`
      )
    }
    return body
  }

  async put(key: string, body: PutBody, options: PutOptions): Promise<PutResult> {
    if (!options.evenIfCancelled) throwIfCancelled()
    try {
      if (Buffer.isBuffer(body)) {
        const input: PutObjectCommandInput = {
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentLength: options.size,
          ContentType: options.contentType,
          Metadata: options.metadata,
          ...(options.ifNoneMatch ? { IfNoneMatch: '*' } : {}),
          ...(options.ifMatch ? { IfMatch: `"${options.ifMatch}"` } : {})
        }
        if (options.sha256) {
          knownDigests.set(body, options.sha256)
          // AWS verifies this checksum on arrival; other S3-compatible servers may reject the header.
          if (this.settings.flavor === 'aws') input.ChecksumSHA256 = Buffer.from(options.sha256, 'hex').toString('base64')
        }
        const response = await this.client.send(new PutObjectCommand(input), options.evenIfCancelled ? STEADY : undefined)
        return { etag: plainEtag(response.ETag) }
      }
      if (options.ifNoneMatch || options.ifMatch) throw new StoreError(`A conditional write of ${this.url(key)} needs its bytes in memory.`)
      return await this.putStream(key, body, options)
    } catch (error) {
      if (lostCondition(error)) {
        throw new PreconditionFailedError(
          `${this.url(key)} ${options.ifNoneMatch ? 'exists already' : 'is not the version expected'} (another run wrote it).`,
          { cause: error }
        )
      }
      if (error instanceof StoreError || error instanceof CancelledError) throw error
      this.fail('PutObject', key, error)
    }
  }

  /**
   * A stream or pull body goes up as a multipart upload, part by part, so a large file never sits whole in memory;
   * UPLOAD_QUEUE parts in flight. Each part is copied from the stream, or read from the pull body, into one of a few
   * buffers that are used again once their part is sent. lib-storage's Upload gathered every part into a fresh
   * buffer (Buffer.concat in its getChunkStream): a third of an upload's page faults, which are dear on a VM. On
   * failure or cancel the multipart upload is aborted before the step exits.
   */
  private async putStream(key: string, body: Readable | PullBody, options: PutOptions): Promise<PutResult> {
    // Where the SDK adds CRC32 checksums to what it sends (AWS), the upload is opened for them and completed with
    // each part's, as lib-storage did: S3 refuses part checksums of an upload opened without an algorithm.
    const crc32 = (await this.client.config.requestChecksumCalculation()) === 'WHEN_SUPPORTED'
    // Opened when the first part is full, not cut short by a cancel: an upload the server opened is always known,
    // so it can be aborted. A stream shorter than one part goes up as one PutObject instead.
    let opened: Promise<string> | undefined
    const uploadId = (): Promise<string> =>
      (opened ??= this.client
        .send(
          new CreateMultipartUploadCommand({
            Bucket: this.bucket,
            Key: key,
            ContentType: options.contentType,
            Metadata: options.metadata,
            ...(crc32 ? { ChecksumAlgorithm: 'CRC32' } : {})
          }),
          STEADY
        )
        .then(({ UploadId }) => {
          if (!UploadId) throw new StoreError(`${this.url(key)}: CreateMultipartUpload answered without an upload id.`)
          return UploadId
        }))
    const steady = options.evenIfCancelled ? STEADY : undefined
    const parts = new PartSender(multipartPartSize(options.size), UPLOAD_QUEUE, async (buffer, PartNumber) => {
      // Checked before the upload is opened (a step cancelled while reading its first part opens none) and again after.
      if (!steady) throwIfCancelled()
      const UploadId = await uploadId()
      if (!steady) throwIfCancelled()
      const answer = await this.client.send(
        new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId, PartNumber, Body: buffer, ContentLength: buffer.length }),
        steady
      )
      if (!answer.ETag) throw new StoreError(`${this.url(key)}: UploadPart ${PartNumber} answered without an ETag.`)
      return { PartNumber, ETag: answer.ETag, ...(answer.ChecksumCRC32 ? { ChecksumCRC32: answer.ChecksumCRC32 } : {}) }
    })
    const started = Date.now()
    try {
      const sent = await parts.send(body)
      if ('whole' in sent) return await this.put(key, sent.whole, { ...options, size: sent.whole.length })
      const UploadId = await uploadId()
      const completed = await this.client
        .send(
          new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId, MultipartUpload: { Parts: sent.parts } }),
          steady
        )
        .catch(async (error: unknown) => {
          // A CompleteMultipartUpload whose answer was lost is retried by the SDK, and the retry finds no upload
          // (NoSuchUpload, or a server's internal error): the object is there all the same, whole, written now.
          const written = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }), STEADY).catch(() => undefined)
          if (written?.ContentLength === options.size && (written.LastModified?.getTime() ?? 0) >= started - 2000) return written
          throw error
        })
      return { etag: plainEtag(completed.ETag) }
    } catch (error) {
      if (!isPullBody(body)) body.destroy()
      const UploadId = await opened?.catch(() => undefined)
      if (UploadId) {
        await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId }), STEADY).catch(() => undefined)
      }
      if (cancelSignal.aborted && !steady) throw new CancelledError(cancelledBy()!)
      throw error
    }
  }

  /** Set when the store refused CopyObject's checksum request: copies are then asked for without it. */
  private copyChecksumsRefused = false

  /**
   * Server-side copy. Every store is asked to compute the copy's SHA-256 (x-amz-checksum-algorithm): AWS,
   * MinIO, moto and others answer with it, and promotion checks it against the manifest; a store that
   * rejects the request is asked without it from then on (its copies are verified by reading them back).
   */
  async copy(sourceKey: string, targetKey: string, size: number, replace?: CopyMetadata): Promise<CopyResult> {
    throwIfCancelled()
    try {
      if (size > MAX_SINGLE_COPY) return { etag: await this.copyInParts(sourceKey, targetKey, size, replace) }
      const send = (withChecksum: boolean) =>
        this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: targetKey,
            CopySource: copySource(this.bucket, sourceKey),
            ...(replace
              ? { MetadataDirective: 'REPLACE' as const, ContentType: replace.contentType, Metadata: { ...replace.metadata } }
              : { MetadataDirective: 'COPY' as const }),
            ...(withChecksum ? { ChecksumAlgorithm: 'SHA256' as const } : {})
          })
        )
      let response
      try {
        response = await send(!this.copyChecksumsRefused)
      } catch (error) {
        if (this.copyChecksumsRefused || !refusesChecksumRequest(error)) throw error
        this.copyChecksumsRefused = true
        response = await send(false)
      }
      return { sha256: fullObjectSha256(response.CopyObjectResult?.ChecksumSHA256), etag: plainEtag(response.CopyObjectResult?.ETag) }
    } catch (error) {
      if (isNotFound(error)) {
        throw new MissingObjectError(`Cannot copy ${this.url(sourceKey)}: the object is missing.`, { cause: error })
      }
      this.fail('CopyObject', targetKey, error)
    }
  }

  /** Multipart copy for objects over 5 GiB: ranges of COPY_PART_SIZE, aborted on failure. */
  private async copyInParts(sourceKey: string, targetKey: string, size: number, replace?: CopyMetadata): Promise<string | undefined> {
    // Unlike CopyObject, a multipart copy starts a new object: its metadata and type are carried over by hand.
    const source = replace
      ? { Metadata: replace.metadata && { ...replace.metadata }, ContentType: replace.contentType }
      : await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: sourceKey }), STEADY)
    const created = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: targetKey, Metadata: source.Metadata, ContentType: source.ContentType }),
      STEADY
    )
    const uploadId = created.UploadId
    if (!uploadId) throw new StoreError(`CreateMultipartUpload for ${this.url(targetKey)} returned no upload id.`)
    try {
      const parts: { ETag?: string; PartNumber: number }[] = []
      for (const { partNumber, range } of copyRanges(size)) {
        throwIfCancelled()
        const part = await this.client.send(
          new UploadPartCopyCommand({
            Bucket: this.bucket,
            Key: targetKey,
            UploadId: uploadId,
            PartNumber: partNumber,
            CopySource: copySource(this.bucket, sourceKey),
            CopySourceRange: range
          }),
          STEADY
        )
        parts.push({ ETag: part.CopyPartResult?.ETag, PartNumber: partNumber })
      }
      const completed = await this.client.send(
        new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: targetKey, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
        STEADY
      )
      return plainEtag(completed.ETag)
    } catch (error) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: targetKey, UploadId: uploadId }), STEADY)
        .catch(() => undefined)
      throw error
    }
  }

  async list(prefix: string, onPage?: (listed: number) => void): Promise<StoredObject[]> {
    const found: StoredObject[] = []
    let token: string | undefined
    try {
      do {
        const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }))
        for (const object of page.Contents ?? []) {
          if (!object.Key) continue
          const etag = plainEtag(object.ETag)
          found.push({
            key: object.Key,
            size: object.Size ?? 0,
            lastModified: object.LastModified ?? new Date(0),
            ...(etag ? { etag } : {})
          })
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined
        onPage?.(found.length)
      } while (token)
    } catch (error) {
      this.fail('ListObjectsV2', prefix, error)
    }
    return found
  }

  async delete(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), STEADY)
    } catch (error) {
      this.fail('DeleteObject', key, error)
    }
  }

  async deleteMany(keys: readonly string[], onBatch?: (deleted: number) => void): Promise<void> {
    if (this.settings.flavor === 'gcs') {
      // Google's S3 interop has no multi-object delete: one request per object, several at once.
      const limit = pLimit(DELETES_IN_FLIGHT)
      let deleted = 0
      await Promise.all(
        keys.map((key) =>
          limit(async () => {
            await this.delete(key)
            if (++deleted % DELETE_BATCH === 0 || deleted === keys.length) onBatch?.(deleted)
          })
        )
      )
      return
    }
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH)
      let errors
      try {
        const result = await this.client.send(
          new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
          STEADY
        )
        errors = result.Errors ?? []
      } catch (error) {
        this.fail('DeleteObjects', batch[0]!, error)
      }
      if (errors.length > 0) {
        const first = errors[0]!
        throw new StoreError(
          `DeleteObjects could not delete ${errors.length} of ${batch.length} object(s) in ${this.name}, first ${this.url(first.Key ?? '')}: ` +
            `${first.Code ?? 'error'} ${first.Message ?? ''}`.trim() +
            (first.Code === 'AccessDenied' ? '. Deleting needs s3:DeleteObject on the prefix (see the README, "IAM policy").' : '.')
        )
      }
      onBatch?.(start + batch.length)
    }
  }

  async probe(scratch: string): Promise<StoreProbe> {
    const key = `${scratch}probe`
    const create = (): Promise<unknown> =>
      this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: 'doctor', ContentType: 'text/plain', IfNoneMatch: '*' }),
        STEADY
      )
    const found: { -readonly [K in keyof StoreProbe]: StoreProbe[K] } = {}
    try {
      await create().catch((error: unknown) => this.fail('PutObject', key, error))
      try {
        await create()
        found.conditionalWrites = false
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
        found.conditionalWrites = status === 412 || status === 409 ? true : undefined
      }
      // Informational only (apply's lock asks this probe about conditional writes): a failure leaves them unknown.
      try {
        const ranged = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: 'bytes=0-1' }), STEADY)
        const body = await ranged.Body?.transformToString('utf-8')
        found.rangedReads = ranged.$metadata.httpStatusCode === 206 && body === 'do'
        if (ranged.LastModified) found.clockSkewSeconds = Math.round((ranged.LastModified.getTime() - Date.now()) / 1000)
      } catch {
        // rangedReads and clockSkewSeconds stay undefined: doctor reports them as unknown.
      }
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), STEADY).catch(() => undefined)
    }
    return found
  }

  close(): void {
    this.client.destroy()
  }
}
