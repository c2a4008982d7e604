// Promise forms of the node:fs calls made on the path every check takes, built from the callback API. On Node.js 24,
// `node:fs/promises` (and `fs.promises`, the same module) loads readline, the REPL's history and the fs watchers with
// it: 3-5 ms of every step's start on node24 (0.5-2.5 ms on Node.js 20), for calls the callback API makes as well.
// Modules a check that finds nothing loads take their fs calls from here; the others import node:fs/promises as
// usual. e2e.test.ts checks that such a check starts without it.
import {
  close as closeCallback,
  fstat as fstatCallback,
  link as linkCallback,
  lstat as lstatCallback,
  lstatSync,
  mkdir as mkdirCallback,
  mkdtemp as mkdtempCallback,
  open as openCallback,
  read as readCallback,
  readdir as readdirCallback,
  readFile as readFileCallback,
  readv as readvCallback,
  realpath as realpathCallback,
  rename as renameCallback,
  rm as rmCallback,
  rmdir as rmdirCallback,
  unlink as unlinkCallback,
  utimes as utimesCallback,
  write as writeCallback,
  writeFile as writeFileCallback,
  type Stats
} from 'node:fs'
import { promisify } from 'node:util'

export const closeFd = promisify(closeCallback)
export const fstat = promisify(fstatCallback)
export const link = promisify(linkCallback)
export const lstat = promisify(lstatCallback)
export const mkdir = promisify(mkdirCallback)
export const mkdtemp = promisify(mkdtempCallback)
/** A file descriptor: close it with closeFd. */
export const openFd = promisify(openCallback)
export const read = promisify(readCallback)
export const readdir = promisify(readdirCallback)
export const readFile = promisify(readFileCallback)
export const readv = promisify(readvCallback)
export const realpath = promisify(realpathCallback)
export const rename = promisify(renameCallback)
export const rm = promisify(rmCallback)
export const rmdir = promisify(rmdirCallback)
export const unlink = promisify(unlinkCallback)
export const utimes = promisify(utimesCallback)
export const writeFile = promisify(writeFileCallback)

const writeSome = promisify(writeCallback)

/**
 * lstat at once, without a trip through the thread pool (~20 µs against ~100 µs, and ~0.5 ms for the pool's first
 * use): for the few paths a step's start looks at (.git, the package directory). Undefined when it fails.
 */
export function lstatNow(file: string): Stats | undefined {
  try {
    return lstatSync(file)
  } catch {
    return undefined
  }
}

/**
 * Writes all of `bytes` to `fd` at its current position (a write may take fewer bytes than it was given). A write
 * that takes none fails rather than being tried forever: a step would otherwise hang until the job's timeout.
 */
export async function writeAll(fd: number, bytes: Uint8Array): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await writeSome(fd, bytes, offset, bytes.length - offset)
    if (bytesWritten === 0) throw new Error(`a write took none of ${bytes.length - offset} bytes`)
    offset += bytesWritten
  }
}
