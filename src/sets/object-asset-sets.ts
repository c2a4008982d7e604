import * as core from '../runner.js'
import { errorMessage } from '../errors.js'
import type { Store } from '../stores/store.js'
import type { AssetSets, FindRequest, FindResult, Published, PublishRequest, SetPolicy, Stored } from './asset-sets.js'
import { lastUsedKey, recordUse } from './last-used.js'
import { codeHashPrefix, commitPrefix } from './layout.js'
import type { Manifest } from './manifest.js'
import { findOrPromote, inspectSet, readManifest } from './object-sets.js'

/** Asset sets over any object Store (S3, GCS, a directory): objects, manifests and server-side copies. */
export class ObjectAssetSets implements AssetSets {
  private readonly pending: Promise<void>[] = []

  constructor(
    readonly store: Store,
    private readonly policy: SetPolicy
  ) {}

  location(prefix: string, commit: string): string {
    return this.store.url(commitPrefix(prefix, commit))
  }

  async findOrPromote(request: FindRequest): Promise<FindResult> {
    const result = await findOrPromote(this.store, request, this.policy)
    if (result.found && !result.legacy) {
      // A promotion wrote a fresh commit set; the set that was used is the code-hash one it came from.
      const used =
        result.source === 'commit' ? commitPrefix(request.prefix, request.commit) : codeHashPrefix(request.prefix, result.codeHash)
      this.pending.push(
        recordUse(this.store, used).catch((error: unknown) =>
          core.info(
            `Could not record this use in ${this.store.url(lastUsedKey(used))} (${errorMessage(error)}); prune will age the set by its creation date.`
          )
        )
      )
    }
    return result
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending.splice(0))
  }

  async stored(prefix: string, commit: string): Promise<Stored> {
    const setPrefix = commitPrefix(prefix, commit)
    const state = await inspectSet(this.store, setPrefix, this.policy, { commit })
    if (state.state === 'whole') return state.manifest
    return state.state === 'broken' ? { broken: state.problem } : undefined
  }

  async publish(request: PublishRequest): Promise<Published> {
    // Loaded only when something is stored: a check starts without packing and uploading.
    const { publish } = await import('./object-publish.js')
    return publish(this.store, request, this.policy)
  }

  async download(
    prefix: string,
    commit: string,
    manifest: Manifest | undefined,
    directory: string,
    concurrency: number
  ): Promise<Manifest> {
    const setPrefix = commitPrefix(prefix, commit)
    const known = manifest ?? (await readManifest(this.store, setPrefix, this.policy, { commit }))
    if (!known) throw new Error(`No assets are stored at ${this.store.url(setPrefix)} to download.`)
    // Loaded only when a set is fetched: a check that finds nothing, or only reports a hit, starts without it.
    // Named, so both stores' downloads share one chunk (without a name the bundler wrote download.ts twice).
    const { downloadSet } = await import(/* webpackChunkName: "download" */ './download.js')
    await downloadSet(this.store, setPrefix, known, directory, concurrency)
    return known
  }

  close(): void {
    this.store.close()
  }
}
