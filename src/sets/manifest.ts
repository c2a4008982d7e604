import type { PackEncoding } from './pack-encoding.js'
import { IntegrityError } from '../errors.js'
import { storedText, verifyStoredText, type SigningKeys } from './signing.js'
import { TAR_END } from './tar.js'

/** The most padding a tar member's bytes take up to their 512-byte block. */
const BLOCK_PADDING_MAX = 511

/** One stored file: its path relative to the set, its size and the SHA-256 (hex) of its bytes. */
export interface ManifestFile {
  readonly path: string
  readonly size: number
  readonly sha256: string
  /** The object's ETag (or a directory store's version) when it was written: what a listing is compared with. */
  readonly etag?: string
  /** Packed files (version 2): the pack holding the file, relative to the set, and where its bytes start in it. */
  readonly pack?: string
  readonly offset?: number
}

/** An object a set consists of in the store, apart from its manifest: a pack or an unpacked file. */
export interface SetObject {
  readonly path: string
  readonly size: number
  readonly sha256: string
  readonly etag?: string
}

/**
 * A pack object of a version 2 or 3 set: a POSIX tar of small files under `<set>/.packs/`. Version 3 packs may be
 * compressed (`encoding`; `size` and `sha256` are then the stored bytes', `tarSize` the tar's inside).
 */
export interface PackRecord extends SetObject {
  readonly encoding?: PackEncoding
  readonly tarSize?: number
}

export const PACKS_DIRECTORY = '.packs/'

/** Beside a code-hash set's manifest: what its key was made of (see hashing/set-key.ts), gzipped JSON. */
export const INPUTS_NAME = '.inputs.json.gz'

/** How the set got where it is: built and uploaded, or promoted from the code-hash cache. */
export type ManifestSource = 'upload' | 'cache'

/** The completion record of an asset set, written after every file of the set. */
export interface Manifest {
  /**
   * 1: every file is its own object; 2: small files may live in packs (`packs`, and `pack`/`offset` per file);
   * 3: packs may be compressed (readers of 1 and 2 refuse it, so they miss rather than misread).
   */
  readonly version: 1 | 2 | 3
  readonly commit: string
  /** '' when the code-hash tier was off. */
  readonly codeHash: string
  readonly createdAt: string
  readonly source: ManifestSource
  readonly files: readonly ManifestFile[]
  /** Version 2 only. */
  readonly packs?: readonly PackRecord[]
  /**
   * Where the set was written: its key prefix in the store (`<prefix>artifacts/<commit>/`, with the variant
   * and instance folders in it) or its Actions-cache key. Signed, so a set copied elsewhere is refused.
   */
  readonly location?: string
  /** The platform the set was built on (`linux-x64`, `windows-x64`, `macos-arm64`); absent in sets written before it was recorded. */
  readonly platform?: string
  /** Code-hash sets: the object recording what the key was made of, bound to the set by its size and SHA-256. */
  readonly inputs?: SetObject
  /** `hmac-sha256:<key id>:<hex>` when written with a signing key (see signing.ts). */
  readonly signature?: string
}

export function totalBytes(files: readonly ManifestFile[]): number {
  return files.reduce((sum, file) => sum + file.size, 0)
}

/**
 * A relative path that stays inside its set: POSIX separators, no empty, '.' or '..' segment, not absolute.
 * Manifests are read from a store other people can write to, so this is checked on every read.
 */
export function isSafeRelativePath(candidate: string): boolean {
  if (candidate.length === 0 || candidate.startsWith('/') || candidate.includes('\\') || candidate.includes('\0')) return false
  return candidate.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

/** The objects to copy or delete for a set: its packs and the files that are not in one. */
export function setObjects(manifest: Manifest): SetObject[] {
  return [...(manifest.packs ?? []), ...manifest.files.filter((file) => file.pack === undefined)]
}

export function buildManifest(fields: Omit<Manifest, 'version' | 'createdAt' | 'location'>, now = new Date()): Manifest {
  const packed = fields.packs !== undefined && fields.packs.length > 0
  return {
    version: fields.packs?.some((pack) => pack.encoding !== undefined) ? 3 : packed ? 2 : 1,
    commit: fields.commit,
    codeHash: fields.codeHash,
    createdAt: now.toISOString(),
    source: fields.source,
    ...(fields.platform ? { platform: fields.platform } : {}),
    ...(fields.inputs ? { inputs: fields.inputs } : {}),
    ...(packed ? { packs: fields.packs } : {}),
    files: fields.files
  }
}

/**
 * The manifest as stored at `location`: canonical JSON (sorted keys, no whitespace) with the signature first
 * when there are keys, so a reader verifies the raw bytes before it parses them.
 */
export function serializeManifest(manifest: Manifest, location: string, signing: SigningKeys): string {
  const { signature: _old, ...rest } = manifest
  return storedText({ ...rest, location } as unknown as Record<string, unknown>, signing)
}

/** Parses and validates a stored manifest; `where` names it in errors. */
export function parseManifest(text: string, where: string): Manifest {
  return parseManifestDocument(text, where).manifest
}

/** The manifest and the JSON document it was read from (what a signature covers, unknown fields included). */
export function parseManifestDocument(text: string, where: string): { manifest: Manifest; document: Record<string, unknown> } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new IntegrityError(`The manifest ${where} is not valid JSON (${(error as Error).message})`)
  }
  const fail = (what: string): never => {
    throw new IntegrityError(`The manifest ${where} is malformed: ${what}`)
  }
  if (typeof data !== 'object' || data === null) return fail('not a JSON object')
  const record = data as Record<string, unknown>
  if (record.version !== 1 && record.version !== 2 && record.version !== 3)
    fail(`unsupported version ${JSON.stringify(record.version)} (this action reads versions 1 to 3)`)
  const packs = record.version !== 1 ? parsePacks(record.packs, fail, record.version === 3) : undefined
  if (typeof record.commit !== 'string') fail('"commit" is not a string')
  if (typeof record.codeHash !== 'string') fail('"codeHash" is not a string')
  if (record.source !== 'upload' && record.source !== 'cache') fail('"source" is neither "upload" nor "cache"')
  if (!Array.isArray(record.files)) return fail('"files" is not a list')
  if (record.location !== undefined && (typeof record.location !== 'string' || record.location.length > 2048))
    fail('"location" is not a key')
  if (record.platform !== undefined && (typeof record.platform !== 'string' || !/^[a-z0-9]+-[a-z0-9]+$/.test(record.platform))) {
    fail('"platform" is not a platform such as linux-x64')
  }
  const inputs = record.inputs === undefined ? undefined : parseSetObject(record.inputs, 'inputs', fail)
  if (inputs && inputs.path !== INPUTS_NAME) fail(`"inputs.path" is not ${INPUTS_NAME}`)
  const seen = new Set<string>()
  const files = record.files.map((entry: unknown, index): ManifestFile => {
    const file = (entry ?? {}) as Record<string, unknown>
    const plain = parseSetObject(file, `files[${index}]`, fail)
    if (seen.has(plain.path)) fail(`files[${index}].path "${plain.path}" is listed twice`)
    seen.add(plain.path)
    if (file.pack === undefined && file.offset === undefined) return plain
    const pack = packs?.get(file.pack as string)
    if (!pack) return fail(`files[${index}].pack ${JSON.stringify(file.pack)} is not one of the set's packs`)
    const offset = file.offset
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || offset + plain.size > (pack.tarSize ?? pack.size)) {
      fail(`files[${index}].offset does not place the file inside ${pack.path}`)
    }
    return { ...plain, pack: pack.path, offset: offset as number }
  })
  // A compressed pack decodes to at most what its files need (each tar padding is under 512 bytes, then the end
  // blocks): a tarSize beyond that would have download decompress a small object into gigabytes for nothing.
  for (const pack of packs?.values() ?? []) {
    if (pack.tarSize === undefined) continue
    const end = files.reduce((last, file) => (file.pack === pack.path ? Math.max(last, file.offset! + file.size) : last), 0)
    if (pack.tarSize > end + BLOCK_PADDING_MAX + TAR_END.length)
      fail(`${JSON.stringify(pack.path)} has a tarSize larger than its files need`)
  }
  const clash = directoryClash(seen)
  if (clash) fail(`"${clash.file}" is listed both as a file and, by "${clash.inside}", as a directory`)
  const manifest: Manifest = {
    version: record.version as 1 | 2 | 3,
    commit: record.commit as string,
    codeHash: record.codeHash as string,
    createdAt: typeof record.createdAt === 'string' ? record.createdAt : '',
    source: record.source as ManifestSource,
    files,
    ...(packs ? { packs: [...packs.values()] } : {}),
    ...(typeof record.location === 'string' ? { location: record.location } : {}),
    ...(typeof record.platform === 'string' ? { platform: record.platform } : {}),
    ...(inputs ? { inputs } : {}),
    ...(typeof record.signature === 'string' ? { signature: record.signature } : {})
  }
  return { manifest, document: record }
}

/** A listed path that another listed path needs to be a directory; no file system can hold both. */
function directoryClash(paths: ReadonlySet<string>): { file: string; inside: string } | undefined {
  for (const candidate of paths) {
    for (let slash = candidate.indexOf('/'); slash !== -1; slash = candidate.indexOf('/', slash + 1)) {
      const parent = candidate.slice(0, slash)
      if (paths.has(parent)) return { file: parent, inside: candidate }
    }
  }
  return undefined
}

function parseSetObject(value: unknown, what: string, fail: (what: string) => never): SetObject {
  const object = (value ?? {}) as Record<string, unknown>
  if (typeof object.path !== 'string' || !isSafeRelativePath(object.path)) {
    fail(`${what}.path ${JSON.stringify(object.path)} is not a relative path inside the set`)
  }
  if (typeof object.size !== 'number' || !Number.isSafeInteger(object.size) || object.size < 0) fail(`${what}.size is not a byte count`)
  if (typeof object.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(object.sha256)) fail(`${what}.sha256 is not a SHA-256 hex digest`)
  if (object.etag !== undefined && (typeof object.etag !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(object.etag)))
    fail(`${what}.etag is not an ETag`)
  return {
    path: object.path as string,
    size: object.size as number,
    sha256: object.sha256 as string,
    ...(typeof object.etag === 'string' ? { etag: object.etag } : {})
  }
}

function parsePackRecord(value: unknown, what: string, fail: (what: string) => never, encodings: boolean): PackRecord {
  const object = parseSetObject(value, what, fail)
  const { encoding, tarSize } = (value ?? {}) as Record<string, unknown>
  if (encoding === undefined && tarSize === undefined) return object
  if (!encodings) fail(`${what}.encoding is not allowed before version 3`)
  if (encoding !== 'zstd') fail(`${what}.encoding ${JSON.stringify(encoding)} is not one this action reads (zstd)`)
  if (typeof tarSize !== 'number' || !Number.isSafeInteger(tarSize) || tarSize < 0) fail(`${what}.tarSize is not a byte count`)
  return { ...object, encoding: 'zstd', tarSize: tarSize as number }
}

/** The packs of a version 2 manifest by path; each under `.packs/` and listed once. */
function parsePacks(value: unknown, fail: (what: string) => never, encodings: boolean): Map<string, PackRecord> {
  if (!Array.isArray(value)) return fail('"packs" is not a list')
  const packs = new Map<string, PackRecord>()
  value.forEach((entry: unknown, index) => {
    const pack = parsePackRecord(entry, `packs[${index}]`, fail, encodings)
    if (!pack.path.startsWith(PACKS_DIRECTORY))
      fail(`packs[${index}].path ${JSON.stringify(pack.path)} is not a path under ${PACKS_DIRECTORY}`)
    if (packs.has(pack.path)) fail(`packs[${index}].path "${pack.path}" is listed twice`)
    packs.set(pack.path, pack)
  })
  return packs
}

/** Who a manifest must have been signed for, besides its location: a commit, or a code hash. */
export interface ManifestOwner {
  readonly commit?: string
  readonly codeHash?: string
}

/**
 * A stored manifest's text as a manifest this run may use, or why not (a phrase to follow "the manifest"):
 * the signature is checked over the raw bytes before anything is parsed, then the structure, then, with
 * signing keys, that it was signed for `location` (shown as `shown`) and for `owner`.
 */
export function usableManifest(
  text: string,
  signing: SigningKeys,
  expected: { readonly location: string; readonly shown: (location: string) => string; readonly owner: ManifestOwner }
): { manifest: Manifest } | { problem: string } {
  const problem = verifyStoredText(text, signing)
  if (problem) return { problem: `is ${problem}` }
  let manifest: Manifest
  try {
    manifest = parseManifestDocument(text, '').manifest
  } catch (error) {
    if (error instanceof IntegrityError) return { problem: error.message.replace(/^The manifest +/, '') }
    throw error
  }
  if (signing.keys.length === 0) return { manifest }
  const { location, shown, owner } = expected
  if (manifest.location !== location)
    return { problem: `is signed for ${manifest.location === undefined ? 'no location' : shown(manifest.location)}` }
  if (owner.commit !== undefined && manifest.commit !== owner.commit) return { problem: `is signed for commit ${manifest.commit}` }
  if (owner.codeHash !== undefined && manifest.codeHash !== owner.codeHash)
    return { problem: `is signed for code hash ${manifest.codeHash}` }
  return { manifest }
}

/**
 * Whether a set's manifest says it was built under `key`: a commit's set is this run's only when it is
 * (`code-hash-env`, `code-hash-key` and the files decide on both tiers). A set that records no key (the
 * code-hash tier was off when it was stored) and a run without one cannot be compared, so they count.
 */
export function builtUnder(manifest: Manifest, key: string): boolean {
  return !key || !manifest.codeHash || manifest.codeHash === key
}

/** The packed files of a manifest by pack, each pack's in offset order. */
export function filesByPack(files: readonly ManifestFile[]): Map<string, ManifestFile[]> {
  const byPack = new Map<string, ManifestFile[]>()
  for (const file of files) {
    if (file.pack === undefined) continue
    const packed = byPack.get(file.pack)
    if (packed) packed.push(file)
    else byPack.set(file.pack, [file])
  }
  for (const packed of byPack.values()) packed.sort((a, b) => a.offset! - b.offset!)
  return byPack
}
