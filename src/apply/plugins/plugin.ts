import type { SetPolicy } from '../../sets/asset-sets.js'
import type { Store } from '../../stores/store.js'
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
}

/** A tool instance ready to run: options with every var, env and output reference resolved. */
export interface ResolvedTool {
  readonly ref: string
  readonly instanceID: string
  readonly options: Record<string, unknown>
}

export type Outputs = Record<string, unknown>

export interface ApplyResult {
  readonly outputs: Outputs
  /** True when a build command ran (the `found` output is true only if none did). */
  readonly built: boolean
}

/** A plugin creates, reads, updates and deletes one kind of resource. */
export interface Plugin {
  readonly name: string
  /** Checks options before anything runs; throws a ConfigError naming the tool. */
  validate(tool: ResolvedTool): void
  /**
   * What identifies the wanted resource besides its options (assets: the code hash, which also covers
   * its dependencies' fingerprints). Compared with the state's `codeHash` output.
   */
  fingerprint?(tool: ResolvedTool, context: PluginContext, dependencies: readonly string[]): Promise<string>
  /** Whether the resource the state records is still there; `detail` says what is missing. */
  read(entry: StateEntry, context: PluginContext): Promise<{ readonly exists: boolean; readonly detail?: string }>
  /** Creates or updates the resource. */
  apply(tool: ResolvedTool, context: PluginContext, fingerprint: string | undefined): Promise<ApplyResult>
  delete(entry: StateEntry, context: PluginContext): Promise<void>
}
