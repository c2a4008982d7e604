import * as core from '../runner.js'
import { plural } from '../util/text.js'
import type { AssetSets, BuildKey } from '../sets/asset-sets.js'
import { hasFoundMarker, readCheckRecord, type CheckRecord } from './check-record.js'
import { FOUND_MARKER } from '../constants.js'
import { commitSources, resolveCommit } from '../git.js'
import { describeDifference, keyDifference, type KeyInputs } from '../hashing/set-key.js'
import type { Settings } from '../settings/types.js'
import { builtUnder, totalBytes, type Manifest } from '../sets/manifest.js'
import { currentPlatform, otherPlatform, otherPlatformAdvice } from '../sets/platform.js'
import { computeBuildKey, setsPrefix } from './build-key.js'
import type { AssetsResult } from './result.js'
import { asCancellation } from '../util/cancellation.js'

/** What happened to the shared code-hash tier, as the end of upload's sentence. */
function cacheTierNote(codeHash: string, tier: AssetsResult['cacheTier']): string {
  if (!codeHash || !tier) return ''
  return tier.written
    ? ` and cached them under code hash ${codeHash}`
    : `; the shared code-hash set ${codeHash} was not written: ${tier.reason}`
}

/** The key computed before the build by auto's main step, handed over by the runner (never a file the build can write). */
export interface PreBuildKey {
  readonly key: string
  readonly inputs?: KeyInputs
}

/** The key upload stores under, and why the shared tier is not written when it is not. */
interface UploadKey {
  readonly key: BuildKey
  readonly drift?: AssetsResult['drift']
  /** Set when the code-hash set must not be written whatever cache-write says. */
  readonly refused?: string
}

const onRunner = (): boolean => process.env.GITHUB_ACTIONS === 'true'

/**
 * The key the code-hash set is stored under. Upload computes it (the build may not choose it): with auto's
 * key from before the build, a build that wrote into the files it is keyed by is caught and the set goes
 * under the key from before, which the next commit's check computes too. Check's record in the package
 * directory is a file the build can write, so it never chooses a key: one that disagrees with the key
 * computed now is a warning naming both, and the shared tier is not written. Only the original tool's
 * own flow — outside GitHub, no signing key, no patterns on upload — takes the record's code hash.
 */
async function uploadKey(settings: Settings, record: CheckRecord | undefined, commit: string, before?: PreBuildKey): Promise<UploadKey> {
  const recorded = record && record.commit === commit && record.codeHash ? record : undefined
  if (settings.codeHashPatterns.length === 0) {
    if (!recorded) return { key: { key: '' } }
    if (!onRunner() && settings.policy.signing.keys.length === 0) {
      core.info(
        `Using code hash ${recorded.codeHash} from check's record in ${settings.packageDirectory}, as the original tool's upload does (this step has no 'code-hash-paths'). ` +
          `Whoever can write that directory chooses this key: set 'code-hash-paths' on upload too to have it computed.`
      )
      return { key: { key: recorded.codeHash, ...(recorded.inputs ? { inputs: recorded.inputs } : {}) } }
    }
    const refused = `this upload has no 'code-hash-paths', and check's record in the package directory (which the build can write) does not choose the key`
    core.warning(
      `Not writing the shared code-hash set: ${refused}; it names code hash ${recorded.codeHash}. Set 'code-hash-paths' on upload as on check, or use mode: auto.`
    )
    return { key: { key: '' }, refused }
  }
  const now = await computeBuildKey(settings)
  if (before) {
    if (before.key === now.key) return { key: now }
    const difference = before.inputs ? keyDifference(before.inputs, now.inputs) : undefined
    const parts = difference ? describeDifference(difference) : []
    core.warning(
      `The build changed what the code hash covers${parts.length > 0 ? `: ${parts.join('; ')}` : ''} (code hash ${before.key} before the build, ${now.key} after). ` +
        `The set is stored under the code hash from before the build, which the next check computes for the same sources. ` +
        `Leave files the build writes out of 'code-hash-paths' (add '!path/**' for them), or have the build write them elsewhere.`
    )
    return {
      key: { key: before.key, ...(before.inputs ? { inputs: before.inputs } : {}) },
      drift: { before: before.key, after: now.key, difference }
    }
  }
  if (!recorded || recorded.codeHash === now.key) return { key: now }
  const difference = recorded.inputs ? keyDifference(recorded.inputs, now.inputs) : undefined
  const parts = difference ? describeDifference(difference) : []
  const refused = `check's record names code hash ${recorded.codeHash}, but the sources give ${now.key} now, and a record in the package directory (which the build can write) cannot tell which one this build is`
  core.warning(
    `Not writing the shared code-hash set: ${refused}${parts.length > 0 ? ` (what differs: ${parts.join('; ')})` : ''}. ` +
      `If the build writes into files 'code-hash-paths' covers, leave them out ('!path/**'); mode: auto keeps the key from before the build for you.`
  )
  return { key: now, refused }
}

/** upload: store what was built, unless check found it or it is already stored. */
export async function upload(settings: Settings, sets: AssetSets, preBuild?: PreBuildKey): Promise<AssetsResult> {
  const started = Date.now()
  const record = await readCheckRecord(settings.packageDirectory)
  const commit = await resolveCommit(await commitSources(settings, record?.commit))
  const prefix = setsPrefix(settings)
  const location = sets.location(prefix, commit)
  const base = { mode: 'upload' as const, commitHash: commit, location }
  const skipped = (codeHash: string, files: number, bytes: number, message: string): AssetsResult => ({
    ...base,
    outcome: 'already-stored',
    found: true,
    source: 'commit',
    codeHash,
    files,
    bytes,
    elapsedMs: Date.now() - started,
    message
  })

  if (await hasFoundMarker(settings.packageDirectory)) {
    return skipped(
      record?.codeHash ?? '',
      record?.files ?? 0,
      record?.bytes ?? 0,
      `${FOUND_MARKER} exists in ${settings.packageDirectory}: check found the assets, nothing to upload.`
    )
  }
  const platform = currentPlatform()
  /** A set stored for this commit already (before this step, or by another run while it waited): nothing to upload. */
  const storedAlready = (existing: Manifest | 'stored', by: string): AssetsResult => {
    const files = existing === 'stored' ? [] : existing.files
    const codeHash = existing === 'stored' ? (record?.codeHash ?? '') : existing.codeHash
    const elsewhere = existing === 'stored' ? undefined : otherPlatform(existing, { platform, crossPlatform: settings.crossPlatform })
    if (elsewhere) {
      const advice = otherPlatformAdvice(elsewhere, platform)
      core.warning(`Not uploading to ${location}: the set stored there is another platform's: ${advice}.`)
      return {
        ...skipped(codeHash, 0, 0, `Nothing was uploaded: the set of commit ${commit} in ${location} was built on ${elsewhere}.`),
        outcome: 'not-stored',
        found: false
      }
    }
    return skipped(codeHash, files.length, totalBytes(files), `The assets of commit ${commit} ${by} in ${location}.`)
  }
  // With the code-hash tier on, the key decides whether the commit's set is this build's: computed first.
  const keyed = settings.codeHashPatterns.length > 0 ? await uploadKey(settings, record, commit, preBuild) : undefined
  const existing = await sets.stored(prefix, commit, keyed?.key.key)
  if (existing && !(typeof existing === 'object' && 'broken' in existing)) {
    const otherKey = existing !== 'stored' && keyed?.key.key && !builtUnder(existing, keyed.key.key)
    if (!otherKey || otherPlatform(existing, { platform, crossPlatform: settings.crossPlatform }))
      return storedAlready(existing, 'are already stored')
    core.warning(
      `The set stored for commit ${commit} in ${location} was built under another key (code hash ${existing.codeHash}; this build's is ${keyed.key.key}): ` +
        `this upload replaces it. If both builds of this commit are wanted (another NODE_ENV, another code-hash-key), give each its own 'variant'.`
    )
  } else if (existing) core.info(`The set stored for commit ${commit} is broken (${existing.broken}): this upload replaces it.`)

  const { key, drift, refused } = keyed ?? (await uploadKey(settings, record, commit, preBuild))
  const codeHash = key.key
  const cacheTier: AssetsResult['cacheTier'] = refused
    ? { written: false, reason: refused }
    : !codeHash
      ? undefined
      : settings.policy.cacheWrite.allowed
        ? { written: true }
        : { written: false, reason: settings.policy.cacheWrite.reason }
  core.info(`Uploading ${settings.packageDirectory} to ${location}`)
  const published = await sets
    .publish({
      prefix,
      commit,
      codeHash,
      writeCodeHashSet: !refused,
      ...(key.inputs ? { inputs: key.inputs } : {}),
      platform,
      directory: settings.packageDirectory,
      concurrency: settings.concurrency,
      packBelow: settings.packBelow,
      packCompression: settings.packCompression
    })
    .catch((error: unknown) => {
      throw asCancellation(error, `no manifest was written for ${location}, so nothing is stored for commit ${commit}`)
    })
  if (published.by === 'another-run')
    return storedAlready(published.manifest, 'were stored first by another run, while this one waited; nothing was uploaded')
  const { manifest } = published
  return {
    ...base,
    outcome: 'uploaded',
    found: true,
    source: 'upload',
    codeHash,
    ...(cacheTier ? { cacheTier } : {}),
    files: manifest.files.length,
    bytes: totalBytes(manifest.files),
    elapsedMs: Date.now() - started,
    ...(drift ? { drift } : {}),
    message:
      `Uploaded ${plural(manifest.files.length, 'file')} to ${location}${cacheTierNote(codeHash, cacheTier)}.` +
      (published.replaced ? ` It replaced a broken set (${published.replaced}).` : '')
  }
}
