import { closeSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs'
import path from 'node:path'
import { FilesError } from '../errors.js'
import { READ_NO_FOLLOW, readOpenedText } from '../util/capped-read.js'
import { lstatNow } from '../util/fs-calls.js'
import { isInside } from '../util/paths.js'
import { randomHex } from '../util/random.js'

// The package directory sits in the checkout, which the code being built controls: a symlink planted there
// could make check write its files, a download its assets, or upload its listing somewhere else on the
// runner. Everything here refuses to be led out that way.
//
// The calls are synchronous: a few small files and directories on every check's path, where a trip through the
// thread pool costs five times the call (src/util/capped-read.ts, readOpenedBytes).

/** Where checked-out code lives: the runner's workspace, else the working directory. */
function workspaceRoot(): string {
  return path.resolve(process.env.GITHUB_WORKSPACE || process.cwd())
}

/**
 * The deepest of `candidate` and the directories above it that exists, with what lstat says of it (a symlink is
 * reported as one, not followed): where a mkdir of `candidate` would start.
 */
export async function deepestExisting(candidate: string): Promise<{ existing: string; info?: Stats }> {
  let existing = candidate
  for (;;) {
    const info = lstatNow(existing)
    if (info || path.dirname(existing) === existing) return { existing, info }
    existing = path.dirname(existing)
  }
}

/**
 * The package directory's real path, created when `create` is set. A directory named inside the workspace
 * that a symlink leads outside it (to a runner's home, its temp files) is refused, naming both; a directory
 * named outside the workspace is the user's explicit choice and taken as it is.
 */
export async function preparePackageDirectory(directory: string, options: { create: boolean; inputName?: string }): Promise<string> {
  const resolved = path.resolve(directory)
  const workspace = workspaceRoot()
  if (isInside(workspace, resolved)) {
    const realWorkspace = realpathOr(workspace)
    const real = realpathSync((await deepestExisting(resolved)).existing)
    if (!isInside(realWorkspace, real)) {
      throw new FilesError(
        `Refusing the package directory '${directory}': a symlink in it leads to ${real}, outside the workspace ${workspace}. ` +
          `Code in the checkout may have planted it; point '${options.inputName ?? 'package-directory'}' at a real directory.`
      )
    }
  }
  if (options.create) mkdirSync(resolved, { recursive: true })
  return realpathSync(resolved)
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file)
  } catch {
    return file
  }
}

/**
 * Writes `name` in `directory` whole or not at all, without following a symlink at that name: the bytes go
 * to a temporary file that is renamed over it (replacing a planted link, never writing through it).
 */
export async function writeFileNoFollow(directory: string, name: string, content: string): Promise<void> {
  const target = path.join(directory, name)
  const temp = path.join(directory, `.${name}.tmp-${randomHex(6)}`)
  try {
    writeFileSync(temp, content, { flag: 'wx' })
    renameSync(temp, target)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/** The text of `name` in `directory`; undefined when missing, a symlink or not a file; OversizedError beyond `maxBytes`. */
export async function readFileNoFollow(directory: string, name: string, maxBytes: number): Promise<string | undefined> {
  let fd
  try {
    fd = openSync(path.join(directory, name), READ_NO_FOLLOW)
  } catch {
    return undefined
  }
  try {
    return await readOpenedText(fd, maxBytes, path.join(directory, name))
  } finally {
    closeSync(fd)
  }
}
