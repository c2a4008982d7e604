import { findOrPromote, publish, readManifest } from './object-sets.js'
import { downloadSet } from './download.js'
import type { StoreSettings } from './inputs.js'
import { commitPrefix } from './layout.js'
import type { Manifest } from './manifest.js'
import { createStore, type Store } from './stores/store.js'

export type FindResult =
  | { readonly found: true; readonly source: 'commit' | 'cache'; readonly manifest?: Manifest; readonly codeHash: string }
  | { readonly found: false; readonly codeHash: string }

export interface FindRequest {
  readonly prefix: string
  readonly commit: string
  /** Computes the code hash; undefined when the code-hash tier is off. Called only on a commit miss. */
  readonly codeHash?: () => Promise<string>
  readonly concurrency: number
}

export interface PublishRequest {
  readonly prefix: string
  readonly commit: string
  /** '' when the code-hash tier is off. */
  readonly codeHash: string
  readonly directory: string
  readonly concurrency: number
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
  close(): void
}

export class ObjectAssetSets implements AssetSets {
  constructor(readonly store: Store) {}

  location(prefix: string, commit: string): string {
    return this.store.url(commitPrefix(prefix, commit))
  }

  findOrPromote(request: FindRequest): Promise<FindResult> {
    return findOrPromote(this.store, request)
  }

  stored(prefix: string, commit: string): Promise<Manifest | undefined> {
    return readManifest(this.store, commitPrefix(prefix, commit))
  }

  publish(request: PublishRequest): Promise<Manifest> {
    return publish(this.store, request)
  }

  async download(
    prefix: string,
    commit: string,
    manifest: Manifest | undefined,
    directory: string,
    concurrency: number
  ): Promise<Manifest> {
    const setPrefix = commitPrefix(prefix, commit)
    const known = manifest ?? (await readManifest(this.store, setPrefix))
    if (!known) throw new Error(`No assets are stored at ${this.store.url(setPrefix)} to download.`)
    await downloadSet(this.store, setPrefix, known, directory, concurrency)
    return known
  }

  close(): void {
    this.store.close()
  }
}

export async function createAssetSets(settings: StoreSettings, concurrency: number): Promise<AssetSets> {
  if (settings.kind === 'actions-cache') {
    const { ActionsCacheSets } = await import('./stores/actions-cache.js')
    return new ActionsCacheSets()
  }
  return new ObjectAssetSets(await createStore(settings, concurrency))
}
