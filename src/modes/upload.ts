import * as core from '../runner.js'
import { plural } from '../report/markdown.js'
import type { AssetSets, BuildKey } from '../sets/asset-sets.js'
import { hasFoundMarker, readCheckRecord } from './check-record.js'
import { FOUND_MARKER } from '../constants.js'
import { commitSources, resolveCommit } from '../git.js'
import { describeDifference, keyDifference, type KeyInputs } from '../hashing/set-key.js'
import type { Settings } from '../inputs.js'
import { totalBytes } from '../sets/manifest.js'
import { currentPlatform, otherPlatform, otherPlatformAdvice } from '../sets/platform.js'
import { computeBuildKey } from './build-key.js'
import { setsPrefix } from './check.js'
import type { AssetsResult } from './result.js'

/** What happened to the shared code-hash tier, as the end of upload's sentence. */
function cacheTierNote(codeHash: string, settings: Settings): string {
  if (!codeHash) return ''
  const { allowed, reason } = settings.policy.cacheWrite
  return allowed ? ` and cached them under code hash ${codeHash}` : `; the shared code-hash set ${codeHash} was not written: ${reason}`
}

/** The key computed before the build: auto's main step, or check's record for this commit. */
export interface PreBuildKey {
  readonly key: string
  readonly inputs?: KeyInputs
}

/**
 * The key the code-hash set is stored under: the one computed before the build (`before`), recomputed now
 * to catch a build that writes into the files it is keyed by. When they differ, a warning names what the
 * build changed, and the set goes under the key from before, which the next commit's check computes too.
 */
async function keyToStore(settings: Settings, before: PreBuildKey | undefined): Promise<{ key: BuildKey; drift?: AssetsResult['drift'] }> {
  const now = await computeBuildKey(settings)
  if (!before || before.key === now.key) return { key: now }
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

/** upload: store what was built, unless check found it or it is already stored. */
export async function upload(settings: Settings, sets: AssetSets, preBuild?: PreBuildKey): Promise<AssetsResult> {
  const started = Date.now()
  const record = await readCheckRecord(settings.packageDirectory)
  const commit = await resolveCommit(commitSources(settings, record?.commit))
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
  const existing = await sets.stored(prefix, commit)
  if (existing) {
    const files = existing === 'stored' ? [] : existing.files
    const codeHash = existing === 'stored' ? (record?.codeHash ?? '') : existing.codeHash
    const elsewhere = existing === 'stored' ? undefined : otherPlatform(existing, { platform, crossPlatform: settings.crossPlatform })
    if (elsewhere) {
      const advice = otherPlatformAdvice(elsewhere, platform)
      core.warning(`Not uploading to ${location}: the set stored there is another platform's: ${advice}.`)
      return {
        ...skipped(codeHash, 0, 0, `Nothing was uploaded: the set of commit ${commit} in ${location} was built on ${elsewhere}.`),
        found: false
      }
    }
    return skipped(codeHash, files.length, totalBytes(files), `The assets of commit ${commit} are already stored in ${location}.`)
  }

  const before =
    preBuild ?? (record && record.commit === commit && record.codeHash ? { key: record.codeHash, inputs: record.inputs } : undefined)
  let key: BuildKey = { key: record?.codeHash ?? '', ...(record?.inputs ? { inputs: record.inputs } : {}) }
  let drift: AssetsResult['drift']
  // With patterns the key is computed (and checked against the one from before the build); otherwise check's record of it is used.
  if (settings.codeHashPatterns.length > 0) ({ key, drift } = await keyToStore(settings, before))
  const codeHash = key.key
  core.info(`Uploading ${settings.packageDirectory} to ${location}`)
  const manifest = await sets.publish({
    prefix,
    commit,
    codeHash,
    ...(key.inputs ? { inputs: key.inputs } : {}),
    platform,
    directory: settings.packageDirectory,
    concurrency: settings.concurrency,
    packBelow: settings.packBelow
  })
  return {
    ...base,
    outcome: 'uploaded',
    found: true,
    source: 'upload',
    codeHash,
    ...(codeHash
      ? {
          cacheTier: settings.policy.cacheWrite.allowed ? { written: true } : { written: false, reason: settings.policy.cacheWrite.reason }
        }
      : {}),
    files: manifest.files.length,
    bytes: totalBytes(manifest.files),
    elapsedMs: Date.now() - started,
    ...(drift ? { drift } : {}),
    message: `Uploaded ${plural(manifest.files.length, 'file')} to ${location}${cacheTierNote(codeHash, settings)}.`
  }
}
