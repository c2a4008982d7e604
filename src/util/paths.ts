import path from 'node:path'

// Manifests, store keys and code-hash entries always use '/'; the file system uses the runner's separator.
// Every conversion between the two goes through here, with the path module as a parameter so the Windows
// rules are tested with path.win32 on any machine.

/** Whether `candidate` is `root` or below it (on Windows: case-insensitively, and never on another drive). */
export function isInside(root: string, candidate: string, paths: path.PlatformPath = path): boolean {
  const relative = paths.relative(root, candidate)
  if (relative === '') return true
  return !paths.isAbsolute(relative) && relative.split(paths.sep)[0] !== '..'
}

/** `absolute` relative to `root` with '/' separators: a manifest path or a store key suffix. */
export function toPosixRelative(root: string, absolute: string, paths: path.PlatformPath = path): string {
  return paths.relative(root, absolute).split(paths.sep).join('/')
}

/** Where a '/'-separated relative path (already checked to stay inside) lands under `root`. */
export function fromPosixRelative(root: string, relative: string, paths: path.PlatformPath = path): string {
  return paths.join(root, ...relative.split('/').filter((segment) => segment !== ''))
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)(\..*)?$/i

/**
 * Why a path segment cannot be a file name on Windows, or undefined. A name Linux allows (`a:b`, `nul.txt`,
 * `x.`) would on Windows open a drive-relative path, an alternate data stream or a device, or be silently
 * renamed: a download must refuse it rather than write somewhere else.
 */
export function windowsNameProblem(segment: string): string | undefined {
  if (/[<>:"|?*\\]/.test(segment)) return `has a character Windows does not allow in file names (< > : " | ? * \\)`
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(segment)) return 'has a control character'
  if (WINDOWS_RESERVED.test(segment.replace(/[. ]+$/, '')))
    return 'is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, CONIN$, CONOUT$)'
  // GIT~1 is how Windows may also name .git (8.3 short names): writing through it would write into the repository.
  if (/~\d/.test(segment)) return 'looks like an 8.3 short name (such as GIT~1 for .git), which Windows may resolve to another file'
  if (/[. ]$/.test(segment)) return 'ends with a dot or a space, which Windows drops'
  return undefined
}

/** Paths that are one file on this platform's usual file systems (case-insensitive on Windows and macOS). */
export function sameFileKey(relative: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? relative.normalize('NFC').toLowerCase() : relative
}
