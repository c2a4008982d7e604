import * as core from '@actions/core'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { findOrPromote, publish, readManifest } from '../../sets/object-sets.js'
import { computeCodeHash, parsePatterns } from '../../hashing/code-hash.js'
import { commitPrefix } from '../../sets/layout.js'
import { MAX_PACK_BELOW, normalizePrefix, parseByteSize } from '../../inputs.js'
import { totalBytes } from '../../sets/manifest.js'
import { ConfigError } from '../errors.js'
import type { StateEntry } from '../state.js'
import type { ApplyResult, Plugin, PluginContext, ResolvedTool } from './plugin.js'

interface AssetsOptions {
  readonly paths: string[]
  readonly run?: string
  readonly directory: string
  readonly prefix?: string
  /** As the `pack-below` input: files smaller than this go into packs. */
  readonly packBelow: number
}

function readOptions(tool: { ref: string; options: Record<string, unknown> }): AssetsOptions {
  const { paths, run, directory, prefix, packBelow } = tool.options
  const list = typeof paths === 'string' ? parsePatterns(paths) : Array.isArray(paths) ? paths.map(String) : []
  if (list.length === 0) throw new ConfigError(`Tool ${tool.ref}: 'options.paths' must list the code-hash patterns of what it builds from.`)
  if (typeof directory !== 'string' || !directory)
    throw new ConfigError(`Tool ${tool.ref}: 'options.directory' must name the directory its build writes.`)
  if (run !== undefined && typeof run !== 'string') throw new ConfigError(`Tool ${tool.ref}: 'options.run' must be a shell command.`)
  if (prefix !== undefined && typeof prefix !== 'string') throw new ConfigError(`Tool ${tool.ref}: 'options.prefix' must be a string.`)
  const packBytes =
    packBelow === undefined ? 0 : typeof packBelow === 'string' || typeof packBelow === 'number' ? parseByteSize(packBelow) : undefined
  if (packBytes === undefined || packBytes > MAX_PACK_BELOW) {
    throw new ConfigError(
      `Tool ${tool.ref}: 'options.packBelow' must be a size up to 64MiB such as 1MiB or 262144 (bytes), or 0 for no packs.`
    )
  }
  return { paths: list, run, directory, prefix, packBelow: packBytes }
}

/** Each instance lives under `<store prefix><instanceID>/` unless options.prefix says otherwise. */
function instancePrefix(instanceID: string, options: { prefix?: unknown }, context: PluginContext): string {
  return typeof options.prefix === 'string' ? normalizePrefix(options.prefix) : `${context.storePrefix}${instanceID}/`
}

/** Runs the build through the shell at the repository root, its output streamed inside a log group. */
async function runBuild(ref: string, command: string, cwd: string): Promise<void> {
  core.startGroup(`Build ${ref}: ${command}`)
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(command, { cwd, shell: true, stdio: ['ignore', 'inherit', 'inherit'] })
      child.once('error', reject)
      child.once('close', resolve)
    })
    if (code !== 0) throw new Error(`the build command '${command}' exited with code ${code}`)
  } finally {
    core.endGroup()
  }
}

/**
 * `assets`: a build output kept in the store like check/upload keep it. Create and Update look by commit,
 * then by code hash (copy, no build); only when both miss does the build run and its directory get uploaded.
 */
export const assetsPlugin: Plugin = {
  name: 'assets',

  validate(tool) {
    readOptions(tool)
  },

  async fingerprint(tool, context, dependencies) {
    const options = readOptions(tool)
    // The build's own output is never one of its inputs, even when a broad pattern such as web/** covers it.
    const output = path.posix.normalize(options.directory.replace(/\\/g, '/')).replace(/^\.\/|\/$/g, '')
    const inside = output !== '.' && output !== '' && !output.startsWith('../') && !path.isAbsolute(output)
    const own = (await computeCodeHash(context.repoPath, inside ? [...options.paths, `!${output}/**`] : options.paths)).hash
    if (dependencies.length === 0) return own // the same code hash check/upload compute for these paths
    return createHash('sha256')
      .update([own, ...[...dependencies].sort()].join('\n'))
      .digest('hex')
  },

  async read(entry: StateEntry, context) {
    const commit = entry.resourceStatus.outputs.commitHash
    if (typeof commit !== 'string') return { exists: false, detail: 'the state records no commit' }
    const setPrefix = commitPrefix(instancePrefix(entry.instanceID, entry.options, context), commit)
    const manifest = await readManifest(context.store, setPrefix, context.policy, { commit })
    return manifest ? { exists: true } : { exists: false, detail: `no manifest at ${context.store.url(setPrefix)}` }
  },

  async apply(tool: ResolvedTool, context, fingerprint): Promise<ApplyResult> {
    const options = readOptions(tool)
    const prefix = instancePrefix(tool.instanceID, options, context)
    const codeHash = fingerprint ?? (await this.fingerprint!(tool, context, []))
    const location = context.store.url(commitPrefix(prefix, context.commit))
    const found = await findOrPromote(
      context.store,
      {
        prefix,
        commit: context.commit,
        codeHash: async () => codeHash,
        concurrency: context.concurrency
      },
      context.policy
    )
    if (found.found) {
      core.info(
        `${tool.ref}: assets found (${found.source === 'commit' ? 'for this commit' : `in the cache under ${codeHash}`}); no build.`
      )
      const files = found.manifest?.files ?? []
      return {
        built: false,
        outputs: { commitHash: context.commit, codeHash, location, source: found.source, files: files.length, bytes: totalBytes(files) }
      }
    }
    if (!options.run) {
      throw new Error(`no assets are stored for code hash ${codeHash} and the tool has no 'options.run' to build them`)
    }
    await runBuild(tool.ref, options.run, context.repoPath)
    const manifest = await publish(
      context.store,
      {
        prefix,
        commit: context.commit,
        codeHash,
        directory: path.resolve(context.repoPath, options.directory),
        concurrency: context.concurrency,
        packBelow: options.packBelow
      },
      context.policy
    )
    return {
      built: true,
      outputs: {
        commitHash: context.commit,
        codeHash,
        location,
        source: 'build',
        files: manifest.files.length,
        bytes: totalBytes(manifest.files)
      }
    }
  },

  // Assets are immutable history: deleting the tool only drops it from the state.
  async delete() {}
}
