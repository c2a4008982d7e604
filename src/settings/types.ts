// What a run is asked to do, once every input is read and checked: the one settings object main and the
// modes read. Nothing below modes reads inputs; they are given these.
import type { Mode } from '../constants.js'
import type { SetPolicy } from '../sets/asset-sets.js'
import type { PackCompression } from '../sets/pack-encoding.js'

export interface S3StoreSettings {
  readonly kind: 's3'
  /** aws: AWS itself; gcs: Google Cloud Storage's XML API; compatible: any other S3-compatible endpoint. */
  readonly flavor: 'aws' | 'gcs' | 'compatible'
  readonly bucket: string
  /** Key prefix, empty or ending in '/'. */
  readonly prefix: string
  readonly region: string
  /** S3-compatible endpoint URL; undefined means AWS itself. */
  readonly endpoint?: string
  readonly forcePathStyle: boolean
  readonly credentials?: {
    readonly accessKeyId: string
    readonly secretAccessKey: string
    readonly sessionToken?: string
  }
  readonly profile?: string
  /** A role assumed through STS on top of the credentials above (the original tool's AWS_ROLE). */
  readonly role?: { readonly arn: string; readonly sessionName: string }
  /** Milliseconds to wait for a connection, and for a whole request. */
  readonly connectTimeoutMs: number
  readonly requestTimeoutMs: number
}

export interface LocalStoreSettings {
  readonly kind: 'local'
  /** Absolute root directory of the store. */
  readonly root: string
  readonly prefix: string
}

/** The GitHub Actions cache: entries `<prefix>artifacts-<commit>` and `<prefix>cache-<code hash>`. */
export interface ActionsCacheStoreSettings {
  readonly kind: 'actions-cache'
  readonly prefix: string
}

export type StoreSettings = S3StoreSettings | LocalStoreSettings | ActionsCacheStoreSettings

/** Where results are shown besides the log and the job summary. */
export interface ReportingSettings {
  readonly prComment: boolean
  readonly commitStatus: boolean
  readonly token: string
  /** Names this use of the action in comment markers and status contexts. */
  readonly instance: string
}

/** Everything the action was asked to do, validated once. Paths are absolute. */
export interface Settings {
  readonly mode: Mode
  /** Outside GitHub, `auto --run <command>`: the build auto runs between its check and its upload. */
  readonly autoRun?: string
  readonly store: StoreSettings
  readonly repoPath: string
  /** Explicit commit hash (lowercase hex), or undefined to ask git. */
  readonly commit?: string
  /** Code-hash patterns; empty when the code-hash tier is off. */
  readonly codeHashPatterns: readonly string[]
  /** Environment variables whose values are part of the code-hash set key (as digests). */
  readonly codeHashEnv: readonly string[]
  /** Free text that is part of the key ('' for none). */
  readonly codeHashKey: string
  /** Keeps sets of different platforms or flavours apart: `<prefix>variants/<variant>/`; '' for none. */
  readonly variant: string
  /** Accept a set built on another platform (platform-independent assets). */
  readonly crossPlatform: boolean
  readonly packageDirectory: string
  /** check: bring the found assets into packageDirectory. */
  readonly download: boolean
  /** Transfers and copies in flight at once. */
  readonly concurrency: number
  /** upload: files smaller than this many bytes go into packs; 0 = every file its own object. */
  readonly packBelow: number
  /** upload: 'auto' compresses packs with zstd where the runtime has it; 'none' keeps them plain tar for any reader. */
  readonly packCompression: PackCompression
  /** The original tool's rule: a commit prefix holding objects but no manifest counts as found (migration aid). */
  readonly legacySets: boolean
  readonly reporting: ReportingSettings
  readonly apply: ApplySettings
  readonly prune: PruneSettings
  /** Signing keys and who may write the shared code-hash tier. */
  readonly policy: SetPolicy
  readonly doctorModes: DoctorModes
}

export interface ApplySettings {
  /** Absolute path of the config file or directory. */
  readonly config: string
  readonly planOnly: boolean
  /** Seconds to wait for a held state lock. */
  readonly lockTimeout: number
  /** Lock id to remove before taking the lock. */
  readonly forceUnlock?: string
  /** Carry out a plan that deletes every tool of a non-empty state. */
  readonly allowDeleteAll: boolean
  /** Accept the state as it is (unsigned or signed by another key) and sign it with the current key. */
  readonly resignState: boolean
}

/** doctor: the modes whose needs it checks (it fails when one of them cannot run). */
export type DoctorModes = readonly Exclude<Mode, 'doctor'>[]

export interface PruneSettings {
  /** Sets unused for longer go. */
  readonly keepDays: number
  /** The newest commit sets of each family always stay. */
  readonly keepLast: number
  readonly planOnly: boolean
  /** An apply config whose state's sets are never pruned; undefined when the 'config' input is empty. */
  readonly config?: string
}
