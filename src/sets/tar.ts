// Plain POSIX (ustar) tar members, written so that each member's data starts at an offset known before a
// byte is sent: the manifest records those offsets and downloads read files straight out of a pack with
// ranged GETs, never parsing the tar. The packs stay ordinary archives that `tar -tf` lists and extracts.
// A tar library would hide the offsets, which are the point, so the ~50 lines of header format live here.

export const BLOCK = 512
/** Two zero blocks end an archive. */
export const TAR_END = Buffer.alloc(2 * BLOCK)

/** Zero bytes that pad `size` bytes of member data to a whole block. */
export function paddingAfter(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK
}

function octal(value: number, width: number): string {
  // width - 1 digits and a NUL, as ustar numeric fields are written.
  return value.toString(8).padStart(width - 1, '0') + '\0'
}

function header(name: Buffer, prefix: Buffer, size: number, type: '0' | 'x'): Buffer {
  const block = Buffer.alloc(BLOCK)
  name.copy(block, 0)
  block.write(octal(0o644, 8), 100, 'ascii')
  block.write(octal(0, 8), 108, 'ascii') // uid
  block.write(octal(0, 8), 116, 'ascii') // gid
  block.write(octal(size, 12), 124, 'ascii')
  block.write(octal(0, 12), 136, 'ascii') // mtime: fixed, so a pack's bytes depend on its files only
  block.write(type, 156, 'ascii')
  block.write('ustar\0', 257, 'ascii')
  block.write('00', 263, 'ascii')
  prefix.copy(block, 345)
  // The checksum is the byte sum of the header with its own field read as spaces.
  block.fill(' ', 148, 156)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii')
  return block
}

/** Splits a UTF-8 path into ustar's prefix (up to 155 bytes) and name (up to 100), or undefined when it cannot. */
function splitUstar(path: Buffer): { prefix: Buffer; name: Buffer } | undefined {
  if (path.length <= 100) return { prefix: Buffer.alloc(0), name: path }
  for (let slash = path.indexOf(0x2f); slash !== -1; slash = path.indexOf(0x2f, slash + 1)) {
    if (slash <= 155 && path.length - slash - 1 <= 100 && slash > 0)
      return { prefix: path.subarray(0, slash), name: path.subarray(slash + 1) }
  }
  return undefined
}

/** A PAX extended header record `<length> path=<value>\n`, whose length counts its own digits. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`
  const bodyLength = Buffer.byteLength(body)
  let length = bodyLength + 1
  while (length !== bodyLength + String(length).length) length = bodyLength + String(length).length
  return Buffer.from(`${length}${body}`)
}

/**
 * The bytes that precede a regular file's data in the archive: a ustar header, or for a path ustar cannot
 * hold a PAX extended header (and its padded records) first.
 */
export function memberHeader(path: string, size: number): Buffer {
  const bytes = Buffer.from(path, 'utf8')
  const fits = splitUstar(bytes)
  if (fits) return header(fits.name, fits.prefix, size, '0')
  const records = paxRecord('path', path)
  const shortName = Buffer.from(`PaxHeader/${path.slice(-80)}`, 'utf8').subarray(0, 100)
  return Buffer.concat([
    header(Buffer.from('PaxHeader', 'ascii'), Buffer.alloc(0), records.length, 'x'),
    records,
    Buffer.alloc(paddingAfter(records.length)),
    header(shortName, Buffer.alloc(0), size, '0')
  ])
}
