import * as core from '../runner.js'
import { createReadStream } from 'node:fs'
import pLimit from 'p-limit'
import { READ_LIMITS } from '../constants.js'
import { errorMessage, IntegrityError, MissingObjectError, OversizedError, PreconditionFailedError } from '../errors.js'
import { asCancellation, cancelledBy, throwIfCancelled } from '../util/cancellation.js'
import { underClaim } from './claims.js'
import { setProblem, strayObjects } from './set-state.js'
import { formatBytes, Progress } from '../util/progress.js'
import { plural } from '../util/text.js'
import type { CopyMetadata, Store, StoredObject } from '../stores/store.js'
import type { AssetSets, FindRequest, FindResult, MissReason, Published, PublishRequest, SetPolicy, Stored } from './asset-sets.js'
import { explainMiss, explainOtherKey, newestBuildKey, newestPointer } from './miss-reason.js'
import { otherPlatform, otherPlatformAdvice } from './platform.js'
import { lastUsedKey, recordUse } from './last-used.js'
import { codeHashPrefix, commitPrefix, isSetBookkeeping, manifestKey, newestPointerKey } from './layout.js'
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
  type SetObject,
  builtUnder
} from './manifest.js'
import { PackBuffers, packsByShape, planPacks, sameEarlierPack, uploadPack, type EarlierPack, type PlannedPack } from './packs.js'
import { listPackageFiles, type PackageFile } from './package-files.js'
import { encodingSuffix, writableEncoding } from './pack-encoding.js'
import { DigestStream, sha256Hex, sha256OfFile } from '../util/digest-stream.js'
import { openListedFile, readListedFile } from '../util/capped-read.js'
import { nodeCrypto } from '../util/node-builtins.js'

type Mime = (typeof import('mime'))['default']

/** Files up to this size are read into memory and sent in one request; larger ones are streamed in parts. */
const SINGLE_PUT_LIMIT = 16 * 1024 * 1024
/** Packs and large files in flight at once (each buffers up to 4 parts of 8 MiB): two keep peak RSS under 200 MB. */
const LARGE_FILES_AT_ONCE = 2

/** What is stored as a set's manifest: nothing, a manifest this run may use, or one it may not (and why). */
export type ManifestRead = { readonly manifest: Manifest } | { readonly missing: true } | { readonly unusable: string }

/**
 * Reads the manifest of the set under `setPrefix`, saying nothing. Unusable: larger than READ_LIMITS.manifest
 * (never read whole), malformed, or, with a signing key, unsigned, signed by an unknown key, badly signed, or
 * signed for another location, commit or code hash (the signature is checked over the raw bytes before
 * anything is parsed).
 */
export async function readSetManifest(
  store: Store,
  setPrefix: string,
  policy: SetPolicy,
  owner: ManifestOwner = {}
): Promise<ManifestRead> {
  let text: string | undefined
  try {
    text = await store.readText(manifestKey(setPrefix), READ_LIMITS.manifest)
  } catch (error) {
    if (error instanceof OversizedError) return { unusable: `the manifest ${error.message}` }
    if (error instanceof IntegrityError) return { unusable: error.message } // a planted symlink in a local store
    throw error
  }
  if (text === undefined) return { missing: true }
  const usable = usableManifest(text, policy.signing, { location: setPrefix, shown: (location) => store.url(location), owner })
  return 'manifest' in usable ? { manifest: usable.manifest } : { unusable: `the manifest ${usable.problem}` }
}

/** The warning for a set this run does not use: a miss, never a failure (the next upload replaces it). */
function warnUnusable(store: Store, setPrefix: string, policy: SetPolicy, why: string): void {
  core.warning(
    `${policy.signing.keys.length > 0 ? 'Not trusting' : 'Ignoring'} the assets at ${store.url(setPrefix)}: ${why}. Treating them as missing; an upload replaces them.`
  )
}

/**
 * The manifest of the set under `setPrefix` when this run may use it; undefined when there is none (the only
 * plain miss) and when it cannot be used, which is a warning naming it (`onUntrusted` counts it).
 */
export async function readManifest(
  store: Store,
  setPrefix: string,
  policy: SetPolicy,
  owner: ManifestOwner = {},
  onUntrusted?: () => void
): Promise<Manifest | undefined> {
  const read = await readSetManifest(store, setPrefix, policy, owner)
  if ('manifest' in read) return read.manifest
  if ('unusable' in read) {
    warnUnusable(store, setPrefix, policy, read.unusable)
    onUntrusted?.()
  }
  return undefined
}

/** A set as it stands: nothing; whole (a usable manifest, and the objects it was written for); or broken, and why. */
export type SetState =
  | { readonly state: 'none' }
  | { readonly state: 'whole'; readonly manifest: Manifest; readonly listing?: readonly StoredObject[] }
  | { readonly state: 'broken'; readonly problem: string; readonly manifest?: Manifest; readonly listing: readonly StoredObject[] }

/** A set's state from its manifest alone, for a set that is about to be downloaded (which checks every byte). */
async function readWithoutListing(store: Store, setPrefix: string, policy: SetPolicy, owner: ManifestOwner): Promise<SetState> {
  const read = await readSetManifest(store, setPrefix, policy, owner)
  if ('missing' in read) return { state: 'none' }
  return 'unusable' in read ? { state: 'broken', problem: read.unusable, listing: [] } : { state: 'whole', manifest: read.manifest }
}

/** Reads a set's manifest and, when there is one, checks the set against it with one listing (set-state.ts). */
export async function inspectSet(store: Store, setPrefix: string, policy: SetPolicy, owner: ManifestOwner): Promise<SetState> {
  const read = await readSetManifest(store, setPrefix, policy, owner)
  if ('missing' in read) return { state: 'none' }
  const listing = await store.list(setPrefix)
  if ('unusable' in read) return { state: 'broken', problem: read.unusable, listing }
  const problem = setProblem(read.manifest, setPrefix, listing)
  return problem ? { state: 'broken', problem, manifest: read.manifest, listing } : { state: 'whole', manifest: read.manifest, listing }
}

/**
 * Writes a set's manifest, last. `create`: only if none stands (If-None-Match; a directory's exclusive link),
 * where the store honours it — the set's claim keeps writers apart where it does not.
 */
async function writeManifest(store: Store, setPrefix: string, manifest: Manifest, policy: SetPolicy, create = false): Promise<void> {
  const body = Buffer.from(serializeManifest(manifest, setPrefix, policy.signing))
  await store.put(manifestKey(setPrefix), body, {
    size: body.length,
    contentType: 'application/json',
    ...(create ? { ifNoneMatch: true } : {})
  })
}

/**
 * Says that a broken set is being replaced. Its manifest stays until the new one is written over it: until
 * then a reader finds the old manifest with objects that do not match it, which is a miss, as before.
 */
function noteReplacing(store: Store, setPrefix: string, state: SetState): void {
  if (state.state === 'broken') core.warning(`Replacing the set at ${store.url(setPrefix)}: ${state.problem}.`)
  if (state.state === 'whole')
    core.info(
      `Replacing the set at ${store.url(setPrefix)}: it was built under another key (code hash ${state.manifest.codeHash}). ` +
        `Give each build of one commit its own 'variant' to keep them side by side.`
    )
}

/**
 * Deletes what a broken set held that the new one does not name (another writer's leftovers). Best effort:
 * a role without s3:DeleteObject leaves them, unnamed by any manifest, for prune.
 */
async function deleteStrays(store: Store, setPrefix: string, state: SetState, manifest: Manifest): Promise<void> {
  if (state.state === 'none' || !state.listing) return
  const strays = strayObjects(manifest, setPrefix, state.listing)
  if (strays.length === 0) return
  await store
    .deleteMany(strays)
    .catch((error: unknown) =>
      core.info(
        `Could not delete ${strays.length} object(s) the replaced set held that the new one does not name (${errorMessage(error)}); prune removes them with the set.`
      )
    )
}

/** Copies carry no body, so more of them can be in flight than uploads. */
const COPY_CONCURRENCY_FACTOR = 4
const MAX_COPIES_IN_FLIGHT = 64

/**
 * The SHA-256 of an object's bytes as read back from the store (the whole object, packs included), reading
 * at most one byte more than `size`: a larger object is a mismatch without being read to its end.
 */
async function readBackSha256(store: Store, key: string, size: number): Promise<string> {
  const hash = nodeCrypto().createHash('sha256')
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
 * Server-side copy of every listed object from one set to another, bounded, with progress; returns the
 * objects as the target now holds them (each with the ETag its copy got). Where the store reports the copy's
 * SHA-256 (AWS, moto, a local directory), it must match the manifest. Where it reports none and `readBack`
 * is set (a signing key: the target set's manifest will be signed), each copy is read back and hashed, packs
 * whole, so a signature never vouches for bytes nobody checked. A mismatch is an IntegrityError, never a
 * promoted set.
 */
export async function copySet<T extends SetObject>(
  store: Store,
  files: readonly T[],
  from: string,
  to: string,
  concurrency: number,
  readBack = false
): Promise<T[]> {
  const progress = new Progress(
    { doing: `Copying (server-side) to ${store.url(to)}:`, done: `Copied (server-side) to ${store.url(to)}:` },
    files.length,
    totalBytes(files)
  )
  const limit = pLimit(Math.min(MAX_COPIES_IN_FLIGHT, concurrency * COPY_CONCURRENCY_FACTOR))
  const verifyLimit = pLimit(concurrency)
  const copies = await Promise.all(
    files.map((file) =>
      limit(async () => {
        throwIfCancelled()
        const copied = await store.copy(from + file.path, to + file.path, file.size)
        const sha256 = copied.sha256 ?? (readBack ? await verifyLimit(() => readBackSha256(store, to + file.path, file.size)) : undefined)
        if (sha256 !== undefined && sha256 !== file.sha256) {
          throw new IntegrityError(
            `${store.url(from + file.path)} does not match its manifest (${copied.sha256 ? 'the store reports' : 'its copy reads back with'} SHA-256 ${sha256}, the manifest ${file.sha256}).`
          )
        }
        progress.add(1, file.size)
        const { etag: _source, ...rest } = file
        return (copied.etag ? { ...rest, etag: copied.etag } : rest) as T
      })
    )
  ).catch((error: unknown) => {
    progress.abandon()
    throw error
  })
  progress.finish()
  return copies
}

/** A set's objects (packs, plain files) with the ETags given, the packed files as they were. */
function withObjects(manifest: Manifest, objects: readonly SetObject[]): { files: ManifestFile[]; packs: PackRecord[] } {
  const byPath = new Map(objects.map((object) => [object.path, object]))
  return {
    files: manifest.files.map((file) => {
      if (file.pack !== undefined) return file
      const { etag: _old, ...rest } = file
      const etag = byPath.get(file.path)?.etag
      return etag ? { ...rest, etag } : rest
    }),
    packs: (manifest.packs ?? []).map((pack) => byPath.get(pack.path) ?? pack)
  }
}

/**
 * Looks for the commit's assets, then (tier on) for the code-hash set's; on a code-hash hit, copies the set
 * to the commit server-side (holding the commit set's claim) and writes the commit manifest last. A set is a
 * hit only when whole: its manifest usable and its objects the ones it was written for (one listing); a
 * broken one is a miss with a warning, which the next upload repairs. A set built on another platform is not
 * a hit (unless crossPlatform). On a code-hash miss, with `explainMiss`, says what changed since the newest
 * earlier build. Shared by check and the assets plugin.
 */
export async function findOrPromote(store: Store, request: FindRequest, policy: SetPolicy): Promise<FindResult> {
  let untrusted = 0
  let platformMiss: MissReason | undefined
  let brokenMiss: MissReason | undefined
  const distrust = (): void => void untrusted++
  const elsewhere = (manifest: Manifest, setPrefix: string): boolean => {
    const platform = otherPlatform(manifest, request)
    if (!platform) return false
    const location = store.url(setPrefix)
    core.warning(`Not using the assets at ${location}: ${otherPlatformAdvice(platform, request.platform)}.`)
    platformMiss = { line: `the stored set was built on ${platform}, not ${request.platform}`, otherPlatform: { platform, location } }
    return true
  }
  /** A set that is there but not whole: warned and counted, and named in the miss when nothing better explains it. */
  const broken = (setPrefix: string, state: SetState & { state: 'broken' }, what: string): void => {
    warnUnusable(store, setPrefix, policy, state.problem)
    distrust()
    brokenMiss ??= {
      line: `the ${what} stored for this ${what === 'set' ? 'commit' : 'key'} does not match its manifest or is not trusted (the next upload replaces it)`
    }
  }
  const target = commitPrefix(request.prefix, request.commit)
  const owner = { commit: request.commit }
  const read = (setPrefix: string, codeHash: string): Promise<Manifest | undefined> =>
    readManifest(store, setPrefix, policy, { codeHash }, distrust)
  // With the code-hash tier on, the key decides a hit on both tiers: it is computed while the commit's set is read.
  const keyOfThisRun = request.codeHash?.()
  keyOfThisRun?.catch(() => undefined) // awaited below; until then a failure must not go unhandled
  const existing = request.download
    ? await readWithoutListing(store, target, policy, owner)
    : await inspectSet(store, target, policy, owner)
  let otherKeyMiss: MissReason | undefined
  if (existing.state === 'whole' && !elsewhere(existing.manifest, target)) {
    const built = await keyOfThisRun
    const storedKey = existing.manifest.codeHash
    if (!built || builtUnder(existing.manifest, built.key)) {
      return { found: true, source: 'commit', manifest: existing.manifest, codeHash: built?.key ?? storedKey, untrusted }
    }
    otherKeyMiss = await explainOtherKey(store, request.prefix, storedKey, built, read)
    core.info(`Not using the set of commit ${request.commit} at ${store.url(target)}: ${otherKeyMiss.line}.`)
  }
  if (existing.state === 'broken') broken(target, existing, 'set')
  // With a signing key nothing unsigned is trusted, the original tool's sets included.
  if (existing.state === 'none' && request.legacySets && policy.signing.keys.length === 0) {
    // The set's bookkeeping alone is not the original tool's set: a claim of an upload still running, or a
    // last-use marker that outlived its set.
    const objects = (await store.list(target)).filter((object) => !isSetBookkeeping(object.key.slice(target.length)))
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
  const miss = (codeHash: string, missReason?: MissReason): FindResult => {
    const reason = platformMiss ?? otherKeyMiss ?? missReason ?? brokenMiss
    return { found: false, codeHash, untrusted, ...(reason ? { missReason: reason } : {}) }
  }
  if (!keyOfThisRun) return miss('', brokenMiss ?? { line: 'nothing is stored for this commit (the code-hash tier is off)' })

  const built = await keyOfThisRun
  const ours = (manifest: Manifest): boolean => builtUnder(manifest, built.key)
  const cached = codeHashPrefix(request.prefix, built.key)
  const cachedState = await inspectSet(store, cached, policy, { codeHash: built.key })
  if (cachedState.state === 'broken') broken(cached, cachedState, 'cached set')
  if (cachedState.state !== 'whole' || elsewhere(cachedState.manifest, cached)) {
    const reason =
      request.explainMiss && !platformMiss && !otherKeyMiss && cachedState.state === 'none'
        ? await explainMiss(store, request.prefix, built, read)
        : undefined
    return miss(built.key, reason)
  }
  const cachedManifest = cachedState.manifest
  let promoted: Manifest | undefined
  try {
    promoted = await underClaim(
      store,
      target,
      {
        what: `The set of commit ${request.commit} at ${store.url(target)}`,
        storedMeanwhile: async () => {
          const now = await inspectSet(store, target, policy, owner)
          return now.state === 'whole' && ours(now.manifest)
        }
      },
      async () => {
        const now = await inspectSet(store, target, policy, owner)
        if (now.state === 'whole' && ours(now.manifest)) return now.manifest
        noteReplacing(store, target, now)
        const copies = await copySet(store, setObjects(cachedManifest), cached, target, request.concurrency, policy.signing.keys.length > 0)
        const manifest = buildManifest({
          commit: request.commit,
          codeHash: built.key,
          source: 'cache',
          ...withObjects(cachedManifest, copies),
          ...(cachedManifest.platform ? { platform: cachedManifest.platform } : {})
        })
        await writeManifest(store, target, manifest, policy, now.state === 'none')
        await deleteStrays(store, target, now, manifest)
        return manifest
      }
    )
  } catch (error) {
    if (cancelledBy())
      throw asCancellation(
        error,
        `no manifest was written for ${store.url(target)}: the promotion stopped half way, so nothing is stored for commit ${request.commit}`
      )
    if (!(error instanceof MissingObjectError) && !(error instanceof IntegrityError) && !(error instanceof PreconditionFailedError))
      throw error
    core.warning(
      `The cached assets ${store.url(cached)} are incomplete or changed (${error.message}); treating this as a miss so they are rebuilt.`
    )
    return miss(built.key, { line: 'the cached set for this key is incomplete or changed' })
  }
  // Stored by another run while this one waited for the commit set's claim: that set is the hit.
  const manifest = promoted ?? (await readManifest(store, target, policy, owner, distrust))
  if (!manifest || !ours(manifest)) return miss(built.key, { line: 'the set another run stored meanwhile cannot be used' })
  return { found: true, source: promoted && manifest.source === 'cache' ? 'cache' : 'commit', manifest, codeHash: built.key, untrusted }
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

/**
 * The newest earlier build's plain files by SHA-256 and its packs by what they hold (its code-hash set, read and
 * verified like any manifest): an unchanged file or pack is copied from it server-side instead of sent (an
 * incremental upload).
 */
export interface PreviousBuild {
  readonly setPrefix: string
  readonly bySha256: ReadonlyMap<string, ManifestFile>
  readonly packs: ReadonlyMap<string, EarlierPack>
}

async function previousBuild(store: Store, prefix: string, policy: SetPolicy): Promise<PreviousBuild | undefined> {
  try {
    const key = await newestBuildKey(store, prefix)
    if (!key) return undefined
    const setPrefix = codeHashPrefix(prefix, key)
    // Read without a word: a set this run may not trust is simply not used (check warns about it where it matters).
    const read = await readSetManifest(store, setPrefix, policy, { codeHash: key })
    if (!('manifest' in read)) return undefined
    return {
      setPrefix,
      bySha256: new Map(read.manifest.files.filter((file) => file.pack === undefined).map((file) => [file.sha256, file])),
      packs: packsByShape(read.manifest.files, read.manifest.packs ?? [])
    }
  } catch {
    // Only an optimisation: anything unreadable means every file is sent.
    return undefined
  }
}

/** What an upload moved: files and bytes sent, and those copied server-side from the previous build. */
interface Moved {
  copiedFiles: number
  copiedBytes: number
}

/**
 * Copies an unchanged file from the previous build into `key` with this set's metadata, and checks the copy: by
 * the SHA-256 the store reports, else by reading it back. Returns the ETag, or undefined when the copy cannot be
 * used (source gone or not the bytes its manifest names): the caller then sends the file.
 */
async function copyUnchanged(
  store: Store,
  source: string,
  key: string,
  size: number,
  sha256: string,
  replace: CopyMetadata
): Promise<{ etag?: string } | undefined> {
  try {
    const copied = await store.copy(source, key, size, replace)
    const got = copied.sha256 ?? (await readBackSha256(store, key, size))
    if (got === sha256) return { etag: copied.etag }
    core.warning(`${store.url(source)} does not hold the bytes its manifest names (SHA-256 ${got}): the file is sent instead.`)
    // What is sent may go under another name (a pack stored plain where the earlier one was compressed): the
    // wrong copy is not left in the set (best effort: a role without s3:DeleteObject leaves it as a stray, which the
    // next upload replacing the set removes).
    await store.delete(key).catch(() => undefined)
    return undefined
  } catch (error) {
    if (error instanceof MissingObjectError) return undefined
    throw error
  }
}

/** A pack holding exactly the files of one of the previous build's packs, copied from it; undefined when it must be sent. */
async function copyUnchangedPack(
  store: Store,
  target: string,
  pack: PlannedPack,
  previous: PreviousBuild,
  metadata: Readonly<Record<string, string>>,
  moved: Moved
): Promise<{ record: PackRecord; files: ManifestFile[] } | undefined> {
  const same = await sameEarlierPack(pack, previous.packs)
  if (!same) return undefined
  const { record } = same.earlier
  // Copied as stored (compressed or not), under this set's name for the pack.
  const path = pack.path + encodingSuffix(record.encoding)
  const copied = await copyUnchanged(store, previous.setPrefix + record.path, target + path, record.size, record.sha256, {
    contentType: record.encoding ? 'application/zstd' : 'application/x-tar',
    metadata
  })
  if (!copied) return undefined
  moved.copiedFiles += pack.members.length
  moved.copiedBytes += pack.members.reduce((sum, member) => sum + member.file.size, 0)
  const { etag: _earlier, ...kept } = record
  return {
    record: { ...kept, path, ...(copied.etag ? { etag: copied.etag } : {}) },
    files: pack.members.map((member, index) => ({
      path: member.file.relative,
      size: member.file.size,
      sha256: same.sha256[index]!,
      pack: path,
      offset: member.offset
    }))
  }
}

async function uploadFile(
  store: Store,
  key: string,
  file: PackageFile,
  commit: string,
  codeHash: string,
  progress: Progress,
  previous: PreviousBuild | undefined,
  moved: Moved,
  mime: Mime
): Promise<ManifestFile> {
  const contentType = mime.getType(file.relative) ?? 'application/octet-stream'
  const unchanged = async (sha256: string): Promise<ManifestFile | undefined> => {
    const before = previous?.bySha256.get(sha256)
    if (!previous || !before || before.size !== file.size) return undefined
    const copied = await copyUnchanged(store, previous.setPrefix + before.path, key, file.size, sha256, {
      contentType,
      metadata: objectMetadata(commit, codeHash, sha256)
    })
    if (!copied) return undefined
    moved.copiedFiles++
    moved.copiedBytes += file.size
    return { path: file.relative, size: file.size, sha256, ...(copied.etag ? { etag: copied.etag } : {}) }
  }
  if (file.size <= SINGLE_PUT_LIMIT) {
    const bytes = await readListedFile(file.absolute)
    const sha256 = sha256Hex(bytes)
    const copied = await unchanged(sha256)
    if (copied) return copied
    const { etag } = await store.put(key, bytes, {
      size: bytes.length,
      contentType,
      sha256,
      metadata: objectMetadata(commit, codeHash, sha256)
    })
    return { path: file.relative, size: bytes.length, sha256, ...(etag ? { etag } : {}) }
  }
  // Metadata goes with the first request of a multipart upload, so a large file is hashed before it is
  // sent, and hashed again as it streams: a file that changed in between fails rather than mislabelled.
  const expected = await sha256OfFile(file.absolute)
  const copied = await unchanged(expected)
  if (copied) return copied
  const tap = new DigestStream()
  const stream = createReadStream(file.absolute, { fd: await openListedFile(file.absolute), highWaterMark: 1024 * 1024 }).pipe(tap)
  const unwatch = progress.watch(tap)
  const { etag } = await store
    .put(key, stream, { size: file.size, contentType, metadata: objectMetadata(commit, codeHash, expected) })
    .finally(unwatch)
  const sent = tap.digest()
  if (sent !== expected) {
    throw new IntegrityError(
      `${file.absolute} changed while it was uploaded (SHA-256 ${expected} before, ${sent} as sent). Upload it again.`
    )
  }
  return { path: file.relative, size: file.size, sha256: sent, ...(etag ? { etag } : {}) }
}

/** Uploads the package directory's files (the small ones as packs) under `target`; the manifest's entries, with ETags. */
async function uploadFiles(
  store: Store,
  request: PublishRequest,
  files: readonly PackageFile[],
  target: string,
  previous: PreviousBuild | undefined
): Promise<{ entries: ManifestFile[]; packs: PackRecord[] }> {
  const moved: Moved = { copiedFiles: 0, copiedBytes: 0 }
  const progress = new Progress(
    { doing: `Uploading to ${store.url(target)}:`, done: `Uploaded to ${store.url(target)}:` },
    files.length,
    files.reduce((sum, file) => sum + file.size, 0)
  )
  const limit = pLimit(request.concurrency)
  // Packs and large files stream in parts, each holding a few parts in memory: only a couple at a time.
  const largeLimit = pLimit(LARGE_FILES_AT_ONCE)
  // A buffer for each pack gathered at once, and one to spare.
  const packBuffers = new PackBuffers(LARGE_FILES_AT_ONCE + 1)
  const { packs, plain } = planPacks(files, request.packBelow ?? 0)
  // Loaded by uploads only: mime builds its type tables as it loads (~4 ms), which check never needs.
  const { default: mime } = await import('mime')
  const plainOnly = request.packCompression === 'none'
  const encoding = plainOnly ? undefined : writableEncoding()
  // pack-compression: none asks for plain tar, so an earlier compressed pack is sent again rather than copied (and
  // its files are not read to compare with it).
  const packsFrom =
    previous && plainOnly
      ? { ...previous, packs: new Map([...previous.packs].filter(([, earlier]) => !earlier.record.encoding)) }
      : previous
  const packMetadata = objectMetadata(request.commit, request.codeHash)
  const sendFile = async (file: PackageFile): Promise<ManifestFile> => {
    throwIfCancelled()
    const entry = await uploadFile(store, target + file.relative, file, request.commit, request.codeHash, progress, previous, moved, mime)
    progress.add(1, entry.size)
    return entry
  }
  const large = plain.filter((file) => file.size > SINGLE_PUT_LIMIT).sort((a, b) => b.size - a.size)
  const small = plain.filter((file) => file.size <= SINGLE_PUT_LIMIT)
  // Large files queue for their turn before the packs, largest first (the array is evaluated in order): one queued
  // behind every pack streamed alone at the end, part after part, while the other turn stood idle.
  const [storedLarge, packed, storedSmall] = await Promise.all([
    Promise.all(large.map((file) => largeLimit(() => sendFile(file)))),
    Promise.all(
      packs.map((pack) =>
        largeLimit(async () => {
          throwIfCancelled()
          const copied = packsFrom && (await copyUnchangedPack(store, target, pack, packsFrom, packMetadata, moved))
          if (copied) {
            progress.add(copied.files.length, totalBytes(copied.files))
            return copied
          }
          return uploadPack(store, target, pack, packMetadata, (size) => progress.add(1, size), encoding, packBuffers)
        })
      )
    ),
    Promise.all(small.map((file) => limit(() => sendFile(file))))
  ]).catch((error: unknown) => {
    progress.abandon()
    throw error
  })
  progress.finish()
  if (moved.copiedFiles > 0)
    core.info(
      `${plural(moved.copiedFiles, 'file')} (${formatBytes(moved.copiedBytes)}) unchanged since the previous build ${store.url(previous!.setPrefix)}: copied server-side, not sent.`
    )
  const entries = [...storedLarge, ...storedSmall, ...packed.flatMap((pack) => pack.files)].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0
  )
  return { entries, packs: packed.map((pack) => pack.record) }
}

/**
 * Stores the package directory as the commit's set, then (tier on) fills the code-hash set from it by
 * server-side copy. Each set is written holding its claim (claims.ts), so runs storing the same set at once
 * never mix their objects: the first writes it, the others wait and write nothing. A set already whole is
 * kept; a broken one (objects not those of its manifest, a manifest not trusted) is replaced — manifest
 * cleared first, written last. Shared by upload and the assets plugin.
 */
export async function publish(store: Store, request: PublishRequest, policy: SetPolicy): Promise<Published> {
  const files = await listPackageFiles(request.directory, { warnOfLeftovers: true })
  const target = commitPrefix(request.prefix, request.commit)
  const owner = { commit: request.commit }
  // A whole set built under another key is replaced (upload says why before it gets here).
  const standing = (state: SetState): state is SetState & { state: 'whole' } =>
    state.state === 'whole' && builtUnder(state.manifest, request.codeHash)
  const whole = async (): Promise<boolean> => standing(await inspectSet(store, target, policy, owner))
  const written = await underClaim(
    store,
    target,
    { what: `The set of commit ${request.commit} at ${store.url(target)}`, storedMeanwhile: whole },
    async () => {
      const now = await inspectSet(store, target, policy, owner)
      if (standing(now)) return { manifest: now.manifest, by: 'another-run' as const }
      noteReplacing(store, target, now)
      let uploaded: Awaited<ReturnType<typeof uploadFiles>>
      try {
        // Read only by the run that writes the set: one that finds it stored reads nothing more.
        const previous = await previousBuild(store, request.prefix, policy)
        uploaded = await uploadFiles(store, request, files, target, previous)
        throwIfCancelled()
      } catch (error) {
        throw asCancellation(
          error,
          `no manifest was written for ${store.url(target)}, so nothing is stored for commit ${request.commit}; the objects sent before the stop ` +
            `stay until an upload of this commit replaces them, and no multipart upload was left open`
        )
      }
      const { entries, packs } = uploaded
      const manifest = buildManifest({
        commit: request.commit,
        codeHash: request.codeHash,
        source: 'upload',
        files: entries,
        packs,
        platform: request.platform
      })
      await writeManifest(store, target, manifest, policy, now.state === 'none')
      await deleteStrays(store, target, now, manifest)
      return { manifest, by: 'this-run' as const, ...(now.state === 'broken' ? { replaced: now.problem } : {}) }
    }
  )
  if (!written || written.by === 'another-run') {
    const manifest = written?.manifest ?? (await readManifest(store, target, policy, owner))
    if (!manifest)
      throw new IntegrityError(`Another run stored ${store.url(target)} while this one waited, but its manifest cannot be used.`)
    // That run writes the code-hash set too.
    return { manifest, by: 'another-run' }
  }
  const manifest = written.manifest
  try {
    if (request.writeCodeHashSet !== false) await publishCodeHashSet(store, request, policy, manifest, target)
  } catch (error) {
    throw asCancellation(
      error,
      `the set of commit ${request.commit} is stored in ${store.url(target)}; the code-hash set was not completed (no manifest), so nothing is served from it`
    )
  }
  return written
}

/** Fills `cache/<code hash>/` from the commit's set just stored, unless a whole one is there; then the newest-build pointer. */
async function publishCodeHashSet(
  store: Store,
  request: PublishRequest,
  policy: SetPolicy,
  manifest: Manifest,
  target: string
): Promise<void> {
  if (!request.codeHash) return
  const cached = codeHashPrefix(request.prefix, request.codeHash)
  if (!policy.cacheWrite.allowed) {
    core.info(`Not writing the shared code-hash set ${store.url(cached)}: ${policy.cacheWrite.reason}.`)
    return
  }
  const owner = { codeHash: request.codeHash }
  const whole = async (): Promise<boolean> => (await inspectSet(store, cached, policy, owner)).state === 'whole'
  await underClaim(store, cached, { what: `The code-hash set ${store.url(cached)}`, storedMeanwhile: whole }, async () => {
    const now = await inspectSet(store, cached, policy, owner)
    if (now.state === 'whole') {
      core.info(`The shared code-hash set ${store.url(cached)} is stored already (the same sources were built before): not copied again.`)
      return
    }
    noteReplacing(store, cached, now)
    const copies = await copySet(store, setObjects(manifest), target, cached, request.concurrency, policy.signing.keys.length > 0)
    const copied: Manifest = { ...manifest, ...withObjects(manifest, copies) }
    if (!request.inputs) {
      await writeManifest(store, cached, copied, policy, now.state === 'none')
      return
    }
    // What the key was made of, bound to the set by the manifest: a later miss is explained from it.
    const record = serializeInputs(request.codeHash, request.inputs)
    const inputs = { path: INPUTS_NAME, size: record.length, sha256: sha256Hex(record) }
    await store.put(cached + INPUTS_NAME, record, { size: record.length, contentType: 'application/gzip', sha256: inputs.sha256 })
    await writeManifest(store, cached, { ...copied, inputs }, policy, now.state === 'none')
    await deleteStrays(store, cached, now, copied)
  })
  // This build is the newest under the prefix (after its set's manifest, so the pointer never names a set that is not there).
  if (request.inputs) {
    const pointer = newestPointer(request.codeHash)
    await store.put(newestPointerKey(request.prefix), pointer, { size: pointer.length, contentType: 'application/json' })
  }
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

  async stored(prefix: string, commit: string): Promise<Stored> {
    const setPrefix = commitPrefix(prefix, commit)
    const state = await inspectSet(this.store, setPrefix, this.policy, { commit })
    if (state.state === 'whole') return state.manifest
    return state.state === 'broken' ? { broken: state.problem } : undefined
  }

  publish(request: PublishRequest): Promise<Published> {
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
    // Loaded only when a set is fetched: a check that finds nothing, or only reports a hit, starts without it.
    const { downloadSet } = await import('./download.js')
    await downloadSet(this.store, setPrefix, known, directory, concurrency)
    return known
  }

  close(): void {
    this.store.close()
  }
}
