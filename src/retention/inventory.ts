import { LAST_USED_NAME, MANIFEST_NAME } from '../constants.js'
import type { StoredObject } from '../stores/store.js'

/** A set as a listing shows it: every object under one `artifacts/<commit>/` or `cache/<code hash>/` root. */
export interface ListedSet {
  /** Key prefix of the set, ending in '/': `<prefix>[<instance>/]artifacts/<commit>/`. */
  readonly root: string
  /** What the set sits under: '' or an apply instance's `<instance>/`, after the store prefix. */
  readonly family: string
  readonly tier: 'artifacts' | 'cache'
  /** The commit or code hash. */
  readonly id: string
  readonly objects: readonly StoredObject[]
  readonly manifest?: StoredObject
  readonly marker?: StoredObject
  readonly bytes: number
  /** The newest object's date: for a set without a manifest, how recently anything was written to it. */
  readonly newest: Date
}

/**
 * A set root: `artifacts/` + a commit (40 hex, or 64 for SHA-256 repositories) or `cache/` + a code hash,
 * at the top of the prefix or under folders (apply keeps each instance under `<instance>/`). The first
 * such segment pair of a key wins, so a set's own files never start a set.
 */
const SET_ROOT = /^((?:[^/]+\/)*?)(artifacts\/([0-9a-f]{40}|[0-9a-f]{64})|cache\/([0-9a-f]{32,64}))\//

/** Groups a listing of `prefix` into sets; keys outside any set (state files, objects apply wrote) are left out. */
export function groupSets(objects: readonly StoredObject[], prefix: string): ListedSet[] {
  const groups = new Map<string, { family: string; tier: 'artifacts' | 'cache'; id: string; objects: StoredObject[] }>()
  for (const object of objects) {
    if (!object.key.startsWith(prefix)) continue
    const match = SET_ROOT.exec(object.key.slice(prefix.length))
    if (!match) continue
    const root = `${prefix}${match[0]}`
    let group = groups.get(root)
    if (!group) {
      const tier = match[3] ? 'artifacts' : 'cache'
      group = { family: match[1]!, tier, id: (match[3] ?? match[4])!, objects: [] }
      groups.set(root, group)
    }
    group.objects.push(object)
  }
  return [...groups].map(([root, group]) => ({
    root,
    family: group.family,
    tier: group.tier,
    id: group.id,
    objects: group.objects,
    manifest: group.objects.find((object) => object.key === `${root}${MANIFEST_NAME}`),
    marker: group.objects.find((object) => object.key === `${root}${LAST_USED_NAME}`),
    bytes: group.objects.reduce((sum, object) => sum + object.size, 0),
    newest: new Date(Math.max(...group.objects.map((object) => object.lastModified.getTime())))
  }))
}
