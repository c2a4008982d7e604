import * as core from '@actions/core'
import type { AssetSets } from '../sets/asset-sets.js'
import { writeCheckRecord } from './check-record.js'
import { resolveCommit } from '../git.js'
import type { Settings } from '../inputs.js'
import { totalBytes } from '../sets/manifest.js'
import { formatBytes } from '../report/progress.js'
import { plural } from '../report/markdown.js'
import { IntegrityError } from '../errors.js'
import type { AssetsResult } from './result.js'

export async function codeHashOf(settings: Settings): Promise<string> {
  const started = Date.now()
  // Loaded only when a code hash is needed: a commit hit never pays for the glob libraries.
  const { computeCodeHash } = await import('../hashing/code-hash.js')
  const result = await computeCodeHash(settings.repoPath, settings.codeHashPatterns)
  const how =
    result.method === 'git'
      ? `ids from git's index, ${plural(result.hashed, 'changed or untracked file')} hashed`
      : `every file hashed, ${formatBytes(result.bytes)}, no git work tree at ${settings.repoPath}`
  core.info(`Code hash ${result.hash} over ${plural(result.files, 'file')} (${how}) in ${Date.now() - started} ms.`)
  return result.hash
}

/** check: is there a stored asset set for this commit, or for the same code under its code hash? */
export async function check(settings: Settings, sets: AssetSets): Promise<AssetsResult> {
  const started = Date.now()
  const tierOn = settings.codeHashPatterns.length > 0
  const commit = await resolveCommit({ override: settings.commit, repoPath: settings.repoPath, githubSha: process.env.GITHUB_SHA })
  const location = sets.location(settings.store.prefix, commit)
  core.info(`Looking for the assets of commit ${commit} in ${location}`)
  const result = await sets.findOrPromote({
    prefix: settings.store.prefix,
    commit,
    codeHash: tierOn ? () => codeHashOf(settings) : undefined,
    concurrency: settings.concurrency,
    legacySets: settings.legacySets
  })
  if (result.found && result.legacy && settings.download) {
    throw new IntegrityError(
      `The assets of commit ${commit} were found by the legacy-sets rule (no manifest), so they cannot be verified and are not downloaded. ` +
        `Rebuild and upload them (which writes a manifest), or turn 'download' off for this step.`
    )
  }
  let files = result.found ? (result.manifest?.files ?? []) : []
  const download = result.found && settings.download
  if (download) {
    core.info(`Downloading the assets into ${settings.packageDirectory}`)
    files = (await sets.download(settings.store.prefix, commit, result.manifest, settings.packageDirectory, settings.concurrency)).files
  }
  await writeCheckRecord(
    settings.packageDirectory,
    {
      commit,
      codeHash: result.codeHash,
      files: result.found ? (result.legacy?.files ?? files.length) : 0,
      bytes: result.found ? (result.legacy?.bytes ?? totalBytes(files)) : 0
    },
    result.found
  )
  const base = {
    mode: 'check' as const,
    commitHash: commit,
    codeHash: result.codeHash,
    location,
    elapsedMs: Date.now() - started,
    untrusted: result.untrusted
  }
  if (!result.found) {
    return {
      ...base,
      outcome: 'missing',
      found: false,
      source: 'none',
      files: 0,
      bytes: 0,
      message: tierOn
        ? `No assets for commit ${commit} nor for code hash ${result.codeHash}: build and upload them.`
        : `No assets for commit ${commit}: build and upload them.`
    }
  }
  const fileCount = result.legacy?.files ?? files.length
  return {
    ...base,
    outcome: 'found',
    found: true,
    source: result.source,
    files: fileCount,
    bytes: result.legacy?.bytes ?? totalBytes(files),
    message:
      result.source === 'commit'
        ? `Found the assets of commit ${commit} (${plural(fileCount, 'file')})${download ? ' and downloaded them' : ''}.`
        : `Found the assets under code hash ${result.codeHash} and copied them to commit ${commit} (${plural(fileCount, 'file')})${download ? ', then downloaded them' : ''}.`
  }
}
