import { createHash, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { lstat, mkdir, realpath, rename, rm } from 'node:fs/promises'
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

/** Streams one object to a temporary name beside its target and checks it; returns the temporary path. */
async function downloadFile(store: Store, key: string, target: string, file: ManifestFile): Promise<string> {
  const temp = `${target}.download-${randomBytes(6).toString('hex')}`
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
    if (size !== file.size || digest !== file.sha256) {
      throw new IntegrityError(
        `'${file.path}' does not match its manifest (expected ${file.size} bytes with SHA-256 ${file.sha256}, got ${size} bytes with ${digest}): ` +
          `the stored object was changed after upload or cut short on the way. Nothing was kept; if it happens again, delete the set's .manifest.json so the assets are rebuilt.`
      )
    }
    return temp
  } catch (error) {
    await rm(temp, { force: true })
    throw error
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
    await Promise.all(
      manifest.files.map((file) =>
        limit(async () => {
          const target = await safeTarget(root, file)
          arrived.push({ temp: await downloadFile(store, setPrefix + file.path, target, file), target })
          progress.add(1, file.size)
        })
      )
    )
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
