import * as core from '../runner.js'
import type { ToolConfig } from './config.js'
import { ConfigError } from './errors.js'
import type { BuildKey } from '../sets/asset-sets.js'
import type { Plugin, PluginContext } from './plugins/plugin.js'
import type { State, StateEntry } from './state.js'
import { resolveReferences } from './template.js'

export type ChangeAction = 'Create' | 'Update' | 'Delete'

export interface Change {
  /** State key, `name_instanceID`. */
  readonly key: string
  /** `name/instanceID`, as the log writes it. */
  readonly label: string
  readonly action: ChangeAction
  readonly reason: string
  /** The tool (Create, Update) or the state entry (Delete). */
  readonly tool?: ToolConfig
  readonly entry?: StateEntry
}

export interface Plan {
  /** Creates and updates in dependency order, then deletes in reverse dependency order. */
  readonly changes: readonly Change[]
  /** Each config tool's fingerprint (assets: its code-hash set key and what it was made of), by ref. */
  readonly fingerprints: ReadonlyMap<string, BuildKey>
}

const label = (name: string, instanceID: string): string => `${name}/${instanceID}`

/**
 * Sorts nodes into batches that only depend on earlier batches, each batch in the order the nodes were given
 * (config order, as dtm runs them); a cycle is an error naming its members.
 */
export function topologicalBatches<T>(nodes: readonly T[], id: (node: T) => string, dependencies: (node: T) => readonly string[]): T[][] {
  const remaining = new Map(nodes.map((node) => [id(node), node]))
  const done = new Set<string>()
  const batches: T[][] = []
  while (remaining.size > 0) {
    const ready = [...remaining.values()].filter((node) => dependencies(node).every((dep) => done.has(dep) || !remaining.has(dep)))
    if (ready.length === 0) {
      throw new ConfigError(
        `These tools depend on each other in a cycle: ${[...remaining.keys()].join(', ')}. Remove one dependsOn or reference.`
      )
    }
    for (const node of ready) remaining.delete(id(node))
    for (const node of ready) done.add(id(node))
    batches.push(ready)
  }
  return batches
}

/** Key-order-independent equality of plain YAML/JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical)
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])])
      )
    }
    return value
  }
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** Outputs of `tool` ('name.instanceID') as `resources` record them, for references. */
export function outputLookup(resources: ReadonlyMap<string, StateEntry>, where: string): (tool: string, key: string) => unknown {
  return (tool, key) => {
    const entry = resources.get(tool.replace('.', '_'))
    const outputs = entry?.resourceStatus.outputs
    if (!outputs || !(key in outputs)) {
      throw new ConfigError(
        `${where}: \${{ ${tool}.outputs.${key} }} cannot be resolved: ${entry ? `${tool} has no output '${key}' (it has: ${Object.keys(outputs ?? {}).join(', ') || 'none'})` : `${tool} has not run yet`}.`
      )
    }
    return outputs[key]
  }
}

/**
 * Options as compared with the state, without an `instanceID` equal to the tool's own. DevStream from v0.10 writes `instanceID` into every
 * tool's options before saving (configmanager.go, renderInstanceIDtoOptions in tool.go); this action does not,
 * so a state DevStream wrote would otherwise show every tool as changed once.
 */
function withoutInjectedInstanceID(options: unknown, instanceID: string): unknown {
  if (!options || typeof options !== 'object' || (options as Record<string, unknown>).instanceID !== instanceID) return options
  const { instanceID: _injected, ...rest } = options as Record<string, unknown>
  return rest
}

/**
 * Compares the config with the state and with what really exists (each plugin's read), in dependency order
 * so that a tool whose dependency is created or updated is updated too. Logs each decision as DevStream does.
 */
export async function computePlan(
  tools: readonly ToolConfig[],
  state: State,
  plugins: ReadonlyMap<string, Plugin>,
  context: PluginContext
): Promise<Plan> {
  const batches = topologicalBatches(
    tools,
    (tool) => tool.ref,
    (tool) => [...tool.dependencies, ...tool.after]
  )
  const fingerprints = new Map<string, BuildKey>()
  const changing = new Set<string>()
  const changes: Change[] = []
  for (const tool of batches.flat()) {
    const plugin = plugins.get(tool.name)!
    plugin.validate(tool)
    const dependencyFingerprints = tool.dependencies.map((dep) => fingerprints.get(dep)?.key).filter((f): f is string => f !== undefined)
    const planned = {
      ref: tool.ref,
      instanceID: tool.instanceID,
      options: tool.options,
      stateOptions: tool.stateOptions,
      runTemplate: tool.run
    }
    const built = plugin.fingerprint ? await plugin.fingerprint(planned, context, dependencyFingerprints) : undefined
    if (built) fingerprints.set(tool.ref, built)
    const fingerprint = built?.key
    const name = label(tool.name, tool.instanceID)
    const entry = state.resources.get(tool.key)
    const change = (action: ChangeAction, reason: string, message: string): void => {
      core.info(message)
      changing.add(tool.ref)
      changes.push({ key: tool.key, label: name, action, reason, tool, entry })
    }
    if (!entry) {
      change('Create', 'not in the state', `Tool (${name}) found in config but doesn't exist in the state, will be created.`)
      continue
    }
    const changedDependency = tool.dependencies.find((dep) => changing.has(dep))
    if (changedDependency) {
      change(
        'Update',
        `dependency ${changedDependency} changes`,
        `Tool (${name}) depends on ${changedDependency}, which changes, will be updated.`
      )
      continue
    }
    let wanted: unknown
    try {
      wanted = resolveReferences(tool.stateOptions, outputLookup(state.resources, tool.file))
    } catch {
      wanted = undefined // a reference the state cannot answer: treat as changed
    }
    if (
      !sameValue(withoutInjectedInstanceID(wanted, tool.instanceID), withoutInjectedInstanceID(entry.options, entry.instanceID)) ||
      !sameValue([...tool.dependencies].sort(), [...entry.dependsOn].sort())
    ) {
      change('Update', 'options changed', `Tool (${name}) config drifted from the state, will be updated.`)
      continue
    }
    const recorded = entry.resourceStatus.outputs.codeHash
    if (fingerprint !== undefined && fingerprint !== recorded) {
      change(
        'Update',
        `code hash changed (${String(recorded).slice(0, 12)}… → ${fingerprint.slice(0, 12)}…)`,
        `Tool (${name}) code hash changed from ${String(recorded)} to ${fingerprint}, will be updated.`
      )
      continue
    }
    const live = await plugin.read(
      entry,
      context,
      resolveReferences(tool.options, outputLookup(state.resources, tool.file)) as Record<string, unknown>
    )
    if (!live.exists) {
      // As dtm: a tool in the state whose resource is gone is created again.
      change(
        'Create',
        `resource gone: ${live.detail ?? 'missing'}`,
        `Tool (${name}) state found but it seems the tool isn't created (${live.detail ?? 'missing'}), will be created.`
      )
      continue
    }
    if (live.drifted) {
      change(
        'Update',
        `resource drifted: ${live.detail ?? 'changed'}`,
        `Tool (${name}) drifted from the state (${live.detail ?? 'changed'}), will be updated.`
      )
      continue
    }
    core.info(`Tool (${name}) is up to date.`)
  }

  const wantedKeys = new Set(tools.map((tool) => tool.key))
  const orphans = [...state.resources.entries()].filter(([key]) => !wantedKeys.has(key)).map(([key, entry]) => ({ key, entry }))
  const deleteOrder = topologicalBatches(
    orphans,
    (orphan) => `${orphan.entry.name}.${orphan.entry.instanceID}`,
    (orphan) => orphan.entry.dependsOn
  )
    .flat()
    .reverse()
  for (const { key, entry } of deleteOrder) {
    if (!plugins.has(entry.name))
      throw new ConfigError(`The state holds ${key} of plugin '${entry.name}', which this action does not know; cannot delete it.`)
    const name = label(entry.name, entry.instanceID)
    core.info(`Tool (${name}) in the state but not in config, will be deleted.`)
    changes.push({ key, label: name, action: 'Delete', reason: 'not in the config', entry })
  }
  return { changes, fingerprints }
}
