import type { Readable } from 'node:stream'

/**
 * Bytes the store pulls straight into its own buffers, no stream in between: `readInto` fills as much of `into` as
 * it can with the next bytes and resolves how many it wrote, 0 at the end. A large file goes up this way: a read
 * stream's fresh buffer a chunk, copied into the parts, took twice the CPU (see object-publish.ts).
 */
export interface PullBody {
  readonly readInto: (into: Buffer) => Promise<number>
}

/** What a put carries: bytes in memory, or a stream or pull body of `size` bytes that is read once. */
export type PutBody = Buffer | Readable | PullBody

export const isPullBody = (body: PutBody | AsyncIterable<Buffer>): body is PullBody => !Buffer.isBuffer(body) && 'readInto' in body

export interface PutOptions {
  readonly size: number
  readonly contentType: string
  /** SHA-256 (hex) of the body when the caller already knows it, so the store need not hash it again. */
  readonly sha256?: string
  /**
   * User metadata (`x-amz-meta-<name>` on S3 and GCS), as the original s3-asset-manager sets it on every
   * object: `commit-hash`, `code-hash`, `package-hash`. A directory store keeps none.
   */
  readonly metadata?: Readonly<Record<string, string>>
  /** Create only: a PreconditionFailedError when the key exists (where the store honours it; see StoreProbe). */
  readonly ifNoneMatch?: boolean
  /** Replace only the object with this ETag: a PreconditionFailedError otherwise (where the store honours it). */
  readonly ifMatch?: string
  /** Written even when the step is being cancelled: releasing a claim is part of stopping cleanly. */
  readonly evenIfCancelled?: boolean
}

/** What a put reports: the ETag (S3) or version token (a directory) the object now has. */
export interface PutResult {
  readonly etag?: string
}

/** An object as a listing shows it. */
export interface StoredObject {
  readonly key: string
  readonly size: number
  readonly lastModified: Date
  /**
   * What changes whenever the object is written again: S3's ETag (quotes removed), a directory's inode and
   * modification time. A manifest records it for each object, so a listing tells whether a set still holds
   * the objects its manifest was written for.
   */
  readonly etag?: string
}

/** What a store does beyond the basics, as `doctor` finds out on scratch keys. Undefined: could not tell. */
export interface StoreProbe {
  /** A second create with If-None-Match: * is refused (apply's lock relies on it). */
  readonly conditionalWrites?: boolean
  /** A Range request is answered with just those bytes (a download that gets the whole object instead fetches it whole). */
  readonly rangedReads?: boolean
  /** The server's clock minus ours, in seconds (SigV4 requests fail beyond 15 minutes). */
  readonly clockSkewSeconds?: number
}

/** The metadata a copy gets instead of its source's. */
export interface CopyMetadata {
  readonly contentType: string
  readonly metadata?: Readonly<Record<string, string>>
}

/** What a server-side copy reports: the copy's SHA-256 (hex) when the store computes one (AWS), and its ETag. */
export interface CopyResult {
  readonly sha256?: string
  readonly etag?: string
}

/**
 * The asset store. Keys are full object keys ('<prefix>artifacts/<sha>/a/b.js'); every backend lays them
 * out the same way. A backend is one file implementing this.
 */
export interface Store {
  /** Human-readable name for logs and errors, e.g. `s3://bucket` or a directory. */
  readonly name: string
  /** URL of a key or key prefix, e.g. `s3://bucket/prefix/artifacts/<sha>/`. */
  url(key: string): string
  /**
   * The object's text, or undefined when it does not exist. Any other failure throws; an object larger than
   * `maxBytes` is an OversizedError, read no further.
   */
  readText(key: string, maxBytes: number): Promise<string | undefined>
  /** The same with the version a conditional put (`ifMatch`) names: what apply's state and lock are read with. */
  readVersioned(key: string, maxBytes: number): Promise<{ text: string; etag?: string } | undefined>
  /** Stores an object so that it appears whole or not at all; a cancelled step aborts it (no multipart upload stays open). */
  put(key: string, body: PutBody, options: PutOptions): Promise<PutResult>
  /** Streams an object's bytes, whole. A missing object is a MissingObjectError. */
  get(key: string): Promise<Readable>
  /**
   * Streams `length` bytes of an object from `offset`, where a store gains from reading one object over several
   * connections (a server over a network; a directory does not). A server or proxy that answers with anything
   * but that range is a RangeIgnoredError: the caller reads the object whole instead.
   */
  getRange?(key: string, offset: number, length: number): Promise<Readable>
  /**
   * Copies an object inside the store without its bytes passing through this process; its metadata goes with
   * it, unless `replace` gives the copy its own (an unchanged file copied into a new commit's set carries that
   * commit's metadata). A directory store keeps no metadata.
   */
  copy(sourceKey: string, targetKey: string, size: number, replace?: CopyMetadata): Promise<CopyResult>
  /**
   * Every object whose key starts with `prefix`, in key order (needs s3:ListBucket on S3). `onPage` hears
   * the running count after each page, for progress on long listings.
   */
  list(prefix: string, onPage?: (listed: number) => void): Promise<StoredObject[]>
  /** Removes an object; a missing one is not an error. Used by apply's object plugin, prune, claims and an upload tidying its own set. */
  delete(key: string): Promise<void>
  /**
   * Removes objects in batches where the store has a batch delete (S3: DeleteObjects, 1,000 keys a
   * request), else one by one; missing ones are not an error. `onBatch` hears the running count.
   * Any key it could not delete makes it throw, naming them.
   */
  deleteMany(keys: readonly string[], onBatch?: (deleted: number) => void): Promise<void>
  /** Finds out what the store supports, with objects under `scratch` that it removes again (doctor). */
  probe?(scratch: string): Promise<StoreProbe>
  /** Releases connections; the store is unusable afterwards. */
  close(): void
}
