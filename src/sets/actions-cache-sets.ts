import * as cache from '@actions/cache'
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { AssetSets, FindRequest, FindResult, PublishRequest } from './asset-sets.js'
import { MANIFEST_NAME } from '../constants.js'
import { downloadSet } from './download.js'
import { IntegrityError, StoreError } from '../errors.js'
import { buildManifest, parseManifest, serializeManifest, type Manifest } from './manifest.js'
import { listPackageFiles } from './package-files.js'
import { LocalStore } from '../stores/local.js'

/**
 * The staging directory every entry is saved from and restored into. The cache's entry version covers the
 * saved paths, so they must be the same string on every save and restore, whatever package-directory is.
 */
export const STAGE = '.s3-asset-manager-stage'
const POINTER = '.pointer.json'

export const commitKey = (prefix: string, commit: string): string => `${prefix}artifacts-${commit}`
export const codeHashKey = (prefix: string, codeHash: string): string => `${prefix}cache-${codeHash}`

interface Pointer {
  readonly entry: string
  readonly codeHash: string
}

/**
 * Asset sets in the GitHub Actions cache, through @actions/cache. An entry is immutable, so saving it is
 * the completion record. The service has no server-side copy: a code-hash hit is recorded under the
 * commit's key by a small entry that names the code-hash entry. A save the token may not make (pull requests
 * from forks get a read-only cache) or one that is rate-limited is a warning from @actions/cache, not a failure.
 */
export class ActionsCacheSets implements AssetSets {
  private readonly stage = path.resolve(STAGE)

  location(prefix: string, commit: string): string {
    return `actions-cache://${commitKey(prefix, commit)}`
  }

  private async exists(key: string): Promise<boolean> {
    return (await cache.restoreCache([STAGE], key, [], { lookupOnly: true })) === key
  }

  private async clearStage(): Promise<void> {
    await rm(this.stage, { recursive: true, force: true })
    await mkdir(this.stage, { recursive: true })
  }

  private async save(key: string): Promise<void> {
    try {
      const id = await cache.saveCache([STAGE], key)
      if (id === -1) core.warning(`The cache entry ${key} was not saved (see the cache messages above).`)
    } catch (error) {
      // ReserveCacheError: another job saved the same key first, which is as good as saving it.
      if ((error as Error).name !== 'ReserveCacheError')
        throw new StoreError(`Saving the cache entry ${key} failed: ${(error as Error).message}`, { cause: error })
      core.info(`The cache entry ${key} already exists.`)
    }
  }

  private async restore(key: string): Promise<void> {
    await this.clearStage()
    if ((await cache.restoreCache([STAGE], key, [])) !== key) {
      throw new StoreError(`The cache entry ${key} could not be restored (it may have been evicted); run check again to rebuild.`)
    }
  }

  async findOrPromote(request: FindRequest): Promise<FindResult> {
    if (await this.exists(commitKey(request.prefix, request.commit))) return { found: true, source: 'commit', codeHash: '' }
    if (!request.codeHash) return { found: false, codeHash: '' }
    const codeHash = await request.codeHash()
    const cached = codeHashKey(request.prefix, codeHash)
    if (!(await this.exists(cached))) return { found: false, codeHash }
    await this.savePointer(commitKey(request.prefix, request.commit), { entry: cached, codeHash })
    return { found: true, source: 'cache', codeHash }
  }

  private async savePointer(key: string, pointer: Pointer): Promise<void> {
    await this.clearStage()
    await writeFile(path.join(this.stage, POINTER), JSON.stringify(pointer))
    await this.save(key)
    await rm(this.stage, { recursive: true, force: true })
  }

  async stored(prefix: string, commit: string): Promise<'stored' | undefined> {
    return (await this.exists(commitKey(prefix, commit))) ? 'stored' : undefined
  }

  async publish(request: PublishRequest): Promise<Manifest> {
    const files = await listPackageFiles(request.directory)
    await this.clearStage()
    const entries = []
    for (const file of files) {
      const target = path.join(this.stage, ...file.relative.split('/'))
      await mkdir(path.dirname(target), { recursive: true })
      const bytes = await readFile(file.absolute)
      await writeFile(target, bytes)
      entries.push({ path: file.relative, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })
    }
    const manifest = buildManifest({ commit: request.commit, codeHash: request.codeHash, source: 'upload', files: entries })
    await writeFile(path.join(this.stage, MANIFEST_NAME), serializeManifest(manifest))
    if (request.codeHash) {
      const cached = codeHashKey(request.prefix, request.codeHash)
      await this.save(cached)
      await this.savePointer(commitKey(request.prefix, request.commit), { entry: cached, codeHash: request.codeHash })
    } else {
      await this.save(commitKey(request.prefix, request.commit))
    }
    await rm(this.stage, { recursive: true, force: true })
    return manifest
  }

  async download(
    prefix: string,
    commit: string,
    _manifest: Manifest | undefined,
    directory: string,
    concurrency: number
  ): Promise<Manifest> {
    try {
      await this.restore(commitKey(prefix, commit))
      const pointerText = await readFile(path.join(this.stage, POINTER), 'utf8').catch(() => undefined)
      if (pointerText !== undefined) await this.restore((JSON.parse(pointerText) as Pointer).entry)
      const manifestText = await readFile(path.join(this.stage, MANIFEST_NAME), 'utf8').catch(() => {
        throw new IntegrityError(`The cache entry for commit ${commit} holds no ${MANIFEST_NAME}.`)
      })
      const manifest = parseManifest(manifestText, `in the cache entry of commit ${commit}`)
      // The restored stage is a directory of files: verify and place them as from any store.
      await downloadSet(new LocalStore(this.stage), '', manifest, directory, concurrency)
      return manifest
    } finally {
      await rm(this.stage, { recursive: true, force: true })
    }
  }

  close(): void {}
}
