import { plural } from '../report/markdown.js'
import * as core from '@actions/core'
import type { AssetSets } from '../sets/asset-sets.js'
import { hasFoundMarker, readCheckRecord } from './check-record.js'
import { FOUND_MARKER } from '../constants.js'
import { commitSources, resolveCommit } from '../git.js'
import type { Settings } from '../inputs.js'
import { totalBytes } from '../sets/manifest.js'
import { codeHashOf } from './check.js'
import type { AssetsResult } from './result.js'

/** What happened to the shared code-hash tier, as the end of upload's sentence. */
function cacheTierNote(codeHash: string, settings: Settings): string {
  if (!codeHash) return ''
  const { allowed, reason } = settings.policy.cacheWrite
  return allowed ? ` and cached them under code hash ${codeHash}` : `; the shared code-hash set ${codeHash} was not written: ${reason}`
}

/** upload: store what was built, unless check found it or it is already stored. */
export async function upload(settings: Settings, sets: AssetSets): Promise<AssetsResult> {
  const started = Date.now()
  const record = await readCheckRecord(settings.packageDirectory)
  const commit = await resolveCommit(commitSources(settings, record?.commit))
  const location = sets.location(settings.store.prefix, commit)
  const base = { mode: 'upload' as const, commitHash: commit, location }
  const skipped = (codeHash: string, files: number, bytes: number, message: string): AssetsResult => ({
    ...base,
    outcome: 'skipped',
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
  const existing = await sets.stored(settings.store.prefix, commit)
  if (existing) {
    const files = existing === 'stored' ? [] : existing.files
    const codeHash = existing === 'stored' ? (record?.codeHash ?? '') : existing.codeHash
    return skipped(codeHash, files.length, totalBytes(files), `The assets of commit ${commit} are already stored in ${location}.`)
  }

  // The code hash is computed when the patterns are given; otherwise check's record of it is used.
  const codeHash = settings.codeHashPatterns.length > 0 ? await codeHashOf(settings) : (record?.codeHash ?? '')
  core.info(`Uploading ${settings.packageDirectory} to ${location}`)
  const manifest = await sets.publish({
    prefix: settings.store.prefix,
    commit,
    codeHash,
    directory: settings.packageDirectory,
    concurrency: settings.concurrency,
    packBelow: settings.packBelow
  })
  return {
    ...base,
    outcome: 'uploaded',
    found: false,
    source: 'none',
    codeHash,
    files: manifest.files.length,
    bytes: totalBytes(manifest.files),
    elapsedMs: Date.now() - started,
    message: `Uploaded ${plural(manifest.files.length, 'file')} to ${location}${cacheTierNote(codeHash, settings)}.`
  }
}
