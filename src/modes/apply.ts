import * as core from '../runner.js'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { loadConfig, type ApplyConfig, type StoreOverrides } from '../apply/config.js'
import { ConfigError } from '../apply/errors.js'
import { acquireLock, releaseLock } from '../apply/lock.js'
import { computePlan, outputLookup, type Plan } from '../apply/plan.js'
import { BuildError } from '../apply/plugins/assets.js'
import { PLUGINS } from '../apply/plugins/index.js'
import type { PluginContext } from '../apply/plugins/plugin.js'
import { stateStorageFor } from '../apply/state-storage.js'
import { StateFile, type StateEntry } from '../apply/state.js'
import { renderRun } from '../apply/shell.js'
import { resolveReferences } from '../apply/template.js'
import { commitSources, resolveCommit } from '../git.js'
import { plural } from '../util/text.js'
import { registerSecret } from '../util/redact.js'
import { ApplyFailedError, type ApplyOutcome, type PlanGraph } from './apply-outcome.js'
import { deriveS3Settings, normalizePrefix } from '../settings/values.js'
import type { Settings, StoreSettings } from '../settings/types.js'
import { createStore } from '../stores/index.js'
import { currentPlatform } from '../sets/platform.js'
import { asCancellation, CancelledError, cancelledBy } from '../util/cancellation.js'

/** The store plugins use: the action's, unless the config's `config.store` or Replibyte `datastore` names another. */
function storeSettingsFor(settings: Settings, overrides: StoreOverrides | undefined, baseDir: string): StoreSettings {
  if (!overrides) return settings.store
  const prefix = overrides.prefix !== undefined ? normalizePrefix(overrides.prefix, `The config's store prefix`) : settings.store.prefix
  const backend = overrides.backend ?? (overrides.bucket ? 's3' : settings.store.kind)
  if (backend === 'local') {
    const root = path.resolve(baseDir, overrides.localDir ?? '.asset-store')
    if (overrides.mustExist && !existsSync(root)) {
      throw new ConfigError(`datastore.local_disk.dir '${root}' does not exist. As with Replibyte, create it first (mkdir -p ${root}).`)
    }
    return { kind: 'local', prefix, root }
  }
  if (backend !== 's3' && backend !== 'gcs') throw new ConfigError(`config.store.backend is '${backend}'; allowed: s3, gcs, local.`)
  const bucket = overrides.bucket ?? (settings.store.kind === 's3' ? settings.store.bucket : undefined)
  if (!bucket) throw new ConfigError(`config.store uses the s3 backend but names no bucket (and the action's 'bucket' input is empty).`)
  for (const secret of [overrides.credentials?.secretAccessKey, overrides.credentials?.sessionToken]) registerSecret(secret)
  const derived = deriveS3Settings(settings.store, { bucket, prefix, region: overrides.region, endpoint: overrides.endpoint })
  return {
    ...derived,
    flavor: backend === 'gcs' ? 'gcs' : derived.flavor,
    credentials: overrides.credentials ?? (overrides.profile ? undefined : derived.credentials),
    profile: overrides.profile ?? (overrides.credentials ? undefined : derived.profile)
  }
}

function warnAboutEphemeralState(config: ApplyConfig): void {
  if (config.state.kind === 'local' && process.env.RUNNER_ENVIRONMENT === 'github-hosted') {
    core.warning(
      `The state is a local file (${config.state.file}) on a GitHub-hosted runner: it is lost when the job ends, so every run starts from an empty state. Use the s3 state backend.`
    )
  }
}

/** The plan as a graph: every config tool and every state entry to delete, with their dependencies. */
function planGraph(tools: ApplyConfig['tools'], plan: Plan): PlanGraph {
  const actions = new Map(plan.changes.map((change) => [change.key, change.action]))
  const nodes = tools.map((tool) => ({ ref: tool.ref, action: actions.get(tool.key) ?? ('Unchanged' as const) }))
  const edges = tools.flatMap((tool) =>
    tool.dependencies.map((dep) => ({
      from: dep,
      to: tool.ref,
      kind: tool.dependsOn.includes(dep) ? ('dependsOn' as const) : ('reference' as const)
    }))
  )
  for (const change of plan.changes) {
    if (change.action !== 'Delete' || !change.entry) continue
    const ref = `${change.entry.name}.${change.entry.instanceID}`
    nodes.push({ ref, action: 'Delete' })
    edges.push(...change.entry.dependsOn.map((dep) => ({ from: dep, to: ref, kind: 'dependsOn' as const })))
  }
  return { nodes, edges }
}

function processingBanner(text: string): void {
  core.info(`-------------------- [  ${text}  ] --------------------`)
}

/** apply: read the config, plan against the state and the store, then carry the plan out, saving the state after each change. */
export async function apply(settings: Settings): Promise<ApplyOutcome> {
  const started = Date.now()
  const config = await loadConfig(settings.apply.config, [...PLUGINS.keys()])
  // Values read from the environment may be secrets: masked before anything below can print or send them.
  for (const value of config.envValues) registerSecret(value)
  warnAboutEphemeralState(config)
  for (const notice of config.notices) core.info(notice)
  for (const warning of config.warnings) core.warning(warning)
  const storeSettings = storeSettingsFor(settings, config.store, config.baseDir)
  const storage = await stateStorageFor(config.state, settings.store, settings.repoPath)
  const store = await createStore(storeSettings, settings.concurrency)
  try {
    core.info(`Using ${config.state.kind} backend for the state: ${storage.description}.`)
    const commit = await resolveCommit(await commitSources(settings))
    const context: PluginContext = {
      store,
      storePrefix: storeSettings.prefix,
      repoPath: settings.repoPath,
      commit,
      concurrency: settings.concurrency,
      policy: settings.policy,
      platform: currentPlatform(),
      crossPlatform: settings.crossPlatform,
      // What apply itself writes is never hashed: a local store, a local state file and its lock.
      outputs: [
        ...(storeSettings.kind === 'local' ? [storeSettings.root] : []),
        ...(config.state.kind === 'local' ? [config.state.file, `${config.state.file}.lock`] : [])
      ]
    }
    const stateFile = new StateFile(storage, settings.policy.signing, settings.apply.resignState)
    if (!settings.apply.planOnly && storage.honoursConditionalWrites && !(await storage.honoursConditionalWrites())) {
      core.warning(
        `The store of the state ${storage.description} ignores conditional writes (If-None-Match), so the state lock is best effort there: ` +
          `two applies that start at the same moment can both run. Each state write is still read back, so the state itself is never silently overwritten. ` +
          `AWS S3, MinIO, R2 and Ceph honour them.`
      )
    }
    const lock = settings.apply.planOnly
      ? undefined
      : await acquireLock(storage, { timeoutSeconds: settings.apply.lockTimeout, forceUnlock: settings.apply.forceUnlock })
    try {
      const state = await stateFile.load()
      if (stateFile.untrustedLoaded && !settings.apply.planOnly) {
        core.warning(
          `resign-state: the state ${storage.description} was ${stateFile.untrustedLoaded}; accepting it as it is and signing it now.`
        )
        await stateFile.save(state.resources)
      }
      const plan = await computePlan(config.tools, state, PLUGINS, context)
      const planned = plan.changes.map(({ key, action, reason }) => ({ key, action, reason }))
      const graph = planGraph(config.tools, plan)
      const outcome = (found: boolean, message: string, resources: ReadonlyMap<string, StateEntry>): ApplyOutcome => ({
        planOnly: settings.apply.planOnly,
        changes: plan.changes.length,
        plan: planned,
        graph,
        outputs: Object.fromEntries(config.tools.map((tool) => [tool.key, resources.get(tool.key)?.resourceStatus.outputs ?? {}])),
        found,
        commitHash: commit,
        stateDescription: storage.description,
        elapsedMs: Date.now() - started,
        message
      })
      const deletes = plan.changes.filter((change) => change.action === 'Delete')
      const deletesEverything = state.resources.size > 0 && deletes.length === state.resources.size
      if (deletesEverything && !settings.apply.allowDeleteAll) {
        const message =
          `This plan deletes every tool in the state ${storage.description}: ${deletes.map((change) => change.label).join(', ')}. ` +
          `That is usually a config slip (tools renamed, a tools file not read). If you mean it, set 'allow-delete-all: true'.`
        if (!settings.apply.planOnly) throw new ConfigError(`${message} Nothing was changed.`)
        core.warning(`${message} A run without plan-only will refuse it.`)
      }
      if (settings.apply.planOnly) {
        core.info(`Changes count: ${plan.changes.length}.`)
        const builds = plan.changes.some((change) => change.tool?.name === 'assets')
        return outcome(!builds, `Plan only: ${plural(plan.changes.length, 'change')}, nothing was done.`, state.resources)
      }
      if (plan.changes.length === 0) return outcome(true, 'No changes: the state matches the config.', state.resources)
      const run = await execute(plan, stateFile, context)
      if (run.failure) {
        const failed = outcome(false, run.failure.message, run.resources)
        throw new ApplyFailedError(run.failure.message, { ...failed, failure: run.failure.summary }, { cause: run.failure.cause })
      }
      return outcome(
        !run.built,
        `Applied ${plural(plan.changes.length, 'change')}; the state is saved in ${storage.description}.`,
        run.resources
      )
    } finally {
      if (lock) await releaseLock(storage, lock)
    }
  } finally {
    store.close()
    storage.close()
  }
}

interface ExecutionResult {
  readonly resources: Map<string, StateEntry>
  readonly built: boolean
  readonly failure?: { readonly message: string; readonly cause: unknown; readonly summary: ApplyOutcome['failure'] & object }
}

/** Runs the plan in order, saving the state after every successful change; the first failure stops it. */
async function execute(plan: Plan, stateFile: StateFile, context: PluginContext): Promise<ExecutionResult> {
  const resources = new Map(stateFile.state.resources)
  let built = false
  core.info('Start executing the plan.')
  core.info(`Changes count: ${plan.changes.length}.`)
  for (const [index, change] of plan.changes.entries()) {
    const applied =
      index === 0
        ? 'no change was applied'
        : `${index === 1 ? 'the change' : `the ${index} changes`} before it ${index === 1 ? 'was' : 'were'} applied and saved in the state`
    if (cancelledBy()) {
      throw new CancelledError(
        cancelledBy()!,
        `stopped before Tool (${change.label}) ${change.action}: ${applied}; the state lock is released`
      )
    }
    processingBanner(`Processing progress: ${index + 1}/${plan.changes.length}.`)
    core.info(`Processing: (${change.label}) -> ${change.action} ...`)
    try {
      if (change.action === 'Delete') {
        const entry = change.entry!
        await PLUGINS.get(entry.name)!.delete(entry, context)
        resources.delete(change.key)
      } else {
        const tool = change.tool!
        const lookup = outputLookup(resources, tool.file)
        const options = resolveReferences(tool.options, lookup) as Record<string, unknown>
        const stateOptions = resolveReferences(tool.stateOptions, lookup) as Record<string, unknown>
        const plugin = PLUGINS.get(tool.name)!
        const run = tool.run ? renderRun(tool.run, lookup) : undefined
        const result = await plugin.apply(
          { ref: tool.ref, instanceID: tool.instanceID, options, stateOptions, ...(run ? { run } : {}) },
          context,
          plan.fingerprints.get(tool.ref)
        )
        built ||= result.built
        resources.set(change.key, {
          name: tool.name,
          instanceID: tool.instanceID,
          dependsOn: tool.dependencies,
          options: stateOptions,
          resourceStatus: { outputs: result.stateOutputs ?? result.outputs }
        })
      }
      await stateFile.save(resources)
      core.info(`Tool (${change.label}) ${change.action} done.`)
    } catch (error) {
      processingBanner('Processing aborted.')
      // Cancelled: the tool under way is abandoned (its build was stopped and nothing of it is saved).
      if (cancelledBy()) {
        throw asCancellation(
          error,
          `Tool (${change.label}) ${change.action} was abandoned and not saved; ${applied}; the state lock is released`
        )
      }
      const kept =
        index === 0
          ? 'No change was applied'
          : index === 1
            ? 'The change before it was applied and is saved in the state'
            : `The ${index} changes before it were applied and are saved in the state`
      const reason = (error as Error).message ?? String(error)
      return {
        resources,
        built,
        failure: {
          message: `Tool (${change.label}) ${change.action} failed: ${reason}. ${kept}.`,
          cause: error,
          summary: {
            key: change.key,
            applied: index,
            error: reason,
            ...(error instanceof BuildError
              ? {
                  build: {
                    command: error.command,
                    exit: error.exitCode === null ? `killed by ${error.signal ?? 'a signal'}` : `exit code ${error.exitCode}`
                  }
                }
              : {})
          }
        }
      }
    }
  }
  processingBanner('Processing done.')
  return { resources, built }
}
