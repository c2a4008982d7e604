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

/** Spread over a pack, these many windows of SAMPLE_WINDOW bytes are compressed to judge it before it is compressed whole. */
const SAMPLE_WINDOWS = 8
const SAMPLE_WINDOW = 16 * 1024
/**
 * A pack whose sample compresses to more than this share of its size is stored plain without being compressed
 * whole: its files are already compressed (images, fonts, archives) or random. Above WORTH_COMPRESSING so that a
 * pack near the line is still compressed and judged by its whole bytes.
 */
const SAMPLE_INCOMPRESSIBLE = 0.97

type ZstdOptions = { params?: Record<number, number> }

interface ZstdZlib {
  createZstdDecompress(): Transform
  zstdCompress(bytes: Buffer, options: ZstdOptions, done: (error: Error | null, result: Buffer) => void): void
  zstdCompressSync(bytes: Buffer, options?: ZstdOptions): Buffer
}

function zstd(): ZstdZlib | undefined {
  const candidate = nodeZlib() as unknown as Partial<ZstdZlib>
  return typeof candidate.zstdCompress === 'function' &&
    typeof candidate.zstdCompressSync === 'function' &&
    typeof candidate.createZstdDecompress === 'function'
    ? (candidate as ZstdZlib)
    : undefined
}

/** The encoding this runtime writes packs in: zstd where node:zlib has it (Node.js ≥ 22.15, node24 on GitHub), else none. */
export function writableEncoding(): PackEncoding | undefined {
  return zstd() ? 'zstd' : undefined
}

function zstdOptions(): ZstdOptions {
  return { params: { [(nodeZlib().constants as unknown as Record<string, number>).ZSTD_c_compressionLevel!]: ZSTD_LEVEL } }
}

/** `bytes` compressed whole, in the thread pool (the main thread goes on reading and sending other packs). */
export function compressWhole(_encoding: PackEncoding, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zstd()!.zstdCompress(bytes, zstdOptions(), (error, result) => (error ? reject(error) : resolve(result)))
  )
}

/**
 * Whether `bytes` (a pack) may be worth compressing, judged from windows spread over them (128 KiB, well under 1 ms):
 * random or already-compressed files would otherwise cost a pack's whole compression to be stored plain after
 * all (under node24, 1.5 s of a 100 MB upload of such files). Small packs are not sampled: they are compressed whole.
 */
export function mayCompress(_encoding: PackEncoding, bytes: Buffer): boolean {
  if (bytes.length <= SAMPLE_WINDOWS * SAMPLE_WINDOW * 2) return true
  const stride = Math.floor(bytes.length / SAMPLE_WINDOWS)
  const sample = Buffer.concat(
    Array.from({ length: SAMPLE_WINDOWS }, (_, window) => bytes.subarray(window * stride, window * stride + SAMPLE_WINDOW))
  )
  return zstd()!.zstdCompressSync(sample, zstdOptions()).length <= SAMPLE_INCOMPRESSIBLE * sample.length
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
