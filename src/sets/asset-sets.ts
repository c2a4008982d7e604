import type { Manifest } from './manifest.js'
import type { SigningKeys } from './signing.js'

/** What this run trusts and may write: the same for every set it touches. */
export interface SetPolicy {
  /** With keys, every manifest written is signed and an unsigned or badly signed one is not found. */
  readonly signing: SigningKeys
  /** Whether this run may write the shared code-hash tier (`cache-write`); `reason` explains a refusal. */
  readonly cacheWrite: { readonly allowed: boolean; readonly reason: string }
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
  | { readonly found: false; readonly codeHash: string; readonly untrusted: number }

export interface FindRequest {
  readonly prefix: string
  readonly commit: string
  /** Computes the code hash; undefined when the code-hash tier is off. Called only on a commit miss. */
  readonly codeHash?: () => Promise<string>
  readonly concurrency: number
  /** The original tool's rule: objects under the commit's prefix without a manifest count as found. */
  readonly legacySets?: boolean
}

export interface PublishRequest {
  readonly prefix: string
  readonly commit: string
  /** '' when the code-hash tier is off. */
  readonly codeHash: string
  readonly directory: string
  readonly concurrency: number
  /** Files smaller than this many bytes go into packs (`pack-below`); 0 or undefined: every file its own object. */
  readonly packBelow?: number
}

/**
 * Asset sets as check and upload see them: found, published, downloaded. Object stores (S3, GCS, a
 * directory) implement them with objects and server-side copies; the GitHub Actions cache, which has
 * whole-directory entries and no copy, implements them with entries.
 */
export interface AssetSets {
  /** Where the commit's set is, as a URL for outputs and logs. */
  location(prefix: string, commit: string): string
  findOrPromote(request: FindRequest): Promise<FindResult>
  /** The commit's manifest when stored; 'stored' when the store can tell only that it exists. */
  stored(prefix: string, commit: string): Promise<Manifest | 'stored' | undefined>
  publish(request: PublishRequest): Promise<Manifest>
  /** Brings the commit's set into `directory`, each file verified; returns its manifest. */
  download(prefix: string, commit: string, manifest: Manifest | undefined, directory: string, concurrency: number): Promise<Manifest>
  /** Waits for work a hit started in the background (recording the set's use); never throws. */
  flush(): Promise<void>
  close(): void
}
