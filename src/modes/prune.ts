import * as core from '../runner.js'
import pLimit from 'p-limit'
import { READ_LIMITS } from '../constants.js'
import { InputError, IntegrityError } from '../errors.js'
import type { Settings } from '../settings/types.js'
import { plural } from '../util/text.js'
import { formatBytes } from '../util/progress.js'
import { groupSets, type ListedSet } from '../retention/inventory.js'
import { decide, type Decision, type SetDates } from '../retention/rules.js'
import { manifestKey, siblingPrefix } from '../sets/layout.js'
import { createStore } from '../stores/index.js'
import type { Store } from '../stores/store.js'

/** Manifest and marker reads in flight at once. */
const READS_IN_FLIGHT = 32
const PROGRESS_INTERVAL_MS = 5000

export interface PruneOutcome {
  readonly planOnly: boolean
  readonly decisions: readonly Decision[]
  /** Sets (with a manifest, or legacy sets) deleted, or to delete with plan-only. */
  readonly prunedSets: number
  /** Groups of objects without a manifest deleted. */
  readonly prunedOrphans: number
  readonly prunedObjects: number
  readonly prunedBytes: number
  readonly keptSets: number
  /** The URL of the pruned prefix, and the prefix itself (set roots in the report are relative to it). */
  readonly storeName: string
  readonly prefix: string
  readonly url: (key: string) => string
  readonly elapsedMs: number
  readonly message: string
}

/** Logs `line()` at most every few seconds, so a long listing or deletion shows it is moving. */
function throttled(line: (count: number) => string): (count: number) => void {
  let last = Date.now()
  return (count) => {
    if (Date.now() - last < PROGRESS_INTERVAL_MS) return
    last = Date.now()
    core.info(line(count))
  }
}

/** When a manifest says its set was created; undefined when it does not say it readably. */
function createdAtOf(manifestText: string): Date | undefined {
  try {
    const value = (JSON.parse(manifestText) as { createdAt?: unknown }).createdAt
    const date = typeof value === 'string' ? new Date(value) : undefined
    return date && !Number.isNaN(date.getTime()) ? date : undefined
  } catch {
    return undefined
  }
}

/**
 * When each set with a manifest was created (the manifest's `createdAt`, else the manifest object's date)
 * and last used (the `.last-used` marker's date in the listing: it is written at the moment of use, so its
 * content need not be read).
 */
async function readDates(store: Store, sets: readonly ListedSet[]): Promise<Map<string, SetDates>> {
  const dates = new Map<string, SetDates>()
  const limit = pLimit(READS_IN_FLIGHT)
  const withManifest = sets.filter((set) => set.manifest)
  let read = 0
  const progress = throttled((count) => `Read ${count}/${withManifest.length} manifests.`)
  await Promise.all(
    withManifest.map((set) =>
      limit(async () => {
        // A manifest too large to read is aged by its object's date, like one without createdAt.
        const text = await store.readText(manifestKey(set.root), READ_LIMITS.manifest).catch((error: unknown) => {
          if (error instanceof IntegrityError) return ''
          throw error
        })
        progress(++read)
        if (text === undefined) return // deleted since the listing: its objects are now without a manifest
        dates.set(set.root, { createdAt: createdAtOf(text) ?? set.manifest!.lastModified, lastUsedAt: set.marker?.lastModified })
      })
    )
  )
  return dates
}

/** The set roots apply's state references: each assets tool's commit set and the code-hash set beside it. */
async function referencedSets(settings: Settings, store: Store, sets: readonly ListedSet[]): Promise<Map<string, string>> {
  const referenced = new Map<string, string>()
  if (!settings.prune.config) return referenced
  const { loadConfig } = await import('../apply/config.js')
  const { PLUGINS } = await import('../apply/plugins/index.js')
  const { stateStorageFor } = await import('../apply/state-storage.js')
  const { parseState } = await import('../apply/state.js')
  const config = await loadConfig(settings.prune.config, [...PLUGINS.keys()])
  const storage = await stateStorageFor(config.state, settings.store, settings.repoPath)
  try {
    const stored = await storage.get('state')
    if (!stored) {
      core.info(`The state ${storage.description} does not exist yet: no set is protected by it.`)
      return referenced
    }
    const state = parseState(stored.body, storage.description)
    const byUrl = new Map(sets.map((set) => [store.url(set.root), set]))
    for (const [key, entry] of state.resources) {
      const outputs = entry.resourceStatus.outputs
      const set = typeof outputs.location === 'string' ? byUrl.get(outputs.location) : undefined
      if (!set) continue
      referenced.set(set.root, key)
      if (typeof outputs.codeHash === 'string' && outputs.codeHash) {
        referenced.set(siblingPrefix(set, 'cache', outputs.codeHash), key)
      }
    }
    core.info(`apply's state ${storage.description} references ${plural(referenced.size, 'set')}: they are kept.`)
    return referenced
  } finally {
    storage.close()
  }
}

/**
 * Deletes what the rules give up: every doomed set's manifest first (so no check finds a set half
 * deleted), then all their other objects, in batches. A prune that stops midway leaves only objects
 * without a manifest, which the next prune removes.
 */
async function deleteSets(store: Store, doomed: readonly Decision[]): Promise<void> {
  const manifests = doomed.flatMap((decision) => (decision.set.manifest ? [decision.set.manifest.key] : []))
  const manifestSet = new Set(manifests)
  const rest = doomed.flatMap((decision) => decision.set.objects.map((object) => object.key).filter((key) => !manifestSet.has(key)))
  const total = manifests.length + rest.length
  const progress = throttled((count) => `Deleted ${count}/${total} objects.`)
  await store.deleteMany(manifests, progress)
  await store.deleteMany(rest, (count) => progress(manifests.length + count))
}

/** prune: remove sets unused for keep-days (never the keep-last newest, never what apply's state uses). `now` is for tests. */
export async function prune(settings: Settings, now = new Date()): Promise<PruneOutcome> {
  const started = Date.now()
  if (settings.store.kind === 'actions-cache') {
    throw new InputError(
      `mode 'prune' works on the s3, gcs and local backends. The GitHub Actions cache evicts entries itself (unused for 7 days, or over the repository's limit), so there is nothing to prune.`
    )
  }
  const store = await createStore(settings.store, settings.concurrency)
  try {
    const where = store.url(settings.store.prefix)
    core.info(`Listing ${where} …`)
    const objects = await store.list(
      settings.store.prefix,
      throttled((count) => `Listed ${count} objects so far.`)
    )
    const sets = groupSets(objects, settings.store.prefix)
    core.info(`Listed ${plural(objects.length, 'object')}: ${plural(sets.length, 'set')} (with the objects left without a manifest).`)
    const dates = await readDates(store, sets)
    const referenced = await referencedSets(settings, store, sets)
    const decisions = decide(sets, dates, {
      keepDays: settings.prune.keepDays,
      keepLast: settings.prune.keepLast,
      now,
      referenced,
      legacySets: settings.legacySets
    })
    const doomed = decisions.filter((decision) => decision.delete)
    for (const decision of doomed) {
      core.info(`${settings.prune.planOnly ? 'Would delete' : 'Deleting'} ${store.url(decision.set.root)}: ${decision.reason}.`)
    }
    if (!settings.prune.planOnly && doomed.length > 0) await deleteSets(store, doomed)
    const prunedSets = doomed.filter((decision) => decision.complete).length
    const prunedOrphans = doomed.length - prunedSets
    const prunedObjects = doomed.reduce((sum, decision) => sum + decision.set.objects.length, 0)
    const prunedBytes = doomed.reduce((sum, decision) => sum + decision.set.bytes, 0)
    const keptSets = decisions.filter((decision) => !decision.delete && decision.complete).length
    const verb = settings.prune.planOnly ? 'Would delete' : 'Deleted'
    return {
      planOnly: settings.prune.planOnly,
      decisions,
      prunedSets,
      prunedOrphans,
      prunedObjects,
      prunedBytes,
      keptSets,
      storeName: where,
      prefix: settings.store.prefix,
      url: (key) => store.url(key),
      elapsedMs: Date.now() - started,
      message:
        `${verb} ${plural(prunedSets, 'set')} and ${plural(prunedOrphans, 'group')} of objects without a manifest ` +
        `(${plural(prunedObjects, 'object')}, ${formatBytes(prunedBytes)}); kept ${plural(keptSets, 'set')}.`
    }
  } finally {
    store.close()
  }
}
