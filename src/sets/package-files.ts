import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { EmptyPackageError, FilesError } from '../errors.js'
import { isInside } from '../util/paths.js'
import { preparePackageDirectory } from './package-directory.js'

export interface PackageFile {
  /** POSIX path relative to the package directory: the key suffix in the store. */
  readonly relative: string
  readonly absolute: string
  readonly size: number
}

function isHidden(name: string): boolean {
  return name.startsWith('.')
}

/**
 * Every non-hidden regular file under `directory`, recursively, sorted by relative path. A symlink is
 * followed only when it points inside the directory; one that leaves it is refused.
 */
export async function listPackageFiles(directory: string, inputName = 'package-directory'): Promise<PackageFile[]> {
  let root: string
  try {
    root = await preparePackageDirectory(directory, { create: false, inputName })
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory')
  } catch (error) {
    if (error instanceof FilesError) throw error
    throw new EmptyPackageError(
      `The package directory '${directory}' does not exist or is not a directory: build the assets into it first, or set '${inputName}' (PACKAGE_DIRECTORY).`
    )
  }
  const files: PackageFile[] = []
  const visit = async (dir: string, relativeDir: string, ancestors: ReadonlySet<string>): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    for (const entry of entries) {
      if (isHidden(entry.name)) continue
      const absolute = path.join(dir, entry.name)
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name
      let target = absolute
      if (entry.isSymbolicLink()) {
        target = await realpath(absolute).catch(() => '')
        if (!target || !isInside(root, target)) {
          throw new FilesError(
            `Refusing to upload '${relative}': it is a symlink that points outside the package directory '${directory}' (or nowhere).`
          )
        }
      }
      const info = entry.isSymbolicLink() ? await stat(target) : await lstat(absolute)
      if (info.isDirectory()) {
        if (ancestors.has(target)) throw new FilesError(`Refusing to upload '${relative}': a symlink loop in '${directory}'.`)
        await visit(absolute, relative, new Set([...ancestors, target]))
      } else if (info.isFile()) {
        files.push({ relative, absolute, size: info.size })
      }
    }
  }
  await visit(root, '', new Set([root]))
  if (files.length === 0) {
    throw new EmptyPackageError(
      `The package directory '${directory}' holds no files to upload (hidden files are skipped). Build the assets into it first.`
    )
  }
  return files.sort((a, b) => Buffer.compare(Buffer.from(a.relative), Buffer.from(b.relative)))
}
