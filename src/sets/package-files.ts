import type { Dirent, Stats } from 'node:fs'
import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import * as core from '../runner.js'
import { EmptyPackageError, FilesError } from '../errors.js'
import { isInside } from '../util/paths.js'
import { plural } from '../util/text.js'
import { isDownloadTemporary } from './download-temporaries.js'
import { preparePackageDirectory } from './package-directory.js'

export interface PackageFile {
  /** POSIX path relative to the package directory: the key suffix in the store. */
  readonly relative: string
  readonly absolute: string
  readonly size: number
}

/** How many entries of a directory are looked at at once. */
const STAT_BATCH = 64

function isHidden(name: string): boolean {
  return name.startsWith('.')
}

function warnOfLeftovers(directory: string, leftovers: readonly string[]): void {
  if (leftovers.length === 0) return
  const named = leftovers
    .slice(0, 3)
    .map((file) => `'${file}'`)
    .join(', ')
  core.warning(
    `Not uploading ${plural(leftovers.length, 'file')} that a download killed part way left in '${directory}' (${named}${leftovers.length > 3 ? ', …' : ''}): ` +
      `they are not the build's and may be cut short. Delete them; a download into this directory that completes removes them too.`
  )
}

/**
 * Every non-hidden regular file under `directory`, recursively, sorted by relative path. A symlink is
 * followed only when it points inside the directory; one that leaves it is refused. The temporary files of a
 * download killed part way (download-temporaries.ts) are left out; `warnOfLeftovers` names them in a warning
 * (the upload itself does; a look at whether there is anything to upload does not).
 */
export async function listPackageFiles(directory: string, options: { warnOfLeftovers?: boolean } = {}): Promise<PackageFile[]> {
  let root: string
  try {
    root = await preparePackageDirectory(directory, { create: false })
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory')
  } catch (error) {
    if (error instanceof FilesError) throw error
    throw new EmptyPackageError(
      `The package directory '${directory}' does not exist or is not a directory: build the assets into it first, or set 'package-directory' (PACKAGE_DIRECTORY).`
    )
  }
  const files: PackageFile[] = []
  const leftovers: string[] = []
  /** What an entry is: its real target (a symlink's, checked to stay inside) and what stat says of that. */
  const inspect = async (absolute: string, entry: Dirent, relative: string): Promise<{ target: string; info: Stats }> => {
    if (!entry.isSymbolicLink()) return { target: absolute, info: await lstat(absolute) }
    const target = await realpath(absolute).catch(() => '')
    if (!target || !isInside(root, target)) {
      throw new FilesError(
        `Refusing to upload '${relative}': it is a symlink that points outside the package directory '${directory}' (or nowhere).`
      )
    }
    return { target, info: await stat(target) }
  }
  const visit = async (dir: string, relativeDir: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => !isHidden(entry.name))
      .map((entry) => ({
        entry,
        absolute: path.join(dir, entry.name),
        relative: relativeDir ? `${relativeDir}/${entry.name}` : entry.name
      }))
    // A batch of entries is looked at at once: one after another, each lstat waited ~0.1 ms on libuv's thread pool
    // (~80 ms of a 1,000-file upload's start); batches keep what is in flight bounded in a huge directory.
    for (let start = 0; start < entries.length; start += STAT_BATCH) {
      const batch = entries.slice(start, start + STAT_BATCH)
      const looked = await Promise.allSettled(batch.map(({ entry, absolute, relative }) => inspect(absolute, entry, relative)))
      for (const [index, { entry, absolute, relative }] of batch.entries()) {
        const outcome = looked[index]!
        // The first failure in the directory's order, whichever settled first.
        if (outcome.status === 'rejected') throw outcome.reason
        const { target, info } = outcome.value
        if (info.isDirectory()) {
          if (ancestors.has(target)) throw new FilesError(`Refusing to upload '${relative}': a symlink loop in '${directory}'.`)
          await visit(absolute, relative, new Set([...ancestors, target]))
        } else if (info.isFile()) {
          if (isDownloadTemporary(entry.name)) leftovers.push(relative)
          else files.push({ relative, absolute, size: info.size })
        }
      }
    }
  }
  await visit(root, '', new Set([root]))
  if (options.warnOfLeftovers) warnOfLeftovers(directory, leftovers.sort())
  if (files.length === 0) {
    throw new EmptyPackageError(
      `The package directory '${directory}' holds no files to upload (hidden files are skipped). Build the assets into it first.`
    )
  }
  return files.sort((a, b) => Buffer.compare(Buffer.from(a.relative), Buffer.from(b.relative)))
}
