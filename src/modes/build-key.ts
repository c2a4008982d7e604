import { variantPrefix } from '../sets/layout.js'
import * as core from '../runner.js'
import path from 'node:path'
import { ACTION_FILES, CACHE_STAGE, Inputs } from '../constants.js'
import { rawInput } from '../settings/read.js'
import type { Settings } from '../settings/types.js'
import { formatBytes } from '../util/progress.js'
import { plural } from '../util/text.js'
import type { BuildKey } from '../sets/asset-sets.js'
import { currentPlatform } from '../sets/platform.js'
import type { KeyInputs } from '../hashing/set-key.js'
import type { CodeHash } from '../hashing/code-hash.js'

/** What the action itself writes, wherever it lies: never an input of the build it keys. */
export function actionOutputs(settings: Settings): string[] {
  const outputs = [settings.packageDirectory]
  if (settings.store.kind === 'local') outputs.push(settings.store.root)
  if (settings.store.kind === 'actions-cache') outputs.push(path.join(process.env.RUNNER_TEMP || process.cwd(), CACHE_STAGE))
  return outputs
}

export interface ComputedKey extends BuildKey {
  readonly inputs: KeyInputs
}

/**
 * The code-hash set key of this run: the files `code-hash-paths` match (never the package directory, a
 * local store or this action's files in the repository), the digests of `code-hash-env`'s values and of
 * `code-hash-key` (hashing/set-key.ts). Logs how it was computed.
 */
export async function computeBuildKey(settings: Settings): Promise<ComputedKey> {
  const started = Date.now()
  // Loaded only when a key is needed: a commit hit never pays for the glob libraries.
  const { computeCodeHash, outputExclusions, sourcesInOutput, sourcesInOutputError } = await import('../hashing/code-hash.js')
  const { envIngredients, setKey } = await import('../hashing/set-key.js')
  const { sha256Hex } = await import('../util/digest-stream.js')
  const exclude = outputExclusions(settings.repoPath, actionOutputs(settings), ACTION_FILES)
  const checkOutputs = (hashed: CodeHash): void => {
    const sources = sourcesInOutput(hashed, settings.repoPath, settings.packageDirectory)
    if (sources.length === 0) return
    const given = Boolean(rawInput(Inputs.PackageDirectory) || process.env.PACKAGE_DIRECTORY?.trim())
    throw sourcesInOutputError(
      sources,
      `'${Inputs.PackageDirectory}'${given ? '' : ' (its default, ./packages)'}`,
      path.relative(settings.repoPath, settings.packageDirectory) || '.',
      `Set '${Inputs.PackageDirectory}' to the folder the build writes (such as 'dist' or 'build-output'), or leave these files out of 'code-hash-paths'.`
    )
  }
  const result = await computeCodeHash(settings.repoPath, settings.codeHashPatterns, { exclude, checkOutputs })
  const inputs: KeyInputs = {
    filesHash: result.hash,
    files: result.entries,
    env: envIngredients(settings.codeHashEnv),
    ...(settings.codeHashKey ? { keyText: sha256Hex(settings.codeHashKey) } : {}),
    platform: currentPlatform()
  }
  const key = setKey(inputs)
  const how =
    result.method === 'git'
      ? `ids from git's index, ${plural(result.hashed, 'file')} read: changed, untracked, or written as the index was`
      : `every file hashed, ${formatBytes(result.bytes)}, no git work tree at ${settings.repoPath}`
  const extra = [
    ...(settings.codeHashEnv.length > 0 ? [`the values of ${settings.codeHashEnv.join(', ')}`] : []),
    ...(settings.codeHashKey ? ['code-hash-key'] : [])
  ]
  core.info(
    `Code hash ${key} over ${plural(result.files, 'file')}${extra.length > 0 ? ` and ${extra.join(' and ')}` : ''} (${how}) in ${Date.now() - started} ms.`
  )
  if (exclude.length > 0)
    core.info(
      `Never hashed, as outputs: ${exclude.join(', ')}${result.excluded > 0 ? ` (${plural(result.excluded, 'tracked file')} the patterns match)` : ''}.`
    )
  return { key, inputs }
}

/** The key prefix sets of this run live under: the store prefix and the variant's folder. */
export function setsPrefix(settings: Settings): string {
  return variantPrefix(settings.store.prefix, settings.variant)
}
