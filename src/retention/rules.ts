import { isSetBookkeeping } from '../sets/layout.js'
import type { ListedSet } from './inventory.js'

const DAY = 24 * 60 * 60 * 1000
/** Objects without a manifest younger than this may be an upload in progress: never touched. */
const UPLOAD_GRACE_MS = 60 * 60 * 1000

export interface RetentionRules {
  readonly keepDays: number
  /** The newest commit sets of each family (the store prefix, or an apply instance's folder) always stay. */
  readonly keepLast: number
  readonly now: Date
  /** Set roots apply's state references, with the tool that does. */
  readonly referenced: ReadonlyMap<string, string>
  /** Sets without a manifest are the original tool's sets (legacy-sets), aged by their newest object. */
  readonly legacySets: boolean
}

/** What prune knows of a set beyond the listing: the manifest's createdAt and the marker's lastUsedAt. */
export interface SetDates {
  readonly createdAt?: Date
  readonly lastUsedAt?: Date
}

export interface Decision {
  readonly set: ListedSet
  readonly delete: boolean
  /** A set with a manifest (or a legacy set); false for objects left behind without one. */
  readonly complete: boolean
  /** When the set was last created or used (newest object for sets without a manifest). */
  readonly age: Date
  readonly reason: string
}

function daysAgo(date: Date, now: Date): string {
  const days = Math.floor((now.getTime() - date.getTime()) / DAY)
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`
}

const newer = (a: Date | undefined, b: Date | undefined): Date | undefined => (!a ? b : !b ? a : a > b ? a : b)

/**
 * Decides each set's fate. A set with a manifest is as old as the newer of its creation and its last use;
 * it goes when that is more than keep-days ago, unless it is one of the keep-last newest commit sets of its
 * family or apply's state references it. Objects without a manifest go when nothing was written to them for
 * keep-days (and at least an hour, so an upload in progress is never touched).
 */
export function decide(sets: readonly ListedSet[], dates: ReadonlyMap<string, SetDates>, rules: RetentionRules): Decision[] {
  const cutoff = new Date(rules.now.getTime() - rules.keepDays * DAY)
  const graceCutoff = new Date(Math.min(cutoff.getTime(), rules.now.getTime() - UPLOAD_GRACE_MS))
  // An original tool's set (legacy-sets) has files: a claim or a last-use marker alone is not one.
  const legacySet = (set: ListedSet): boolean =>
    rules.legacySets &&
    set.tier === 'artifacts' &&
    !set.manifest &&
    set.objects.some((object) => !isSetBookkeeping(object.key.slice(set.root.length)))
  const complete = (set: ListedSet): boolean => dates.get(set.root)?.createdAt !== undefined || legacySet(set)
  const ageOf = (set: ListedSet): Date => {
    const known = dates.get(set.root)
    return (known?.createdAt && newer(known.createdAt, known.lastUsedAt)) ?? set.newest
  }

  const newestCommitSets = new Set<string>()
  const families = new Map<string, ListedSet[]>()
  for (const set of sets) {
    if (set.tier !== 'artifacts' || !complete(set)) continue
    families.set(set.family, [...(families.get(set.family) ?? []), set])
  }
  for (const family of families.values()) {
    family.sort((a, b) => ageOf(b).getTime() - ageOf(a).getTime())
    for (const set of family.slice(0, rules.keepLast)) newestCommitSets.add(set.root)
  }

  return sets.map((set) => {
    const age = ageOf(set)
    if (!complete(set)) {
      const old = set.newest < graceCutoff
      return {
        set,
        complete: false,
        age,
        delete: old,
        reason: old
          ? `no manifest; last written ${daysAgo(set.newest, rules.now)} (left by an unfinished upload or prune)`
          : `no manifest, but written ${daysAgo(set.newest, rules.now)}: maybe an upload in progress`
      }
    }
    const known = dates.get(set.root)
    const used = known?.lastUsedAt && (!known.createdAt || known.lastUsedAt > known.createdAt)
    const when = `${used ? 'last used' : 'created'} ${daysAgo(age, rules.now)}`
    const tool = rules.referenced.get(set.root)
    if (tool) return { set, complete: true, age, delete: false, reason: `${when}; apply's state references it (${tool})` }
    if (newestCommitSets.has(set.root)) {
      return { set, complete: true, age, delete: false, reason: `${when}; one of the ${rules.keepLast} newest commit sets` }
    }
    const old = age < cutoff
    return { set, complete: true, age, delete: old, reason: when }
  })
}
