import * as core from '../runner.js'
import { closeSync, createWriteStream, openSync, writevSync, type Stats } from 'node:fs'
import { lstat, mkdir, open, realpath, rename, rm, rmdir, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import pLimit from 'p-limit'
import { FilesError, IntegrityError, RangeIgnoredError, UnreadableSetError } from '../errors.js'
import { DigestLimitError, digestStream, sha256OfFile } from '../util/digest-stream.js'
import { filesByPack, isSafeRelativePath, totalBytes, type Manifest, type ManifestFile, type PackRecord } from './manifest.js'
import { decompressor, unreadableEncodingProblem } from './pack-encoding.js'
import { deepestExisting, preparePackageDirectory } from './package-directory.js'
import { fromPosixRelative, isInside, sameFileKey, windowsNameProblem } from '../util/paths.js'
import { formatBytes, Progress } from '../util/progress.js'
import { plural } from '../util/text.js'
import type { Store } from '../stores/store.js'
import { nodeCrypto } from '../util/node-builtins.js'
import { temporaryName } from './download-temporaries.js'
import { RANGE_PART, RANGED_ABOVE } from './ranged-parts.js'
import { MAX_PARTS } from '../stores/part-sizes.js'

async function lstatOrUndefined(candidate: string): Promise<Stats | undefined> {
  return lstat(candidate).catch(() => undefined)
}

/**
 * Checks every manifest path before anything is fetched or written: inside the package directory, not
 * hidden, a name this platform can store, not colliding with another path of the set (`A` and `a` on a
 * case-insensitive file system), and not landing on a directory or under a file already there. Returns
 * where each file goes, and what is already at each target (only a directory that existed can hold one: a cold
 * restore into a new directory looks at no file); `created` hears each directory it had to make (removed again
 * if the download fails).
 */
async function planTargets(
  root: string,
  files: readonly ManifestFile[],
  created: string[]
): Promise<{ targets: Map<string, string>; present: Map<string, Stats> }> {
  const targets = new Map<string, string>()
  const present = new Map<string, Stats>()
  const seen = new Map<string, string>()
  // Files of one directory share its check: a set of thousands of files in a few directories makes a few.
  const directoryExisted = new Map<string, boolean>()
  for (const file of files) {
    const segments = file.path.split('/')
    if (!isSafeRelativePath(file.path) || segments.some((segment) => segment.startsWith('.'))) {
      throw new IntegrityError(
        `Refusing to download '${file.path}': the manifest names a path outside the package directory or a hidden file.`
      )
    }
    const windowsProblem = process.platform === 'win32' ? segments.map(windowsNameProblem).find(Boolean) : undefined
    if (windowsProblem) throw new IntegrityError(`Refusing to download '${file.path}' on Windows: a part of its path ${windowsProblem}.`)
    const twin = seen.get(sameFileKey(file.path))
    if (twin !== undefined) {
      throw new IntegrityError(`Refusing to download the set: '${twin}' and '${file.path}' would be the same file on this file system.`)
    }
    seen.set(sameFileKey(file.path), file.path)
    const target = fromPosixRelative(root, file.path)
    const directory = path.dirname(target)
    let existed = directoryExisted.get(directory)
    if (existed === undefined) {
      existed = await checkDirectory(root, directory, file.path, created)
      directoryExisted.set(directory, existed)
    }
    const info = existed ? await lstatOrUndefined(target) : undefined
    if (info?.isDirectory()) {
      throw new FilesError(`Refusing to download '${file.path}': ${target} is a directory in the package directory. Nothing was written.`)
    }
    if (info) present.set(file.path, info)
    targets.set(file.path, target)
  }
  // Shallowest first, so each mkdir makes one level.
  for (const directory of [...new Set(created)].sort((a, b) => a.length - b.length)) await mkdir(directory, { recursive: true })
  return { targets, present }
}

/**
 * Checks where a file of the set goes in `directory`: the deepest directory that exists is checked before any is
 * created (mkdir would follow a symlink outward), and must be a directory inside root; the missing ones are
 * added to `created`. Returns whether `directory` itself was there.
 */
async function checkDirectory(root: string, directory: string, forPath: string, created: string[]): Promise<boolean> {
  const { existing, info } = await deepestExisting(directory)
  if (info && !info.isDirectory() && !info.isSymbolicLink()) {
    throw new FilesError(`Refusing to download '${forPath}': ${existing} is a file, not a directory. Nothing was written.`)
  }
  if (!isInside(root, await realpath(existing))) {
    throw new FilesError(`Refusing to download '${forPath}': a symlink in the package directory points outside it.`)
  }
  for (let missing = directory; missing !== existing && isInside(root, missing); missing = path.dirname(missing)) created.push(missing)
  return existing === directory
}

/**
 * Whether the file at `target` (found there as `info` by planTargets) already holds the manifest's bytes (a
 * self-hosted runner's workspace that keeps the last build): a regular file (never through a symlink) of the
 * right size whose SHA-256 matches. Only files of the right size are read, so a cold restore reads nothing here.
 */
async function alreadyInPlace(target: string, file: ManifestFile, info: Stats | undefined): Promise<boolean> {
  if (!info?.isFile() || info.size !== file.size) return false
  return (await sha256OfFile(target, { noFollow: true }).catch(() => undefined)) === file.sha256
}

/** What a download fetched and what it found already in place (kept as it was). */
export interface DownloadCounts {
  readonly fetchedFiles: number
  readonly keptFiles: number
  readonly keptBytes: number
}

/** The error for a file whose bytes are not the ones its manifest names; `pack` names the pack it was read from. */
function mismatch(file: ManifestFile, got: string, pack?: string): IntegrityError {
  return new IntegrityError(
    `'${file.path}'${pack ? ` in ${pack}` : ''} does not match its manifest (expected ${file.size} bytes with SHA-256 ${file.sha256}, got ${got}): ` +
      `it was changed after upload or cut short on the way. Nothing was kept; if it happens again, delete the set's .manifest.json so the assets are rebuilt.`
  )
}

/** Files up to this size are gathered in memory, checked, then written in one call: far cheaper than a stream each. */
const GATHER_BELOW = 1024 * 1024

/** Past this many chunks a gathered file is copied into one buffer (a server trickling bytes would cost an object a byte). */
const MANY_CHUNKS = 64

/**
 * A small file's bytes as they arrive: kept as the chunks they came in (no copy), or in one buffer of the
 * file's size once they are many. Written with `writeTo` once checked.
 */
class GatheredFile {
  private chunks: Buffer[] = []
  private whole: Buffer | undefined
  private filled = 0

  constructor(private readonly size: number) {}

  add(chunk: Buffer): void {
    if (!this.whole) {
      this.chunks.push(chunk)
      if (this.chunks.length <= MANY_CHUNKS) return
      this.whole = Buffer.allocUnsafe(this.size)
      for (const part of this.chunks) this.filled += part.copy(this.whole, this.filled)
      this.chunks = []
      return
    }
    this.filled += chunk.copy(this.whole, this.filled)
  }

  /**
   * Writes the bytes to a new file at `temp` (exclusively) in as few calls as the system takes. Synchronous on
   * purpose: the file is small and already checked, and open, writev and close in a row on the main thread
   * cost far less than three trips through the thread pool (a 1,000-file packed restore took 15% less time on
   * tmpfs than with fs.promises.writeFile of the concatenated chunks; 1,000 new files of 100 KB on ext4: 110
   * against 190 ms). Tried again with the callback API, the writes left to finish beside the pack's stream: a
   * packed restore of 1,000 files on ext4 took 1.44 s against 1.35 s, on 2 cores that the download keeps busy.
   */
  writeTo(temp: string): void {
    const fd = openSync(temp, 'wx')
    try {
      let pending = this.whole ? [this.whole.subarray(0, this.filled)] : this.chunks
      while (pending.length > 0) {
        const written = writevSync(fd, pending)
        // A write that takes none fails rather than being tried forever (the step would hang until the job's timeout).
        if (written === 0 && pending.some((part) => part.length > 0)) throw new Error(`a write to ${temp} took none of its bytes`)
        pending = unwritten(pending, written)
      }
    } finally {
      closeSync(fd)
    }
  }
}

/** What is left of `parts` once the first `written` bytes of them are written (a short write resumes there). */
export function unwritten(parts: readonly Buffer[], written: number): Buffer[] {
  let next = 0
  let left = written
  while (next < parts.length && left >= parts[next]!.length) left -= parts[next++]!.length
  const rest = parts.slice(next)
  if (left > 0) rest[0] = rest[0]!.subarray(left)
  return rest
}

/**
 * Streams one object to a temporary name beside its target and checks it; returns the temporary path. A small
 * file is gathered in memory and written once checked, as a packed one is.
 */
async function downloadFile(store: Store, key: string, target: string, file: ManifestFile, progress: Progress): Promise<string> {
  const temp = temporaryName(target)
  const tap = digestStream(file.size)
  const unwatch = progress.watch(tap)
  const gathered = file.size < GATHER_BELOW ? new GatheredFile(file.size) : undefined
  try {
    try {
      await pipeline(
        await store.get(key),
        tap,
        gathered
          ? async (source: AsyncIterable<Buffer>) => {
              for await (const chunk of source) gathered.add(chunk)
            }
          : createWriteStream(temp)
      )
    } catch (error) {
      if (error instanceof DigestLimitError) throw mismatch(file, `more than ${file.size} bytes`)
      throw error
    }
    const digest = tap.digest()
    if (tap.passed !== file.size || digest !== file.sha256) throw mismatch(file, `${tap.passed} bytes with ${digest}`)
    gathered?.writeTo(temp)
    return temp
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  } finally {
    unwatch()
  }
}

/** Where a download gets its temporary files' names, to remove them if it fails (the entry is updated in place). */
interface Arrival {
  temp: string
  readonly target: string
}

/** How much of a ranged file is read back at a time to hash it, into one buffer. */
const HASH_READ = 1024 * 1024

/**
 * A large file fetched as ranged parts, each a transfer of its own beside the packs and other files, written in
 * place in one temporary file. Over a single connection such a file is the download's tail (the server shares
 * itself among the other transfers until it is the only one left), and S3 holds one GET stream to ~80-100 MB/s.
 * The file is hashed in order while the parts arrive: the bytes right after what is hashed as they come, the
 * rest read back from the file once the bytes before them are in (from the page cache), so the check is done
 * when the last part is. A store that answers a range with anything else (a proxy that drops `Range`) has the
 * file fetched whole once every part has stopped, and every later large file of the download too, without asking.
 */
class RangedFile {
  readonly parts: { offset: number; length: number; landed: number }[] = []
  /** Bytes written so far, for progress. */
  passed = 0
  private opened: Promise<FileHandle> | undefined
  private settled = 0
  private rangesIgnored = false
  private failed = false
  private unwatch: (() => void) | undefined
  private readonly hash = nodeCrypto().createHash('sha256')
  /** Bytes hashed, from the start of the file. */
  private hashed = 0
  private catchingUp: Promise<void> | undefined
  private hashFailure: unknown
  private readBuffer: Buffer | undefined
  private readonly partSize: number

  constructor(
    private readonly store: Store & Required<Pick<Store, 'getRange'>>,
    private readonly key: string,
    private readonly file: ManifestFile,
    private readonly arrival: Arrival,
    private readonly progress: Progress,
    smallestPart: number,
    /** Shared by the download's ranged files: once the store has answered one range whole, no other part asks. */
    private readonly ranges: { ignored: boolean }
  ) {
    // At most MAX_PARTS (S3's own limit on an upload's parts), larger past that: a manifest is read from the store, so
    // a size in it may be anything up to 2^53, and a part list sized by it alone could fill the memory.
    this.partSize = Math.max(smallestPart, Math.ceil(file.size / MAX_PARTS))
    for (let offset = 0; offset < file.size; offset += this.partSize)
      this.parts.push({ offset, length: Math.min(this.partSize, file.size - offset), landed: 0 })
  }

  async fetch(part: (typeof this.parts)[number]): Promise<void> {
    try {
      if (this.ranges.ignored) this.rangesIgnored = true
      if (!this.rangesIgnored && !this.failed) await this.fetchPart(part)
    } catch (error) {
      if (error instanceof RangeIgnoredError) this.rangesIgnored = this.ranges.ignored = true
      else {
        this.failed = true
        throw error
      }
    } finally {
      this.settled++
    }
    if (this.settled === this.parts.length && !this.failed) await this.finish()
  }

  private async fetchPart(part: (typeof this.parts)[number]): Promise<void> {
    const { offset, length } = part
    this.unwatch ??= this.progress.watch(this)
    // Read as well as written: what arrives ahead of the hashed bytes is read back to hash it in order.
    this.opened ??= open(this.arrival.temp, 'wx+')
    const handle = await this.opened
    const body = await this.store.getRange(this.key, offset, length)
    let received = 0
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (received + chunk.length > length) {
        body.destroy()
        throw new RangeIgnoredError(`${this.store.url(this.key)} sent more than the ${length} bytes asked for at ${offset}.`)
      }
      const at = offset + received
      // The next bytes to hash: hashed as they come, never read back (unless a read back is under way).
      if (at === this.hashed && !this.catchingUp) {
        this.hash.update(chunk)
        this.hashed += chunk.length
      }
      let written = 0
      while (written < chunk.length) written += (await handle.write(chunk, written, chunk.length - written, at + written)).bytesWritten
      received += chunk.length
      part.landed = received
      this.passed += chunk.length
      // Not awaited: the parts keep streaming while the bytes before them are read back.
      if (this.hashed < at + chunk.length) this.catchUp(handle).catch((error: unknown) => (this.hashFailure ??= error))
    }
    if (received !== length) throw mismatch(this.file, `${received} of the ${length} bytes at ${offset}`)
  }

  /** Hashes, in order, what has landed on disk past the hashed bytes; one read back at a time. */
  private catchUp(handle: FileHandle): Promise<void> {
    // Assigned before it can settle, and cleared only once it has (a read back that finds nothing to do settles at once).
    this.catchingUp ??= this.readBack(handle).finally(() => (this.catchingUp = undefined))
    return this.catchingUp
  }

  private async readBack(handle: FileHandle): Promise<void> {
    for (;;) {
      const part = this.parts[Math.floor(this.hashed / this.partSize)]
      const ready = part ? part.offset + part.landed - this.hashed : 0
      if (ready <= 0) return
      this.readBuffer ??= Buffer.allocUnsafe(HASH_READ)
      const { bytesRead } = await handle.read(this.readBuffer, 0, Math.min(ready, HASH_READ), this.hashed)
      if (bytesRead === 0) throw mismatch(this.file, `a temporary file that ends at ${this.hashed} bytes`)
      this.hash.update(this.readBuffer.subarray(0, bytesRead))
      this.hashed += bytesRead
    }
  }

  /** Checks the whole file once every part is in, or fetches it whole if the store would not send ranges. */
  private async finish(): Promise<void> {
    this.unwatch?.()
    if (this.rangesIgnored) {
      await this.close()
      await rm(this.arrival.temp, { force: true })
      this.arrival.temp = await downloadFile(this.store, this.key, this.arrival.target, this.file, this.progress)
    } else {
      const handle = await this.opened!
      while (this.catchingUp) await this.catchingUp.catch(() => undefined)
      if (this.hashFailure === undefined) await this.catchUp(handle).catch((error: unknown) => (this.hashFailure = error))
      await this.close()
      if (this.hashFailure !== undefined) throw this.hashFailure
      const digest = this.hash.digest('hex')
      if (this.hashed !== this.file.size || digest !== this.file.sha256) throw mismatch(this.file, `${this.hashed} bytes with ${digest}`)
    }
    this.progress.add(1, this.file.size)
  }

  /** Closes the temporary file (a failed download calls it once its transfers have stopped, before removing it). */
  async close(): Promise<void> {
    const opened = this.opened
    this.opened = undefined
    await (await opened?.catch(() => undefined))?.close()
  }
}

/**
 * Reads one pack whole with a single GET and writes each of its files, as the bytes stream by, to a
 * temporary name beside its target, checking every file's size and, at the end, the pack's own size and
 * SHA-256. The pack's digest covers every byte of every file in it (and the headers around them, so a pack
 * whose headers were rewritten fails even when every file's bytes are intact), and no file takes its name
 * before it is checked; so the files are not hashed a second time as they pass. Only when the pack does not
 * match are the files read back, to name the one that differs. Temporary paths are reported through `onTemp`
 * as they are made, so a failure half way can remove them.
 */
async function downloadPack(
  store: Store,
  setPrefix: string,
  pack: PackRecord,
  files: readonly ManifestFile[],
  targets: ReadonlyMap<string, string>,
  onTemp: (temp: string, target: string) => void,
  onFile: (size: number) => void
): Promise<void> {
  const packKey = setPrefix + pack.path
  const packHash = nodeCrypto().createHash('sha256')
  let index = 0
  let handle: FileHandle | undefined
  let gathered: GatheredFile | undefined
  let temp = ''
  let written = 0
  /** The temporary file of each file written so far, to name the one that differs when the pack does not match. */
  const landed: { file: ManifestFile; temp: string }[] = []

  const openFile = async (file: ManifestFile): Promise<void> => {
    const target = targets.get(file.path)!
    temp = temporaryName(target)
    written = 0
    if (file.size < GATHER_BELOW) {
      gathered = new GatheredFile(file.size)
      return
    }
    onTemp(temp, target)
    handle = await open(temp, 'wx')
  }
  const closeFile = async (file: ManifestFile): Promise<void> => {
    await handle?.close()
    handle = undefined
    if (written !== file.size) throw mismatch(file, `${written} bytes`, store.url(packKey))
    if (gathered) {
      // Registered first so a failed write is still cleaned up.
      onTemp(temp, targets.get(file.path)!)
      gathered.writeTo(temp)
      gathered = undefined
    }
    landed.push({ file, temp })
    onFile(file.size)
    index++
  }
  /** Takes the files whose bytes end by `reached` (the pack position streamed so far) out of `chunk`, which starts at `chunkStart`. */
  const consume = async (chunk: Buffer, chunkStart: number): Promise<void> => {
    const reached = chunkStart + chunk.length
    while (index < files.length) {
      const file = files[index]!
      const fileEnd = file.offset! + file.size
      if (file.offset! > reached || (file.size > 0 && file.offset! === reached)) return
      if (!handle && !gathered) await openFile(file)
      const from = Math.max(file.offset!, chunkStart) - chunkStart
      const to = Math.min(fileEnd, reached) - chunkStart
      if (to > from) {
        const part = chunk.subarray(from, to)
        written += part.length
        if (gathered) gathered.add(part)
        else await handle!.write(part)
      }
      if (fileEnd > reached) return
      await closeFile(file)
    }
  }
  // The stored bytes are counted and hashed as they arrive; a compressed pack is decoded after that, and the tar
  // inside it read as a plain pack is: one read, nothing written to disk but the files.
  const tarSize = pack.tarSize ?? pack.size
  let stored = 0
  let position = 0
  const tooLarge = (what: string, size: number): IntegrityError =>
    new IntegrityError(`The pack ${store.url(packKey)} is larger than the ${size} bytes its manifest gives${what}: nothing was kept.`)
  try {
    await consume(Buffer.alloc(0), 0)
    const body = await store.get(packKey)
    const counted = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        stored += chunk.length
        if (stored > pack.size) throw tooLarge('', pack.size)
        packHash.update(chunk)
        yield chunk
      }
    }
    const unpack = async (source: AsyncIterable<Buffer>): Promise<void> => {
      for await (const chunk of source) {
        if (position + chunk.length > tarSize) throw tooLarge(pack.encoding ? ' once decompressed' : '', tarSize)
        await consume(chunk, position)
        position += chunk.length
      }
    }
    const decode = pack.encoding ? decompressor(pack.encoding) : undefined
    if (pack.encoding && !decode) throw new UnreadableSetError(unreadableEncodingProblem(pack.encoding)!)
    // Whatever the decoder says (a damaged frame, an unexpected end) is about the pack's bytes: a mismatch, not a failure.
    let decodeError: unknown
    decode?.once('error', (error) => (decodeError = error))
    await (decode ? pipeline(body, counted, decode, unpack) : pipeline(body, counted, unpack)).catch((error: unknown) => {
      if (error === decodeError)
        throw new IntegrityError(`The pack ${store.url(packKey)} does not decompress (${(error as Error).message}): nothing was kept.`)
      throw error
    })
    if (index < files.length) throw mismatch(files[index]!, `the end of the pack at byte ${position}`, store.url(packKey))
    const digest = packHash.digest('hex')
    if (stored !== pack.size || position !== tarSize || digest !== pack.sha256) {
      for (const { file, temp } of landed) {
        const got = await sha256OfFile(temp, { noFollow: true }).catch(() => undefined)
        if (got !== file.sha256)
          throw mismatch(file, got ? `${file.size} bytes with ${got}` : 'a file it could not read back', store.url(packKey))
      }
      throw new IntegrityError(
        `The pack ${store.url(packKey)} does not match its manifest (expected ${pack.size} bytes with SHA-256 ${pack.sha256}, got ${stored} bytes with ${digest}): ` +
          `its files arrived intact but the archive around them was changed, so 'tar -xf' of it would not give the set's files. Nothing was kept; upload the set again.`
      )
    }
  } finally {
    await handle?.close()
  }
}

/**
 * Brings a stored set into `directory`: streamed, bounded, every file checked against the manifest's size
 * and SHA-256 under a temporary name. Only when every file has arrived intact do they take their final
 * names, so a tampered, truncated or vanished object leaves nothing behind. A file already there with the
 * manifest's size and SHA-256 is kept and not fetched (a warm restore); a pack is fetched unless every file
 * in it is already in place.
 */
export async function downloadSet(
  store: Store,
  setPrefix: string,
  manifest: Manifest,
  directory: string,
  concurrency: number,
  parts: { rangedAbove: number; partSize: number } = { rangedAbove: RANGED_ABOVE, partSize: RANGE_PART }
): Promise<DownloadCounts> {
  // Before anything is written: a set this runtime cannot decode is a miss, not a half-done download.
  for (const pack of manifest.packs ?? []) {
    const problem = pack.encoding && unreadableEncodingProblem(pack.encoding)
    if (problem) throw new UnreadableSetError(problem)
  }
  const root = await preparePackageDirectory(directory, { create: true })
  const progress = new Progress(
    { doing: `Downloading to ${directory}:`, done: `Downloaded to ${directory}:` },
    manifest.files.length,
    totalBytes(manifest.files)
  )
  const limit = pLimit(concurrency)
  const arrived: Arrival[] = []
  const ranged: RangedFile[] = []
  const ranges = { ignored: false }
  const created: string[] = []
  let keptFiles: number
  let keptBytes: number
  try {
    // Every target is checked before any byte is fetched.
    const { targets, present } = await planTargets(root, manifest.files, created)
    const inPlace = new Set<string>()
    await Promise.all(
      manifest.files
        .filter((file) => present.has(file.path))
        .map((file) =>
          limit(async () => {
            if (await alreadyInPlace(targets.get(file.path)!, file, present.get(file.path))) inPlace.add(file.path)
          })
        )
    )
    const byPack = filesByPack(manifest.files)
    const packsToFetch = (manifest.packs ?? []).filter((pack) => !(byPack.get(pack.path) ?? []).every((file) => inPlace.has(file.path)))
    const fetchedPacks = new Set(packsToFetch.map((pack) => pack.path))
    const plain = manifest.files.filter((file) => file.pack === undefined && !inPlace.has(file.path))
    const kept = manifest.files.filter((file) => inPlace.has(file.path) && (file.pack === undefined || !fetchedPacks.has(file.pack)))
    keptFiles = kept.length
    keptBytes = totalBytes(kept)
    progress.add(keptFiles, keptBytes)
    const transfers = [
      ...packsToFetch.map((pack) => ({
        size: pack.size,
        run: () =>
          downloadPack(
            store,
            setPrefix,
            pack,
            byPack.get(pack.path) ?? [],
            targets,
            (temp, target) => arrived.push({ temp, target }),
            (size) => progress.add(1, size)
          )
      })),
      ...plain.flatMap((file) => {
        const target = targets.get(file.path)!
        if (store.getRange && file.size > parts.rangedAbove) {
          const arrival = { temp: temporaryName(target), target }
          arrived.push(arrival)
          const whole = new RangedFile(
            store as Store & Required<Pick<Store, 'getRange'>>,
            setPrefix + file.path,
            file,
            arrival,
            progress,
            parts.partSize,
            ranges
          )
          ranged.push(whole)
          return whole.parts.map((part) => ({ size: part.length, run: () => whole.fetch(part) }))
        }
        return [
          {
            size: file.size,
            run: async () => {
              arrived.push({ temp: await downloadFile(store, setPrefix + file.path, target, file, progress), target })
              progress.add(1, file.size)
            }
          }
        ]
      })
    ]
    // Largest first: a large file started last would be the tail of the whole download.
    transfers.sort((a, b) => b.size - a.size)
    await Promise.all(transfers.map((transfer) => limit(transfer.run)))
  } catch (error) {
    progress.abandon()
    limit.clearQueue()
    // Let transfers still in flight settle before removing what they wrote.
    while (limit.activeCount > 0) await new Promise((resolve) => setTimeout(resolve, 10))
    await Promise.all(ranged.map((file) => file.close()))
    await Promise.all(arrived.map(({ temp }) => rm(temp, { force: true })))
    // Directories made for this set go too (deepest first; one that something else filled meanwhile stays).
    for (const made of [...new Set(created)].sort((a, b) => b.length - a.length)) await rmdir(made).catch(() => undefined)
    throw error
  }
  // Every file has arrived intact: they take their names, a few at a time (one by one, 1,000 renames took ~150 ms).
  // A rename that fails (a directory made there meanwhile) leaves no temporary file behind.
  const renames = await Promise.allSettled(arrived.map(({ temp, target }) => limit(() => rename(temp, target))))
  const failed = renames.findIndex((outcome) => outcome.status === 'rejected')
  if (failed >= 0) {
    progress.abandon()
    await Promise.all(arrived.map(({ temp }) => rm(temp, { force: true })))
    const reason = (renames[failed] as PromiseRejectedResult).reason as Error
    throw new FilesError(
      `Could not put ${arrived[failed]!.target} in place (${reason.message}): something changed the package directory while the set was downloading. ` +
        'Files already in place stay, no temporary file is left; run the step again.'
    )
  }
  progress.finish()
  if (keptFiles > 0)
    core.info(
      `${plural(keptFiles, 'file')} (${formatBytes(keptBytes)}) ${keptFiles === 1 ? 'was' : 'were'} already in ${directory} with the set's bytes: kept, not downloaded.`
    )
  return { fetchedFiles: manifest.files.length - keptFiles, keptFiles, keptBytes }
}
