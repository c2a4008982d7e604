// Two changes to the s3rver of the test run, in the process that runs it: file calls made synchronously
// (makeS3rverFileCallsSynchronous, below) and deletes of keys in one folder that do not race
// (makeS3rverDeletesTolerateEachOther, at the end).
//
// s3rver keeps each object as three files and reaches them through fs-extra's promise functions: a PUT makes
// about ten file-system calls, a copy about a hundred (fs-extra's copy stats every parent directory of both
// paths), a listing three per key. On this VM an asynchronous call costs ~33 µs of CPU against ~3.6 µs made
// synchronously, and a test run sends s3rver ~11,600 requests from the jest parent process. So the test server
// makes those calls synchronously: same results, same errors (as rejected promises), less CPU. Object bodies
// stay streams. Only the copy of fs-extra that s3rver loads is changed, in the process that runs s3rver; the
// product and the bench's s3rver never see it.
//
// One ordering has to be kept by hand. s3rver answers a PUT (or an upload part) once its MD5 is known, without
// waiting for the object's write stream to close; the asynchronous writes of the MD5 and metadata files used to
// give the stream time to flush, and without them a GET right after the PUT read a short file. So writing
// `<object>.md5` waits for `<object>`'s write stream to close, as a real store would before answering.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** Write streams not yet closed, by path. */
const writing = new Map()

const SYNC = {
  stat: (file) => statSync(file),
  readFile: (file, options) => readFileSync(file, options),
  readdir: (dir, options) => readdirSync(dir, options),
  mkdirp: (dir) => void mkdirSync(dir, { recursive: true }),
  // s3rver copies single files (an object, its metadata, its MD5), into a directory it has just made.
  copy: (from, to) => copyFileSync(from, to),
  unlink: (file) => unlinkSync(file),
  rmdir: (dir) => rmdirSync(dir),
  remove: (target) => rmSync(target, { recursive: true, force: true })
}

/** A promise-or-callback function over a synchronous call, as fs-extra's functions are. */
function promising(call) {
  return (...args) => {
    const callback = typeof args.at(-1) === 'function' ? args.pop() : undefined
    const result = new Promise((resolve) => resolve(call(...args)))
    if (!callback) return result
    result.then((value) => callback(null, value), callback)
  }
}

/** Makes the fs-extra that `s3rver` resolves answer its promise calls synchronously (once per process). */
export function makeS3rverFileCallsSynchronous() {
  const fromS3rver = createRequire(path.dirname(createRequire(import.meta.url).resolve('s3rver')) + '/')
  const fsExtra = fromS3rver('fs-extra')
  if (fsExtra.__samSynchronous) return
  for (const name of [...Object.keys(SYNC), 'writeFile', 'createWriteStream']) {
    if (typeof fsExtra[name] !== 'function') throw new Error(`s3rver-sync-fs: fs-extra has no ${name}; s3rver's dependencies changed`)
  }
  for (const [name, call] of Object.entries(SYNC)) fsExtra[name] = promising(call)
  fsExtra.mkdirs = fsExtra.mkdirp
  fsExtra.ensureDir = fsExtra.mkdirp

  const createWriteStream = fsExtra.createWriteStream
  fsExtra.createWriteStream = (file, ...rest) => {
    const stream = createWriteStream(file, ...rest)
    const closed = new Promise((resolve) => stream.once('close', resolve))
    writing.set(String(file), closed)
    void closed.then(() => writing.get(String(file)) === closed && writing.delete(String(file)))
    return stream
  }
  const writeFile = promising((file, data, options) => writeFileSync(file, data, options))
  fsExtra.writeFile = (file, ...rest) => {
    const object = String(file).endsWith('.md5') ? writing.get(String(file).slice(0, -'.md5'.length)) : undefined
    return object ? object.then(() => writeFile(file, ...rest)) : writeFile(file, ...rest)
  }
  fsExtra.__samSynchronous = true
}

/**
 * s3rver's DeleteObjects deletes its keys all at once, and each delete then removes the folders it leaves empty. Two
 * keys in one folder race: the second finds the folder gone, the ENOENT of its `readdir` becomes an HTTP 404 for the
 * whole request, and the SDK sends it again ~40 ms later. Every release of an upload's claims (two keys in
 * `.claims/`) paid that. A folder already gone is what the delete wanted, so it is not an error (once per process).
 */
export function makeS3rverDeletesTolerateEachOther() {
  const require = createRequire(import.meta.url)
  const FilesystemStore = require(path.join(path.dirname(require.resolve('s3rver')), 'stores', 'filesystem.js'))
  if (FilesystemStore.prototype.__samToleratesGoneFolders) return
  const deleteObject = FilesystemStore.prototype.deleteObject
  if (typeof deleteObject !== 'function') throw new Error("s3rver-sync-fs: s3rver's store has no deleteObject; s3rver changed")
  FilesystemStore.prototype.deleteObject = async function (bucket, key) {
    await deleteObject.call(this, bucket, key).catch((error) => {
      if (error?.code !== 'ENOENT') throw error
    })
  }
  FilesystemStore.prototype.__samToleratesGoneFolders = true
}
