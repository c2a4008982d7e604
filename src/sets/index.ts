import type { StoreSettings } from '../settings/types.js'
import { createStore } from '../stores/index.js'
import type { AssetSets, SetPolicy } from './asset-sets.js'
import { ObjectAssetSets } from './object-asset-sets.js'

export type { AssetSets, FindRequest, FindResult, PublishRequest, SetPolicy } from './asset-sets.js'

/** The asset sets of the configured store; the Actions cache backend is loaded only when chosen. */
export async function createAssetSets(settings: StoreSettings, concurrency: number, policy: SetPolicy): Promise<AssetSets> {
  if (settings.kind === 'actions-cache') {
    const { ActionsCacheSets } = await import('./actions-cache-sets.js')
    return new ActionsCacheSets(policy)
  }
  return new ObjectAssetSets(await createStore(settings, concurrency), policy)
}
