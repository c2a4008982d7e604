import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { lstat, mkdir, open, realpath, rename, rm, writeFile, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pLimit from 'p-limit'
import { IntegrityError } from '../errors.js'
import { isSafeRelativePath, totalBytes, type Manifest, type ManifestFile } from './manifest.js'
import { fromPosixRelative, isInside, windowsNameProblem } from '../paths.js'
import { Progress } from '../report/progress.js'
import type { Store } from '../stores/store.js'

async function exists(candidate: string): Promise<boolean> {
  return lstat(candidate).then(
    () => true,
    () => false
  )
}

/** Where a manifest path lands under `root`, refusing paths and symlinked directories that lead elsewhere. */
async function safeTarget(root: string, file: ManifestFile): Promise<string> {
  const segments = file.path.split('/')
  if (!isSafeRelativePath(file.path) || segments.some((segment) => segment.startsWith('.'))) {
    throw new IntegrityError(
      `Refusing to download '${file.path}': the manifest names a path outside the package directory or a hidden file.`
    )
  }
  const windowsProblem = process.platform === 'win32' ? segments.map(windowsNameProblem).find(Boolean) : undefined
  if (windowsProblem) throw new IntegrityError(`Refusing to download '${file.path}' on Windows: a part of its path ${windowsProblem}.`)
  const target = fromPosixRelative(root, file.path)
  const parent = path.dirname(target)
  // Check the deepest directory that exists before creating any: mkdir would follow a symlink outward.
  let existing = parent
  while (!(await exists(existing))) existing = path.dirname(existing)
  if (!isInside(root, await realpath(existing))) {
    throw new IntegrityError(`Refusing to download '${file.path}': a symlink in the package directory points outside it.`)
  }
  await mkdir(parent, { recursive: true })
  return target
}

/** Where a file is written until every file of the set has arrived intact. */
function temporaryName(target: string): string {
  return `${target}.download-${randomBytes(6).toString('hex')}`
}

/** The error for a file whose bytes are not the ones its manifest names; `pack` names the pack it was read from. */
function mismatch(file: ManifestFile, got: string, pack?: string): IntegrityError {
  return new IntegrityError(
    `'${file.path}'${pack ? ` in ${pack}` : ''} does not match its manifest (expected ${file.size} bytes with SHA-256 ${file.sha256}, got ${got}): ` +
      `it was changed after upload or cut short on the way. Nothing was kept; if it happens again, delete the set's .manifest.json so the assets are rebuilt.`
  )
}

/** Streams one object to a temporary name beside its target and checks it; returns the temporary path. */
async function downloadFile(store: Store, key: string, target: string, file: ManifestFile): Promise<string> {
  const temp = temporaryName(target)
  const hash = createHash('sha256')
  let size = 0
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      size += chunk.length
      callback(null, chunk)
    }
  })
  try {
    await pipeline(await store.get(key), tap, createWriteStream(temp))
    const digest = hash.digest('hex')
    if (size !== file.size || digest !== file.sha256) throw mismatch(file, `${size} bytes with ${digest}`)
    return temp
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** A ranged GET takes at most this span of a pack (more when one file is bigger), so a pack arrives in parallel parts. */
const SEGMENT_BYTES = 8 * 1024 * 1024

/** Packed files up to this size are gathered in memory, checked, then written in one call: far cheaper than a stream each. */
const GATHER_BELOW = 1024 * 1024

/** Consecutive packed files (by offset) fetched with one ranged GET. */
interface Segment {
  readonly pack: string
  readonly files: readonly ManifestFile[]
}

/** Cuts the packed files of a manifest into segments of about SEGMENT_BYTES, each within one pack. */
export function planSegments(files: readonly ManifestFile[], segmentBytes = SEGMENT_BYTES): Segment[] {
  const byPack = new Map<string, ManifestFile[]>()
  for (const file of files) {
    if (file.pack === undefined) continue
    const packed = byPack.get(file.pack)
    if (packed) packed.push(file)
    else byPack.set(file.pack, [file])
  }
  const segments: Segment[] = []
  for (const [pack, packed] of byPack) {
    packed.sort((a, b) => a.offset! - b.offset!)
    let current: ManifestFile[] = []
    for (const file of packed) {
      if (current.length > 0 && file.offset! + file.size - current[0]!.offset! > segmentBytes) {
        segments.push({ pack, files: current })
        current = []
      }
      current.push(file)
    }
    if (current.length > 0) segments.push({ pack, files: current })
  }
  return segments
}

/**
 * Fetches one segment of a pack with a ranged GET and writes each of its files, as the bytes stream by, to a
 * temporary name beside its target, checking every file's size and SHA-256. Returns the temporary paths as
 * they are created (through `onTemp`, so a failure half way can still remove them).
 */
async function downloadSegment(
  store: Store,
  setPrefix: string,
  segment: Segment,
  targets: ReadonlyMap<string, string>,
  onTemp: (temp: string, target: string) => void,
  onFile: (size: number) => void
): Promise<void> {
  const first = segment.files[0]!
  const last = segment.files.at(-1)!
  const start = first.offset!
  const end = last.offset! + last.size // exclusive
  let index = 0
  let position = start
  let handle: FileHandle | undefined
  let gathered: Buffer[] | undefined
  let temp = ''
  let hash = createHash('sha256')
  let written = 0
  const packKey = setPrefix + segment.pack

  const openFile = async (file: ManifestFile): Promise<void> => {
    const target = targets.get(file.path)!
    temp = temporaryName(target)
    hash = createHash('sha256')
    written = 0
    if (file.size < GATHER_BELOW) {
      gathered = []
      return
    }
    onTemp(temp, target)
    handle = await open(temp, 'wx')
  }
  const write = async (part: Buffer): Promise<void> => {
    if (gathered) gathered.push(part)
    else await handle!.write(part)
  }
  const closeFile = async (file: ManifestFile): Promise<void> => {
    await handle?.close()
    handle = undefined
    const digest = hash.digest('hex')
    if (written !== file.size || digest !== file.sha256) throw mismatch(file, `${written} bytes with ${digest}`, store.url(packKey))
    if (gathered) {
      // Checked before it touches the disk; registered first so a failed write is still cleaned up.
      onTemp(temp, targets.get(file.path)!)
      await writeFile(temp, gathered.length === 1 ? gathered[0]! : Buffer.concat(gathered), { flag: 'wx' })
      gathered = undefined
    }
    onFile(file.size)
    index++
  }
  // Files of no bytes at the current position have nothing to wait for.
  const settleEmpty = async (): Promise<void> => {
    while (index < segment.files.length && segment.files[index]!.size === 0 && segment.files[index]!.offset! <= position) {
      await openFile(segment.files[index]!)
      await closeFile(segment.files[index]!)
    }
  }
  try {
    await settleEmpty()
    if (end > start) {
      const body = await store.get(packKey, { start, end: end - 1 })
      for await (const chunk of body as AsyncIterable<Buffer>) {
        let at = 0
        while (at < chunk.length && index < segment.files.length) {
          const file = segment.files[index]!
          if (position < file.offset!) {
            // Tar headers and padding between files: skipped, never written.
            const skip = Math.min(file.offset! - position, chunk.length - at)
            position += skip
            at += skip
            continue
          }
          if (!handle && !gathered) await openFile(file)
          const take = Math.min(file.offset! + file.size - position, chunk.length - at)
          const part = chunk.subarray(at, at + take)
          hash.update(part)
          await write(part)
          written += take
          position += take
          at += take
          if (position === file.offset! + file.size) {
            await closeFile(file)
            await settleEmpty()
          }
        }
      }
    }
    await settleEmpty() // an empty file last in the segment: its header was the last thing fetched
    if (index < segment.files.length) throw mismatch(segment.files[index]!, `the end of the pack at byte ${position}`, store.url(packKey))
  } finally {
    await handle?.close()
  }
}

/**
 * Brings a stored set into `directory`: streamed, bounded, every file checked against the manifest's size
 * and SHA-256 under a temporary name. Only when every file has arrived intact do they take their final
 * names, so a tampered, truncated or vanished object leaves nothing behind.
 */
export async function downloadSet(
  store: Store,
  setPrefix: string,
  manifest: Manifest,
  directory: string,
  concurrency: number
): Promise<void> {
  await mkdir(directory, { recursive: true })
  const root = await realpath(directory)
  const progress = new Progress(`Downloaded to ${directory}:`, manifest.files.length, totalBytes(manifest.files))
  const limit = pLimit(concurrency)
  const arrived: { temp: string; target: string }[] = []
  try {
    // Every target is checked before any byte is fetched.
    const targets = new Map<string, string>()
    for (const file of manifest.files) targets.set(file.path, await safeTarget(root, file))
    const plain = manifest.files.filter((file) => file.pack === undefined)
    await Promise.all([
      ...planSegments(manifest.files).map((segment) =>
        limit(() =>
          downloadSegment(
            store,
            setPrefix,
            segment,
            targets,
            (temp, target) => arrived.push({ temp, target }),
            (size) => progress.add(1, size)
          )
        )
      ),
      ...plain.map((file) =>
        limit(async () => {
          const target = targets.get(file.path)!
          arrived.push({ temp: await downloadFile(store, setPrefix + file.path, target, file), target })
          progress.add(1, file.size)
        })
      )
    ])
  } catch (error) {
    limit.clearQueue()
    // Let transfers still in flight settle before removing what they wrote.
    while (limit.activeCount > 0) await new Promise((resolve) => setTimeout(resolve, 10))
    await Promise.all(arrived.map(({ temp }) => rm(temp, { force: true })))
    throw error
  }
  for (const { temp, target } of arrived) await rename(temp, target)
  progress.finish()
}
