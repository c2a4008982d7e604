import * as core from '../../runner.js'
import { spawn } from 'node:child_process'
import path from 'node:path'
import { findOrPromote, readManifest } from '../../sets/object-sets.js'
import { publish } from '../../sets/object-publish.js'
import { computeCodeHash, outputExclusions, parsePatterns, sourcesInOutput, sourcesInOutputError } from '../../hashing/code-hash.js'
import { envIngredients, setKey, type KeyInputs } from '../../hashing/set-key.js'
import { sha256Hex } from '../../util/digest-stream.js'
import { commitPrefix, variantPrefix } from '../../sets/layout.js'
import { MAX_PACK_BELOW, normalizePrefix, parseByteSize } from '../../settings/values.js'
import { totalBytes } from '../../sets/manifest.js'
import { PACK_COMPRESSIONS, type PackCompression } from '../../sets/pack-encoding.js'
import { ConfigError } from '../errors.js'
import { cancelledBy, cancelSignal } from '../../util/cancellation.js'
import { isInside } from '../../util/paths.js'
import type { ShellCommand } from '../shell.js'
import type { StateEntry } from '../state.js'
import { refuseUnknownOptions, type ApplyResult, type Plugin, type PluginContext, type ResolvedTool } from './plugin.js'

interface AssetsOptions {
  readonly paths: string[]
  readonly run?: string
  readonly directory: string
  readonly prefix?: string
  /** As the `pack-below` input: files smaller than this go into packs. */
  readonly packBelow: number
  /** As the `pack-compression` input: 'none' keeps this tool's packs plain tar. */
  readonly packCompression: PackCompression
  /** As the `variant` input: keeps this tool's sets of different platforms or flavours apart. */
  readonly variant: string
  /** As the `cross-platform` input, for this tool. */
  readonly crossPlatform?: boolean
}

function readOptions(tool: { ref: string; options: Record<string, unknown> }): AssetsOptions {
  refuseUnknownOptions(tool, ['paths', 'run', 'directory', 'prefix', 'packBelow', 'packCompression', 'variant', 'crossPlatform'])
  const { paths, run, directory, prefix, packBelow, packCompression, variant, crossPlatform } = tool.options
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
  if (packCompression !== undefined && !(PACK_COMPRESSIONS as readonly unknown[]).includes(packCompression)) {
    throw new ConfigError(
      `Tool ${tool.ref}: 'options.packCompression' must be auto (zstd where the runtime has it) or none (plain tar packs).`
    )
  }
  if (variant !== undefined && (typeof variant !== 'string' || !/^([A-Za-z0-9][A-Za-z0-9._-]{0,63})?$/.test(variant))) {
    throw new ConfigError(`Tool ${tool.ref}: 'options.variant' must be up to 64 letters, digits, '.', '_' or '-' (such as linux-x64).`)
  }
  if (crossPlatform !== undefined && typeof crossPlatform !== 'boolean') {
    throw new ConfigError(`Tool ${tool.ref}: 'options.crossPlatform' must be true or false.`)
  }
  return {
    paths: list,
    run,
    directory,
    prefix,
    packBelow: packBytes,
    packCompression: (packCompression as PackCompression | undefined) ?? 'auto',
    variant: (variant as string | undefined) ?? '',
    crossPlatform
  }
}

/** Each instance lives under `<store prefix><instanceID>/` unless options.prefix says otherwise, then in its variant's folder. */
function instancePrefix(instanceID: string, options: { prefix?: unknown; variant?: unknown }, context: PluginContext): string {
  const base =
    typeof options.prefix === 'string'
      ? normalizePrefix(options.prefix, `Tool assets.${instanceID}: 'options.prefix'`)
      : `${context.storePrefix}${instanceID}/`
  return variantPrefix(base, typeof options.variant === 'string' ? options.variant : '')
}

/** A build command failed: its exit (the summary names it; what the command printed stays in the log). */
export class BuildError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null
  ) {
    super(`the build command ${exitCode === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${exitCode}`}: ${command}`)
    this.name = 'BuildError'
  }
}

/**
 * Runs the build at the repository root, its output streamed inside a log group. The shell parses only the
 * command's text; every templated value reaches it as an environment variable (see apply/shell.ts). Logs
 * and errors show the command as written in the config, never with values in it. A cancelled step passes
 * its signal on to the build's whole process group and waits for it to end.
 */
async function runBuild(ref: string, command: ShellCommand, cwd: string): Promise<void> {
  const title = command.written.split(/\r?\n/)
  core.startGroup(`Build ${ref}: ${title[0]}${title.length > 1 ? ' …' : ''}`)
  try {
    const env = { ...process.env, ...command.env }
    const windows = process.platform === 'win32'
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      const child = command.delayedExpansion
        ? spawn(process.env.ComSpec ?? 'cmd.exe', ['/d', '/v:on', '/s', '/c', `"${command.script}"`], {
            cwd,
            env,
            windowsVerbatimArguments: true,
            stdio: ['ignore', 'inherit', 'inherit']
          })
        : spawn(command.script, { cwd, env, shell: true, stdio: ['ignore', 'inherit', 'inherit'], detached: !windows })
      const stop = (): void => {
        const signal = cancelledBy() ?? 'SIGTERM'
        try {
          if (!windows && child.pid !== undefined) process.kill(-child.pid, signal)
          else child.kill(signal)
        } catch {
          // already gone
        }
      }
      cancelSignal.addEventListener('abort', stop)
      child.once('error', (error) => {
        cancelSignal.removeEventListener('abort', stop)
        reject(error)
      })
      child.once('close', (exitCode, exitSignal) => {
        cancelSignal.removeEventListener('abort', stop)
        resolve({ code: exitCode, signal: exitSignal })
      })
    })
    if (code !== 0) throw new BuildError(command.written, code, signal)
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

  /**
   * The tool's set key (hashing/set-key.ts): its files (never its own directory, nor what apply writes), the
   * text of its run and the values of the [[ env ]] it uses, and the keys of the tools it depends on. A
   * changed recipe is a changed key, so it builds rather than being served the old output.
   */
  async fingerprint(tool, context, dependencies) {
    const options = readOptions(tool)
    const exclude = outputExclusions(context.repoPath, [path.resolve(context.repoPath, options.directory), ...context.outputs], [])
    const files = await computeCodeHash(context.repoPath, options.paths, {
      exclude,
      checkOutputs: (hashed) => {
        const sources = sourcesInOutput(hashed, context.repoPath, options.directory)
        if (sources.length > 0)
          throw sourcesInOutputError(
            sources,
            `Tool ${tool.ref}: options.directory`,
            options.directory,
            "Point 'directory' at the folder its run writes, or leave these files out of 'paths'."
          )
      }
    })
    const envNames = (tool.runTemplate?.slots ?? []).flatMap((slot) =>
      slot.kind === 'value' && slot.source === 'env' ? [slot.variable] : []
    )
    const inputs: KeyInputs = {
      filesHash: files.hash,
      files: files.entries,
      env: envIngredients(envNames),
      ...(tool.runTemplate ? { run: sha256Hex(tool.runTemplate.keyText) } : {}),
      ...(dependencies.length > 0 ? { dependencies: [...dependencies].sort() } : {}),
      platform: context.platform
    }
    return { key: setKey(inputs), inputs }
  },

  async read(entry: StateEntry, context, options) {
    const commit = entry.resourceStatus.outputs.commitHash
    if (typeof commit !== 'string') return { exists: false, detail: 'the state records no commit' }
    const setPrefix = commitPrefix(instancePrefix(entry.instanceID, options, context), commit)
    const manifest = await readManifest(context.store, setPrefix, context.policy, { commit })
    return manifest ? { exists: true } : { exists: false, detail: `no manifest at ${context.store.url(setPrefix)}` }
  },

  async apply(tool: ResolvedTool, context, fingerprint): Promise<ApplyResult> {
    const options = readOptions(tool)
    const prefix = instancePrefix(tool.instanceID, options, context)
    // The plan computes every assets tool's fingerprint before anything runs.
    if (fingerprint === undefined) throw new Error(`${tool.ref} has no fingerprint: it was not planned`)
    const codeHash = fingerprint.key
    const location = context.store.url(commitPrefix(prefix, context.commit))
    const found = await findOrPromote(
      context.store,
      {
        prefix,
        commit: context.commit,
        codeHash: async () => fingerprint,
        concurrency: context.concurrency,
        platform: context.platform,
        crossPlatform: options.crossPlatform ?? context.crossPlatform,
        explainMiss: true
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
    if (!found.found && found.missReason) core.info(`${tool.ref}: no set for code hash ${codeHash}: ${found.missReason.line}.`)
    if (!tool.run) {
      throw new Error(`no assets are stored for code hash ${codeHash} and the tool has no 'options.run' to build them`)
    }
    // Checked after every template in it was resolved: an output from the state must not point the upload elsewhere.
    const directory = path.resolve(context.repoPath, options.directory)
    if (!isInside(context.repoPath, directory)) {
      throw new ConfigError(
        `Tool ${tool.ref}: 'options.directory' resolves to ${directory}, outside the repository ${context.repoPath}: nothing was built or uploaded.`
      )
    }
    await runBuild(tool.ref, tool.run, context.repoPath)
    const { manifest } = await publish(
      context.store,
      {
        prefix,
        commit: context.commit,
        codeHash,
        ...(fingerprint.inputs ? { inputs: fingerprint.inputs } : {}),
        platform: context.platform,
        directory,
        concurrency: context.concurrency,
        packBelow: options.packBelow,
        packCompression: options.packCompression
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
