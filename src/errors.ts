/**
 * The exit code a step ends with when `error` stops it, as the README's table lists them: an error that
 * decides its own carries `stepExitCode` (2 for bad input or config, nothing done; 100 for the seed's missing
 * bucket; 130/143 for a cancelled step); any other error exits 1.
 */
export function exitCodeOf(error: unknown): number {
  const code = (error as { stepExitCode?: unknown } | null | undefined)?.stepExitCode
  return typeof code === 'number' ? code : 1
}

/** A bad input value: names the input, the value and what is allowed. */
export class InputError extends Error {
  readonly stepExitCode: number = 2
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/**
 * A seed-style job (the original tool's environment names are set) without a bucket. The original exited
 * with 100 here; so do we, so pipelines that test for it keep working.
 */
export class MissingBucketError extends InputError {
  override readonly stepExitCode: number = 100
  constructor(message: string) {
    super(message)
    this.name = 'MissingBucketError'
  }
}

/**
 * Why a store could not be used, where it is known: what doctor leads with. `endpoint`: nothing answered,
 * TLS failed, or what answered is not S3; `bucket`: no such bucket; `region`: the bucket is elsewhere;
 * `credentials`: none found, or the store rejected them; `permission`: the request was denied.
 */
export type StoreProblem = 'endpoint' | 'bucket' | 'region' | 'credentials' | 'permission'

/** A store could not do what was asked (missing bucket, access denied, unreachable endpoint...). */
export class StoreError extends Error {
  readonly problem?: StoreProblem
  constructor(message: string, options?: { cause?: unknown; problem?: StoreProblem }) {
    super(message, options)
    this.name = 'StoreError'
    if (options?.problem) this.problem = options.problem
  }
}

/** The package directory, the repository or the files in it are not as expected. */
export class FilesError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FilesError'
  }
}

/** The package directory is missing or holds no file to upload (the build produced nothing). */
export class EmptyPackageError extends FilesError {
  constructor(message: string) {
    super(message)
    this.name = 'EmptyPackageError'
  }
}

/** A stored asset set whose manifest is malformed or whose bytes do not match it. */
export class IntegrityError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IntegrityError'
  }
}

/** A stored set this runtime cannot read (packs in an encoding its Node.js lacks): a miss with a warning, never a failed step. */
export class UnreadableSetError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnreadableSetError'
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** An object a manifest lists is not in the store (a copy's source, a download). */
export class MissingObjectError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'MissingObjectError'
  }
}

/** A stored object (manifest, state, record) is larger than this action reads: treated as untrusted, never parsed. */
export class OversizedError extends IntegrityError {
  constructor(
    readonly where: string,
    readonly limit: number
  ) {
    super(`${where} is larger than ${Math.round(limit / 1024 / 1024)} MiB, the most this action reads of such a file`)
    this.name = 'OversizedError'
  }
}

/** A ranged read came back as something else (the whole object, another range): read the object whole instead. */
export class RangeIgnoredError extends StoreError {
  constructor(message: string) {
    super(message)
    this.name = 'RangeIgnoredError'
  }
}

/** A conditional write lost: the object exists (If-None-Match) or is not the version expected (If-Match). */
export class PreconditionFailedError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'PreconditionFailedError'
  }
}
