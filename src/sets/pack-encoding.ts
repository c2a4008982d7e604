import type { Transform } from 'node:stream'
import { nodeZlib } from '../util/node-builtins.js'

/** How a pack is stored: `zstd` (a `.tar.zst`), or absent for plain tar. */
export type PackEncoding = 'zstd'

/** What upload is asked for (`pack-compression`): 'auto' compresses where the runtime has zstd, 'none' never does. */
export const PACK_COMPRESSIONS = ['auto', 'none'] as const
export type PackCompression = (typeof PACK_COMPRESSIONS)[number]

/**
 * The zstd level for packs. Measured under node24 on 18 MB of npm's JavaScript in one tar: level 1 gives 0.178 of
 * the raw bytes at 135 MB/s, 3 gives 0.149 at 178 MB/s, 6 gives 0.132 at 101 MB/s, 19 gives 0.110 at 2 MB/s
 * (gzip -6, for comparison: 0.181 at 50 MB/s). Level 3 compresses faster than a runner sends and loses 11% to 6.
 */
const ZSTD_LEVEL = 3
/** A pack whose compressed form saves less than this share of its bytes is stored plain (already-compressed files). */
export const WORTH_COMPRESSING = 0.9

interface ZstdZlib {
  createZstdCompress(options?: { params?: Record<number, number> }): Transform
  createZstdDecompress(): Transform
}

function zstd(): ZstdZlib | undefined {
  const candidate = nodeZlib() as unknown as Partial<ZstdZlib>
  return typeof candidate.createZstdCompress === 'function' && typeof candidate.createZstdDecompress === 'function'
    ? (candidate as ZstdZlib)
    : undefined
}

/** The encoding this runtime writes packs in: zstd where node:zlib has it (Node.js ≥ 22.15, node24 on GitHub), else none. */
export function writableEncoding(): PackEncoding | undefined {
  return zstd() ? 'zstd' : undefined
}

export function compressor(_encoding: PackEncoding): Transform {
  return zstd()!.createZstdCompress({
    params: { [(nodeZlib().constants as unknown as Record<string, number>).ZSTD_c_compressionLevel!]: ZSTD_LEVEL }
  })
}

/** A stream that decodes `encoding`, or undefined when this runtime cannot (see unreadableEncodingProblem). */
export function decompressor(encoding: PackEncoding): Transform | undefined {
  return encoding === 'zstd' ? zstd()?.createZstdDecompress() : undefined
}

/** Why this runtime cannot read packs in `encoding`, or undefined when it can. */
export function unreadableEncodingProblem(encoding: PackEncoding): string | undefined {
  if (encoding === 'zstd' && zstd()) return undefined
  return `its packs are compressed with ${encoding}, which Node.js ${process.versions.node} cannot read (Node.js 22.15 or later can; on GitHub the action runs on node24)`
}

/** The file name suffix of a pack stored in `encoding`. */
export function encodingSuffix(encoding: PackEncoding | undefined): string {
  return encoding === 'zstd' ? '.zst' : ''
}
