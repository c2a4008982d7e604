import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { nodeCrypto } from './node-builtins.js'

/**
 * `size` random bytes from the kernel's /dev/urandom, the source node:crypto draws from, without loading
 * node:crypto (~10 ms of a step's start on node24, node-builtins.ts); from node:crypto on Windows (where the
 * path would name a file anyone could write) or where /dev/urandom is not the kernel's device.
 */
export function randomBytes(size: number): Buffer {
  if (process.platform === 'win32') return nodeCrypto().randomBytes(size)
  const bytes = Buffer.alloc(size)
  try {
    const fd = openSync('/dev/urandom', 'r')
    try {
      if (!fstatSync(fd).isCharacterDevice()) throw new Error('/dev/urandom is not a device')
      for (let filled = 0; filled < size;) {
        const read = readSync(fd, bytes, filled, size - filled, null)
        if (read <= 0) throw new Error('/dev/urandom ended')
        filled += read
      }
    } finally {
      closeSync(fd)
    }
    return bytes
  } catch {
    return nodeCrypto().randomBytes(size)
  }
}

export const randomHex = (size: number): string => randomBytes(size).toString('hex')

/** A random (version 4) UUID, as crypto.randomUUID writes it. */
export function randomUuid(): string {
  const bytes = randomBytes(16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
