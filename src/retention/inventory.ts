import { LAST_USED_NAME, MANIFEST_NAME } from '../constants.js'
import { parseSetRoot, type Tier } from '../sets/layout.js'
import type { StoredObject } from '../stores/store.js'

/** A set as a listing shows it: every object under one `artifacts/<commit>/` or `cache/<code hash>/` root. */
export interface ListedSet {
  /** Key prefix of the set, ending in '/': `<prefix>[<instance>/]artifacts/<commit>/`. */
  readonly root: string
  /** What the set sits under: '' or an apply instance's `<instance>/`, after the store prefix. */
  readonly family: string
  readonly tier: Tier
  /** The commit or code hash. */
  readonly id: string
  readonly objects: readonly StoredObject[]
  readonly manifest?: StoredObject
  readonly marker?: StoredObject
  readonly bytes: number
  /** The newest object's date: for a set without a manifest, how recently anything was written to it. */
  readonly newest: Date
}

/** Groups a listing of `prefix` into sets; keys outside any set (state files, objects apply wrote) are left out. */
export function groupSets(objects: readonly StoredObject[], prefix: string): ListedSet[] {
  const groups = new Map<string, { family: string; tier: Tier; id: string; objects: StoredObject[] }>()
  for (const object of objects) {
    if (!object.key.startsWith(prefix)) continue
    const found = parseSetRoot(object.key.slice(prefix.length))
    if (!found) continue
    const root = `${prefix}${found.root}`
    let group = groups.get(root)
    if (!group) {
      group = { family: found.family, tier: found.tier, id: found.id, objects: [] }
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
