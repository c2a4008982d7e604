import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { IntegrityError } from '../errors.js'
import type { Store } from '../stores/store.js'
import { filesByPack, PACKS_DIRECTORY, type ManifestFile, type PackRecord } from './manifest.js'
import type { PackageFile } from './package-files.js'
import { compressWhole, encodingSuffix, mayCompress, WORTH_COMPRESSING, type PackEncoding } from './pack-encoding.js'
import { memberHeader, paddingAfter, TAR_END } from './tar.js'
import { readListedFile, readListedFileInto } from '../util/capped-read.js'
import { sha256Hex } from '../util/digest-stream.js'
import { nodeCrypto } from '../util/node-builtins.js'

const MiB = 1024 * 1024

/** A pack closes before it would grow past this, so a large set gives several packs to move in parallel. */
export const MAX_PACK_BYTES = 64 * 1024 * 1024
/** Files read ahead of the one being sent into a pack. */
const READ_AHEAD = 16
/** About how many packs a package's small files are cut into (a power of two bounds each pack's size; see packTarget). */
const PACKS_AIMED_FOR = 32
const SMALLEST_TARGET = 256 * 1024
const LARGEST_TARGET = 16 * 1024 * 1024
/**
 * A plain pack up to this size is gathered into one buffer and sent in one request with the SHA-256 taken as it
 * was built: a stream would go up as a multipart upload, copied into parts and hashed again for SigV4. A pack to
 * compress is gathered whatever its size (at most MAX_PACK_BYTES): it is compressed whole.
 */
const GATHER_PACKS_UP_TO = LARGEST_TARGET

interface PackMember {
  readonly file: PackageFile
  readonly header: Buffer
  /** Where the file's bytes start in the pack. */
  readonly offset: number
}

export interface PlannedPack {
  /** Relative to the set: `.packs/<n>.tar`. */
  readonly path: string
  readonly members: readonly PackMember[]
  /** Exact size of the pack, known before it is written, so it can be uploaded as a stream of known length. */
  readonly size: number
}

/**
 * The average pack size aimed at: a power of two near 1/32 of the small files' bytes, 256 KiB to 16 MiB. A power
 * of two, so a package growing or shrinking a little keeps its target, and so its packs.
 */
export function packTarget(smallBytes: number, maxPackBytes = MAX_PACK_BYTES): number {
  const aim = 2 ** Math.floor(Math.log2(Math.max(1, smallBytes / PACKS_AIMED_FOR)))
  return Math.min(maxPackBytes, LARGEST_TARGET, Math.max(SMALLEST_TARGET, aim))
}

/**
 * Whether a pack ends after this member: decided by the member's own path, with a chance of its length over the
 * target (so packs average the target whatever the file sizes). Boundaries are content-defined: a file that
 * changes, appears or goes changes the pack it falls in, and every other pack keeps its members and its bytes,
 * so the next upload copies it server-side and a warm restore keeps it.
 */
function endsPack(relative: string, length: number, target: number): boolean {
  const draw = nodeCrypto().createHash('sha256').update(relative).digest().readUInt32BE(0) / 2 ** 32
  return draw < length / target
}

/**
 * Splits a package into packs of the files smaller than `packBelow` (in path order, cut where endsPack says or
 * before a pack would pass maxPackBytes) and the files that stay plain objects. `packBelow` 0 packs nothing: the
 * version 1 layout.
 */
export function planPacks(
  files: readonly PackageFile[],
  packBelow: number,
  maxPackBytes = MAX_PACK_BYTES
): { packs: PlannedPack[]; plain: PackageFile[] } {
  const plain = files.filter((file) => file.size >= packBelow || packBelow <= 0)
  const small = (packBelow > 0 ? files.filter((file) => file.size < packBelow) : [])
    .slice()
    .sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
    .map((file) => {
      const header = memberHeader(file.relative, file.size)
      return { file, header, length: header.length + file.size + paddingAfter(file.size) }
    })
  const target = packTarget(
    small.reduce((sum, member) => sum + member.length, 0),
    maxPackBytes
  )
  const packs: PlannedPack[] = []
  let members: PackMember[] = []
  let size = 0
  const close = (): void => {
    if (members.length === 0) return
    packs.push({ path: `${PACKS_DIRECTORY}${packs.length}.tar`, members, size: size + TAR_END.length })
    members = []
    size = 0
  }
  for (const { file, header, length } of small) {
    if (members.length > 0 && size + length + TAR_END.length > maxPackBytes) close()
    members.push({ file, header, offset: size + header.length })
    size += length
    if (endsPack(file.relative, length, target)) close()
  }
  close()
  return { packs, plain }
}

/** A pack of an earlier set, with its files in offset order. */
export interface EarlierPack {
  readonly record: PackRecord
  readonly files: readonly ManifestFile[]
}

/** What a pack holds, by name and size: equal for a planned pack and an earlier one that may hold the same bytes. */
function packShape(members: readonly { path: string; size: number }[]): string {
  return JSON.stringify(members.map((member) => [member.path, member.size]))
}

/** An earlier set's packs by shape, for finding the ones a new upload can copy instead of send. */
export function packsByShape(files: readonly ManifestFile[], packs: readonly PackRecord[]): Map<string, EarlierPack> {
  const byPack = filesByPack(files)
  const byShape = new Map<string, EarlierPack>()
  for (const record of packs) {
    const packed = byPack.get(record.path) ?? []
    byShape.set(packShape(packed), { record, files: packed })
  }
  return byShape
}

/**
 * The earlier pack holding exactly this planned pack's files (names, sizes and SHA-256 as they are on disk now,
 * in the same order, so the same bytes), with those SHA-256 in member order; undefined when there is none.
 */
export async function sameEarlierPack(
  pack: PlannedPack,
  earlier: ReadonlyMap<string, EarlierPack>
): Promise<{ earlier: EarlierPack; sha256: string[] } | undefined> {
  const candidate = earlier.get(packShape(pack.members.map((member) => ({ path: member.file.relative, size: member.file.size }))))
  if (!candidate || (candidate.record.tarSize ?? candidate.record.size) !== pack.size) return undefined
  const sha256: string[] = []
  for (const [index, member] of pack.members.entries()) {
    const bytes = await readListedFile(member.file.absolute)
    const digest = sha256Hex(bytes)
    if (digest !== candidate.files[index]!.sha256 || candidate.files[index]!.offset !== member.offset) return undefined
    sha256.push(digest)
  }
  return { earlier: candidate, sha256 }
}

/**
 * The bytes of a pack, each file read (a few ahead) as it is needed, hashed and checked against the size it had
 * when the pack was planned: a file that changed since fails the upload instead of shifting every offset after it.
 */
async function* packBytes(pack: PlannedPack, onMember: (member: PackMember, sha256: string) => void): AsyncGenerator<Buffer> {
  // Reads started, oldest first; each is taken off the queue when its turn comes, so sent bytes can be collected.
  const reads: Promise<Buffer>[] = []
  const startRead = (index: number): void => {
    if (index >= pack.members.length) return
    const read = readListedFile(pack.members[index]!.file.absolute)
    read.catch(() => undefined) // awaited below; this only keeps an abandoned read from being an unhandled rejection
    reads.push(read)
  }
  for (let index = 0; index < READ_AHEAD; index++) startRead(index)
  for (const [index, member] of pack.members.entries()) {
    const bytes = await reads.shift()!
    startRead(index + READ_AHEAD)
    if (bytes.length !== member.file.size) throw changedWhilePacked(member, bytes.length)
    onMember(member, sha256Hex(bytes))
    yield member.header
    if (bytes.length > 0) yield bytes
    const padding = paddingAfter(bytes.length)
    if (padding > 0) yield Buffer.alloc(padding)
  }
  yield TAR_END
}

/** The error for a file whose size is not the one it had when its pack was planned. */
function changedWhilePacked(member: PackMember, size: number | string): IntegrityError {
  return new IntegrityError(
    `${member.file.absolute} changed while it was packed (${member.file.size} bytes when listed, ${size} when read). Upload again.`
  )
}

/**
 * The buffers packs are gathered in, used again once their pack is sent: a fresh buffer a pack cost a page fault
 * for every 4 KiB of the set's small files (on this VM, 15% of a packed upload's CPU). Sizes are rounded up to
 * whole MiB so a buffer fits the next pack more often; at most `keep` are held, the largest.
 */
export class PackBuffers {
  private readonly spare: Buffer[] = []
  /** The memory of buffers made here: only those are used again (a small Buffer may share Node's pool). */
  private readonly ours = new WeakSet<ArrayBufferLike>()

  constructor(private readonly keep: number) {}

  /** A buffer of exactly `size` bytes (its contents are whatever was there). */
  take(size: number): Buffer {
    const fits = this.spare.filter((buffer) => buffer.length >= size).sort((a, b) => a.length - b.length)[0]
    if (fits) {
      this.spare.splice(this.spare.indexOf(fits), 1)
      return fits.subarray(0, size)
    }
    const made = Buffer.allocUnsafeSlow(Math.ceil(size / MiB) * MiB || MiB)
    this.ours.add(made.buffer)
    return made.subarray(0, size)
  }

  /** Gives back a buffer from take() whose bytes nothing reads any more (its request has been answered). */
  give(body: Buffer): void {
    if (!this.ours.has(body.buffer)) return
    this.spare.push(Buffer.from(body.buffer))
    if (this.spare.length > this.keep) this.spare.sort((a, b) => b.length - a.length).pop()
  }
}

/**
 * The bytes of a pack in one buffer, each file read straight into its place (a few at a time: the places do not
 * overlap), hashed and checked against the size it had when the pack was planned; with each file's SHA-256 in
 * member order. No file is read into a buffer of its own and copied again.
 */
async function gatherPack(
  pack: PlannedPack,
  onFile: (size: number) => void,
  buffers: PackBuffers
): Promise<{ body: Buffer; sha256: string[] }> {
  const body = buffers.take(pack.size)
  const sha256: string[] = []
  let next = 0
  let failed = false
  const readMembers = async (): Promise<void> => {
    while (next < pack.members.length && !failed) {
      const index = next++
      const member = pack.members[index]!
      const { size } = member.file
      member.header.copy(body, member.offset - member.header.length)
      const place = body.subarray(member.offset, member.offset + size)
      const held = await readListedFileInto(member.file.absolute, place)
      if (held < size) throw changedWhilePacked(member, held)
      if (held > size)
        throw changedWhilePacked(
          member,
          await stat(member.file.absolute).then(
            (info) => info.size,
            () => `more than ${size}`
          )
        )
      sha256[index] = sha256Hex(place)
      body.fill(0, member.offset + size, member.offset + size + paddingAfter(size))
      onFile(size)
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(READ_AHEAD, pack.members.length) }, () =>
      readMembers().catch((error: unknown) => {
        failed = true // the other readers stop at their next file
        throw error
      })
    )
  )
  TAR_END.copy(body, pack.size - TAR_END.length)
  return { body, sha256 }
}

/**
 * Writes one pack under `setPrefix`; returns its record and the manifest entries of its files. Plain tar is gathered
 * and sent in one request (over 16 MiB: streamed up in parts). With an encoding (zstd where the runtime has it,
 * unless pack-compression is none) the pack is gathered, compressed whole in the thread pool (a pack is at most
 * 64 MiB) and stored as `<n>.tar.zst`, unless that saves under a tenth of its bytes; a pack whose sample does not
 * compress (already-compressed or random files) is stored plain without being compressed whole.
 */
export async function uploadPack(
  store: Store,
  setPrefix: string,
  pack: PlannedPack,
  metadata: Readonly<Record<string, string>>,
  onFile: (size: number) => void,
  /** zstd, or undefined for plain tar (the runtime has no zstd, or pack-compression: none). */
  encoding: PackEncoding | undefined,
  /** Where a plain pack is gathered; its buffer goes back once the pack is stored (an upload shares one). */
  buffers: PackBuffers = new PackBuffers(0)
): Promise<{ record: PackRecord; files: ManifestFile[] }> {
  let members: { member: PackMember; sha256: string }[] = []
  let record: PackRecord
  if (encoding || pack.size <= GATHER_PACKS_UP_TO) {
    const gathered = await gatherPack(pack, onFile, buffers)
    members = pack.members.map((member, index) => ({ member, sha256: gathered.sha256[index]! }))
    const tar = gathered.body
    const compressed = encoding && mayCompress(encoding, tar) ? await compressWhole(encoding, tar) : undefined
    const kept = encoding && compressed && compressed.length < WORTH_COMPRESSING * pack.size ? { encoding, compressed } : undefined
    // The tar goes back to the pool before a compressed pack is sent, after a plain one (it is the body then).
    if (kept) buffers.give(tar)
    const body = kept ? kept.compressed : tar
    const path = kept ? pack.path + encodingSuffix(kept.encoding) : pack.path
    const sha256 = sha256Hex(body)
    const contentType = kept ? 'application/zstd' : 'application/x-tar'
    const { etag } = await store.put(setPrefix + path, body, { size: body.length, sha256, contentType, metadata })
    if (!kept) buffers.give(tar)
    record = {
      path,
      size: body.length,
      sha256,
      ...(etag ? { etag } : {}),
      ...(kept ? { encoding: kept.encoding, tarSize: pack.size } : {})
    }
  } else {
    const tarHash = nodeCrypto().createHash('sha256')
    let sent = 0
    const tar = (async function* () {
      for await (const chunk of packBytes(pack, (member, sha256) => {
        members.push({ member, sha256 })
        onFile(member.file.size)
      })) {
        tarHash.update(chunk)
        sent += chunk.length
        yield chunk
      }
    })()
    const { etag } = await store.put(setPrefix + pack.path, Readable.from(tar, { objectMode: false }), {
      size: pack.size,
      contentType: 'application/x-tar',
      metadata
    })
    if (sent !== pack.size)
      throw new IntegrityError(`The pack ${store.url(setPrefix + pack.path)} came out ${sent} bytes, not ${pack.size}.`)
    record = { path: pack.path, size: pack.size, sha256: tarHash.digest('hex'), ...(etag ? { etag } : {}) }
  }
  const files = members.map(({ member, sha256 }) => ({
    path: member.file.relative,
    size: member.file.size,
    sha256,
    pack: record.path,
    offset: member.offset
  }))
  return { record, files }
}
