import * as core from '../runner.js'
import pLimit from 'p-limit'
import { READ_LIMITS } from '../constants.js'
import { errorMessage, IntegrityError, MissingObjectError, OversizedError, PreconditionFailedError } from '../errors.js'
import { asCancellation, cancelledBy, throwIfCancelled } from '../util/cancellation.js'
import { underClaim } from './claims.js'
import { setProblem, strayObjects } from './set-state.js'
import { Progress } from '../util/progress.js'
import type { Store, StoredObject } from '../stores/store.js'
import type { FindRequest, FindResult, MissReason, SetPolicy } from './asset-sets.js'
import { explainMiss, explainOtherKey } from './miss-reason.js'
import { otherPlatform, otherPlatformAdvice } from './platform.js'
import { codeHashPrefix, commitPrefix, isSetBookkeeping, manifestKey } from './layout.js'
import {
  buildManifest,
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
import { nodeCrypto } from '../util/node-builtins.js'

// Reading, checking and promoting object sets: what check needs. Storing one is object-publish.ts, loaded by
// uploads only; ObjectAssetSets (object-asset-sets.ts) puts the two behind the AssetSets interface.

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
export async function writeManifest(store: Store, setPrefix: string, manifest: Manifest, policy: SetPolicy, create = false): Promise<void> {
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
export function noteReplacing(store: Store, setPrefix: string, state: SetState): void {
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
export async function deleteStrays(store: Store, setPrefix: string, state: SetState, manifest: Manifest): Promise<void> {
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
export async function readBackSha256(store: Store, key: string, size: number): Promise<string> {
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
export function withObjects(manifest: Manifest, objects: readonly SetObject[]): { files: ManifestFile[]; packs: PackRecord[] } {
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
