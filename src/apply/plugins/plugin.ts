import { ConfigError } from '../errors.js'
import type { BuildKey, SetPolicy } from '../../sets/asset-sets.js'
import type { Store } from '../../stores/store.js'
import type { RunTemplate, ShellCommand } from '../shell.js'
import type { StateEntry } from '../state.js'

/** What plugins work with. */
export interface PluginContext {
  readonly store: Store
  /** Key prefix of the store ('' or ending in '/'). */
  readonly storePrefix: string
  readonly repoPath: string
  readonly commit: string
  readonly concurrency: number
  /** Signing keys and cache-write, as for check and upload. */
  readonly policy: SetPolicy
  /** Where this run builds, and whether sets built elsewhere are accepted (the cross-platform input). */
  readonly platform: string
  readonly crossPlatform: boolean
  /** Files and directories the action writes (a local store, a local state file): never hashed. */
  readonly outputs: readonly string[]
}

/** A tool instance ready to run: options with every var, env and output reference resolved. */
export interface ResolvedTool {
  readonly ref: string
  readonly instanceID: string
  readonly options: Record<string, unknown>
  /** The same as the state records them: values read from the environment only as digests. */
  readonly stateOptions?: Record<string, unknown>
  /** `options.run`, ready to run: its values in environment variables, never in its text. */
  readonly run?: ShellCommand
}

/** A tool as the plan sees it: options resolved but for other tools' outputs, its `run` as loaded. */
export interface PlannedTool {
  readonly ref: string
  readonly instanceID: string
  readonly options: Record<string, unknown>
  readonly stateOptions: Record<string, unknown>
  readonly runTemplate?: RunTemplate
}

export type Outputs = Record<string, unknown>

export interface ApplyResult {
  readonly outputs: Outputs
  /** The outputs as the state records them, when some derive from environment values (then as digests). */
  readonly stateOutputs?: Outputs
  /** True when a build command ran (the `found` output is true only if none did). */
  readonly built: boolean
}

/** A plugin creates, reads, updates and deletes one kind of resource. */
export interface Plugin {
  readonly name: string
  /** Checks options before anything runs; throws a ConfigError naming the tool. */
  validate(tool: { readonly ref: string; readonly options: Record<string, unknown> }): void
  /**
   * What identifies the wanted resource besides its options (assets: the code-hash set key, which covers
   * its files, its run and the keys of its dependencies), with what it was made of. Compared with the
   * state's `codeHash` output.
   */
  fingerprint?(tool: PlannedTool, context: PluginContext, dependencies: readonly string[]): Promise<BuildKey>
  /**
   * Whether the resource the state records is still there (`exists`: else dtm plans Create) and as recorded
   * (`drifted`: dtm plans Update); `detail` says what is missing or changed. `options` are the tool's current
   * options, resolved (the state's may hold digests).
   */
  read(
    entry: StateEntry,
    context: PluginContext,
    options: Record<string, unknown>
  ): Promise<{ readonly exists: boolean; readonly drifted?: boolean; readonly detail?: string }>
  /** Creates or updates the resource. */
  apply(tool: ResolvedTool, context: PluginContext, fingerprint: BuildKey | undefined): Promise<ApplyResult>
  delete(entry: StateEntry, context: PluginContext): Promise<void>
}

/**
 * An option a plugin does not read is refused, as an unknown tool-level key is: a misspelt `directroy` would
 * otherwise be dropped and the build stored from the wrong folder. `instanceID` is allowed: DevStream (from
 * v0.10, configmanager.go renderInstanceIDtoOptions) writes it into every tool's options.
 */
export function refuseUnknownOptions(tool: { ref: string; options: Record<string, unknown> }, allowed: readonly string[]): void {
  const unknown = Object.keys(tool.options).filter((key) => key !== 'instanceID' && !allowed.includes(key))
  if (unknown.length > 0)
    throw new ConfigError(
      `Tool ${tool.ref}: unknown option(s) ${unknown.map((key) => `'${key}'`).join(', ')} under 'options'; allowed: ${allowed.join(', ')}.`
    )
}
