import * as cache from '@actions/cache'
import * as core from '../runner.js'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { CACHE_STAGE, MANIFEST_NAME, READ_LIMITS } from '../constants.js'
import { IntegrityError, StoreError } from '../errors.js'
import { fromPosixRelative } from '../util/paths.js'
import { LocalStore } from '../stores/local.js'
import type { AssetSets, FindRequest, FindResult, MissReason, Published, PublishRequest, SetPolicy } from './asset-sets.js'
import { otherPlatform, otherPlatformAdvice } from './platform.js'
import { buildManifest, usableManifest, serializeManifest, type Manifest } from './manifest.js'
import { cacheEntryKey } from './layout.js'
import { listPackageFiles } from './package-files.js'
import { storedText, verifyStoredText } from './signing.js'
import { sha256Hex } from '../util/digest-stream.js'

/**
 * The staging directory every entry is saved from and restored into, inside the stage root (RUNNER_TEMP when
 * the runner sets it, so nothing is written into the workspace; else the working directory).
 *
 * An entry's version is a hash of the path strings handed to @actions/cache, and its tar holds paths relative
 * to GITHUB_WORKSPACE. Handing it an absolute path under RUNNER_TEMP would make the version differ between
 * runners whose work folders differ (self-hosted fleets, container jobs) and the tar paths climb out of the
 * workspace. So every call runs with the stage root as both working directory and GITHUB_WORKSPACE and names
 * the stage by this one relative string: the version and the tar layout are the same on every runner, and the
 * same as entries saved before the stage moved out of the workspace.
 */
export const STAGE = CACHE_STAGE
const POINTER = '.pointer.json'

export const commitKey = (prefix: string, commit: string): string => cacheEntryKey(prefix, 'artifacts', commit)
export const codeHashKey = (prefix: string, codeHash: string): string => cacheEntryKey(prefix, 'cache', codeHash)

/** The small entry a code-hash hit saves under the commit's key: which entry holds the files. Signed like manifests. */
interface Pointer {
  readonly entry: string
  readonly codeHash: string
  readonly commit?: string
  /** The entry key the pointer was saved under (signed: a pointer copied to another key is refused). */
  readonly location?: string
  readonly signature?: string
}

/**
 * Asset sets in the GitHub Actions cache, through @actions/cache. An entry is immutable, so saving it is
 * the completion record. The service has no server-side copy: a code-hash hit is recorded under the
 * commit's key by a small entry that names the code-hash entry. A save the token may not make (pull requests
 * from forks get a read-only cache) or one that is rate-limited is a warning from @actions/cache, not a failure.
 * With a signing key a lookup alone proves nothing, so a hit is restored and its manifest verified first.
 */
export class ActionsCacheSets implements AssetSets {
  private readonly root: string
  private readonly stage: string
  /** Commit entry → the code-hash entry a hit was found in, when the commit's own entry is another key's. */
  private readonly hits = new Map<string, string>()

  constructor(private readonly policy: SetPolicy) {
    this.root = path.resolve(process.env.RUNNER_TEMP || '.')
    this.stage = path.join(this.root, STAGE)
  }

  /** Runs a cache call with the stage root as working directory and workspace (see STAGE for why). */
  private async inStageRoot<T>(call: () => Promise<T>): Promise<T> {
    const cwd = process.cwd()
    const workspace = process.env.GITHUB_WORKSPACE
    await mkdir(this.root, { recursive: true })
    process.chdir(this.root)
    process.env.GITHUB_WORKSPACE = this.root
    try {
      return await call()
    } finally {
      process.chdir(cwd)
      if (workspace === undefined) delete process.env.GITHUB_WORKSPACE
      else process.env.GITHUB_WORKSPACE = workspace
    }
  }

  private get verifying(): boolean {
    return this.policy.signing.keys.length > 0
  }

  location(prefix: string, commit: string): string {
    return `actions-cache://${commitKey(prefix, commit)}`
  }

  private async exists(key: string): Promise<boolean> {
    return (await this.inStageRoot(() => cache.restoreCache([STAGE], key, [], { lookupOnly: true }))) === key
  }

  private async clearStage(): Promise<void> {
    await rm(this.stage, { recursive: true, force: true })
    await mkdir(this.stage, { recursive: true })
  }

  /** Saves the stage as `key`: 'saved', or 'existing' when another job (or an earlier run) saved the key first. */
  private async save(key: string): Promise<'saved' | 'existing' | 'refused'> {
    try {
      const id = await this.inStageRoot(() => cache.saveCache([STAGE], key))
      if (id !== -1) return 'saved'
    } catch (error) {
      throw new StoreError(`Saving the cache entry ${key} failed: ${(error as Error).message}`, { cause: error })
    }
    // @actions/cache reports every refused save as -1, after its own message. Entries are immutable, so one that
    // exists (another job, or an earlier run of this one, saved the key first) is as good as saving it — runs at
    // once never mix there; anything else is worth a warning.
    if (await this.exists(key)) {
      core.info(`The cache entry ${key} already exists: keeping it.`)
      return 'existing'
    }
    core.warning(`The cache entry ${key} was not saved (see the cache messages above).`)
    return 'refused'
  }

  private async restore(key: string): Promise<void> {
    await this.clearStage()
    if ((await this.inStageRoot(() => cache.restoreCache([STAGE], key, []))) !== key) {
      throw new StoreError(`The cache entry ${key} could not be restored (it may have been evicted); run check again to rebuild.`)
    }
  }

  /** Warns about an entry this run does not trust; returns undefined so callers treat it as missing. */
  private distrust(key: string, why: string): undefined {
    core.warning(`Not trusting the cache entry ${key}: ${why}. Treating it as missing.`)
    return undefined
  }

  /** A file of the restored stage, read as the local store reads (size-capped, no symlink followed); undefined when absent. */
  private async stageText(name: string, key: string): Promise<string | undefined> {
    try {
      return await new LocalStore(this.stage).readText(name, READ_LIMITS.manifest)
    } catch (error) {
      if (error instanceof IntegrityError || error instanceof StoreError)
        throw new IntegrityError(`the cache entry ${key}: ${error.message}`)
      throw error
    }
  }

  /**
   * Restores `key` (following one pointer) into the stage and returns its manifest when it can be used: well
   * formed and, with a signing key, signed (checked over the raw bytes first) for this entry key, commit or
   * code hash. Anything else is a warning and undefined, so callers treat it as missing.
   */
  private async restoreTrusted(
    key: string,
    owner: { commit?: string; codeHash?: string },
    followPointer = true
  ): Promise<Manifest | undefined> {
    await this.restore(key)
    let pointerText: string | undefined
    let manifestText: string | undefined
    try {
      pointerText = await this.stageText(POINTER, key)
      manifestText = pointerText === undefined ? await this.stageText(MANIFEST_NAME, key) : undefined
    } catch (error) {
      if (error instanceof IntegrityError) return this.distrust(key, error.message)
      throw error
    }
    if (pointerText !== undefined) {
      if (!followPointer) return this.distrust(key, 'it is a pointer to another pointer')
      const problem = verifyStoredText(pointerText, this.policy.signing)
      if (problem) return this.distrust(key, `its pointer is ${problem}`)
      let pointer: Pointer
      try {
        pointer = JSON.parse(pointerText) as Pointer
      } catch {
        return this.distrust(key, 'its pointer is not valid JSON')
      }
      if (typeof pointer.entry !== 'string' || typeof pointer.codeHash !== 'string') return this.distrust(key, 'its pointer is malformed')
      if (this.verifying && (pointer.commit !== owner.commit || pointer.location !== key)) {
        return this.distrust(key, `its pointer was signed for ${pointer.location ?? 'no location'} (commit ${String(pointer.commit)})`)
      }
      return this.restoreTrusted(pointer.entry, { codeHash: pointer.codeHash }, false)
    }
    if (manifestText === undefined) return this.distrust(key, `it holds no ${MANIFEST_NAME}`)
    const usable = usableManifest(manifestText, this.policy.signing, { location: key, shown: (location) => location, owner })
    return 'manifest' in usable ? usable.manifest : this.distrust(key, `its manifest ${usable.problem}`)
  }

  /**
   * Whether `key` holds a set this run may use: a lookup without a key; with one, a restore, verification and
   * the platform it was built on (without a key nothing is restored: the cache service itself keeps Windows
   * entries apart from the others, as actions/cache does).
   */
  private async usable(
    key: string,
    owner: { commit?: string; codeHash?: string },
    platform?: { platform: string; crossPlatform: boolean }
  ): Promise<'yes' | 'no' | 'untrusted' | 'elsewhere'> {
    if (!(await this.exists(key))) return 'no'
    if (!this.verifying) return 'yes'
    try {
      const manifest = await this.restoreTrusted(key, owner)
      if (!manifest) return 'untrusted'
      const other = platform && otherPlatform(manifest, platform)
      if (!other) return 'yes'
      core.warning(`Not using the cache entry ${key}: ${otherPlatformAdvice(other, platform.platform)}.`)
      return 'elsewhere'
    } finally {
      await rm(this.stage, { recursive: true, force: true })
    }
  }

  /**
   * The key the commit's entry was stored under: its pointer's code hash, or its manifest's. Restores the
   * entry (a pointer is a few hundred bytes; an entry holding files is read whole, which only happens when the
   * commit's entry was saved without the shared tier). Undefined when it cannot be read or trusted.
   */
  private async keyOfEntry(key: string, commit: string): Promise<string | undefined> {
    try {
      await this.restore(key)
      const pointerText = await this.stageText(POINTER, key)
      if (pointerText !== undefined) {
        if (verifyStoredText(pointerText, this.policy.signing)) return undefined
        const pointer = JSON.parse(pointerText) as Partial<Pointer>
        return typeof pointer.codeHash === 'string' ? pointer.codeHash : undefined
      }
      const text = await this.stageText(MANIFEST_NAME, key)
      const usable =
        text === undefined ? undefined : usableManifest(text, this.policy.signing, { location: key, shown: (l) => l, owner: { commit } })
      return usable && 'manifest' in usable ? usable.manifest.codeHash : undefined
    } catch (error) {
      if (error instanceof IntegrityError || error instanceof SyntaxError) return undefined
      throw error
    } finally {
      await rm(this.stage, { recursive: true, force: true })
    }
  }

  async findOrPromote(request: FindRequest): Promise<FindResult> {
    let untrusted = 0
    const entry = commitKey(request.prefix, request.commit)
    // With the code-hash tier on, the key decides a hit on both tiers (computed while the commit's entry is looked up).
    const keyOfThisRun = request.codeHash?.()
    keyOfThisRun?.catch(() => undefined)
    const commit = await this.usable(entry, { commit: request.commit }, request)
    if (commit === 'untrusted') untrusted++
    if (!keyOfThisRun)
      return commit === 'yes' ? { found: true, source: 'commit', codeHash: '', untrusted } : { found: false, codeHash: '', untrusted }
    const codeHash = (await keyOfThisRun).key
    let otherKey: MissReason | undefined
    if (commit === 'yes') {
      const stored = await this.keyOfEntry(entry, request.commit)
      if (stored === undefined || stored === '' || stored === codeHash) return { found: true, source: 'commit', codeHash, untrusted }
      otherKey = {
        line: `the entry stored for this commit was built under another key (${stored.slice(0, 12)}…, this run's is ${codeHash.slice(0, 12)}…)`
      }
      core.info(`Not using the cache entry ${entry}: ${otherKey.line}.`)
    }
    const cached = codeHashKey(request.prefix, codeHash)
    const hit = await this.usable(cached, { codeHash }, request)
    if (hit === 'untrusted') untrusted++
    if (hit !== 'yes') {
      // The service has no listing to compare with an earlier build: a miss can only say which key missed.
      const line =
        hit === 'elsewhere' ? 'the stored entry was built on another platform' : `no cache entry for key ${codeHash.slice(0, 12)}…`
      return { found: false, codeHash, untrusted, missReason: otherKey ?? { line } }
    }
    // Entries are immutable: a commit entry of another key stays, and this run's download reads the key's entry.
    this.hits.set(entry, cached)
    if (commit !== 'yes') await this.savePointer(entry, { entry: cached, codeHash, commit: request.commit })
    return { found: true, source: 'cache', codeHash, untrusted }
  }

  private async savePointer(key: string, pointer: Pointer): Promise<Awaited<ReturnType<ActionsCacheSets['save']>>> {
    await this.clearStage()
    const located = { ...pointer, location: key }
    await writeFile(path.join(this.stage, POINTER), storedText(located as unknown as Record<string, unknown>, this.policy.signing))
    const saved = await this.save(key)
    await rm(this.stage, { recursive: true, force: true })
    return saved
  }

  /** With `key` (the code-hash tier on), the commit's entry counts only when it is that key's, or the key's own entry is there. */
  async stored(prefix: string, commit: string, key?: string): Promise<'stored' | undefined> {
    const entry = commitKey(prefix, commit)
    if ((await this.usable(entry, { commit })) !== 'yes') return undefined
    if (!key) return 'stored'
    const stored = await this.keyOfEntry(entry, commit)
    if (stored === undefined || stored === '' || stored === key) return 'stored'
    return (await this.usable(codeHashKey(prefix, key), { codeHash: key })) === 'yes' ? 'stored' : undefined
  }

  async publish(request: PublishRequest): Promise<Published> {
    if (request.packBelow || request.packCompression === 'none')
      core.info('pack-below and pack-compression have no effect on the actions-cache backend: each entry is one archive already.')
    const files = await listPackageFiles(request.directory, { warnOfLeftovers: true })
    await this.clearStage()
    const entries = []
    for (const file of files) {
      const target = fromPosixRelative(this.stage, file.relative)
      await mkdir(path.dirname(target), { recursive: true })
      const bytes = await readFile(file.absolute)
      await writeFile(target, bytes)
      entries.push({ path: file.relative, size: bytes.length, sha256: sha256Hex(bytes) })
    }
    const manifest = buildManifest({
      commit: request.commit,
      codeHash: request.codeHash,
      source: 'upload',
      files: entries,
      platform: request.platform
    })
    const writesCacheTier = Boolean(request.codeHash) && request.writeCodeHashSet !== false && this.policy.cacheWrite.allowed
    // The manifest names the entry it is saved under: the code-hash entry, or the commit's when the tier is not written.
    const entryKey = writesCacheTier ? codeHashKey(request.prefix, request.codeHash) : commitKey(request.prefix, request.commit)
    await writeFile(path.join(this.stage, MANIFEST_NAME), serializeManifest(manifest, entryKey, this.policy.signing))
    let saved: Awaited<ReturnType<ActionsCacheSets['save']>>
    if (writesCacheTier) {
      const cached = codeHashKey(request.prefix, request.codeHash)
      const entry = await this.save(cached)
      // The commit's pointer: 'existing' when another run (or another key's build of this commit) saved it first.
      const pointer = await this.savePointer(commitKey(request.prefix, request.commit), {
        entry: cached,
        codeHash: request.codeHash,
        commit: request.commit
      })
      saved = entry === 'existing' && pointer === 'existing' ? 'existing' : entry === 'refused' ? 'refused' : 'saved'
    } else {
      if (request.codeHash && request.writeCodeHashSet !== false)
        core.info(
          `Not writing the shared code-hash entry ${codeHashKey(request.prefix, request.codeHash)}: ${this.policy.cacheWrite.reason}.`
        )
      saved = await this.save(commitKey(request.prefix, request.commit))
    }
    await rm(this.stage, { recursive: true, force: true })
    // Entries are immutable: when another job saved the commit's key first, that entry stands and this run says so.
    return { manifest, by: saved === 'existing' ? 'another-run' : 'this-run' }
  }

  async download(
    prefix: string,
    commit: string,
    _manifest: Manifest | undefined,
    directory: string,
    concurrency: number
  ): Promise<Manifest> {
    try {
      const key = commitKey(prefix, commit)
      const found = this.hits.get(key)
      const manifest = found
        ? await this.restoreTrusted(found, { codeHash: found.slice(codeHashKey(prefix, '').length) })
        : await this.restoreTrusted(key, { commit })
      if (!manifest) throw new IntegrityError(`The cache entry ${key} is not trusted (see the warning above); nothing was downloaded.`)
      // The restored stage is a directory of files: verify and place them as from any store.
      // Loaded when a set is fetched, as ObjectAssetSets does; named, so both share one chunk (without a name the
      // bundler wrote download.ts twice).
      const { downloadSet } = await import(/* webpackChunkName: "download" */ './download.js')
      await downloadSet(new LocalStore(this.stage), '', manifest, directory, concurrency)
      return manifest
    } finally {
      await rm(this.stage, { recursive: true, force: true })
    }
  }

  /** GitHub evicts unused entries itself: there is no use to record. */
  async flush(): Promise<void> {}

  close(): void {}
}
