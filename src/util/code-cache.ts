// Node.js 20 has no compile cache (module.enableCompileCache came with 22.1): every step parses and compiles the
// bundle's chunks again, about 20 ms of a check's start-up, a third of it. There, the chunks of this bundle are
// compiled with V8's code cache instead, through the CommonJS loader's Module.prototype._compile (not a public
// API, as v8-compile-cache and ts-node use it; Node.js 20 is past its end of life, so it will not change).
//
// - The cache is taken when the step is done, not when a chunk is compiled, so it holds the functions the step
//   compiled lazily as it ran (v8-compile-cache takes it at once: that saved nothing here).
// - A cache is code this process runs: it lives in a directory of this user's that no one else may write
//   (anything else is not used), and a chunk's entry is named after the file's size, times and inode, because
//   V8 checks only a source's length before it takes the compiled code of another.
// - Everything here is best effort: a cache that cannot be read, written or taken costs a compile, never a step.
import {
  closeSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats
} from 'node:fs'
import * as nodeModule from 'node:module'
import path from 'node:path'

interface LoaderModule {
  exports: unknown
  _compile(content: string, filename: string): unknown
}

interface Compiled {
  script: import('node:vm').Script
  entry: string
}

/** Scripts compiled without an accepted cache this run: their cache is written by flushCodeCache. */
const toWrite: Compiled[] = []

/** Whether only this user may write what `info` describes (on systems without user ids, such as Windows: yes). */
function writableByThisUserAlone(info: Stats): boolean {
  return !process.getuid || (info.uid === process.getuid() && (info.mode & 0o022) === 0)
}

/**
 * The cache directory, made if missing: undefined unless it is a real directory of this user that only this user
 * may write (on systems without user ids, such as Windows, the temporary directory is the user's own).
 */
export function privateDirectory(where: string): string | undefined {
  try {
    mkdirSync(where, { recursive: true, mode: 0o700 })
    const info = lstatSync(where)
    return info.isDirectory() && writableByThisUserAlone(info) ? where : undefined
  } catch {
    return undefined
  }
}

/**
 * The file a chunk's cache is kept in, `<chunk>-<version>-<runtime>.cache`: a new version of the chunk (other size,
 * times or inode) gets a new one. The version and runtime hold no `.js`, so chunkOfEntry finds the chunk again.
 */
function entryFor(cacheDirectory: string, filename: string): string {
  const info = statSync(filename)
  const version = [info.size, info.ino, Math.round(info.mtimeMs), Math.round(info.ctimeMs)].join('-')
  return path.join(cacheDirectory, `${path.basename(filename)}-${version}-${process.version}-${process.arch}.cache`)
}

/** The chunk an entry's name (see entryFor) was written for; undefined for any other name. */
function chunkOfEntry(name: string): string | undefined {
  return /^(.+\.js)-[^/]*\.cache$/.exec(name)?.[1]
}

/** Where this process writes an entry before renaming it into place (pruned once abandoned). */
const temporaryFor = (entry: string): string => `${entry}.${process.pid}.tmp`
const isTemporary = (name: string): boolean => name.endsWith('.tmp')

/** The bytes of a cache entry, when it is a regular file of this user's that no one else may write. */
function readEntry(entry: string): Buffer | undefined {
  let fd: number | undefined
  try {
    fd = openSync(entry, 'r')
    const info = fstatSync(fd)
    return info.isFile() && writableByThisUserAlone(info) ? readFileSync(fd) : undefined
  } catch {
    return undefined
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Compiles the CommonJS files under `bundleDirectory` with V8's code cache, kept in s3-asset-manager-code-cache-<uid>
 * in the temporary directory, on a runtime without a compile cache of its own; elsewhere, or when that directory is
 * not private, nothing changes.
 */
export function useCodeCache(bundleDirectory: string): void {
  if ((nodeModule as { enableCompileCache?: unknown }).enableCompileCache || process.sourceMapsEnabled) return
  const load = nodeModule.createRequire(path.join(bundleDirectory, 'index.js'))
  const user = process.getuid ? `-${process.getuid()}` : ''
  const cache = privateDirectory(path.join((load('node:os') as typeof import('node:os')).tmpdir(), `s3-asset-manager-code-cache${user}`))
  if (!cache) return
  const { Script, constants } = load('node:vm') as typeof import('node:vm')
  const { Module } = nodeModule as unknown as { Module: { prototype: LoaderModule; wrap(content: string): string } }
  const compile = Module.prototype._compile
  const inside = bundleDirectory + path.sep
  Module.prototype._compile = function (this: LoaderModule, content: string, filename: string): unknown {
    if (!filename.startsWith(inside) || !filename.endsWith('.js')) return compile.call(this, content, filename)
    let entry: string
    try {
      entry = entryFor(cache, filename)
    } catch {
      return compile.call(this, content, filename)
    }
    const cachedData = readEntry(entry)
    const script = new Script(Module.wrap(content), {
      filename,
      cachedData,
      importModuleDynamically: constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
    } as import('node:vm').ScriptOptions)
    if (!cachedData || script.cachedDataRejected) toWrite.push({ script, entry })
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown
    const require = nodeModule.createRequire(filename)
    return wrapper.call(this.exports, this.exports, require, this, filename, path.dirname(filename))
  }
}

/**
 * Entries kept per chunk name. Every new copy of the bundle is a new version (a runner that fetches the action for
 * each job gives it a new inode), so without a bound the directory grows by a version's entries (~2 MB) a step.
 * Four keep the cache warm for steps that alternate between a few versions on one machine.
 */
export const VERSIONS_KEPT = 4
/** A temporary file older than this was left by a step that was killed while it wrote (a write takes milliseconds). */
const ABANDONED_AFTER_MS = 10 * 60_000

/**
 * Bounds the cache directory after a step wrote to it: per chunk name, only the VERSIONS_KEPT entries written last
 * stay, and temporary files abandoned by a killed step go. Best effort, like the rest: an entry removed under a step
 * that was about to read it costs that step a compile.
 */
export function pruneCodeCache(cacheDirectory: string, now = Date.now()): void {
  const byChunk = new Map<string, { name: string; written: number }[]>()
  let names: string[]
  try {
    names = readdirSync(cacheDirectory)
  } catch {
    return
  }
  const remove = (name: string): void => {
    try {
      rmSync(path.join(cacheDirectory, name), { force: true })
    } catch {
      // the next step that writes tries again
    }
  }
  for (const name of names) {
    let written: number
    try {
      written = lstatSync(path.join(cacheDirectory, name)).mtimeMs
    } catch {
      continue
    }
    if (isTemporary(name)) {
      if (now - written > ABANDONED_AFTER_MS) remove(name)
      continue
    }
    const chunk = chunkOfEntry(name)
    if (chunk === undefined) continue
    const versions = byChunk.get(chunk) ?? []
    versions.push({ name, written })
    byChunk.set(chunk, versions)
  }
  for (const versions of byChunk.values()) {
    versions.sort((a, b) => b.written - a.written)
    for (const { name } of versions.slice(VERSIONS_KEPT)) remove(name)
  }
}

/** Writes the cache of the chunks compiled without one (at the end of a step: with what it compiled lazily). */
export function flushCodeCache(): void {
  const compiled = toWrite.splice(0)
  for (const { script, entry } of compiled) {
    const temporary = temporaryFor(entry)
    try {
      writeFileSync(temporary, script.createCachedData(), { flag: 'wx', mode: 0o600 })
      renameSync(temporary, entry)
    } catch {
      // Best effort: the next step compiles this chunk again.
      try {
        rmSync(temporary, { force: true })
      } catch {
        // a temporary file left in the private directory is never read, and pruned once abandoned
      }
    }
  }
  if (compiled.length > 0) pruneCodeCache(path.dirname(compiled[0]!.entry))
}
