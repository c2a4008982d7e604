import * as core from '../runner.js'
import pLimit from 'p-limit'
import { IntegrityError, MissingObjectError } from '../errors.js'
import { asCancellation, throwIfCancelled } from '../util/cancellation.js'
import { underClaim } from './claims.js'
import { formatBytes, Progress } from '../util/progress.js'
import { plural } from '../util/text.js'
import type { CopyMetadata, Store } from '../stores/store.js'
import type { Published, PublishRequest, SetPolicy } from './asset-sets.js'
import { newestBuildKey, newestPointer } from './miss-reason.js'
import { codeHashPrefix, commitPrefix, newestPointerKey } from './layout.js'
import { serializeInputs } from '../hashing/set-key.js'
import {
  buildManifest,
  INPUTS_NAME,
  setObjects,
  totalBytes,
  type Manifest,
  type ManifestFile,
  type PackRecord,
  builtUnder
} from './manifest.js'
import { PackBuffers, packsByShape, planPacks, sameEarlierPack, uploadPack, type EarlierPack, type PlannedPack } from './packs.js'
import { listPackageFiles, type PackageFile } from './package-files.js'
import { encodingSuffix, writableEncoding } from './pack-encoding.js'
import { DigestedFile, sha256Hex, sha256OfFile } from '../util/digest-stream.js'
import { readListedFile } from '../util/capped-read.js'
import {
  copySet,
  deleteStrays,
  inspectSet,
  noteReplacing,
  readBackSha256,
  readManifest,
  readSetManifest,
  withObjects,
  writeManifest,
  type SetState
} from './object-sets.js'

// Storing a set in an object store (upload, the assets plugin): packing, incremental copies, claims. Loaded only
// when something is stored, so a check (every job's first step) starts without it.

type Mime = (typeof import('mime'))['default']

/** Files up to this size are read into memory and sent in one request; larger ones are streamed in parts. */
const SINGLE_PUT_LIMIT = 16 * 1024 * 1024
/** Packs and large files in flight at once (each buffers up to 4 parts of 8 MiB): two keep peak RSS under 200 MB. */
const LARGE_FILES_AT_ONCE = 2

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
  const body = await DigestedFile.open(file.absolute)
  const unwatch = progress.watch(body)
  const { etag } = await store
    .put(key, body, { size: file.size, contentType, metadata: objectMetadata(commit, codeHash, expected) })
    .finally(() => {
      unwatch()
      return body.close()
    })
  const sent = body.digest()
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
