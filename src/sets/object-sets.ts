import * as core from '../runner.js'
import { createHash } from 'node:crypto'
import { createReadStream, readFile as readFileCallback } from 'node:fs'
import { promisify } from 'node:util'
import mime from 'mime'
import pLimit from 'p-limit'
import { READ_LIMITS } from '../constants.js'
import { errorMessage, IntegrityError, MissingObjectError, OversizedError } from '../errors.js'
import { Progress } from '../report/progress.js'
import type { Store } from '../stores/store.js'
import type { AssetSets, FindRequest, FindResult, MissReason, PublishRequest, SetPolicy } from './asset-sets.js'
import { explainMiss, newestPointer } from './miss-reason.js'
import { otherPlatform, otherPlatformAdvice } from './platform.js'
import { downloadSet } from './download.js'
import { lastUsedKey, recordUse } from './last-used.js'
import { codeHashPrefix, commitPrefix, manifestKey, newestPointerKey } from './layout.js'
import { serializeInputs } from '../hashing/set-key.js'
import {
  buildManifest,
  INPUTS_NAME,
  serializeManifest,
  setObjects,
  totalBytes,
  usableManifest,
  type Manifest,
  type ManifestFile,
  type ManifestOwner,
  type PackRecord,
  type SetObject
} from './manifest.js'
import { planPacks, uploadPack } from './packs.js'
import { listPackageFiles, type PackageFile } from './package-files.js'
import { DigestStream } from '../hashing/digest-stream.js'

// The callback form costs less CPU per file than fs/promises' readFile, which reads in chunked round trips.
const readFile = promisify(readFileCallback)

/** Files up to this size are read into memory and sent in one request; larger ones are streamed in parts. */
const SINGLE_PUT_LIMIT = 16 * 1024 * 1024
/** Packs and large files in flight at once (each buffers up to 4 parts of 8 MiB): two keep peak RSS under 200 MB. */
const LARGE_FILES_AT_ONCE = 2

/**
 * Reads the manifest of the set under `setPrefix`. Undefined when there is none (the only miss) and when it
 * cannot be used: larger than READ_LIMITS.manifest (never read whole), malformed, or, with a signing key,
 * unsigned, signed by an unknown key, badly signed, or signed for another location, commit or code hash.
 * With a key the signature is checked over the raw bytes before anything is parsed. A set that cannot be
 * used is a miss with a warning naming it (`onUntrusted` counts it), never a failure: the next upload
 * replaces it.
 */
export async function readManifest(
  store: Store,
  setPrefix: string,
  policy: SetPolicy,
  owner: ManifestOwner = {},
  onUntrusted?: () => void
): Promise<Manifest | undefined> {
  const key = manifestKey(setPrefix)
  const keyed = policy.signing.keys.length > 0
  const refuse = (why: string): undefined => {
    core.warning(
      `${keyed ? 'Not trusting' : 'Ignoring'} the assets at ${store.url(setPrefix)}: ${why}. Treating them as missing; an upload replaces them.`
    )
    onUntrusted?.()
    return undefined
  }
  let text: string | undefined
  try {
    text = await store.readText(key, READ_LIMITS.manifest)
  } catch (error) {
    if (error instanceof OversizedError) return refuse(`the manifest ${error.message}`)
    if (error instanceof IntegrityError) return refuse(error.message) // a planted symlink in a local store
    throw error
  }
  if (text === undefined) return undefined
  const usable = usableManifest(text, policy.signing, { location: setPrefix, shown: (location) => store.url(location), owner })
  return 'manifest' in usable ? usable.manifest : refuse(`the manifest ${usable.problem}`)
}

async function writeManifest(store: Store, setPrefix: string, manifest: Manifest, policy: SetPolicy): Promise<void> {
  const body = Buffer.from(serializeManifest(manifest, setPrefix, policy.signing))
  await store.put(manifestKey(setPrefix), body, { size: body.length, contentType: 'application/json' })
}

/** Copies carry no body, so more of them can be in flight than uploads. */
const COPY_CONCURRENCY_FACTOR = 4
const MAX_COPIES_IN_FLIGHT = 64

/**
 * The SHA-256 of an object's bytes as read back from the store (the whole object, packs included), reading
 * at most one byte more than `size`: a larger object is a mismatch without being read to its end.
 */
async function readBackSha256(store: Store, key: string, size: number): Promise<string> {
  const hash = createHash('sha256')
  let read = 0
  const body = await store.get(key)
  for await (const chunk of body as AsyncIterable<Buffer>) {
    read += chunk.length
    if (read > size) {
      body.destroy()
      return 'a larger object'
    }
    hash.update(chunk)
  }
  return hash.digest('hex')
}

/**
 * Server-side copy of every listed object from one set to another, bounded, with progress. Where the store
 * reports the copy's SHA-256 (AWS, moto, a local directory), it must match the manifest. Where it reports
 * none and `readBack` is set (a signing key: the target set's manifest will be signed), each copy is read
 * back and hashed, packs whole, so a signature never vouches for bytes nobody checked. A mismatch is an
 * IntegrityError, never a promoted set.
 */
export async function copySet(
  store: Store,
  files: readonly SetObject[],
  from: string,
  to: string,
  concurrency: number,
  readBack = false
): Promise<void> {
  const progress = new Progress(`Copied (server-side) to ${store.url(to)}:`, files.length, totalBytes(files))
  const limit = pLimit(Math.min(MAX_COPIES_IN_FLIGHT, concurrency * COPY_CONCURRENCY_FACTOR))
  const verifyLimit = pLimit(concurrency)
  await Promise.all(
    files.map((file) =>
      limit(async () => {
        const copied = await store.copy(from + file.path, to + file.path, file.size)
        const sha256 = copied.sha256 ?? (readBack ? await verifyLimit(() => readBackSha256(store, to + file.path, file.size)) : undefined)
        if (sha256 !== undefined && sha256 !== file.sha256) {
          throw new IntegrityError(
            `${store.url(from + file.path)} does not match its manifest (${copied.sha256 ? 'the store reports' : 'its copy reads back with'} SHA-256 ${sha256}, the manifest ${file.sha256}).`
          )
        }
        progress.add(1, file.size)
      })
    )
  )
  progress.finish()
}

/**
 * Looks for the commit's assets, then (tier on) for the code-hash set's; on a code-hash hit, copies the set
 * to the commit server-side and writes the commit manifest last. A set built on another platform is not a
 * hit (unless crossPlatform). On a code-hash miss, with `explainMiss`, says what changed since the newest
 * earlier build. Shared by check and the assets plugin.
 */
export async function findOrPromote(store: Store, request: FindRequest, policy: SetPolicy): Promise<FindResult> {
  let untrusted = 0
  let platformMiss: MissReason | undefined
  const distrust = (): void => void untrusted++
  const elsewhere = (manifest: Manifest, setPrefix: string): boolean => {
    const platform = otherPlatform(manifest, request)
    if (!platform) return false
    const location = store.url(setPrefix)
    core.warning(`Not using the assets at ${location}: ${otherPlatformAdvice(platform, request.platform)}.`)
    platformMiss = { line: `the stored set was built on ${platform}, not ${request.platform}`, otherPlatform: { platform, location } }
    return true
  }
  const target = commitPrefix(request.prefix, request.commit)
  const existing = await readManifest(store, target, policy, { commit: request.commit }, distrust)
  if (existing && !elsewhere(existing, target)) {
    return { found: true, source: 'commit', manifest: existing, codeHash: existing.codeHash, untrusted }
  }
  // With a signing key nothing unsigned is trusted, the original tool's sets included.
  if (!existing && request.legacySets && policy.signing.keys.length === 0) {
    const objects = await store.list(target)
    if (objects.length > 0) {
      core.warning(
        `legacy-sets: ${store.url(target)} holds ${objects.length} object(s) but no manifest (a set the original s3-asset-manager uploaded, ` +
          `or an unfinished upload); counting it as found. Turn legacy-sets off once your sets have manifests.`
      )
      return {
        found: true,
        source: 'commit',
        codeHash: '',
        legacy: { files: objects.length, bytes: objects.reduce((n, o) => n + o.size, 0) },
        untrusted
      }
    }
  }
  const miss = (codeHash: string, missReason?: MissReason): FindResult => ({
    found: false,
    codeHash,
    untrusted,
    ...((platformMiss ?? missReason) ? { missReason: platformMiss ?? missReason } : {})
  })
  if (!request.codeHash) return miss('', { line: 'nothing is stored for this commit (the code-hash tier is off)' })

  const built = await request.codeHash()
  const cached = codeHashPrefix(request.prefix, built.key)
  const read = (setPrefix: string, codeHash: string): Promise<Manifest | undefined> =>
    readManifest(store, setPrefix, policy, { codeHash }, distrust)
  const cachedManifest = await read(cached, built.key)
  if (!cachedManifest || elsewhere(cachedManifest, cached)) {
    const reason = request.explainMiss && !platformMiss ? await explainMiss(store, request.prefix, built, read) : undefined
    return miss(built.key, reason)
  }
  try {
    await copySet(store, setObjects(cachedManifest), cached, target, request.concurrency, policy.signing.keys.length > 0)
  } catch (error) {
    if (!(error instanceof MissingObjectError) && !(error instanceof IntegrityError)) throw error
    core.warning(
      `The cached assets ${store.url(cached)} are incomplete or changed (${error.message}); treating this as a miss so they are rebuilt.`
    )
    return miss(built.key, { line: 'the cached set for this key is incomplete or changed' })
  }
  const manifest = buildManifest({
    commit: request.commit,
    codeHash: built.key,
    source: 'cache',
    files: cachedManifest.files,
    packs: cachedManifest.packs,
    ...(cachedManifest.platform ? { platform: cachedManifest.platform } : {})
  })
  await writeManifest(store, target, manifest, policy)
  return { found: true, source: 'cache', manifest, codeHash: built.key, untrusted }
}

/**
 * The user metadata the original s3-asset-manager puts on every object, which deploys read: Terraform's
 * aws_lambda_function takes `source_code_hash` from `package-hash` (base64 SHA-256, as Lambda reports it).
 */
function objectMetadata(commit: string, codeHash: string, sha256Hex?: string): Record<string, string> {
  return {
    'commit-hash': commit,
    ...(codeHash ? { 'code-hash': codeHash } : {}),
    // A pack is not a package a deploy reads: it carries no package-hash.
    ...(sha256Hex ? { 'package-hash': Buffer.from(sha256Hex, 'hex').toString('base64') } : {})
  }
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

async function uploadFile(store: Store, key: string, file: PackageFile, commit: string, codeHash: string): Promise<ManifestFile> {
  const contentType = mime.getType(file.relative) ?? 'application/octet-stream'
  if (file.size <= SINGLE_PUT_LIMIT) {
    const bytes = await readFile(file.absolute)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    await store.put(key, bytes, { size: bytes.length, contentType, sha256, metadata: objectMetadata(commit, codeHash, sha256) })
    return { path: file.relative, size: bytes.length, sha256 }
  }
  // Metadata goes with the first request of a multipart upload, so a large file is hashed before it is
  // sent, and hashed again as it streams: a file that changed in between fails rather than mislabelled.
  const expected = await sha256OfFile(file.absolute)
  const tap = new DigestStream()
  const stream = createReadStream(file.absolute, { highWaterMark: 1024 * 1024 }).pipe(tap)
  await store.put(key, stream, { size: file.size, contentType, metadata: objectMetadata(commit, codeHash, expected) })
  const sent = tap.digest()
  if (sent !== expected) {
    throw new IntegrityError(
      `${file.absolute} changed while it was uploaded (SHA-256 ${expected} before, ${sent} as sent). Upload it again.`
    )
  }
  return { path: file.relative, size: file.size, sha256: sent }
}

/**
 * Uploads every non-hidden file of the package directory to the commit's set (with `packBelow`, the small
 * ones as packs), writes its manifest last, then (tier on) fills the code-hash set from it by server-side
 * copy. Shared by upload and the assets plugin.
 */
export async function publish(store: Store, request: PublishRequest, policy: SetPolicy): Promise<Manifest> {
  const files = await listPackageFiles(request.directory)
  const target = commitPrefix(request.prefix, request.commit)
  const progress = new Progress(
    `Uploaded to ${store.url(target)}:`,
    files.length,
    files.reduce((sum, file) => sum + file.size, 0)
  )
  const limit = pLimit(request.concurrency)
  // Packs and large files stream in parts, each holding a few parts in memory: only a couple at a time.
  const largeLimit = pLimit(LARGE_FILES_AT_ONCE)
  const { packs, plain } = planPacks(files, request.packBelow ?? 0)
  const packMetadata = objectMetadata(request.commit, request.codeHash)
  const [packed, stored] = await Promise.all([
    Promise.all(packs.map((pack) => largeLimit(() => uploadPack(store, target, pack, packMetadata, (size) => progress.add(1, size))))),
    Promise.all(
      plain.map((file) =>
        limit(async () => {
          const send = () => uploadFile(store, target + file.relative, file, request.commit, request.codeHash)
          const entry = file.size > SINGLE_PUT_LIMIT ? await largeLimit(send) : await send()
          progress.add(1, entry.size)
          return entry
        })
      )
    )
  ])
  progress.finish()
  const packRecords: PackRecord[] = packed.map((pack) => pack.record)
  const entries = [...stored, ...packed.flatMap((pack) => pack.files)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const manifest = buildManifest({
    commit: request.commit,
    codeHash: request.codeHash,
    source: 'upload',
    files: entries,
    packs: packRecords,
    platform: request.platform
  })
  await writeManifest(store, target, manifest, policy)

  if (request.writeCodeHashSet === false) return manifest
  if (request.codeHash && !policy.cacheWrite.allowed) {
    core.info(
      `Not writing the shared code-hash set ${store.url(codeHashPrefix(request.prefix, request.codeHash))}: ${policy.cacheWrite.reason}.`
    )
  } else if (request.codeHash) {
    // Re-filled even when a cache set exists: it may be the incomplete one a check just fell back from.
    const cached = codeHashPrefix(request.prefix, request.codeHash)
    await copySet(store, setObjects(manifest), target, cached, request.concurrency, policy.signing.keys.length > 0)
    if (!request.inputs) {
      await writeManifest(store, cached, manifest, policy)
      return manifest
    }
    // What the key was made of, bound to the set by the manifest, and a pointer to this set as the newest
    // build (after the manifest, so it never names a set that is not there): a later miss is explained from it.
    const record = serializeInputs(request.codeHash, request.inputs)
    const inputs = { path: INPUTS_NAME, size: record.length, sha256: createHash('sha256').update(record).digest('hex') }
    await store.put(cached + INPUTS_NAME, record, { size: record.length, contentType: 'application/gzip', sha256: inputs.sha256 })
    await writeManifest(store, cached, { ...manifest, inputs }, policy)
    const pointer = newestPointer(request.codeHash)
    await store.put(newestPointerKey(request.prefix), pointer, { size: pointer.length, contentType: 'application/json' })
  }
  return manifest
}

/** Asset sets over any object Store (S3, GCS, a directory): objects, manifests and server-side copies. */
export class ObjectAssetSets implements AssetSets {
  private readonly pending: Promise<void>[] = []

  constructor(
    readonly store: Store,
    private readonly policy: SetPolicy
  ) {}

  location(prefix: string, commit: string): string {
    return this.store.url(commitPrefix(prefix, commit))
  }

  async findOrPromote(request: FindRequest): Promise<FindResult> {
    const result = await findOrPromote(this.store, request, this.policy)
    if (result.found && !result.legacy) {
      // A promotion wrote a fresh commit set; the set that was used is the code-hash one it came from.
      const used =
        result.source === 'commit' ? commitPrefix(request.prefix, request.commit) : codeHashPrefix(request.prefix, result.codeHash)
      this.pending.push(
        recordUse(this.store, used).catch((error: unknown) =>
          core.info(
            `Could not record this use in ${this.store.url(lastUsedKey(used))} (${errorMessage(error)}); prune will age the set by its creation date.`
          )
        )
      )
    }
    return result
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending.splice(0))
  }

  stored(prefix: string, commit: string): Promise<Manifest | undefined> {
    return readManifest(this.store, commitPrefix(prefix, commit), this.policy, { commit })
  }

  publish(request: PublishRequest): Promise<Manifest> {
    return publish(this.store, request, this.policy)
  }

  async download(
    prefix: string,
    commit: string,
    manifest: Manifest | undefined,
    directory: string,
    concurrency: number
  ): Promise<Manifest> {
    const setPrefix = commitPrefix(prefix, commit)
    const known = manifest ?? (await readManifest(this.store, setPrefix, this.policy, { commit }))
    if (!known) throw new Error(`No assets are stored at ${this.store.url(setPrefix)} to download.`)
    await downloadSet(this.store, setPrefix, known, directory, concurrency)
    return known
  }

  close(): void {
    this.store.close()
  }
}
