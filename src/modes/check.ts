import * as core from '../runner.js'
import type { AssetSets, MissReason } from '../sets/asset-sets.js'
import { writeCheckRecord } from './check-record.js'
import { commitSources, resolveCommit } from '../git.js'
import type { Settings } from '../settings/types.js'
import { totalBytes } from '../sets/manifest.js'
import { plural } from '../util/text.js'
import { IntegrityError, MissingObjectError, UnreadableSetError } from '../errors.js'
import type { KeyInputs } from '../hashing/set-key.js'
import { currentPlatform } from '../sets/platform.js'
import { computeBuildKey, setsPrefix } from './build-key.js'
import type { AssetsResult } from './result.js'
import { removeStaleFiles, type StaleFiles } from '../sets/stale-files.js'

async function missing(
  settings: Settings,
  commit: string,
  codeHash: string,
  inputs: KeyInputs | undefined,
  location: string,
  started: number,
  untrusted: number,
  missReason: MissReason | undefined
): Promise<AssetsResult> {
  const tierOn = settings.codeHashPatterns.length > 0
  await writeCheckRecord(settings.packageDirectory, { commit, codeHash, files: 0, bytes: 0, ...(inputs ? { inputs } : {}) }, false)
  if (missReason) core.info(`Why no set was found: ${missReason.line}.`)
  return {
    mode: 'check',
    commitHash: commit,
    codeHash,
    location,
    elapsedMs: Date.now() - started,
    untrusted,
    outcome: 'missing',
    found: false,
    source: 'none',
    files: 0,
    bytes: 0,
    ...(missReason ? { missReason } : {}),
    message: tierOn
      ? `No assets for commit ${commit} nor for code hash ${codeHash}: build and upload them.`
      : `No assets for commit ${commit}: build and upload them.`
  }
}

/** Says what removeStaleFiles did: the package directory now holds the set, or which files it kept and why. */
function reportStale(stale: StaleFiles, directory: string): void {
  const first = (files: readonly string[]): string => `${files.slice(0, 10).join(', ')}${files.length > 10 ? ', …' : ''}`
  if (stale.removed.length > 0)
    core.info(`Removed ${plural(stale.removed.length, 'file')} from ${directory} that the set does not have (${first(stale.removed)}).`)
  if (stale.kept.length > 0)
    core.warning(
      `${directory} holds ${plural(stale.kept.length, 'file')} the set does not have, kept because ${stale.keptBecause} (${first(stale.kept)}): ` +
        `they are not part of the found build. Point 'package-directory' at a folder only the build writes.`
    )
}

/** check: is there a stored asset set for this commit, or for the same code under its code hash? */
export async function check(settings: Settings, sets: AssetSets): Promise<AssetsResult> {
  const started = Date.now()
  const tierOn = settings.codeHashPatterns.length > 0
  const commit = await resolveCommit(await commitSources(settings))
  const prefix = setsPrefix(settings)
  const location = sets.location(prefix, commit)
  core.info(`Looking for the assets of commit ${commit} in ${location}`)
  let inputs: KeyInputs | undefined
  const result = await sets.findOrPromote({
    prefix,
    commit,
    codeHash: tierOn
      ? async () => {
          const key = await computeBuildKey(settings)
          inputs = key.inputs
          return key
        }
      : undefined,
    concurrency: settings.concurrency,
    legacySets: settings.legacySets,
    platform: currentPlatform(),
    crossPlatform: settings.crossPlatform,
    download: settings.download,
    explainMiss: true
  })
  if (result.found && result.legacy && settings.download) {
    throw new IntegrityError(
      `The assets of commit ${commit} were found by the legacy-sets rule (no manifest), so they cannot be verified and are not downloaded. ` +
        `Rebuild and upload them (which writes a manifest), or turn 'download' off for this step.`
    )
  }
  if (!result.found) return missing(settings, commit, result.codeHash, inputs, location, started, result.untrusted, result.missReason)
  let files = result.manifest?.files ?? []
  if (settings.download) {
    core.info(`Downloading the assets into ${settings.packageDirectory}`)
    try {
      files = (await sets.download(prefix, commit, result.manifest, settings.packageDirectory, settings.concurrency)).files
      await reportStale(
        await removeStaleFiles(
          settings.packageDirectory,
          files.map((file) => file.path),
          settings.repoPath
        ),
        settings.packageDirectory
      )
    } catch (error) {
      if (error instanceof UnreadableSetError) {
        core.warning(
          `The assets of commit ${commit} in ${location} cannot be downloaded here: ${error.message}. Treating them as not found, so the build runs.`
        )
        return missing(settings, commit, result.codeHash, inputs, location, started, result.untrusted, {
          line: `the set cannot be read by this runtime: ${error.message}`
        })
      }
      // Nothing was kept (downloads take their final names only when every file arrived intact). A set whose
      // objects do not match its manifest is a miss, so the build runs and its upload replaces the set; a
      // set pruned while it downloaded (prune deletes the manifest first) is a miss too.
      if (!(error instanceof MissingObjectError) && !(error instanceof IntegrityError)) throw error
      const gone = error instanceof MissingObjectError && (await sets.stored(prefix, commit)) === undefined
      core.warning(
        gone
          ? `The assets of commit ${commit} were deleted while they downloaded (a prune?): treating this as not found.`
          : `The assets of commit ${commit} in ${location} do not match their manifest (${error.message}): nothing was kept; treating them as not found, so the build runs and its upload replaces the set.`
      )
      return missing(settings, commit, result.codeHash, inputs, location, started, result.untrusted + (gone ? 0 : 1), {
        line: gone ? 'the set was deleted while it downloaded' : 'the stored set does not match its manifest (the next upload replaces it)'
      })
    }
  }
  const fileCount = result.legacy?.files ?? files.length
  const bytes = result.legacy?.bytes ?? totalBytes(files)
  await writeCheckRecord(
    settings.packageDirectory,
    { commit, codeHash: result.codeHash, files: fileCount, bytes, ...(inputs ? { inputs } : {}) },
    true
  )
  return {
    mode: 'check',
    commitHash: commit,
    codeHash: result.codeHash,
    location,
    elapsedMs: Date.now() - started,
    untrusted: result.untrusted,
    outcome: 'found',
    found: true,
    source: result.source,
    files: fileCount,
    bytes,
    message:
      result.source === 'commit'
        ? `Found the assets of commit ${commit} (${plural(fileCount, 'file')})${settings.download ? ' and downloaded them' : ''}.`
        : `Found the assets under code hash ${result.codeHash} and copied them to commit ${commit} (${plural(fileCount, 'file')})${settings.download ? ', then downloaded them' : ''}.`
  }
}
