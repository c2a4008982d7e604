import { CLAIMS_FOLDER, LAST_USED_NAME, MANIFEST_NAME } from '../constants.js'

// The one place the store layout is written and read: every module that names or parses a set's key uses
// these (sets, the Actions-cache backend, inventory and prune).

/** The two tiers: sets keyed by commit, and by code hash. */
export type Tier = 'artifacts' | 'cache'

/** A set's own segment under its family: `artifacts/<commit>/` or `cache/<code-hash>/`. */
export function setSegment(tier: Tier, id: string): string {
  return `${tier}/${id}/`
}

/** Where a commit's asset set lives: `<prefix>artifacts/<commit>/`. */
export function commitPrefix(prefix: string, commit: string): string {
  return `${prefix}${setSegment('artifacts', commit)}`
}

/** Where the same assets live keyed by code hash: `<prefix>cache/<code-hash>/`. */
export function codeHashPrefix(prefix: string, codeHash: string): string {
  return `${prefix}${setSegment('cache', codeHash)}`
}

/** A set root found in a key: what it sits under (its family), its tier, its id and the root itself. */
export interface SetRoot {
  /** What the set sits under after the store prefix: '' or an apply instance's `<instance>/`. */
  readonly family: string
  readonly tier: Tier
  /** The commit or code hash. */
  readonly id: string
  /** The set's key prefix relative to the store prefix, ending in '/': `<family><tier>/<id>/`. */
  readonly root: string
}

/**
 * A set root: `artifacts/` + a commit (40 hex, or 64 for SHA-256 repositories) or `cache/` + a code hash,
 * at the top of the prefix or under folders (apply keeps each instance under `<instance>/`). The first
 * such segment pair of a key wins, so a set's own files never start a set.
 */
const SET_ROOT = /^((?:[^/]+\/)*?)(artifacts\/([0-9a-f]{40}|[0-9a-f]{64})|cache\/([0-9a-f]{32,64}))\//

/** The set a key (relative to the store prefix) belongs to, or undefined for keys outside any set. */
export function parseSetRoot(relativeKey: string): SetRoot | undefined {
  const match = SET_ROOT.exec(relativeKey)
  if (!match) return undefined
  return { family: match[1]!, tier: match[3] ? 'artifacts' : 'cache', id: (match[3] ?? match[4])!, root: match[0] }
}

/** The same family's set of another tier and id: a commit set's code-hash sibling, for example. */
export function siblingPrefix(set: { root: string; tier: Tier; id: string }, tier: Tier, id: string): string {
  return `${set.root.slice(0, set.root.length - setSegment(set.tier, set.id).length)}${setSegment(tier, id)}`
}

/**
 * The Actions cache has flat keys, not folders: a set is one entry, `<prefix>artifacts-<commit>` or
 * `<prefix>cache-<code-hash>`.
 */
export function cacheEntryKey(prefix: string, tier: Tier, id: string): string {
  return `${prefix}${tier}-${id}`
}

export function manifestKey(setPrefix: string): string {
  return `${setPrefix}${MANIFEST_NAME}`
}

/**
 * Whether a key under a set (relative to its root) is the set's own bookkeeping — its manifest, the last-use
 * marker, a run's claim under `.claims/` — rather than one of its files. Bookkeeping alone is not a set: a
 * claim is there while an upload runs, a marker may outlive a set prune deleted under a check.
 */
export function isSetBookkeeping(relativeKey: string): boolean {
  return relativeKey === MANIFEST_NAME || relativeKey === LAST_USED_NAME || relativeKey.startsWith(CLAIMS_FOLDER)
}

/**
 * The prefix sets live under for a variant: `<prefix>variants/<variant>/`, so variants (platforms, flavours)
 * are kept apart in both tiers and prune keeps its newest sets per variant. No variant: `<prefix>` itself,
 * exactly the original layout.
 */
export function variantPrefix(prefix: string, variant: string): string {
  return variant ? `${prefix}variants/${variant}/` : prefix
}

/** A pointer to the newest code-hash set under a prefix (`{"key":…}`): the build a miss is compared with. */
export function newestPointerKey(prefix: string): string {
  return `${prefix}cache/.newest.json`
}
