import type { KeyDifference, KeyInputs } from '../hashing/set-key.js'
import type { Manifest } from './manifest.js'
import type { PackCompression } from './pack-encoding.js'
import type { SigningKeys } from './signing.js'

/** What this run trusts and may write: the same for every set it touches. */
export interface SetPolicy {
  /** With keys, every manifest written is signed and an unsigned or badly signed one is not found. */
  readonly signing: SigningKeys
  /** Whether this run may write the shared code-hash tier (`cache-write`); `reason` explains a refusal. */
  readonly cacheWrite: { readonly allowed: boolean; readonly reason: string }
  /** Set when there are keys but this run signs nothing (an untrusted event): why, for the log and the summary. */
  readonly unsigned?: string
}

/** A code-hash set key and, where known, what it was made of (stored beside the set, compared on a miss). */
export interface BuildKey {
  readonly key: string
  readonly inputs?: KeyInputs
}

/** Why a lookup missed, for the log, the job summary and the `miss-reason` output. */
export interface MissReason {
  /** One line. */
  readonly line: string
  /** What differs from the newest earlier build under the same prefix and variant, when that could be compared. */
  readonly difference?: KeyDifference
  /** A set was there for this commit or key, built on another platform. */
  readonly otherPlatform?: { readonly platform: string; readonly location: string }
}

export type FindResult =
  | {
      readonly found: true
      readonly source: 'commit' | 'cache'
      readonly manifest?: Manifest
      readonly codeHash: string
      /** Found by the legacy rule (objects, no manifest): nothing can be verified, so it cannot be downloaded. */
      readonly legacy?: { readonly files: number; readonly bytes: number }
      /** Manifests seen but not trusted (signing key set): each was treated as missing. */
      readonly untrusted: number
    }
  | {
      readonly found: false
      readonly codeHash: string
      readonly untrusted: number
      readonly missReason?: MissReason
    }

export interface FindRequest {
  /** The key prefix of the sets: the store prefix, with the apply instance and the variant folder in it. */
  readonly prefix: string
  readonly commit: string
  /**
   * Computes the code-hash set key; undefined when the code-hash tier is off. The key decides a hit on both
   * tiers: a commit's set stored under another key is not this run's (a set that records no key still is).
   */
  readonly codeHash?: () => Promise<BuildKey>
  /** Where this run builds: a set built on another platform is not a hit unless `crossPlatform`. */
  readonly platform: string
  readonly crossPlatform: boolean
  /**
   * The commit's set will be downloaded, which checks every byte: its objects are not listed first (a
   * mismatch found while downloading is a miss all the same). Without it a listing checks the set.
   */
  readonly download?: boolean
  /** On a code-hash miss, compare with the newest earlier build (two reads): the hit path never pays for it. */
  readonly explainMiss?: boolean
  readonly concurrency: number
  /** The original tool's rule: objects under the commit's prefix without a manifest count as found. */
  readonly legacySets?: boolean
}

export interface PublishRequest {
  readonly prefix: string
  readonly commit: string
  /** '' when the code-hash tier is off. */
  readonly codeHash: string
  /** false: store the commit's set only, even where cache-write allows the code-hash set (upload could not confirm the key). */
  readonly writeCodeHashSet?: boolean
  /** What the key was made of, stored beside the code-hash set (and as the newest build's record). */
  readonly inputs?: KeyInputs
  readonly platform: string
  readonly directory: string
  readonly concurrency: number
  /** Files smaller than this many bytes go into packs (`pack-below`); 0 or undefined: every file its own object. */
  readonly packBelow?: number
  /** `pack-compression`: 'none' keeps packs plain tar even where the runtime could compress them; default 'auto'. */
  readonly packCompression?: PackCompression
}

/** What a publish did: stored the set, or found that another run stored it first (the others wait for it). */
export interface Published {
  readonly manifest: Manifest
  readonly by: 'this-run' | 'another-run'
  /** The set this run replaced was broken: why. */
  readonly replaced?: string
}

/** A commit's set as upload finds it: its manifest (whole); 'stored' where only existence can be told; broken, and why; or nothing. */
export type Stored = Manifest | 'stored' | { readonly broken: string } | undefined

/**
 * Asset sets as check and upload see them: found, published, downloaded. Object stores (S3, GCS, a
 * directory) implement them with objects and server-side copies; the GitHub Actions cache, which has
 * whole-directory entries and no copy, implements them with entries.
 */
export interface AssetSets {
  /** Where the commit's set is, as a URL for outputs and logs. */
  location(prefix: string, commit: string): string
  findOrPromote(request: FindRequest): Promise<FindResult>
  /**
   * The commit's set as it stands (see Stored). `key`: the code-hash set key of this run, for a store that
   * cannot show it in a manifest (the Actions cache); object stores return the manifest and upload compares.
   */
  stored(prefix: string, commit: string, key?: string): Promise<Stored>
  publish(request: PublishRequest): Promise<Published>
  /** Brings the commit's set into `directory`, each file verified; returns its manifest. */
  download(prefix: string, commit: string, manifest: Manifest | undefined, directory: string, concurrency: number): Promise<Manifest>
  /** Waits for work a hit started in the background (recording the set's use); never throws. */
  flush(): Promise<void>
  close(): void
}
