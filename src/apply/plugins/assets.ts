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
import type { ShellCommand } from '../shell.js'
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

/** Lines of a failed build's error output kept for the summary. */
export const STDERR_TAIL_LINES = 20

/** A build command failed: its exit, and the end of what it wrote to stderr (the summary shows both). */
export class BuildError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stderrTail: readonly string[]
  ) {
    super(`the build command ${exitCode === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${exitCode}`}: ${command}`)
    this.name = 'BuildError'
  }
}

/** Keeps the last `limit` lines of a stream that is also passed through. */
function lineTail(limit: number): { push(chunk: Buffer): void; lines(): string[] } {
  let lines: string[] = []
  let partial = ''
  return {
    push(chunk) {
      const parts = (partial + chunk.toString('utf8')).split(/\r?\n/)
      partial = parts.pop() ?? ''
      lines.push(...parts)
      if (lines.length > limit) lines = lines.slice(-limit)
    },
    lines: () => [...lines, ...(partial ? [partial] : [])].slice(-limit)
  }
}

/**
 * Runs the build at the repository root, its output streamed inside a log group. The shell parses only the
 * command's text; every templated value reaches it as an environment variable (see apply/shell.ts). Logs
 * and errors show the command as written in the config, never with values in it.
 */
async function runBuild(ref: string, command: ShellCommand, cwd: string): Promise<void> {
  const title = command.written.split(/\r?\n/)
  core.startGroup(`Build ${ref}: ${title[0]}${title.length > 1 ? ' …' : ''}`)
  const tail = lineTail(STDERR_TAIL_LINES)
  try {
    const env = { ...process.env, ...command.env }
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      const child = command.delayedExpansion
        ? spawn(process.env.ComSpec ?? 'cmd.exe', ['/d', '/v:on', '/s', '/c', `"${command.script}"`], {
            cwd,
            env,
            windowsVerbatimArguments: true,
            stdio: ['ignore', 'inherit', 'pipe']
          })
        : spawn(command.script, { cwd, env, shell: true, stdio: ['ignore', 'inherit', 'pipe'] })
      child.stderr.on('data', (chunk: Buffer) => {
        process.stderr.write(chunk)
        tail.push(chunk)
      })
      child.once('error', reject)
      child.once('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }))
    })
    if (code !== 0) throw new BuildError(command.written, code, signal, tail.lines())
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
    const codeHash = fingerprint
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
    if (!tool.run) {
      throw new Error(`no assets are stored for code hash ${codeHash} and the tool has no 'options.run' to build them`)
    }
    await runBuild(tool.ref, tool.run, context.repoPath)
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
