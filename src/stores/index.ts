import * as core from '../runner.js'
import { InputError } from '../errors.js'
import type { StoreSettings } from '../settings/types.js'
import { LocalStore } from './local.js'
import type { Store } from './store.js'

export type { CopyResult, PullBody, PutBody, PutOptions, Store, StoredObject } from './store.js'

/**
 * The S3 backend is loaded on demand: the AWS SDK is most of the bundle and a local run does not need it.
 * `cancellable: false` makes a store whose requests a cancelled step still finishes (apply's state and lock).
 */
export async function createStore(settings: StoreSettings, concurrency: number, options: { cancellable?: boolean } = {}): Promise<Store> {
  switch (settings.kind) {
    case 's3': {
      const { S3Store } = await import('./s3.js')
      const store = new S3Store(settings, concurrency, options)
      if (settings.role)
        core.info(`Accessing ${store.name} with the assumed role ${settings.role.arn} (session '${settings.role.sessionName}').`)
      try {
        await store.checkCredentials()
      } catch (error) {
        store.close()
        throw error
      }
      return store
    }
    case 'local':
      return new LocalStore(settings.root)
    case 'actions-cache':
      throw new InputError(
        `backend 'actions-cache' keeps whole asset sets, not objects: apply needs backend s3, gcs or local (or a config.store).`
      )
  }
}
