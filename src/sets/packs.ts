import { createHash } from 'node:crypto'
import { readFile as readFileCallback } from 'node:fs'
import { Readable } from 'node:stream'
import { promisify } from 'node:util'
import { IntegrityError } from '../errors.js'
import type { Store } from '../stores/store.js'
import { PACKS_DIRECTORY, type ManifestFile, type PackRecord } from './manifest.js'
import type { PackageFile } from './package-files.js'
import { memberHeader, paddingAfter, TAR_END } from './tar.js'

const readFile = promisify(readFileCallback)

/** A pack closes before it would grow past this, so a large set gives several packs to move in parallel. */
export const MAX_PACK_BYTES = 64 * 1024 * 1024
/** Files read ahead of the one being sent into a pack. */
const READ_AHEAD = 16

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
 * Splits a package into packs of the files smaller than `packBelow` (in path order, each pack up to
 * maxPackBytes) and the files that stay plain objects. `packBelow` 0 packs nothing: the version 1 layout.
 */
export function planPacks(
  files: readonly PackageFile[],
  packBelow: number,
  maxPackBytes = MAX_PACK_BYTES
): { packs: PlannedPack[]; plain: PackageFile[] } {
  const plain = files.filter((file) => file.size >= packBelow || packBelow <= 0)
  const small = (packBelow > 0 ? files.filter((file) => file.size < packBelow) : []).map((file) => {
    const header = memberHeader(file.relative, file.size)
    return { file, header, length: header.length + file.size + paddingAfter(file.size) }
  })
  // As many packs as the bound requires, filled evenly, so they upload and download side by side in similar time.
  const smallBytes = small.reduce((sum, member) => sum + member.length, 0)
  const fill = Math.ceil(smallBytes / Math.max(1, Math.ceil(smallBytes / (maxPackBytes - TAR_END.length))))
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
    if (members.length > 0 && (size + length + TAR_END.length > maxPackBytes || size >= fill)) close()
    members.push({ file, header, offset: size + header.length })
    size += length
  }
  close()
  return { packs, plain }
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
    const read = readFile(pack.members[index]!.file.absolute)
    read.catch(() => undefined) // awaited below; this only keeps an abandoned read from being an unhandled rejection
    reads.push(read)
  }
  for (let index = 0; index < READ_AHEAD; index++) startRead(index)
  for (const [index, member] of pack.members.entries()) {
    const bytes = await reads.shift()!
    startRead(index + READ_AHEAD)
    if (bytes.length !== member.file.size) {
      throw new IntegrityError(
        `${member.file.absolute} changed while it was packed (${member.file.size} bytes when listed, ${bytes.length} when read). Upload again.`
      )
    }
    onMember(member, createHash('sha256').update(bytes).digest('hex'))
    yield member.header
    if (bytes.length > 0) yield bytes
    const padding = paddingAfter(bytes.length)
    if (padding > 0) yield Buffer.alloc(padding)
  }
  yield TAR_END
}

/** Writes one pack under `setPrefix` as a stream; returns its record and the manifest entries of its files. */
export async function uploadPack(
  store: Store,
  setPrefix: string,
  pack: PlannedPack,
  metadata: Readonly<Record<string, string>>,
  onFile: (size: number) => void
): Promise<{ record: PackRecord; files: ManifestFile[] }> {
  const files: ManifestFile[] = []
  const packHash = createHash('sha256')
  let sent = 0
  const source = Readable.from(
    (async function* () {
      for await (const chunk of packBytes(pack, (member, sha256) => {
        files.push({ path: member.file.relative, size: member.file.size, sha256, pack: pack.path, offset: member.offset })
        onFile(member.file.size)
      })) {
        packHash.update(chunk)
        sent += chunk.length
        yield chunk
      }
    })(),
    { objectMode: false }
  )
  const { etag } = await store.put(setPrefix + pack.path, source, { size: pack.size, contentType: 'application/x-tar', metadata })
  if (sent !== pack.size) throw new IntegrityError(`The pack ${store.url(setPrefix + pack.path)} came out ${sent} bytes, not ${pack.size}.`)
  return { record: { path: pack.path, size: pack.size, sha256: packHash.digest('hex'), ...(etag ? { etag } : {}) }, files }
}
