import { IntegrityError } from '../errors.js'

/** One stored file: its path relative to the set, its size and the SHA-256 (hex) of its bytes. */
export interface ManifestFile {
  readonly path: string
  readonly size: number
  readonly sha256: string
}

/** How the set got where it is: built and uploaded, or promoted from the code-hash cache. */
export type ManifestSource = 'upload' | 'cache'

/** The completion record of an asset set, written after every file of the set. */
export interface Manifest {
  readonly version: 1
  readonly commit: string
  /** '' when the code-hash tier was off. */
  readonly codeHash: string
  readonly createdAt: string
  readonly source: ManifestSource
  readonly files: readonly ManifestFile[]
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

export function buildManifest(fields: Omit<Manifest, 'version' | 'createdAt'>, now = new Date()): Manifest {
  return {
    version: 1,
    commit: fields.commit,
    codeHash: fields.codeHash,
    createdAt: now.toISOString(),
    source: fields.source,
    files: fields.files
  }
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`
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
    throw new IntegrityError(`The manifest ${where} is not valid JSON (${(error as Error).message}). Delete it so the assets are rebuilt.`)
  }
  const fail = (what: string): never => {
    throw new IntegrityError(`The manifest ${where} is malformed: ${what}. Delete it so the assets are rebuilt.`)
  }
  if (typeof data !== 'object' || data === null) return fail('not a JSON object')
  const record = data as Record<string, unknown>
  if (record.version !== 1) fail(`unsupported version ${JSON.stringify(record.version)} (this action reads version 1)`)
  if (typeof record.commit !== 'string') fail('"commit" is not a string')
  if (typeof record.codeHash !== 'string') fail('"codeHash" is not a string')
  if (record.source !== 'upload' && record.source !== 'cache') fail('"source" is neither "upload" nor "cache"')
  if (!Array.isArray(record.files)) return fail('"files" is not a list')
  const seen = new Set<string>()
  const files = record.files.map((entry: unknown, index): ManifestFile => {
    const file = (entry ?? {}) as Record<string, unknown>
    if (typeof file.path !== 'string' || !isSafeRelativePath(file.path)) {
      fail(`files[${index}].path ${JSON.stringify(file.path)} is not a relative path inside the set`)
    }
    if (seen.has(file.path as string)) fail(`files[${index}].path "${String(file.path)}" is listed twice`)
    seen.add(file.path as string)
    if (typeof file.size !== 'number' || !Number.isSafeInteger(file.size) || file.size < 0) fail(`files[${index}].size is not a byte count`)
    if (typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256)) fail(`files[${index}].sha256 is not a SHA-256 hex digest`)
    return { path: file.path as string, size: file.size as number, sha256: file.sha256 as string }
  })
  const manifest: Manifest = {
    version: 1,
    commit: record.commit as string,
    codeHash: record.codeHash as string,
    createdAt: typeof record.createdAt === 'string' ? record.createdAt : '',
    source: record.source as ManifestSource,
    files,
    ...(typeof record.signature === 'string' ? { signature: record.signature } : {})
  }
  return { manifest, document: record }
}
