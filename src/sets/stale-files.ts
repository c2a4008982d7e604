import { lstat, readdir, rm, rmdir } from '../util/fs-calls.js'
import path from 'node:path'
import { execFileText } from '../util/node-builtins.js'
import { isInside, sameFileKey } from '../util/paths.js'

/**
 * After a download, the package directory holds exactly the set: a file the set does not have (an old
 * chunk, another build's output) would be deployed with it as if it were built now. Hidden files are this
 * action's and the user's own (`.found`, `.gitkeep`: upload never stores them), so they stay.
 */
export interface StaleFiles {
  /** Removed: non-hidden files (and links) the set does not have, relative to the package directory. */
  readonly removed: readonly string[]
  /** Kept, and why: files git tracks (never deleted from a checkout), or everything when the folder holds the repository. */
  readonly kept: readonly string[]
  readonly keptBecause?: string
}

/** Non-hidden files and links under `directory` (links not followed), relative and '/'-separated, whose sameFileKey `keep` does not hold. */
async function filesNotIn(directory: string, keep: ReadonlySet<string>): Promise<string[]> {
  const found: string[] = []
  const visit = async (dir: string, relativeDir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name
      if (entry.isDirectory()) await visit(path.join(dir, entry.name), relative)
      else if (!keep.has(sameFileKey(relative))) found.push(relative)
    }
  }
  await visit(directory, '')
  return found.sort()
}

/** Of `files` (relative to `directory`), those git tracks; none when `directory` is in no work tree. */
async function trackedOf(directory: string, files: readonly string[]): Promise<Set<string>> {
  if (files.length === 0) return new Set()
  try {
    const { stdout } = await execFileText('git', ['-c', 'core.quotePath=false', 'ls-files', '-z', '--', '.'], {
      cwd: directory,
      maxBuffer: 256 * 1024 * 1024
    })
    const tracked = new Set(stdout.split('\0').filter(Boolean))
    return new Set(files.filter((file) => tracked.has(file)))
  } catch {
    return new Set()
  }
}

/** Removes the directories under `directory` that removing `files` left empty, deepest first. */
async function removeEmptiedFolders(directory: string, files: readonly string[]): Promise<void> {
  const folders = new Set<string>()
  for (const file of files) for (let dir = path.posix.dirname(file); dir !== '.'; dir = path.posix.dirname(dir)) folders.add(dir)
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(path.join(directory, folder)).catch(() => undefined) // not empty: kept
  }
}

/**
 * Removes what the downloaded set does not have from `directory` (see StaleFiles). Nothing is removed when
 * the folder is or holds the repository `repoPath` (`package-directory: .`): then every file of the
 * checkout would count, so they are only named.
 */
export async function removeStaleFiles(directory: string, setFiles: readonly string[], repoPath: string): Promise<StaleFiles> {
  // Compared as the file system compares names: on Windows and macOS `App.js` on disk is the set's `app.js`.
  const stale = await filesNotIn(directory, new Set(setFiles.map(sameFileKey)))
  if (stale.length === 0) return { removed: [], kept: [] }
  if (isInside(path.resolve(directory), path.resolve(repoPath))) {
    return { removed: [], kept: stale, keptBecause: 'the package directory holds the repository, so nothing in it is removed' }
  }
  const tracked = await trackedOf(directory, stale)
  const removed = stale.filter((file) => !tracked.has(file))
  for (const file of removed) {
    const absolute = path.join(directory, file)
    // lstat first: a link is removed itself, never what it points at.
    if ((await lstat(absolute).catch(() => undefined)) !== undefined) await rm(absolute, { force: true })
  }
  await removeEmptiedFolders(directory, removed)
  const kept = stale.filter((file) => tracked.has(file))
  return { removed, kept, ...(kept.length > 0 ? { keptBecause: 'git tracks them' } : {}) }
}
